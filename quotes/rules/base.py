"""What every rule shares: the finding type, the quote builder, the helpers that turn sentences into located words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.cues import Cue
from ..german.words import SENTENCE_PUNCTUATION
from ..quote import Mention, Quote, Speaker


@dataclass(frozen=True)
class Finding:
    """A message found by a rule: its words, attribution and type."""

    rule: str
    type: str
    message: Sequence[Located]
    cue: Cue | None = None
    frame: Sequence[Located] = ()
    speaker: Sequence[Located] = ()
    confidence: float = 0.8
    whole_sentence: bool = False  # keep the final punctuation, as the corpus does for these types
    act: Cue | None = None  # the verb of a Reported speech act, which the corpus does not mark as cue


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


def build(context: Context, finding: Finding) -> Quote | None:
    items = finding.message
    if finding.whole_sentence:
        spans = context.spans(items, frozenset({",", ":"}), frozenset({",", ":", ";"}))
    else:
        spans = context.spans(items, frozenset({",", ":", "–", "-"}), frozenset({",", ":", ";", ".", "–", "-"}))
    if not spans:
        return None
    cue = context.mention(located(finding.cue.sentence, finding.cue.marked_words())) if finding.cue is not None else None
    speaker = context.mention(finding.speaker)
    return Quote(
        type=finding.type,
        medium=finding.cue.medium if finding.cue is not None else "Speech",
        quote=Mention(spans),
        cue=cue,
        frame=context.frame(finding.frame) if finding.frame else None,
        speaker=Speaker(speaker.spans) if speaker is not None else None,
        rule=finding.rule,
        confidence=finding.confidence,
    )
