"""The project's own gold format: JSON Lines, one document per line.

Each line is ``{"id": ..., "text": ..., "quotes": [...]}`` where each quote is what
:meth:`quotes.quote.Quote.to_dict` writes (character offsets into ``text``, end exclusive),
plus an optional ``"nested": true``. An optional ``"sentences"``, per sentence a list of
``[start, end]`` token offsets, fixes the tokenization; without it, scoring uses a simple
word/punctuation tokenization of the text. See corpora/README.md.
"""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path
from typing import Any, Iterator, Sequence

from quotes.corpora.annotation import Annotation
from quotes.corpora.base import GoldDocument, Offsets, ReadReport, annotation_of, collect, quote_of
from quotes.errors import CorpusError
from quotes.quote import Quote

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|\S")
_SENTENCE = re.compile(r"[^\n]*?[.!?]+[“”\"»«’']*(?=\s|$)|[^\n]+")


def read(path: Path, strict: bool = False, report: ReadReport | None = None) -> Iterator[GoldDocument]:
    """The documents of a JSONL file, skipping or rejecting malformed lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read: {error}") from None
    return collect((partial(read_line, path, n, line) for n, line in enumerate(lines, start=1) if line.strip()), strict, report)


def read_line(path: Path, number: int, line: str) -> GoldDocument:
    """One document; raises :class:`CorpusError` naming the file, line and quote."""
    where = f"{path}:{number}"
    try:
        data = json.loads(line)
        text = data["text"]
        given = data.get("sentences")
        sentences = [[(int(start), int(end)) for start, end in sentence] for sentence in given] if given else tokenize(text)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{where}:{error.colno}: invalid JSON: {error.msg}") from None
    except (KeyError, TypeError, ValueError) as error:
        raise CorpusError(f"{where}: not in the JSONL gold format: missing or malformed field {error}") from None
    for s, sentence in enumerate(sentences):
        for start, end in sentence:
            if not 0 <= start < end <= len(text):
                raise CorpusError(f"{where}: token offsets {start}:{end} in sentence {s} do not fit the text")
    document = GoldDocument(str(data.get("id", number)), text, sentences, [], path, data, pretokenized=bool(given))
    for n, quote_data in enumerate(data.get("quotes", [])):
        try:
            quote = Quote.from_dict(quote_data, text).with_(nested=bool(quote_data.get("nested")))
            document.annotations.append(annotation_of(quote, document))
        except (KeyError, TypeError, ValueError, CorpusError) as error:
            raise CorpusError(f"{where}: quote {n}: {error}") from None
    return document


def tokenize(text: str) -> Offsets:
    """Words and punctuation marks, in sentences ending at ``.!?`` or a line break."""
    return [
        [(sentence.start() + t.start(), sentence.start() + t.end()) for t in _TOKEN.finditer(sentence.group())]
        for sentence in _SENTENCE.finditer(text)
        if sentence.group().strip()
    ]


def to_json(document: GoldDocument, annotations: Sequence[Annotation]) -> dict[str, Any]:
    """One JSONL line: the document with ``annotations`` as quotes and its tokenization."""
    quotes = []
    for annotation in annotations:
        quote = quote_of(annotation, document)
        if quote is None:
            raise CorpusError(f"document {document.id}: annotation {annotation.id} has no quote form for JSONL")
        quotes.append({**quote.to_dict(), "nested": quote.nested})
    return {"id": document.id, "text": document.text, "quotes": quotes, "sentences": document.sentences}


def write(items: Sequence[tuple[GoldDocument, Sequence[Annotation]]], path: Path) -> Path:
    """Write documents with their annotations as a JSONL file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for document, found in items:
            handle.write(json.dumps(to_json(document, found), ensure_ascii=False) + "\n")
    return path
