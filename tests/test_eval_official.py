"""`quotes eval` on WIKINEWS reports exactly what the official scorer (eval.py) reports on the
predictions it writes: the real pipeline (compact model), end to end, both as subprocesses.

A few dev documents in the default run; the whole dev split with ``-m slow`` (on the default
parse cache, so a warm cache makes it quick).
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import SHARED_CORPORA

from quotes import corpora

EVAL_DIR = SHARED_CORPORA / "wikinews-quotes-2024" / "eval"
needs_scorer = pytest.mark.skipif(not (EVAL_DIR / "eval.py").is_file(), reason=f"official scorer not found in {EVAL_DIR}")
SUFFIXES = {"messages": "msg", "roles": "roles", "joint": "joint", "form": "form", "stwr": "stwr"}
"""Our figure names → eval.py's score-dict suffixes."""


def quotes_eval(tmp_path: Path, *options: str) -> tuple[dict, Path]:
    """Run ``quotes eval --corpus wikinews --split dev`` with the compact model; its results and
    the predictions directory."""
    results, predictions = tmp_path / "results.json", tmp_path / "predictions"
    command = [sys.executable, "-m", "quotes", "eval", "--corpus", "wikinews", "--split", "dev", "--model", "compact",
               "--json", str(results), "--write-predictions", str(predictions), "--samples", "0", "-q", *options]
    subprocess.run(command, check=True, capture_output=True, env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)})
    return json.loads(results.read_text(encoding="utf-8")), predictions


def eval_py(predictions: Path, gold: Path) -> dict[str, float]:
    """The official scorer's score dict (its last line of output)."""
    result = subprocess.run([sys.executable, "eval.py", "--prediction", str(predictions), "--gold", str(gold)],
                            cwd=EVAL_DIR, capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def assert_agree(results: dict, theirs: dict) -> None:
    for name, suffix in SUFFIXES.items():
        for key, ours in (("prec", "p"), ("rec", "r"), ("f1", "f1")):
            assert results["wikinews"][name][ours] == pytest.approx(theirs[f"{key}_{suffix}"], abs=1e-4), (name, key)


@needs_scorer
def test_quotes_eval_equals_eval_py_on_a_few_documents(tmp_path):
    results, predictions = quotes_eval(tmp_path, "--limit", "4", "--cache", str(tmp_path / "cache"))
    gold = tmp_path / "gold"
    gold.mkdir()
    for document in corpora.read("wikinews", "dev", limit=4):
        shutil.copy(document.path, gold / document.path.name)
    assert results["documents"] == 4 and results["predicted"] > 0
    assert_agree(results, eval_py(predictions, gold))


@pytest.mark.slow
@needs_scorer
def test_quotes_eval_equals_eval_py_on_the_dev_split(tmp_path):
    results, predictions = quotes_eval(tmp_path)
    assert results["documents"] == 150
    assert_agree(results, eval_py(predictions, SHARED_CORPORA / "wikinews-quotes-2024" / "data" / "dev"))
