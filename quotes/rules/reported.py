"""Reported speech: a speech act whose object is the message ("forderte höhere Löhne").
"""

from __future__ import annotations

from typing import Sequence

from .. import lexicon
from ..attribute.speakers import abstract, passive_agent, person_next_to, speaker_items, subject_by_position
from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.cues import Cue
from ..german.clauses import (
    after_passive_auxiliary,
    has_question,
    in_subordinate_clause,
    main_finite,
    passive,
)
from ..german.morphology import is_subjunctive
from .base import SPEECH_ACT, WEAK, Finding, rule, sentence_items


# Speech-act verbs whose object is the message (Reported): "forderte höhere Löhne". A verb
# qualifies when, on WIKINEWS train, at least this share of its sentences outside direct and
# indirect quotes were Reported speech (lexicon columns reported/unquoted).
REPORTED_SHARE = 0.1

# Criticism is a speech act the corpus often leaves unannotated; kept as Reported by choice.
REPORTED_ALWAYS = frozenset({"kritisieren"})


@rule(example="Die Gewerkschaft forderte höhere Löhne.")
def reported_speech_act(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """X forderte höhere Löhne / warnte vor einer Blase / sprach von 800 Autos: the clause is the message."""
    if cue.kind != "verb":
        return None
    entry = lexicon.cue_verb(cue.lemma)
    if entry is None or (entry.reported_share < REPORTED_SHARE and cue.lemma not in REPORTED_ALWAYS):
        return None
    verb = cue.head
    items = sentence_items(sentence)
    if in_subordinate_clause(sentence, verb):
        return None
    if cue.lemma == "sprechen" and not any(w.text.lower() in ("von", "vom") for w in sentence.words[verb.id :]):
        return None  # "sprach mit seiner Frau": talking, not reporting
    if passive(sentence, verb) or after_passive_auxiliary(sentence, verb):
        speaker = passive_agent(sentence, verb, items)  # "wurde vom Wetterdienst als hoch eingestuft"
    else:
        speaker = speaker_items(context, sentence, verb, items) or subject_by_position(items, verb.id - 1)
    speaker = _person_unless_abstract(items, verb, speaker)
    if not speaker:
        return None
    taken = {id(item.word) for item in speaker} | {id(w) for w in cue.marked_words()}
    if sum(1 for item in items if id(item.word) not in taken and item.word.upos != "PUNCT") < 2:
        return None  # nothing besides speaker and verb: no reported content
    message = items
    return Finding(type="Reported", message=message, speaker=speaker, confidence=SPEECH_ACT, whole_sentence=True, act=cue)


def _person_unless_abstract(items: Sequence[Located], verb: Word, speaker: list[Located]) -> list[Located]:
    """The speaker of a Reported sentence: an abstract subject gives way to the person named on the
    other side of the verb ("Die Erhöhung der Steuern forderte der Finanzminister"), else to no one
    ("Die Verminderung der Ozonschicht bedeutet …", "Klarheit will die Seite schaffen")."""
    return person_next_to(items, verb, speaker) if speaker and abstract(speaker) else speaker


def _states_intention(verb: Word) -> bool:
    return verb.lemma.lower() == "wollen" or verb.text.lower().startswith("möcht")


@rule(example="Die Regierung will die Steuern senken.")
def reported_intention(context: Context, sentence: Sentence) -> Finding | None:
    """Die SPD will die Krankenversicherung weiterentwickeln: a stated intention of a named actor."""
    verb = main_finite(sentence)
    if verb is None or not _states_intention(verb) or has_question(sentence) or is_subjunctive(verb):
        return None
    if context.quotation_at(verb.start) is not None:
        return None
    if any(w.text.lower() == "man" for w in sentence.words[max(0, verb.id - 2) : verb.id + 1]):
        return None  # "Neue Märkte will man erschließen": no one is named
    items = sentence_items(sentence)
    speaker = _person_unless_abstract(items, verb, speaker_items(context, sentence, verb, items) or subject_by_position(items, verb.id - 1))
    if not speaker or speaker[0].word.text.lower() in ("ich", "wir", "du", "man", "es"):
        return None
    return Finding(type="Reported", message=items, speaker=speaker, confidence=WEAK, whole_sentence=True)
