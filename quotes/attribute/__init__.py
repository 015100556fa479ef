"""Attribution after the quote rules: speakers, coreference, roles, addressees.

The entry point the extractor calls once per document, after all quote rules have run:
:func:`resolve_speakers`. Roles found for an entity anywhere in the document are given to every
quote of that entity.
"""

from __future__ import annotations

from dataclasses import replace

from ..find.context import Context
from ..quote import Quote, Speaker
from .addressees import find_addressee
from .coreference import Resolution, resolve_mentions


def resolve_speakers(context: Context, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``speaker.entity``, ``role`` and ``confidence`` filled, and ``addressee``
    where the cue names one (an addressee a rule already found is kept)."""
    with_speaker = [q for q in quotes if q.speaker is not None]
    resolutions = iter(resolve_mentions(context, [(q.speaker, q.cue) for q in with_speaker]))
    resolved: list[Quote] = []
    for quote in quotes:
        speaker = _speaker(quote.speaker, next(resolutions)) if quote.speaker is not None else None
        addressee = quote.addressee or find_addressee(context, quote)
        resolved.append(quote.with_(speaker=speaker, addressee=addressee))
    return resolved


def _speaker(speaker: Speaker, resolution: Resolution) -> Speaker:
    """The speaker with the entity's name and role (the entity's role wins: it propagates)."""
    entity = resolution.entity
    if entity is None:
        return replace(speaker, entity=None, role=resolution.role, confidence=None)
    return replace(
        speaker,
        entity=entity.name,
        role=entity.role or resolution.role,
        confidence=resolution.confidence if entity.name is not None else None,
    )
