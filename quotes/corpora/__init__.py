"""Annotated German quotation corpora: catalog, readers and writers.

>>> report = ReadReport()
>>> documents = list(read("wikinews", "dev", report=report))  # doctest: +SKIP
>>> print(report.summary())  # doctest: +SKIP
read 150 documents with 653 annotations
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Iterator, Sequence

from quotes.corpora import jsonl, redewiedergabe, spkatt, wikinews
from quotes.corpora.annotation import Annotation
from quotes.corpora.base import GoldDocument, ReadReport, annotation_of, folds, quote_of
from quotes.corpora.catalog import CORPORA, Corpus, corpus, locate
from quotes.errors import CorpusError

READERS = {
    "wikinews-json": wikinews.read,
    "spkatt-json": spkatt.read,
    "redewiedergabe-tsv": redewiedergabe.read,
    "jsonl": jsonl.read,
}

__all__ = [
    "CORPORA",
    "Corpus",
    "GoldDocument",
    "ReadReport",
    "annotation_of",
    "corpus",
    "folds",
    "locate",
    "quote_of",
    "read",
    "write_predictions",
]


def read(
    name: str,
    split: str,
    path: str | os.PathLike[str] | None = None,
    strict: bool = False,
    report: ReadReport | None = None,
    limit: int | None = None,
) -> Iterator[GoldDocument]:
    """The gold documents of ``split`` of corpus ``name`` (at most ``limit``), in file order.

    Malformed documents are skipped and reported (``strict=False``) or raise
    :class:`~quotes.errors.CorpusError`; ``report`` counts what was read.
    """
    documents = READERS[corpus(name).format](locate(name, split, path), strict, report)
    return itertools.islice(documents, limit)


def write_predictions(name: str, items: Sequence[tuple[GoldDocument, Sequence[Annotation]]], directory: Path) -> list[Path]:
    """Write predicted annotations in the corpus's own format, one file per document named like
    the gold file (JSONL: one ``predictions.jsonl``), so the corpus's scorer runs on them."""
    form = corpus(name).format
    if form == "wikinews-json":
        return [wikinews.write(document, annotations, directory) for document, annotations in items]
    if form == "spkatt-json":
        return [spkatt.write(document, annotations, directory / "task1") for document, annotations in items]
    if form == "jsonl":
        return [jsonl.write(items, directory / "predictions.jsonl")]
    raise CorpusError(f"no writer for the {form} format of corpus {name}; use --json for the scores")
