"""``quotes train``: train the decisions over the rules' candidates on annotated corpora."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from itertools import chain
from typing import Any, Sequence

from quotes.cli.options import add_verbose_argument


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "train",
        help="train the learned decisions (keep, type, medium) on annotated corpora",
        description=(
            "Parse each corpus split on its own tokens (with the parse cache), run the rules, label "
            "every candidate by the official WIKINEWS pairing and train the keep, type and medium "
            "classifiers; the keep threshold is chosen by cross-validation over the training "
            "documents. Writes DIR/decisions.json and DIR/MODEL_CARD.md; use them with "
            "`quotes extract --decisions DIR/decisions.json`. Deterministic for a given --seed."
        ),
    )
    parser.add_argument("--corpus", action="append", required=True, metavar="NAME[:SPLIT]",
                        help="a corpus to train on, e.g. wikinews (repeatable; the split defaults to --split)")
    parser.add_argument("--split", default="train", help="the split of every --corpus without its own (default: train)")
    parser.add_argument("--out", required=True, type=Path, help="directory for decisions.json and MODEL_CARD.md")
    parser.add_argument("--model", help="parsing model directory or name, as for `quotes extract`")
    parser.add_argument("--cache", help="parse-cache directory (default: $QUOTES_CACHE_DIR/parses or ~/.cache/quotes/parses)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the keep threshold (default: 5)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the classifiers (default: 0)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each split (for a quick try)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_verbose_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quotes import corpora
    from quotes import parsing
    from quotes.learned.training import model_card, train_on
    from quotes.parsing import Parser, cache_home
    from quotes.speedups import one_torch_thread

    one_torch_thread()
    parsing.notice_every_run = args.verbose
    splits, licenses = [], {}
    for value in args.corpus:
        name, _, split = value.partition(":")
        documents = list(corpora.read(name, split or args.split, limit=args.limit))
        splits.append((f"{name}/{split or args.split}", documents))
        licenses[splits[-1][0]] = corpora.corpus(name).license
    parser = Parser(args.model, cache=args.cache or cache_home() / "parses")
    show = sys.stderr.isatty() and not args.quiet
    _parse_into_cache(parser, [d for _, documents in splits for d in documents], show)
    trained = train_on(parser, splits, k=args.folds, seed=args.seed, progress=show)
    args.out.mkdir(parents=True, exist_ok=True)
    trained.decisions.save(args.out / "decisions.json")
    command = "quotes " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "quotes train"
    (args.out / "MODEL_CARD.md").write_text(model_card(trained, command, licenses), encoding="utf-8")
    print(f"wrote {args.out / 'decisions.json'} and MODEL_CARD.md ({trained.candidates} candidates, {trained.seconds:.0f} s)", file=sys.stderr)
    return 0


def _parse_into_cache(parser: Any, documents: Sequence[Any], show: bool) -> None:
    """Parse every document into the parse cache first, in batches (cheaper than one at a time)
    under a progress bar with words per second; training then finds each parse there."""
    from quotes.progress import progress

    tokenized = parser.parse_pretokenized_many((d.text, d.sentences, d.id) for d in documents if d.pretokenized)
    raw = parser.parse_many((d.id, d.text) for d in documents if not d.pretokenized)
    for _ in progress(chain(tokenized, raw), len(documents), lambda document: len(document.tokens), show, desc="parsing"):
        pass
