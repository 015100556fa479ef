"""Per-label SpkAtt scores on hand-computed cases, and their agreement with the pooled figures."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from support import SHARED_CORPORA

from quotes import corpora
from quotes.evaluation import metrics as m
from quotes.evaluation import spkatt
from quotes.corpora.annotation import UNLABELLED, Annotation


def event(**parts) -> Annotation:
    return Annotation(UNLABELLED, UNLABELLED, {name: tuple(tokens) for name, tokens in parts.items()})


def per_label(gold, predicted):
    return {part: (prf.p, prf.r) for part, prf in spkatt.scores(spkatt.document_counts(gold, predicted)).items()}


def test_aligned_event_scores_each_label_on_its_tokens():
    gold = [event(cue=[5], ptc=[12], speaker=[0, 1], quote=range(6, 10))]
    predicted = [event(cue=[5], speaker=[1], quote=range(6, 11), addressee=[3])]
    scores = per_label(gold, predicted)
    assert scores["cue"] == (1.0, 1.0)
    assert scores["ptc"] == (0.0, 0.0)  # missed: one FN
    assert scores["speaker"] == (1.0, 0.5)
    assert scores["quote"] == (0.8, 1.0)
    assert scores["addressee"] == (0.0, 0.0)  # spurious: one FP
    assert scores["topic"] == (0.0, 0.0)  # nothing either side


def test_roles_of_unaligned_events_are_errors_even_on_the_right_tokens():
    scores = per_label([event(cue=[5], speaker=[0])], [event(cue=[7], speaker=[0])])
    assert scores["cue"] == scores["speaker"] == (0.0, 0.0)


def test_two_events_align_by_their_cues():
    gold = [event(cue=[2], speaker=[0]), event(cue=[8], speaker=[6])]
    predicted = [event(cue=[8], speaker=[6]), event(cue=[2], speaker=[6])]
    scores = per_label(gold, predicted)
    assert scores["cue"] == (1.0, 1.0)
    assert scores["speaker"] == (0.5, 0.5)


def _perturb(events: list[Annotation]) -> list[Annotation]:
    """Drop every fourth event, the speaker of every third, move every fifth cue one token on."""
    result = []
    for index, a in enumerate(events):
        if index % 4 == 3:
            continue
        parts = dict(a.parts)
        if index % 3 == 0:
            parts["speaker"] = ()
        if index % 5 == 0:
            parts["cue"] = tuple(t + 1 for t in parts["cue"])
        result.append(dataclasses.replace(a, parts=parts))
    return result


@pytest.mark.skipif(not (SHARED_CORPORA / "spkatt2023-gepade").is_dir(), reason="SpkAtt corpus not found in ../shared")
def test_labels_add_up_to_the_pooled_figures_on_the_corpus():
    documents = list(corpora.read("spkatt", "train", limit=10))
    labels, pooled = Counter(), Counter()
    for d in documents:
        labels += spkatt.document_counts(d.annotations, _perturb(d.annotations))
        pooled += m.spkatt_counts(d.annotations, _perturb(d.annotations))
    for group, parts in m.SPKATT_GROUPS.items():
        for key in ("tp", "fp", "fn"):
            assert sum(labels[f"spkatt.{part}.{key}"] for part in parts) == pooled[f"{group}.{key}"]
    identity = Counter()
    for d in documents:
        identity += spkatt.document_counts(d.annotations, d.annotations)
    for part, prf in spkatt.scores(identity).items():
        assert (prf.p, prf.r) == ((1.0, 1.0) if identity[f"spkatt.{part}.tp"] else (0.0, 0.0))
