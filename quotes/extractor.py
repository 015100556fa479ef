"""The extractor: parse → cues → quotes → speakers and roles → type and medium → quotes.

A thin module that wires the components; each step lives in its own module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable, Iterator, Union

from .attribute import resolve_speakers
from .find.context import Context
from .learned import QuoteDecisions, decide, load_decisions
from .document import Document
from .errors import QuotesError
from .parallel import pool_map
from .parsing import ParseCache, Parser
from .quote import Quote
from .rules.direct import find_direct_quotes
from .rules.indirect import find_indirect_quotes
from .rules.nesting import nest_direct_quotes

Item = Union[str, tuple[str, str], Document]


@dataclass(frozen=True)
class Result:
    """The quotes of one document, or the reason it could not be processed."""

    id: str | None
    quotes: list[Quote] = field(default_factory=list)
    error: str | None = None
    text: str | None = None


def propose(context: Context) -> list[Quote]:
    """The rules' quotes of a document, with speakers and roles, in text order: the candidates
    the trained decisions judge (and the result of ``method="rules"``)."""
    direct = find_direct_quotes(context)
    others = find_indirect_quotes(context, direct)
    quotes = sorted(nest_direct_quotes(direct, others) + others, key=lambda q: (q.start, q.end))
    return resolve_speakers(context, quotes)


def extract_from_document(document: Document, decisions: QuoteDecisions | None = None) -> list[Quote]:
    """All quotes of a parsed document, in text order, numbered from 0: the rules' candidates,
    judged by ``decisions`` where given."""
    context = Context(document)
    quotes = propose(context)
    if decisions is not None:
        quotes = decide(decisions, context, quotes)
    return [q.with_(id=i, document=document.id) for i, q in enumerate(quotes)]


METHODS = ("learned", "rules")
"""``rules``: the rules' quotes as they are; ``learned``: the same candidates judged by the
trained decisions (keep or drop, type, medium, calibrated confidence)."""


class Extractor:
    """Finds quotes in German text; parses with one pipeline, built on first use.

    ``model`` and ``cache`` are as for :class:`quotes.parsing.Parser`: a model directory or
    name, and a parse-cache directory (off by default). ``method`` is one of :data:`METHODS`;
    ``decisions`` replaces the shipped trained decisions (a :class:`QuoteDecisions` or the path
    of a file ``quotes train`` wrote) and implies ``method="learned"``. ``quantise`` parses with
    the int8-quantised pipeline (see :func:`quotes.speedups.quantise`).
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        cache: str | os.PathLike[str] | ParseCache | None = None,
        method: str = "learned",
        decisions: QuoteDecisions | str | os.PathLike[str] | None = None,
        quantise: bool = False,
    ):
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
        self._model = model
        self._cache = cache
        self._parser: Parser | None = None
        self.method = "learned" if decisions is not None else method
        self._decisions = decisions
        self.quantise = quantise

    @property
    def decisions(self) -> QuoteDecisions | None:
        """The trained decisions this extractor applies (loaded on first use), or None for rules."""
        if self.method == "rules":
            return None
        if not isinstance(self._decisions, QuoteDecisions):
            self._decisions = load_decisions(self._decisions)
        return self._decisions

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            self._parser = Parser(self._model, cache=self._cache, quantise=self.quantise)
        return self._parser

    def extract(self, item: str | Document, id: str | None = None) -> list[Quote]:
        """The quotes of one text (parsed here) or of an already parsed :class:`Document`."""
        check_text(item)
        document = item if isinstance(item, Document) else self.parser.parse(item, id=id)
        return extract_from_document(document, self.decisions)

    def pipe(self, items: Iterable[Item], batch_size: int = 32, jobs: int = 1) -> Iterator[Result]:
        """Stream results for texts, (id, text) pairs or documents, lazily and in input order.

        Texts are parsed ``batch_size`` at a time through one pipeline; with ``jobs`` > 1, in
        that many worker processes, each parsing batches of the same size (see
        :func:`extract_in_processes`). A document that fails gives a
        :class:`Result` with ``error`` set; the others go on.
        """
        if jobs > 1:
            factory = partial(
                Extractor, self._model, cache=self._cache, method=self.method, decisions=self._decisions, quantise=self.quantise
            )
            return extract_in_processes(items, jobs, factory, batch_size=batch_size)
        return self._pipe(items, batch_size)

    def _pipe(self, items: Iterable[Item], batch_size: int) -> Iterator[Result]:
        batch: list[tuple[str | None, str]] = []
        for number, item in enumerate(items):
            if isinstance(item, Document):
                yield from self._flush(batch)
                batch = []
                yield _safely(item.id, item.text, lambda: extract_from_document(item, self.decisions))
                continue
            doc_id, text = item if isinstance(item, tuple) else (str(number), item)
            check_text(text)
            batch.append((doc_id, text))
            if len(batch) >= batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[tuple[str | None, str]]) -> Iterator[Result]:
        if not batch:
            return
        try:
            documents = list(self.parser.parse_many(batch, batch_size=len(batch)))
        except QuotesError:
            raise  # a missing model fails every document: stop with its message
        except Exception:  # one bad text spoils a batch: parse one by one to isolate it
            for doc_id, text in batch:
                yield _safely(doc_id, text, lambda: self.extract(text, id=doc_id))
            return
        for document in documents:
            yield _safely(document.id, document.text, lambda: extract_from_document(document, self.decisions))


def check_text(item: object) -> None:
    """A :class:`TypeError` for anything but a text (``str``) or a :class:`Document`."""
    if not isinstance(item, (str, Document)):
        hint = "; decode bytes first: data.decode('utf-8')" if isinstance(item, (bytes, bytearray)) else ""
        raise TypeError(f"expected a text (str) or a quotes.Document, not {type(item).__name__}{hint}")


def _safely(doc_id: str | None, text: str, work: Callable[[], list[Quote]]) -> Result:
    try:
        return Result(doc_id, work(), text=text)
    except QuotesError:
        raise
    except Exception as error:  # report and go on: a batch never loses the good documents
        return Result(doc_id, [], f"{type(error).__name__}: {error}", text)


def _extract_batch(extractor: Extractor, batch: list[Item]) -> list[Result]:
    return list(extractor.pipe(batch, batch_size=len(batch)))


def _failed(item: Item) -> Result:
    doc_id = item[0] if isinstance(item, tuple) else getattr(item, "id", None)
    return Result(doc_id, [], "the worker process died while processing this document")


def extract_in_processes(items: Iterable[Item], jobs: int, factory: Callable[[], Extractor], batch_size: int) -> Iterator[Result]:
    """:meth:`Extractor.pipe` spread over ``jobs`` processes (see :mod:`quotes.parallel`), each
    building its extractor once with ``factory``; plain texts are numbered as there."""
    numbered = ((str(number), item) if isinstance(item, str) else item for number, item in enumerate(items))
    return pool_map(_extract_batch, numbered, factory, _failed, jobs, batch_size=batch_size)
