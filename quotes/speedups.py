"""Cheaper parsing with the same stanza models (measured in README, "Speed").

- :func:`tarjan` replaces stanza's cycle finder in the parser's tree decoding (Chu-Liu-Edmonds):
  the same algorithm, visiting the same nodes in the same order, so it returns the same cycles
  and the trees are identical; stanza's version scans the whole tree with numpy for every node.
- :func:`quantise` converts the LSTM and linear layers of the tagger, lemmatizer and parser to
  int8 (dynamic quantisation); it changes some predictions, so it is an option.
- :func:`loading_for_prediction`: stanza's trainers build a training optimizer when they load a
  model for prediction, which imports torch's compiler (about a second of a cold start) for
  nothing; and stanza loads models with torch's weights-only unpickler, which reads the tagger's
  and parser's vocabularies in Python (about 0.3 s of every start): the model shipped inside this
  package is as trusted as its code, so its files are read with the full unpickler.
- :func:`one_torch_thread`: one torch thread per process. On two cores a second torch thread
  buys a few per cent when the machine is idle and costs many times over when anything else
  runs (its threads wait on each other); use the cores with ``--jobs`` instead.
"""

from __future__ import annotations

import os
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np

QUANTISED_PROCESSORS = ("pos", "lemma", "depparse")


def tarjan(tree: np.ndarray) -> list[np.ndarray]:
    """The cycles of the graph ``tree`` (``tree[i]`` is the head of node ``i``), as boolean
    masks, in the order of ``stanza.models.common.chuliu_edmonds.tarjan`` (a drop-in)."""
    size = len(tree)
    dependents: list[list[int]] = [[] for _ in range(size)]
    for node, head in enumerate(tree.tolist()):
        dependents[head].append(node)
    index, low, on_stack = [-1] * size, [-1] * size, [False] * size
    stack: list[int] = []
    cycles: list[np.ndarray] = []
    counter = 0
    for start in range(size):
        if index[start] != -1:
            continue
        work = [(start, 0)]  # (node, next dependent to visit): recursion without Python's stack
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            else:  # back from the dependent before ``position``
                low[node] = min(low[node], low[dependents[node][position - 1]])
            children = dependents[node]
            while position < len(children):
                child = children[position]
                position += 1
                if index[child] == -1:
                    work.append((node, position))
                    work.append((child, 0))
                    break
                if on_stack[child]:
                    low[node] = min(low[node], index[child])
            else:
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        cycle = np.zeros(size, dtype=bool)
                        cycle[members] = True
                        cycles.append(cycle)
    return cycles


def use_fast_tree_decoding() -> None:
    """Make stanza's Chu-Liu-Edmonds decoding use :func:`tarjan` (process-wide, idempotent)."""
    from stanza.models.common import chuliu_edmonds

    chuliu_edmonds.tarjan = tarjan


def quantise(pipeline: Any) -> None:
    """int8 dynamic quantisation of the LSTM and linear layers of the tagger, lemmatizer and
    parser of a loaded stanza pipeline, in place."""
    import torch

    layers = {torch.nn.LSTM, torch.nn.LSTMCell, torch.nn.Linear}
    with warnings.catch_warnings():  # torch announces the move of this API to torchao
        warnings.simplefilter("ignore")
        for name in QUANTISED_PROCESSORS:
            processor = pipeline.processors.get(name)
            if processor is not None:
                torch.ao.quantization.quantize_dynamic(processor.trainer.model, layers, dtype=torch.qint8, inplace=True)


_loading = threading.Lock()  # the patches below are process-wide: one pipeline loads at a time


@contextmanager
def loading_for_prediction(shipped: Path | None) -> Iterator[None]:
    """Within: stanza's trainers build no optimizers (prediction never steps one), and torch reads
    the model files in ``shipped`` (if given) with its full unpickler."""
    import torch
    from stanza.models.common import utils

    load = torch.load

    def trusted_load(file: Any, *args: Any, **kwargs: Any) -> Any:
        if shipped is not None and isinstance(file, (str, os.PathLike)) and Path(file).parent == shipped:
            kwargs["weights_only"] = False
        return load(file, *args, **kwargs)

    with _loading:
        saved = utils.get_optimizer, utils.get_split_optimizer
        utils.get_optimizer, utils.get_split_optimizer = (lambda *args, **kwargs: None), (lambda *args, **kwargs: {})
        torch.load = trusted_load
        try:
            yield
        finally:
            utils.get_optimizer, utils.get_split_optimizer = saved
            torch.load = load


def one_torch_thread() -> None:
    """One torch thread in this process, unless ``OMP_NUM_THREADS`` says otherwise."""
    if "OMP_NUM_THREADS" not in os.environ:
        import torch

        torch.set_num_threads(1)
