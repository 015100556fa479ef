"""What every rule needs: the document's words in text order, its quotations and cues.

Rules look at words by character offset rather than by parse sentence, because the compact
model splits sentences wrongly (often right after a closing quotation mark).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Iterable

from ..document import Document, Located, Word
from ..german.words import PUNCTUATION_EDGE, SENTENCE_END
from ..quote import Mention, Span
from .cues import Cue, find_cues
from .marks import Quotation, find_quotations


WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)+")  # a site named as a source: „tagesschau.de“


class Context:
    """Per-document index shared by all rules, built once per document."""

    def __init__(self, document: Document):
        self.document = document
        self.text = document.text
        self.words: list[Located] = [Located(s, w) for s in document.sentences for w in s.words]
        self._starts = [item.word.start for item in self.words]
        self.quotations: list[Quotation] = find_quotations(document.text)
        self.top_quotations = [q for q in self.quotations if q.depth == 0]
        self._quotation_starts = [q.start for q in self.top_quotations]

    @cached_property
    def cues(self) -> list[Cue]:
        return list(find_cues(self.document))

    @cached_property
    def cue_by_word(self) -> dict[tuple[int, int], Cue]:
        return {(cue.sentence.index, word.id): cue for cue in self.cues for word in cue.words}

    def cue_of(self, item: Located) -> Cue | None:
        return self.cue_by_word.get((item.sentence.index, item.word.id))

    def words_in(self, start: int, end: int) -> list[Located]:
        """The words whose tokens lie inside ``start:end``."""
        first = bisect_left(self._starts, start)
        found = []
        for item in self.words[first:]:
            if item.word.start >= end:
                break
            if item.word.end <= end:
                found.append(item)
        return found

    def quotation_at(self, offset: int) -> Quotation | None:
        """The top-level quotation containing ``offset`` (they never overlap: a bisection finds it)."""
        index = bisect_right(self._quotation_starts, offset) - 1
        if index >= 0 and offset < self.top_quotations[index].end:
            return self.top_quotations[index]
        return None

    def paragraph_break_between(self, start: int, end: int) -> bool:
        return "\n" in self.text[start:end]

    def left_context(self, offset: int, limit: int = 60) -> list[Located]:
        """Words of the sentence before ``offset``: back to a sentence end, a quotation or a paragraph break."""
        first = bisect_left(self._starts, offset)
        found: list[Located] = []
        admitted = None  # a quoted name inside the frame ("wird von der „Netzeitung“ zitiert:")
        for item in reversed(self.words[max(0, first - limit) : first]):
            if item.word.end > offset:
                continue
            quotation = self.quotation_at(item.word.start)
            if quotation is not None and quotation is not admitted and self._names_in_frame(quotation, self._word_before(quotation.start)):
                admitted = quotation
            if item.word.text in SENTENCE_END or (quotation is not None and quotation is not admitted):
                break
            boundary = found[0].word.start if found else offset
            if self.paragraph_break_between(item.word.end, boundary):
                break
            found.insert(0, item)
        return found

    def right_context(self, offset: int, limit: int = 60) -> list[Located]:
        """Words of the sentence after ``offset``: up to a sentence end, a quotation or a paragraph break."""
        first = bisect_left(self._starts, offset)
        found: list[Located] = []
        admitted = None  # a quoted name inside the frame
        for item in self.words[first : first + limit]:
            quotation = self.quotation_at(item.word.start)
            if quotation is not None and quotation is not admitted and self._names_in_frame(quotation, found[-1].word if found else None):
                admitted = quotation
            if item.word.text in SENTENCE_END or (quotation is not None and quotation is not admitted):
                break
            boundary = found[-1].word.end if found else offset
            if self.paragraph_break_between(boundary, item.word.start):
                break
            found.append(item)
        return found

    def _word_before(self, offset: int) -> Word | None:
        """The last word that starts before ``offset``."""
        index = bisect_left(self._starts, offset) - 1
        return self.words[index].word if index >= 0 else None

    def _names_in_frame(self, quotation: Quotation, previous: Word | None) -> bool:
        """A short quoted name after an article, a preposition or the noun it names in a frame
        ("schrieb die „Zeit“", "laut „news.bbc.co.uk“", "Ein Vertreter der Organisation „…“
        erklärte"): part of the frame, not a new quotation that ends it."""
        if previous is None or not (previous.upos in ("DET", "ADP", "NOUN") or previous.text.lower() == "laut"):
            return False  # "laut": a preposition the compact model often tags ADJD
        inner = self.text[quotation.inner_start : quotation.inner_end].split()
        if len(inner) == 1 and WEB_ADDRESS.fullmatch(inner[0]):
            return True
        return 0 < len(inner) <= 4 and inner[0][:1].isupper() and inner[-1][-1:] not in SENTENCE_END

    def mention(self, items: Iterable[Located]) -> Mention | None:
        """Spans over the given words, trimmed of punctuation at the edges."""
        spans = self.spans(items, PUNCTUATION_EDGE, PUNCTUATION_EDGE)
        return Mention(spans) if spans else None

    def frame(self, items: Iterable[Located]) -> Mention | None:
        """A frame as the corpus marks it: a leading comma and a closing colon stay, the full stop goes."""
        spans = self.spans(items, frozenset(), PUNCTUATION_EDGE - {":"})
        return Mention(spans) if spans else None

    def spans(
        self, items: Iterable[Located], trim_start: frozenset[str] = frozenset(), trim_end: frozenset[str] = frozenset()
    ) -> tuple[Span, ...]:
        """Contiguous spans over the given words (a gap in token order starts a new span)."""
        tokens = sorted({item.word.token for item in items})
        while tokens and self.document.tokens[tokens[0]].text in trim_start:
            tokens.pop(0)
        while tokens and self.document.tokens[tokens[-1]].text in trim_end and not self._closes_bracket(tokens):
            tokens.pop()
        groups: list[list[int]] = []
        for token in tokens:
            if groups and token == groups[-1][-1] + 1:
                groups[-1].append(token)
            else:
                groups.append([token])
        doc_tokens = self.document.tokens
        return tuple(Span.of(self.text, doc_tokens[g[0]].start, doc_tokens[g[-1]].end, g) for g in groups)

    def _closes_bracket(self, tokens: list[int]) -> bool:
        """A final ")" that closes a "(" inside the span stays: "Maria Klein (SPD)"."""
        texts = [self.document.tokens[t].text for t in tokens]
        return texts[-1] == ")" and texts.count("(") >= texts.count(")")

    def span_of_quotation(self, quotation: Quotation) -> Span:
        return Span.of(self.text, quotation.start, quotation.end, self.document.tokens_in(quotation.start, quotation.end))
