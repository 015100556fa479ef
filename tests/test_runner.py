"""The `quotes eval` runner with a fake extractor that returns the gold quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes import corpora
from quotes.cli import main
from quotes.corpora import catalog
from quotes.document import Document
from quotes.errors import QuotesError
from quotes.evaluation import runner

SHARED = catalog.REPOSITORY_ROOT.parent / "shared" / "corpora"
WIKINEWS = SHARED / "wikinews-quotes-2024"
needs_corpora = pytest.mark.skipif(not WIKINEWS.is_dir(), reason=f"corpora not found at {WIKINEWS} (see ../shared/corpora/README.md)")


class FakeParser:
    """Keeps the given tokens, as the real pretokenized parse does; no syntax needed here."""

    model_id = "fake"

    def parse_pretokenized(self, text, sentences, id=None):
        rows = [[{"start": s, "end": e, "words": [{"text": text[s:e]}]} for s, e in sentence] for sentence in sentences]
        return Document.build(text, rows, id=id, model=self.model_id)

    def parse_pretokenized_many(self, items, batch_size=32):
        return [self.parse_pretokenized(*item) for item in items]


class GoldExtractor:
    """Returns the gold quotes of the document (read again from the corpus by id)."""

    model_id = "gold"
    parser = FakeParser()

    def __init__(self, path: Path = WIKINEWS, fail: str | None = None):
        self.gold = {d.id: d for d in corpora.read("wikinews", "dev", path=path)}
        self.fail = fail

    def extract(self, document: Document):
        if document.id == self.fail:
            raise RuntimeError("boom")
        return self.gold[document.id].quotes()


def arguments(tmp_path: Path, **changes) -> dict:
    """The keyword arguments of ``quotes eval --corpus wikinews --split dev --limit 6 --samples 50 -q``."""
    args = dict(corpus="wikinews", split="dev", path=str(WIKINEWS), limit=6, samples=50, quiet=True)
    return args | {"results_file": str(tmp_path / "results.json")} | changes


@needs_corpora
def test_gold_predictions_score_one_and_results_are_recorded(tmp_path, capsys):
    args = arguments(tmp_path, errors=str(tmp_path / "errors.html"), out=str(tmp_path / "out"))
    results = runner.run(**args, factory=GoldExtractor)
    written = json.loads((tmp_path / "results.json").read_text())
    assert written == json.loads(json.dumps(results)) == json.loads((tmp_path / "out" / "wikinews-dev.json").read_text())
    for name in ("messages", "roles", "joint", "form", "stwr"):
        assert written["wikinews"][name] | {"ci": None} == {"p": 1.0, "r": 1.0, "f1": 1.0, "ci": None}
        assert written["wikinews"][name]["ci"]["f1"] == [1.0, 1.0]
    assert written["ours"]["exact"]["quote"]["f1"] == written["ours"]["parts"]["speaker"]["f1"] == 1.0
    for key in ("model", "version", "corpus", "split", "documents", "annotations", "command", "date", "checksum"):
        assert key in written
    assert (written["model"], written["documents"], written["failed"]) == ("gold", 6, [])
    assert written["ours"]["by_type"]["Direct"]["messages"]["ci"]["f1"] == [1.0, 1.0]
    assert "| wikinews messages | 100.0 | 100.0 | 100.0 |" in (tmp_path / "out" / "wikinews-dev.md").read_text()
    assert "wikinews joint" in capsys.readouterr().out
    assert "No errors." in (tmp_path / "errors.html").read_text()


@needs_corpora
def test_a_failing_document_is_reported_and_the_run_goes_on(tmp_path, capsys):
    first = next(iter(corpora.read("wikinews", "dev", path=WIKINEWS, limit=1)))
    results = runner.run(**arguments(tmp_path), factory=lambda: GoldExtractor(fail=first.id))
    assert results["failed"] == [f"{first.id}: RuntimeError: boom"] and results["documents"] == 6
    assert "failed:" in capsys.readouterr().err
    with pytest.raises(QuotesError, match="every document failed; the first: .*boom"):
        runner.run(**arguments(tmp_path, limit=1), factory=lambda: GoldExtractor(fail=first.id))


@needs_corpora
def test_jobs_keep_input_order(tmp_path):
    documents = list(corpora.read("wikinews", "dev", path=WIKINEWS, limit=4))
    serial = runner.predict_all(documents, GoldExtractor, jobs=1, progress=False)
    assert runner.predict_all(documents, GoldExtractor, jobs=2, progress=False) == serial
    assert [len(a) for a, _ in serial] == [len(d.annotations) for d in documents]


@needs_corpora
def test_types_filter_predictions_writing_and_errors(tmp_path):
    def one_quote_short():
        extractor = GoldExtractor()
        extract = extractor.extract
        extractor.extract = lambda document: extract(document)[1:]  # drop the first quote: a false negative
        return extractor

    args = arguments(tmp_path, types="Direct,Indirect", write_predictions=str(tmp_path / "predictions"), errors=str(tmp_path / "errors.html"))
    results = runner.run(**args, factory=one_quote_short)
    assert set(results["ours"]["by_type"]) == {"Direct", "Indirect"} and results["types"] == ["Direct", "Indirect"]
    assert len(list((tmp_path / "predictions").glob("*.json"))) == 6
    page = (tmp_path / "errors.html").read_text()
    assert "false negatives" in page and "<script" not in page
    with pytest.raises(QuotesError, match="unknown quote type 'Direkt'"):
        runner.run(**arguments(tmp_path, types="Direkt"), factory=GoldExtractor)


def test_compare_prints_deltas(tmp_path, capsys):
    def result(f1):
        return {"scores": {"wikinews": {"messages": {"p": f1, "r": f1, "f1": f1}}}}

    (tmp_path / "old.json").write_text(json.dumps(result(0.5)))
    (tmp_path / "new.json").write_text(json.dumps(result(0.625)))
    assert main(["eval", "--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    assert "wikinews.messages.f1                       50.0   62.5   +12.5" in capsys.readouterr().out
    with pytest.raises(QuotesError, match="missing.json: cannot read results"):
        runner.compare_files(str(tmp_path / "missing.json"), str(tmp_path / "missing.json"))


def test_error_browser_escapes_and_groups(tmp_path):
    from quotes.corpora.annotation import Annotation
    from quotes.corpora.base import GoldDocument

    text = "Er sagte: <b>Nein</b>."
    document = GoldDocument("d<1>", text, [[(0, 2), (3, 8), (8, 9), (10, 21), (21, 22)]], [])
    gold = [Annotation("Direct", "Speech", {"quote": (3,), "speaker": (0,)})]
    predicted = [Annotation("Indirect", "Speech", {"quote": (1,)}, rule="verb<x>")]
    page = runner.error_browser([(document, gold, predicted)])
    assert "<b>Nein" not in page and "&lt;b&gt;Nein&lt;/b&gt;" in page and "verb&lt;x&gt;" in page
    assert "Direct – false negatives (1)" in page and "Indirect – false positives (1)" in page


class Oracle:
    """An extractor factory whose predictions are the gold annotations (see ``oracle``)."""

    model_id = "gold"


@pytest.fixture
def oracle(monkeypatch):
    """Predictions are the gold annotations themselves, for any corpus."""
    monkeypatch.setattr(runner, "predict", lambda extractor, gold, document=None: list(gold.annotations))
    return Oracle


def run_gold(oracle, corpus: str, split: str | None, limit: int | None, **options) -> dict:
    return runner.run(corpus, split=split, limit=limit, samples=20, quiet=True, factory=oracle, **options)


@needs_corpora
def test_nothing_is_written_unless_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.run(**arguments(tmp_path, results_file=None, limit=2), factory=GoldExtractor)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(QuotesError, match="--update-results records whole splits"):
        runner.run(**arguments(tmp_path, update_results=True), factory=GoldExtractor)


@needs_corpora
def test_redewiedergabe_reports_tokens_per_type_and_medium(tmp_path, oracle):
    results = run_gold(oracle, "redewiedergabe", None, 8, results_file=str(tmp_path / "r.json"))
    written = json.loads((tmp_path / "r.json").read_text())
    assert written["split"] == "main"
    tokens = written["redewiedergabe"]["tokens"]
    assert set(tokens) == {"direct", "indirect", "reported", "free_indirect"}
    assert all({"p", "r", "f1"} <= tokens[name].keys() for name in tokens)
    assert set(written["redewiedergabe"]["media"]) == {"speech", "thought", "writing"}
    assert tokens["direct"]["f1"] == results["redewiedergabe"]["tokens"]["direct"]["f1"] == 1.0


@needs_corpora
def test_spkatt_per_role_and_folds(tmp_path, capsys, oracle):
    results = run_gold(oracle, "spkatt", "trial", None, k=3)
    assert set(results["spkatt"]) == {"cues", "roles", "joint", "per_role"}
    roles = results["spkatt"]["per_role"]
    assert {"Source", "Addr", "Message", "Topic", "Medium", "Evidence", "PTC"} <= roles.keys()
    assert roles["Source"]["f1"] == results["spkatt"]["joint"]["f1"] == 1.0
    report = results["folds"]
    assert (report["k"], report["trained"], [f["documents"] for f in report["folds"]]) == (3, False, [1, 1, 1])
    assert report["mean"]["spkatt.joint.f1"] == 1.0 and report["std"]["spkatt.joint.f1"] == 0.0
    assert "3 folds spkatt.joint.f1" in capsys.readouterr().out


def test_folds_are_deterministic_and_balanced():
    from quotes.corpora.base import GoldDocument

    documents = [GoldDocument(f"d{n:02d}", "", [], []) for n in (5, 3, 9, 1, 7, 2, 8)]
    assignment = runner.folds(documents, 3)
    assert assignment == runner.folds(list(documents), 3)
    assert sorted(i for fold in assignment for i in fold) == list(range(7))
    assert [len(fold) for fold in assignment] == [3, 2, 2]
    assert {documents[i].id for i in assignment[0]} == {"d01", "d05", "d09"}  # sorted ids 1,2,3,5,7,8,9: 1st, 4th, 7th
    with pytest.raises(QuotesError, match="--folds 1"):
        runner.folds(documents, 1)


@needs_corpora
def test_a_trainer_predicts_each_fold_from_the_other_folds():
    documents = list(corpora.read("wikinews", "dev", path=WIKINEWS, limit=4))
    seen = []

    def train(rest):
        seen.append(sorted(d.id for d in rest))
        return GoldExtractor

    assignment = runner.folds(documents, 2)
    runner.predict_folds(documents, assignment, GoldExtractor, train=train, progress=False)
    for held, rest in zip(assignment, seen):
        assert set(rest) == {d.id for d in documents} - {documents[i].id for i in held}


@needs_corpora
def test_cli_folds_and_json(tmp_path, capsys, oracle):
    target = tmp_path / "r.json"
    assert main(["eval", "--corpus", "spkatt", "--split", "trial", "--folds", "3", "--samples", "10", "-q", "--json", str(target)]) == 0
    written = json.loads(target.read_text())
    assert written["command"].startswith("quotes ") and written["folds"]["k"] == 3
    assert "Source" in written["spkatt"]["per_role"] and "3 folds" in capsys.readouterr().out
