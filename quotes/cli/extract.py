"""``quotes extract``: texts, JSONL or CoNLL-U in, quotes out (JSONL, CSV, HTML, speaker table)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator, Sequence, Union

from quotes.document import Document
from quotes.extractor import Extractor, Result
from quotes.output import render_html, speakers, write_csv, write_jsonl


Item = Union[tuple[str, str], Document]


class Failure(Exception):
    """An input that could not be read; the run reports it and goes on."""


def register(commands: Any) -> None:
    """Add ``quotes extract``."""
    extract = commands.add_parser("extract", help="extract quotes from texts")
    extract.add_argument("paths", nargs="*", help="text files, directories or - for stdin (default: stdin)")
    extract.add_argument("--input-format", choices=("text", "jsonl", "conllu"), default="text",
                         help="text: each file one document; jsonl: one {\"id\", \"text\"} per line; conllu: parsed input")
    extract.add_argument("--format", choices=("jsonl", "csv", "html", "speakers"), default="jsonl")
    extract.add_argument("-o", "--output", help="output file (default: stdout)")
    extract.add_argument("--model", help="model directory or name (stanza:de, stanza:de-hdt, compact)")
    extract.add_argument("--cache", help="parse-cache directory (re-runs skip parsing)")
    extract.add_argument("--batch-size", type=int, default=32, help="documents per parser call")
    extract.add_argument(
        "--jobs", type=int, help="use N cores: N worker processes (one thread each), each loading the model once; "
        "without it, one process with torch's default threads"
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    extract.set_defaults(run=run)


def _lines(name: str) -> Iterator[str]:
    """The lines of a file (or stdin for ``-``), read lazily; read errors become a :class:`Failure`."""
    if name == "-":
        yield from sys.stdin
        return
    line = 0
    try:
        with open(name, encoding="utf-8", newline="") as stream:
            for line, text in enumerate(stream, start=1):
                yield text
    except UnicodeDecodeError:
        raise Failure(f"{name}:{line + 1}: not valid UTF-8; convert the file to UTF-8") from None
    except OSError as error:
        raise Failure(f"{name}: cannot read ({error.strerror})") from None


def _expand(paths: Sequence[str]) -> Iterator[str]:
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith("."))
        else:
            yield name


def _documents_from(name: str, input_format: str) -> Iterator[Item | Failure]:
    """The documents of one input (file or ``-``), streamed, with failures in their place."""
    source = "<stdin>" if name == "-" else name
    reader = {"text": _text_document, "jsonl": _jsonl_documents, "conllu": _conllu_documents}[input_format]
    try:
        yield from reader(source, _lines(name))
    except Failure as failure:
        yield failure


def _text_document(source: str, lines: Iterator[str]) -> Iterator[Item]:
    yield ("stdin" if source == "<stdin>" else Path(source).name, "".join(lines))


def _jsonl_documents(source: str, lines: Iterator[str]) -> Iterator[Item | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a "text" string')
        except ValueError as error:
            yield Failure(f"{source}:{number}: malformed JSONL line ({error})")
            continue
        yield (str(record.get("id", f"{Path(source).name}:{number}")), record["text"])


def _conllu_documents(source: str, lines: Iterator[str]) -> Iterator[Item | Failure]:
    """CoNLL-U input: documents separated by ``# newdoc`` lines (one per file otherwise)."""
    name, first_line, block = f"{Path(source).name}#1", 1, []
    count = 0
    for number, line in enumerate(lines, start=1):
        if line.startswith("# newdoc") and block:
            yield _conllu_document(source, name, first_line, block)
            block = []
        if line.startswith("# newdoc") or not block:
            count += 1
            name = line.split("=", 1)[1].strip() if line.startswith("# newdoc") and "=" in line else f"{Path(source).name}#{count}"
            first_line = number
        block.append(line)
    if block:
        yield _conllu_document(source, name, first_line, block)


def _conllu_document(source: str, name: str, first_line: int, block: list[str]) -> Item | Failure:
    try:
        return Document.from_conllu("".join(block), id=name)
    except ValueError as error:
        return Failure(f"{source} (document starting at line {first_line}): {error}")


def run(args: argparse.Namespace) -> int:
    extractor = Extractor(args.model, cache=args.cache)
    if args.jobs == 1:
        import torch

        torch.set_num_threads(1)  # one job, one core: as each worker of --jobs N
    failures: list[str] = []
    paths = list(_expand(args.paths or ["-"]))

    def items() -> Iterator[Item]:
        for name in paths:
            for item in _documents_from(name, args.input_format):
                if isinstance(item, Failure):
                    failures.append(str(item))
                    print(f"quotes: {item}", file=sys.stderr)
                else:
                    yield item

    results: Iterator[Result] = extractor.pipe(items(), batch_size=args.batch_size, jobs=args.jobs or 1)
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        results = tqdm(results, desc="documents", unit="doc", file=sys.stderr)
    output: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    collected = []
    try:
        for number, result in enumerate(results):
            if result.error is not None:
                failures.append(f"{result.id}: {result.error}")
                print(f"quotes: {result.id}: {result.error}", file=sys.stderr)
                continue
            if args.format == "jsonl":
                write_jsonl(result.quotes, output)
            elif args.format == "csv":
                write_csv(result.quotes, output, header=number == 0)
            else:
                collected.append(result)
        if args.format == "html":
            output.write(render_html((r.id, r.text or "", r.quotes) for r in collected))
        elif args.format == "speakers":
            speakers([q for r in collected for q in r.quotes]).to_csv(output, index=False)
    finally:
        if args.output:
            output.close()
    if failures:
        print(f"quotes: {len(failures)} input(s) failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0
