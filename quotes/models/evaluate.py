"""Evaluate a stanza pipeline directory on a gold CoNLL-U file, from raw text.

Usage (``quotes models evaluate`` takes the same options)::

    python -m quotes.models.evaluate --model quotes/models/de_compact --gold heldout.conllu [--pred OUT.conllu]
    python -m quotes.models.evaluate --model quotes/models/de_compact --heldout-of ../shared/ud-german/UD_German-GSD/de_gsd-ud-test.conllu

The raw text is rebuilt from the gold tokens (``SpaceAfter=No`` respected);
sentences are joined by a space, ``# newdoc``/``# newpar`` start a new
paragraph (blank line).  The pipeline parses that text, and the output is
scored with the CoNLL 2018 shared task evaluation (stanza uses the UD tools'
``udtools.udeval``, the maintained version of ``conll18_ud_eval.py``): F1 of
Tokens, Sentences, Words, UPOS, XPOS, UFeats, AllTags, Lemmas, UAS, LAS, CLAS,
MLAS, BLEX.

``Mood`` is the accuracy of the Mood feature on gold finite verbs (gold FEATS
with ``VerbForm=Fin`` or gold XPOS ending in ``FIN``/``IMP``): a verb counts as
correct when the system word with the same character span has the same Mood
value; a verb whose token was segmented differently counts as wrong.
``Mood_with_lexicon`` is the same after ``quotes.models.apply_mood_lexicon``.
All other scores are those of the pipeline output as is.

Prints one JSON object with the scores (percentages), load time and throughput.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from . import apply_mood_lexicon, convert, load_pipeline


def raw_text(sentences: list[convert.Sentence]) -> str:
    """The running text of the gold sentences (paragraphs at newdoc/newpar)."""
    paragraphs: list[list[str]] = []
    for s in sentences:
        if not paragraphs or s.starts_paragraph():
            paragraphs.append([])
        paragraphs[-1].append(s.text())
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def _feat(feats: str, name: str) -> str | None:
    for item in feats.split("|"):
        if item.startswith(name + "="):
            return item.split("=", 1)[1]
    return None


def mood_accuracy(gold_path: str, system_path: str) -> tuple[float, int]:
    """(accuracy in %, number of gold finite verbs) of Mood on gold finite verbs."""
    from udtools import udeval

    gold = udeval.load_conllu_file(gold_path)
    system = udeval.load_conllu_file(system_path)
    by_span = {}
    for w in system.words:
        if not w.is_multiword:
            by_span[(w.span.start, w.span.end)] = w
    total = correct = 0
    for w in gold.words:
        feats, xpos = w.columns[5], w.columns[4]
        if _feat(feats, "VerbForm") != "Fin" and not xpos.endswith(("FIN", "IMP")):
            continue
        total += 1
        sw = None if w.is_multiword else by_span.get((w.span.start, w.span.end))
        if sw is not None and _feat(sw.columns[5], "Mood") == _feat(feats, "Mood"):
            correct += 1
    return (100.0 * correct / total if total else 0.0), total


def evaluate(model_dir: str, gold_path: str, pred_path: str | None = None, quantise: bool = False) -> dict:
    """Parse the raw text of ``gold_path`` with the pipeline in ``model_dir`` (int8-quantised
    with ``quantise``, see :func:`quotes.speedups.quantise`) and score it."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    sentences = convert.read_conllu(gold_path)
    text = raw_text(sentences)
    start = time.time()
    nlp = load_pipeline(model_dir)
    if quantise:
        from quotes.speedups import quantise as quantise_pipeline

        quantise_pipeline(nlp)
    load_s = time.time() - start
    start = time.time()
    doc = nlp(text)
    parse_s = time.time() - start
    n_tokens = sum(len(s.tokens) for s in doc.sentences)

    with tempfile.TemporaryDirectory() as tmp:
        out = pred_path or os.path.join(tmp, "pred.conllu")
        CoNLL.write_doc2conll(doc, out)
        scores = ud_scores(gold_path, out)
        mood, n_fin = mood_accuracy(gold_path, out)
        apply_mood_lexicon(doc, model_dir)
        CoNLL.write_doc2conll(doc, os.path.join(tmp, "pred_mood.conllu"))
        mood_lex, _ = mood_accuracy(gold_path, os.path.join(tmp, "pred_mood.conllu"))
    result = {name: round(100 * score.f1, 2) for name, score in scores.items()}
    result["Mood"] = round(mood, 2)
    result["Mood_with_lexicon"] = round(mood_lex, 2)
    result["finite_verbs"] = n_fin
    result["load_seconds"] = round(load_s, 2)
    result["parse_seconds"] = round(parse_s, 2)
    result["tokens_per_second"] = round(n_tokens / parse_s, 1)
    result["torch_threads"] = _torch_threads()
    return result


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


def evaluate_heldout(model_dir: str, treebank: str, pred_path: str | None = None, quantise: bool = False) -> dict:
    """:func:`evaluate` on the held-out second half of ``treebank``, as ``train.py`` cuts it off."""
    from .convert import read_conllu, split_heldout, write_conllu

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "heldout.conllu")
        write_conllu(split_heldout(read_conllu(treebank))[1], path)
        return evaluate(model_dir, path, pred_path, quantise)


if __name__ == "__main__":  # python -m quotes.models.evaluate: as `quotes models evaluate`
    from quotes.cli.models import evaluate_main

    sys.exit(evaluate_main())
