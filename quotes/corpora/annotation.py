"""The annotation type: a gold or predicted quote as plain data, as the corpus readers give it
and the metrics score it. Depends on nothing but the quote labels of :mod:`quotes.quote`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from quotes.quote import MEDIA, QUOTE_TYPES, ROLES

UNLABELLED = "none"
"""The label of a quote whose corpus gives no type or medium (WIKINEWS medium "none", SpkAtt)."""

TYPE_LABELS = (*QUOTE_TYPES, UNLABELLED)
MEDIUM_LABELS = (*MEDIA, "STW", UNLABELLED)
"""The media of the quote model, Redewiedergabe's speech+thought+writing, and unlabelled."""

PARTS = ("quote", *ROLES)
"""The parts every corpus maps to: the quoted text and the four roles."""


@dataclass(frozen=True)
class Annotation:
    """A gold or predicted quote as plain data.

    ``parts`` maps a part name (see :data:`PARTS`; SpkAtt adds ``ptc``, ``topic``, ``medium``,
    ``evidence``) to the sorted corpus token positions it covers; missing parts are empty.
    ``rule`` is the extractor rule for predictions, ``id`` the corpus annotation id for gold,
    ``confidence`` the extractor's confidence in a prediction. ``speaker_fields`` holds a
    prediction's speaker attributes (``entity``, ``role``, ``kind``, ``gender``) for the speaker
    measure; gold leaves it empty (the speaker gold is a separate set).
    """

    type: str
    medium: str
    parts: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    nested: bool = False
    rule: str = ""
    id: int = 0
    confidence: float = 1.0
    speaker_fields: Mapping[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.type not in TYPE_LABELS:
            raise ValueError(f"unknown quote type {self.type!r}; expected one of {', '.join(TYPE_LABELS)}")
        if self.medium not in MEDIUM_LABELS:
            raise ValueError(f"unknown medium {self.medium!r}; expected one of {', '.join(MEDIUM_LABELS)}")

    def tokens(self, part: str) -> frozenset[int]:
        return frozenset(self.parts.get(part, ()))
