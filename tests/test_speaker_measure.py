"""The speaker measure on hand-made gold rows and predictions (no parsing)."""

from collections import Counter

import pytest

from quotes.corpora.annotation import Annotation
from quotes.evaluation import speakers as measure
from quotes.evaluation.runner import SPEAKER_GOLD

TEXT = "„Wir schaffen das“, sagte Angela Merkel. Die Sprecherin der Stadt erklärte, alles sei gut."


def gold(quote, speaker, entity="", role="", kind="person", gender=""):
    return measure.GoldSpeaker("doc", 0, quote, "Direct", (speaker,), TEXT[speaker[0]:speaker[1]], entity, role, kind, gender)


def predicted(quote, speaker, entity=None, role=None, kind=None, gender=None):
    return measure.PredictedSpeaker((quote,), (speaker,), entity, role, kind, gender)


MERKEL = gold((0, 18), (26, 39), "Angela Merkel", "", "person", "")
SPRECHERIN = gold((76, 89), (41, 66), "", "Sprecherin der Stadt", "anonymous", "female")


def test_a_gold_row_is_found_by_quote_and_speaker_overlap():
    right = predicted((1, 17), (33, 39), "Angela  merkel", None, "person")
    elsewhere = predicted((1, 17), (41, 44))  # the quote overlaps, the speaker does not
    assert measure.match([MERKEL], [elsewhere, right]) == [(MERKEL, right)]
    assert measure.match([MERKEL], [elsewhere]) == [(MERKEL, None)]


def test_entity_and_kind_accuracy_over_found_rows_only():
    counts = measure.document_counts([MERKEL, SPRECHERIN], [predicted((0, 18), (33, 39), "ANGELA MERKEL", kind="person")])
    figures = measure.scores(counts)
    assert figures["found"] == {"rows": 2, "found": 1, "share": 0.5}
    assert figures["entity"]["accuracy"] == 1.0
    assert figures["kind"]["accuracy"] == 1.0


def test_an_empty_gold_entity_must_be_predicted_as_none():
    wrong = measure.scores(measure.document_counts([SPRECHERIN], [predicted((76, 89), (41, 66), "Sprecherin", kind="person")]))
    right = measure.scores(measure.document_counts([SPRECHERIN], [predicted((76, 89), (41, 66), None, kind="anonymous")]))
    assert (wrong["entity"]["accuracy"], wrong["kind"]["accuracy"]) == (0.0, 0.0)
    assert (right["entity"]["accuracy"], right["kind"]["accuracy"]) == (1.0, 1.0)


def test_roles_by_token_overlap_and_exactly():
    counts = measure.document_counts([SPRECHERIN], [predicted((76, 89), (41, 66), role="Sprecherin")])
    figures = measure.scores(counts)
    assert figures["role"]["overlap"]["p"] == 1.0 and figures["role"]["overlap"]["r"] == pytest.approx(1 / 3)
    assert (figures["role"]["exact"]["tp"], figures["role"]["exact"]["fp"], figures["role"]["exact"]["fn"]) == (0, 1, 1)
    exact = measure.scores(measure.document_counts([SPRECHERIN], [predicted((76, 89), (41, 66), role="sprecherin  der Stadt")]))
    assert exact["role"]["exact"]["f1"] == 1.0
    none_predicted = measure.scores(measure.document_counts([MERKEL], [predicted((0, 18), (26, 39))]))
    assert none_predicted["role"]["exact"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}


def test_gender_precision_counts_only_predictions_with_a_gender():
    rows = [SPRECHERIN, MERKEL]
    preds = [predicted((76, 89), (41, 66), gender="female"), predicted((0, 18), (26, 39), gender=None)]
    figures = measure.scores(measure.document_counts(rows, preds))
    assert figures["gender"]["female"]["p"] == 1.0 and figures["gender"]["female"]["r"] == 1.0
    wrong = measure.scores(measure.document_counts(rows, [predicted((76, 89), (41, 66), gender="male"), predicted((0, 18), (26, 39), gender="male")]))
    assert wrong["gender"]["male"]["fp"] == 2 and wrong["gender"]["female"]["fn"] == 1
    assert wrong["gender"]["all"]["p"] == 0.0


def test_counts_add_up_over_documents():
    one = measure.document_counts([MERKEL], [predicted((0, 18), (26, 39), "Angela Merkel", kind="person")])
    two = measure.document_counts([SPRECHERIN], [])
    figures = measure.scores(one + two)
    assert figures["found"]["found"] == 1 and figures["entity"]["accuracy"] == 1.0
    assert set(measure.flat(figures)) >= {"entity.accuracy", "kind.accuracy", "role.exact.f1", "gender.female.p"}


def test_a_predicted_annotation_maps_to_character_spans():
    tokens = [(0, 1), (1, 4), (5, 13), (14, 17), (17, 18), (18, 19), (20, 25), (26, 32), (33, 39)]
    annotation = Annotation("Direct", "Speech", {"quote": (0, 1, 2, 3, 4), "speaker": (7, 8)}, rule="r",
                            speaker_fields={"entity": "Angela Merkel", "kind": "person"})
    found = measure.from_annotation(annotation, tokens)
    assert found.quote == ((0, 18),) and found.speaker == ((26, 39),) and found.entity == "Angela Merkel" and found.rule == "r"


def test_the_gold_files_read_and_their_offsets_are_consistent():
    rows = measure.read_gold(SPEAKER_GOLD / "wikinews-dev.tsv")
    assert sum(map(len, rows.values())) == 610
    kinds = Counter(row.kind for document in rows.values() for row in document)
    assert set(kinds) == {"person", "organisation", "group", "anonymous", "document"}
    assert all(row.speaker and row.quote[0] < row.quote[1] for document in rows.values() for row in document)


def test_quotes_eval_reports_speakers_for_the_documents_the_gold_set_covers(tmp_path):
    from quotes import corpora
    from quotes.corpora import GoldDocument
    from quotes.evaluation.runner import speaker_results, table

    header = "document\tquote_index\tquote_start\tquote_end\ttype\tspeaker_spans\tspeaker_text\tentity\trole_text\trole_spans\tkind\tgender\tgender_evidence_text\tgender_evidence_span\tnote\n"
    row = "doc\t0\t0\t18\tDirect\t26-39\tAngela Merkel\tAngela Merkel\t\t\tperson\t\t\t\t\n"
    (tmp_path / "wikinews-dev.tsv").write_text(header + row, encoding="utf-8")
    tokens = [[(0, 1), (1, 4), (5, 13), (14, 17), (17, 18), (18, 19), (20, 25), (26, 32), (33, 39), (39, 40)]]
    documents = [GoldDocument("doc", TEXT, tokens, []), GoldDocument("other", TEXT, tokens, [])]
    prediction = Annotation("Direct", "Speech", {"quote": (0, 1, 2, 3, 4), "speaker": (7, 8)},
                            speaker_fields={"entity": "Angela Merkel", "kind": "person", "gender": None, "role": None})
    figures = speaker_results(corpora.corpus("wikinews"), "dev", documents, [[prediction], [prediction]], samples=20, gold_directory=tmp_path)
    assert figures["documents"] == 1 and figures["entity"]["accuracy"] == 1.0 and figures["kind"]["accuracy"] == 1.0
    assert speaker_results(corpora.corpus("wikinews"), "train", documents, [[], []], gold_directory=tmp_path) is None
    shown = table({"corpus": "wikinews", "split": "dev", "documents": 2, "annotations": 0, "predicted": 2, "model": "m", "speakers": figures})
    assert "speakers entity accuracy" in shown and "speakers role exact" in shown
