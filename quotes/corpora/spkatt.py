"""GePaDe / SpkAtt-2023 task 1 (umanlp): one JSON file per Bundestag speech.

``Sentences`` hold tokens only (no text; the reader joins tokens with spaces and sentences
with newlines); each of the ``Annotations`` lists "sentence:token" ids per label. Labels map
to parts as Cue → cue, PTC → ptc, Source → speaker, Message → quote, Addr → addressee,
Topic → topic, Medium → medium, Evidence → evidence. The corpus has no quote types or media,
so annotations are unlabelled.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Iterator, Sequence

from quotes.corpora.annotation import UNLABELLED, Annotation
from quotes.corpora.base import GoldDocument, ReadReport, check_positions, load_json, read_files, spaced_text
from quotes.errors import CorpusError

LABELS = {
    "Addr": "addressee",
    "Evidence": "evidence",
    "Medium": "medium",
    "Message": "quote",
    "Source": "speaker",
    "Topic": "topic",
    "Cue": "cue",
    "PTC": "ptc",
}
"""SpkAtt label → part name, in the order of the corpus files."""


def files(directory: Path) -> list[Path]:
    """The speeches of one split directory (``data/train``: the files are in ``task1/``)."""
    return sorted((directory / "task1").glob("*.json"))


def read(directory: Path, strict: bool = False, report: ReadReport | None = None) -> Iterator[GoldDocument]:
    """The speeches of one split, skipping or rejecting malformed files."""
    return read_files(files(directory), read_file, strict, report)


def read_file(path: Path) -> GoldDocument:
    """One speech; raises :class:`CorpusError` naming the file and the offending id."""
    data = load_json(path)
    try:
        sentences = data["Sentences"]
        text, offsets = spaced_text([sentence["Tokens"] for sentence in sentences])
        starts = _sentence_starts(sentences)
        size = sum(len(row) for row in offsets)
        annotations = []
        for n, event in enumerate(data["Annotations"]):
            where = f"{path}: annotation {n}"
            parts = {
                part: check_positions((_position(ref, starts, where) for ref in event.get(label, [])), size, where)
                for label, part in LABELS.items()
            }
            annotations.append(Annotation(UNLABELLED, UNLABELLED, parts, id=n))
    except (KeyError, TypeError, AttributeError) as error:
        raise CorpusError(f"{path}: not in the SpkAtt format: missing or malformed field {error}") from None
    return GoldDocument(path.stem, text, offsets, annotations, path, data)


def _sentence_starts(sentences: Sequence[dict[str, Any]]) -> dict[int, tuple[int, int]]:
    """Sentence id → (document position of its first token, number of tokens)."""
    starts: dict[int, tuple[int, int]] = {}
    position = 0
    for sentence in sentences:
        starts[sentence["SentenceId"]] = (position, len(sentence["Tokens"]))
        position += len(sentence["Tokens"])
    return starts


def _position(ref: str, starts: dict[int, tuple[int, int]], where: str) -> int:
    """The document position of a "sentence:token" id."""
    try:
        sentence, token = (int(number) for number in ref.split(":"))
        first, length = starts[sentence]
    except (ValueError, KeyError):
        raise CorpusError(f"{where}: bad token id {ref!r} (no such sentence:token)") from None
    if not 0 <= token < length:
        raise CorpusError(f"{where}: token id {ref!r} out of range (sentence {sentence} has {length} tokens)")
    return first + token


def write(document: GoldDocument, annotations: Sequence[Annotation], directory: Path) -> Path:
    """Write ``annotations`` with the document's sentences, named like the gold file."""
    refs = [
        f"{sentence['SentenceId']}:{index}"
        for sentence in document.native["Sentences"]
        for index in range(len(sentence["Tokens"]))
    ]
    data = copy.copy(document.native)
    data["Annotations"] = [
        {label: [refs[p] for p in sorted(a.parts.get(part, ()))] for label, part in LABELS.items()} for a in annotations
    ]
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / document.path.name
    target.write_text(json.dumps(data, ensure_ascii=False, indent=4), encoding="utf-8")
    return target
