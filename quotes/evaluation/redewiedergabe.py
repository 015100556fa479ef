"""The Redewiedergabe measure: token-level P/R/F1 of detecting each STWR type (as in Brunner et
al. 2020, the corpus's taggers), with a breakdown by medium.

A token *has* a label when it lies inside the quote span of an annotation with that label; it
can have several labels, from nested or overlapping spans (a direct quote inside reported
speech has both ``direct`` and ``reported``), and it counts for each label separately, once per
label however many spans of that label cover it. Per label and document: TP are the tokens
with the label in gold and prediction, FP in the prediction only, FN in gold only.

The labels:

* the four types ``direct``, ``indirect``, ``reported``, ``free_indirect``; the corpus's
  ambiguous ``indirect_freeIndirect`` (our ``IndirectFreeIndirect``) gives both of its types;
* the three media ``speech``, ``thought``, ``writing`` over all types; an ambiguous medium
  (``SW``, ``ST``, ``TW``, ``STW``) gives each of its media, ``none`` none;
* their combinations ``<type>.<medium>`` (e.g. ``direct.speech``), the medium breakdown per type.

Use per document :func:`document_counts` (additive counts, summable over documents and
bootstrappable with :func:`~quotes.evaluation.metrics.bootstrap`), then :func:`scores` on the sum.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Sequence

from quotes.evaluation.metrics import PRF, Annotation, Counts, micro_scores

TYPES = {
    "Direct": ("direct",),
    "Indirect": ("indirect",),
    "Reported": ("reported",),
    "FreeIndirect": ("free_indirect",),
    "IndirectFreeIndirect": ("indirect", "free_indirect"),
}
"""Annotation type → the STWR types it counts for."""

MEDIA = {
    "Speech": ("speech",),
    "Thought": ("thought",),
    "Writing": ("writing",),
    "SW": ("speech", "writing"),
    "ST": ("speech", "thought"),
    "TW": ("thought", "writing"),
    "STW": ("speech", "thought", "writing"),
}
"""Annotation medium → the media it counts for (``none`` counts for none)."""

STWR_TYPES = ("direct", "indirect", "reported", "free_indirect")
STWR_MEDIA = ("speech", "thought", "writing")
FIGURES = (*STWR_TYPES, *STWR_MEDIA, *(f"{t}.{m}" for t in STWR_TYPES for m in STWR_MEDIA))
"""Every label scored, in report order."""


def labels(annotation: Annotation) -> set[str]:
    """The labels an annotation gives the tokens of its quote span."""
    types = TYPES.get(annotation.type, ())
    media = MEDIA.get(annotation.medium, ())
    return {*types, *media, *(f"{t}.{m}" for t in types for m in media)}


def labelled_tokens(annotations: Iterable[Annotation]) -> dict[str, set[int]]:
    """Label → the tokens that have it."""
    tokens: dict[str, set[int]] = defaultdict(set)
    for annotation in annotations:
        for label in labels(annotation):
            tokens[label] |= annotation.tokens("quote")
    return tokens


def document_counts(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> Counts:
    """One document's ``<label>.tp``/``.fp``/``.fn`` token counts."""
    gold_tokens, predicted_tokens = labelled_tokens(gold), labelled_tokens(predicted)
    counts: Counts = Counter()
    for label in FIGURES:
        g, p = gold_tokens.get(label, set()), predicted_tokens.get(label, set())
        counts[f"{label}.tp"] += len(g & p)
        counts[f"{label}.fp"] += len(p - g)
        counts[f"{label}.fn"] += len(g - p)
    return counts


def scores(counts: Mapping[str, float]) -> dict[str, PRF]:
    """P/R/F1 per label (see :data:`FIGURES`) from counts summed over documents."""
    return micro_scores(counts, FIGURES)
