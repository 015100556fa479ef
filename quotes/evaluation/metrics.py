"""Evaluation metrics: pure functions on plain data, one document at a time.

Every metric works in two steps, so that results can be bootstrapped over documents:
``*_counts(gold, predicted)`` scores one document into additive counts (a ``Counter``),
and ``*_scores(counts)`` turns the counts summed over documents into precision, recall and
F1. Gold and predicted quotes are :class:`Annotation` records: labels plus, per part, the
corpus token positions the part covers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from quotes.corpora.annotation import PARTS, TYPE_LABELS, Annotation
from quotes.quote import QUOTE_TYPES, ROLES

SPKATT_CUE_PARTS = ("cue", "ptc")
SPKATT_ROLE_PARTS = ("speaker", "quote", "addressee", "topic", "medium", "evidence")
"""SpkAtt labels as parts: Cue, PTC | Source, Message, Addr, Topic, Medium, Evidence."""

Counts = Counter
"""Additive per-document counts; keys are ``"<metric>.<statistic>"``."""


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 as fractions."""

    p: float
    r: float

    @property
    def f1(self) -> float:
        return harmonic_mean(self.p, self.r)

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f1": self.f1}


def harmonic_mean(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0 when there is nothing to divide (no predictions → zeros)."""
    return numerator / denominator if denominator else 0.0


def filter_types(annotations: Iterable[Annotation], types: Iterable[str] | None) -> list[Annotation]:
    """The annotations of the given quote types (all when ``types`` is None); apply to gold and
    predictions alike. An unknown type name is an error, so a typo cannot empty a table."""
    if types is None:
        return list(annotations)
    wanted = set(types)
    unknown = wanted - set(TYPE_LABELS)
    if unknown:
        raise ValueError(f"unknown quote type {sorted(unknown)[0]!r}; expected one of {', '.join(QUOTE_TYPES)}")
    return [a for a in annotations if a.type in wanted]


def _token_f1(gold: frozenset[int], predicted: frozenset[int]) -> float:
    return ratio(2 * len(gold & predicted), len(gold) + len(predicted))


def _assign(weights: np.ndarray) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian algorithm); every row or column of the
    smaller side gets a partner, whatever its weight."""
    if weights.size == 0:
        return []
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return list(zip(rows.tolist(), cols.tolist()))


# --- (a) WIKINEWS / GermEval 2023 task 2 ---------------------------------------------------

WIKINEWS_GROUPS = {"messages": ("quote",), "roles": ROLES, "joint": PARTS}
"""The macro-averaged WIKINEWS metrics and the parts each averages (the scorer itself is
:mod:`quotes.evaluation.wikinews`)."""


def _part_counts(gold: Annotation | None, predicted: Annotation | None, part: str) -> tuple[int, int, int]:
    """Token TP, FP, FN of one part of a pair (an absent side has no tokens)."""
    g = gold.tokens(part) if gold else frozenset()
    p = predicted.tokens(part) if predicted else frozenset()
    return len(g & p), len(p - g), len(g - p)


# --- (b) SpkAtt 2023 task 1 -----------------------------------------------------------------

SPKATT_GROUPS = {"cues": SPKATT_CUE_PARTS, "roles": SPKATT_ROLE_PARTS, "joint": SPKATT_CUE_PARTS + SPKATT_ROLE_PARTS}


def spkatt_pairs(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> list[tuple[Annotation | None, Annotation | None]]:
    """The speech events of one document as the SpkAtt task-1 metric aligns them (overview
    paper, section 5.2); unaligned events get ``None`` as partner.

    A predicted and a gold speech event can only be aligned when their cues share a token; at
    most one partner each. Within an aligned pair every label counts its tokens as TP (in
    both), FP (predicted only) or FN (gold only); unaligned events count all their tokens as
    FP or FN. Since every gold token ends up TP or FN and every predicted one TP or FP, the
    alignment that maximises joint F1 is the one that maximises the TP count, which the
    assignment finds.
    """
    parts = SPKATT_CUE_PARTS + SPKATT_ROLE_PARTS
    weights = np.array(
        [
            [
                sum(len(g.tokens(part) & p.tokens(part)) for part in parts) if g.tokens("cue") & p.tokens("cue") else -1
                for p in predicted
            ]
            for g in gold
        ]
    ).reshape(len(gold), len(predicted))
    aligned = [(i, j) for i, j in _assign(weights) if weights[i, j] >= 0]
    pairs: list[tuple[Annotation | None, Annotation | None]] = [(gold[i], predicted[j]) for i, j in aligned]
    pairs += [(g, None) for i, g in enumerate(gold) if i not in {i for i, _ in aligned}]
    pairs += [(None, p) for j, p in enumerate(predicted) if j not in {j for _, j in aligned}]
    return pairs


def spkatt_counts(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> Counts:
    """Per-document token counts of the SpkAtt task-1 metric (see :func:`spkatt_pairs`) for
    cues, roles and joint; the separated verb particle (PTC) is scored with the cue."""
    counts: Counts = Counter()
    for g, p in spkatt_pairs(gold, predicted):
        for name, group in SPKATT_GROUPS.items():
            for part in group:
                tp, fp, fn = _part_counts(g, p, part)
                counts[f"{name}.tp"] += tp
                counts[f"{name}.fp"] += fp
                counts[f"{name}.fn"] += fn
    return counts


def micro_scores(counts: Mapping[str, float], names: Iterable[str]) -> dict[str, PRF]:
    """P/R/F1 from summed ``<name>.tp``, ``.fp``, ``.fn`` counts."""
    scores = {}
    for name in names:
        tp, fp, fn = (counts.get(f"{name}.{key}", 0) for key in ("tp", "fp", "fn"))
        scores[name] = PRF(ratio(tp, tp + fp), ratio(tp, tp + fn))
    return scores


def spkatt_scores(counts: Mapping[str, float]) -> dict[str, PRF]:
    """Cues, Roles and Joint: micro P/R/F1 over tokens."""
    return micro_scores(counts, SPKATT_GROUPS)


# --- (c) exact and overlap matching ------------------------------------------------------

MATCHES = {
    "exact": lambda g, p: bool(g) and g == p,
    "overlap": lambda g, p: 2 * len(g & p) >= max(len(g), len(p)) > 0,
}
"""When a predicted span matches a gold one: the same tokens, or sharing at least half of the
tokens of the longer of the two."""


def span_counts(gold: Sequence[Annotation], predicted: Sequence[Annotation], match: str, anchor: str = "quote") -> Counts:
    """Per-document counts of span matching, per part.

    Quotes are paired one-to-one by their ``anchor`` part ("quote"; "cue" for SpkAtt, whose
    events need not have a message): only pairs whose anchors match, as many as possible,
    preferring pairs whose other parts match too. A part is a TP when its pair's anchors match
    and the part matches, so a role is only right for the right quote. Every non-empty
    predicted part not a TP is an FP, every non-empty gold part not a TP an FN.
    """
    matches = MATCHES[match]
    parts = _parts(gold, predicted)
    pairs = span_pairs(gold, predicted, match, anchor)
    counts: Counts = Counter()
    for part in parts:
        tp = sum(matches(g.tokens(part), p.tokens(part)) for g, p in pairs)
        counts[f"{match}.{part}.tp"] += tp
        counts[f"{match}.{part}.fp"] += sum(bool(p.tokens(part)) for p in predicted) - tp
        counts[f"{match}.{part}.fn"] += sum(bool(g.tokens(part)) for g in gold) - tp
    return counts


def _parts(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> list[str]:
    return sorted({part for a in (*gold, *predicted) for part in a.parts} | set(PARTS))


def span_pairs(
    gold: Sequence[Annotation], predicted: Sequence[Annotation], match: str, anchor: str = "quote"
) -> list[tuple[Annotation, Annotation]]:
    """The one-to-one pairs of :func:`span_counts`: anchors match, other parts break ties."""
    matches = MATCHES[match]
    parts = _parts(gold, predicted)

    def weight(g: Annotation, p: Annotation) -> float:
        if not matches(g.tokens(anchor), p.tokens(anchor)):
            return 0.0
        agreeing = sum(matches(g.tokens(part), p.tokens(part)) for part in parts)
        return 1 + 0.01 * agreeing + 0.0001 * _token_f1(g.tokens(anchor), p.tokens(anchor))

    weights = np.array([[weight(g, p) for p in predicted] for g in gold]).reshape(len(gold), len(predicted))
    return [(gold[i], predicted[j]) for i, j in _assign(weights) if weights[i, j] >= 1]


def span_scores(counts: Mapping[str, float], match: str, parts: Sequence[str] = PARTS) -> dict[str, PRF]:
    """P/R/F1 per part for ``match`` ("exact" or "overlap")."""
    return dict(zip(parts, micro_scores(counts, (f"{match}.{part}" for part in parts)).values()))


# --- (d) confidence intervals ---------------------------------------------------------

def bootstrap(
    documents: Sequence[Mapping[str, float]],
    score: Callable[[Mapping[str, float]], Mapping[str, float]],
    samples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap confidence intervals over documents.

    ``documents`` are per-document counts, ``score`` maps summed counts to named values (none
    for a sample it cannot score); each sample draws as many documents as there are, with
    replacement (fixed ``seed``, so the intervals are reproducible). Returns ``name → (low, high)``.
    """
    if not documents:
        return {}
    keys = sorted({key for counts in documents for key in counts})
    matrix = np.array([[counts.get(key, 0) for key in keys] for counts in documents], dtype=float)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(documents), size=(samples, len(documents)))
    values: dict[str, list[float]] = {}
    for row in matrix[draws].sum(axis=1):
        for name, value in score(dict(zip(keys, row))).items():
            values.setdefault(name, []).append(value)
    tail = (1 - level) / 2 * 100
    return {name: (float(np.percentile(v, tail)), float(np.percentile(v, 100 - tail))) for name, v in values.items()}
