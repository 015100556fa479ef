"""``quotes extract``: texts, JSONL or CoNLL-U in, quotes out (JSONL, CSV, HTML, speaker table)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator, Sequence, Union

from quotes.document import Document
from quotes.extractor import Extractor, Result
from quotes import parsing
from quotes.cli.options import add_method_arguments, add_quantise_argument, add_verbose_argument
from quotes.output import render_html, speakers, to_csv, write_csv, write_jsonl
from quotes.progress import progress
from quotes.speedups import one_torch_thread


Item = Union[tuple[str, str], Document]


class Failure(Exception):
    """An input that could not be read; the run reports it and goes on."""


def _at_least_one(value: str) -> int:
    """argparse type: an integer ≥ 1 (bad values exit 2 with argparse's one-line message)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small; give 1 or more")
    return number


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
    add_method_arguments(extract)
    add_quantise_argument(extract)
    extract.add_argument("--min-confidence", type=float, default=0.0, metavar="P",
                         help="only quotes at least this likely (the learned method's calibrated probability)")
    extract.add_argument("--batch-size", type=_at_least_one, default=32, help="documents per parser call")
    extract.add_argument(
        "--jobs", type=_at_least_one, default=1,
        help="use N cores: N worker processes (one torch thread each, as the main process), each loading the model once",
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar (shown only on a terminal)")
    add_verbose_argument(extract)
    extract.set_defaults(run=run)


def _lines(name: str) -> Iterator[str]:
    """The lines of a file (or stdin for ``-``), read lazily; read errors become a :class:`Failure`."""
    line = 0
    try:
        if name == "-":  # bytes, decoded here: strict UTF-8 whatever PYTHONIOENCODING says
            stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
            for line, text in enumerate(stdin, start=1):
                yield text
            return
        with open(name, encoding="utf-8", newline="") as stream:
            for line, text in enumerate(stream, start=1):
                yield text
    except UnicodeDecodeError:
        where = "<stdin>" if name == "-" else name
        raise Failure(f"{where}:{line + 1}: not valid UTF-8; convert the input to UTF-8") from None
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
        except RecursionError:
            yield Failure(f"{source}:{number}: malformed JSONL line (nested too deeply); give one flat {{\"id\", \"text\"}} object per line")
            continue
        except ValueError as error:
            yield Failure(f"{source}:{number}: malformed JSONL line ({error})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(f'{source}:{number}: malformed JSONL line (expected an object with a "text" string)')
            continue
        doc_id = record.get("id", f"{Path(source).name}:{number}")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float)):
            yield Failure(f'{source}:{number}: "id" must be a string or a number, not {json.dumps(doc_id)[:40]}; fix it or leave it out')
            continue
        problem = _not_unicode(record["text"]) or _not_unicode(str(doc_id))
        if problem:
            yield Failure(f"{source}:{number}: {problem}; fix the \\u escape in the JSON")
            continue
        yield (str(doc_id), record["text"])


def _not_unicode(text: str) -> str | None:
    """A lone surrogate (a half of a \\ud83d\\ude00 pair, say) cannot be written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"lone surrogate {text[error.start]!r} at offset {error.start} is not valid Unicode"
    return None


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
    problem = conllu_problem(block, first_line)
    if problem:
        return Failure(f"{source}:{problem}")
    try:
        return Document.from_conllu("".join(block), id=name)
    except ValueError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Failure(f"{source} (document starting at line {first_line}): {first[:200]}")


def conllu_problem(lines: Sequence[str], first_line: int = 1) -> str | None:
    """The first line that breaks CoNLL-U's word-line rules, as "LINE: what is wrong; the fix"."""
    sentence: list[tuple[int, str]] = []  # (line number, HEAD) of the current sentence's words
    for number, line in enumerate([*lines, ""], start=first_line):
        line = line.rstrip("\r\n")
        if not line.strip():
            for at, head in sentence:
                if int(head) > len(sentence):
                    return f"{at}: HEAD {head} is beyond the sentence's {len(sentence)} words; give 0 (root) to {len(sentence)}"
            sentence = []
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            return f"{number}: {len(columns)} tab-separated columns; a CoNLL-U word line has 10 (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)"
        word_id, head = columns[0], columns[6]
        if "-" in word_id or "." in word_id:
            continue  # multi-word token or empty node: no HEAD of its own
        if not word_id.isdigit():
            return f"{number}: ID {word_id!r} is not a number; give the word's position in its sentence (1, 2, …)"
        if not head.isdigit():
            return f"{number}: HEAD {head!r} is not a number; give the ID of the word's head (0 for the root)"
        sentence.append((number, head))
    return None


def _open_output(name: str) -> IO[str]:
    """The output file, or a one-line :class:`BadArgument` naming it and the fix."""
    path = Path(name)
    if path.is_dir():
        raise BadArgument(f"-o {name}: is a directory; give a file name")
    if not path.parent.is_dir():
        raise BadArgument(f"-o {name}: folder {path.parent} does not exist; create it or give another path")
    try:
        return open(name, "w", encoding="utf-8")
    except OSError as error:
        raise BadArgument(f"-o {name}: cannot write ({error.strerror}); give a writable file") from None


class BadArgument(Exception):
    """A command-line argument that cannot work (exit status 2)."""


def run(args: argparse.Namespace) -> int:
    try:
        output: IO[str] = _open_output(args.output) if args.output else sys.stdout
    except BadArgument as error:
        print(f"quotes: {error}", file=sys.stderr)
        return 2
    if not args.output and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # UTF-8 out, as files, whatever the locale
    try:
        return _run(args, output)
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk, /dev/full, a closed pipe: one line, not a traceback
        print(f"quotes: cannot write to {args.output or 'stdout'} ({error.strerror or error}); free space or give another -o", file=sys.stderr)
        return 1
    finally:
        if args.output:
            try:
                output.close()
            except OSError:
                pass


def _run(args: argparse.Namespace, output: IO[str]) -> int:
    extractor = Extractor(args.model, cache=args.cache, method=args.method, decisions=args.decisions, quantise=args.quantise)
    one_torch_thread()  # as each worker of --jobs N (see quotes.speedups)
    parsing.notice_every_run = args.verbose
    failures: list[str] = []
    paths = list(_expand(args.paths or ["-"]))

    seen: dict[str, int] = {}

    def items() -> Iterator[Item]:
        for name in paths:
            for item in _documents_from(name, args.input_format):
                if isinstance(item, Failure):
                    failures.append(str(item))
                    print(f"quotes: {item}", file=sys.stderr)
                else:
                    yield _distinct(item, seen, name)

    results: Iterator[Result] = extractor.pipe(items(), batch_size=args.batch_size, jobs=args.jobs)
    show = sys.stderr.isatty() and not args.quiet
    total = _count_documents(paths, args.input_format) if show else None
    results = progress(results, total, lambda result: len((result.text or "").split()), show)
    collected = []
    header = True
    for result in results:
        if result.error is not None:
            failures.append(f"{result.id}: {result.error}")
            print(f"quotes: {result.id}: {result.error}", file=sys.stderr)
            continue
        found = [q for q in result.quotes if q.confidence >= args.min_confidence]
        if args.format == "jsonl":
            write_jsonl(found, output)
        elif args.format == "csv":
            write_csv(found, output, header=header)
            header = False
        else:
            collected.append(Result(result.id, found, text=result.text))
    if args.format == "csv" and header:  # every document failed or none came: still a header row
        write_csv([], output)
    if args.format == "html":
        output.write(render_html((r.id, r.text or "", r.quotes) for r in collected))
    elif args.format == "speakers":
        to_csv(speakers([q for r in collected for q in r.quotes]), output)
    output.flush()
    if failures:
        print(f"quotes: {len(failures)} input(s) failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


def _count_documents(paths: Sequence[str], input_format: str) -> int | None:
    """How many documents the inputs hold, for the progress bar; None when stdin is one of them
    or a file cannot be read (the run itself reports that)."""
    if "-" in paths:
        return None
    if input_format == "text":
        return len(paths)
    total = 0
    try:
        for name in paths:
            with open(name, "rb") as stream:
                if input_format == "jsonl":
                    total += sum(1 for line in stream if line.strip())
                else:  # CoNLL-U: a document per "# newdoc", or the whole file
                    total += max(1, sum(1 for line in stream if line.startswith(b"# newdoc")))
    except OSError:
        return None
    return total


def _distinct(item: Item, seen: dict[str, int], source: str) -> Item:
    """The item under an id no earlier document of this run has: a repeated id gets ``#2``,
    ``#3``, … and a warning line, so that tables never merge two documents."""
    doc_id = item.id if isinstance(item, Document) else item[0]
    if doc_id is None:
        return item
    count = seen.get(doc_id, 0) + 1
    seen[doc_id] = count
    if count == 1:
        return item
    new = f"{doc_id}#{count}"
    while new in seen:
        count += 1
        new = f"{doc_id}#{count}"
    seen[new] = 1
    print(f"quotes: warning: {source}: document id {doc_id!r} used before; this one is written as {new!r}", file=sys.stderr)
    if isinstance(item, Document):
        return Document(item.text, item.sentences, item.tokens, new, item.model)
    return (new, item[1])
