"""The trained decisions over the candidate quotes: keep or drop, type, medium.

Four logistic regressions over the features of :func:`~quotes.learned.features.candidate_features`:
``keep`` judges the rules' candidates and ``sentence`` the sentences no rule touched
(:mod:`.proposals`): does the official WIKINEWS pairing give the candidate a gold partner it
overlaps? ``type`` and ``medium`` learn from the candidates with a partner (its labels). The
probability of being kept is the quote's confidence; each kind of candidate has its threshold.

scikit-learn fits them (``DictVectorizer`` and ``LogisticRegression``); what is kept are their
fitted arrays — the feature names, each model's classes, coefficients and intercepts — saved as
JSON (no pickles: a shipped model loads under any scikit-learn version and anyone can read it).
Prediction applies those arrays directly: one-hot encoding as ``DictVectorizer`` does, a product,
and the logistic or softmax link. That keeps scikit-learn out of extraction: importing it cost a
quarter of a one-sentence run, and its per-call input checks cost more than the arithmetic for
one document's few candidates (a test checks the probabilities against scikit-learn's).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.special import expit, softmax

from .features import GROUPS, Features
from .proposals import LEARNED

TASKS = ("keep", "sentence", "type", "medium")
FORMAT = "quotes-decisions/3"


@dataclass(frozen=True)
class Decision:
    """What the models decided about one candidate."""

    keep: float  # probability that the candidate is a quote
    type: str
    medium: str


@dataclass(frozen=True)
class Linear:
    """A fitted logistic regression: its classes, coefficients (classes × features, one row for
    two classes) and intercepts."""

    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, matrix: Any) -> np.ndarray:
        """``predict_proba``: one column per class."""
        scores = np.asarray(matrix @ self.coef.T) + self.intercept
        if len(self.classes) == 2:
            positive = expit(scores[:, 0])
            return np.column_stack([1 - positive, positive])
        return softmax(scores, axis=1)


def proposed_by_rule(row: Features) -> bool:
    """Whether the candidate a feature row describes came from a rule (not an untouched sentence)."""
    return row["rule.name"] != LEARNED


class QuoteDecisions:
    """The keep, sentence, type and medium classifiers over one shared feature encoding;
    ``groups`` are the feature groups used (for ablations); ``threshold`` and
    ``sentence_threshold`` the least probability a rule's candidate and an untouched sentence
    need to be kept."""

    def __init__(
        self,
        groups: Sequence[str] = GROUPS,
        regularisation: float = 0.5,
        threshold: float = 0.5,
        sentence_threshold: float = 0.5,
        seed: int = 0,
    ):
        unknown = set(groups) - set(GROUPS)
        if unknown:
            raise ValueError(f"unknown feature groups {sorted(unknown)}; expected some of {', '.join(GROUPS)}")
        self.groups = tuple(groups)
        self.regularisation = regularisation
        self.threshold = threshold
        self.sentence_threshold = sentence_threshold
        self.seed = seed
        self.features: list[str] = []
        self.index: dict[str, int] = {}
        self.models: dict[str, Linear] = {}

    def _select(self, rows: Sequence[Features]) -> Sequence[Features]:
        if self.groups == GROUPS:
            return rows
        prefixes = tuple(f"{group}." for group in self.groups)
        return [{name: value for name, value in row.items() if name.startswith(prefixes)} for row in rows]

    def fit(self, rows: Sequence[Features], keep: Sequence[bool], types: Sequence[str | None], media: Sequence[str | None]) -> QuoteDecisions:
        """Train on candidate features with their labels; a type or medium is None where the
        candidate has no gold partner (or the gold leaves the label open)."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        vectorizer = DictVectorizer(sparse=True)
        matrix = vectorizer.fit_transform(self._select(rows))
        self._use_features(list(vectorizer.feature_names_))
        by_rule = np.array([proposed_by_rule(row) for row in rows])
        tasks = {
            "keep": (np.flatnonzero(by_rule), [int(k) for k in keep]),
            "sentence": (np.flatnonzero(~by_rule), [int(k) for k in keep]),
            "type": (np.array([i for i, t in enumerate(types) if t is not None], dtype=int), types),
            "medium": (np.array([i for i, m in enumerate(media) if m is not None], dtype=int), media),
        }
        for task, (chosen, labels) in tasks.items():
            fitted = LogisticRegression(C=self.regularisation, max_iter=2000, random_state=self.seed).fit(matrix[chosen], [labels[i] for i in chosen])
            self.models[task] = Linear(fitted.classes_, fitted.coef_, fitted.intercept_)
        return self

    def _use_features(self, names: list[str]) -> None:
        self.features = names
        self.index = {name: i for i, name in enumerate(names)}

    def encode(self, rows: Sequence[Features]) -> csr_matrix:
        """The rows as ``DictVectorizer.transform`` encodes them: a string value is a one-hot
        ``name=value`` column, a number its own column; names unseen in training are dropped."""
        columns: list[int] = []
        values: list[float] = []
        starts = [0]
        for row in self._select(rows):
            for name, value in row.items():
                column = self.index.get(f"{name}={value}" if isinstance(value, str) else name)
                if column is not None:
                    columns.append(column)
                    values.append(1.0 if isinstance(value, str) else float(value))
            starts.append(len(columns))
        return csr_matrix((values, columns, starts), shape=(len(rows), len(self.features)))

    def predict(self, rows: Sequence[Features]) -> list[Decision]:
        if not rows:
            return []
        matrix = self.encode(rows)
        keep, sentence, types, media = (self.models[task].probabilities(matrix) for task in TASKS)
        type_names, medium_names = self.models["type"].classes, self.models["medium"].classes
        return [
            Decision(
                float(keep[i, 1] if proposed_by_rule(row) else sentence[i, 1]),
                str(type_names[types[i].argmax()]),
                str(medium_names[media[i].argmax()]),
            )
            for i, row in enumerate(rows)
        ]

    def kept(self, row: Features, decision: Decision) -> bool:
        """Whether ``decision`` keeps the candidate described by ``row``."""
        return decision.keep >= (self.threshold if proposed_by_rule(row) else self.sentence_threshold)

    # --- files ------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        def model(linear: Linear) -> dict[str, Any]:
            return {
                "classes": [c.item() if hasattr(c, "item") else c for c in linear.classes],
                "coef": np.round(linear.coef, 6).tolist(),
                "intercept": np.round(linear.intercept, 6).tolist(),
            }

        return {
            "format": FORMAT,
            "groups": list(self.groups),
            "regularisation": self.regularisation,
            "threshold": self.threshold,
            "sentence_threshold": self.sentence_threshold,
            "seed": self.seed,
            "features": self.features,
            "models": {task: model(self.models[task]) for task in TASKS},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuoteDecisions:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file (format {data.get('format')!r})")
        decisions = cls(data["groups"], data["regularisation"], data["threshold"], data["sentence_threshold"], data["seed"])
        decisions._use_features(data["features"])
        for task in TASKS:
            saved = data["models"][task]
            decisions.models[task] = Linear(np.array(saved["classes"]), np.array(saved["coef"]), np.array(saved["intercept"]))
        return decisions

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> QuoteDecisions:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
