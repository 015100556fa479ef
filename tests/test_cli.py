"""The command line as a user runs it: subprocesses, real files, bad inputs."""

import json
import subprocess
import sys

from support import FIXTURES


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "quotes", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_conllu_input_gives_jsonl_with_exact_offsets():
    result = run("extract", "--input-format", "conllu", str(FIXTURES / "direct.conllu"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    first = records[0]
    assert set(first) == {"document", "id", "type", "medium", "quote", "cue", "frame", "speaker", "addressee", "rule", "confidence"}
    assert first["document"] == "post_frame"
    assert first["quote"] == {"text": "„Wir schaffen das“", "spans": [{"start": 0, "end": 18}]}
    assert first["speaker"]["text"] == "Merkel" and first["cue"]["text"] == "sagte"
    assert {r["document"] for r in records} == {"post_frame", "colon_frame", "interrupted", "so_frame"}


def test_html_and_speaker_table(tmp_path):
    page = tmp_path / "quotes.html"
    result = run("extract", "--input-format", "conllu", "--format", "html", "-o", str(page), str(FIXTURES / "direct.conllu"))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "class='quote'" in html and "rule direct_post_frame" in html
    assert "entity: Merkel" in html  # entity and role show on hover
    table = run("extract", "--input-format", "conllu", "--format", "speakers", str(FIXTURES / "direct.conllu"))
    assert "Merkel" in table.stdout and table.stdout.startswith("document,speaker,")


def test_bad_inputs_are_reported_in_one_line_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.conllu"
    good.write_text((FIXTURES / "direct.conllu").read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.conllu"
    broken.write_text("1\tnur eine Spalte\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.conllu"
    latin1.write_bytes("Grüße".encode("latin-1"))
    result = run("extract", "--input-format", "conllu", str(broken), str(latin1), str(good), str(tmp_path / "missing.conllu"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{latin1}:1: not valid UTF-8" in result.stderr
    assert f"{broken}:1: 2 tab-separated columns; a CoNLL-U word line has 10" in result.stderr
    assert "missing.conllu: cannot read" in result.stderr
    assert "3 input(s) failed" in result.stderr
    assert len(result.stdout.splitlines()) == 4  # the good file's quotes are all written


def test_malformed_jsonl_line_names_file_and_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": ""}\n{not json\n{"id": "c", "text": "   "}\n', encoding="utf-8")
    result = run("extract", "--input-format", "jsonl", str(path))
    assert result.returncode == 1
    assert f"{path}:2: malformed JSONL line" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # empty and whitespace-only documents: no quotes, no error


def test_missing_model_is_one_line_naming_the_fix(tmp_path):
    result = run("extract", "--model", str(tmp_path / "nowhere"), stdin="„Ja“, sagte er.")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "quotes models download" in result.stderr
