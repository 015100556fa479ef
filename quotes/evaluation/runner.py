"""`quotes eval`: parse a corpus split (with the parse cache), extract, score, report.

The figures (:func:`score`): ``wikinews`` holds the official WIKINEWS scorer's five figures
(:mod:`quotes.evaluation.wikinews`, equal to eval.py), for every corpus; ``spkatt`` the SpkAtt
task-1 figures and ``spkatt.per_role``; ``redewiedergabe`` the corpus's token measure per type
and medium; ``ours`` the harness's own extras (exact and overlap span matching, per part, per
type). Every figure has a bootstrap 95 % CI over documents. ``--folds K`` adds per-fold figures.

By default nothing is written: the table is printed. ``--json FILE`` writes the results,
``--out DIR`` the results and a markdown table, ``--update-results`` refreshes the committed
``eval/results/``. Results record the command, model, package version, corpus checksum and
date, so a number can be traced to exactly what produced it.
"""

from __future__ import annotations

import datetime
import html
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from quotes import corpora
from quotes.corpora import GoldDocument, ReadReport, annotation_of, folds
from quotes.corpora.annotation import Annotation
from quotes.corpora import catalog
from quotes.corpora.catalog import Corpus, cache_home, checksum
from quotes.document import Document
from quotes.errors import QuotesError
from quotes.evaluation import calibration
from quotes.evaluation import metrics as m
from quotes.evaluation import redewiedergabe as rw
from quotes.evaluation import speakers as speaker_measure
from quotes.evaluation import spkatt
from quotes.evaluation import wikinews as official
from quotes.parallel import pool_map
from quotes.parsing import batches
from quotes.progress import progress as show_progress
from quotes.quote import QUOTE_TYPES

RESULTS = Path("eval") / "results"
TRAINABLE = ("wikinews", "redewiedergabe")
"""Corpora whose annotations carry the quote types and media the learned decisions learn: with
``--folds`` and the learned method, each fold's decisions are trained on the other folds."""
HEADLINE = ("messages", "roles", "joint", "form", "stwr")
"""The WIKINEWS metrics, as the published scorer names them."""

BATCH = 32
"""Documents parsed in one pipeline call (stanza sorts their sentences by length across them)."""

Prediction = tuple[list[Annotation], str | None]
"""A document's predicted annotations, and the error that stopped it (then no annotations)."""


# --- prediction -----------------------------------------------------------------------------

def predict(extractor: Any, gold: GoldDocument, document: Document | None = None) -> list[Annotation]:
    """Parse ``gold`` keeping its corpus tokens (unless its ``document`` is given), extract, and
    map the quotes to corpus token ids: with a pretokenized parse, token index i of the parse is
    corpus token i. A document with the reader's own tokenization (JSONL without tokens) is
    parsed as text and mapped by characters."""
    document = document if document is not None else gold.parse(extractor.parser)
    return [annotation_of(quote, gold, use_tokens=gold.pretokenized) for quote in extractor.extract(document)]


def _predict_safely(gold: GoldDocument, extractor: Any, document: Document | None = None) -> Prediction:
    try:
        return predict(extractor, gold, document), None
    except QuotesError:
        raise  # a missing model fails every document: stop with its message
    except Exception as error:  # one broken document must not end a corpus run; it is reported
        return [], f"{gold.id}: {type(error).__name__}: {error}"


def _predict_batch(extractor: Any, batch: list[GoldDocument]) -> list[Prediction]:
    """The predictions of ``batch``, its corpus-tokenized documents parsed in one pipeline call
    (cheaper than one call each); if that fails, document by document, so that a bad document
    spoils only itself."""
    tokenized = [gold for gold in batch if gold.pretokenized]
    try:
        parsed = iter(list(extractor.parser.parse_pretokenized_many([(g.text, g.sentences, g.id) for g in tokenized], len(batch))))
    except QuotesError:
        raise
    except Exception:
        return [_predict_safely(gold, extractor) for gold in batch]
    return [_predict_safely(gold, extractor, next(parsed) if gold.pretokenized else None) for gold in batch]


def _worker_died(gold: GoldDocument) -> Prediction:
    return [], f"{gold.id}: the worker process died while processing this document"


def predict_all(
    documents: Sequence[GoldDocument], factory: Callable[[], Any], jobs: int = 1, progress: bool = True
) -> list[Prediction]:
    """Predictions for all documents, in input order; ``jobs > 1`` uses a process pool
    (``factory`` must then be picklable, e.g. a class or a ``functools.partial``)."""
    if jobs <= 1:
        extractor = factory()
        outcomes = chain.from_iterable(_predict_batch(extractor, batch) for batch in batches(documents, BATCH))
    else:
        outcomes = pool_map(_predict_batch, documents, factory, _worker_died, jobs, batch_size=8)
    done = show_progress(zip(documents, outcomes), len(documents), lambda pair: sum(map(len, pair[0].sentences)), progress)
    return [outcome for _, outcome in done]


# --- scoring --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Measure:
    """One family of figures: where it goes in the results (``path``), how a document is
    counted (``counts(gold, predicted)``, additive) and how summed counts are scored."""

    path: tuple[str, ...]
    counts: Callable[[Sequence[Annotation], Sequence[Annotation]], Counter]
    scores: Callable[[Mapping[str, float]], Mapping[str, m.PRF]]
    headline: bool = False
    """Reported per fold by ``--folds``."""


def measures(entry: Corpus) -> list[Measure]:
    """The measures of a corpus: the official WIKINEWS figures (every corpus), our extras under
    ``ours``, and the corpus's own measure (SpkAtt: cues/roles/joint and per role;
    Redewiedergabe: tokens per type and medium)."""
    exact, overlap = (partial(m.span_counts, match=match, anchor=entry.anchor) for match in ("exact", "overlap"))
    found = [
        Measure(("wikinews",), official.document_counts, official.scores, headline=True),
        Measure(("ours", "parts"), official.document_counts, partial(official.part_scores, parts=entry.parts)),
        Measure(("ours", "exact"), exact, partial(m.span_scores, match="exact", parts=entry.parts)),
        Measure(("ours", "overlap"), overlap, partial(m.span_scores, match="overlap", parts=entry.parts)),
    ]
    if entry.format == "spkatt-json":
        found += [
            Measure(("spkatt",), m.spkatt_counts, m.spkatt_scores, headline=True),
            Measure(("spkatt", "per_role"), spkatt.document_counts, spkatt.named_scores),
        ]
    if entry.format == "redewiedergabe-tsv":
        found += [
            Measure(("redewiedergabe", "tokens"), rw.document_counts, partial(_select, rw.scores, rw.STWR_TYPES), headline=True),
            Measure(("redewiedergabe", "media"), rw.document_counts, partial(_select, rw.scores, rw.STWR_MEDIA)),
            Measure(("redewiedergabe", "type_medium"), rw.document_counts,
                    partial(_select, rw.scores, rw.FIGURES[len(rw.STWR_TYPES) + len(rw.STWR_MEDIA):])),
        ]
    return found


def _select(scores: Callable[[Mapping[str, float]], Mapping[str, m.PRF]], names: Sequence[str], counts: Mapping[str, float]) -> dict[str, m.PRF]:
    """The figures ``names`` of ``scores(counts)``."""
    scored = scores(counts)
    return {name: scored[name] for name in names}


def score(
    entry: Corpus,
    golds: Sequence[Sequence[Annotation]],
    predictions: Sequence[Sequence[Annotation]],
    types: Sequence[str] | None = None,
    samples: int = 1000,
    headline_only: bool = False,
) -> dict[str, Any]:
    """Every measure of the corpus (:func:`measures`) with bootstrap 95 % CIs over documents
    (none when ``samples`` is 0), and ours per quote type (labelled corpora).

    ``types`` restricts gold and predictions to those quote types; ``headline_only`` scores the
    headline measures only. Scores are fractions.
    """
    if types and not entry.labelled:
        raise QuotesError(f"corpus {entry.name} has no quote types; leave out --types")
    golds = [m.filter_types(g, types) for g in golds]
    predictions = [m.filter_types(p, types) for p in predictions]
    counted: dict[Any, list[Counter]] = {}
    result: dict[str, Any] = {}
    for measure in measures(entry):
        if headline_only and not measure.headline:
            continue
        if measure.counts not in counted:
            counted[measure.counts] = [measure.counts(g, p) for g, p in zip(golds, predictions)]
        _place(result, measure.path, _scored(counted[measure.counts], measure.scores, samples))
    if entry.labelled and not headline_only:
        result.setdefault("ours", {})["by_type"] = _by_type(golds, predictions, types, samples)
    return result


def _scored(documents: Sequence[Counter], scores: Callable[[Mapping[str, float]], Mapping[str, m.PRF]], samples: int) -> dict[str, Any]:
    """``scores`` of the summed counts, each figure with its bootstrap CI."""
    summed = sum(documents, Counter())
    figures = {name: prf.to_dict() for name, prf in scores(summed).items()}
    if samples <= 0:
        return figures

    def flat(counts: Mapping[str, float]) -> dict[str, float]:
        # a sample without any quote has no score (rather than 0) and is left out of the interval
        if not any(counts.values()):
            return {}
        return {f"{name}.{key}": value for name, prf in scores(counts).items() for key, value in prf.to_dict().items()}

    intervals = m.bootstrap(documents, flat, samples)
    return {
        name: prf | {"ci": {key: list(intervals.get(f"{name}.{key}", (0.0, 0.0))) for key in ("p", "r", "f1")}}
        for name, prf in figures.items()
    }


def _place(results: dict[str, Any], path: Sequence[str], figures: Mapping[str, Any]) -> None:
    """Put ``figures`` at ``path`` of the nested results (beside what is there already)."""
    target = results
    for key in path:
        target = target.setdefault(key, {})
    target.update(figures)


def _by_type(golds: Sequence[Sequence[Annotation]], predictions: Sequence[Sequence[Annotation]], types: Sequence[str] | None, samples: int) -> dict[str, Any]:
    """Ours: Messages, Roles and Joint per quote type, by the official pairing and averaging on
    gold and predictions restricted to that type (a quote of another predicted type is then
    neither a hit nor an error of this type; Form and STWR are left out, a type is given)."""
    result = {}
    for quote_type in QUOTE_TYPES:
        if types and quote_type not in types:
            continue
        typed_golds = [m.filter_types(g, [quote_type]) for g in golds]
        typed_predictions = [m.filter_types(p, [quote_type]) for p in predictions]
        if not any(typed_golds) and not any(typed_predictions):
            continue
        documents = [official.document_counts(g, p) for g, p in zip(typed_golds, typed_predictions)]
        result[quote_type] = _scored(documents, partial(_select, official.scores, HEADLINE[:3]), samples) | {
            "gold": sum(map(len, typed_golds)),
            "predicted": sum(map(len, typed_predictions)),
        }
    return result


SPEAKER_GOLD = catalog.REPOSITORY_ROOT / "corpora" / "speakers"
"""The project's speaker gold set: ``<corpus>-<split>.tsv`` (see its README)."""


def speaker_results(
    entry: Corpus,
    split: str,
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Annotation]],
    samples: int = 1000,
    gold_directory: Path = SPEAKER_GOLD,
) -> dict[str, Any] | None:
    """The speaker measure (:mod:`quotes.evaluation.speakers`) on the documents the speaker gold
    set covers for this corpus and split, with bootstrap 95 % CIs; None without such a gold file."""
    path = gold_directory / f"{entry.name}-{split}.tsv"
    if not path.is_file():
        return None
    gold = speaker_measure.read_gold(path)
    documents_counts = [
        speaker_measure.document_counts(gold[document.id], [speaker_measure.from_annotation(a, document.tokens) for a in predicted])
        for document, predicted in zip(documents, predictions)
        if document.id in gold
    ]
    if not documents_counts:
        return None
    figures = speaker_measure.scores(sum(documents_counts, Counter()))
    figures["documents"] = len(documents_counts)
    figures["gold"] = str(path.relative_to(catalog.REPOSITORY_ROOT)) if path.is_relative_to(catalog.REPOSITORY_ROOT) else str(path)
    if samples > 0:

        def flat(counts: Mapping[str, float]) -> dict[str, float]:
            return speaker_measure.flat(speaker_measure.scores(counts)) if counts.get("found") else {}

        figures["ci"] = {name: list(interval) for name, interval in m.bootstrap(documents_counts, flat, samples).items()}
    return figures


def _speaker_rows(results: Mapping[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """Table rows of the speaker measure: accuracies in the F1 column, P/R/F1 of roles and genders."""
    figures = results.get("speakers")
    if not figures:
        return []
    intervals = figures.get("ci", {})

    def interval(name: str) -> str:
        low_high = intervals.get(name)
        return f"[{100 * low_high[0]:.1f}, {100 * low_high[1]:.1f}]" if low_high else ""

    found = figures["found"]
    rows = [(f"speakers found ({found['found']} of {found['rows']} gold rows)", "", "", f"{100 * found['share']:.1f}", "")]
    for name in ("entity", "kind"):
        rows.append((f"speakers {name} accuracy", "", "", f"{100 * figures[name]['accuracy']:.1f}", interval(f"{name}.accuracy")))
    for group, values in (("role", ("overlap", "exact")), ("gender", ("female", "male", "all"))):
        for value in values:
            prf = figures[group][value]
            rows.append((f"speakers {group} {value}", f"{100 * prf['p']:.1f}", f"{100 * prf['r']:.1f}", f"{100 * prf['f1']:.1f}",
                         interval(f"{group}.{value}.f1")))
    return rows


# --- cross-validation -----------------------------------------------------------------------

Trainer = Callable[[Sequence[GoldDocument]], Callable[[], Any]]
"""The hook for a trained component: given the training documents of a fold, the extractor
factory that predicts its held-out documents. No component is trained yet (``None``)."""


def predict_folds(
    documents: Sequence[GoldDocument],
    assignment: Sequence[Sequence[int]],
    factory: Callable[[], Any],
    train: Trainer | None = None,
    jobs: int = 1,
    progress: bool = True,
) -> list[Prediction]:
    """Predictions for all documents, each fold's by the extractor trained on the other folds
    (``train``); without ``train`` nothing is trained, so one extractor predicts every fold."""
    if train is None:
        return predict_all(documents, factory, jobs, progress)
    outcomes: list[Prediction] = [([], None)] * len(documents)
    for held in assignment:
        rest = [d for i, d in enumerate(documents) if i not in set(held)]
        fold_outcomes = predict_all([documents[i] for i in held], train(rest), jobs, progress)
        for i, outcome in zip(held, fold_outcomes):
            outcomes[i] = outcome
    return outcomes


def fold_report(
    entry: Corpus,
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Annotation]],
    assignment: Sequence[Sequence[int]],
    types: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The headline figures of every fold, and their mean and sample standard deviation."""
    per_fold = []
    for number, held in enumerate(assignment):
        scored = score(entry, [documents[i].annotations for i in held], [predictions[i] for i in held], types, 0, headline_only=True)
        per_fold.append({"fold": number, "documents": len(held), **scored})
    flat = [flat_results(fold) for fold in per_fold]
    names = list(flat[0])
    return {
        "k": len(assignment),
        "assignment": "documents sorted by id, the i-th to fold i mod K",
        "trained": False,
        "folds": per_fold,
        "mean": {name: float(np.mean([f[name] for f in flat])) for name in names},
        "std": {name: float(np.std([f[name] for f in flat], ddof=1)) for name in names},
    }


# --- reports --------------------------------------------------------------------------------

MEASURE_KEYS = ("wikinews", "spkatt", "redewiedergabe", "ours")
"""The result keys that hold figures, in report order."""


def _rows(results: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """(name, figure) for every P/R/F1 figure of the results, e.g. ``("wikinews messages", …)``."""

    def walk(prefix: str, node: Any) -> Iterable[tuple[str, Mapping[str, Any]]]:
        if isinstance(node, Mapping) and {"p", "r", "f1"} <= node.keys():
            yield prefix, node
        elif isinstance(node, Mapping):
            for key, value in node.items():
                yield from walk(f"{prefix} {key}".strip(), value)

    for key in MEASURE_KEYS:
        yield from walk(key, results.get(key, {}))
    yield from walk("", results.get("scores", {}))  # result files from before issue #20


def table(results: Mapping[str, Any], markdown: bool = False) -> str:
    """The scores as a readable table (plain text, or markdown), percentages with 95 % CIs.
    ``wikinews`` rows are the official scorer's figures; ``ours`` rows are the harness's extras."""
    rows = [(name, *_cells(prf)) for name, prf in _rows(results)]
    rows += _speaker_rows(results)
    rows += _fold_rows(results.get("folds"))
    header = ("metric", "P", "R", "F1", "F1 95% CI")
    title = (
        f"{results['corpus']} {results['split']}: {results['documents']} documents, {results['annotations']} gold and "
        f"{results['predicted']} predicted annotations; model {results['model']}"
        + (f"; types {','.join(results['types'])}" if results.get("types") else "")
    )
    if markdown:
        lines = [f"# {title}", "", f"Command: `{results['command']}` ({results['date']}, quotes {results['version']})", ""]
        lines += ["`wikinews` rows: the official WIKINEWS scorer's figures; `ours` rows: the harness's extras.", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    width = max(len(row[0]) for row in rows) if rows else 10
    lines = [title, f"{header[0]:{width}}  {header[1]:>6} {header[2]:>6} {header[3]:>6}  {header[4]}"]
    lines += [f"{row[0]:{width}}  {row[1]:>6} {row[2]:>6} {row[3]:>6}  {row[4]}" for row in rows]
    return "\n".join(lines)


def _fold_rows(report: Mapping[str, Any] | None) -> list[tuple[str, str, str, str, str]]:
    """Per headline F1: the mean ± std over folds, then each fold's value."""
    if not report:
        return []
    rows = []
    for name, mean in report["mean"].items():
        if name.endswith(".f1"):
            values = " ".join(f"{100 * flat_results(fold)[name]:.1f}" for fold in report["folds"])
            rows.append((f"{report['k']} folds {name}", "", "", f"{100 * mean:.1f}", f"± {100 * report['std'][name]:.1f} ({values})"))
    return rows


def _cells(prf: Mapping[str, Any]) -> tuple[str, str, str, str]:
    interval = prf.get("ci", {}).get("f1")
    shown = f"[{100 * interval[0]:.1f}, {100 * interval[1]:.1f}]" if interval else ""
    return f"{100 * prf['p']:.1f}", f"{100 * prf['r']:.1f}", f"{100 * prf['f1']:.1f}", shown


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """The change of every score two result files share, in percentage points."""
    before, after = flat_results(old), flat_results(new)
    lines = [f"{'metric':40} {'old':>6} {'new':>6} {'delta':>7}"]
    for name in (n for n in after if n in before):
        delta = 100 * (after[name] - before[name])
        lines.append(f"{name:40} {100 * before[name]:6.1f} {100 * after[name]:6.1f} {delta:+7.1f}")
    return "\n".join(lines)


def flat_results(results: Mapping[str, Any]) -> dict[str, float]:
    """Every figure as ``"wikinews.messages.f1": value``."""
    return {
        f"{name.replace(' ', '.')}.{key}": prf[key] for name, prf in _rows(results) for key in ("p", "r", "f1")
    }


def error_browser(items: Iterable[tuple[GoldDocument, Sequence[Annotation], Sequence[Annotation]]], anchor: str = "quote") -> str:
    """A standalone HTML page of false positives (predicted quotes no gold quote overlaps by
    half) and false negatives (gold quotes no prediction overlaps by half), with their sentence,
    the predicted rule or the gold roles, grouped by type. Everything is escaped."""
    groups: dict[str, list[str]] = defaultdict(list)
    for gold_document, gold, predicted in items:
        pairs = m.span_pairs(gold, predicted, "overlap", anchor)
        matched_gold, matched_predicted = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        for kind, listed, matched in (("false positive", predicted, matched_predicted), ("false negative", gold, matched_gold)):
            for annotation in listed:
                if id(annotation) not in matched:
                    groups[f"{annotation.type} – {kind}s"].append(_error_entry(gold_document, annotation, kind))
    sections = [
        f"<h2>{html.escape(group)} ({len(entries)})</h2>\n<ol>\n{''.join(entries)}</ol>" for group, entries in sorted(groups.items())
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>quotes: errors</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto} mark{background:#fe8} "
        ".parts{color:#555;font-size:90%}</style></head><body>\n<h1>Errors</h1>\n"
        + "\n".join(sections or ["<p>No errors.</p>"])
        + "\n</body></html>\n"
    )


def _error_entry(document: GoldDocument, annotation: Annotation, kind: str) -> str:
    """One error: the sentence(s) with the quote marked (the cue for a SpkAtt event without a
    message), then the other parts."""
    tokens = document.tokens
    shown = "quote" if annotation.tokens("quote") else "cue"
    quote = sorted(annotation.tokens(shown))
    if not quote:
        return ""
    sentences = sorted({document.sentence_of(p) for p in quote})
    first = sum(len(s) for s in document.sentences[: sentences[0]])
    last = sum(len(s) for s in document.sentences[: sentences[-1] + 1]) - 1
    start = tokens[first][0]
    marked = set(quote)
    pieces, cursor = [], start
    for position in range(first, last + 1):
        token_start, token_end = tokens[position]
        pieces.append(html.escape(document.text[cursor:token_start]))
        word = html.escape(document.text[token_start:token_end])
        pieces.append(f"<mark>{word}</mark>" if position in marked else word)
        cursor = token_end
    parts = "; ".join(
        f"{part}: {html.escape(_text(document, annotation.parts[part]))}"
        for part in annotation.parts
        if part != shown and annotation.parts[part]
    )
    source = f"rule {html.escape(annotation.rule or '?')}" if kind == "false positive" else "gold"
    return (
        f"<li><b>{html.escape(document.id)}</b> ({source}, {html.escape(annotation.medium)})<br>{''.join(pieces)}"
        f"<div class=\"parts\">{parts}</div></li>\n"
    )


def _text(document: GoldDocument, positions: Sequence[int]) -> str:
    tokens = document.tokens
    return " … ".join(document.text[tokens[first][0]:tokens[last - 1][1]] for first, last in corpora.base.runs(sorted(positions)))


# --- the run -------------------------------------------------------------------------------

def run(
    corpus: str | None,
    split: str | None = None,
    path: str | None = None,
    model: str | None = None,
    method: str | None = None,
    decisions: str | None = None,
    quantise: bool = False,
    jobs: int = 1,
    types: str | None = None,
    results_file: str | None = None,
    out: str | None = None,
    update_results: bool = False,
    write_predictions: str | None = None,
    errors: str | None = None,
    cache: str | None = None,
    no_cache: bool = False,
    limit: int | None = None,
    strict: bool = False,
    samples: int = 1000,
    k: int | None = None,
    quiet: bool = False,
    command: str = "quotes eval",
    factory: Callable[[], Any] | None = None,
    train: Trainer | None = None,
) -> dict[str, Any]:
    """Evaluate on ``split`` of ``corpus`` (default: dev, or the corpus's only split): read,
    extract, score, print the table; write files only where asked.

    ``types`` is a comma-separated list of quote types; ``results_file`` a results JSON;
    ``out`` a directory for ``<corpus>-<split>.json`` and ``.md``; ``update_results`` writes
    them into the repository's ``eval/results/`` (the committed results); ``k`` cross-validates
    on that many folds (``train`` is the hook for a trained component, :data:`Trainer`);
    ``command`` what the results record as the command that produced them; ``factory`` builds
    the extractor (tests pass a fake). ``method`` and ``decisions`` are as for
    :class:`~quotes.extractor.Extractor`; the default method is the learned one on WIKINEWS (whose
    train split the shipped decisions learned from) and the rules elsewhere; with ``k`` folds and
    the learned method on a corpus in :data:`TRAINABLE`, each fold is predicted by decisions
    trained on the other folds (not the shipped ones).
    """
    if not corpus:
        raise QuotesError("quotes eval: give --corpus NAME (or --compare OLD.json NEW.json)")
    entry = corpora.corpus(corpus)
    split = split or ("dev" if "dev" in entry.splits else next(iter(entry.splits)))
    if update_results and limit:
        raise QuotesError("--update-results records whole splits; leave out --limit")
    wanted = _wanted_types(types)
    usual = "learned" if entry.name == "wikinews" else "rules"
    method = method or ("learned" if decisions else usual)
    report = ReadReport()
    documents = list(corpora.read(entry.name, split, path, strict, report, limit))
    print(report.summary(), file=sys.stderr)
    if factory is None:
        from quotes.extractor import Extractor

        parse_cache = None if no_cache else (cache or cache_home() / "parses")
        factory = partial(Extractor, model=model, cache=parse_cache, method=method, decisions=decisions, quantise=quantise)
        if k and method == "learned" and train is None and entry.name in TRAINABLE:
            from quotes.learned.training import fold_trainer

            train = fold_trainer(model, parse_cache, progress=not quiet)
    assignment = folds(documents, k) if k else None
    outcomes = predict_folds(documents, assignment or [], factory, train if k else None, jobs, progress=not quiet)
    predictions = _predictions(documents, outcomes)
    model_id = _model_id(model, quantise) if isinstance(factory, partial) else getattr(factory, "model_id", "custom")
    failed = [error for _, error in outcomes if error]
    results = _describe(entry, split, path, report, predictions, failed, limit, types, model_id, command)
    results["method"] = method
    results["decisions"] = None if method == "rules" else ("trained per fold" if train else decisions or "shipped")
    results |= score(entry, [d.annotations for d in documents], predictions, wanted, samples)
    speaker_figures = speaker_results(entry, split, documents, predictions, samples)
    if speaker_figures is not None:
        results["speakers"] = speaker_figures
    if assignment:
        results["folds"] = fold_report(entry, documents, predictions, assignment, wanted) | {"trained": train is not None}
    if method == "learned":
        results["calibration"] = calibration.reliability([d.annotations for d in documents], predictions)
    print(table(results))
    if "calibration" in results and not quiet:
        print(calibration.reliability_table(results["calibration"]))
    stem = f"{entry.name}-{split}" + (f"-{types.replace(',', '-')}" if types else "") + (f"-{k}folds" if k else "")
    stem += "" if method == usual else f"-{method}"
    directory = catalog.REPOSITORY_ROOT / RESULTS if update_results else (Path(out) if out else None)
    _write_outputs(entry, documents, predictions, results, results_file, directory and directory / f"{stem}.json")
    _write_extras(entry, documents, predictions, write_predictions, errors)
    return results


def _wanted_types(types: str | None) -> list[str] | None:
    """The ``--types`` list; an unknown type name is an error before any work."""
    wanted = [t.strip() for t in types.split(",")] if types else None
    if wanted:
        try:
            m.filter_types([], wanted)
        except ValueError as error:
            raise QuotesError(f"--types: {error}") from None
    return wanted


def _predictions(documents: Sequence[GoldDocument], outcomes: Sequence[Prediction]) -> list[list[Annotation]]:
    """The predicted annotations; failed documents are reported (and predict nothing), a run
    where every document failed is a setup problem (e.g. no model), not a score of 0."""
    failed = [error for _, error in outcomes if error]
    for error in failed:
        print(f"failed: {error}", file=sys.stderr)
    if documents and len(failed) == len(documents):
        raise QuotesError(f"every document failed; the first: {failed[0]}")
    return [annotations for annotations, _ in outcomes]


def _describe(
    entry: Corpus,
    split: str,
    path: str | None,
    report: ReadReport,
    predictions: Sequence[Sequence[Annotation]],
    failed: Sequence[str],
    limit: int | None,
    types: str | None,
    model: str,
    command: str,
) -> dict[str, Any]:
    """What was measured, on what, with what, when."""
    from quotes import __version__

    location = corpora.locate(entry.name, split, path)
    digest = checksum(location)
    return {
        "corpus": entry.name,
        "split": split,
        "path": str(location),
        "checksum": digest,
        "catalogued_data": digest == entry.checksums.get(split),
        "documents": report.documents,
        "annotations": report.annotations,
        "skipped": report.errors,
        "warnings": report.warnings,
        "failed": list(failed),
        "predicted": sum(len(p) for p in predictions),
        "limit": limit,
        "types": types.split(",") if types else None,
        "model": model,
        "version": __version__,
        "command": command,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }


def _model_id(model: str | None, quantise: bool = False) -> str:
    """The identity of the parsing model, as the parse cache keys it."""
    from quotes.parsing import Parser

    try:
        return Parser(model, quantise=quantise).model_id or str(model)
    except QuotesError:
        return str(model)


def _write_outputs(
    entry: Corpus,
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Annotation]],
    results: Mapping[str, Any],
    results_file: str | None,
    stem: Path | None,
) -> None:
    """The results JSON at ``results_file``, and JSON plus markdown table at ``stem`` (.json/.md)."""
    text = json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if results_file:
        Path(results_file).parent.mkdir(parents=True, exist_ok=True)
        Path(results_file).write_text(text, encoding="utf-8")
        print(f"results: {results_file}", file=sys.stderr)
    if stem:
        stem.parent.mkdir(parents=True, exist_ok=True)
        stem.write_text(text, encoding="utf-8")
        reliability = "\n```\n" + calibration.reliability_table(results["calibration"]) + "\n```\n" if "calibration" in results else ""
        stem.with_suffix(".md").write_text(table(results, markdown=True) + reliability, encoding="utf-8")
        print(f"results: {stem} and {stem.with_suffix('.md')}", file=sys.stderr)


def _write_extras(
    entry: Corpus,
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Annotation]],
    write_predictions: str | None,
    errors: str | None,
) -> None:
    """The predictions in the corpus format (for its own scorer) and the error browser, if asked."""
    if write_predictions:
        written = corpora.write_predictions(entry.name, list(zip(documents, predictions)), Path(write_predictions))
        print(f"predictions: {len(written)} file(s) in {write_predictions}", file=sys.stderr)
    if errors:
        page = error_browser(zip(documents, [d.annotations for d in documents], predictions), entry.anchor)
        Path(errors).write_text(page, encoding="utf-8")
        print(f"errors: {errors}", file=sys.stderr)


def compare_files(old: str, new: str) -> str:
    """:func:`compare` of two results files; an unreadable one is a :class:`QuotesError`."""
    return compare(_load(old), _load(new))


def _load(path: str) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise QuotesError(f"{path}: cannot read results: {error}") from None
