"""Model resolution order, the model list, and the parse cache."""

import json

import pytest

from quotes import parsing
from quotes.document import Document
from quotes.errors import ModelNotFoundError
from quotes.parsing import ParseCache, describe_models, resolve_model

from support import FIXTURES

CONLLU = (FIXTURES / "zum_markt.conllu").read_text(encoding="utf-8")


def make_compact(directory, name="my-model", version="1"):
    directory.mkdir(parents=True)
    for component in parsing.COMPACT_FILES:
        (directory / f"{component}.pt").write_bytes(b"")
    (directory / "model.json").write_text(json.dumps({"name": name, "version": version}))
    return directory


def make_stanza_resources(directory, treebank="gsd"):
    (directory / "de" / "depparse").mkdir(parents=True)
    (directory / "de" / "depparse" / f"{treebank}_charlm.pt").write_bytes(b"")
    (directory / "resources.json").write_text("{}")
    return directory


@pytest.fixture
def clean_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("QUOTES_MODEL_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no-stanza"))
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parsing, "_notice_shown", False)
    return tmp_path


def test_explicit_directory_wins_over_environment(clean_environment, monkeypatch):
    explicit = make_compact(clean_environment / "explicit", name="explicit")
    monkeypatch.setenv("QUOTES_MODEL_DIR", str(make_compact(clean_environment / "env", name="env")))
    assert resolve_model(explicit).identity.startswith("explicit@1")


def test_environment_wins_over_installed_stanza_models(clean_environment, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(make_stanza_resources(clean_environment / "stanza")))
    monkeypatch.setenv("QUOTES_MODEL_DIR", str(make_compact(clean_environment / "env", name="env")))
    assert resolve_model().identity.startswith("env@1")


def test_installed_stanza_models_win_over_the_compact_model(clean_environment, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(make_stanza_resources(clean_environment / "stanza")))
    spec = resolve_model()
    assert spec.kind == "stanza" and spec.package == "default"
    assert spec.identity.startswith("stanza:de-default@")


def test_stanza_hdt_by_name(clean_environment, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(make_stanza_resources(clean_environment / "stanza", "hdt")))
    assert resolve_model("stanza:de-hdt").package == "hdt"
    with pytest.raises(ModelNotFoundError, match="quotes models download --package default"):
        resolve_model("stanza:de")


def test_compact_model_is_the_fallback_with_one_notice(clean_environment, capsys):
    assert resolve_model().kind == "compact"
    resolve_model()
    assert capsys.readouterr().err.count("quotes models download") == 1


def test_the_compact_model_notice_is_shown_once_per_installation_or_when_verbose(clean_environment, capsys, monkeypatch):
    resolve_model()
    monkeypatch.setattr(parsing, "_notice_shown", False)  # a new run
    resolve_model()
    assert capsys.readouterr().err.count("quotes models download") == 1
    monkeypatch.setattr(parsing, "_notice_shown", False)
    monkeypatch.setattr(parsing, "notice_every_run", True)
    resolve_model()
    assert capsys.readouterr().err.count("quotes models download") == 1


def test_missing_model_names_the_fix(clean_environment):
    with pytest.raises(ModelNotFoundError, match="does not exist; run `quotes models download`"):
        resolve_model(clean_environment / "missing")
    incomplete = clean_environment / "incomplete"
    incomplete.mkdir()
    with pytest.raises(ModelNotFoundError, match="lacks tokenize.pt"):
        resolve_model(incomplete)
    with pytest.raises(ModelNotFoundError, match="unknown model name"):
        resolve_model("stanza:fr")


def test_models_list_marks_the_default(clean_environment, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(make_stanza_resources(clean_environment / "stanza")))
    listing = describe_models()
    assert "* stanza:de " in listing
    assert "  compact" in listing
    assert "not installed: `quotes models download --package hdt`" in listing


def test_parse_cache_round_trip_and_corruption(tmp_path):
    cache = ParseCache(tmp_path)
    document = Document.from_conllu(CONLLU)
    key = ParseCache.key("model@1", document.text)
    assert cache.get(key, document.text) is None
    cache.put(key, document)
    assert cache.get(key, document.text) == document
    assert cache.get(key, document.text + " changed") is None  # stale: the text does not match
    path = next(tmp_path.rglob("*.json"))
    path.write_text(path.read_text()[:50])  # a truncated entry is re-parsed, never used
    assert cache.get(key, document.text) is None
    assert ParseCache.key("other@1", document.text) != key
