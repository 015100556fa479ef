"""The faster cycle finder gives stanza's answers; the quantised pipeline is cached apart."""

import numpy as np
from stanza.models.common import chuliu_edmonds

from quotes.parsing import Parser
from quotes.speedups import tarjan

STANZA_TARJAN = chuliu_edmonds.tarjan  # stanza's own, before any pipeline replaces it


def test_tarjan_finds_stanzas_cycles_in_stanzas_order():
    rng = np.random.default_rng(0)
    for _ in range(3000):
        size = int(rng.integers(1, 40))
        tree = rng.integers(0, size, size=size)
        if rng.random() < 0.5:
            tree[0] = 0  # the root heads itself, as in the decoder
        expected, found = STANZA_TARJAN(tree), tarjan(tree)
        assert len(found) == len(expected)
        assert all(f.dtype == e.dtype and (f == e).all() for f, e in zip(found, expected))


def test_tarjan_on_a_long_chain_needs_no_recursion():
    tree = (np.arange(5000) - 1) % 5000  # the head of i is i - 1, of 0 is 4999: one cycle of all
    (cycle,) = tarjan(tree)
    assert cycle.all()


def test_a_quantised_parser_has_its_own_model_id():
    assert Parser("compact", quantise=True).model_id == Parser("compact").model_id + "+int8"
