"""Corpus readers and writers on the development copies in ../shared/corpora, and on broken files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotes import corpora
from quotes.corpora import catalog, jsonl, spkatt, wikinews
from quotes.corpora.base import ReadReport
from quotes.errors import CorpusError
from quotes.evaluation import runner

SHARED = catalog.REPOSITORY_ROOT.parent / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not SHARED.is_dir(), reason=f"corpora not found at {SHARED} (see ../shared/corpora/README.md)")

SAMPLES = [("wikinews", "dev"), ("spkatt", "trial"), ("redewiedergabe", "main")]


def sample(name: str, split: str, limit: int = 5) -> list[corpora.GoldDocument]:
    return list(corpora.read(name, split, path=SHARED / catalog.corpus(name).folder, limit=limit))


@needs_corpora
@pytest.mark.parametrize("name, split", SAMPLES)
def test_tokens_match_the_text_and_gold_scores_one(name, split):
    documents = sample(name, split)
    for document in documents:
        for start, end in document.tokens:
            assert 0 <= start < end <= len(document.text) and document.text[start:end].strip()
    assert_gold_scores_one(catalog.corpus(name), documents)


def assert_gold_scores_one(entry, documents) -> None:
    """Gold as prediction scores 1.0 in every figure that has gold (a part or label nobody
    annotated scores 0, having nothing to find)."""
    golds = [d.annotations for d in documents]
    figures = runner.flat_results(runner.score(entry, golds, golds, samples=0))
    assert figures["wikinews.messages.f1"] == 1.0
    for name, value in figures.items():
        assert value == 1.0 or all(figures[name.rsplit(".", 1)[0] + key] == 0 for key in (".p", ".r")), name


@needs_corpora
@pytest.mark.parametrize(
    "name, split, documents, annotations",
    [("wikinews", "dev", 150, 653), ("spkatt", "trial", 3, 88)],
)
def test_counts_of_a_split(name, split, documents, annotations):
    report = ReadReport()
    read = list(corpora.read(name, split, path=SHARED / catalog.corpus(name).folder, report=report))
    assert (len(read), report.documents, report.annotations, report.errors) == (documents, documents, annotations, [])


@needs_corpora
@pytest.mark.slow
def test_whole_corpora_read_and_score_one():
    expected = {("wikinews", "train"): (700, 2877), ("spkatt", "train"): (177, 5399), ("redewiedergabe", "main"): (674, 9539)}
    for (name, split), counts in expected.items():
        report = ReadReport()
        entry = catalog.corpus(name)
        documents = list(corpora.read(name, split, path=SHARED / entry.folder, report=report))
        assert (report.documents, report.annotations) == counts
        assert_gold_scores_one(entry, documents)


@needs_corpora
def test_wikinews_writer_reproduces_the_gold_annotations(tmp_path):
    for document in sample("wikinews", "dev", 10):
        written = wikinews.write(document, document.annotations, tmp_path)
        assert written.name == document.path.name
        again = wikinews.read_file(written)
        assert again.annotations == document.annotations and again.text == document.text
        original = [{k: v for k, v in a.items() if k != "hasNested"} for a in document.native["annotations"]]
        ours = [{k: v for k, v in a.items() if k != "hasNested"} for a in json.loads(written.read_text())["annotations"]]
        assert ours == original


@needs_corpora
def test_spkatt_round_trip(tmp_path):
    for document in sample("spkatt", "trial"):
        written = spkatt.write(document, document.annotations, tmp_path / "task1")
        as_sets = [{label: set(ids) for label, ids in event.items()} for event in json.loads(written.read_text())["Annotations"]]
        assert as_sets == [{label: set(ids) for label, ids in event.items()} for event in document.native["Annotations"]]
        assert spkatt.read_file(written).annotations == document.annotations


@needs_corpora
@pytest.mark.parametrize("name, split", SAMPLES)
def test_jsonl_round_trip(tmp_path, name, split):
    documents = [d for d in sample(name, split) if len(d.quotes()) == len(d.annotations)]
    for document in documents:
        for quote in document.quotes():
            assert quote.quote.text.replace(" … ", "") and quote.document == document.id
    path = jsonl.write([(d, d.annotations) for d in documents], tmp_path / "gold.jsonl")
    again = list(jsonl.read(path, strict=True))
    assert [plain(d) for d in again] == [plain(d) for d in documents]
    assert [d.sentences for d in again] == [d.sentences for d in documents]


def plain(document: corpora.GoldDocument) -> list:
    """The annotations without empty parts (readers differ in which empty parts they list)."""
    return [(a.type, a.medium, a.nested, a.id, {k: v for k, v in a.parts.items() if v}) for a in document.annotations]


def test_jsonl_without_tokens_uses_its_own_tokenization(tmp_path):
    text = "Er sagte: „Wir schaffen das.“ Dann ging er."
    line = {"id": "a", "text": text, "quotes": [{"type": "Direct", "medium": "Speech", "quote": {"spans": [{"start": 11, "end": 28}]}, "speaker": {"spans": [{"start": 0, "end": 2}]}}]}
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (document,) = jsonl.read(path, strict=True)
    assert not document.pretokenized
    tokens = document.tokens
    assert [text[tokens[i][0]:tokens[i][1]] for i in document.annotations[0].parts["quote"]] == ["Wir", "schaffen", "das", "."]
    assert document.annotations[0].parts["speaker"] == (0,)


# --- malformed files ------------------------------------------------------------------------

def wikinews_copy(tmp_path: Path) -> Path:
    files = sorted((SHARED / "wikinews-quotes-2024" / "data" / "dev").glob("*.json"))
    source = next(f for f in files if json.loads(f.read_text(encoding="utf-8"))["annotations"])
    target = tmp_path / "data" / "dev"
    target.mkdir(parents=True)
    shutil.copy(source, target / source.name)
    return target / source.name


def break_file(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@needs_corpora
@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["annotations"][0]["quote"]["tokenIds"].append(99999), "token id 99999 out of range"),
        (lambda d: d["tokens"][3].update(charBegin=d["tokens"][3]["charBegin"] + 1), "token 3 .* does not match the text"),
        (lambda d: d["annotations"][0].update(type="Quote"), "unknown quote type 'Quote'"),
        (lambda d: d.pop("tokens"), "missing or malformed field 'tokens'"),
    ],
)
def test_malformed_wikinews_is_skipped_or_rejected(tmp_path, capsys, change, message):
    path = wikinews_copy(tmp_path)
    break_file(path, change)
    report = ReadReport()
    assert list(corpora.read("wikinews", "dev", path=tmp_path, report=report)) == []
    assert report.documents == 0 and len(report.errors) == 1 and str(path) in report.errors[0]
    assert "skipped" in capsys.readouterr().err
    with pytest.raises(CorpusError, match=message):
        list(corpora.read("wikinews", "dev", path=tmp_path, strict=True))


@needs_corpora
def test_bad_json_names_file_and_line(tmp_path):
    path = wikinews_copy(tmp_path)
    path.write_text('{"annotations": [\n  {"id": 0,,}\n]}', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"\.pretty\.json:2:12: invalid JSON"):
        list(corpora.read("wikinews", "dev", path=tmp_path, strict=True))


def test_malformed_spkatt_and_jsonl(tmp_path):
    speech = tmp_path / "data" / "trial" / "task1" / "speech.json"
    speech.parent.mkdir(parents=True)
    events = [{"Cue": ["0:1"], "Source": ["0:7"]}]
    speech.write_text(json.dumps({"Sentences": [{"SentenceId": 0, "Tokens": ["Ich", "sage"]}], "Annotations": events}))
    with pytest.raises(CorpusError, match="token id '0:7' out of range"):
        list(corpora.read("spkatt", "trial", path=tmp_path, strict=True))
    lines = tmp_path / "own.jsonl"
    lines.write_text('{"id": "a", "text": "kurz", "quotes": [{"type": "Direct", "medium": "Speech", "quote": {"spans": [{"start": 0, "end": 9}]}}]}\nnot json\n')
    report = ReadReport()
    assert list(corpora.read("jsonl", "dev", path=lines, report=report)) == []
    assert len(report.errors) == 2 and "own.jsonl:1: quote 0" in report.errors[0] and "own.jsonl:2:" in report.errors[1]


def test_catalog_errors_are_one_line(tmp_path, monkeypatch):
    with pytest.raises(CorpusError, match="unknown corpus 'wikipedia'; known: wikinews"):
        catalog.corpus("wikipedia")
    with pytest.raises(CorpusError, match="corpus wikinews has no split 'val'"):
        catalog.locate("wikinews", "val")
    with pytest.raises(CorpusError, match="split test of corpus wikinews not found .*quotes corpora download wikinews"):
        catalog.locate("wikinews", "test", path=tmp_path)
    monkeypatch.setenv("QUOTES_CORPORA_DIR", str(tmp_path))
    (tmp_path / "wikinews-quotes-2024" / "data" / "test").mkdir(parents=True)
    assert catalog.locate("wikinews", "test") == tmp_path / "wikinews-quotes-2024" / "data" / "test"


def test_download_failure_is_one_line(tmp_path, monkeypatch):
    def offline(*args, **kwargs):
        raise OSError("network unreachable")

    monkeypatch.setattr(catalog.urllib.request, "urlopen", offline)
    with pytest.raises(CorpusError, match=r"^could not download spkatt from https://github.com/umanlp/SpkAtt-2023/archive/.*: network unreachable$"):
        catalog.download("spkatt", tmp_path / "spkatt")
    assert not (tmp_path / "spkatt").exists()


@needs_corpora
def test_checksums_of_the_development_snapshot():
    for name, split in [("wikinews", "dev"), ("spkatt", "trial")]:
        entry = catalog.corpus(name)
        assert catalog.checksum(catalog.locate(name, split, SHARED / entry.folder)) == entry.checksums[split]
