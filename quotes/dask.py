"""Dask backend: extract quotes from a Dask DataFrame of texts on any Dask cluster.

>>> from dask.distributed import Client            # doctest: +SKIP
>>> client = Client("scheduler-address:8786")      # doctest: +SKIP
>>> quotes_ddf = quotes.dask.extract(articles_ddf, text_column="text", id_column="id")  # doctest: +SKIP

Each worker process builds one extractor (and so loads the model once) and reuses it for every
partition it gets. Needs the optional extra: ``pip install "quotes[dask]"``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import pandas as pd

from .extractor import Extractor
from .output import to_dataframe

_extractors: dict[tuple[Any, Any], Extractor] = {}
_lock = threading.Lock()  # a worker may run several partitions at once in threads


def _extractor(model: Any, cache: Any) -> Extractor:
    """This worker process's extractor for ``model``: built on first use, then reused."""
    with _lock:
        key = (model, cache)
        if key not in _extractors:
            _extractors[key] = Extractor(model, cache=cache)
        return _extractors[key]


def _partition(frame: pd.DataFrame, text_column: str, id_column: str, model: Any, cache: Any) -> pd.DataFrame:
    extractor = _extractor(model, cache)
    items = [(str(doc_id), text) for doc_id, text in zip(frame[id_column], frame[text_column])]
    with _lock:  # one pipeline per process: stanza is not safe to call from two threads at once
        results = list(extractor.pipe(items))
    for result in results:
        if result.error is not None:  # shows in the worker's log; the partition's other documents stay
            logging.getLogger("quotes.dask").error("document %s failed: %s", result.id, result.error)
    return to_dataframe(q for result in results for q in result.quotes)


def extract(ddf: Any, text_column: str = "text", id_column: str = "id", model: Any = None, cache: Any = None) -> Any:
    """A Dask DataFrame of quotes (the columns of :func:`quotes.to_dataframe`), one partition per input partition."""
    return ddf.map_partitions(_partition, text_column, id_column, model, cache, meta=to_dataframe([]))
