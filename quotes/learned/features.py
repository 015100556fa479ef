"""Features of the rules' candidate quotes, for the trained decisions.

:class:`DocumentFeatures` holds what every model asks of a document — its words in text order,
which tokens lie inside quotation marks, its cues — built once per document and shared.
:func:`candidate_features` describes each candidate of a document as a flat ``{name: value}``
dict (strings are categories, numbers are numbers); every name starts with its group (see :data:`GROUPS`), so an
ablation can leave one group out.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..document import Located
from ..find.context import Context
from ..find.cues import Cue
from ..german.morphology import is_finite, looks_subjunctive
from ..lexicon import role_noun
from ..quote import Mention, Quote

GROUPS = ("rule", "cue", "mood", "form", "attribution", "context")
"""The feature groups, in the order the model card lists them."""

Features = dict[str, "str | float"]


@dataclass(frozen=True)
class DocumentFeatures:
    """Per-document facts shared by every model: the rules' context (words, quotations, cues)
    and, per document token, whether it lies inside quotation marks."""

    context: Context
    quoted: tuple[bool, ...]
    finite: frozenset[int]  # id() of every finite word
    subjunctive: frozenset[int]  # id() of every finite word that looks Konjunktiv
    looked_up: dict[tuple[tuple[int, int], ...], list[Located]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, context: Context) -> DocumentFeatures:
        tokens = context.document.tokens
        inside = [False] * len(tokens)
        for quotation in context.top_quotations:
            for index in context.document.tokens_in(quotation.start, quotation.end):
                inside[index] = True
        finite = [item.word for item in context.words if is_finite(item.word)]
        subjunctive = frozenset(id(word) for word in finite if looks_subjunctive(word))
        return cls(context, tuple(inside), frozenset(map(id, finite)), subjunctive)

    def words(self, mention: Mention | None) -> list[Located]:
        """The words under ``mention``; each mention is looked up once (several groups ask)."""
        if mention is None:
            return []
        key = tuple((span.start, span.end) for span in mention.spans)
        if key not in self.looked_up:
            self.looked_up[key] = [item for start, end in key for item in self.context.words_in(start, end)]
        return self.looked_up[key]

    def cues_in(self, mention: Mention) -> list[Cue]:
        """The cues the rules found inside ``mention``, in text order, each once."""
        found: dict[int, Cue] = {}
        for item in self.words(mention):
            cue = self.context.cue_of(item)
            if cue is not None:
                found.setdefault(id(cue), cue)
        return list(found.values())

    def cue(self, mention: Mention | None) -> Cue | None:
        """The cue the rules found under ``mention`` (its first), or None."""
        for item in self.words(mention):
            found = self.context.cue_of(item)
            if found is not None:
                return found
        return None


def candidate_features(document: DocumentFeatures, candidates: Sequence[Quote]) -> list[Features]:
    """The features of every candidate of one document (``candidates`` in text order)."""
    return [quote_features(document, quote, *_neighbourhood(candidates, i)) for i, quote in enumerate(candidates)]


def quote_features(document: DocumentFeatures, quote: Quote, overlapping: Sequence[Quote], previous: Quote | None) -> Features:
    """The features of one candidate, given the candidates that overlap it and the one before it."""
    features: Features = {}
    for group, values in (
        ("rule", _rule(quote)),
        ("cue", _cue(document, quote)),
        ("mood", _mood(document, quote)),
        ("form", _form(document, quote)),
        ("attribution", _attribution(document, quote)),
        ("context", _context(document, quote, overlapping, previous)),
    ):
        features.update((f"{group}.{name}", value) for name, value in values)
    return features


def _neighbourhood(candidates: Sequence[Quote], index: int) -> tuple[list[Quote], Quote | None]:
    """The candidates overlapping ``candidates[index]``, and the last (in text order) of those that
    end before it starts; ``candidates`` are sorted by start, so later ones start no earlier."""
    quote = candidates[index]
    overlapping = [other for other in candidates[:index] if other.end > quote.start]
    for other in candidates[index + 1 :]:
        if other.start >= quote.end:
            break
        overlapping.append(other)
    previous = next((other for other in reversed(candidates[:index]) if other.end <= quote.start), None)
    return overlapping, previous


def _rule(quote: Quote) -> Iterable[tuple[str, str | float]]:
    yield "name", quote.rule
    yield "type", quote.type
    yield "medium", quote.medium
    yield "type_medium", f"{quote.type}/{quote.medium}"
    yield "confidence", quote.confidence
    yield "nested", float(quote.nested)


def _cue(document: DocumentFeatures, quote: Quote) -> Iterable[tuple[str, str | float]]:
    if quote.cue is None:
        yield "none", 1.0
        return
    cue = document.cue(quote.cue)
    words = document.words(quote.cue)
    head = cue.head if cue else (words[0].word if words else None)
    yield "lemma", cue.lemma if cue else " ".join(item.word.lemma.lower() for item in words)
    yield "kind", cue.kind if cue else "unknown"
    yield "lexicon_medium", cue.medium if cue else "unknown"
    if head is not None:
        yield "upos", head.upos
        yield "tense", head.feat("Tense") or "none"
        yield "inside_quote", float(quote.quote.start <= quote.cue.start < quote.quote.end)
    yield "before_quote", float(quote.cue.start < quote.quote.start)
    yield "distance", math.log1p(min(abs(quote.cue.start - quote.quote.end), abs(quote.quote.start - quote.cue.end)))


def _mood(document: DocumentFeatures, quote: Quote) -> Iterable[tuple[str, str | float]]:
    finite = [item.word for item in document.words(quote.quote) if id(item.word) in document.finite]
    subjunctive = sum(id(word) in document.subjunctive for word in finite)
    yield "finite", math.log1p(len(finite))
    yield "subjunctive", float(subjunctive > 0)
    yield "subjunctive_share", subjunctive / len(finite) if finite else 0.0
    yield "first_finite_tense", (finite[0].feat("Tense") or "none") if finite else "no_finite"
    persons = Counter(word.feat("Person") for word in finite if word.feat("Person"))
    yield "person", persons.most_common(1)[0][0] if persons else "none"


def _form(document: DocumentFeatures, quote: Quote) -> Iterable[tuple[str, str | float]]:
    tokens = quote.quote.tokens
    words = document.words(quote.quote)
    inside = sum(document.quoted[t] for t in tokens if t < len(document.quoted))
    yield "tokens", math.log1p(len(tokens))
    yield "spans", float(len(quote.quote.spans))
    yield "quoted_share", inside / len(tokens) if tokens else 0.0
    yield "opens_with_mark", float(bool(quote.quote.text) and not quote.quote.text[0].isalnum())
    if words:
        yield "first_lemma", words[0].word.lemma.lower() if words[0].word.upos in ("SCONJ", "PRON", "ADP", "PART") else words[0].word.upos
        yield "first_upos", words[0].word.upos
        yield "last_text", words[-1].word.text if words[-1].word.upos == "PUNCT" else "word"
    inner = [cue for cue in document.cues_in(quote.quote)]
    yield "inner_cues", float(len(inner))
    if inner:
        yield "inner_cue", inner[0].lemma
        yield "inner_cue_kind", inner[0].kind
    pronouns = Counter(item.word.feat("Person") for item in words if item.word.upos == "PRON" and item.word.feat("Person"))
    yield "first_person", float(pronouns.get("1", 0) > 0)


def _attribution(document: DocumentFeatures, quote: Quote) -> Iterable[tuple[str, str | float]]:
    yield "speaker", float(quote.speaker is not None)
    yield "addressee", float(quote.addressee is not None)
    yield "frame", float(quote.frame is not None)
    if quote.speaker is not None:
        words = document.words(quote.speaker)
        heads = [item.word.upos for item in words if item.word.upos in ("PROPN", "NOUN", "PRON")]
        yield "speaker_upos", heads[0] if heads else "other"
        nouns = [item.word for item in words if item.word.upos == "NOUN"]
        yield "speaker_noun", nouns[-1].lemma.lower() if nouns else "none"
        yield "speaker_role_noun", float(any(role_noun(word.text) is not None for word in nouns))
        yield "speaker_tokens", math.log1p(len(words))
        yield "speaker_resolved", float(quote.speaker.entity is not None)
        yield "speaker_kind", quote.speaker.kind or "none"
        yield "speaker_inside_quote", float(quote.quote.start <= quote.speaker.start < quote.quote.end)


def _context(document: DocumentFeatures, quote: Quote, overlapping: Sequence[Quote], previous: Quote | None) -> Iterable[tuple[str, str | float]]:
    text = document.context.text
    yield "overlapping", float(len(overlapping))
    yield "overlapping_direct", float(any(other.type == "Direct" for other in overlapping))
    yield "paragraph_start", float(quote.start == 0 or "\n" in text[max(0, quote.start - 3) : quote.start])
    yield "document_position", quote.start / max(1, len(text))
    yield "previous_type", previous.type if previous else "none"
    yield "previous_medium", previous.medium if previous else "none"
    yield "previous_same_speaker", float(
        previous is not None and quote.speaker is not None and previous.speaker is not None
        and previous.speaker.entity is not None and previous.speaker.entity == quote.speaker.entity
    )
    yield "previous_adjacent", float(previous is not None and not text[previous.end : quote.start].strip(" ,.;:\n"))
