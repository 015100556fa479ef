"""quotes.evaluation.wikinews equals the official WIKINEWS scorer (eval.py) to 1e-4.

The scorer runs as a subprocess on perturbed gold written in the corpus format (a few dev
documents by default, the whole dev and train splits with ``-m slow``), and in-process on
generated documents (hypothesis).
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib.util
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from support import SHARED_CORPORA

from quotes import corpora
from quotes.corpora import wikinews as corpus
from quotes.evaluation import wikinews as official
from quotes.evaluation.metrics import PRF, Annotation
from quotes.quote import MEDIA, QUOTE_TYPES, ROLES

EVAL_DIR = SHARED_CORPORA / "wikinews-quotes-2024" / "eval"
needs_scorer = pytest.mark.skipif(not (EVAL_DIR / "eval.py").is_file(), reason=f"official scorer not found in {EVAL_DIR}")
FIGURES = {"messages": "msg", "roles": "roles", "joint": "joint", "form": "form", "stwr": "stwr"}
"""Our figure names → eval.py's score-dict suffixes."""
OFFICIAL_MEDIA = (*MEDIA, "none")


def as_official(scores: dict) -> dict[str, float]:
    """Our scores as eval.py's dict keys (``prec_msg``, ``rec_msg``, ``f1_msg``, …)."""
    return {
        f"{key}_{suffix}": getattr(scores[name], attribute)
        for name, suffix in FIGURES.items()
        for key, attribute in (("prec", "p"), ("rec", "r"), ("f1", "f1"))
    }


def assert_equal(ours: dict, theirs: dict) -> None:
    assert ours.keys() == theirs.keys()
    for key in ours:
        assert ours[key] == pytest.approx(theirs[key], abs=1e-4), key


# --- perturbed gold as predictions -------------------------------------------------------------

def _shift(positions: tuple[int, ...], by: int, size: int) -> tuple[int, ...]:
    return tuple(sorted({min(max(p + by, 0), size - 1) for p in positions}))


def perturb(annotations: list[Annotation], size: int, rng: random.Random) -> list[Annotation]:
    """Deterministic errors of every kind the scorer distinguishes: missed and spurious quotes,
    shifted, cut and duplicated spans, wrong labels, dropped and moved roles, reordering."""
    result = []
    for a in annotations:
        roll = rng.random()
        if roll < 0.12:
            continue  # missed
        parts = dict(a.parts)
        if roll < 0.3:
            parts["quote"] = _shift(parts["quote"], rng.randint(-6, 6), size)
        elif roll < 0.4 and len(parts["quote"]) > 2:
            parts["quote"] = parts["quote"][: len(parts["quote"]) // 2]
        for role in ROLES:
            choice = rng.random()
            if choice < 0.15:
                parts[role] = ()
            elif choice < 0.3:
                parts[role] = _shift(parts[role], rng.randint(-2, 2), size)
        labels = {}
        if rng.random() < 0.2:
            labels["type"] = rng.choice(QUOTE_TYPES)
        if rng.random() < 0.2:
            labels["medium"] = rng.choice(OFFICIAL_MEDIA)
        result.append(dataclasses.replace(a, parts=parts, **labels))
        if rng.random() < 0.08:
            result.append(dataclasses.replace(a, type=rng.choice(QUOTE_TYPES)))  # duplicate: a tie
    for _ in range(rng.randint(0, 2)):  # spurious, often without overlap
        start = rng.randrange(size)
        span = tuple(range(start, min(start + rng.randint(1, 15), size)))
        result.append(Annotation(rng.choice(QUOTE_TYPES), rng.choice(OFFICIAL_MEDIA), {"quote": span, "cue": span[:1]}))
    rng.shuffle(result)
    return result


def run_official(documents, tmp_path: Path) -> tuple[dict, dict]:
    """Perturb each document's gold, score it with eval.py and with our module."""
    gold_dir, predicted_dir = tmp_path / "gold", tmp_path / "predicted"
    gold_dir.mkdir()
    counts = []
    for index, document in enumerate(documents):
        shutil.copy(document.path, gold_dir / document.path.name)
        predicted = perturb(document.annotations, len(document.native["tokens"]), random.Random(index))
        corpus.write(document, predicted, predicted_dir)
        counts.append(official.document_counts(document.annotations, predicted))
    result = subprocess.run(
        [sys.executable, "eval.py", "--prediction", str(predicted_dir), "--gold", str(gold_dir)],
        cwd=EVAL_DIR, capture_output=True, text=True, check=True,
    )
    theirs = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return as_official(official.scores(sum(counts, start=Counter()))), theirs


@needs_scorer
def test_equals_eval_py_on_perturbed_dev_documents(tmp_path):
    documents = list(corpora.read("wikinews", "dev", limit=12))
    assert_equal(*run_official(documents, tmp_path))


@pytest.mark.slow
@needs_scorer
@pytest.mark.parametrize("split", ["dev", "train"])
def test_equals_eval_py_on_whole_split(tmp_path, split):
    assert_equal(*run_official(list(corpora.read("wikinews", split)), tmp_path))


# --- generated documents, scored in-process by eval.py -------------------------------------------

@functools.cache
def _load_eval_py():
    spec = importlib.util.spec_from_file_location("wikinews_eval_py", EVAL_DIR / "eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


spans = st.lists(st.integers(0, 12), min_size=1, max_size=6).map(lambda ids: tuple(sorted(set(ids))))
annotations = st.builds(
    lambda quote, roles, type, medium: Annotation(type, medium, {"quote": quote, **dict(zip(ROLES, roles))}),
    spans,
    st.tuples(*(st.one_of(st.just(()), spans) for _ in ROLES)),
    st.sampled_from(QUOTE_TYPES),
    st.sampled_from(OFFICIAL_MEDIA[:3]),
)
documents = st.lists(st.tuples(st.lists(annotations, min_size=1, max_size=4), st.lists(annotations, min_size=1, max_size=4)), min_size=1, max_size=3)


def _as_json(items: list[Annotation]) -> list[dict]:
    native = {"originalText": "x" * 13, "tokens": [{"charBegin": i, "charEnd": i + 1} for i in range(13)]}
    return corpus.to_json(items, native)


@needs_scorer
@settings(max_examples=150, deadline=None)
@given(documents)
def test_equals_eval_py_on_generated_documents(docs):
    eval_py = _load_eval_py()
    gold = {str(n): eval_py.Document(str(n), _as_json(g)) for n, (g, _) in enumerate(docs)}
    predicted = {str(n): eval_py.Document(str(n), _as_json(p)) for n, (_, p) in enumerate(docs)}
    try:
        theirs = eval_py.Evaluator(predicted, gold).scores
    except ZeroDivisionError:  # no role tokens on one side at all: eval.py fails, ours says 0
        reject()
    ours = official.scores(sum((official.document_counts(g, p) for g, p in docs), start=Counter()))
    assert_equal(as_official(ours), theirs)


@given(st.lists(annotations, min_size=1, max_size=6, unique_by=lambda a: a.parts["quote"]))
def test_gold_as_prediction_scores_one(gold):
    scores = official.scores(official.document_counts(gold, list(gold)))
    if not any(a.parts[role] for a in gold for role in ROLES):
        assert scores.pop("roles") == PRF(0.0, 0.0)  # nothing to score: 0, where eval.py fails
    assert all(prf.p == prf.r == prf.f1 == 1.0 for prf in scores.values())


def test_bonus_only_for_overlapping_quotes():
    gold = Annotation("Direct", "Speech", {"quote": (0, 1)})
    assert official.pair_weight(gold, Annotation("Direct", "Speech", {"quote": (5,)})) == 0.0
    assert official.pair_weight(gold, Annotation("Direct", "Speech", {"quote": (1,)})) == pytest.approx(2 / 3 + 0.011)


def test_roles_average_each_part_of_each_pair():
    gold = [Annotation("Direct", "Speech", {"quote": tuple(range(10)), "cue": (10,), "speaker": (11, 12)})]
    predicted = [Annotation("Direct", "Speech", {"quote": tuple(range(8)), "cue": (10,), "speaker": (12,)})]
    scores = official.scores(official.document_counts(gold, predicted))
    assert (scores["roles"].p, scores["roles"].r) == (1.0, pytest.approx((1 + 0.5) / 2))  # not pooled: 2/3
    assert (scores["joint"].p, scores["joint"].r) == (1.0, pytest.approx((0.8 + 1 + 0.5) / 3))
