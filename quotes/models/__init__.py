"""The compact offline German stanza pipeline shipped with quotes (see README.md and MODEL_CARD.md)."""

from __future__ import annotations

import json
import os
from functools import lru_cache

from ..german.morphology import mark_subjunctive

MODEL_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "de_compact")
PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
POSTPROCESS_VERSION = "mood2"  # bump when apply_mood_lexicon changes what it marks


def pipeline_kwargs(model_dir: str = MODEL_DIR) -> dict:
    """Keyword arguments for ``stanza.Pipeline`` that load the pipeline in ``model_dir`` offline.

    Stanza refuses to start without a ``resources.json`` even when downloads
    are off; the model directory ships an empty one, and
    ``allow_unknown_language`` plus explicit model paths make stanza use it.
    """
    path = lambda name: os.path.join(model_dir, name)  # noqa: E731
    kwargs = {
        "lang": "de",
        "dir": model_dir,
        "download_method": None,
        "allow_unknown_language": True,
        "processors": PROCESSORS,
        "tokenize_model_path": path("tokenize.pt"),
        "mwt_model_path": path("mwt.pt"),
        "pos_model_path": path("pos.pt"),
        "lemma_model_path": path("lemma.pt"),
        "depparse_model_path": path("depparse.pt"),
    }
    if os.path.exists(path("pretrain.pt")):
        kwargs["pos_pretrain_path"] = path("pretrain.pt")
        kwargs["depparse_pretrain_path"] = path("pretrain.pt")
    return kwargs


def load_pipeline(model_dir: str = MODEL_DIR, **overrides):
    """Load the pipeline in ``model_dir`` (no network access); ``overrides`` go to stanza.Pipeline."""
    import stanza

    kwargs = pipeline_kwargs(model_dir)
    kwargs.setdefault("logging_level", "WARN")
    kwargs.update(overrides)
    return stanza.Pipeline(**kwargs)


def apply_mood_lexicon(doc, model_dir: str = MODEL_DIR) -> int:
    """Mark known subjunctive forms (sei, wäre, hätte, könne, würde, ...) as ``Mood=Sub``.

    The tagger under-predicts Konjunktiv; ``model_dir/mood.json`` lists the
    finite verb forms that are subjunctive in at least 90 % of their
    occurrences in the tagger's training data (see
    :func:`quotes.german.morphology.mark_subjunctive`). Returns the number of changed words.
    """
    forms = _mood_forms(model_dir)
    return mark_subjunctive(doc, forms) if forms else 0


@lru_cache(maxsize=8)
def _mood_forms(model_dir: str) -> frozenset[str]:
    """The subjunctive forms of ``model_dir/mood.json`` (empty without one), read once."""
    path = os.path.join(model_dir, "mood.json")
    if not os.path.exists(path):
        return frozenset()
    with open(path, encoding="utf-8") as f:
        return frozenset(json.load(f))
