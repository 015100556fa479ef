"""``quotes corpora list | download NAME``: the corpus catalog (see :mod:`quotes.corpora.catalog`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from quotes.corpora.catalog import CORPORA, candidates, download


def register(commands: Any) -> None:
    """Add ``quotes corpora list`` and ``quotes corpora download NAME``."""
    parser = commands.add_parser("corpora", help="list and download the annotated corpora")
    corpora_commands = parser.add_subparsers(dest="corpora_command", required=True)
    listing = corpora_commands.add_parser("list", help="the catalog, with where each corpus is found here")
    listing.set_defaults(run=_list)
    fetch = corpora_commands.add_parser("download", help="fetch a corpus from its public source into the cache")
    fetch.add_argument("name", choices=[n for n, c in CORPORA.items() if c.archive])
    fetch.add_argument("--to", type=Path, help="directory to put it in (default: the cache)")
    fetch.set_defaults(run=_download)


def _list(args: argparse.Namespace) -> int:
    for entry in CORPORA.values():
        found = next((str(root) for root in candidates(entry) if root.exists()), "not here")
        print(f"{entry.name:15} {entry.title}")
        print(f"{'':15} source {entry.source} | license {entry.license} | format {entry.format}")
        print(f"{'':15} splits {', '.join(entry.splits)} | found: {found}")
    return 0


def _download(args: argparse.Namespace) -> int:
    root = download(args.name, args.to)
    print(f"{args.name}: downloaded to {root}")
    return 0
