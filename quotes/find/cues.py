"""Cues: the words that signal reported speech ("sagte", "teilte … mit", "laut", "zufolge").

Verb cues are found by lemma in the cue lexicon, with a separated particle joined back on
("teilte … mit" → "mitteilen"). The compact model mislemmatises and mis-attaches particles
often enough that each lookup has a fallback on the surface form and on the raw word order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import lexicon
from ..document import Document, Sentence, Word
from ..german.clauses import PARTICLE_RELATIONS
from ..german.morphology import guess_lemmas, looks_like_participle
from ..german.words import CLAUSE_BOUNDARIES, CORRELATES, REFLEXIVE_LEMMAS


@dataclass(frozen=True)
class Cue:
    """A cue in a sentence: its main word, all its words (particle, "sich"), kind and medium."""

    sentence: Sentence
    head: Word
    words: tuple[Word, ...]
    kind: str  # verb, preposition, postposition, adverb, noun or phrase (lexicon kinds)
    lemma: str
    medium: str

    def marked_words(self) -> tuple[Word, ...]:
        """The cue as the corpus marks it: with its auxiliaries and a correlate between verb and
        particle ("hatte betont", "wies darauf hin")."""
        if self.kind != "verb":
            return self.words
        extra = [w for w in self.sentence.children(self.head) if w.relation == "aux"]
        last = self.words[-1]
        extra += [
            w for w in self.sentence.words[self.head.id : last.id - 1]
            if w.xpos in ("PROAV", "PAV") or w.text.lower() in CORRELATES
        ]
        return tuple(sorted({*self.words, *extra}, key=lambda w: w.id))

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def _preterite_after_comma(sentence: Sentence, word: Word) -> bool:
    """A past-tense verb the tagger took for an adjective at the start of a clause: ", entgegnete
    Suttner" (an attributive adjective right after a comma, with no article, is rare)."""
    form = word.text
    return word.upos == "ADJ" and form.islower() and form.endswith(("te", "ten")) and word.id > 1 and sentence.words[word.id - 2].text == ","


def particle_of(sentence: Sentence, verb: Word) -> Word | None:
    """The separated particle of ``verb`` ("mit" in "teilte … mit"), from the tree or word order.

    Without a ``compound:prt`` child, the particle is the last word of the verb's clause — a
    PTKVZ, or a known particle standing right before a comma or full stop — as long as no
    other verb comes first.
    """
    for child in sentence.children(verb):
        # a separated particle follows its verb, or stands right before it in a verb-final clause;
        # one behind another finite verb belongs to that verb's clause ("erklärte, ihr lägen … vor")
        if child.deprel in PARTICLE_RELATIONS and (child.id > verb.id or child.id == verb.id - 1) and child.text.isalpha():
            between = sentence.words[verb.id : child.id - 1]
            if not any(w.xpos.endswith("FIN") and w.upos in ("VERB", "AUX") for w in between):
                return child
    for position, word in enumerate(sentence.words[verb.id :], start=verb.id):
        if word.text in CLAUSE_BOUNDARIES:
            return None
        following = sentence.words[position + 1].text if position + 1 < len(sentence.words) else "."
        if word.xpos == "PTKVZ" or (word.text.lower() in lexicon.particle_verbs() and following in CLAUSE_BOUNDARIES):
            return word  # checked before the verb test: the compact tagger often tags particles VERB
        if word.upos in ("VERB", "AUX"):
            return None
    return None


def _particle_before(sentence: Sentence, verb: Word) -> Word | None:
    """A particle written apart before a clause-final verb: "wie das Ministerium bekannt gab"."""
    if verb.id < 2:
        return None
    previous = sentence.words[verb.id - 2]
    following = sentence.words[verb.id].text if verb.id < len(sentence.words) else "."
    if following in CLAUSE_BOUNDARIES and previous.text.lower() in lexicon.particle_verbs():
        return previous
    return None


def verb_cue(sentence: Sentence, verb: Word) -> Cue | None:
    """The verb cue headed by ``verb``, if its lemma (with particle) is a cue verb."""
    if verb.upos not in ("VERB", "AUX") and not verb.xpos.startswith("V") and not looks_like_participle(verb) and not _preterite_after_comma(sentence, verb):
        return None
    particle = particle_of(sentence, verb) or _particle_before(sentence, verb)
    entry = None
    for candidate in guess_lemmas(verb):
        lemma = lexicon.join_particle(candidate, particle.text.lower()) if particle else candidate
        entry = lexicon.cue_verb(lemma)
        if entry is not None:
            break
    if entry is None:
        return None
    return _verb_cue(sentence, verb, particle, entry.lemma, entry.medium)


def frame_verb_cue(sentence: Sentence, verb: Word) -> Cue:
    """A verb that frames a quotation by position though it is no cue in the lexicon
    ("„…“, erinnerte sich X"): medium Speech, the default of the corpus."""
    return _verb_cue(sentence, verb, None, verb.lemma, "Speech")


def _verb_cue(sentence: Sentence, verb: Word, particle: Word | None, lemma: str, medium: str) -> Cue:
    """A verb cue with its particle and reflexive pronoun ("äußerte sich")."""
    words = [verb]
    if particle is not None:
        words.append(particle)
    words += [
        child
        for child in sentence.children(verb)
        if child.relation in ("obj", "expl", "iobj") and child.lemma.lower() in REFLEXIVE_LEMMAS and abs(child.id - verb.id) <= 2
    ]
    words.sort(key=lambda w: w.id)
    return Cue(sentence, verb, tuple(words), "verb", lemma, medium)


def word_cue(sentence: Sentence, word: Word) -> Cue | None:
    """A preposition, postposition, adverb or noun cue ("laut", "zufolge", "Angaben", "Polizeiangaben")."""
    entry = None
    for candidate in (word.lemma, word.lemma.lower(), word.text.lower(), word.text, word.text.capitalize()):
        entry = lexicon.cue_word(candidate)
        if entry is not None:
            break
    if entry is None and word.text[:1].isupper():
        entry = _cue_noun_by_head(word.text)
    if entry is None or entry.kind == "phrase":
        return None
    return Cue(sentence, word, (word,), entry.kind, entry.word, entry.medium)


@lru_cache(maxsize=65536)
def _cue_noun_by_head(form: str) -> lexicon.CueWord | None:
    """A compound ending in a cue noun: "Polizeiangaben" → Angabe, "Medienberichten" → Bericht."""
    lowered = form.lower()
    for noun, entry in _cue_nouns():
        if len(lowered) > len(noun) + 2 and noun in lowered[-len(noun) - 3 :]:
            return entry
    return None


@lru_cache(maxsize=1)
def _cue_nouns() -> tuple[tuple[str, lexicon.CueWord], ...]:
    nouns = [(w.word.lower(), w) for w in lexicon.cue_words().values() if w.kind == "noun" and len(w.word) >= 5]
    return tuple(sorted(nouns, key=lambda pair: -len(pair[0])))


def find_cues(document: Document) -> Iterator[Cue]:
    """Every verb and word cue of the document, in text order."""
    for sentence in document.sentences:
        for word in sentence.words:
            cue = verb_cue(sentence, word) or word_cue(sentence, word)
            if cue is not None:
                yield cue
