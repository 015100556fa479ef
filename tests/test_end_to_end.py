"""Raw German text → the compact model shipped in the package → quotes (no official models)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotes

DEMO = Path(quotes.__file__).parent / "data" / "demo_de.txt"


@pytest.fixture(scope="module")
def extractor():
    return quotes.Extractor(model="compact")


def test_the_merkel_sentence(extractor):
    found = extractor.extract("„Wir schaffen das“, sagte Merkel.")
    assert len(found) == 1
    quote = found[0]
    assert (quote.type, quote.quote.text, quote.speaker.text, quote.cue.text) == ("Direct", "„Wir schaffen das“", "Merkel", "sagte")


def test_demo_article_gives_direct_and_indirect_quotes_with_exact_offsets(extractor):
    text = DEMO.read_text(encoding="utf-8")
    found = extractor.extract(text)
    types = {q.type for q in found}
    assert {"Direct", "Indirect"} <= types
    for quote in found:
        for part in (quote.quote, quote.cue, quote.frame, quote.speaker, quote.addressee):
            for span in part.spans if part is not None else ():
                assert text[span.start : span.end] == span.text
    speakers = {q.speaker.text for q in found if q.speaker is not None}
    assert "Oberbürgermeisterin Katrin Albers" in speakers or "Katrin Albers" in speakers


def test_offline_with_an_empty_home_uses_the_compact_model_and_says_so(tmp_path):
    hidden = ("STANZA_RESOURCES_DIR", "QUOTES_MODEL_DIR", "QUOTES_CACHE_DIR", "XDG_CACHE_HOME")  # a fresh installation
    environment = {k: v for k, v in os.environ.items() if k not in hidden}
    environment["HOME"] = str(tmp_path)
    code = "import quotes, json; print(json.dumps([q.to_dict() for q in quotes.extract('„Wir schaffen das“, sagte Merkel.')]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found) == 1 and found[0]["type"] == "Direct" and found[0]["speaker"]["text"] == "Merkel"
    notices = [line for line in result.stderr.splitlines() if "quotes models download" in line]
    assert len(notices) == 1


def test_cli_jsonl_input(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "„Wir schaffen das“, sagte Merkel."}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--input-format", "jsonl", "--format", "jsonl", "--model", "compact", str(path)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["document"] == "a" and record["type"] == "Direct"
    assert record["speaker"]["text"] == "Merkel" and record["cue"]["text"] == "sagte"
    assert record["quote"]["spans"] == [{"start": 0, "end": 18}]
