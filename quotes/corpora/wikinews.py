"""WIKINEWS quotation attribution 2024 (uhh-lt): one JSON file per article.

Token ids are document-level positions; each annotation has ``quote``, ``cue``, ``frame``,
``speaker``, ``addressee`` as ``{spans, text, tokenIds}``, plus ``type``, ``medium``,
``isNested``, ``hasNested``. The writer produces the same schema, so the published scorer
runs on predictions unchanged.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Iterator, Sequence

from quotes.corpora.annotation import PARTS, Annotation
from quotes.corpora.base import GoldDocument, ReadReport, check_positions, load_json, read_files, runs
from quotes.errors import CorpusError


def files(directory: Path) -> list[Path]:
    """The documents of one split directory, in name order."""
    return sorted(directory.glob("*.json"))


def read(directory: Path, strict: bool = False, report: ReadReport | None = None) -> Iterator[GoldDocument]:
    """The documents of one split directory (``data/dev``), skipping or rejecting malformed files."""
    return read_files(files(directory), read_file, strict, report)


def read_file(path: Path) -> GoldDocument:
    """One article; raises :class:`CorpusError` naming the file and the offending token or annotation."""
    data = load_json(path)
    try:
        text = data["originalText"]
        tokens = data["tokens"]
        sentences: list[list[tuple[int, int]]] = []
        for position, token in enumerate(tokens):
            start, end = token["charBegin"], token["charEnd"]
            if token["id"] != position or text[start:end] != token["text"]:
                raise CorpusError(
                    f"{path}: token {position} ({token['text']!r} at {start}:{end}) does not match the text or its id"
                )
            if not sentences or token["sentence"] != tokens[position - 1]["sentence"]:
                sentences.append([])
            sentences[-1].append((start, end))
        annotations = [_annotation(a, len(tokens), f"{path}: annotation {n}") for n, a in enumerate(data["annotations"])]
    except (KeyError, TypeError, AttributeError) as error:
        raise CorpusError(f"{path}: not in the WIKINEWS format: missing or malformed field {error}") from None
    return GoldDocument(path.stem.removesuffix(".pretty"), text, sentences, annotations, path, data)


def _annotation(data: dict[str, Any], size: int, where: str) -> Annotation:
    try:
        parts = {part: check_positions(data[part]["tokenIds"], size, f"{where} {part}") for part in PARTS}
        return Annotation(data["type"], data["medium"], parts, nested=bool(data.get("isNested")), id=data.get("id", 0))
    except ValueError as error:
        raise CorpusError(f"{where}: {error}") from None


def write(document: GoldDocument, annotations: Sequence[Annotation], directory: Path) -> Path:
    """Write ``annotations`` into a copy of the document's JSON, named like the gold file."""
    data = copy.copy(document.native)
    data["annotations"] = to_json(annotations, document.native)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / document.path.name
    target.write_text(json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True), encoding="utf-8")
    return target


def to_json(annotations: Sequence[Annotation], native: dict[str, Any]) -> list[dict[str, Any]]:
    """Annotations in the WIKINEWS schema; ``hasNested`` is set when a nested quote lies inside."""
    text, tokens = native["originalText"], native["tokens"]

    def part(positions: Sequence[int]) -> dict[str, Any]:
        spans = [
            {"begin": first, "end": last, "charBegin": tokens[first]["charBegin"], "charEnd": tokens[last - 1]["charEnd"]}
            for first, last in runs(positions)
        ]
        return {
            "spans": spans,
            "text": " ".join(text[s["charBegin"]:s["charEnd"]] for s in spans),
            "tokenIds": list(positions),
        }

    result = []
    for index, annotation in enumerate(annotations):
        quote = annotation.tokens("quote")
        has_nested = any(
            other is not annotation and other.nested and other.tokens("quote") <= quote for other in annotations
        )
        result.append(
            {
                **{name: part(sorted(annotation.parts.get(name, ()))) for name in PARTS},
                "hasNested": has_nested,
                "id": index,
                "isNested": annotation.nested,
                "medium": annotation.medium,
                "type": annotation.type,
            }
        )
    return result
