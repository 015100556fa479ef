"""`quotes eval`: parse a corpus split (with the parse cache), extract, score, report.

Results go to ``eval/results/<corpus>-<split>.json`` and ``.md`` (or ``--json FILE``) with
the command, model, package version, corpus checksum and date, so a number can be traced to
exactly what produced it.
"""

from __future__ import annotations

import datetime
import html
import json
import sys
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from tqdm import tqdm

from quotes import corpora
from quotes.corpora import GoldDocument, ReadReport, annotation_of
from quotes.corpora.annotation import Annotation
from quotes.corpora.catalog import Corpus, cache_home, checksum
from quotes.errors import QuotesError
from quotes.evaluation import metrics as m
from quotes.parallel import pool_map

RESULTS = Path("eval") / "results"
HEADLINE = ("messages", "roles", "joint", "form", "stwr")
"""The WIKINEWS metrics, as the published scorer names them."""

Prediction = tuple[list[Annotation], str | None]
"""A document's predicted annotations, and the error that stopped it (then no annotations)."""


# --- prediction -----------------------------------------------------------------------------

def predict(extractor: Any, gold: GoldDocument) -> list[Annotation]:
    """Parse ``gold`` keeping its corpus tokens, extract, and map the quotes to corpus token ids:
    with a pretokenized parse, token index i of the parse is corpus token i. A document with the
    reader's own tokenization (JSONL without tokens) is parsed as text and mapped by characters."""
    if gold.pretokenized:
        document = extractor.parser.parse_pretokenized(gold.text, gold.sentences, id=gold.id)
    else:
        document = extractor.parser.parse(gold.text, id=gold.id)
    return [annotation_of(quote, gold, use_tokens=gold.pretokenized) for quote in extractor.extract(document)]


def _predict_safely(gold: GoldDocument, extractor: Any) -> Prediction:
    try:
        return predict(extractor, gold), None
    except QuotesError:
        raise  # a missing model fails every document: stop with its message
    except Exception as error:  # one broken document must not end a corpus run; it is reported
        return [], f"{gold.id}: {type(error).__name__}: {error}"


def _predict_batch(extractor: Any, batch: list[GoldDocument]) -> list[Prediction]:
    return [_predict_safely(gold, extractor) for gold in batch]


def _worker_died(gold: GoldDocument) -> Prediction:
    return [], f"{gold.id}: the worker process died while processing this document"


def predict_all(
    documents: Sequence[GoldDocument], factory: Callable[[], Any], jobs: int = 1, progress: bool = True
) -> list[Prediction]:
    """Predictions for all documents, in input order; ``jobs > 1`` uses a process pool
    (``factory`` must then be picklable, e.g. a class or a ``functools.partial``)."""
    bar = partial(tqdm, total=len(documents), desc="extracting", unit="doc", disable=not progress, file=sys.stderr)
    if jobs <= 1:
        extractor = factory()
        return list(bar(_predict_safely(gold, extractor) for gold in documents))
    return list(bar(pool_map(_predict_batch, documents, factory, _worker_died, jobs, batch_size=4)))


# --- scoring --------------------------------------------------------------------------------

def score(
    entry: Corpus,
    golds: Sequence[Sequence[Annotation]],
    predictions: Sequence[Sequence[Annotation]],
    types: Sequence[str] | None = None,
    samples: int = 1000,
) -> dict[str, Any]:
    """All metrics with bootstrap 95 % CIs over documents, and the breakdown per quote type.

    ``types`` restricts gold and predictions to those quote types. Scores are fractions.
    """
    if types and not entry.labelled:
        raise QuotesError(f"corpus {entry.name} has no quote types; leave out --types")
    spkatt = entry.format == "spkatt-json"
    golds = [m.filter_types(g, types) for g in golds]
    predictions = [m.filter_types(p, types) for p in predictions]
    documents = [m.all_counts(g, p, entry.anchor, spkatt) for g, p in zip(golds, predictions)]

    def flat(counts: Mapping[str, float]) -> dict[str, float]:
        return m.flatten(m.all_scores(counts, entry.parts, spkatt)) if _any_quotes(counts) else {}

    scores = m.all_scores(sum(documents, Counter()), entry.parts, spkatt)
    intervals = m.bootstrap(documents, flat, samples)
    result: dict[str, Any] = {
        "wikinews": {name: scores["wikinews"][name].to_dict() for name in HEADLINE},
        "scores": _with_intervals(scores, intervals),
    }
    if entry.labelled:
        per_type = defaultdict(list)
        for g, p in zip(golds, predictions):
            for quote_type, counts in m.by_type_counts(g, p).items():
                per_type[quote_type].append(counts)
        result["by_type"] = {}
        for quote_type, counts in per_type.items():
            if not types or quote_type in types:
                typed = {"wikinews": {k: v for k, v in m.wikinews_scores(sum(counts, Counter())).items() if k in HEADLINE[:3]}}
                typed_intervals = m.bootstrap(
                    counts, lambda c: m.flatten({"wikinews": m.wikinews_scores(c)}) if _any_quotes(c) else {}, samples
                )
                result["by_type"][quote_type] = _with_intervals(typed, typed_intervals)["wikinews"] | {
                    "gold": sum(1 for g in golds for a in g if a.type == quote_type),
                    "predicted": sum(1 for p in predictions for a in p if a.type == quote_type),
                }
    return result


def _any_quotes(counts: Mapping[str, float]) -> bool:
    """Whether summed counts saw any gold or predicted quote: a bootstrap sample without any
    has no score (rather than 0) and is left out of the interval."""
    return counts.get("form.gold", 0) + counts.get("form.predicted", 0) > 0


def _with_intervals(scores: Mapping[str, Mapping[str, m.PRF]], intervals: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    return {
        family: {
            name: prf.to_dict() | {"ci": {key: list(intervals.get(f"{family}.{name}.{key}", (0.0, 0.0))) for key in ("p", "r", "f1")}}
            for name, prf in metrics.items()
        }
        for family, metrics in scores.items()
    }


# --- reports --------------------------------------------------------------------------------

def table(results: Mapping[str, Any], markdown: bool = False) -> str:
    """The scores as a readable table (plain text, or markdown), percentages with 95 % CIs."""
    rows: list[tuple[str, ...]] = []
    for family, metrics in results["scores"].items():
        for name, prf in metrics.items():
            rows.append((f"{family} {name}", *_cells(prf)))
    for quote_type, prf in results.get("by_type", {}).items():
        for name in HEADLINE[:3]:
            rows.append((f"type {quote_type} {name} ({prf['gold']} gold, {prf['predicted']} pred)", *_cells(prf[name])))
    header = ("metric", "P", "R", "F1", "F1 95% CI")
    title = (
        f"{results['corpus']} {results['split']}: {results['documents']} documents, {results['annotations']} gold and "
        f"{results['predicted']} predicted annotations; model {results['model']}"
        + (f"; types {','.join(results['types'])}" if results.get("types") else "")
    )
    if markdown:
        lines = [f"# {title}", "", f"Command: `{results['command']}` ({results['date']}, quotes {results['version']})", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    width = max(len(row[0]) for row in rows) if rows else 10
    lines = [title, f"{header[0]:{width}}  {header[1]:>6} {header[2]:>6} {header[3]:>6}  {header[4]}"]
    lines += [f"{row[0]:{width}}  {row[1]:>6} {row[2]:>6} {row[3]:>6}  {row[4]}" for row in rows]
    return "\n".join(lines)


def _cells(prf: Mapping[str, Any]) -> tuple[str, str, str, str]:
    low, high = prf.get("ci", {}).get("f1", (0.0, 0.0))
    return f"{100 * prf['p']:.1f}", f"{100 * prf['r']:.1f}", f"{100 * prf['f1']:.1f}", f"[{100 * low:.1f}, {100 * high:.1f}]"


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """The change of every score two result files share, in percentage points."""
    before, after = _flat_results(old), _flat_results(new)
    lines = [f"{'metric':40} {'old':>6} {'new':>6} {'delta':>7}"]
    for name in (n for n in after if n in before):
        delta = 100 * (after[name] - before[name])
        lines.append(f"{name:40} {100 * before[name]:6.1f} {100 * after[name]:6.1f} {delta:+7.1f}")
    return "\n".join(lines)


def _flat_results(results: Mapping[str, Any]) -> dict[str, float]:
    flat = {}
    for family, metrics in results.get("scores", {}).items():
        for name, prf in metrics.items():
            flat.update({f"{family}.{name}.{key}": prf[key] for key in ("p", "r", "f1")})
    for quote_type, prf in results.get("by_type", {}).items():
        flat.update({f"type.{quote_type}.{name}.f1": prf[name]["f1"] for name in HEADLINE[:3]})
    return flat


def error_browser(items: Iterable[tuple[GoldDocument, Sequence[Annotation], Sequence[Annotation]]], anchor: str = "quote") -> str:
    """A standalone HTML page of false positives (predicted quotes no gold quote overlaps by
    half) and false negatives (gold quotes no prediction overlaps by half), with their sentence,
    the predicted rule or the gold roles, grouped by type. Everything is escaped."""
    groups: dict[str, list[str]] = defaultdict(list)
    for gold_document, gold, predicted in items:
        pairs = m.span_pairs(gold, predicted, "overlap", anchor)
        matched_gold, matched_predicted = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        for kind, annotations, matched in (("false positive", predicted, matched_predicted), ("false negative", gold, matched_gold)):
            for annotation in annotations:
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
    split: str = "dev",
    path: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    types: str | None = None,
    results_file: str | None = None,
    write_predictions: str | None = None,
    errors: str | None = None,
    cache: str | None = None,
    no_cache: bool = False,
    limit: int | None = None,
    strict: bool = False,
    samples: int = 1000,
    quiet: bool = False,
    command: str = "quotes eval",
    factory: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    """Evaluate on ``split`` of ``corpus``: read, extract, score, print the table, write the results.

    ``types`` is a comma-separated list of quote types; ``results_file`` the results JSON (default
    ``eval/results/<corpus>-<split>.json``, plus ``.md``); ``command`` what the results record as
    the command that produced them; ``factory`` builds the extractor (tests pass a fake).
    """
    if not corpus:
        raise QuotesError("quotes eval: give --corpus NAME (or --compare OLD.json NEW.json)")
    entry = corpora.corpus(corpus)
    wanted = [t.strip() for t in types.split(",")] if types else None
    if wanted:
        try:
            m.filter_types([], wanted)  # an unknown type name is an error before any work
        except ValueError as error:
            raise QuotesError(f"--types: {error}") from None
    report = ReadReport()
    documents = list(corpora.read(entry.name, split, path, strict, report, limit))
    print(report.summary(), file=sys.stderr)
    if factory is None:
        from quotes.extractor import Extractor

        factory = partial(Extractor, model=model, cache=None if no_cache else (cache or cache_home() / "parses"))
    outcomes = predict_all(documents, factory, jobs, progress=not quiet)
    failed = [error for _, error in outcomes if error]
    for error in failed:
        print(f"failed: {error}", file=sys.stderr)
    if documents and len(failed) == len(documents):  # a setup problem (e.g. no model), not a score of 0
        raise QuotesError(f"every document failed; the first: {failed[0]}")
    predictions = [annotations for annotations, _ in outcomes]
    model_id = _model_id(model) if isinstance(factory, partial) else getattr(factory, "model_id", "custom")
    results = _describe(entry, split, path, report, predictions, failed, limit, types, model_id, command)
    results |= score(entry, [d.annotations for d in documents], predictions, wanted, samples)
    print(table(results))
    stem = f"{entry.name}-{split}" + (f"-{types.replace(',', '-')}" if types else "")
    target = Path(results_file) if results_file else RESULTS / f"{stem}.json"
    _write_outputs(entry, documents, predictions, results, target, write_predictions, errors)
    return results


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


def _model_id(model: str | None) -> str:
    """The identity of the parsing model, as the parse cache keys it."""
    from quotes.parsing import Parser

    try:
        return Parser(model).model_id or str(model)
    except QuotesError:
        return str(model)


def _write_outputs(
    entry: Corpus,
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Annotation]],
    results: Mapping[str, Any],
    target: Path,
    write_predictions: str | None,
    errors: str | None,
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    target.with_suffix(".md").write_text(table(results, markdown=True), encoding="utf-8")
    print(f"results: {target} and {target.with_suffix('.md')}", file=sys.stderr)
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
