"""The official WIKINEWS scorer (GermEval 2023 task 2, ``wikinews-quotes-2024/eval/eval.py``),
reimplemented on :class:`~quotes.corpora.annotation.Annotation` records.

Its five figures, each as precision, recall and F1, equal eval.py's to rounding (tested against
the script on the dev and train splits):

* **Messages**, **Roles**, **Joint**: per document, gold and predicted quotes are paired one-to-one
  (:func:`pair_quotes`); quotes left over are paired with an empty quote. In every pair, every
  part (quote; addressee, cue, frame, speaker) gets its own token precision TP/(TP+FP), unless
  nothing was predicted for it, and its own token recall TP/(TP+FN), unless it has no gold
  tokens. These per-(pair, part) values are averaged over all pairs of all documents: Messages
  over the quote part, Roles over the four role parts, Joint over all five (every (pair, part)
  value has the same weight). F1 is the harmonic mean of the averaged P and R.
* **Form** (type) and **STWR** (medium): micro label counts over the pairs: equal labels are a
  TP, different ones an FP and an FN; an unpaired prediction is an FP, an unpaired gold quote an FN.

Use per document :func:`document_counts` (additive sums, so they can be summed over documents
and bootstrapped with :func:`~quotes.evaluation.metrics.bootstrap`), then :func:`scores` on the
sum. The official script scores the gold documents only: a document without a prediction file
is scored with no predictions, a prediction for a document not in gold is ignored.

How ``metrics.wikinews_counts`` / ``wikinews_scores`` (the harness's metric up to issue #20)
differ from the official definition:

1. Roles and Joint: the harness pools a pair's role tokens (TP, FP, FN summed over the parts)
   into one precision and one recall per pair and averages over pairs; the official script
   averages one value per (pair, part). Messages is the same in both.
2. Pairing: the harness adds the type (+0.01) and medium (+0.001) bonus to every pair; the
   official script only to pairs whose quotes overlap. So among quotes without overlap the
   harness prefers same-label partners, which it then counts as correct Form/STWR labels:
   the harness's Form and STWR come out higher, and can even pick other overlapping pairs.
3. The pair weight's token F1 is computed as ``2|g∩p| / (|g|+|p|)`` there and as
   ``2PR/(P+R)`` here (as eval.py does): mathematically equal, but the floats can differ in the
   last bit, which can break ties of the assignment differently.
4. The harness's ``part.<name>`` figures (one part's pair-pooled P/R) have no official counterpart;
   :func:`part_scores` replaces them, on the official pairs and averaging.

The harness now reports these official figures (``quotes eval``'s ``wikinews`` results) and
its old implementation is gone.

Measured on the extractor's WIKINEWS dev predictions (F1, harness → official): Messages 77.1 →
77.1, Roles 68.0 → 72.6, Joint 72.6 → 74.0, Form 79.3 → 77.5, STWR 48.5 → 47.8. 12 of the 150
documents are paired differently (2.); the harness's counting on the official pairs gives Form
77.5 and STWR 47.8, so those two differ by the pairing alone, Roles and Joint by the averaging
(1.). Difference 3 changes no pair there; it is matched to be safe.

Where the official script fails, this module goes on, and says so here: eval.py raises
ZeroDivisionError for an empty predicted or gold quote (here: no overlap) and when no quote at
all is predicted or annotated (here: 0), and KeyError for a type or medium outside its label
lists, e.g. ``STW`` (here: a label like any other).
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

import numpy as np

from quotes.evaluation.metrics import PARTS, PRF, WIKINEWS_GROUPS, Annotation, Counts, _assign, _part_counts, micro_scores, ratio

LABELS = {"form": "type", "stwr": "medium"}
"""The label figures and the annotation field each compares."""

Pair = tuple[Annotation | None, Annotation | None]


def overlap(gold: frozenset[int], predicted: frozenset[int]) -> float:
    """Token F1 of two quotes as eval.py computes it (``2PR/(P+R)``, so the assignment breaks
    ties alike); 0 when they share no token, also when one is empty."""
    both = len(gold & predicted)
    if not both:
        return 0.0
    precision = both / (both + len(predicted - gold))
    recall = both / (both + len(gold - predicted))
    return 2 * precision * recall / (precision + recall)


def pair_weight(gold: Annotation, predicted: Annotation) -> float:
    """The assignment weight: quote token F1, +0.01 for the same type and +0.001 for the same
    medium, the bonuses only when the quotes overlap."""
    f1 = overlap(gold.tokens("quote"), predicted.tokens("quote"))
    form_bonus = 0.01 if f1 > 0.0 and gold.type == predicted.type else 0.0
    stwr_bonus = 0.001 if f1 > 0.0 and gold.medium == predicted.medium else 0.0
    return f1 + form_bonus + stwr_bonus


def pair_quotes(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> list[Pair]:
    """The pairs of one document: the maximum-weight assignment (scipy's
    ``linear_sum_assignment`` on the gold × predicted matrix, as eval.py, so ties go the same
    way when both lists are in file order), every assigned pair kept even without overlap;
    then the unpaired predictions and the unpaired gold quotes with ``None`` as partner."""
    weights = np.array([[pair_weight(g, p) for p in predicted] for g in gold]).reshape(len(gold), len(predicted))
    assigned = _assign(weights)
    paired_gold = {i for i, _ in assigned}
    paired_predicted = {j for _, j in assigned}
    return (
        [(gold[i], predicted[j]) for i, j in assigned]
        + [(None, p) for j, p in enumerate(predicted) if j not in paired_predicted]
        + [(g, None) for i, g in enumerate(gold) if i not in paired_gold]
    )


def document_counts(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> Counts:
    """One document's additive counts: ``<part>.p_sum``/``.p_n`` (the sum and number of the
    pairs' defined precisions of that part), ``<part>.r_sum``/``.r_n`` likewise for recall, and
    ``form``/``stwr`` ``.tp``/``.fp``/``.fn``."""
    counts: Counts = Counter()
    for g, p in pair_quotes(gold, predicted):
        for part in PARTS:
            tp, fp, fn = _part_counts(g, p, part)
            if tp + fp:
                counts[f"{part}.p_sum"] += tp / (tp + fp)
                counts[f"{part}.p_n"] += 1
            if tp + fn:
                counts[f"{part}.r_sum"] += tp / (tp + fn)
                counts[f"{part}.r_n"] += 1
        for name, field in LABELS.items():
            gold_label, predicted_label = (getattr(a, field) if a else None for a in (g, p))
            same = gold_label == predicted_label
            counts[f"{name}.tp"] += same
            counts[f"{name}.fp"] += not same and predicted_label is not None
            counts[f"{name}.fn"] += not same and gold_label is not None
    return counts


def _macro(counts: Mapping[str, float], parts: Sequence[str]) -> PRF:
    """Averaged precision and recall over the (pair, part) values of ``parts``."""

    def mean(statistic: str) -> float:
        return ratio(sum(counts.get(f"{part}.{statistic}_sum", 0) for part in parts),
                     sum(counts.get(f"{part}.{statistic}_n", 0) for part in parts))

    return PRF(mean("p"), mean("r"))


def scores(counts: Mapping[str, float]) -> dict[str, PRF]:
    """The official figures from counts summed over documents: ``messages``, ``roles``,
    ``joint`` (macro), ``form``, ``stwr`` (micro)."""
    return {**{name: _macro(counts, parts) for name, parts in WIKINEWS_GROUPS.items()}, **micro_scores(counts, LABELS)}


def part_scores(counts: Mapping[str, float], parts: Sequence[str] = PARTS) -> dict[str, PRF]:
    """Not an official figure (the harness's extra): each part's P/R averaged over the official
    pairs alone, as Roles averages the four role parts together; ``quote`` equals Messages."""
    return {part: _macro(counts, (part,)) for part in parts}
