"""Is a quote's confidence a probability? A reliability table and the expected calibration error.

A predicted quote counts as correct when the official WIKINEWS pairing gives it a gold quote it
overlaps — the event the learned ``keep`` models are trained to predict. Confidences are binned
into equal-width bins; the expected calibration error (ECE) is the mean absolute difference of a
bin's mean confidence and its share of correct quotes, weighted by the bin's size.
"""

from __future__ import annotations

from typing import Any, Sequence

from quotes.corpora.annotation import Annotation
from quotes.evaluation.wikinews import overlap, pair_quotes


def outcomes(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> list[tuple[float, bool]]:
    """(confidence, correct) for every predicted quote of one document."""
    return [
        (p.confidence, g is not None and overlap(g.tokens("quote"), p.tokens("quote")) > 0)
        for g, p in pair_quotes(gold, predicted)
        if p is not None
    ]


def reliability(golds: Sequence[Sequence[Annotation]], predictions: Sequence[Sequence[Annotation]], bins: int = 10) -> dict[str, Any]:
    """The reliability table (``bins`` of width 1/bins: ``lower``, ``upper``, ``quotes``,
    ``confidence`` (mean), ``correct`` (share)) and ``ece`` over all documents."""
    found = [pair for gold, predicted in zip(golds, predictions) for pair in outcomes(gold, predicted)]
    table = []
    error = 0.0
    for number in range(bins):
        lower, upper = number / bins, (number + 1) / bins
        inside = [(c, ok) for c, ok in found if lower <= c < upper or (number == bins - 1 and c == 1.0)]
        if not inside:
            continue
        confidence = sum(c for c, _ in inside) / len(inside)
        correct = sum(ok for _, ok in inside) / len(inside)
        error += len(inside) / len(found) * abs(confidence - correct)
        table.append({"lower": lower, "upper": upper, "quotes": len(inside), "confidence": confidence, "correct": correct})
    return {"ece": error, "quotes": len(found), "bins": table}


def reliability_table(report: dict[str, Any]) -> str:
    """The reliability table as text, for the printed report."""
    lines = [f"calibration: expected calibration error {report['ece']:.3f} over {report['quotes']} predicted quotes",
             "confidence      quotes  mean confidence  share correct"]
    for row in report["bins"]:
        lines.append(f"[{row['lower']:.1f}, {row['upper']:.1f})  {row['quotes']:>9}  {row['confidence']:>15.3f}  {row['correct']:>13.3f}")
    return "\n".join(lines)
