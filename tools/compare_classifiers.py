"""The library comparison behind the learned decisions (quotes/models/MODEL_CARD.md): the same
candidates and features, classified by scikit-learn's LogisticRegression and by LightGBM.

    pip install lightgbm && python tools/compare_classifiers.py

Accuracy of each decision on WIKINEWS dev (trained on train) and in 5-fold cross-validation over
train (the `quotes eval --folds` folds), and the training time of all of it.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
from lightgbm import LGBMClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from quotes import corpora
from quotes.corpora.catalog import cache_home
from quotes.learned.decisions import proposed_by_rule
from quotes.learned.training import Examples, corpus_examples
from quotes.parsing import Parser

CLASSIFIERS = {
    "scikit-learn LogisticRegression(C=0.5)": lambda: LogisticRegression(C=0.5, max_iter=2000, random_state=0),
    "LightGBM (200 trees, 15 leaves, rate 0.05)": lambda: LGBMClassifier(
        n_estimators=200, learning_rate=0.05, num_leaves=15, min_child_samples=10, verbose=-1, random_state=0, n_jobs=1
    ),
}


def tasks(examples: Examples) -> dict[str, tuple[list, list]]:
    """(rows, labels) of each decision, as quotes.learned.decisions trains them."""
    by_rule = [proposed_by_rule(row) for row in examples.rows]
    pick = lambda keep, labels: ([r for r, k in zip(examples.rows, keep) if k], [l for l, k in zip(labels, keep) if k])  # noqa: E731
    return {
        "keep": pick(by_rule, [int(k) for k in examples.keep]),
        "sentence": pick([not b for b in by_rule], [int(k) for k in examples.keep]),
        "type": pick([t is not None for t in examples.types], examples.types),
        "medium": pick([m is not None for m in examples.media], examples.media),
    }


def accuracy(make, train: Examples, test: Examples) -> dict[str, float]:
    result = {}
    for name, (rows, labels) in tasks(train).items():
        test_rows, test_labels = tasks(test)[name]
        model = make_pipeline(DictVectorizer(), make()).fit(rows, labels)
        result[name] = float(np.mean(model.predict(test_rows) == np.array(test_labels)))
    return result


def main() -> None:
    warnings.filterwarnings("ignore")
    parser = Parser(None, cache=cache_home() / "parses")
    train_docs, dev_docs = list(corpora.read("wikinews", "train")), list(corpora.read("wikinews", "dev"))
    train, dev = corpus_examples(parser, train_docs, False), corpus_examples(parser, dev_docs, False)
    print("| classifier | " + " | ".join(f"{t} dev / CV" for t in tasks(train)) + " | seconds |")
    print("|---|" + "---:|" * (len(tasks(train)) + 1))
    for name, make in CLASSIFIERS.items():
        started = time.perf_counter()
        on_dev = accuracy(make, train, dev)
        folds = [accuracy(make, train.subset(set(range(len(train_docs))) - set(held)), train.subset(held)) for held in corpora.folds(train_docs, 5)]
        cv = {t: float(np.mean([f[t] for f in folds])) for t in on_dev}
        cells = " | ".join(f"{100 * on_dev[t]:.1f} / {100 * cv[t]:.1f}" for t in on_dev)
        print(f"| {name} | {cells} | {time.perf_counter() - started:.0f} |")


if __name__ == "__main__":
    main()
