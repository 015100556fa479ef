"""Quotation-mark pairing on raw text, independent of any tokenizer.

Handles the German and neighbouring conventions: „…“ „…” ‚…‘ »…« «…» ›…‹ ‹…› “…” ‘…’ and the
ambiguous ASCII "…" and '…', whose direction is decided from the characters around them. One
level of nesting in another style is recognised („Er sagte: ‚Nein.‘“). Unbalanced marks never
swallow the rest of the document: an unclosed double quote ends at its paragraph's end unless
the next paragraph opens again with the same mark (the convention for quotes that run over
several paragraphs); unclosed single quotes and stray marks (apostrophes, inch signs) are
ignored. This module imports nothing else from the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


# family -> (opening marks, closing marks); a family pairs only with itself.
FAMILIES: dict[str, tuple[str, str]] = {
    "low_double": ("\u201e", "\u201c\u201d\""),  # „…“ „…” (and „…" in careless copy)
    "low_single": ("\u201a", "\u2018\u2019"),  # ‚…‘
    "guillemet": ("\u00bb", "\u00ab"),  # »…« (German)
    "guillemet_swiss": ("\u00ab", "\u00bb"),  # «…» (Swiss, French)
    "single_guillemet": ("\u203a", "\u2039"),  # ›…‹
    "single_guillemet_swiss": ("\u2039", "\u203a"),  # ‹…›
    "english_double": ("\u201c", "\u201d"),  # “…”
    "english_single": ("\u2018", "\u2019"),  # ‘…’
    "ascii_double": ('"', '"'),
    "ascii_single": ("'", "'"),
}

SINGLE_FAMILIES = frozenset({"low_single", "single_guillemet", "single_guillemet_swiss", "english_single", "ascii_single"})

# Marks whose direction depends on the characters around them.
CONTEXT_DEPENDENT = frozenset("\u00bb\u00ab\u203a\u2039\u201c\u2018\u2019\"'")

ALL_MARKS = frozenset("".join(o + c for o, c in FAMILIES.values()))

GUILLEMETS = frozenset("\u00bb\u00ab\u203a\u2039")

_OPENS = {family: opening for family, (opening, _) in FAMILIES.items()}

_LEFT_BOUNDARY = set("([{/–—-") | ALL_MARKS

_RIGHT_BOUNDARY = set(".,;:!?)]}…/–—-") | ALL_MARKS

# A paragraph ends at a blank line, or at a line break after sentence-final punctuation.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|(?<=[.!?:…\u201c\u201d\u00ab\u00bb\"'])[ \t]*\n\s*")


@dataclass(frozen=True)
class Quotation:
    """A stretch of text between quotation marks; offsets include the marks themselves."""

    start: int
    end: int
    family: str
    depth: int
    closed: bool

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


@dataclass
class _Open:
    start: int
    family: str


def _role(text: str, i: int) -> tuple[bool, bool]:
    """Whether the mark at ``i`` can open and whether it can close, judged by its neighbours."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in GUILLEMETS and left.isspace() and right.isspace():
        # a guillemet standing alone, as in tokenized text ("» Marsch , sagte er . «"): either
        # role, the open quotations decide (it closes the quotation its family opened). Other
        # marks alone are strays (“ opens English quotes and closes German ones).
        return True, True
    left_free = left.isspace() or left in _LEFT_BOUNDARY
    right_free = right.isspace() or right in _RIGHT_BOUNDARY
    if left_free and right_free:
        # between a mark and a space: „Er sagte: ‚Nein.‘“ closes, „‚Nein‘, sagte er“ opens
        return right in ALL_MARKS and left.isspace(), left in ALL_MARKS
    return left_free and not right_free, right_free and not left_free


def _candidates(text: str, i: int) -> tuple[list[str], list[str]]:
    """(families this mark could close, families it could open)."""
    mark = text[i]
    can_open, can_close = _role(text, i) if mark in CONTEXT_DEPENDENT else (True, True)
    if mark in "'\u2019" and i > 0 and i + 1 < len(text) and text[i - 1].isalnum() and text[i + 1].isalnum():
        return [], []  # apostrophe: geht's, Merkel’s
    if mark == "'" and ((i > 0 and text[i - 1] == "'") or (i + 1 < len(text) and text[i + 1] == "'")):
        return [], []  # ''wiki italics'', not a quotation
    closes = [f for f, (_, closing) in FAMILIES.items() if mark in closing] if can_close else []
    opens = [f for f, (opening, _) in FAMILIES.items() if mark in opening] if can_open else []
    return closes, opens


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in ``text``, sorted by start; nested ones have ``depth`` 1.

    Top-level quotations never overlap each other, and every nested quotation lies inside a
    top-level one.
    """
    found: list[Quotation] = []
    stack: list[_Open] = []

    def close(item: _Open, end: int, closed: bool) -> None:
        depth = len(stack)
        if closed or item.family not in SINGLE_FAMILIES:
            found.append(Quotation(item.start, end, item.family, depth, closed))

    def close_all(end: int) -> None:
        while stack:
            item = stack.pop()
            close(item, _trimmed_end(text, item.start, end), False)

    paragraphs = list(_paragraphs(text))
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if stack and number:
            # continuation: the next paragraph reopens the quote that is still open
            j = p_start
            if j < p_end and text[j] in _OPENS[stack[0].family] and _candidates(text, j)[1]:
                while len(stack) > 1:
                    inner = stack.pop()
                    close(inner, _trimmed_end(text, inner.start, paragraphs[number - 1][1]), False)
                i = j + 1
            else:
                close_all(paragraphs[number - 1][1])
        while i < p_end:
            if text[i] in ALL_MARKS:
                _step(text, i, stack, close)
            i += 1
    close_all(len(text))
    # a nested quote whose unclosed single-quote parent was dropped stands on its own
    top = [q for q in found if q.depth == 0]
    found = [
        q if q.depth == 0 or any(t.start < q.start and q.end <= t.end for t in top) else Quotation(q.start, q.end, q.family, 0, q.closed)
        for q in found
    ]
    found.sort(key=lambda q: (q.start, q.depth))
    return found


def _step(text: str, i: int, stack: list[_Open], close) -> None:  # type: ignore[no-untyped-def]
    closes, opens = _candidates(text, i)
    if stack and stack[-1].family in closes:
        close(stack.pop(), i + 1, True)
        return
    if len(stack) == 2 and stack[0].family in closes:
        inner = stack.pop()  # the nested quote was never closed
        close(inner, _trimmed_end(text, inner.start, i), False)
        close(stack.pop(), i + 1, True)
        return
    if not opens:
        return
    family = opens[0]
    if not stack:
        stack.append(_Open(i, family))
    elif len(stack) == 1 and family != stack[0].family:
        stack.append(_Open(i, family))
    elif len(stack) == 1 and family not in SINGLE_FAMILIES:
        # the same opening mark again: the earlier quote was left unclosed
        item = stack.pop()
        close(item, _trimmed_end(text, item.start, i), False)
        stack.append(_Open(i, family))
