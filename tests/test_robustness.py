"""Hostile input (issue #21): no hang, no traceback, bounded memory, nothing good lost.

One test (or a few) per row of the issue's table; the CLI runs in this process with one shared
parser, so the model loads once.
"""

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

import quotes
from quotes import parsing
from quotes.cli import extract as extract_cli
from quotes.cli import main
from quotes.corpora import catalog
from quotes.errors import CorpusError
from quotes.extractor import Extractor
from quotes import output

from support import FIXTURES, time_limit

GOOD = "„Wir schaffen das“, sagte Merkel. Der Sprecher sagte, die Lage sei ernst."



@pytest.fixture(scope="module")
def shared():
    return Extractor()


@pytest.fixture
def cli(shared, monkeypatch, capsys):
    """``cli(*args)`` → (exit status, stdout, stderr), with the shared parser."""
    monkeypatch.setattr(extract_cli, "Extractor", lambda model=None, cache=None, **options: shared)

    def call(*args):
        status = main(["extract", "-q", *map(str, args)])
        out, err = capsys.readouterr()
        return status, out, err

    return call


def jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records), encoding="utf-8")
    return path


def documents_of(out):
    return [json.loads(line)["document"] for line in out.splitlines()]


# 1 -------------------------------------------------------------------------------------------
def test_1_conllu_cycle_returns_within_seconds(cli):
    with time_limit(20):
        status, out, _ = cli("--input-format", "conllu", FIXTURES / "cycle.conllu")
    assert status == 0 and documents_of(out) == ["cyc"]


# 2 -------------------------------------------------------------------------------------------
def test_2_long_sentence_is_cut_for_the_parser_with_exact_offsets(monkeypatch):
    monkeypatch.setattr(parsing, "MAX_SENTENCE_TOKENS", 20)
    monkeypatch.setattr(parsing, "SUSPECT_WORDS", 10)
    words = "Haus Auto gehen Stadt groß klein heute morgen Regierung Minister Zeitung".split()
    long = " ".join(words[i % len(words)] for i in range(130))
    parser = parsing.Parser()
    with time_limit(240):
        documents = list(parser.parse_many([("long", GOOD + " " + long), ("good", GOOD)]))
    long_doc, good = documents
    assert max(len(s.words) for s in long_doc.sentences) <= 20 + 2  # + contractions split into two words
    assert all(t.text == long_doc.text[t.start : t.end] for t in long_doc.tokens)
    assert len(long_doc.tokens) >= 130
    quotes_of = Extractor().extract
    assert [q.quote.text for q in quotes_of(long_doc)][:2] == [q.quote.text for q in quotes_of(good)]


def test_2_long_text_is_cut_in_pieces_at_spaces(monkeypatch):
    monkeypatch.setattr(parsing, "PIECE_CHARACTERS", 50)
    text = "wort " * 40 + "\n\n" + "satz " * 30
    pieces = list(parsing._pieces(text))
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p and len(p) <= 50 for o, p in pieces)
    assert parsing._may_be_long(text)
    assert not parsing._may_be_long("Er sagte, es regne.")


# 3 -------------------------------------------------------------------------------------------
def test_3_deeply_nested_jsonl_is_one_line_and_neighbours_are_written(cli, tmp_path):
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": GOOD}, "[" * 1000 + "]" * 1000, {"id": "b", "text": GOOD})
    status, out, err = cli("--input-format", "jsonl", path)
    assert status == 1 and "Traceback" not in err
    assert f"{path}:2: malformed JSONL line (nested too deeply)" in err
    assert sorted(set(documents_of(out))) == ["a", "b"]


# 4 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_4_lone_surrogate_is_reported_and_the_rest_written(cli, tmp_path, form):
    path = jsonl(tmp_path / "in.jsonl", '{"id": "bad", "text": "Er sagte: \\ud83d."}', {"id": "b", "text": GOOD})
    out_path = tmp_path / f"out.{form}"
    status, _, err = cli("--input-format", "jsonl", "--format", form, "-o", out_path, path)
    assert status == 1 and "Traceback" not in err and f"{path}:1: lone surrogate" in err
    assert "b," in out_path.read_text(encoding="utf-8") or '"b"' in out_path.read_text(encoding="utf-8")


# 5 -------------------------------------------------------------------------------------------
def test_5_bad_output_targets_are_one_line(cli, tmp_path):
    conllu = FIXTURES / "cycle.conllu"
    for target, status, words in [
        (tmp_path / "missing" / "out.jsonl", 2, "does not exist"),
        (tmp_path, 2, "is a directory"),
        ("/dev/full", 1, "No space left"),
    ]:
        result, _, err = cli("--input-format", "conllu", "-o", target, conllu)
        assert result == status and words in err and len(err.strip().splitlines()) == 1


def test_5_read_only_output_is_one_line(cli, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    target = tmp_path / "out.jsonl"
    target.write_text("")
    target.chmod(0o444)
    status, _, err = cli("--input-format", "conllu", "-o", target, FIXTURES / "cycle.conllu")
    assert status == 2 and "cannot write" in err


# 6 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("option", [["--batch-size", "0"], ["--batch-size", "-1"], ["--jobs", "0"]])
def test_6_batch_size_and_jobs_must_be_at_least_one(capsys, option):
    with pytest.raises(SystemExit) as exit:
        main(["extract", *option])
    assert exit.value.code == 2 and "give 1 or more" in capsys.readouterr().err


# 7 -------------------------------------------------------------------------------------------
def test_7_invalid_utf8_on_stdin_is_one_line(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape"}
    result = subprocess.run([sys.executable, "-m", "quotes", "extract", "-q"], input=b"Er sagte \xff ja.", capture_output=True, env=env, timeout=300)
    assert result.returncode == 1 and b"<stdin>:1: not valid UTF-8" in result.stderr and b"Traceback" not in result.stderr
    result.stdout.decode("utf-8")


# 8 -------------------------------------------------------------------------------------------
def test_8_formula_cells_are_neutralised_in_csv_and_speaker_table(cli, tmp_path):
    path = tmp_path / "inj.txt"
    path.write_text("Der Sprecher sagte, =cmd|' /C calc'!A0 sei die Lösung. Laut =HYPERLINK(\"http://x\") gab es "
                    "keine Verletzten. +Müller sagte, @SUM(A1) stimme.", encoding="utf-8")
    for form in ("csv", "speakers"):
        status, out, _ = cli("--format", form, path)
        assert status == 0
        import csv

        cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        assert any(c.startswith("'=") for c in cells)
    buffer = io.StringIO()
    output.to_csv(output.speakers([]).assign(speaker=[]), buffer)
    assert buffer.getvalue().startswith("document,speaker,")


# 9 -------------------------------------------------------------------------------------------
def fake_archive(monkeypatch):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("repo-abc/data/a.tsv", "x\n")

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(catalog.urllib.request, "urlopen", lambda url, timeout: Response(data.getvalue()))


def test_9_download_never_deletes_what_it_did_not_create(monkeypatch, tmp_path):
    fake_archive(monkeypatch)
    name = next(n for n, c in catalog.CORPORA.items() if c.archive)
    target = tmp_path / "mine"
    target.mkdir()
    (target / "precious.txt").write_text("keep")
    with pytest.raises(CorpusError, match="not empty"):
        catalog.download(name, target)
    assert (target / "precious.txt").read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]
    fresh = tmp_path / "fresh"
    assert (catalog.download(name, fresh) / "data" / "a.tsv").is_file()
    assert (catalog.download(name, fresh) / "data" / "a.tsv").is_file()  # its own download: replaced


# 10, 11 --------------------------------------------------------------------------------------
def spans(found):
    return [(q.type, q.start, q.end, q.speaker and (q.speaker.start, q.speaker.end)) for q in found]


def test_10_byte_order_mark_is_skipped_and_offsets_index_the_text(shared):
    with_mark = shared.extract("\ufeff" + GOOD)
    assert spans(with_mark) == spans(shared.extract(" " + GOOD))
    assert not any(q.quote.text.startswith("\ufeff") for q in with_mark)


def test_11_nul_bytes_are_whitespace_for_the_parser(shared):
    text = "Anna sagte, es regne.\x00\x00Der Sprecher sagte, die Lage sei ernst."
    found = shared.extract(text)
    assert spans(found) == spans(shared.extract(text.replace("\x00", " ")))
    assert not any("\x00" in (q.speaker.text if q.speaker else "") for q in found)


# 12 ------------------------------------------------------------------------------------------
def test_12_hand_made_cache_entries_are_reparsed(tmp_path):
    cache = parsing.ParseCache(tmp_path / "cache")
    extractor = Extractor(cache=cache)
    expected = spans(extractor.extract(GOOD))
    key = parsing.ParseCache.key(extractor.parser.model_id, GOOD)
    entry = json.loads(cache._path(key).read_text(encoding="utf-8"))
    entry["document"]["sentences"][0][0][6] = "2"  # a string head
    cache._path(key).write_text(json.dumps(entry), encoding="utf-8")
    assert spans(extractor.extract(GOOD)) == expected
    cache._path(key).write_text('{"key": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    assert spans(extractor.extract(GOOD)) == expected


def test_12_a_cache_that_cannot_be_written_is_left_alone(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    extractor = Extractor(cache=blocker)
    assert spans(extractor.extract(GOOD)) == spans(Extractor().extract(GOOD))
    assert "cannot write the parse cache" in capsys.readouterr().err


# 13 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, 5, b"Er sagte, es regne."])
def test_13_api_rejects_non_text_before_loading_a_model(monkeypatch, value):
    monkeypatch.setattr(parsing, "resolve_model", lambda *a: pytest.fail("a model was loaded"))
    with pytest.raises(TypeError, match="expected a text"):
        quotes.extract(value)
    with pytest.raises(TypeError, match="expected a text"):
        Extractor().extract(value)


# 14 ------------------------------------------------------------------------------------------
def test_14_csv_header_when_the_first_document_fails(cli, monkeypatch, tmp_path):
    import quotes.extractor as extractor_module

    real = extractor_module.extract_from_document

    def fail_first(document, decisions=None):
        if document.id == "cyc":
            raise RuntimeError("boom")
        return real(document, decisions)

    monkeypatch.setattr(extractor_module, "extract_from_document", fail_first)
    both = tmp_path / "both.conllu"
    text = (FIXTURES / "cycle.conllu").read_text(encoding="utf-8")
    both.write_text(text + text.replace("id = cyc", "id = two"), encoding="utf-8")
    status, out, _ = cli("--input-format", "conllu", "--format", "csv", both)
    assert status == 1 and out.splitlines()[0].startswith("document,id,type")
    assert out.splitlines()[1].startswith("two,")


def test_14_empty_speaker_table_has_its_header(cli, tmp_path):
    path = tmp_path / "none.txt"
    path.write_text("Es regnet.", encoding="utf-8")
    status, out, _ = cli("--format", "speakers", path)
    assert status == 0 and out.splitlines() == ["document,speaker,resolved,kind,gender,roles,mentions,quotes,Direct,Indirect,Reported,FreeIndirect,IndirectFreeIndirect,first"]


# 15 ------------------------------------------------------------------------------------------
def test_15_duplicate_ids_are_reported_and_kept_apart(cli, tmp_path):
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": GOOD}, {"id": "a", "text": GOOD})
    status, out, err = cli("--input-format", "jsonl", "--format", "speakers", path)
    assert status == 0 and "document id 'a' used before" in err
    assert sorted({line.split(",")[0] for line in out.splitlines()[1:]}) == ["a", "a#2"]


@pytest.mark.parametrize("bad", [{"nested": 1}, None, True])
def test_15_ids_must_be_strings_or_numbers(cli, tmp_path, bad):
    path = jsonl(tmp_path / "in.jsonl", {"id": bad, "text": GOOD}, {"id": 7, "text": GOOD})
    status, out, err = cli("--input-format", "jsonl", path)
    assert status == 1 and f'{path}:1: "id" must be a string or a number' in err
    assert set(documents_of(out)) == {"7"}


# 16 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, change, message", [
    (5, lambda cols: cols[:8], "8 tab-separated columns"),
    (5, lambda cols: cols[:6] + ["x"] + cols[7:], "HEAD 'x' is not a number"),
    (5, lambda cols: cols[:6] + ["40"] + cols[7:], "HEAD 40 is beyond the sentence's 13 words"),
])
def test_16_broken_conllu_names_the_line(cli, tmp_path, line, change, message):
    lines = (FIXTURES / "cycle.conllu").read_text(encoding="utf-8").splitlines()
    lines[line - 1] = "\t".join(change(lines[line - 1].split("\t")))
    path = tmp_path / "bad.conllu"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, _, err = cli("--input-format", "conllu", path)
    assert status == 1 and f"{path}:{line}: {message}" in err
    assert len([l for l in err.splitlines() if not l.startswith("  ")]) == 2  # the failure and the summary
