"""Free indirect speech: Konjunktiv sentences that continue an attributed speaker
(IndirectFreeIndirect) and reportive "sollen" (FreeIndirect).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

from ..document import Located, Sentence
from ..find.context import Context
from ..german.clauses import has_question, main_finite
from ..german.morphology import looks_subjunctive
from ..german.words import REPORTIVE_MODALS
from .base import CONTINUATION, Finding, rule, sentence_items


CONTINUATION_GAP = 1  # paragraphs a Konjunktiv continuation may skip back to its source


def is_reportive_sollen(sentence: Sentence) -> bool:
    """Das Fairphone soll ab September geliefert werden. — reportive, not deontic, "sollen"."""
    if sentence.words and sentence.words[-1].text == "?":
        return False
    for word in sentence.words:
        if word.text.lower() in REPORTIVE_MODALS and word.lemma.lower() in ("sollen", "soll"):
            subject = next((w for w in sentence.words if w.relation == "nsubj" and w.text.lower() in ("ich", "wir", "du", "ihr", "man")), None)
            return subject is None
    return False


@rule(example="Der Minister sagte, die Lage sei ernst. Man prüfe alle Möglichkeiten.")
def indirect_free_continuation(context: Context, sentence: Sentence, source: Sequence[Located] | None) -> Finding | None:
    """A Konjunktiv main clause after an attributed quote continues its speaker (IndirectFreeIndirect)."""
    verb = main_finite(sentence)
    if verb is None or not looks_subjunctive(verb) or source is None or has_question(sentence):
        return None
    return Finding(type="IndirectFreeIndirect", message=sentence_items(sentence), speaker=list(source), confidence=CONTINUATION, whole_sentence=True)


@rule(example="Die Polizei teilte mit, sie suche Zeugen. Der Täter soll etwa 30 Jahre alt sein.")
def free_indirect_sollen(context: Context, sentence: Sentence, source: Sequence[Located] | None) -> Finding | None:
    """Reportive "sollen" (FreeIndirect), only where someone's statements are being reported."""
    if source is None or not is_reportive_sollen(sentence):
        return None
    return Finding(type="FreeIndirect", message=sentence_items(sentence), speaker=list(source), confidence=CONTINUATION, whole_sentence=True)


def continuation_findings(context: Context, covered: set[int], speakers: list[tuple[int, list[Located]]]) -> Iterator[Finding]:
    """The continuation rules over every sentence not covered by another quote; consecutive
    sentences of one rule in one paragraph form one quote, with the first sentence's speaker."""
    run: Finding | None = None
    previous_end = -1
    for sentence in context.document.sentences:
        if sentence.index in covered or not sentence.words:
            if run is not None:
                yield run
            run = None
            continue
        source = _recent_speaker(context, speakers, sentence)
        found = indirect_free_continuation(context, sentence, source) or free_indirect_sollen(context, sentence, source)
        contiguous = run is not None and not context.paragraph_break_between(previous_end, sentence.start)
        if found is not None and run is not None and found.rule == run.rule and contiguous:
            run = replace(run, message=[*run.message, *found.message])
        else:
            if run is not None:
                yield run
            run = found
        previous_end = sentence.end
    if run is not None:
        yield run


def _recent_speaker(context: Context, speakers: list[tuple[int, list[Located]]], sentence: Sentence) -> list[Located] | None:
    """The speaker of the last attributed quote before ``sentence``, if within reach."""
    best = None
    for end, items in speakers:
        if end <= sentence.start:
            best = (end, items)
    if best is None:
        return None
    breaks = context.text.count("\n\n", best[0], sentence.start) + context.text.count("\n", best[0], sentence.start) // 2
    return best[1] if breaks <= CONTINUATION_GAP else None
