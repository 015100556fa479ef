"""Tests of the cue and role-noun lexicons and their loader."""

import csv
from importlib import resources

import pytest

from quotes import MEDIA, lexicon
from quotes.german.morphology import strong_nominative
from quotes.lexicon import cue_verb, cue_word, join_particle, particle_verbs, role_noun

HEADERS = {
    "cue_verbs.tsv": ["lemma", "particle", "medium", "direct", "indirect", "reported", "unquoted", "count", "source"],
    "cue_words.tsv": ["word", "kind", "medium", "count", "source"],
    "role_nouns.tsv": ["noun", "gender", "compound_head", "count", "source"],
}


def read(name: str) -> list[list[str]]:
    text = resources.files("quotes.lexicon").joinpath(name).read_text(encoding="utf-8")
    return list(csv.reader(text.splitlines(), delimiter="\t"))


def test_reported_share_ranks_speech_acts_above_plain_statements() -> None:
    # mined from WIKINEWS train: "forderte X" sentences are mostly Reported, "erklärte X" ones rarely
    assert cue_verb("fordern").reported_share > 0.4 > cue_verb("erklären").reported_share


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_tsv_rows_are_well_formed(name: str) -> None:
    header, *rows = read(name)
    assert header == HEADERS[name]
    assert rows, "empty lexicon"
    keys = [tuple(r[:2]) if name == "cue_words.tsv" else r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate entries"
    assert rows == sorted(rows), "rows must be sorted for reproducible diffs"
    for row in rows:
        record = dict(zip(header, row))
        assert len(row) == len(header), row
        assert record["source"] in lexicon.SOURCES, row
        assert int(record["count"]) >= 0
        first = row[0]
        assert first == first.strip() and first, row
        if "medium" in record:
            assert record["medium"] in MEDIA, row
        if name == "cue_verbs.tsv":
            assert all(int(record[k]) >= 0 for k in ("direct", "indirect", "reported"))
            assert record["lemma"].startswith(record["particle"]), row
            assert record["lemma"].islower() and " " not in record["lemma"], row
        if name == "cue_words.tsv":
            assert record["kind"] in lexicon.WORD_KINDS, row
            assert (" " in record["word"]) == (record["kind"] == "phrase"), row
        if name == "role_nouns.tsv":
            assert record["gender"] in lexicon.GENDERS, row
            assert record["compound_head"] in ("0", "1"), row
            assert record["noun"][0].isupper(), row


@pytest.mark.parametrize(
    ("lemma", "medium"),
    [("sagen", "Speech"), ("schreiben", "Writing"), ("glauben", "Thought"), ("denken", "Thought"),
     ("twittern", "Writing"), ("meinen", "ST")],
)
def test_cue_verb_media(lemma: str, medium: str) -> None:
    verb = cue_verb(lemma)
    assert verb is not None and verb.medium == medium


def test_cue_verb_counts_and_particles() -> None:
    sagen = cue_verb("sagen")
    assert sagen.source == "mined" and sagen.direct > 50 and sagen.indirect > 50
    assert cue_verb("fordern").reported > 10  # "forderte höhere Löhne"
    for lemma, particle in [("mitteilen", "mit"), ("bekanntgeben", "bekannt"),
                            ("ankündigen", "an"), ("hinweisen", "hin"), ("vorwerfen", "vor")]:
        assert cue_verb(lemma).particle == particle
    assert cue_verb("erklären").particle == ""
    assert cue_verb("sein") is None and cue_verb("haben") is None  # auxiliaries reviewed out
    assert cue_verb("unknownverb") is None


def test_particles_join() -> None:
    assert join_particle("teilen", "mit") == "mitteilen"
    assert join_particle("geben", "Bekannt") == "bekanntgeben"
    assert join_particle("mitteilen", "mit") == "mitteilen"
    assert join_particle("sagen", "") == "sagen"
    assert "teilen" in particle_verbs()["mit"]
    assert "kündigen" in particle_verbs()["an"]


def test_cue_words() -> None:
    assert cue_word("laut").kind == "preposition"
    assert cue_word("zufolge").kind == "postposition"
    assert cue_word("nach").kind == "preposition"
    assert cue_word("nach", "postposition") is not None  # "seiner Meinung nach"
    assert cue_word("demnach").kind == "adverb"
    assert cue_word("heißen es").kind == "phrase"
    assert cue_word("wie mitteilen").kind == "phrase"
    for noun in ("Angabe", "Aussage", "Mitteilung", "Bericht", "Forderung", "Warnung", "Wort",
                 "Erklärung"):
        assert cue_word(noun).kind == "noun", noun
    assert cue_word("Polizei") is None
    assert cue_word("laut", "noun") is None


@pytest.mark.parametrize(
    ("word", "noun", "gender"),
    [("Ministerin", "Ministerin", "Fem"), ("Minister", "Minister", "Masc"),
     ("Regierungssprecherin", "Sprecherin", "Fem"), ("Alibaba-Chef", "Chef", "Masc"),
     ("Alibaba-Chefin", "Chefin", "Fem"), ("Grünen-Politikerin", "Politikerin", "Fem"),
     ("Bundeskanzlerin", "Bundeskanzlerin", "Fem"), ("Chairman", "Chairman", "Masc"),
     ("Präsidenten", "Präsident", "Masc"), ("Ministerinnen", "Ministerin", "Fem"),
     ("Parteivorsitzende", "Parteivorsitzende", ""), ("Vorsitzender", "Vorsitzender", "Masc"),
     ("BUNDESKANZLER", "Bundeskanzler", "Masc")],
)
def test_role_nouns(word: str, noun: str, gender: str) -> None:
    found = role_noun(word)
    assert found is not None, word
    assert (found.noun, found.gender) == (noun, gender)


@pytest.mark.parametrize("word", ["Mensch", "Menschen", "Chefs-", "ministerin", "sprecher", "",
                                  "Xchef", "Eisenmann", "Apparat", "Haus"])
def test_role_noun_rejects(word: str) -> None:
    assert role_noun(word) is None


def test_function_words_are_mined_classes_not_nouns() -> None:
    header, *rows = read("function_words.tsv")
    assert header == ["word", "upos", "count"]
    assert rows == sorted(rows) and len({r[0] for r in rows}) == len(rows)
    assert {r[1] for r in rows} <= {"ADV", "ADP", "ADJ", "SCONJ", "CCONJ", "PART"}
    assert all(r[0].islower() and r[0].isalpha() and int(r[2]) >= 3 for r in rows)


@pytest.mark.parametrize(("form", "upos"), [("gestern", "ADV"), ("Tatsächlich", "ADJ"), ("Angesichts", "ADP"),
                                            ("gegenüber", "ADP"), ("obwohl", "SCONJ")])
def test_function_word(form: str, upos: str) -> None:
    assert lexicon.function_word(form) == upos


@pytest.mark.parametrize("form", ["Merkel", "morgen", "Deutsche", "Sprecher", "sie", "die"])
def test_function_word_rejects_nominal_forms(form: str) -> None:
    assert lexicon.function_word(form) is None


def test_loaders_are_cached_and_read_only() -> None:
    assert lexicon.cue_verbs() is lexicon.cue_verbs()
    with pytest.raises(TypeError):
        lexicon.cue_verbs()["neu"] = None  # type: ignore[index]


@pytest.mark.parametrize(
    "name", ["anonymous_sources", "document_nouns", "irregular_verbs", "naming_nouns", "organisation_endings", "source_endings", "states",
             "source_nouns", "subjunctive_forms"]
)
def test_curated_word_lists_are_well_formed(name: str) -> None:
    header, *rows = read(f"{name}.tsv")
    assert header[-1] == "source" and rows
    assert all(len(row) == len(header) and row[-1] in lexicon.SOURCES for row in rows)
    assert all(row[0] == row[0].strip().lower() and row[0] for row in rows)
    assert len({row[0] for row in rows}) == len(rows), "duplicate entries"
    assert rows == sorted(rows), "rows must be sorted for reproducible diffs"
    assert lexicon.word_list(name) == tuple(row[0] for row in rows)


def test_irregular_forms_map_to_infinitives() -> None:
    assert lexicon.irregular_verb_forms()["sprach"] == "sprechen"
    assert all(lemma.endswith("n") for lemma in lexicon.irregular_verb_forms().values())


@pytest.mark.parametrize(
    "noun, gender", [("Umweltministerium", "Neut"), ("Rundfunk", "Masc"), ("Staatsanwaltschaft", "Fem"), ("Behörden", "Plur"), ("Athen", None)]
)
def test_organisation_gender_by_ending(noun: str, gender: str | None) -> None:
    assert lexicon.organisation_gender(noun) == gender


@pytest.mark.parametrize(
    "adjective, gender, nominative",
    [("russischen", "Neut", "russisches"), ("spanische", "Masc", "spanischer"), ("Europäischen", "Fem", "Europäische"), ("Vereinten", "Plur", "Vereinte")],
)
def test_strong_nominative_of_adjectives(adjective: str, gender: str, nominative: str) -> None:
    assert strong_nominative(adjective, gender) == nominative
