"""The command line: ``quotes extract | eval | train | models | corpora``. The only package that knows argv.

One module per command, each with ``register(commands)`` adding its subparser and a ``run(args)``
that calls the library with plain arguments.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from quotes import __version__
from quotes.cli import corpora, evaluate, extract, models, train
from quotes.errors import QuotesError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Find quotations in German text and say who said them.")
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract.register(commands)
    models.register(commands)
    evaluate.register(commands)
    train.register(commands)
    corpora.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if getattr(args, "models_command", None) == "train":
        args.train_args = extra + args.train_args  # the trainer parses its own options
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.run(args)
    except QuotesError as error:
        print(f"quotes: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quotes: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
