"""Train the compact German stanza pipeline (tokenize+mwt, pos, lemma, depparse) end to end.

Usage::

    python -m quotes.models.train --data /work/shared/ud-german/UD_German-GSD ... --out quotes/models/de_compact

Steps:

1. ``prepare``: read every ``*.conllu`` under the ``--data`` directories.  For
   files matching ``--heldout`` (default: GSD test) only the first half is used;
   the second half is written to ``WORK/heldout.conllu`` and never trained on.
   Every ``--dev-every``-th sentence of the files matching ``--dev-from``
   (default: GSD) becomes the dev set used for early stopping/model selection.
   Tokenizer data: the UD training sentences plus the articles of each
   ``--news`` directory (wikinews-quotes-2024 JSON, gold tokens and sentences);
   files matching ``--tokenizer-skip`` (default: LIT) are left out of it.
   ``--tagger-extra`` adds Redewiedergabe TSV data (non-commercial license) to
   the tagger training; files matching ``--strip-xpos`` (PUD) or
   ``--tagger-skip`` (LIT, partial FEATS) are not tagger data.
2. Each component is trained with stanza's own trainer in a subprocess.  A
   component's ``--minutes`` budget stops its trainer; stanza keeps the best
   dev checkpoint saved so far, which is the one shipped.
3. The models (weights stored as float16), an empty ``resources.json``,
   ``mood.json`` (see ``quotes.models.apply_mood_lexicon``) and ``model.json``
   go to ``--out``.

Intermediate files live in ``--work`` (default ``.train/work``), outside git.
"""

from __future__ import annotations

import datetime
import fnmatch
import glob
import json
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import convert

COMPONENTS = ("tokenize", "mwt", "pos", "lemma", "depparse")
SHORTHAND = "de_compact"


@dataclass
class Options:
    """What to train on and how (``quotes models train --help`` explains each option)."""

    data: list[str]
    out: str
    news: list[str] = field(default_factory=list)
    tagger_extra: list[str] = field(default_factory=list)
    extra_ratio: float = 0.2
    heldout: str = "*gsd-ud-test.conllu"
    dev_from: str = "*gsd-ud-*.conllu"
    dev_every: int = 8
    strip_xpos: str = "*pud-ud-*.conllu"
    tagger_skip: str = "*lit-ud-*.conllu"
    tokenizer_skip: str = "*lit-ud-*.conllu"
    work: str = ".train/work"
    components: list[str] = field(default_factory=lambda: list(COMPONENTS))
    minutes: list[str] = field(default_factory=lambda: ["60"])
    jobs: int = 2
    threads: int = 1
    nice: int = 5
    trainer_args: dict[str, str] = field(default_factory=dict)
    """Extra stanza trainer arguments per component, e.g. ``{"pos": "--batch_size 50"}``."""
    tokenize_steps: int = 20000
    mwt_epochs: int = 30
    pos_steps: int = 20000
    lemma_epochs: int = 40
    depparse_steps: int = 20000


def _log(msg: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


def prepare(options: Options) -> dict[str, str]:
    """Write the training/dev/held-out files under ``options.work``; return their paths."""
    os.makedirs(options.work, exist_ok=True)
    train, dev, heldout, tok_sents, tagger_sents, not_tagger = [], [], [], [], [], []
    for directory in options.data:
        for path in sorted(glob.glob(os.path.join(directory, "*.conllu"))):
            name = os.path.basename(path)
            sents = convert.read_conllu(path)
            if fnmatch.fnmatch(name, options.heldout):
                sents, held = convert.split_heldout(sents)
                heldout.extend(held)
            if fnmatch.fnmatch(name, options.dev_from):
                dev.extend(s for i, s in enumerate(sents) if i % options.dev_every == 0)
                sents = [s for i, s in enumerate(sents) if i % options.dev_every != 0]
            if fnmatch.fnmatch(name, options.strip_xpos):
                not_tagger.append(f"{name} (foreign XPOS)")
                sents = convert.strip_xpos(sents)
            elif fnmatch.fnmatch(name, options.tagger_skip):
                not_tagger.append(f"{name} (partial FEATS)")
            else:
                tagger_sents.extend(sents)
            _log(f"{name}: {len(sents)} training sentences")
            train.extend(sents)
            if not fnmatch.fnmatch(name, options.tokenizer_skip):
                tok_sents.extend(sents)
    if not train or not dev:
        raise SystemExit("no training or dev data found (check --data and --dev-from)")

    w = options.work
    paths = {
        "train": os.path.join(w, "train.conllu"),
        "dev": os.path.join(w, "dev.conllu"),
        "heldout": os.path.join(w, "heldout.conllu"),
        "tok_train_txt": os.path.join(w, "tok_train.txt"),
        "tok_train_labels": os.path.join(w, "tok_train.labels"),
        "tok_dev_txt": os.path.join(w, "tok_dev.txt"),
        "tok_dev_labels": os.path.join(w, "tok_dev.labels"),
        "mwt_json": os.path.join(w, "mwt.json"),
        "tagger_train": os.path.join(w, "train.conllu"),
    }
    convert.write_conllu(train, paths["train"])
    convert.write_conllu(dev, paths["dev"])
    convert.write_conllu(heldout, paths["heldout"])
    _log(f"train {len(train)}, dev {len(dev)}, held-out {len(heldout)} sentences")

    # The tagger must neither learn a foreign XPOS tagset nor that words lack their features.
    if not_tagger:
        paths["tagger_train"] = os.path.join(w, "tagger_train.conllu")
        convert.write_conllu(tagger_sents, paths["tagger_train"])
        _log(f"tagger: {len(tagger_sents)} UD sentences, without {', '.join(not_tagger)}")

    if options.tagger_extra:
        extra = [s for d in options.tagger_extra for s in convert.read_redewiedergabe(d)]
        paths["extra"] = os.path.join(w, "extra.conllu")
        convert.write_conllu(extra, paths["extra"])
        _log(f"extra tagger data: {len(extra)} sentences")

    tagger_data = [paths["tagger_train"]] + ([paths["extra"]] if "extra" in paths else [])
    paths["mood"] = os.path.join(w, "mood.json")
    lexicon = convert.mood_lexicon(s for p in tagger_data for s in convert.read_conllu(p))
    with open(paths["mood"], "w", encoding="utf-8") as f:
        json.dump(lexicon, f, ensure_ascii=False, indent=0)
    _log(f"mood lexicon: {len(lexicon)} subjunctive forms")

    tok_train = convert.TokenizerData()
    convert.add_conllu_tokenizer_data(tok_train, tok_sents)
    for directory in options.news:
        n = convert.add_wikinews_tokenizer_data(tok_train, directory)
        _log(f"tokenizer: {n} news articles from {directory}")
    tok_train.write(paths["tok_train_txt"], paths["tok_train_labels"], paths["mwt_json"])
    tok_dev = convert.TokenizerData()
    convert.add_conllu_tokenizer_data(tok_dev, dev)
    tok_dev.write(paths["tok_dev_txt"], paths["tok_dev_labels"])
    _log(f"tokenizer: {len(tok_train.paragraphs)} training paragraphs")
    return paths


def _command(component: str, options: Options, paths: dict[str, str]) -> list[str]:
    save = os.path.join(options.work, "models")
    common = ["--save_dir", save, "--save_name", f"{component}.pt", "--shorthand", SHORTHAND]
    out = os.path.join(options.work, f"{component}_dev_pred.conllu")
    if component == "tokenize":
        return ["stanza.models.tokenizer", "--mode", "train", "--lang", "de",
                "--txt_file", paths["tok_train_txt"], "--label_file", paths["tok_train_labels"],
                "--mwt_json_file", paths["mwt_json"],
                "--dev_txt_file", paths["tok_dev_txt"], "--dev_label_file", paths["tok_dev_labels"],
                "--dev_conll_gold", paths["dev"], "--conll_file", out,
                "--max_seqlen", "300", "--steps", str(options.tokenize_steps)] + common
    if component == "mwt":
        return ["stanza.models.mwt_expander", "--mode", "train", "--lang", "de",
                "--train_file", paths["train"], "--eval_file", paths["dev"], "--gold_file", paths["dev"],
                "--output_file", out, "--num_epoch", str(options.mwt_epochs)] + common
    if component == "pos":
        train = paths["tagger_train"]
        extra = []
        if "extra" in paths:
            train = f"{train};{paths['extra']}"
            extra = ["--train_ratios", f"1.0;{options.extra_ratio}"]
        return ["stanza.models.tagger", "--mode", "train", "--lang", "de",
                "--train_file", train, "--eval_file", paths["dev"], "--output_file", out,
                "--no_pretrain", "--share_hid", "--max_steps", str(options.pos_steps),
                # small batches and a smaller character LSTM: many more updates per CPU minute
                "--batch_size", "50", "--char_hidden_dim", "200",
                "--eval_interval", "100", "--fix_eval_interval"] + extra + common
    if component == "lemma":
        return ["stanza.models.lemmatizer", "--mode", "train",
                "--train_file", paths["train"], "--eval_file", paths["dev"],
                "--output_file", out, "--num_epoch", str(options.lemma_epochs)] + common
    if component == "depparse":
        return ["stanza.models.parser", "--mode", "train", "--lang", "de",
                "--train_file", paths["train"], "--eval_file", paths["dev"], "--output_file", out,
                "--max_steps", str(options.depparse_steps),
                # tags in: UPOS only (the training XPOS tagsets differ; predicted UFeats are noisy)
                "--no_pretrain", "--no_xpos", "--no_ufeats",
                # a smaller parser trained with Adam converges within a CPU budget
                "--batch_size", "1500", "--hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
                "--char_hidden_dim", "200", "--optim", "adam", "--lr", "0.002", "--beta2", "0.95",
                "--no_second_optim", "--eval_interval", "100"] + common
    raise ValueError(component)


def train_component(component: str, options: Options, paths: dict[str, str]) -> str:
    """Run one stanza trainer (niced, one torch thread, time-boxed); return the model path."""
    os.makedirs(os.path.join(options.work, "models"), exist_ok=True)
    cmd = [sys.executable, "-m"] + _command(component, options, paths) + shlex.split(options.trainer_args.get(component, ""))
    log_path = os.path.join(options.work, f"{component}.log")
    env = dict(os.environ, OMP_NUM_THREADS=str(options.threads), MKL_NUM_THREADS=str(options.threads))
    minutes = _budget(options.minutes, component)
    _log(f"{component}: training (log {log_path}, budget {minutes:g} min)")
    start = time.time()
    with open(log_path, "w") as log:
        log.write(shlex.join(cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(["nice", "-n", str(options.nice)] + cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            rc = proc.wait(timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
            rc = 0
            _log(f"{component}: time budget reached, keeping the best checkpoint so far")
    model = os.path.join(options.work, "models", f"{component}.pt")
    if rc != 0 or not os.path.exists(model):
        raise RuntimeError(f"{component} training failed (rc={rc}), see {log_path}")
    _log(f"{component}: done in {(time.time() - start) / 60:.1f} min")
    return model


def save_compact(src: str, dst: str) -> None:
    """Copy a stanza model file, storing its floating-point weights as float16.

    Stanza loads the weights with ``load_state_dict``, which casts them back to
    the model's float32 parameters, so only the precision of the stored
    weights changes (the file is half the size).
    """
    import torch

    checkpoint = torch.load(src, map_location="cpu", weights_only=False)
    checkpoint["model"] = {
        k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v
        for k, v in checkpoint["model"].items()
    }
    torch.save(checkpoint, dst)


def write_pipeline(options: Options, models: dict[str, str], paths: dict[str, str], command: str) -> None:
    """Write the pipeline directory; ``command`` is recorded in ``model.json`` as what produced it."""
    import stanza

    os.makedirs(options.out, exist_ok=True)
    for component, path in models.items():
        save_compact(path, os.path.join(options.out, f"{component}.pt"))
    if "pos" in models:
        with open(paths["mood"], encoding="utf-8") as src, open(os.path.join(options.out, "mood.json"), "w", encoding="utf-8") as dst:
            dst.write(src.read())
    with open(os.path.join(options.out, "resources.json"), "w") as f:
        f.write("{}\n")
    meta_path = os.path.join(options.out, "model.json")
    meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
    today = datetime.date.today().isoformat()
    meta.update({
        "name": "quotes-de-compact",
        "version": today,
        "stanza_version": stanza.__version__,
        "trained": today,
        "command": command,
        "heldout": "second half (in file order) of each --heldout file: for UD_German-GSD "
                   "de_gsd-ud-test.conllu sentences test-s489..test-s977 (489 sentences); never used "
                   "for training or model selection",
    })
    meta.setdefault("scores", {})
    meta.setdefault("license", "")
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)
        f.write("\n")


def _budget(values: list[str], component: str) -> float:
    """The time budget in minutes of ``component`` from ``--minutes`` values like ``30 lemma=20``."""
    budget = 60.0
    for value in values:
        name, _, minutes = value.rpartition("=")
        if name in ("", component):
            budget = float(minutes)
    return budget


def train(options: Options, command: str = "") -> dict[str, str]:
    """Prepare the data, train the requested components, write the pipeline directory
    (``command``, the command line that asked for it, goes into its ``model.json``)."""
    paths = prepare(options)
    # two queues that balance the work: (tokenize, mwt, lemma) and (pos, depparse)
    queues = [[c for c in ("tokenize", "mwt", "lemma") if c in options.components],
              [c for c in ("pos", "depparse") if c in options.components]]
    models: dict[str, str] = {}

    def run_queue(queue: list[str]) -> None:
        for component in queue:
            models[component] = train_component(component, options, paths)

    if options.jobs > 1:
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(run_queue, q) for q in queues]:
                future.result()
    else:
        run_queue(queues[0] + queues[1])
    write_pipeline(options, models, paths, command)
    _log(f"pipeline written to {options.out}")
    return models


if __name__ == "__main__":  # python -m quotes.models.train: the options of `quotes models train`
    from quotes.cli.models import train_main

    sys.exit(train_main())
