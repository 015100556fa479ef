"""Multi-process runs, streaming and the Dask backend."""

import json
import subprocess
import sys

import pandas as pd
import pytest

import quotes
from quotes.parallel import pool_map

from support import FIXTURES, load_conllu_documents

TEXTS = [
    ("a", "„Wir schaffen das“, sagte Merkel."),
    ("b", "Der Minister sagte, die Regierung habe keine Wahl gehabt."),
    ("c", "Laut Polizei gab es keine Verletzten."),
    ("d", "Heute scheint die Sonne."),
]


def test_jobs_give_the_same_results_in_input_order():
    documents = list(load_conllu_documents("direct.conllu").values()) * 5
    extractor = quotes.Extractor()
    single = [(r.id, [q.to_dict() for q in r.quotes]) for r in extractor.pipe(documents)]
    multi = [(r.id, [q.to_dict() for q in r.quotes]) for r in extractor.pipe(documents, jobs=2)]
    assert multi == single


def _explode(state, batch):
    if "boom" in batch:
        import os

        os._exit(1)  # a crashing worker, not an exception
    return [item.upper() for item in batch]


def _state():
    return None


def test_a_crashing_worker_loses_only_the_item_that_crashed_it():
    items = ["a", "b", "boom", "c", "d", "e", "boom", "f"]
    results = list(pool_map(_explode, items, _state, lambda item: f"failed:{item}", jobs=2, batch_size=3))
    assert results == ["A", "B", "failed:boom", "C", "D", "E", "failed:boom", "F"]


def test_cli_jobs_keeps_input_order(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--jobs", "2", "--input-format", "conllu", str(FIXTURES / "direct.conllu")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["document"] for line in result.stdout.splitlines()] == ["post_frame", "colon_frame", "interrupted", "so_frame"]


def test_pipe_is_lazy():
    consumed = []

    def documents():
        for document in load_conllu_documents("direct.conllu").values():
            consumed.append(document.id)
            yield document

    results = quotes.Extractor().pipe(documents())
    first = next(results)
    assert first.id == "post_frame" and consumed == ["post_frame"]


def test_dask_on_a_local_cluster_equals_the_single_process_result():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    import quotes.dask

    frame = pd.DataFrame(TEXTS, columns=["id", "text"])
    expected = quotes.to_dataframe(q for r in quotes.Extractor("compact").pipe(TEXTS) for q in r.quotes)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            result = quotes.dask.extract(dd.from_pandas(frame, npartitions=2), model="compact").compute()
    assert list(result.columns) == list(expected.columns)
    assert len(result) == len(expected) > 0
    assert _records(result) == _records(expected)


def _records(frame):
    """Rows in a fixed order, missing values as None (Dask's concatenation turns None into NaN)."""
    ordered = frame.sort_values(["document", "start"]).astype(object)
    return ordered.where(ordered.notna(), None).to_dict("records")
