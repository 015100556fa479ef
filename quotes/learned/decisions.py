"""The trained decisions over the candidate quotes: keep or drop, type, medium.

Four scikit-learn ``LogisticRegression`` classifiers over the features of
:func:`~quotes.learned.features.quote_features`, vectorised once by a shared ``DictVectorizer``. ``keep``
judges the rules' candidates and ``sentence`` the sentences no rule touched
(:mod:`.proposals`): does the official WIKINEWS pairing give the candidate a gold partner it
overlaps? ``type`` and ``medium`` learn from the candidates with a partner (its labels). The
probability of being kept is the quote's confidence; each kind of candidate has its threshold.

Models are saved as JSON — the vectorizer's vocabulary and the estimator's fitted arrays — not
as pickles, so a shipped model loads under any scikit-learn version and can be read by anyone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.utils.extmath import softmax

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


def _proposed_by_rule(row: Features) -> bool:
    return row["rule.name"] != LEARNED


class QuoteDecisions:
    """The keep, sentence, type and medium classifiers over one shared feature vectorizer (a
    document's candidates are vectorised once for all four); ``groups`` are the feature groups
    used (for ablations); ``threshold`` and ``sentence_threshold`` the least probability a rule's
    candidate and an untouched sentence need to be kept."""

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
        self.vectorizer = DictVectorizer(sparse=True)
        self.models: dict[str, LogisticRegression] = {}

    def _select(self, rows: Sequence[Features]) -> Sequence[Features]:
        if self.groups == GROUPS:
            return rows
        prefixes = tuple(f"{group}." for group in self.groups)
        return [{name: value for name, value in row.items() if name.startswith(prefixes)} for row in rows]

    def fit(self, rows: Sequence[Features], keep: Sequence[bool], types: Sequence[str | None], media: Sequence[str | None]) -> QuoteDecisions:
        """Train on candidate features with their labels; a type or medium is None where the
        candidate has no gold partner (or the gold leaves the label open)."""
        matrix = self.vectorizer.fit_transform(self._select(rows))
        by_rule = np.array([_proposed_by_rule(row) for row in rows])
        tasks = {
            "keep": (np.flatnonzero(by_rule), [int(k) for k in keep]),
            "sentence": (np.flatnonzero(~by_rule), [int(k) for k in keep]),
            "type": (np.array([i for i, t in enumerate(types) if t is not None], dtype=int), types),
            "medium": (np.array([i for i, m in enumerate(media) if m is not None], dtype=int), media),
        }
        self.models = {
            task: LogisticRegression(C=self.regularisation, max_iter=2000, random_state=self.seed).fit(matrix[chosen], [labels[i] for i in chosen])
            for task, (chosen, labels) in tasks.items()
        }
        return self

    def predict(self, rows: Sequence[Features]) -> list[Decision]:
        if not rows:
            return []
        matrix = self.vectorizer.transform(self._select(rows))
        keep, sentence, types, media = (self._probabilities(task, matrix) for task in TASKS)
        type_names, medium_names = self.models["type"].classes_, self.models["medium"].classes_
        return [
            Decision(
                float(keep[i, 1] if _proposed_by_rule(row) else sentence[i, 1]),
                str(type_names[types[i].argmax()]),
                str(medium_names[media[i].argmax()]),
            )
            for i, row in enumerate(rows)
        ]

    def _probabilities(self, task: str, matrix: Any) -> np.ndarray:
        """``predict_proba`` of one model, computed from its fitted coefficients with scikit-learn's
        own link functions: the estimator's input checks cost more than the arithmetic for one
        document's few candidates (measured: half the time of the learned method)."""
        model = self.models[task]
        scores = np.asarray(matrix @ model.coef_.T) + model.intercept_
        if len(model.classes_) == 2:
            positive = expit(scores[:, 0])
            return np.column_stack([1 - positive, positive])
        return softmax(scores, copy=False)

    def kept(self, row: Features, decision: Decision) -> bool:
        """Whether ``decision`` keeps the candidate described by ``row``."""
        return decision.keep >= (self.threshold if _proposed_by_rule(row) else self.sentence_threshold)

    # --- files ------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        def model(estimator: LogisticRegression) -> dict[str, Any]:
            return {
                "classes": [c.item() if hasattr(c, "item") else c for c in estimator.classes_],
                "coef": np.round(estimator.coef_, 6).tolist(),
                "intercept": np.round(estimator.intercept_, 6).tolist(),
            }

        return {
            "format": FORMAT,
            "groups": list(self.groups),
            "regularisation": self.regularisation,
            "threshold": self.threshold,
            "sentence_threshold": self.sentence_threshold,
            "seed": self.seed,
            "features": list(self.vectorizer.feature_names_),
            "models": {task: model(self.models[task]) for task in TASKS},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuoteDecisions:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file (format {data.get('format')!r})")
        decisions = cls(data["groups"], data["regularisation"], data["threshold"], data["sentence_threshold"], data["seed"])
        decisions.vectorizer.feature_names_ = data["features"]
        decisions.vectorizer.vocabulary_ = {name: i for i, name in enumerate(data["features"])}
        for task in TASKS:
            saved = data["models"][task]
            estimator = LogisticRegression(C=decisions.regularisation)
            estimator.classes_ = np.array(saved["classes"])
            estimator.coef_ = np.array(saved["coef"])
            estimator.intercept_ = np.array(saved["intercept"])
            estimator.n_features_in_ = len(data["features"])
            decisions.models[task] = estimator
        return decisions

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> QuoteDecisions:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
