"""The trained decisions over the candidate quotes: keep or drop, type, medium.

Four classifiers over :func:`~quotes.learned.features.quote_features`, each a scikit-learn
pipeline (``DictVectorizer`` → ``LogisticRegression``) with ``fit``/``predict_proba``. ``keep``
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
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from .features import GROUPS, Features
from .proposals import LEARNED

TASKS = ("keep", "sentence", "type", "medium")
FORMAT = "quotes-decisions/2"


@dataclass(frozen=True)
class Decision:
    """What the models decided about one candidate."""

    keep: float  # probability that the candidate is a quote
    type: str
    medium: str


def _estimator(regularisation: float, seed: int) -> Pipeline:
    return make_pipeline(
        DictVectorizer(sparse=True),
        LogisticRegression(C=regularisation, max_iter=2000, random_state=seed),
    )


def _proposed_by_rule(row: Features) -> bool:
    return row["rule.name"] != LEARNED


class QuoteDecisions:
    """The keep, sentence, type and medium classifiers; ``groups`` are the feature groups used
    (for ablations); ``threshold`` and ``sentence_threshold`` the least probability a rule's
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
        self.models: dict[str, Pipeline] = {}

    def _select(self, rows: Sequence[Features]) -> list[Features]:
        prefixes = tuple(f"{group}." for group in self.groups)
        return [{name: value for name, value in row.items() if name.startswith(prefixes)} for row in rows]

    def fit(self, rows: Sequence[Features], keep: Sequence[bool], types: Sequence[str | None], media: Sequence[str | None]) -> QuoteDecisions:
        """Train on candidate features with their labels; a type or medium is None where the
        candidate has no gold partner (or the gold leaves the label open)."""
        selected = self._select(rows)
        self.models = {}
        for task, wanted in (("keep", True), ("sentence", False)):
            chosen = [i for i, row in enumerate(rows) if _proposed_by_rule(row) == wanted]
            self.models[task] = _estimator(self.regularisation, self.seed).fit([selected[i] for i in chosen], [int(keep[i]) for i in chosen])
        for task, labels in (("type", types), ("medium", media)):
            known = [i for i, label in enumerate(labels) if label is not None]
            self.models[task] = _estimator(self.regularisation, self.seed).fit([selected[i] for i in known], [labels[i] for i in known])
        return self

    def predict(self, rows: Sequence[Features]) -> list[Decision]:
        if not rows:
            return []
        selected = self._select(rows)
        keep = [self._positive("keep", selected), self._positive("sentence", selected)]
        types = self.models["type"].predict(selected)
        media = self.models["medium"].predict(selected)
        return [
            Decision(float(keep[0 if _proposed_by_rule(row) else 1][i]), str(t), str(m))
            for i, (row, t, m) in enumerate(zip(rows, types, media))
        ]

    def _positive(self, task: str, selected: list[Features]) -> np.ndarray:
        model = self.models[task]
        return model.predict_proba(selected)[:, list(model.classes_).index(1)]

    def kept(self, row: Features, decision: Decision) -> bool:
        """Whether ``decision`` keeps the candidate described by ``row``."""
        return decision.keep >= (self.threshold if _proposed_by_rule(row) else self.sentence_threshold)

    # --- files ------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        def model(pipeline: Pipeline) -> dict[str, Any]:
            vectorizer, estimator = pipeline.named_steps["dictvectorizer"], pipeline.named_steps["logisticregression"]
            return {
                "features": list(vectorizer.feature_names_),
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
            "models": {task: model(self.models[task]) for task in TASKS},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuoteDecisions:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file (format {data.get('format')!r})")
        decisions = cls(data["groups"], data["regularisation"], data["threshold"], data["sentence_threshold"], data["seed"])
        for task in TASKS:
            saved = data["models"][task]
            vectorizer = DictVectorizer(sparse=True)
            vectorizer.feature_names_ = saved["features"]
            vectorizer.vocabulary_ = {name: i for i, name in enumerate(saved["features"])}
            estimator = LogisticRegression(C=decisions.regularisation)
            estimator.classes_ = np.array(saved["classes"])
            estimator.coef_ = np.array(saved["coef"])
            estimator.intercept_ = np.array(saved["intercept"])
            estimator.n_features_in_ = len(saved["features"])
            decisions.models[task] = make_pipeline(vectorizer, estimator)
        return decisions

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> QuoteDecisions:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
