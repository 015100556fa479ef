"""Attribution after the quote rules: speakers, coreference, roles, addressees.

The entry point the extractor calls once per document, after all quote rules have run:
:func:`resolve_speakers`. Roles found for an entity anywhere in the document are given to every
quote of that entity.
"""

from __future__ import annotations

from dataclasses import replace

from ..find.context import Context
from ..quote import Quote, Span, Speaker
from .addressees import find_addressee
from .coreference import Resolution, resolve_mentions
from .kinds import kind_of


def resolve_speakers(context: Context, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``speaker.entity``, ``role`` and ``confidence`` filled, and ``addressee``
    where the cue names one (an addressee a rule already found is kept)."""
    with_speaker = [q for q in quotes if q.speaker is not None]
    resolutions = iter(resolve_mentions(context, [(q.speaker, q.cue) for q in with_speaker]))
    resolved: list[Quote] = []
    for quote in quotes:
        speaker = _speaker(context, quote.speaker, next(resolutions)) if quote.speaker is not None else None
        addressee = quote.addressee or find_addressee(context, quote)
        resolved.append(quote.with_(speaker=speaker, addressee=addressee))
    return resolved


def _speaker(context: Context, speaker: Speaker, resolution: Resolution) -> Speaker:
    """The speaker with the entity's name and role (the entity's role wins: it propagates), its
    kind, and its gender where a mention of it shows one (the speaker mention's own evidence first)."""
    entity = resolution.entity.canonical() if resolution.entity is not None else None
    evidence = resolution.evidence or (entity.evidence if entity is not None else None)
    kind = resolution.kind
    if kind == "anonymous" and entity is not None and entity.name is not None and entity.kind != "role":
        kind = None  # an unnamed role holder the document names later
    if kind is None and entity is not None:
        kind = kind_of(entity.kind, entity.name is not None, entity.number == "Plur")
    if kind is None and resolution.evidence is not None:
        kind = "person"  # "er", "sie sagte": someone the text does not let us name
    if kind not in ("person", "anonymous"):
        evidence = None
    gender = {"gender": evidence.gender, "gender_evidence": Span.of(context.text, evidence.start, evidence.end)} if evidence else {}
    if entity is None:
        return replace(speaker, entity=None, role=resolution.role, confidence=None, kind=kind, **gender)
    return replace(
        speaker,
        entity=entity.name if kind != "anonymous" else None,
        role=entity.role or resolution.role,
        confidence=resolution.confidence if entity.name is not None else None,
        kind=kind,
        **gender,
    )
