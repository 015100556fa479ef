"""Speaker kinds: person, organisation, group, anonymous or document.

A speaker phrase headed by a text ("einer Umfrage der IHK", "die Studie") is a *document*, whose
entity is its issuer where the phrase names one; one headed by a statement ("Angaben der
Polizei", "seiner Meinung", "Polizeiangaben") is spoken by its holder, whose kind it takes (with
no holder: *anonymous*, "ersten Angaben"); sources named only as circles or insiders
("aus Regierungskreisen", "ein Insider") are *anonymous*. Other phrases take the kind of the
entity they resolve to (see :func:`kind_of`). Word lists: ``document_nouns``,
``anonymous_sources`` and ``source_nouns`` in :mod:`quotes.lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import lexicon
from ..document import Word
from ..find.marks import ALL_MARKS
from ..german.morphology import strong_nominative
from ..german.words import ARTICLES, GENITIVE_ARTICLES, OWN_ADJECTIVES, POSSESSIVE_AGREEMENT, TEMPORAL_NOUNS
from .roles import is_acronym, is_capitalised, name_end, role_of

OWNER_LINKS = GENITIVE_ARTICLES | frozenset({"von", "vom"})
"""Words that open the holder of a statement or the issuer of a text ("Angaben der Polizei")."""


@dataclass(frozen=True)
class TextSource:
    """A speaker phrase that names a text or statement rather than who made it."""

    kind: str  # "document", "statement" or "anonymous"
    noun: Word
    owner: tuple[Word, ...] = ()  # "der Polizei" in "Angaben der Polizei"
    possessive: Word | None = None  # "seiner" in "seiner Meinung"
    compound_owner: str | None = None  # "Polizei" in "Polizeiangaben"
    own: bool = False  # "nach eigenen Angaben": the clause's subject holds it


def _head_noun(words: Sequence[Word]) -> int | None:
    """The position of the phrase's first noun, after articles, possessives and adjectives."""
    for i, word in enumerate(words):
        if word.text.lower() in ARTICLES or word.text.lower() in POSSESSIVE_AGREEMENT or word.upos in ("ADJ", "NUM", "DET"):
            continue
        if word.upos in ("NOUN", "PROPN", "X") and word.text[:1].isupper():
            return i
        return None
    return None


def _ends_with(form: str, list_name: str) -> str | None:
    """The entry of a curated ending list that ``form`` ends with (the longest), or None."""
    found = [entry for entry in lexicon.word_list(list_name) if form.endswith(entry)]
    return max(found, key=len) if found else None


def text_source(words: Sequence[Word]) -> TextSource | None:
    """What a text or statement phrase says about its source, or None for other phrases."""
    position = _head_noun(words)
    if position is None:
        return None
    noun = words[position]
    form = noun.text.lower()
    if _ends_with(form, "anonymous_sources"):
        return TextSource("anonymous", noun)
    if _ends_with(form, "document_nouns"):
        kind = "document"
    elif (ending := _ends_with(form, "source_nouns")) is not None:
        kind = "statement"
    else:
        return None
    owner = _owner(words[position + 1 :])
    possessive = next((w for w in words[:position] if w.text.lower() in POSSESSIVE_AGREEMENT), None)
    compound = None
    if kind == "statement" and not owner and possessive is None:
        prefix = noun.text[: len(noun.text) - len(ending)].rstrip("-")
        if len(prefix) >= 3 and prefix[:1].isupper():
            compound = prefix
    own = kind == "statement" and any(w.text.lower() in OWN_ADJECTIVES for w in words[:position])
    return TextSource(kind, noun, owner, possessive, compound, own)


def _owner(rest: Sequence[Word]) -> tuple[Word, ...]:
    """The holder after a statement or text noun: a genitive or "von" phrase ("der Polizei", "von
    n24"), or a genitive name right after it ("Meinung Russlands"), up to a comma or parenthesis."""
    if not rest:
        return ()
    first = rest[0]
    if first.text.lower() in OWNER_LINKS:
        start = 1 if first.text.lower() in ("von", "vom") else 0
    elif first.upos == "PROPN" or (first.text[:1].isupper() and first.text.lower() in lexicon.word_list("states")):
        start = 0  # "Meinung Russlands"
    else:
        return ()
    owner = []
    for word in rest[start:]:
        if word.text in (",", "(", ")", "–", "—") or word.upos == "VERB":
            break
        owner.append(word)
    if any(w.text.lower() in TEMPORAL_NOUNS for w in owner):
        return ()  # "Ersten Angaben vom gestrigen Mittwoch": a time, not a holder
    return tuple(owner) if any(w.text[:1].isupper() for w in owner) else ()


def genitive(owner: Sequence[Word]) -> bool:
    """Whether a holder phrase is a genitive with "-s" ("des Presseamtes", "Russlands"), not one
    with "der" or "von" whose name is uninflected."""
    return bool(owner) and (owner[0].text.lower() in ("des", "eines") or owner[0].upos == "PROPN")


def nominative(name: str) -> str:
    """The nominative of a name in the genitive: "Russlands" → "Russland", "ZDFs" → "ZDF",
    "Presseamtes" → "Presseamt", "Magazins" → "Magazin"; other names unchanged."""
    head, space, last = name.rpartition(" ")
    if len(last) < 4 or not last.endswith("s"):
        return name
    if last.endswith("es") and last[-3] in "tdszgkb" and not last[:-1].lower() in lexicon.word_list("states"):
        base = last[:-2]
    else:
        base = last[:-1]
    return head + space + base


# The gender a definite article shows in the nominative, for an organisation noun of no known ending.
_ARTICLE_GENDER = {"der": "Masc", "das": "Neut", "die": "Fem"}

# Prepositions that attach a place or field to an institution ("das Parlament in Mexiko-Stadt",
# "das Landesamt für Statistik").
_PLACE_LINKS = frozenset({"in", "von", "aus", "für"})


def organisation_description(text: str, words: Sequence[Word]) -> str | None:
    """The name of an institution described by a common noun, as written without article: its
    adjectives in the strong nominative, the noun in the nominative, and a place or genitive after
    it ("das russische Außenministerium" → "russisches Außenministerium", "des seismologischen
    Instituts von Athen" → "seismologisches Institut von Athen"); None when the phrase is headed by
    no such noun, names one after it ("die Nachrichtenagentur Reuters"), or adds nothing to the noun."""
    article = words[0].text.lower() if words and words[0].text.lower() in ARTICLES else None
    i = 1 if article else 0
    adjectives = []
    while i + 1 < len(words) and (words[i].upos == "ADJ" or is_acronym(words[i])):
        adjectives.append(words[i])
        i += 1
    if i >= len(words):
        return None
    head = words[i]
    noun = nominative(head.text) if article in ("des", "eines") else head.text  # "des Presseamtes"
    if head.upos != "NOUN" or not is_capitalised(head) or is_acronym(head) or role_of(head) is not None:
        return None
    if not noun.lower().endswith(lexicon.word_list("organisation_endings")):
        return None
    end = i + 1
    if end < len(words) and words[end].upos == "PROPN":
        return None
    if end + 1 < len(words) and words[end].text.lower() in _PLACE_LINKS and name_end(words, end + 1) > end + 1:
        end = name_end(words, end + 1)
    elif end + 1 < len(words) and words[end].text.lower() in GENITIVE_ARTICLES:
        k = end + 1
        while k < len(words) and words[k].upos == "ADJ":
            k += 1
        end = k + 1 if k < len(words) and is_capitalised(words[k]) and words[k].upos in ("NOUN", "PROPN") else end
    if not adjectives and end == i + 1:
        return None
    gender = lexicon.organisation_gender(noun) or _ARTICLE_GENDER.get(article or "")
    if gender is None:
        return None
    described = [strong_nominative(w.text, gender) if w.upos == "ADJ" else w.text for w in adjectives]
    described.append(noun)
    rest = text[head.end : words[end - 1].end]
    return " ".join(described) + rest


def quoted_name(words: Sequence[Word]) -> str | None:
    """The name between quotation marks in a phrase ("des Magazins „Der Spiegel“" → "Der Spiegel";
    "die „Bild“-Zeitung" → "Bild-Zeitung"), or None."""
    opening = next((i for i, w in enumerate(words) if w.text in ALL_MARKS), None)
    if opening is None:
        return None
    closing = next((i for i in range(opening + 1, len(words)) if words[i].text in ALL_MARKS), None)
    if closing is None or closing == opening + 1:
        return None
    inside = words[opening + 1 : closing]
    text = inside[0].text
    for previous, word in zip(inside, inside[1:]):
        text += (" " if word.start > previous.end else "") + word.text
    end = closing + 1
    while end < len(words) and words[end].start == words[end - 1].end and words[end].text not in ALL_MARKS:
        text += words[end].text  # "„Bild“-Zeitung": the compound goes on after the mark
        end += 1
    return text or None


def kind_of(entity_kind: str, named: bool, plural: bool) -> str:
    """The speaker kind of a resolved entity: an organisation; a named person; an unnamed role
    holder, anonymous when one and a group when several."""
    if entity_kind == "organisation":
        return "organisation"
    if plural:
        return "group"
    return "person" if named else "anonymous"
