"""Shared fixtures: hand-checked CoNLL-U documents."""

import pytest
from support import load_conllu_documents

from quotes.document import Document


@pytest.fixture(scope="session")
def direct_documents() -> dict[str, Document]:
    return load_conllu_documents("direct.conllu")
