"""``quotes eval``: measure the extractor on an annotated corpus (see :mod:`quotes.evaluation.runner`)."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from quotes import corpora, parsing
from quotes.cli.options import add_method_arguments, add_quantise_argument, add_verbose_argument
from quotes.evaluation import runner
from quotes.speedups import one_torch_thread


def register(commands: Any) -> None:
    """Add ``quotes eval``."""
    parser = commands.add_parser("eval", help="measure the extractor on an annotated corpus")
    parser.add_argument("--corpus", help=f"one of {', '.join(corpora.CORPORA)} (see `quotes corpora list`)")
    parser.add_argument("--split", help="the split to evaluate (default: dev, or the corpus's only split)")
    parser.add_argument("--path", help="the corpus directory in its published layout (JSONL: the file)")
    parser.add_argument("--model", help="model directory or name, as for `quotes extract`")
    add_method_arguments(parser, default=None, default_help="default for wikinews; rules are the default elsewhere")
    add_quantise_argument(parser)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each loads the model once)")
    parser.add_argument("--types", help="only these quote types, comma-separated (e.g. Direct,Indirect)")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON to FILE (by default nothing is written)")
    parser.add_argument("--out", metavar="DIR", help="write <corpus>-<split>.json and .md (the table) into DIR")
    parser.add_argument(
        "--update-results", action="store_true",
        help="refresh the committed results: write <corpus>-<split>.json and .md into the repository's eval/results/",
    )
    parser.add_argument(
        "--folds", type=int, metavar="K",
        help="cross-validate: documents sorted by id dealt into K folds; per-fold figures, mean and std",
    )
    parser.add_argument("--write-predictions", metavar="DIR", help="write predictions in the corpus format")
    parser.add_argument("--errors", metavar="FILE.html", help="write an error browser")
    parser.add_argument("--compare", nargs=2, metavar=("OLD.json", "NEW.json"), help="show the deltas of two results")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache", help="parse-cache directory (default: $QUOTES_CACHE_DIR/parses or ~/.cache/quotes/parses)")
    cache.add_argument("--no-cache", action="store_true", help="parse everything afresh")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--strict", action="store_true", help="stop at a malformed corpus file instead of skipping it")
    parser.add_argument("--samples", type=int, default=1000, help="bootstrap samples for the confidence intervals")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_verbose_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.compare:
        print(runner.compare_files(*args.compare))
        return 0
    one_torch_thread()
    parsing.notice_every_run = args.verbose
    runner.run(
        args.corpus,
        split=args.split,
        path=args.path,
        model=args.model,
        method=args.method,
        decisions=args.decisions,
        quantise=args.quantise,
        jobs=args.jobs,
        types=args.types,
        results_file=args.json,
        out=args.out,
        update_results=args.update_results,
        k=args.folds,
        write_predictions=args.write_predictions,
        errors=args.errors,
        cache=args.cache,
        no_cache=args.no_cache,
        limit=args.limit,
        strict=args.strict,
        samples=args.samples,
        quiet=args.quiet,
        command="quotes " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "quotes eval",
    )
    return 0
