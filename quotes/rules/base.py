"""What every rule shares: the finding type, the one quote builder, named confidences, the registry.

A rule is a function decorated with :func:`rule`: it looks at the document and returns a
:class:`Finding` or None. The registry names the quote after the function, so a quote's
``rule`` is always the ``__name__`` of a function under :mod:`quotes.rules` (``RULES`` lists
them, with one German example each; ``quotes/rules/README.md`` is generated from it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Callable, Sequence, TypeVar

from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.cues import Cue
from ..german.words import SENTENCE_PUNCTUATION
from ..quote import Mention, Quote, Span, Speaker

# Confidences: how far each pattern is trusted, hand-set from what the rules got right on
# WIKINEWS train; an order between rules, not a calibrated probability.
FRAMED = 0.9  # a direct quote framed by a cue verb or "so X"
CLAUSE = 0.8  # a cue's complement clause or parenthetical frame; a dash attribution
SOURCE = 0.75  # "laut X", "X zufolge", a "wie" clause, a verbless colon frame
ANAPHORIC = 0.7  # "Dies bestätigte X"; a quoted phrase inside a cue's clause; "laut" + one word
NOUN_CUE = 0.65  # a cue noun ("die Forderung, …")
SPEECH_ACT = 0.6  # a Reported speech act; a quote continuing the last speaker; "als „…“"
CONTINUATION = 0.55  # a Konjunktiv or reportive "sollen" sentence continuing a speaker
WEAK = 0.5  # quoted words in a clause; a stated intention
UNATTRIBUTED = 0.4  # a quoted sentence no frame attributes
SECOND_SOURCE = 0.8  # factor for the medium's copy of a doubly attributed quote


@dataclass(frozen=True)
class Finding:
    """What a rule found: the message's words (Direct quotes take theirs from the quotation
    marks), attribution, type and how far the rule is trusted. ``rule`` is filled in by the
    registry with the name of the rule that returned it."""

    rule: str = ""
    type: str = "Direct"
    message: Sequence[Located] = ()
    cue: Cue | None = None
    frame: Sequence[Located] = ()
    speaker: Sequence[Located] = ()
    confidence: float = FRAMED
    medium: str | None = None  # when the rule knows it better than the cue's lexicon entry
    whole_sentence: bool = False  # keep the final punctuation, as the corpus does for these types
    act: Cue | None = None  # the verb of a Reported speech act, which the corpus does not mark as cue


@dataclass(frozen=True)
class RuleInfo:
    """A registered rule: its name (the quotes' ``rule``), family (module) and an example."""

    name: str
    family: str
    example: str
    summary: str


RULES: dict[str, RuleInfo] = {}
"""Every rule, by name, in the order they were defined."""

RuleFunction = TypeVar("RuleFunction", bound=Callable[..., "Finding | None"])


def rule(example: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule with one German ``example``; its findings are named after the function."""

    def register(function: RuleFunction) -> RuleFunction:
        name = function.__name__
        summary = " ".join((function.__doc__ or "").split())
        summary = summary.split(". ")[0].rstrip(".") + "."  # the first sentence
        RULES[name] = RuleInfo(name, function.__module__.rsplit(".", 1)[-1], example, summary)

        @functools.wraps(function)
        def named(*args, **kwargs):  # type: ignore[no-untyped-def]
            found = function(*args, **kwargs)
            return replace(found, rule=name) if found is not None and not found.rule else found

        return named  # type: ignore[return-value]

    return register


def located(sentence: Sentence, words: Sequence[Word]) -> list[Located]:
    return [Located(sentence, w) for w in words]


def trim(items: list[Located]) -> list[Located]:
    while items and items[-1].word.text in SENTENCE_PUNCTUATION | {",", "–", "-"}:
        items.pop()
    while items and items[0].word.text in {",", "–", "-", ":"}:
        items.pop(0)
    return items


def sentence_items(sentence: Sentence) -> list[Located]:
    return located(sentence, sentence.words)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def message_spans(context: Context, finding: Finding) -> tuple[Span, ...]:
    """The spans of a finding's message words, trimmed of the punctuation the corpus leaves out."""
    if finding.whole_sentence:
        return context.spans(finding.message, frozenset({",", ":"}), frozenset({",", ":", ";"}))
    return context.spans(finding.message, frozenset({",", ":", "–", "-"}), frozenset({",", ":", ";", ".", "–", "-"}))


def build(context: Context, finding: Finding, spans: Sequence[Span]) -> Quote | None:
    """The quote of a finding whose message covers ``spans`` (None without any)."""
    if not spans:
        return None
    cue = context.mention(located(finding.cue.sentence, finding.cue.marked_words())) if finding.cue is not None else None
    speaker = context.mention(finding.speaker)
    return Quote(
        type=finding.type,
        medium=finding.medium or (finding.cue.medium if finding.cue is not None else "Speech"),
        quote=Mention(tuple(spans)),
        cue=cue,
        frame=context.frame(finding.frame) if finding.frame else None,
        speaker=Speaker(speaker.spans) if speaker is not None else None,
        rule=finding.rule,
        confidence=finding.confidence,
    )
