"""quotes: find quotations in German text and say who said them.

>>> import quotes
>>> for q in quotes.extract("„Wir schaffen das“, sagte Merkel."):
...     print(q.type, q.quote.text, q.speaker.text, q.cue.text)    # doctest: +SKIP
Direct „Wir schaffen das“ Merkel sagte
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .document import Document, Sentence, Token, Word
from .errors import QuotesError
from .extractor import Extractor, Result, check_text
from .output import speakers, to_dataframe
from .parsing import Parser
from .quote import MEDIA, QUOTE_TYPES, Mention, Quote, Span, Speaker

try:
    __version__ = version("quotes")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

_default: Extractor | None = None


def extract(text: str, model: str | None = None) -> list[Quote]:
    """The quotes of one German text, with the default model (see :mod:`quotes.parsing`)."""
    global _default
    check_text(text)
    if model is not None:
        return Extractor(model).extract(text)
    if _default is None:
        _default = Extractor()
    return _default.extract(text)


__all__ = [
    "Document", "Sentence", "Token", "Word", "QuotesError", "Extractor", "Result", "Parser",
    "Quote", "Span", "Mention", "Speaker", "QUOTE_TYPES", "MEDIA", "extract", "to_dataframe",
    "speakers", "__version__",
]
