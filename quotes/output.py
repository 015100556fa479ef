"""Output: JSONL records, CSV and pandas tables, a speaker table and a standalone HTML view."""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from typing import IO, Iterable, Sequence

import pandas as pd

from .quote import QUOTE_TYPES, Quote

COLUMNS = (
    "document", "id", "type", "medium", "quote_text", "start", "end", "speaker_text", "speaker_entity",
    "speaker_role", "speaker_kind", "speaker_gender", "cue_text", "frame_text", "addressee_text", "rule", "confidence",
)


def quote_row(quote: Quote) -> dict[str, object]:
    """One flat row: the quote's fields as plain columns."""
    speaker = quote.speaker
    return {
        "document": quote.document,
        "id": quote.id,
        "type": quote.type,
        "medium": quote.medium,
        "quote_text": quote.quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker_text": speaker.text if speaker else None,
        "speaker_entity": speaker.entity if speaker else None,
        "speaker_role": speaker.role if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "speaker_gender": speaker.gender if speaker else None,
        "cue_text": quote.cue.text if quote.cue else None,
        "frame_text": quote.frame.text if quote.frame else None,
        "addressee_text": quote.addressee.text if quote.addressee else None,
        "rule": quote.rule,
        "confidence": quote.confidence,
    }


DTYPES = {"id": "int64", "start": "int64", "end": "int64", "confidence": "float64"}


def to_dataframe(quotes: Iterable[Quote]) -> pd.DataFrame:
    """One row per quote, flat columns (see ``COLUMNS``); empty input keeps the column types."""
    frame = pd.DataFrame([quote_row(q) for q in quotes], columns=list(COLUMNS))
    return frame.astype({column: DTYPES.get(column, "object") for column in COLUMNS})


def speakers(quotes: Iterable[Quote], by_document: bool = True) -> pd.DataFrame:
    """The speaker table: one row per canonical speaker (per document, or over the corpus).

    Columns: document (when ``by_document``), speaker (the entity, or the mention text when the
    entity is unknown), resolved (whether the entity was resolved), kind (the most frequent
    speaker kind of its quotes), gender (where a mention shows it: the most frequent; empty
    without text evidence), roles, mentions, quotes, one count column per quote type, first
    (offset of the first quote; per document only). No quotes give an empty table with these columns.
    """
    rows: dict[tuple, dict] = {}
    for quote in quotes:
        if quote.speaker is None:
            continue
        name = quote.speaker.entity or quote.speaker.text
        key = (quote.document, name) if by_document else (name,)
        row = rows.setdefault(
            key,
            {"roles": set(), "mentions": set(), "resolved": quote.speaker.entity is not None, "first": quote.start,
             "documents": set(), "kinds": Counter(), "genders": Counter(), **{t: 0 for t in QUOTE_TYPES}},
        )
        row["kinds"][quote.speaker.kind] += quote.speaker.kind is not None
        row["genders"][quote.speaker.gender] += quote.speaker.gender is not None
        if quote.speaker.role:
            row["roles"].add(quote.speaker.role)
        row["mentions"].add(quote.speaker.text)
        row["documents"].add(quote.document)
        row[quote.type] += 1
        row["first"] = min(row["first"], quote.start)
    records = []
    for key, row in rows.items():
        record: dict[str, object] = {"document": key[0]} if by_document else {}
        record.update(
            speaker=key[-1],
            resolved=row["resolved"],
            kind=_most_frequent(row["kinds"]),
            gender=_most_frequent(row["genders"]),
            roles="; ".join(sorted(row["roles"])),
            mentions="; ".join(sorted(row["mentions"])),
            quotes=sum(row[t] for t in QUOTE_TYPES),
            **{t: row[t] for t in QUOTE_TYPES},
        )
        record.update({"first": row["first"]} if by_document else {"documents": len(row["documents"])})
        records.append(record)
    columns = [*(["document"] if by_document else []), "speaker", "resolved", "kind", "gender", "roles", "mentions", "quotes", *QUOTE_TYPES,
               "first" if by_document else "documents"]
    table = pd.DataFrame(records, columns=columns)
    return table.sort_values(["quotes", "speaker"], ascending=[False, True], ignore_index=True) if records else table


def _most_frequent(counts: Counter) -> str | None:
    """The most frequent value (the first seen of equally frequent ones), or None."""
    counted = [(value, n) for value, n in counts.items() if n]
    return max(counted, key=lambda pair: pair[1])[0] if counted else None


# Cells a spreadsheet would read as a formula (OWASP, "CSV Injection") get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text that starts like a spreadsheet formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(frame: pd.DataFrame, stream: IO[str], header: bool = True) -> None:
    """A table as CSV for spreadsheets: text cells that start with ``= + - @``, a tab or a
    carriage return are neutralised (see :func:`neutralise`)."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.to_csv(stream, index=False, header=header)
    stream.flush()


def write_jsonl(quotes: Iterable[Quote], stream: IO[str]) -> None:
    """One JSON object per quote and line, flushed line by line so a later failure never truncates."""
    for quote in quotes:
        stream.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
    stream.flush()


def write_csv(quotes: Sequence[Quote], stream: IO[str], header: bool = True) -> None:
    to_csv(to_dataframe(quotes), stream, header=header)


_STYLE = """
body{font:16px/1.6 Georgia,serif;max-width:46em;margin:2em auto;color:#222}
h2{font:600 14px sans-serif;color:#666;border-bottom:1px solid #ddd}
.text{white-space:pre-wrap}
.quote{background:#fff3b0}.speaker{background:#b8e0ff}.cue{background:#c9f2c2;font-weight:bold}
.addressee{background:#f7c9e6}.frame{text-decoration:underline dotted #999}
.legend span{padding:0 .4em;margin-right:.5em;font:13px sans-serif}
"""
_PARTS = ("frame", "quote", "speaker", "cue", "addressee")


def _describe(quote: Quote) -> str:
    speaker = quote.speaker
    lines = [f"{quote.type} · {quote.medium} · rule {quote.rule} · confidence {quote.confidence:.2f}"]
    if speaker is not None:
        lines.append(f"speaker: {speaker.text}")
        lines.append(f"entity: {speaker.entity or '(unresolved)'}")
        if speaker.role:
            lines.append(f"role: {speaker.role}")
        if speaker.kind:
            lines.append(f"kind: {speaker.kind}")
        if speaker.gender:
            lines.append(f"gender: {speaker.gender} (“{speaker.gender_evidence.text}”)")
    return "\n".join(lines)


def render_html(documents: Iterable[tuple[str | None, str, Sequence[Quote]]]) -> str:
    """A standalone page: each document's text with quotes, speakers and cues highlighted.

    Hovering a highlight shows the quote's type, medium, rule, speaker entity and role.
    """
    sections = []
    for doc_id, text, quotes in documents:
        marks: list[tuple[int, int, str, str]] = []
        for quote in quotes:
            title = _describe(quote)
            for part in _PARTS:
                mention = quote.quote if part == "quote" else quote.part(part)
                if mention is not None:
                    marks.extend((span.start, span.end, part, title) for span in mention.spans)
        sections.append(f"<h2>{html.escape(doc_id or '')}</h2><div class='text'>{_highlight(text, marks)}</div>")
    legend = "".join(f"<span class='{p}'>{p}</span>" for p in _PARTS)
    return (
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>quotes</title>"
        f"<style>{_STYLE}</style></head><body><p class='legend'>{legend}</p>{''.join(sections)}</body></html>\n"
    )


def _highlight(text: str, marks: Sequence[tuple[int, int, str, str]]) -> str:
    """Text cut at every mark boundary; each piece carries the classes of the marks over it."""
    bounds = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    covering: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for mark in marks:
        for point in bounds:
            if mark[0] <= point < mark[1]:
                covering[point].append(mark)
    out = []
    for start, end in zip(bounds, bounds[1:]):
        piece = html.escape(text[start:end])
        active = covering.get(start)
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m[2] for m in active}))
        title = html.escape(min(active, key=lambda m: m[1] - m[0])[3], quote=True)
        out.append(f"<span class='{classes}' title='{title}'>{piece}</span>")
    return "".join(out)
