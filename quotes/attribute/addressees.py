"""Addressees: to whom a quote was said ("sagte der Zeitung", "gegenüber dem Spiegel").

Read from the dependents of the cue verb: a dative object, a "gegenüber" phrase, "vor
Journalisten", "an die Mitarbeiter" after verbs of appeal, "im Gespräch mit X", and the
accusative object of verbs that address someone ("fragte ihn", "forderte die Regierung auf"),
or their subject in the passive ("Die Regierung wurde aufgefordert").
When the compact model attached the phrase elsewhere, the words after "gegenüber" or
"Gespräch mit" in the frame are taken. Spans follow WIKINEWS: the noun phrase with its article,
without the preposition ("gegenüber [dem Spiegel]").
"""

from __future__ import annotations

from typing import Sequence

from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.cues import Cue
from ..german.clauses import OBLIQUE_RELATIONS
from ..german.phrases import chunk_after, phrase_words
from ..german.words import (
    ACCUSATIVE_STARTS,
    ADDRESSING_VERBS,
    APPEAL_VERBS,
    AUDIENCE_NOUNS,
    CONVERSATION_NOUNS,
    DATIVE_STARTS,
    DATIVE_VERBS,
    LETTER_NOUNS,
    NOT_ADDRESSEES,
)
from ..quote import Mention, Quote
from .speakers import addressed


def find_addressee(context: Context, quote: Quote) -> Mention | None:
    """The addressee of a quote from its cue, or None."""
    cue = _cue(context, quote)
    if cue is None:
        return None
    taken = set(quote.quote.tokens) | set(quote.speaker.tokens if quote.speaker else ())
    for items in (_from_tree(cue), _from_words(context, quote, cue)):
        mention = context.mention(items) if items else None
        if mention is not None and not taken & set(mention.tokens):
            return mention
    return None


def _cue(context: Context, quote: Quote) -> Cue | None:
    """The cue object of the quote's cue mention."""
    if quote.cue is None:
        return None  # the mention may open with an auxiliary ("wurden … gebeten"): match by the head
    return next((cue for cue in context.cues if any(span.start <= cue.head.start < span.end for span in quote.cue.spans)), None)


def _from_tree(cue: Cue) -> list[Located]:
    """The addressee among the dependents of the cue verb (and of a conversation noun below it)."""
    sentence, verb = cue.sentence, cue.head
    if cue.kind != "verb":
        return []
    if addressed(sentence, verb):
        subject = next((c for c in sentence.children(verb) if c.deprel in ("nsubj:pass", "nsubj")), None)
        if subject is not None and subject.text.lower() not in NOT_ADDRESSEES:
            return _phrase(sentence, subject)  # "Die Anwohner wurden gebeten"
    for child in sentence.children(verb):
        if child.text.lower() in NOT_ADDRESSEES or child in cue.words:
            continue
        if child.deprel == "iobj" or (child.relation == "obj" and (_is_dative(sentence, child) or cue.lemma in ADDRESSING_VERBS)):
            return _phrase(sentence, child)
        if child.deprel in OBLIQUE_RELATIONS:
            found = _oblique(sentence, child, cue.lemma)
            if found:
                return found
    return []


def _oblique(sentence: Sentence, word: Word, lemma: str) -> list[Located]:
    """A prepositional addressee: gegenüber X, vor Journalisten, an X, im Gespräch mit X."""
    preposition = _preposition(sentence, word)
    if preposition == "gegenüber":
        return _phrase(sentence, word)
    if preposition == "vor" and word.text.lower() in AUDIENCE_NOUNS:
        return _phrase(sentence, word)
    if preposition == "an" and lemma in APPEAL_VERBS:
        return _phrase(sentence, word)
    noun = word.lemma.lower() if word.lemma.lower() in CONVERSATION_NOUNS | LETTER_NOUNS else word.text.lower()
    linking = "mit" if noun in CONVERSATION_NOUNS else "an" if noun in LETTER_NOUNS else None
    for child in sentence.children(word) if linking else ():
        if child.deprel in OBLIQUE_RELATIONS and _preposition(sentence, child) == linking:
            return _phrase(sentence, child)
    return []


def _preposition(sentence: Sentence, word: Word) -> str | None:
    """The preposition (case marker) of a noun, lowercased; "zum" gives "zu"."""
    for child in sentence.children(word):
        if child.relation == "case":
            return child.text.lower()
    return None


def _is_dative(sentence: Sentence, word: Word) -> bool:
    """Whether a noun phrase is dative by its own or its article's case."""
    return word.feat("Case") == "Dat" or any(c.feat("Case") == "Dat" for c in sentence.children(word) if c.relation == "det")


def _phrase(sentence: Sentence, head: Word) -> list[Located]:
    """The noun phrase of ``head`` without its leading preposition."""
    words = phrase_words(sentence, head)
    while words and (words[0].relation == "case" or words[0].upos == "ADP"):
        words.pop(0)
    return [Located(sentence, w) for w in words]


def _from_words(context: Context, quote: Quote, cue: Cue) -> list[Located]:
    """By word order in the frame: the noun phrase after "gegenüber", "Gespräch mit" or "Schreiben
    an", or the object right after the cue verb (past the speaker) that the verb's case marks as
    addressed ("warf der Regierung vor", "forderte den Aufsichtsrat auf")."""
    items = _frame_items(context, quote, cue)
    for i, item in enumerate(items):
        text = item.word.text.lower()
        if text == "gegenüber":
            return chunk_after(items, i + 1)
        previous = items[i - 1].word.text.lower() if i > 0 else ""
        if (text == "mit" and previous in CONVERSATION_NOUNS) or (text == "an" and previous in LETTER_NOUNS):
            return chunk_after(items, i + 1)
    return _object_after_verb(quote, cue, items)


def _object_after_verb(quote: Quote, cue: Cue, items: Sequence[Located]) -> list[Located]:
    starts = DATIVE_STARTS if cue.lemma in DATIVE_VERBS else ACCUSATIVE_STARTS if cue.lemma in ADDRESSING_VERBS else None
    if starts is None:
        return []
    speaker = set(quote.speaker.tokens) if quote.speaker else set()
    marked = cue.marked_words()  # "hatte der Zeitung gesagt": the object follows the auxiliary
    position = next((i for i, item in enumerate(items) if item.word in marked), None)
    if position is None:
        return []
    i = position + 1
    while i < len(items) and (items[i].word.token in speaker or items[i].word in marked):
        i += 1
    if i < len(items) and items[i].word.text.lower() in starts:
        if items[i].word.upos == "PRON":
            return [items[i]]
        return chunk_after(items, i)
    return []


def _frame_items(context: Context, quote: Quote, cue: Cue) -> Sequence[Located]:
    """The words of the quote's frame, or of the cue's sentence outside quotations."""
    if quote.frame is not None:
        return [item for span in quote.frame.spans for item in context.words_in(span.start, span.end)]
    return [Located(cue.sentence, w) for w in cue.sentence.words if context.quotation_at(w.start) is None]
