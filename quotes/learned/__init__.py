"""Trained decisions over the rules' candidates: rules propose, models decide.

:func:`decide` applies a :class:`QuoteDecisions` to one document's candidates; the features
(:mod:`.features`) are computed once per document and shared by the models. Training lives in
:mod:`.training` (``quotes train``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import QuotesError
from ..find.context import Context
from ..quote import Quote
from .decisions import Decision, QuoteDecisions
from .features import DocumentFeatures, candidate_features
from .proposals import LEARNED, sentence_candidates


MODELS = Path(__file__).resolve().parent.parent / "models"
SHIPPED = MODELS / "decisions" / "decisions.json"
"""The default decisions, for news: ``quotes train --corpus wikinews --out quotes/models/decisions``."""
GENRES = {"news": SHIPPED, "literature": MODELS / "decisions-literature" / "decisions.json"}
"""The shipped decisions by name; literature: ``quotes train --corpus redewiedergabe:main
--out quotes/models/decisions-literature`` (fiction and older newspapers)."""


def load_decisions(path: str | os.PathLike[str] | None = None) -> QuoteDecisions:
    """Trained decisions from a file ``quotes train`` wrote, or shipped ones by name (see
    :data:`GENRES`; default: news)."""
    if path is None or str(path) in GENRES:
        return _load(str(GENRES[str(path or "news")]))
    return _load(str(Path(path).expanduser().resolve()))


@lru_cache(maxsize=4)
def _load(path: str) -> QuoteDecisions:
    try:
        return QuoteDecisions.load(path)
    except OSError as error:
        raise QuotesError(f"{path}: cannot read the trained decisions ({error.strerror}); train them with `quotes train`") from None
    except (ValueError, KeyError) as error:
        raise QuotesError(f"{path}: not a trained-decisions file ({error}); write one with `quotes train --out DIR`") from None


def candidates_of(context: Context, proposed: list[Quote]) -> list[Quote]:
    """The rules' quotes and the sentences no rule touched, in text order: what the models judge."""
    return sorted([*proposed, *sentence_candidates(context, proposed)], key=lambda q: (q.start, q.end))


def decide(decisions: QuoteDecisions, context: Context, proposed: list[Quote]) -> list[Quote]:
    """The candidates (:func:`candidates_of`) the models keep, with the models' type and medium
    and the probability of being a quote as their confidence; text order is kept."""
    candidates = candidates_of(context, proposed)
    document = DocumentFeatures.of(context)
    rows = candidate_features(document, candidates)
    return [
        quote.with_(type=decision.type, medium=decision.medium, confidence=decision.keep)
        for quote, row, decision in zip(candidates, rows, decisions.predict(rows))
        if decisions.kept(row, decision)
    ]


__all__ = ["GENRES", "LEARNED", "SHIPPED", "candidates_of", "Decision", "DocumentFeatures", "QuoteDecisions", "decide", "candidate_features", "load_decisions"]
