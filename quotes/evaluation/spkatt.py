"""SpkAtt 2023 task 1 (GePaDe): P/R/F1 per label, on the alignment of the task's metric.

The overview paper (section 5.2) scores cues and roles on tokens: gold and predicted speech
events are aligned by their cues (:func:`~quotes.evaluation.metrics.spkatt_pairs`), and every
token of a label of an aligned pair is a TP (in both), FP (predicted only) or FN (gold only);
events left unaligned count all their tokens as FP or FN. The Cues / Roles / Joint figures
(:func:`~quotes.evaluation.metrics.spkatt_counts`) pool these counts over labels; here each
label gets its own micro P/R/F1 over tokens, on the same alignment, so the per-label TP, FP and
FN add up to the pooled ones.

The labels, by part name: ``cue`` (Cue), ``ptc`` (PTC, the separated verb particle),
``speaker`` (Source), ``quote`` (Message), ``addressee`` (Addr), ``topic`` (Topic), ``medium``
(Medium), ``evidence`` (Evidence).

Use per document :func:`document_counts` (additive, summable over documents and
bootstrappable with :func:`~quotes.evaluation.metrics.bootstrap`), then :func:`scores` on the sum.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

from quotes.evaluation.metrics import (
    PRF,
    SPKATT_CUE_PARTS,
    SPKATT_ROLE_PARTS,
    Annotation,
    Counts,
    _part_counts,
    micro_scores,
    spkatt_pairs,
)

LABELS = SPKATT_CUE_PARTS + SPKATT_ROLE_PARTS
"""The parts scored, cue labels first."""

NAMES = {
    "cue": "Cue", "ptc": "PTC", "speaker": "Source", "quote": "Message",
    "addressee": "Addr", "topic": "Topic", "medium": "Medium", "evidence": "Evidence",
}
"""Part name → the task's label name."""


def document_counts(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> Counts:
    """One document's token counts per label: ``spkatt.<part>.tp``/``.fp``/``.fn``."""
    counts: Counts = Counter()
    for g, p in spkatt_pairs(gold, predicted):
        for part in LABELS:
            for key, value in zip(("tp", "fp", "fn"), _part_counts(g, p, part)):
                counts[f"spkatt.{part}.{key}"] += value
    return counts


def scores(counts: Mapping[str, float]) -> dict[str, PRF]:
    """P/R/F1 per label (part name → PRF) from counts summed over documents."""
    return dict(zip(LABELS, micro_scores(counts, (f"spkatt.{part}" for part in LABELS)).values()))


def named_scores(counts: Mapping[str, float]) -> dict[str, PRF]:
    """:func:`scores` keyed by the task's label names (``Cue``, ``PTC``, ``Source``, …)."""
    return {NAMES[part]: prf for part, prf in scores(counts).items()}
