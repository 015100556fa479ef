"""The quote data model: spans with character offsets, mentions, speakers and quotes.

Every offset is a character offset into the original document text, end exclusive, and
``span.text == text[span.start:span.end]`` always holds. This module imports nothing
else from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable

QUOTE_TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
"""The quote types of the WIKINEWS corpus (Direct, Indirect, Reported, free indirect speech)."""

MEDIA = ("Speech", "Writing", "Thought", "SW", "ST", "TW")
"""The media of the WIKINEWS corpus; SW, ST and TW mean that the text leaves the choice open."""

ROLES = ("cue", "frame", "speaker", "addressee")
"""The parts of a quote besides the quoted text itself."""

MULTI_SPAN_SEPARATOR = " … "
"""Joins the texts of a multi-span mention ("„Wir werden“ … „alles tun.“")."""


@dataclass(frozen=True)
class Span:
    """A contiguous stretch of the document text, with the document tokens it covers."""

    start: int
    end: int
    text: str
    tokens: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}:{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int, tokens: Iterable[int] = ()) -> Span:
        """The span ``text[start:end]``: the only way rules create spans, so text and offsets agree."""
        return cls(start, end, text[start:end], tuple(tokens))

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mention:
    """One part of a quote (quoted text, cue, frame, addressee): one or more spans in text order."""

    spans: tuple[Span, ...]

    def __post_init__(self) -> None:
        if not self.spans:
            raise ValueError("a mention needs at least one span")

    @property
    def text(self) -> str:
        return MULTI_SPAN_SEPARATOR.join(span.text for span in self.spans)

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def tokens(self) -> tuple[int, ...]:
        return tuple(t for span in self.spans for t in span.tokens)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [span.to_dict() for span in self.spans]}

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str, **extra: Any) -> Mention:
        """Rebuild from :meth:`to_dict` output; ``text`` is the document text the offsets index."""
        spans = tuple(Span.of(text, s["start"], s["end"], s.get("tokens", ())) for s in data["spans"])
        return cls(spans, **extra)


SPEAKER_KINDS = ("person", "organisation", "group", "anonymous", "document")
"""What a speaker is: one named person, a body speaking as one, several people, an unnamed single
source ("ein Insider"), or a text ("die Studie")."""

GENDERS = ("female", "male")
"""The genders a speaker may be given, each only from evidence in the text."""


@dataclass(frozen=True)
class Speaker(Mention):
    """The source of a quote.

    ``entity`` is the canonical name of the speaker in the document ("Joe Tsai" for a quote
    attributed to "er" or "Tsai"), or None when it could not be resolved; ``role`` is the
    speaker's function ("Chairman von Alibaba"); ``confidence`` says how sure the entity is.
    ``kind`` is one of :data:`SPEAKER_KINDS` (or None); ``gender`` is ``female`` or ``male`` only
    where the text shows it (a coreferent pronoun, a gendered role noun or title), never guessed
    from a first name, and ``gender_evidence`` is the span of the words that show it.
    """

    entity: str | None = None
    role: str | None = None
    confidence: float | None = None
    kind: str | None = None
    gender: str | None = None
    gender_evidence: Span | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kind is not None and self.kind not in SPEAKER_KINDS:
            raise ValueError(f"unknown speaker kind {self.kind!r}; expected one of {', '.join(SPEAKER_KINDS)}")
        if self.gender is not None and self.gender not in GENDERS:
            raise ValueError(f"unknown gender {self.gender!r}; expected one of {', '.join(GENDERS)}")
        if (self.gender is None) != (self.gender_evidence is None):
            raise ValueError("a speaker's gender and its evidence come together")

    def to_dict(self) -> dict[str, Any]:
        evidence = self.gender_evidence
        return {
            **super().to_dict(),
            "entity": self.entity,
            "role": self.role,
            "kind": self.kind,
            "gender": self.gender,
            "gender_evidence": {"text": evidence.text, **evidence.to_dict()} if evidence is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str, **extra: Any) -> Speaker:
        evidence = data.get("gender_evidence")
        return super().from_dict(
            data, text, entity=data.get("entity"), role=data.get("role"), kind=data.get("kind"), gender=data.get("gender"),
            gender_evidence=Span.of(text, evidence["start"], evidence["end"]) if evidence else None, **extra,
        )


@dataclass(frozen=True)
class Quote:
    """A quotation: what was said (``quote``), by whom, with which cue, of which type and medium.

    ``rule`` names the rule that found it, so a researcher can see why; ``nested`` marks a
    direct quote inside an indirect one (the corpus field isNested).
    """

    type: str
    medium: str
    quote: Mention
    cue: Mention | None = None
    frame: Mention | None = None
    speaker: Speaker | None = None
    addressee: Mention | None = None
    rule: str = ""
    confidence: float = 1.0
    document: str | None = None
    id: int = 0
    nested: bool = False

    def __post_init__(self) -> None:
        if self.type not in QUOTE_TYPES:
            raise ValueError(f"unknown quote type {self.type!r}; expected one of {', '.join(QUOTE_TYPES)}")
        if self.medium not in MEDIA:
            raise ValueError(f"unknown medium {self.medium!r}; expected one of {', '.join(MEDIA)}")

    @property
    def start(self) -> int:
        return self.quote.start

    @property
    def end(self) -> int:
        return self.quote.end

    def part(self, role: str) -> Mention | None:
        """The cue, frame, speaker or addressee of this quote, by name."""
        if role not in ROLES:
            raise ValueError(f"unknown quote part {role!r}; expected one of {', '.join(ROLES)}")
        return getattr(self, role)

    def with_(self, **changes: Any) -> Quote:
        """A copy with some fields replaced (quotes are immutable)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL output record (offsets into the document text, end exclusive)."""

        def optional(mention: Mention | None) -> dict[str, Any] | None:
            return mention.to_dict() if mention is not None else None

        return {
            "document": self.document,
            "id": self.id,
            "type": self.type,
            "medium": self.medium,
            "quote": self.quote.to_dict(),
            "cue": optional(self.cue),
            "frame": optional(self.frame),
            "speaker": optional(self.speaker),
            "addressee": optional(self.addressee),
            "rule": self.rule,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Quote:
        """Rebuild a quote from :meth:`to_dict` output and the text of its document."""

        def optional(key: str, kind: type[Mention] = Mention) -> Any:
            value = data.get(key)
            return kind.from_dict(value, text) if value else None

        return cls(
            type=data["type"],
            medium=data["medium"],
            quote=Mention.from_dict(data["quote"], text),
            cue=optional("cue"),
            frame=optional("frame"),
            speaker=optional("speaker", Speaker),
            addressee=optional("addressee"),
            rule=data.get("rule", ""),
            confidence=data.get("confidence", 1.0),
            document=data.get("document"),
            id=data.get("id", 0),
        )
