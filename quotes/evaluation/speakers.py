"""The speaker measure: entity, role, kind and gender of the speakers a prediction found, against the
project's speaker gold set (``corpora/speakers/``, see its README for the guidelines).

Pure functions on plain data, in two steps like :mod:`quotes.evaluation.metrics`:
:func:`document_counts` scores one document into additive counts, :func:`scores` turns the counts
summed over documents into figures. Offsets are character offsets into the document text
(WIKINEWS ``originalText``).

Which gold rows count: a gold row is *found* when a predicted quote overlaps the gold quote
(characters) and its speaker overlaps the gold speaker; of several, the prediction sharing the
most quote characters (then speaker characters) is taken. Every figure is over the found rows:

* ``entity``: accuracy; equal after case folding and collapsing whitespace; an empty gold entity
  must be predicted as none.
* ``role``: precision, recall and F1 on tokens (``overlap``: a row's role tokens, multiset
  intersection, summed over rows) and on whole roles (``exact``: a predicted role equal to a
  non-empty gold role is a true positive, any other predicted role a false positive, any other
  non-empty gold role a false negative).
* ``kind``: accuracy (a prediction without kind is wrong).
* ``gender``: per value (``female``, ``male``) and ``all``: precision over the predictions that
  give a gender, recall over the gold rows that have one.

``found`` reports how many gold rows were found of how many.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from quotes.evaluation.metrics import PRF, ratio

GENDERS = ("female", "male")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldSpeaker:
    """One row of the speaker gold set: a gold quote and who speaks it."""

    document: str
    quote_index: int
    quote: tuple[int, int]
    type: str
    speaker: Spans
    speaker_text: str
    entity: str
    role: str
    kind: str
    gender: str
    evidence: str = ""
    note: str = ""


@dataclass(frozen=True)
class PredictedSpeaker:
    """A predicted quote's spans and speaker attributes, as the measure needs them."""

    quote: Spans
    speaker: Spans
    entity: str | None = None
    role: str | None = None
    kind: str | None = None
    gender: str | None = None
    rule: str = ""
    speaker_text: str = ""


def _spans(value: str) -> Spans:
    """``"12-20;30-41"`` as ((12, 20), (30, 41)); empty for an empty cell."""
    return tuple((int(a), int(b)) for a, b in (part.split("-") for part in value.split(";") if part))


def read_gold(path: str | Path) -> dict[str, list[GoldSpeaker]]:
    """The rows of a speaker gold TSV, by document name (``documentName``), in file order."""
    rows: dict[str, list[GoldSpeaker]] = {}
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.setdefault(row["document"], []).append(
                GoldSpeaker(
                    row["document"], int(row["quote_index"]), (int(row["quote_start"]), int(row["quote_end"])), row["type"],
                    _spans(row["speaker_spans"]), row["speaker_text"], row["entity"], row["role_text"], row["kind"],
                    row["gender"], row.get("gender_evidence_text", ""), row.get("note", ""),
                )
            )
    return rows


def normalise(value: str | None) -> str:
    """Case-folded, whitespace collapsed; none is empty."""
    return " ".join((value or "").split()).casefold()


def role_tokens(value: str | None) -> Counter:
    """The words of a role, case-folded, without punctuation at their edges."""
    words = (re.sub(r"^\W+|\W+$", "", word) for word in normalise(value).split())
    return Counter(word for word in words if word)


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(gold: Sequence[GoldSpeaker], predicted: Sequence[PredictedSpeaker]) -> list[tuple[GoldSpeaker, PredictedSpeaker | None]]:
    """Each gold row with the prediction that found it (or None): the quotes overlap and so do the
    speakers; the most shared quote characters, then speaker characters, win."""
    pairs = []
    for row in gold:
        best, key = None, (0, 0)
        for prediction in predicted:
            shared_quote = _overlap((row.quote,), prediction.quote)
            shared_speaker = _overlap(row.speaker, prediction.speaker)
            if shared_quote and shared_speaker and (shared_quote, shared_speaker) > key:
                best, key = prediction, (shared_quote, shared_speaker)
        pairs.append((row, best))
    return pairs


def pair_counts(row: GoldSpeaker, prediction: PredictedSpeaker | None) -> Counter:
    """The counts of one gold row and the prediction that found it (or None)."""
    counts: Counter = Counter({"rows": 1})
    if prediction is None:
        return counts
    counts["found"] += 1
    counts["entity.correct"] += normalise(row.entity) == normalise(prediction.entity)
    counts["kind.correct"] += bool(prediction.kind) and row.kind == prediction.kind
    gold_tokens, predicted_tokens = role_tokens(row.role), role_tokens(prediction.role)
    both = sum((gold_tokens & predicted_tokens).values())
    counts["role.overlap.tp"] += both
    counts["role.overlap.fp"] += sum(predicted_tokens.values()) - both
    counts["role.overlap.fn"] += sum(gold_tokens.values()) - both
    same = bool(row.role) and normalise(row.role) == normalise(prediction.role)
    counts["role.exact.tp"] += same
    counts["role.exact.fp"] += bool(normalise(prediction.role)) and not same
    counts["role.exact.fn"] += bool(row.role) and not same
    for value in GENDERS:
        counts[f"gender.{value}.tp"] += row.gender == value and prediction.gender == value
        counts[f"gender.{value}.fp"] += prediction.gender == value and row.gender != value
        counts[f"gender.{value}.fn"] += row.gender == value and prediction.gender != value
    return counts


def document_counts(gold: Sequence[GoldSpeaker], predicted: Sequence[PredictedSpeaker]) -> Counter:
    """One document's additive counts (see :func:`scores`)."""
    return sum((pair_counts(row, prediction) for row, prediction in match(gold, predicted)), Counter())


def _prf(counts: Mapping[str, float], name: str) -> dict[str, float]:
    tp, fp, fn = (counts.get(f"{name}.{key}", 0) for key in ("tp", "fp", "fn"))
    return PRF(ratio(tp, tp + fp), ratio(tp, tp + fn)).to_dict() | {"tp": tp, "fp": fp, "fn": fn}


def scores(counts: Mapping[str, float]) -> dict[str, Any]:
    """The figures of summed counts: ``found``, ``entity``, ``role``, ``kind``, ``gender``."""
    found = counts.get("found", 0)
    gender_all = {key: sum(counts.get(f"gender.{value}.{key}", 0) for value in GENDERS) for key in ("tp", "fp", "fn")}
    return {
        "found": {"rows": counts.get("rows", 0), "found": found, "share": ratio(found, counts.get("rows", 0))},
        "entity": {"accuracy": ratio(counts.get("entity.correct", 0), found), "n": found},
        "role": {"overlap": _prf(counts, "role.overlap"), "exact": _prf(counts, "role.exact")},
        "kind": {"accuracy": ratio(counts.get("kind.correct", 0), found), "n": found},
        "gender": {**{value: _prf(counts, f"gender.{value}") for value in GENDERS},
                   "all": _prf({f"all.{k}": v for k, v in gender_all.items()}, "all")},
    }


def flat(figures: Mapping[str, Any]) -> dict[str, float]:
    """The headline values of :func:`scores` as ``"entity.accuracy": value`` (for bootstrapping and folds)."""
    values = {
        "entity.accuracy": figures["entity"]["accuracy"],
        "kind.accuracy": figures["kind"]["accuracy"],
        "found.share": figures["found"]["share"],
    }
    for match_kind in ("overlap", "exact"):
        values.update({f"role.{match_kind}.{k}": figures["role"][match_kind][k] for k in ("p", "r", "f1")})
    for value in (*GENDERS, "all"):
        values.update({f"gender.{value}.{k}": figures["gender"][value][k] for k in ("p", "r", "f1")})
    return values


def errors(gold: Sequence[GoldSpeaker], predicted: Sequence[PredictedSpeaker]) -> Iterable[tuple[str, GoldSpeaker, PredictedSpeaker | None]]:
    """(what is wrong, gold row, prediction) for every gold row not found or found with a wrong field;
    what is wrong is ``missed`` or a comma-separated list of ``entity``, ``role``, ``kind``, ``gender``."""
    for row, prediction in match(gold, predicted):
        if prediction is None:
            yield "missed", row, None
            continue
        wrong = []
        if normalise(row.entity) != normalise(prediction.entity):
            wrong.append("entity")
        if normalise(row.role) != normalise(prediction.role):
            wrong.append("role")
        if row.kind != prediction.kind:
            wrong.append("kind")
        if prediction.gender and prediction.gender != row.gender or (row.gender and not prediction.gender):
            wrong.append("gender")
        if wrong:
            yield ",".join(wrong), row, prediction


def from_annotation(annotation: Any, tokens: Sequence[tuple[int, int]]) -> PredictedSpeaker:
    """A predicted :class:`~quotes.corpora.annotation.Annotation` (with ``speaker_fields``) on a
    document whose token ``i`` covers characters ``tokens[i]``."""

    def spans(part: str) -> Spans:
        positions = sorted(annotation.parts.get(part, ()))
        runs: list[tuple[int, int]] = []
        for position in positions:
            if runs and position == runs[-1][1]:
                runs[-1] = (runs[-1][0], position + 1)
            else:
                runs.append((position, position + 1))
        return tuple((tokens[first][0], tokens[last - 1][1]) for first, last in runs)

    fields = annotation.speaker_fields
    return PredictedSpeaker(
        spans("quote"), spans("speaker"), fields.get("entity"), fields.get("role"), fields.get("kind"), fields.get("gender"),
        annotation.rule,
    )
