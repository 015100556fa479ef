"""The Redewiedergabe token-level measure on hand-computed cases and on the corpus."""

from __future__ import annotations

from collections import Counter

import pytest
from support import SHARED_CORPORA

from quotes import corpora
from quotes.evaluation import redewiedergabe as rw
from quotes.corpora.annotation import Annotation


def span(tokens, type="Direct", medium="Speech") -> Annotation:
    return Annotation(type, medium, {"quote": tuple(tokens)})


def prf(gold, predicted, label):
    score = rw.scores(rw.document_counts(gold, predicted))[label]
    return score.p, score.r


def test_nested_spans_count_for_each_type():
    gold = [span(range(0, 10), "Reported"), span(range(3, 6), "Direct")]
    predicted = [span(range(2, 6), "Direct"), span(range(5, 12), "Reported", "Writing")]
    assert prf(gold, predicted, "direct") == (3 / 4, 1.0)
    assert prf(gold, predicted, "reported") == (5 / 7, 5 / 10)
    assert prf(gold, predicted, "speech") == (4 / 4, 4 / 10)  # the reported gold is speech too
    assert prf(gold, predicted, "writing") == (0.0, 0.0)
    assert prf(gold, predicted, "direct.speech") == (3 / 4, 1.0)


def test_overlapping_spans_of_one_type_count_a_token_once():
    gold = [span(range(0, 6), "Indirect"), span(range(4, 8), "Indirect")]
    predicted = [span(range(2, 10), "Indirect")]
    assert prf(gold, predicted, "indirect") == (6 / 8, 6 / 8)


def test_ambiguous_labels_count_for_each_alternative():
    gold = [span(range(4), "IndirectFreeIndirect", "ST")]
    predicted = [span(range(2), "FreeIndirect", "Thought"), span(range(2, 4), "Indirect", "Speech")]
    assert prf(gold, predicted, "free_indirect") == (1.0, 0.5)
    assert prf(gold, predicted, "indirect") == (1.0, 0.5)
    assert prf(gold, predicted, "speech") == (1.0, 0.5)
    assert prf(gold, predicted, "thought") == (1.0, 0.5)
    assert prf(gold, predicted, "indirect.thought") == (0.0, 0.0)  # its predicted tokens are speech


def test_unlabelled_medium_has_no_medium():
    assert rw.labels(span([1], "Reported", "none")) == {"reported"}


@pytest.mark.skipif(not (SHARED_CORPORA / "redewiedergabe").is_dir(), reason="Redewiedergabe corpus not found in ../shared")
def test_gold_as_prediction_scores_one_on_the_corpus():
    counts = sum((rw.document_counts(d.annotations, d.annotations) for d in corpora.read("redewiedergabe", "main", limit=40)),
                 start=Counter())
    scores = rw.scores(counts)
    for label in rw.FIGURES:
        if counts[f"{label}.fn"] + counts[f"{label}.tp"]:
            assert (scores[label].p, scores[label].r) == (1.0, 1.0), label
    assert all(counts[f"{t}.tp"] for t in rw.STWR_TYPES)
