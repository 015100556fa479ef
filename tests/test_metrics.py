"""The evaluation metrics on hand-computed toy documents."""

from __future__ import annotations

import pytest

from quotes.corpora.annotation import UNLABELLED, Annotation
from quotes.corpora import catalog
from quotes.evaluation import metrics as m
from quotes.evaluation import runner
from quotes.evaluation import wikinews as official


def quote(tokens, type="Direct", medium="Speech", nested=False, **roles) -> Annotation:
    """An annotation with quote tokens ``tokens`` and roles given as token iterables."""
    parts = {"quote": tuple(tokens), **{name: tuple(value) for name, value in roles.items()}}
    return Annotation(type, medium, parts, nested=nested)


def wikinews(gold, predicted):
    """The official WIKINEWS figures, and ours per part as ``part.<name>``."""
    counts = official.document_counts(gold, predicted)
    parts = {f"part.{name}": prf for name, prf in official.part_scores(counts).items()}
    return {name: prf.to_dict() for name, prf in (official.scores(counts) | parts).items()}


def close(score: dict, p: float, r: float) -> None:
    assert score["p"] == pytest.approx(p)
    assert score["r"] == pytest.approx(r)
    assert score["f1"] == pytest.approx(m.harmonic_mean(p, r))


def test_partial_overlap_counts_tokens_per_part():
    gold = [quote(range(10), cue=[10], speaker=[11, 12])]
    predicted = [quote(range(8), cue=[10], speaker=[12])]
    scores = wikinews(gold, predicted)
    close(scores["messages"], 1.0, 0.8)
    close(scores["roles"], 1.0, (1 + 0.5) / 2)  # cue recall 1, speaker 0.5: averaged per part
    close(scores["joint"], 1.0, (0.8 + 1 + 0.5) / 3)
    close(scores["form"], 1.0, 1.0)
    close(scores["part.speaker"], 1.0, 0.5)


def test_zero_overlap_pair_stays_paired():
    scores = wikinews([quote([0, 1, 2], medium="Writing")], [quote([5, 6])])
    close(scores["messages"], 0.0, 0.0)
    close(scores["form"], 1.0, 1.0)  # paired: the types are compared
    close(scores["stwr"], 0.0, 0.0)


def test_missing_prediction_and_missing_part():
    gold = [quote(range(4), cue=[5]), quote(range(10, 14), type="Indirect", speaker=[14])]
    predicted = [quote(range(4))]
    scores = wikinews(gold, predicted)
    close(scores["messages"], 1.0, 0.5)  # the unpaired gold quote adds recall 0, no precision
    close(scores["roles"], 0.0, 0.0)  # no roles predicted: no precision defined, recall 0 twice
    close(scores["joint"], 1.0, (1 + 0 + 0 + 0) / 4)  # recall of quote, cue | quote, speaker
    close(scores["form"], 1.0, 0.5)


def test_spurious_prediction_adds_precision_zero():
    scores = wikinews([quote(range(4))], [quote(range(4)), quote(range(20, 25))])
    close(scores["messages"], 0.5, 1.0)
    close(scores["form"], 0.5, 1.0)


def test_nested_quotes_pair_with_their_own_prediction():
    outer = quote(range(10), type="Indirect", cue=[11])
    inner = quote(range(3, 6), nested=True)
    # predictions in another order: the assignment, not the order, decides
    scores = wikinews([outer, inner], [quote(range(3, 6), nested=True), quote(range(10), type="Indirect", cue=[11])])
    assert all(scores[name]["f1"] == 1.0 for name in ("messages", "roles", "joint", "form", "stwr"))
    only_outer = wikinews([outer, inner], [quote(range(10), type="Indirect", cue=[11])])
    close(only_outer["messages"], 1.0, 0.5)


def test_type_and_medium_break_ties():
    gold = [quote(range(4), type="Direct"), quote(range(4), type="Indirect")]
    pairs = official.pair_quotes(gold, [quote(range(4), type="Indirect")])
    assert pairs[0][0].type == pairs[0][1].type == "Indirect"
    gold = [quote(range(4), medium="Speech"), quote(range(4), medium="Writing")]
    pairs = official.pair_quotes(gold, [quote(range(4), medium="Writing")])
    assert pairs[0][0].medium == "Writing"


@pytest.mark.parametrize("gold", [[], [quote(range(4), cue=[5])]])
def test_no_predictions_give_zeros(gold):
    figures = runner.flat_results(runner.score(catalog.corpus("spkatt"), [gold], [[]], samples=0))
    assert figures and set(figures.values()) == {0.0}


def test_unknown_label_is_an_error():
    with pytest.raises(ValueError, match="unknown quote type 'Quote'"):
        Annotation("Quote", "Speech")
    with pytest.raises(ValueError, match="unknown medium 'Radio'"):
        Annotation("Direct", "Radio")
    with pytest.raises(ValueError, match="unknown quote type 'Dirct'"):
        m.filter_types([], ["Dirct"])


def test_filter_types_restricts_gold_and_predictions():
    gold = [quote(range(4)), quote(range(5, 9), type="Indirect")]
    assert m.filter_types(gold, ["Direct"]) == gold[:1]
    assert m.filter_types(gold, None) == gold
    by_type = runner.score(catalog.corpus("wikinews"), [gold], [gold[:1]], samples=0)["ours"]["by_type"]
    close(by_type["Direct"]["messages"], 1.0, 1.0)
    close(by_type["Indirect"]["messages"], 0.0, 0.0)


def test_gold_as_prediction_scores_one_everywhere():
    gold = [
        quote(range(10), type="Indirect", medium="SW", cue=[11], frame=[10, 11], speaker=[12], addressee=[13]),
        quote(range(3, 6), nested=True),
        quote(range(20, 30), type="Reported", medium="none", cue=[30], speaker=[31]),
    ]
    results = runner.score(catalog.corpus("wikinews"), [gold], [gold], samples=0)
    del results["ours"]["by_type"]  # a type's quotes without roles have no Roles score
    assert set(runner.flat_results(results).values()) == {1.0}


def spkatt_event(cue, **roles) -> Annotation:
    return Annotation(UNLABELLED, UNLABELLED, {"cue": tuple(cue), **{k: tuple(v) for k, v in roles.items()}})


def test_spkatt_aligned_event_counts_tokens():
    gold = [spkatt_event([3], ptc=[8], speaker=[0, 1, 2], quote=range(4, 8))]
    predicted = [spkatt_event([3], speaker=[0], quote=range(4, 8), addressee=[9])]
    scores = {k: v.to_dict() for k, v in m.spkatt_scores(m.spkatt_counts(gold, predicted)).items()}
    close(scores["cues"], 1.0, 0.5)  # the particle is scored with the cue
    close(scores["roles"], 5 / 6, 5 / 7)
    close(scores["joint"], 6 / 7, 6 / 9)


def test_spkatt_unaligned_cues_count_all_tokens():
    gold = [spkatt_event([3], quote=[4, 5])]
    predicted = [spkatt_event([20], quote=[4, 5])]  # same message, but the cues do not overlap
    scores = {k: v.to_dict() for k, v in m.spkatt_scores(m.spkatt_counts(gold, predicted)).items()}
    close(scores["joint"], 0.0, 0.0)


def test_spkatt_alignment_maximises_true_positives():
    gold = [spkatt_event([3, 4], quote=[10, 11])]
    predicted = [spkatt_event([3]), spkatt_event([4], quote=[10, 11])]
    counts = m.spkatt_counts(gold, predicted)
    assert (counts["joint.tp"], counts["joint.fp"], counts["joint.fn"]) == (3, 1, 1)


def test_exact_and_overlap_matching():
    gold = [quote(range(10), speaker=[11])]
    predicted = [quote(range(6), speaker=[11])]
    exact = m.span_scores(m.span_counts(gold, predicted, "exact"), "exact")
    overlap = m.span_scores(m.span_counts(gold, predicted, "overlap"), "overlap")
    assert exact["quote"].f1 == 0 and exact["speaker"].f1 == 0  # a role counts only for a matched quote
    assert overlap["quote"].f1 == 1 and overlap["speaker"].f1 == 1
    below = m.span_counts(gold, [quote(range(4))], "overlap")
    assert below["overlap.quote.tp"] == 0


def test_bootstrap_is_reproducible_and_brackets_the_estimate():
    documents = [official.document_counts([quote(range(4))], [quote(range(n))]) for n in (1, 2, 3, 4, 4, 4)]

    def score(counts):
        return {"recall": official.scores(counts)["messages"].r}

    first = m.bootstrap(documents, score, samples=200, seed=1)
    assert first == m.bootstrap(documents, score, samples=200, seed=1)
    low, high = first["recall"]
    total = sum(documents, m.Counts())
    assert low <= score(total)["recall"] <= high
    assert m.bootstrap([], score) == {}
