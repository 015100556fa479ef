"""Free indirect speech: Konjunktiv sentences that continue an attributed speaker
(IndirectFreeIndirect) and reportive "sollen" (FreeIndirect).
"""

from __future__ import annotations

from typing import Iterator

from ..document import Located, Sentence
from ..find.context import Context
from ..german.clauses import has_question, main_finite
from ..german.morphology import looks_subjunctive
from ..german.words import REPORTIVE_MODALS
from .base import Finding, sentence_items


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


def continuation_findings(context: Context, covered: set[int], speakers: list[tuple[int, list[Located]]]) -> Iterator[Finding]:
    """Konjunktiv sentences after an attributed quote continue its speaker (IndirectFreeIndirect);
    reportive "sollen" sentences are FreeIndirect. Consecutive sentences form one quote."""
    run: list[Located] = []
    run_type = ""
    run_speaker: list[Located] = []

    def flush() -> Iterator[Finding]:
        if run:
            rule = "indirect_free_continuation" if run_type == "IndirectFreeIndirect" else "free_indirect_sollen"
            yield Finding(rule, run_type, list(run), None, (), run_speaker, 0.55, whole_sentence=True)

    previous_end = -1
    for sentence in context.document.sentences:
        if sentence.index in covered or not sentence.words:
            yield from flush()
            run, run_type = [], ""
            continue
        source = _recent_speaker(context, speakers, sentence)
        verb = main_finite(sentence)
        kind = ""
        if verb is not None and looks_subjunctive(verb) and source is not None and not has_question(sentence):
            kind = "IndirectFreeIndirect"
        elif is_reportive_sollen(sentence) and source is not None:
            kind = "FreeIndirect"  # reportive only where someone's statements are being reported
        contiguous = run and not context.paragraph_break_between(previous_end, sentence.start)
        if kind and kind == run_type and contiguous:
            run.extend(sentence_items(sentence))
        else:
            yield from flush()
            run, run_type = (sentence_items(sentence), kind) if kind else ([], "")
            run_speaker = list(source) if kind and source is not None else []
        previous_end = sentence.end
    yield from flush()


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
