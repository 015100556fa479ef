"""``quotes train``: the rules' candidates on an annotated corpus, labelled by the official
WIKINEWS pairing, and the decisions trained on them.

A candidate's labels come from :func:`quotes.evaluation.wikinews.pair_quotes`, the pairing the
official scorer uses: a candidate paired with a gold quote it overlaps is a quote (``keep``) and
takes that quote's type and medium; any other candidate is not.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, fields, replace
from functools import partial
from typing import Any, Callable, Iterable, Mapping, Sequence

from tqdm import tqdm

from ..corpora import GoldDocument, annotation_of, folds
from ..corpora.annotation import UNLABELLED, Annotation
from ..evaluation.wikinews import document_counts, overlap, pair_quotes, scores
from ..extractor import propose
from ..find.context import Context
from ..quote import MEDIA, QUOTE_TYPES
from . import candidates_of
from .decisions import QuoteDecisions, proposed_by_rule
from .features import DocumentFeatures, Features, candidate_features


@dataclass(frozen=True)
class Examples:
    """Candidates of many documents with their labels (``None``: no gold partner or label)."""

    rows: tuple[Features, ...]
    keep: tuple[bool, ...]
    types: tuple[str | None, ...]
    media: tuple[str | None, ...]
    annotations: tuple[Annotation, ...]  # each candidate on its document's corpus tokens
    documents: tuple[int, ...]  # index of each candidate's document in the input

    def subset(self, documents: Iterable[int]) -> Examples:
        """The candidates of the given documents (indices into the input)."""
        wanted = set(documents)
        chosen = [i for i, d in enumerate(self.documents) if d in wanted]
        return Examples(*(tuple(getattr(self, f.name)[i] for i in chosen) for f in fields(self)))


def document_examples(parser: Any, gold: GoldDocument, number: int = 0) -> Examples:
    """The labelled candidates of one gold document (parsed with ``parser`` on its own tokens)."""
    context = Context(gold.parse(parser))
    candidates = candidates_of(context, propose(context))
    features = DocumentFeatures.of(context)
    predicted = [annotation_of(quote, gold, use_tokens=gold.pretokenized) for quote in candidates]
    partner: dict[int, Any] = {}
    for g, p in pair_quotes(gold.annotations, predicted):
        if g is not None and p is not None and overlap(g.tokens("quote"), p.tokens("quote")) > 0:
            partner[id(p)] = g
    rows = candidate_features(features, candidates)
    keep, types, media = [], [], []
    for annotation in predicted:
        g = partner.get(id(annotation))
        keep.append(g is not None)
        types.append(g.type if g is not None and g.type in QUOTE_TYPES else None)
        media.append(g.medium if g is not None and g.medium in MEDIA and g.medium != UNLABELLED else None)
    return Examples(tuple(rows), tuple(keep), tuple(types), tuple(media), tuple(predicted), (number,) * len(rows))


def corpus_examples(parser: Any, documents: Sequence[GoldDocument], progress: bool = True) -> Examples:
    """The labelled candidates of all ``documents`` (``documents`` index ``Examples.documents``)."""
    bar = tqdm(documents, desc="candidates", unit="doc", disable=not progress, file=sys.stderr)
    found = [document_examples(parser, gold, number) for number, gold in enumerate(bar)]
    return Examples(*(tuple(value for one in found for value in getattr(one, f.name)) for f in fields(Examples)))


def train(examples: Examples, **settings: Any) -> QuoteDecisions:
    """Decisions trained on ``examples``; ``settings`` go to :class:`QuoteDecisions`."""
    return QuoteDecisions(**settings).fit(examples.rows, examples.keep, examples.types, examples.media)


THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
"""The keep thresholds tried for the rules' candidates (0 keeps every one)."""
SENTENCE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
"""The keep thresholds tried for untouched sentences (above 1 keeps none: the rules alone)."""

Thresholds = tuple[float, float]


def official_scores(
    decisions: QuoteDecisions, examples: Examples, documents: Sequence[GoldDocument], grid: Sequence[Thresholds]
) -> dict[Thresholds, dict[str, float]]:
    """Official WIKINEWS F1 (``messages`` … ``stwr``) of ``decisions`` on the candidates of
    ``documents`` (which ``examples.documents`` index), for every pair of thresholds in ``grid``."""
    found = decisions.predict(list(examples.rows))
    by_rule = [proposed_by_rule(row) for row in examples.rows]
    by_document: dict[int, list[int]] = {number: [] for number in set(examples.documents)}
    for i, number in enumerate(examples.documents):
        by_document[number].append(i)
    figures = {}
    for threshold, sentence_threshold in grid:
        counts: Counter = Counter()
        for number, gold in enumerate(documents):
            chosen = [i for i in by_document.get(number, []) if found[i].keep >= (threshold if by_rule[i] else sentence_threshold)]
            predicted = [replace(examples.annotations[i], type=found[i].type, medium=found[i].medium) for i in chosen]
            counts += document_counts(gold.annotations, predicted)
        figures[threshold, sentence_threshold] = {name: prf.f1 for name, prf in scores(counts).items()}
    return figures


def held_out_scores(examples: Examples, documents: Sequence[GoldDocument], k: int = 5, **settings: Any) -> dict[Thresholds, dict[str, float]]:
    """Official WIKINEWS F1 (``messages`` … ``stwr``, mean over ``k`` folds) of decisions
    trained on the other folds, for every pair of thresholds (rules' candidates, sentences)."""
    grid = [(t, s) for t in THRESHOLDS for s in SENTENCE_THRESHOLDS]
    per_fold = []
    for held in folds(documents, k):
        decisions = train(examples.subset(set(range(len(documents))) - set(held)), **settings)
        fold = examples.subset(held)
        renumbered = replace(fold, documents=tuple(held.index(number) for number in fold.documents))
        per_fold.append(official_scores(decisions, renumbered, [documents[i] for i in held], grid))
    return {pair: {name: sum(f[pair][name] for f in per_fold) / k for name in per_fold[0][pair]} for pair in grid}


def choose_thresholds(held_out: dict[Thresholds, dict[str, float]]) -> Thresholds:
    """The thresholds with the best cross-validated Joint F1 (the lowest among equals)."""
    return max(held_out, key=lambda pair: (round(held_out[pair]["joint"], 4), -pair[0], -pair[1]))


def fold_trainer(model: Any, cache: Any, progress: bool = True) -> Callable[[Sequence[GoldDocument]], Callable[[], Any]]:
    """The ``quotes eval --folds`` hook: decisions trained on the other folds' documents
    (thresholds chosen by cross-validation inside them), and an extractor factory applying them."""
    from ..extractor import Extractor
    from ..parsing import Parser

    def trained_on(documents: Sequence[GoldDocument]) -> Callable[[], Any]:
        trained = train_on(Parser(model, cache=cache), [("folds", documents)], progress=progress)
        return partial(Extractor, model, cache=cache, decisions=trained.decisions)

    return trained_on


@dataclass(frozen=True)
class Trained:
    """What ``quotes train`` produced: the decisions and the figures that describe them."""

    decisions: QuoteDecisions
    corpora: tuple[str, ...]  # "wikinews/train", one per corpus split trained on
    documents: int
    candidates: int
    held_out: dict[Thresholds, dict[str, float]]  # cross-validated official F1 per threshold pair
    seconds: float


def train_on(
    parser: Any, splits: Sequence[tuple[str, Sequence[GoldDocument]]], k: int = 5, seed: int = 0, progress: bool = True, **settings: Any
) -> Trained:
    """Decisions trained on the given corpus splits, the thresholds chosen by ``k``-fold
    cross-validation over their documents (the ``quotes eval --folds`` folds); ``settings`` go
    to :class:`QuoteDecisions` (e.g. ``groups`` for an ablation)."""
    started = time.perf_counter()
    documents = [gold for _, golds in splits for gold in golds]
    examples = corpus_examples(parser, documents, progress)
    held_out = held_out_scores(examples, documents, k, seed=seed, **settings)
    threshold, sentence_threshold = choose_thresholds(held_out)
    decisions = train(examples, threshold=threshold, sentence_threshold=sentence_threshold, seed=seed, **settings)
    return Trained(decisions, tuple(name for name, _ in splits), len(documents), len(examples.rows), held_out, time.perf_counter() - started)


def model_card(trained: Trained, command: str, licenses: Mapping[str, str]) -> str:
    """The model card written beside the decisions (data, features, figures, license);
    ``licenses`` maps each trained corpus split ("wikinews/train") to its corpus's license."""
    decisions = trained.decisions
    chosen = (decisions.threshold, decisions.sentence_threshold)
    lines = [
        "# Trained decisions",
        "",
        f"Written by `{command}` in {trained.seconds:.0f} s.",
        "",
        f"- **Data:** {', '.join(trained.corpora)}: {trained.documents} documents, {trained.candidates} candidates",
        "  (the rules' quotes and the sentences they left untouched), labelled by the official WIKINEWS",
        "  pairing (see `quotes/learned/training.py`).",
        "- **License of the training data:** " + "; ".join(f"{name}: {licenses.get(name, 'unknown')}" for name in trained.corpora)
        + ". The trained weights inherit its terms.",
        f"- **Models:** keep, sentence, type, medium: `LogisticRegression(C={decisions.regularisation})` each, over one shared `DictVectorizer`; seed {decisions.seed}.",
        f"- **Features:** groups {', '.join(decisions.groups)} (`quotes/learned/features.py`).",
        f"- **Thresholds:** {decisions.threshold} for the rules' candidates, {decisions.sentence_threshold} for untouched",
        "  sentences (above 1: none kept): the best cross-validated Joint F1 on the training documents.",
        "",
        "Cross-validated official WIKINEWS F1 on the training documents (mean over folds), varying one",
        "threshold with the other at its chosen value:",
        "",
        "| rules' candidates | sentences | Messages | Roles | Joint | Form | STWR |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    shown = [pair for pair in trained.held_out if pair[1] == chosen[1]] + [pair for pair in trained.held_out if pair[0] == chosen[0] and pair != chosen]
    for pair in shown:
        figures = trained.held_out[pair]
        mark = " **chosen**" if pair == chosen else ""
        lines.append(f"| {pair[0]} | {pair[1]}{mark} | " + " | ".join(f"{100 * figures[n]:.1f}" for n in ("messages", "roles", "joint", "form", "stwr")) + " |")
    return "\n".join(lines) + "\n"
