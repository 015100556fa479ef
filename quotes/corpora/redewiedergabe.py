"""The Redewiedergabe main corpus (TSV): one token per line, one file per text sample.

Column ``stwr`` holds the speech, thought and writing representations a token belongs to
("direct.speech.3|reported.thought.6.nonfact", alternatives separated by a space or ``_``);
``frame``, ``speaker`` and ``intexpr`` (the introducing expression, our cue) link tokens to
representation ids ("speaker.8_9"). Each id becomes one annotation. The corpus has no text:
the reader joins tokens with spaces and sentences (``sentstart``) with newlines.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from quotes.corpora.annotation import Annotation
from quotes.corpora.base import GoldDocument, ReadReport, read_files, spaced_text
from quotes.errors import CorpusError

COLUMNS = ("tok", "normtok", "lemma", "pos", "rfpos", "sentstart", "stwr", "frame", "speaker", "intexpr", "note")

TYPES = {
    ("direct",): "Direct",
    ("indirect",): "Indirect",
    ("reported",): "Reported",
    ("freeIndirect",): "FreeIndirect",
    ("indirect", "freeIndirect"): "IndirectFreeIndirect",
}
MEDIA = {
    ("speech",): "Speech",
    ("thought",): "Thought",
    ("writing",): "Writing",
    ("speech", "writing"): "SW",
    ("speech", "thought"): "ST",
    ("thought", "writing"): "TW",
    ("speech", "thought", "writing"): "STW",
}
LINKS = {"frame": "frame", "speaker": "speaker", "intexpr": "cue"}
"""Linking column → part."""

_ALTERNATIVES = re.compile(r"[ _]")


def files(directory: Path) -> list[Path]:
    """The samples of the corpus directory (``data/main/tsv``), without the metadata table."""
    return sorted(path for path in directory.glob("*.tsv") if not path.name.startswith("metadata"))


def read(directory: Path, strict: bool = False, report: ReadReport | None = None) -> Iterator[GoldDocument]:
    """The samples, skipping or rejecting malformed files."""
    return read_files(files(directory), read_file, strict, report)


def read_file(path: Path) -> GoldDocument:
    """One sample; raises :class:`CorpusError` naming the file and line."""
    sentences: list[list[str]] = []
    labels: dict[int, tuple[str, str]] = {}
    parts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if tuple(next(rows, ())) != COLUMNS:
                raise CorpusError(f"{path}:1: expected the columns {' '.join(COLUMNS)}")
            for line, row in enumerate(rows, start=2):
                if len(row) != len(COLUMNS):
                    raise CorpusError(f"{path}:{line}: expected {len(COLUMNS)} tab-separated columns, found {len(row)}")
                position = sum(len(s) for s in sentences) if sentences else 0
                if row[5] == "yes" or not sentences:
                    sentences.append([])
                sentences[-1].append(row[0])
                _read_cells(row, position, labels, parts, f"{path}:{line}")
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read: {error}") from None
    text, offsets = spaced_text(sentences)
    annotations = [
        Annotation(labels[i][0], labels[i][1], {part: tuple(sorted(set(p))) for part, p in parts[i].items()}, id=i)
        for i in sorted(labels)
    ]
    # a few samples link a frame or speaker to an id no stwr token has: kept out, but reported
    warnings = [
        f"{path}: frame, speaker or intexpr linked to representation {number}, which has no stwr tokens; link ignored"
        for number in sorted(set(parts) - set(labels))
    ]
    return GoldDocument(path.stem, text, offsets, annotations, path, warnings=warnings)


def _read_cells(
    row: list[str], position: int, labels: dict[int, tuple[str, str]], parts: dict[int, dict[str, list[int]]], where: str
) -> None:
    """Record one token's representations (with their labels) and links."""
    try:
        for cell in _values(row[6]):
            kind, medium, number, *_ = cell.split(".")
            label = (TYPES[tuple(_ALTERNATIVES.split(kind))], MEDIA[tuple(_ALTERNATIVES.split(medium))])
            if labels.setdefault(int(number), label) != label:
                raise CorpusError(f"{where}: representation {number} labelled both {labels[int(number)]} and {label}")
            parts[int(number)]["quote"].append(position)
        for column, part in LINKS.items():
            for cell in _values(row[COLUMNS.index(column)]):
                name, _, numbers = cell.partition(".")
                for number in filter(None, numbers.split("_")):  # "speaker.7_" occurs
                    parts[int(number)][part].append(position)
    except (ValueError, KeyError) as error:
        raise CorpusError(f"{where}: cannot read the annotation {error}") from None


def _values(cell: str) -> list[str]:
    return [] if cell == "-" else cell.split("|")
