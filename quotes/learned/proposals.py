"""Candidates where no rule fired: every sentence the rules left untouched.

Free indirect speech, Konjunktiv continuations and reported speech acts are often whole
sentences without a frame the rules recognise; a trained model (``QuoteDecisions``' ``sentence``
task) decides which of these sentences are quotes. They carry ``rule="learned"``: no rule
proposed them.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ..find.context import Context
from ..quote import Mention, Quote

LEARNED = "learned"
"""The ``rule`` of a quote that a trained model found where no rule fired."""

MIN_WORDS = 4  # shorter "sentences" are headings, datelines and fragments of a bad split


def sentence_candidates(context: Context, candidates: Sequence[Quote]) -> Iterator[Quote]:
    """Each sentence of at least :data:`MIN_WORDS` words that shares no token with a candidate,
    as a quote of the whole sentence (type and medium are placeholders for the models)."""
    covered = {token for quote in candidates for token in quote.quote.tokens}
    for sentence in context.document.sentences:
        tokens = {word.token for word in sentence.words}
        if len(sentence.words) < MIN_WORDS or tokens & covered:
            continue
        spans = context.spans(context.words_in(sentence.start, sentence.end))
        if spans:
            yield Quote(type="Reported", medium="Speech", quote=Mention(spans), rule=LEARNED, confidence=0.0)
