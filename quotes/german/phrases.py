"""The German noun-phrase chunker: phrases by tree and by word order over :class:`~quotes.document.Located` words.

The tree gives a phrase's head; where the compact model attached words wrongly, part of speech
and punctuation decide where a phrase starts and ends.
"""

from __future__ import annotations

from typing import Sequence

from .. import lexicon
from ..document import Located, Sentence, Word
from ..find.marks import ALL_MARKS
from .clauses import CLAUSE_RELATIONS, RELATIVE_TAGS, opens_clause
from .words import (
    ACCUSATIVE_ARTICLES,
    DEMONSTRATIVE_SPEAKERS,
    FRAME_ADVERBS,
    GENITIVE_ARTICLES,
    LINKING_PREPOSITIONS,
    NAME_PARTICLES,
    NEGATIVE_DETERMINERS,
    NEW_PHRASE_STARTS,
    NO_ONE,
    PHRASE_COORDINATORS,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    TEMPORAL_NOUNS,
    VORFELD_LINKS,
)

NOUN_PHRASE_UPOS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})


def function_word(item: Located) -> bool:
    """An adverb, preposition or adjective by the lexicon, written small or capitalised only
    because it opens the sentence: the compact model tags many of these NOUN or PROPN there. A
    capital inside the sentence makes a noun or name ("sagte Kurz")."""
    word = item.word
    if lexicon.function_word(word.text) is None:
        return False
    previous = item.sentence.words[word.id - 2] if word.id > 1 else None
    return word.text[:1].islower() or previous is None or previous.upos == "PUNCT"


def preposition(word: Word) -> bool:
    return lexicon.function_word(word.text) == "ADP" or lexicon.cue_word(word.text.lower(), "preposition") is not None


def phrase_words(sentence: Sentence, head: Word) -> list[Word]:
    """The noun phrase headed by ``head``: its subtree without clauses, trimmed of punctuation."""
    excluded = [w for w in sentence.children(head) if w.deprel in CLAUSE_RELATIONS]
    words = sentence.subtree(head, exclude=excluded)
    while words and words[-1].upos == "PUNCT" and not (words[-1].text == ")" and any(w.text == "(" for w in words)):
        words.pop()
    while words and words[0].upos == "PUNCT":
        words.pop(0)
    return words


def chunk_after(items: Sequence[Located], position: int) -> list[Located]:
    """A noun phrase starting at ``items[position]`` by part of speech, skipping frame adverbs.

    Includes one apposition between commas ("der Chef der Bundesagentur, Frank-Jürgen Weise,").
    """
    i = position
    while i < len(items) and (items[i].word.text.lower() in FRAME_ADVERBS or items[i].word.upos == "ADV" or items[i].word.text == "sich"):
        i += 1  # "sagte dazu der Minister", "zeigte sich der Trainer zufrieden"
    if i < len(items) and items[i].word.upos == "PRON":
        return [items[i]] if items[i].word.text.lower() in PRONOUNS else []
    chunk = trim_speaker(_noun_run(items, i))
    end = i + len(chunk)
    if chunk and end + 1 < len(items) and items[end].word.text == ",":
        apposition = trim_speaker(_noun_run(items, end + 1))
        if apposition and any(item.word.upos == "PROPN" for item in apposition + chunk):
            chunk = chunk + [items[end]] + apposition
    return chunk


def adverb(word: Word) -> bool:
    """An adverb by either tag: the compact model's UPOS and XPOS disagree often ("hingegen" VERB/ADV)."""
    return not _name_tagged_adverb(word) and ((word.upos == "ADV" and word.xpos not in ("NE", "NN")) or word.xpos in ("ADV", "PAV", "PROAV"))


def _name_tagged_adverb(word: Word) -> bool:
    """An unknown name the compact model tagged ADV ("Wittner" ADV/NE, "Medvedev" ADV/ADV): it is
    capitalised and carries a noun tag or noun features, which adverbs never have, or is no
    adverb of the function-word lexicon."""
    return word.upos == "ADV" and word.text[:1].isupper() and (
        word.xpos in ("NE", "NN") or word.feat("Number") is not None or lexicon.function_word(word.text) is None
    )


def _nominal(word: Word) -> bool:
    """Part of a noun phrase by either tag ("Greenpeace" ADV/NE)."""
    return word.upos in NOUN_PHRASE_UPOS or word.xpos in ("NN", "NE") or _name_tagged_adverb(word)


def chunk_before(items: Sequence[Located]) -> list[Located]:
    """The noun phrase that ends ``items`` (a pre-frame "Der Minister sagte" minus the verb).

    Takes in an apposition between commas ("Der Chef der Opposition, Martin Brehm,").
    """
    i = len(items)
    while i > 0 and (items[i - 1].word.text.lower() in FRAME_ADVERBS or adverb(items[i - 1].word) or items[i - 1].word.upos == "PUNCT"):
        if _quoted_name_start(items, i - 1) is not None:
            break  # "dem „Figaro“ zufolge": the closing mark ends the phrase
        i -= 1
    if i > 0 and items[i - 1].word.text.lower() in PRONOUNS:
        return [items[i - 1]]
    j = _run_start(items, i)
    if j < i and j >= 2 and items[j - 1].word.text == ",":
        k = _run_start(items, j - 1)
        if k < j - 1 and (k == 0 or opens_clause(items[k - 1].word)):  # "Wie die Ministerin, Anna Bligh, erklärte"
            j = k
    if j == i or not any(item.word.upos in ("NOUN", "PROPN", "X") or item.word.xpos in ("NN", "NE") or _name_tagged_adverb(item.word) for item in items[j:i]):
        return []
    return trim_speaker(list(items[j:i]))


def _run_start(items: Sequence[Located], end: int) -> int:
    """Where the noun phrase ending at ``end`` starts; before the verb, locative links count too
    ("Der Vorsitzende des Verbands in Deutschland"): the slot before the verb holds one phrase."""
    j = end
    while j > 0:
        opening = _quoted_name_start(items, j - 1)
        if opening is not None:  # "die Wochenzeitung „Die Zeit“", "dem „Figaro“"
            j = opening
            continue
        if items[j - 1].word.text == ")":  # "Kristina Schröder (CDU)"
            opening = next((k for k in range(j - 2, max(-1, j - 9), -1) if items[k].word.text == "("), None)
            if opening is None:
                break
            j = opening
            continue
        if not (
            _nominal(items[j - 1].word)
            or _genitive_link(items, j - 1)
            or _truncated_compound(items, j - 1)
            or (j < end and (_coordination(items, j - 1) or _hyphen_link(items, j - 1)))
            or (items[j - 1].word.text.lower() in VORFELD_LINKS and j < end)
        ):
            break
        j -= 1
    return j


def temporal(phrase: Sequence[Located]) -> bool:
    """"Am Ende des Tages", "Gegen 11:30 Uhr", "Ende April": a time, not a speaker."""
    nouns = [item.word.text.lower() for item in phrase if item.word.upos in ("NOUN", "PROPN", "NUM")]
    return bool(nouns) and nouns[0] in TEMPORAL_NOUNS


def _noun_run(items: Sequence[Located], start: int) -> list[Located]:
    """A noun phrase by part of speech from ``start``: with genitive links, coordinated nouns
    ("Angaben von AFP und Reuters") and a parenthesis after a noun ("Schröder (CDU)")."""
    run: list[Located] = []
    i = start
    while i < len(items):
        word = items[i].word
        if run and run[-1].word.upos in ("NOUN", "PROPN") and word.upos == "ADJ" and word.text[:1].islower() and not _genitive_adjective(items, i):
            break  # attributive adjectives precede their noun: this one starts something else
        if run and run[-1].word.upos in ("NOUN", "PROPN") and word.upos == "NUM" and i + 1 < len(items) and items[i + 1].word.upos == "NOUN":
            break  # "laut Behördenangaben | 7.000 Menschen": a number before a noun opens a new phrase
        if run and _noun_after_quoted_name(run[-1].word, word):
            break
        if word.upos in NOUN_PHRASE_UPOS or (
            run and (_genitive_link(items, i) or _truncated_compound(items, i) or _hyphen_link(items, i) or _coordination(items, i))
        ):
            run.append(items[i])
            i += 1
            continue
        closing = _parenthesis_end(items, i) if run and run[-1].word.upos in ("NOUN", "PROPN", "X") else None
        closing = closing if closing is not None else _quoted_name_end(items, i)
        if closing is not None:
            run.extend(items[i : closing + 1])
            i = closing + 1
            continue
        break
    while run and run[-1].word.upos in ("DET", "ADP"):
        run.pop()
    return run if any(item.word.upos in ("NOUN", "PROPN", "X") for item in run) else []


def _noun_after_quoted_name(previous: Word, word: Word) -> bool:
    """A common noun right after a quoted name ("laut „Reuters“ | Warnschüsse", "die
    „Computerwoche“ | Lynch"): the quoted name ends the phrase."""
    return previous.text in ALL_MARKS and word.xpos == "NN" and word.text[:1].isupper()


def _genitive_adjective(items: Sequence[Located], i: int) -> bool:
    """A genitive attribute without article after a noun: "Angaben | libanesischer Sicherheitskreise",
    "nach Schätzungen | französischer Behörden" (strong ending -er, a noun follows)."""
    following = items[i + 1].word if i + 1 < len(items) else None
    return items[i].word.text.endswith("er") and following is not None and following.upos in ("NOUN", "PROPN")


def _coordination(items: Sequence[Located], i: int) -> bool:
    """"und"/"sowie" joining two noun phrases: the next word must start one."""
    following = items[i + 1].word if i + 1 < len(items) else None
    return items[i].word.text in PHRASE_COORDINATORS and following is not None and following.upos in ("DET", "NOUN", "PROPN", "ADJ")


def _quoted_name_end(items: Sequence[Located], i: int) -> int | None:
    """The index of the mark closing a short quoted name that opens at ``i`` ("„Die Zeit“")."""
    return _quoted_name_edge(items, i, 1)


def _quoted_name_start(items: Sequence[Located], j: int) -> int | None:
    """The index of the mark opening a short quoted name that closes at ``j``."""
    return _quoted_name_edge(items, j, -1)


def _quoted_name_edge(items: Sequence[Located], mark: int, step: int) -> int | None:
    """The other mark of a short quoted name, searched from ``mark`` in direction ``step``: at
    most six words between, no punctuation or finite verb, at least one word, and capitalised
    like a name or title ("„Die Zeit“"), not quoted words ("„ganz besonders sorgfältig“")."""
    if items[mark].word.text not in ALL_MARKS:
        return None
    for k in range(mark + step, mark + 8 * step, step):
        if not 0 <= k < len(items):
            return None
        word = items[k].word
        if word.text in ALL_MARKS:
            if k == mark + step:
                return None
            first = items[min(k, mark) + 1].word.text
            return k if first[:1].isupper() or first[:1].isdigit() else None
        if word.upos == "PUNCT" or word.xpos.endswith("FIN"):
            return None
    return None


def _parenthesis_end(items: Sequence[Located], i: int) -> int | None:
    """The index of the ")" closing a short parenthesis that opens at ``i`` ("(SPD)", "(USGS)")."""
    if items[i].word.text != "(":
        return None
    for j in range(i + 1, min(i + 8, len(items))):
        if items[j].word.text == ")":
            return j
    return None


def _truncated_compound(items: Sequence[Located], i: int) -> bool:
    """"und"/"oder" after a truncated compound: "der Industrie- und Handelskammer" (the hyphen a
    token of its own, as UD German tokenizes it, or not)."""
    return items[i].word.text in ("und", "oder") and i > 0 and items[i - 1].word.text.endswith("-")


def _hyphen_link(items: Sequence[Located], i: int) -> bool:
    """A hyphen token inside a compound split at it ("Industrie - und", "SPD - Abgeordneten")."""
    return items[i].word.text in ("-", "–") and 0 < i < len(items) - 1 and items[i].word.start == items[i - 1].word.end


def _genitive_link(items: Sequence[Located], i: int) -> bool:
    """'von'/'für'/'der' inside a name phrase: "Sprecher von Alibaba", "Chef der Bundesagentur für Arbeit"."""
    word = items[i].word
    if word.text.lower() not in ("von", "für", "des", "der", "vom", "aus"):
        return False
    following = items[i + 1].word if i + 1 < len(items) else None
    return following is not None and following.upos in NOUN_PHRASE_UPOS


def completed(frame: Sequence[Located], speaker: list[Located]) -> list[Located]:
    """The tree's speaker phrase, run on by word order where the parse cut it short ("VW-Chef |
    Winterkorn", "Die Nachrichtenagentur | Associated Press"); a leading preposition goes."""
    while speaker and speaker[0].word.upos == "ADP" and not name_particle(speaker):
        contraction = speaker[0].word.token  # "vom" = von + dem: the article goes with it
        speaker = [item for item in speaker[1:] if item.word.token != contraction]
    if not speaker:
        return speaker
    position = next((i for i, item in enumerate(frame) if item.word is speaker[0].word), None)
    if position is None:
        return speaker
    run = chunk_after(frame, position)
    covered = {id(item.word) for item in run}
    if run and run[0].word is speaker[0].word and len(run) > len(speaker) and all(id(item.word) in covered for item in speaker):
        return run
    return speaker


def name_particle(phrase: Sequence[Located]) -> bool:
    """"Von der Leyen", "van Gaal": a short name opened by a particle, not a prepositional phrase."""
    return phrase[0].word.text.lower() in NAME_PARTICLES and len(phrase) <= 3 and phrase[-1].word.text[:1].isupper()


def with_apposition(frame: Sequence[Located], speaker: list[Located]) -> list[Located]:
    """The speaker with the apposition the parse split off: "Der Vorsitzende des Verbands, | Michael
    Knipper" and "General George Casey | , Kommandant der Truppen," belong together."""
    if not speaker:
        return speaker
    position = {id(item.word): i for i, item in enumerate(frame)}
    start, end = position.get(id(speaker[0].word)), position.get(id(speaker[-1].word))
    if start is None or end is None:
        return speaker
    if start >= 2 and frame[start - 1].word.text == ",":
        before = chunk_before(frame[: start - 1])
        if before and (before[0] is frame[0] or opens_clause(frame[position[id(before[0].word)] - 1].word)):
            return list(frame[position[id(before[0].word)] : end + 1])
    if end + 2 < len(frame) and frame[end + 1].word.text == ",":
        after = _noun_run(frame, end + 2)
        closing = end + 2 + len(after)
        if after and closing < len(frame) and frame[closing].word.text == "," and any(i.word.upos in ("PROPN", "NOUN") for i in after):
            return list(frame[start:closing])
    return speaker


def trim_speaker(items: list[Located]) -> list[Located]:
    """Cut a speaker phrase where the parse let it run on into the clause: at a second noun phrase
    that is not a genitive ("der Präsident | seine Position"), at an adverb ("Suttner | wörtlich") or
    at a relative pronoun; a phrase without a noun or pronoun, or opened by "kein", is no speaker."""
    kept: list[Located] = []
    seen_noun = False
    in_quoted_name = False  # "die Wochenzeitung „Die Zeit“": the quoted name is one unit
    for item in items:
        word = item.word
        if word.text in ALL_MARKS:
            in_quoted_name = not in_quoted_name
        elif seen_noun and not in_quoted_name and (word.text.lower() in NEW_PHRASE_STARTS or adverb(word) or word.xpos == "ADJD"):
            if not (word.upos == "DET" and (_linked(kept) or _extended_attribute(kept) or _attached_place(kept, item))):
                break
        elif seen_noun and word.xpos in RELATIVE_TAGS:
            break  # "C.Y. Leung, | der am Montag … war": a relative clause the parse hung on the noun
        kept.append(item)
        seen_noun = seen_noun or head_word(word)
    if len(kept) == 1 and kept[0].word.text.lower() in DEMONSTRATIVE_SPEAKERS:
        return kept  # "Diese bestätigte"
    first = kept[0].word.text.lower() if kept else ""
    if kept and (kept[0].word.upos == "CCONJ" or first in NEGATIVE_DETERMINERS or (len(kept) == 1 and first in NO_ONE)):
        return []  # "und am Währungsfonds" joins something else; "keiner", "was" name no one
    while kept and kept[-1].word.upos in ("PUNCT", "ADP", "DET", "CCONJ") and kept[-1].word.text != ")" and not _closes_quoted_name(kept):
        kept.pop()
    return kept if any(head_word(item.word) for item in kept) else []


def _linked(kept: Sequence[Located]) -> bool:
    """"Theo Kitz von | dem Bankhaus": the article belongs to the linked phrase."""
    return kept[-1].word.text.lower() in LINKING_PREPOSITIONS


def _attached_place(kept: Sequence[Located], article: Located) -> bool:
    """"die UN-Friedensmission im | Südsudan": a place the tree attaches to a noun of the phrase
    (not to the verb, as "in einem Interview" would be) is part of it; a time is not."""
    preposition = kept[-1].word.text.lower()
    noun = article.sentence.head(article.word)
    if preposition not in PLACE_PREPOSITIONS or noun is None or noun.deprel != "nmod" or noun.text.lower() in TEMPORAL_NOUNS:
        return False
    form = article.word.text.lower()
    if preposition == "in" and (form in ACCUSATIVE_ARTICLES or (form == "den" and noun.feat("Number") != "Plur")):
        return False  # "Die Einsicht in den Bericht": a direction or topic, not a place
    owner = article.sentence.head(noun)
    return any(item.word is owner for item in kept)


def _extended_attribute(kept: Sequence[Located]) -> bool:
    """"des am | Montag zurückgetretenen Airbus-Chefs": a preposition right after a genitive
    article opens an attribute before the genitive noun, and the article after it is inside."""
    return len(kept) >= 2 and kept[-1].word.upos == "ADP" and kept[-2].word.text.lower() in GENITIVE_ARTICLES


def _closes_quoted_name(items: Sequence[Located]) -> bool:
    return items[-1].word.text in ALL_MARKS and sum(1 for item in items if item.word.text in ALL_MARKS) % 2 == 0


def head_word(word: Word) -> bool:
    """A word that can head a speaker phrase: a noun, name or pronoun, by either tag, or an
    adjective used as a noun ("Der 58-Jährige", "die Angeklagte": capitalised inside the sentence)."""
    return (
        word.upos in ("NOUN", "PROPN", "PRON", "X")
        or word.xpos in ("NN", "NE")
        or _name_tagged_adverb(word)
        or (word.upos == "ADJ" and word.id > 1 and next((c for c in word.text if c.isalpha()), "").isupper())
    )
