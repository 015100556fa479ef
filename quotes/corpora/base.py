"""What every corpus reader yields: gold documents with the corpus tokenization and annotations.

A reader keeps the corpus tokens as they are, so that the i-th corpus token of a document is
token ``i`` of the pretokenized parse, and predictions map back to corpus token ids.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from quotes.corpora.annotation import Annotation
from quotes.errors import CorpusError, QuotesError
from quotes.quote import MEDIA, QUOTE_TYPES, ROLES, Mention, Quote, Span, Speaker

SPEAKER_FIELDS = ("entity", "role", "kind", "gender")
"""The speaker attributes a predicted annotation keeps for the speaker measure."""

Offsets = list[list[tuple[int, int]]]
"""Per sentence, per token: character offsets (start, end exclusive) into the document text."""


@dataclass
class GoldDocument:
    """One annotated document: its text, the corpus tokenization, and the gold annotations.

    ``native`` is what a writer needs to write the corpus format back (the original JSON for
    WIKINEWS and SpkAtt); ``path`` the file it was read from; ``warnings`` what the reader
    had to leave out of an otherwise readable file. ``pretokenized`` is False when the
    tokens are the reader's own (JSONL without tokens): the parse then tokenizes the text
    itself and predictions map to these tokens by their characters.
    """

    id: str
    text: str
    sentences: Offsets
    annotations: list[Annotation]
    path: Path | None = None
    native: Any = None
    pretokenized: bool = True
    warnings: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[tuple[int, int]]:
        """Character offsets of all tokens in document order (the corpus token positions)."""
        return [token for sentence in self.sentences for token in sentence]

    def sentence_of(self, position: int) -> int:
        """The sentence number of corpus token ``position``."""
        for index, sentence in enumerate(self.sentences):
            if position < len(sentence):
                return index
            position -= len(sentence)
        raise IndexError(position)

    def parse(self, parser: Any) -> Any:
        """The parse of this document by ``parser`` (a :class:`quotes.parsing.Parser`): on the
        corpus tokens, or of the text when the tokens are the reader's own."""
        if self.pretokenized:
            return parser.parse_pretokenized(self.text, self.sentences, id=self.id)
        return parser.parse(self.text, id=self.id)

    def quotes(self) -> list[Quote]:
        """The gold annotations as :class:`Quote` objects, for those the quote model can hold:
        SpkAtt events without a message and labels outside its label sets have no Quote form."""
        return [quote for quote in (quote_of(a, self) for a in self.annotations) if quote is not None]


@dataclass
class ReadReport:
    """What a reader read, and what it could not: nothing is dropped without a trace."""

    documents: int = 0
    annotations: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        skipped = f", {len(self.errors)} file(s) skipped" if self.errors else ""
        warned = f", {len(self.warnings)} warning(s)" if self.warnings else ""
        return f"read {self.documents} documents with {self.annotations} annotations{skipped}{warned}"


def read_files(
    files: Iterable[Path],
    read_one: Callable[[Path], GoldDocument],
    strict: bool = False,
    report: ReadReport | None = None,
) -> Iterator[GoldDocument]:
    """Read each file with ``read_one`` (see :func:`collect` for malformed files)."""
    return collect((partial(read_one, path) for path in files), strict, report)


def collect(
    readers: Iterable[Callable[[], GoldDocument]], strict: bool = False, report: ReadReport | None = None
) -> Iterator[GoldDocument]:
    """Run each document reader; a malformed document raises :class:`CorpusError` when
    ``strict``, else it is reported on stderr, counted in ``report`` and skipped."""
    report = report if report is not None else ReadReport()
    for read_one in readers:
        try:
            document = read_one()
        except CorpusError as error:
            if strict:
                raise
            report.errors.append(str(error))
            print(f"skipped: {error}", file=sys.stderr)
            continue
        for warning in document.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        report.warnings += document.warnings
        report.documents += 1
        report.annotations += len(document.annotations)
        yield document


def folds(documents: Sequence[GoldDocument], k: int) -> list[list[int]]:
    """``k`` deterministic folds (document indices): the documents sorted by id are dealt out
    in turn, the i-th of them to fold ``i mod k``; the same ids give the same folds, whatever
    the reading order."""
    if not 2 <= k <= len(documents):
        raise QuotesError(f"--folds {k}: need 2 ≤ K ≤ the number of documents ({len(documents)})")
    ordered = sorted(range(len(documents)), key=lambda i: documents[i].id)
    return [sorted(ordered[fold::k]) for fold in range(k)]


def load_json(path: Path) -> Any:
    """Parse a JSON file; bad JSON is a :class:`CorpusError` naming the file, line and column."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read: {error}") from None


def check_positions(positions: Iterable[int], size: int, where: str) -> tuple[int, ...]:
    """Sorted distinct token positions, all within ``0 <= position < size``."""
    result = tuple(sorted(set(positions)))
    if result and not (0 <= result[0] and result[-1] < size):
        bad = next(p for p in result if not 0 <= p < size)
        raise CorpusError(f"{where}: token id {bad} out of range (the document has {size} tokens)")
    return result


def runs(positions: Sequence[int]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive token positions as (first, last + 1)."""
    result: list[tuple[int, int]] = []
    for position in positions:
        if result and result[-1][1] == position:
            result[-1] = (result[-1][0], position + 1)
        else:
            result.append((position, position + 1))
    return result


def spaced_text(sentences: Sequence[Sequence[str]]) -> tuple[str, Offsets]:
    """A text for a corpus that has tokens only (SpkAtt, Redewiedergabe): tokens joined by single
    spaces, sentences by newlines; with the offsets of every token."""
    parts: list[str] = []
    offsets: Offsets = []
    cursor = 0
    for sentence in sentences:
        row = []
        for token in sentence:
            row.append((cursor, cursor + len(token)))
            cursor += len(token) + 1
        offsets.append(row)
        parts.append(" ".join(sentence))
    return "\n".join(parts), offsets


# --- between quotes and annotations ----------------------------------------------------------

def positions_of(mention: Mention | None, document: GoldDocument, use_tokens: bool = True) -> tuple[int, ...]:
    """The corpus token positions a mention covers: its spans' ``tokens`` (document token indices
    of a pretokenized parse, which are corpus positions), or, for spans without tokens or when
    not ``use_tokens``, the corpus tokens its characters overlap."""
    if mention is None:
        return ()
    positions: set[int] = set()
    tokens = document.tokens
    for span in mention.spans:
        if span.tokens and use_tokens:
            positions.update(span.tokens)
        else:
            positions.update(i for i, (start, end) in enumerate(tokens) if start < span.end and end > span.start)
    return check_positions(positions, len(tokens), f"document {document.id}")


def annotation_of(quote: Quote, document: GoldDocument, use_tokens: bool = True) -> Annotation:
    """A quote (predicted, or from the JSONL format) as an annotation on ``document``'s tokens;
    ``use_tokens=False`` maps by characters (for a parse with its own tokenization)."""
    parts = {"quote": positions_of(quote.quote, document, use_tokens)}
    parts.update({role: positions_of(quote.part(role), document, use_tokens) for role in ROLES})
    speaker = quote.speaker
    fields = {name: getattr(speaker, name) for name in SPEAKER_FIELDS} if speaker is not None else {}
    return Annotation(
        quote.type, quote.medium, parts, nested=quote.nested, rule=quote.rule, id=quote.id, confidence=quote.confidence, speaker_fields=fields
    )


def mention_of(positions: Sequence[int], document: GoldDocument, kind: type[Mention] = Mention) -> Mention | None:
    """The mention covering corpus tokens ``positions``: one span per run of consecutive tokens."""
    if not positions:
        return None
    tokens = document.tokens
    spans = tuple(
        Span.of(document.text, tokens[first][0], tokens[last - 1][1], range(first, last)) for first, last in runs(positions)
    )
    return kind(spans)


def quote_of(annotation: Annotation, document: GoldDocument) -> Quote | None:
    """The :class:`Quote` form of an annotation, or None when the quote model cannot hold it."""
    if annotation.type not in QUOTE_TYPES or annotation.medium not in MEDIA or not annotation.parts.get("quote"):
        return None
    def mention(part: str, kind: type[Mention] = Mention) -> Any:
        return mention_of(annotation.parts.get(part, ()), document, kind)

    return Quote(
        type=annotation.type,
        medium=annotation.medium,
        quote=mention("quote"),
        cue=mention("cue"),
        frame=mention("frame"),
        speaker=mention("speaker", Speaker),
        addressee=mention("addressee"),
        rule=annotation.rule,
        document=document.id,
        id=annotation.id,
        nested=annotation.nested,
    )
