"""The ablation table of the learned decisions (eval/README.md): WIKINEWS dev and 5-fold
cross-validation over train, official F1, for the rules alone, the learned decisions, and the
learned decisions without each feature group.

    python tools/ablation.py > eval/ablation.md     # about 10 minutes on 2 cores, warm parse cache

Every configuration is trained on WIKINEWS train only, thresholds chosen by cross-validation
inside train, exactly as `quotes train` does; dev is only scored.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace

from quotes import corpora
from quotes.corpora.catalog import cache_home
from quotes.evaluation.wikinews import document_counts, scores
from quotes.learned.features import GROUPS
from quotes.learned.decisions import proposed_by_rule
from quotes.learned.training import Examples, corpus_examples, official_scores, train_on
from quotes.parsing import Parser

FIGURES = ("messages", "roles", "joint", "form", "stwr")


def rules_alone(examples: Examples, documents) -> dict[str, float]:
    counts: Counter = Counter()
    for number, gold in enumerate(documents):
        predicted = [a for a, d, row in zip(examples.annotations, examples.documents, examples.rows) if d == number and proposed_by_rule(row)]
        counts += document_counts(gold.annotations, predicted)
    return {name: prf.f1 for name, prf in scores(counts).items()}


def mean(folds: list[dict[str, float]]) -> dict[str, float]:
    return {name: sum(f[name] for f in folds) / len(folds) for name in folds[0]}


def row(name: str, dev: dict[str, float], cv: dict[str, float]) -> str:
    return f"| {name} | " + " | ".join(f"{100 * dev[f]:.1f} / {100 * cv[f]:.1f}" for f in FIGURES) + " |"


def main() -> None:
    parser = Parser(None, cache=cache_home() / "parses")
    train_docs, dev_docs = list(corpora.read("wikinews", "train")), list(corpora.read("wikinews", "dev"))
    train_examples, dev_examples = corpus_examples(parser, train_docs, False), corpus_examples(parser, dev_docs, False)
    rules_cv = []
    for held in corpora.folds(train_docs, 5):
        fold = train_examples.subset(held)
        fold = replace(fold, documents=tuple(held.index(n) for n in fold.documents))
        rules_cv.append(rules_alone(fold, [train_docs[i] for i in held]))
    lines = [
        "| decisions | " + " | ".join(f.capitalize() if f not in ("stwr",) else "STWR" for f in FIGURES) + " |",
        "|---|" + "---:|" * len(FIGURES),
        row("rules alone", rules_alone(dev_examples, dev_docs), mean(rules_cv)),
    ]
    for leave_out in (None, *GROUPS):
        groups = tuple(g for g in GROUPS if g != leave_out)
        trained = train_on(parser, [("wikinews/train", train_docs)], progress=False, groups=groups)
        chosen = (trained.decisions.threshold, trained.decisions.sentence_threshold)
        dev = official_scores(trained.decisions, dev_examples, dev_docs, [chosen])[chosen]
        lines.append(row("learned" if leave_out is None else f"learned without {leave_out}", dev, trained.held_out[chosen]))
        print(lines[-1], file=sys.stderr)
    print("Official WIKINEWS F1, dev / 5-fold cross-validation over train (`python tools/ablation.py`).\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
