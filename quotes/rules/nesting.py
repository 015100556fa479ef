"""Nesting: direct quotes inside another quote's message share its attribution.
"""

from __future__ import annotations

from typing import Sequence

from ..quote import Quote
from .direct import direct_quoted_words


SHORT_PHRASE = 4  # words: an unattributed quoted phrase this short is dropped (see nest_direct_quotes)

FRAGMENT_REACH = 300  # characters back to the quote whose speaker an unframed quoted phrase takes


def nest_direct_quotes(direct: Sequence[Quote], others: Sequence[Quote]) -> list[Quote]:
    """Mark direct quotes inside another quote's message as nested (the corpus's isNested). A
    nested quote shares the attribution of the quote around it — its cue, frame, speaker and
    addressee (so on WIKINEWS train, for about 80 % of nested quotes); an unnested one without
    a speaker takes the speaker of the quote just before it. A short quoted phrase left without a
    speaker is dropped: on WIKINEWS train 41 of 57 such phrases are no annotated Direct quote."""
    result = []
    for quote in direct:
        outer = next((o for o in others if o.start <= quote.start and quote.end <= o.end), None)
        if outer is not None:
            result.append(
                quote.with_(
                    nested=True,
                    cue=outer.cue or quote.cue,
                    frame=outer.frame or quote.frame,
                    speaker=outer.speaker or quote.speaker,
                    addressee=outer.addressee or quote.addressee,
                    medium=outer.medium,
                )
            )
            continue
        if quote.speaker is None:
            before = [q for q in [*direct, *others] if q.end <= quote.start and q.speaker is not None]
            previous = max(before, key=lambda q: q.end, default=None)
            if previous is not None and quote.start - previous.end <= FRAGMENT_REACH:
                quote = quote.with_(speaker=previous.speaker)
        if quote.speaker is None and quote.rule == direct_quoted_words.__name__ and len(quote.quote.text.split()) <= SHORT_PHRASE:
            continue  # a few quoted words no one is said to use: a name, a title or a distancing quote
        result.append(quote)
    return result
