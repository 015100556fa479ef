"""Speaker roles and names: "Sprecher des Innenministeriums", "Joe Tsai".

A noun phrase is read word by word rather than from the tree alone, because the compact model
attaches appositions and genitives unreliably: a *role* is a role noun from the lexicon with
its adjectives and complements, a *name* the run of capitalised words beside it. The same
reading finds roles elsewhere in the document: prenominal ("Innenminister Peter Brandt"),
appositive ("Joe Tsai, Chairman von Alibaba") and predicative ("Brandt ist Sprecher des
Ministeriums"); :func:`find_introductions` lists them in text order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import lexicon
from ..document import Word
from ..find.context import Context
from ..german.words import (
    ARTICLES,
    COMPLEMENT_LINKS,
    COPULAS,
    GENDER_TITLES,
    INDEFINITE_ARTICLES,
    TITLE_MODIFIERS,
    NOT_NAME,
    PERSONAL_ADJECTIVE_MARKS,
)
from ..lexicon import RoleNoun


# Parts of speech a word of a name may carry (the compact model tags names as NOUN or X too).
NAME_UPOS = frozenset({"PROPN", "NOUN", "X"})






@dataclass(frozen=True)
class Phrase:
    """What a speaker noun phrase says: its name, its role, and how it is determined."""

    words: tuple[Word, ...]
    name: tuple[Word, ...] = ()
    role: tuple[Word, ...] = ()
    noun: RoleNoun | None = None  # the role noun of ``role``
    article: Word | None = None  # the leading article, if any

    @property
    def definite(self) -> bool:
        return self.article is None or self.article.text.lower() not in INDEFINITE_ARTICLES

    @property
    def noun_word(self) -> Word | None:
        """The role noun itself ("Sprecher" in "Sprecher des Ministeriums")."""
        return next((w for w in self.role if role_of(w) is not None), None)


@dataclass(frozen=True)
class Introduction:
    """A name stated with a role somewhere in the document ("Innenminister Peter Brandt")."""

    offset: int
    name: tuple[Word, ...]
    role: tuple[Word, ...]
    noun: RoleNoun


def text_of(text: str, words: Sequence[Word]) -> str:
    """The document text from the first to the last word (their original spacing kept)."""
    return text[words[0].start : words[-1].end] if words else ""


def is_capitalised(word: Word) -> bool:
    return word.text[:1].isupper()


def is_acronym(word: Word) -> bool:
    """An all-capital word such as BBC, WHO or SPD: organisations, not people."""
    letters = [c for c in word.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def role_of(word: Word) -> RoleNoun | None:
    """The role noun a word names, or None; function words and names in the stop list never do."""
    if word.upos in ("DET", "PRON", "ADP", "PUNCT", "VERB", "AUX") or word.text.lower() in NOT_NAME:
        return None
    return lexicon.role_noun(word.text)


def is_organisation_word(word: Word) -> bool:
    """A noun that names an organisation by its ending, or an acronym."""
    low = word.text.lower()
    return is_acronym(word) or (is_capitalised(word) and low.endswith(lexicon.word_list("organisation_endings")))


def is_name_word(word: Word) -> bool:
    """A capitalised word that may belong to a name."""
    return (
        is_capitalised(word)
        and word.upos in NAME_UPOS
        and word.text.lower() not in NOT_NAME
        and any(c.isalpha() for c in word.text)
    )


def name_end(words: Sequence[Word], i: int) -> int:
    """The end of the run of name words starting at ``i`` (``i`` itself when there is none).

    A role noun ends the run unless it is tagged as a name after a name ("Peter Koch")."""
    j = i
    while j < len(words) and is_name_word(words[j]) and (role_of(words[j]) is None or (j > i and words[j].upos == "PROPN")):
        j += 1
        if glued_hyphen(words, j) and is_name_word(words[j + 1]):
            j += 1  # "Atomenergie-Organisation" split by the tokenizer: one word
        elif j + 2 < len(words) and words[j].text == "-" and words[j].start == words[j - 1].end and words[j + 1].text in ("und", "oder") and is_name_word(words[j + 2]):
            j += 2  # "Industrie- und Handelskammer": a shortened compound goes on after "und"
    return j


def _is_modifier(word: Word) -> bool:
    """An adjective or number before a role noun ("bildungspolitische", "ehemalige", "US-")."""
    if any(mark in word.text for mark in PERSONAL_ADJECTIVE_MARKS):
        return False
    return word.upos in ("ADJ", "NUM") or (not is_capitalised(word) and word.upos in NAME_UPOS)


def role_end(words: Sequence[Word], i: int) -> tuple[int, int, RoleNoun] | None:
    """The role phrase at ``i`` (after its article): (start, end, role noun), or None.

    The phrase is adjectives, a role noun and its complements: "bildungspolitische Sprecherin der
    Fraktion", "Chef der Bundesagentur für Arbeit". A complement takes one noun after its
    article and adjectives, so that a name after it stays a name ("Sprecher der Polizei Lars Beringer").
    """
    start = i
    while i < len(words) and words[i].text.lower() in ARTICLES:
        i += 1
        start = i
    while i < len(words) and (_is_modifier(words[i]) or words[i].text.lower() in TITLE_MODIFIERS) and role_of(words[i]) is None:
        i += 1
    if i >= len(words) or not is_capitalised(words[i]):
        return None
    noun = role_of(words[i])
    if noun is None:
        i = _hyphenated_role(words, i)
        noun = role_of(words[i]) if i is not None else None
    if noun is None or i is None:
        return None
    end = i + 1
    while end < len(words) and words[end].text.lower() in COMPLEMENT_LINKS:
        k = end + 1
        while k < len(words) and (words[k].text.lower() in ARTICLES or (words[k].upos == "ADJ" and k + 1 < len(words) and is_capitalised(words[k + 1]))):
            k += 1
        if k >= len(words) or not is_capitalised(words[k]) or words[k].upos not in NAME_UPOS:
            break
        end = k + 1
        while glued_hyphen(words, end):
            end += 2  # "der Atomenergie-Organisation" split by the tokenizer
        while words[k].upos == "PROPN" and end < len(words) and words[end].upos == "PROPN" and is_capitalised(words[end]):
            end += 1  # a name of several words: "von Huawei Europe", "von Tencent Music"
    return start, end, noun


def glued_hyphen(words: Sequence[Word], j: int) -> bool:
    """Whether ``words[j]`` is a hyphen the tokenizer split off inside a compound ("Atomenergie",
    "-", "Organisation"): glued to the words on both sides."""
    return (
        0 < j < len(words) - 1 and words[j].text in ("-", "‑")
        and words[j - 1].end == words[j].start and words[j].end == words[j + 1].start
    )


def _hyphenated_role(words: Sequence[Word], i: int) -> int | None:
    """The role noun that ``words[i]`` is the hyphenated first part of, where the tokenizer split
    the compound ("Tesla-Gründer", "Baidu-Chefin" as "Baidu", "-", "Chefin"), else None."""
    j = i + 1
    if j < len(words) and words[j].text in ("-", "‑") and words[j].start == words[i].end:
        j += 1
    if j < len(words) and words[j].start == words[i].end + 1 and is_capitalised(words[j]) and role_of(words[j]) is not None:
        return j
    return None


def _segments(words: Sequence[Word]) -> list[list[Word]]:
    """The comma-separated parts of a phrase, without parenthesised asides ("(SPD)")."""
    segments: list[list[Word]] = [[]]
    depth = 0
    for word in words:
        if word.text == "(":
            depth += 1
        elif word.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and word.text in (",", "–", "—"):
            segments.append([])
        elif depth == 0 and (word.upos != "PUNCT" or (word.text == "-" and segments[-1] and segments[-1][-1].end == word.start)):
            segments[-1].append(word)  # a hyphen glued to a word stays: "Industrie- und Handelskammer"
    return [s for s in segments if s]


def _name_in(segment: Sequence[Word]) -> tuple[Word, ...]:
    """The name in a segment without a role: the first run of name words with a PROPN (else the
    first run), skipping sources ("Angaben der Polizei" → "Polizei") and a descriptor noun in
    front ("Nachrichtenagentur Reuters" → "Reuters")."""
    runs: list[tuple[Word, ...]] = []
    i = 0
    while i < len(segment):
        end = name_end(segment, i)
        if end > i and not segment[end - 1].text.lower().endswith(lexicon.word_list("source_endings")):
            runs.append(tuple(segment[i:end]))
        i = max(end, i + 1)
    best = next((run for run in runs if any(w.upos == "PROPN" for w in run)), runs[0] if runs else ())
    while len(best) > 1 and best[0].upos == "NOUN" and is_organisation_word(best[0]) and any(w.upos == "PROPN" for w in best[1:]):
        best = best[1:]
    return best


def analyse(words: Sequence[Word]) -> Phrase:
    """Name and role of a speaker phrase: "Alibaba-Chef Eddie Wu", "Joe Tsai, Chairman von
    Alibaba", "Der Leiter des Programms, Klaus Stöhr", "ein Sprecher des Innenministeriums"."""
    segments = _segments(words)
    article = segments[0][0] if segments and segments[0][0].text.lower() in ARTICLES else None
    name: tuple[Word, ...] = ()
    role: tuple[Word, ...] = ()
    noun: RoleNoun | None = None
    for position, segment in enumerate(segments):
        found = role_end(segment, 0)
        if found is not None and not role:
            start, end, noun = found
            role = tuple(segment[start:end])
            rest = segment[end:]
            if not name and rest and name_end(rest, 0) == len(rest):
                name = tuple(rest)
            elif name and rest and name_end(rest, 0) == len(rest):
                role = tuple(segment[start:])  # "Li Wei, Vorstandschefin von Huawei Europe": the rest of the apposition
        elif not name and (position == 0 or segment[0].text.lower() not in ARTICLES):
            name = _name_in(segment)
    if name and all(not is_capitalised(w) for w in name):
        name = ()
    if len(name) > 1 and name[0].text.lower() in GENDER_TITLES:
        name = name[1:]  # "Herr Albrecht": the title is no part of the name
    return Phrase(tuple(words), name, role, noun, article)


def find_introductions(context: Context) -> list[Introduction]:
    """Names stated with a role outside quotations, in text order: prenominal ("Innenminister
    Peter Brandt"), appositive ("Joe Tsai, Chairman von Alibaba", "Der Sprecher, Peter Koch,")
    and predicative ("Koch ist Sprecher des Ministeriums")."""
    found: list[Introduction] = []
    for run in _unquoted_runs(context):
        i = 0
        while i < len(run):
            intro, i = _introduction_at(run, i)
            if intro is not None:
                found.append(intro)
    return found


def _introduction_at(words: Sequence[Word], i: int) -> tuple[Introduction | None, int]:
    """The introduction starting at ``i`` and the position after it (``i + 1`` when none)."""
    found = role_end(words, i) if words[i].text.lower() not in ARTICLES else None
    if found is not None and found[0] == i:
        start, end, noun = found
        j = end + 1 if end < len(words) and words[end].text == "," else end
        stop = name_end(words, j)
        if stop > j and (j == end or any(w.upos == "PROPN" for w in words[j:stop])):
            return Introduction(words[start].start, tuple(words[j:stop]), tuple(words[start:end]), noun), stop
        return None, end
    stop = name_end(words, i)
    if stop > i and any(w.upos == "PROPN" for w in words[i:stop]) and stop < len(words):
        link = words[stop].text.lower()
        if link == "," or link in COPULAS:
            role = role_end(words, stop + 1)
            if role is not None:
                start, end, noun = role
                return Introduction(words[i].start, tuple(words[i:stop]), tuple(words[start:end]), noun), end
    return None, max(stop, i + 1)


def _unquoted_runs(context: Context) -> list[list[Word]]:
    """Per sentence, the stretches of words outside quotation marks."""
    runs: list[list[Word]] = []
    previous_sentence = None
    for item in context.words:
        quoted = context.quotation_at(item.word.start) is not None
        if item.sentence.index != previous_sentence:
            runs.append([])
            previous_sentence = item.sentence.index
        if quoted:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(item.word)
    return [run for run in runs if run]
