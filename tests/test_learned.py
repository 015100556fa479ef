"""The learned decisions: features of real parses, the classifiers, their files, the extractor's
methods, calibration, and `quotes train` (on a few WIKINEWS documents, where the corpora are)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.cli import main
from quotes.corpora.annotation import Annotation
from quotes.evaluation.calibration import reliability
from quotes.extractor import propose
from quotes.find.context import Context
from quotes.learned import GENRES, LEARNED, DocumentFeatures, QuoteDecisions, candidate_features, candidates_of, load_decisions
from quotes.learned.features import GROUPS
from quotes.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews-quotes-2024"
needs_corpora = pytest.mark.skipif(not WIKINEWS.is_dir(), reason=f"corpora not found at {WIKINEWS}")

ARTICLE = (
    "Der Bundestag tagte am Dienstag zum ersten Mal im neuen Saal. "
    "Die Ministerin sagte am Montag, die Reform komme noch in diesem Jahr. "
    "Die Kritik der Opposition halte sie für verfrüht. "
    "„Wir haben lange genug gewartet“, sagte sie. "
    "Der Haushalt wurde im Frühjahr beschlossen und gilt bis Dezember."
)


@pytest.fixture(scope="module")
def parsed():
    document = quotes.Extractor("compact").parser.parse(ARTICLE, id="a")
    context = Context(document)
    return context, propose(context)


def test_features_are_grouped_and_describe_the_candidate(parsed):
    context, proposed = parsed
    document = DocumentFeatures.of(context)
    rows = dict(zip(map(id, proposed), candidate_features(document, proposed)))
    direct = next(q for q in proposed if q.type == "Direct")
    features = rows[id(direct)]
    assert all(name.split(".")[0] in GROUPS for name in features)
    assert features["rule.name"] == direct.rule and features["cue.lemma"] == "sagen"
    assert features["form.quoted_share"] == 1.0 and features["attribution.speaker"] == 1.0
    indirect = next(q for q in proposed if q.type == "Indirect")
    assert rows[id(indirect)]["mood.subjunctive"] == 1.0  # "komme"


def test_untouched_sentences_become_candidates_with_exact_spans(parsed):
    context, proposed = parsed
    candidates = candidates_of(context, proposed)
    learned = [q for q in candidates if q.rule == LEARNED]
    covered = {t for q in proposed for t in q.quote.tokens}
    assert learned and learned[0].quote.text.startswith("Der Bundestag tagte"), "the first sentence is no rule's quote"
    for quote in learned:
        assert not set(quote.quote.tokens) & covered
        assert all(ARTICLE[s.start : s.end] == s.text for s in quote.quote.spans)
    assert [q.start for q in candidates] == sorted(q.start for q in candidates)


def _toy_decisions(parsed) -> tuple[QuoteDecisions, list]:
    context, proposed = parsed
    candidates = candidates_of(context, proposed)
    document = DocumentFeatures.of(context)
    rows = candidate_features(document, candidates) * 3
    keep = [q.rule != LEARNED for q in candidates] * 3
    keep[-1] = not keep[-1]  # both classes for both keep models
    keep[0] = not keep[0]
    types = [q.type if k else None for q, k in zip(candidates * 3, keep)]
    media = ["Speech" if k else None for k in keep]
    media[1] = "Writing"
    return QuoteDecisions().fit(rows, keep, types, media), rows


def test_decisions_survive_their_json_file(parsed, tmp_path):
    decisions, rows = _toy_decisions(parsed)
    decisions.save(tmp_path / "d.json")
    again = QuoteDecisions.load(tmp_path / "d.json")
    for a, b in zip(decisions.predict(rows), again.predict(rows)):
        assert abs(a.keep - b.keep) < 1e-4 and (a.type, a.medium) == (b.type, b.medium)
    assert 0.0 <= a.keep <= 1.0


def test_prediction_equals_scikit_learn_on_the_same_arrays(parsed):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    decisions, rows = _toy_decisions(parsed)
    vectorizer = DictVectorizer().fit(rows)
    assert vectorizer.feature_names_ == decisions.features
    assert (vectorizer.transform(rows) != decisions.encode(rows)).nnz == 0
    for task, linear in decisions.models.items():
        reference = LogisticRegression()
        reference.classes_, reference.coef_, reference.intercept_ = linear.classes, linear.coef, linear.intercept
        assert abs(reference.predict_proba(vectorizer.transform(rows)) - linear.probabilities(decisions.encode(rows))).max() < 1e-12, task


def test_a_broken_decisions_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(quotes.QuotesError, match="bad.json: not a trained-decisions file"):
        load_decisions(bad)
    with pytest.raises(quotes.QuotesError, match="cannot read the trained decisions"):
        load_decisions(tmp_path / "missing.json")


def test_the_shipped_decisions_load_by_name_and_are_small():
    for name, path in GENRES.items():
        assert path.stat().st_size < 2_000_000
        assert load_decisions(name).threshold == json.loads(path.read_text())["threshold"]
    assert load_decisions() is load_decisions("news")
    assert load_decisions("literature").features != load_decisions("news").features


def test_fiction_with_the_literature_decisions():
    text = "» Komm herein ! « rief die Alte . Der Junge zögerte . » Ich habe keine Zeit , « sagte er leise ."
    found = quotes.Extractor("compact", decisions="literature").extract(text)
    assert {q.quote.text for q in found if q.type == "Direct"} >= {"» Komm herein ! «", "» Ich habe keine Zeit , «"}


def test_learned_and_rules_methods_on_raw_german():
    learned = quotes.Extractor("compact").extract(ARTICLE)
    rules = quotes.Extractor("compact", method="rules").extract(ARTICLE)
    direct = [q for q in learned if q.quote.text == "„Wir haben lange genug gewartet“"]
    assert direct and direct[0].type == "Direct" and 0.5 < direct[0].confidence <= 1.0
    assert all(q.rule in RULES or q.rule == LEARNED for q in learned)
    assert all(q.rule in RULES for q in rules)
    assert [q.id for q in learned] == list(range(len(learned)))
    with pytest.raises(ValueError, match="unknown method"):
        quotes.Extractor(method="magic")


def test_min_confidence_filters_the_output():
    def run(*options: str) -> list[dict]:
        done = subprocess.run([sys.executable, "-m", "quotes", "extract", *options], input=ARTICLE,
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    everything = run()
    sure = run("--min-confidence", "0.9")
    assert {q["confidence"] for q in sure} and all(q["confidence"] >= 0.9 for q in sure)
    assert len(sure) <= len(everything)
    assert all(q["rule"] in RULES for q in run("--method", "rules"))


def test_reliability_table_counts_by_hand():
    def quote(tokens, confidence=1.0):
        return Annotation("Indirect", "Speech", {"quote": tuple(tokens)}, confidence=confidence)

    gold = [[quote(range(0, 5)), quote(range(10, 15))]]
    predicted = [[quote(range(0, 4), 0.95), quote(range(20, 25), 0.91), quote(range(10, 12), 0.15)]]
    report = reliability(gold, predicted)
    assert report["quotes"] == 3
    high = next(row for row in report["bins"] if row["lower"] == 0.9)
    assert high["quotes"] == 2 and high["correct"] == 0.5 and abs(high["confidence"] - 0.93) < 1e-9
    # ECE: 2/3 · |0.93 − 0.5| + 1/3 · |0.15 − 1|
    assert abs(report["ece"] - (2 / 3 * 0.43 + 1 / 3 * 0.85)) < 1e-9


def test_train_help_documents_the_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["train", "--help"])
    assert done.value.code == 0
    assert "--corpus" in capsys.readouterr().out


@needs_corpora
def test_train_writes_deterministic_decisions_and_a_card(tmp_path):
    def train(out: Path) -> bytes:
        assert main(["train", "--corpus", "wikinews", "--limit", "30", "--folds", "3", "--out", str(out), "-q"]) == 0
        return (out / "decisions.json").read_bytes()

    first, second = train(tmp_path / "a"), train(tmp_path / "b")
    assert first == second
    card = (tmp_path / "a" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "wikinews/train: 30 documents" in card and "**chosen**" in card
    found = quotes.Extractor("compact", decisions=tmp_path / "a" / "decisions.json").extract(ARTICLE)
    assert all(0.0 <= q.confidence <= 1.0 for q in found)


@needs_corpora
@pytest.mark.slow
@pytest.mark.parametrize("genre, corpus", [("news", "wikinews"), ("literature", "redewiedergabe:main")])
def test_the_shipped_decisions_are_what_quotes_train_writes(tmp_path, genre, corpus):
    """`quotes train --corpus CORPUS --out quotes/models/…` wrote the shipped file."""
    assert main(["train", "--corpus", corpus, "--out", str(tmp_path), "-q"]) == 0
    assert (tmp_path / "decisions.json").read_bytes() == GENRES[genre].read_bytes()
