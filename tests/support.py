"""Paths and loaders shared by the tests (a plain module: conftest files are not importable by name)."""

import signal
from contextlib import contextmanager
from pathlib import Path

from quotes.document import Document

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def load_conllu_documents(name: str) -> dict[str, Document]:
    """The documents of a fixture file, by their ``# newdoc id``."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    documents = {}
    for chunk in text.split("# newdoc id = ")[1:]:
        doc_id = chunk.split("\n", 1)[0].strip()
        documents[doc_id] = Document.from_conllu("# newdoc id = " + chunk, id=doc_id)
    return documents


@contextmanager
def time_limit(seconds):
    """Fail the test (an AssertionError) when the block runs longer than ``seconds`` (Unix)."""

    def fail(signum, frame):
        raise AssertionError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
