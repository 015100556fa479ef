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

import argparse
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

from . import convert

COMPONENTS = ("tokenize", "mwt", "pos", "lemma", "depparse")
SHORTHAND = "de_compact"


def _log(msg: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


def prepare(args: argparse.Namespace) -> dict[str, str]:
    """Write the training/dev/held-out files under ``args.work``; return their paths."""
    os.makedirs(args.work, exist_ok=True)
    train, dev, heldout, tok_sents, tagger_sents, not_tagger = [], [], [], [], [], []
    for directory in args.data:
        for path in sorted(glob.glob(os.path.join(directory, "*.conllu"))):
            name = os.path.basename(path)
            sents = convert.read_conllu(path)
            if fnmatch.fnmatch(name, args.heldout):
                sents, held = convert.split_heldout(sents)
                heldout.extend(held)
            if fnmatch.fnmatch(name, args.dev_from):
                dev.extend(s for i, s in enumerate(sents) if i % args.dev_every == 0)
                sents = [s for i, s in enumerate(sents) if i % args.dev_every != 0]
            if fnmatch.fnmatch(name, args.strip_xpos):
                not_tagger.append(f"{name} (foreign XPOS)")
                sents = convert.strip_xpos(sents)
            elif fnmatch.fnmatch(name, args.tagger_skip):
                not_tagger.append(f"{name} (partial FEATS)")
            else:
                tagger_sents.extend(sents)
            _log(f"{name}: {len(sents)} training sentences")
            train.extend(sents)
            if not fnmatch.fnmatch(name, args.tokenizer_skip):
                tok_sents.extend(sents)
    if not train or not dev:
        raise SystemExit("no training or dev data found (check --data and --dev-from)")

    w = args.work
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

    if args.tagger_extra:
        extra = [s for d in args.tagger_extra for s in convert.read_redewiedergabe(d)]
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
    for directory in args.news:
        n = convert.add_wikinews_tokenizer_data(tok_train, directory)
        _log(f"tokenizer: {n} news articles from {directory}")
    tok_train.write(paths["tok_train_txt"], paths["tok_train_labels"], paths["mwt_json"])
    tok_dev = convert.TokenizerData()
    convert.add_conllu_tokenizer_data(tok_dev, dev)
    tok_dev.write(paths["tok_dev_txt"], paths["tok_dev_labels"])
    _log(f"tokenizer: {len(tok_train.paragraphs)} training paragraphs")
    return paths


def _command(component: str, args: argparse.Namespace, paths: dict[str, str]) -> list[str]:
    save = os.path.join(args.work, "models")
    common = ["--save_dir", save, "--save_name", f"{component}.pt", "--shorthand", SHORTHAND]
    out = os.path.join(args.work, f"{component}_dev_pred.conllu")
    if component == "tokenize":
        return ["stanza.models.tokenizer", "--mode", "train", "--lang", "de",
                "--txt_file", paths["tok_train_txt"], "--label_file", paths["tok_train_labels"],
                "--mwt_json_file", paths["mwt_json"],
                "--dev_txt_file", paths["tok_dev_txt"], "--dev_label_file", paths["tok_dev_labels"],
                "--dev_conll_gold", paths["dev"], "--conll_file", out,
                "--max_seqlen", "300", "--steps", str(args.tokenize_steps)] + common
    if component == "mwt":
        return ["stanza.models.mwt_expander", "--mode", "train", "--lang", "de",
                "--train_file", paths["train"], "--eval_file", paths["dev"], "--gold_file", paths["dev"],
                "--output_file", out, "--num_epoch", str(args.mwt_epochs)] + common
    if component == "pos":
        train = paths["tagger_train"]
        extra = []
        if "extra" in paths:
            train = f"{train};{paths['extra']}"
            extra = ["--train_ratios", f"1.0;{args.extra_ratio}"]
        return ["stanza.models.tagger", "--mode", "train", "--lang", "de",
                "--train_file", train, "--eval_file", paths["dev"], "--output_file", out,
                "--no_pretrain", "--share_hid", "--max_steps", str(args.pos_steps),
                # small batches and a smaller character LSTM: many more updates per CPU minute
                "--batch_size", "50", "--char_hidden_dim", "200",
                "--eval_interval", "100", "--fix_eval_interval"] + extra + common
    if component == "lemma":
        return ["stanza.models.lemmatizer", "--mode", "train",
                "--train_file", paths["train"], "--eval_file", paths["dev"],
                "--output_file", out, "--num_epoch", str(args.lemma_epochs)] + common
    if component == "depparse":
        return ["stanza.models.parser", "--mode", "train", "--lang", "de",
                "--train_file", paths["train"], "--eval_file", paths["dev"], "--output_file", out,
                "--max_steps", str(args.depparse_steps),
                # tags in: UPOS only (the training XPOS tagsets differ; predicted UFeats are noisy)
                "--no_pretrain", "--no_xpos", "--no_ufeats",
                # a smaller parser trained with Adam converges within a CPU budget
                "--batch_size", "1500", "--hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
                "--char_hidden_dim", "200", "--optim", "adam", "--lr", "0.002", "--beta2", "0.95",
                "--no_second_optim", "--eval_interval", "100"] + common
    raise ValueError(component)


def train_component(component: str, args: argparse.Namespace, paths: dict[str, str]) -> str:
    """Run one stanza trainer (niced, one torch thread, time-boxed); return the model path."""
    os.makedirs(os.path.join(args.work, "models"), exist_ok=True)
    cmd = [sys.executable, "-m"] + _command(component, args, paths) + shlex.split(args.trainer_args.get(component, ""))
    log_path = os.path.join(args.work, f"{component}.log")
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads))
    minutes = _budget(args.minutes, component)
    _log(f"{component}: training (log {log_path}, budget {minutes:g} min)")
    start = time.time()
    with open(log_path, "w") as log:
        log.write(shlex.join(cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(["nice", "-n", str(args.nice)] + cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            rc = proc.wait(timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
            rc = 0
            _log(f"{component}: time budget reached, keeping the best checkpoint so far")
    model = os.path.join(args.work, "models", f"{component}.pt")
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


def write_pipeline(args: argparse.Namespace, models: dict[str, str], paths: dict[str, str], argv: list[str]) -> None:
    import stanza

    os.makedirs(args.out, exist_ok=True)
    for component, path in models.items():
        save_compact(path, os.path.join(args.out, f"{component}.pt"))
    if "pos" in models:
        with open(paths["mood"], encoding="utf-8") as src, open(os.path.join(args.out, "mood.json"), "w", encoding="utf-8") as dst:
            dst.write(src.read())
    with open(os.path.join(args.out, "resources.json"), "w") as f:
        f.write("{}\n")
    meta_path = os.path.join(args.out, "model.json")
    meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
    today = datetime.date.today().isoformat()
    meta.update({
        "name": "quotes-de-compact",
        "version": today,
        "stanza_version": stanza.__version__,
        "trained": today,
        "command": "python -m quotes.models.train " + shlex.join(argv),
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


def _trainer_args(value: str) -> tuple[str, str]:
    component, _, extra = value.partition("=")
    if component not in COMPONENTS:
        raise argparse.ArgumentTypeError(f"unknown component {component!r} (one of {', '.join(COMPONENTS)})")
    return component, extra


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotes models train", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", nargs="+", required=True, help="directories with UD CoNLL-U files")
    p.add_argument("--out", required=True, help="pipeline directory to write")
    p.add_argument("--news", nargs="*", default=[], help="wikinews-quotes JSON split directories (tokenizer text)")
    p.add_argument("--tagger-extra", nargs="*", default=[], help="Redewiedergabe TSV directories (extra tagger data)")
    p.add_argument("--extra-ratio", type=float, default=0.2, help="fraction of --tagger-extra used per tagger epoch")
    p.add_argument("--heldout", default="*gsd-ud-test.conllu", help="file-name glob whose second half is held out")
    p.add_argument("--dev-from", default="*gsd-ud-*.conllu", help="file-name glob the dev set is drawn from")
    p.add_argument("--dev-every", type=int, default=8, help="every n-th sentence of --dev-from files is dev")
    p.add_argument("--strip-xpos", default="*pud-ud-*.conllu",
                   help="file-name glob with a foreign XPOS tagset: kept out of the tagger, XPOS blanked")
    p.add_argument("--tagger-skip", default="*lit-ud-*.conllu",
                   help="file-name glob kept out of the tagger (LIT has only partial FEATS: no Mood, Tense, ...)")
    p.add_argument("--tokenizer-skip", default="*lit-ud-*.conllu",
                   help="file-name glob kept out of the tokenizer data (LIT leaves contractions like 'im' unsplit)")
    p.add_argument("--work", default=".train/work", help="directory for intermediate files")
    p.add_argument("--components", nargs="+", default=list(COMPONENTS), choices=COMPONENTS)
    p.add_argument("--minutes", nargs="+", default=["60"], metavar="[COMPONENT=]MIN",
                   help="wall-clock budget per component: a default and/or per-component values, e.g. 30 lemma=20")
    p.add_argument("--jobs", type=int, default=2, help="components trained concurrently")
    p.add_argument("--threads", type=int, default=1, help="torch threads per trainer")
    p.add_argument("--nice", type=int, default=5)
    p.add_argument("--trainer-args", nargs="*", default=[], metavar="COMPONENT=ARGS", type=_trainer_args,
                   help='extra stanza trainer arguments, e.g. pos="--batch_size 50 --char_hidden_dim 200"')
    p.add_argument("--tokenize-steps", type=int, default=20000)
    p.add_argument("--mwt-epochs", type=int, default=30)
    p.add_argument("--pos-steps", type=int, default=20000)
    p.add_argument("--lemma-epochs", type=int, default=40)
    p.add_argument("--depparse-steps", type=int, default=20000)
    return p


def train(args: argparse.Namespace, argv: list[str]) -> dict[str, str]:
    """Prepare the data, train the requested components, write the pipeline directory."""
    paths = prepare(args)
    # two queues that balance the work: (tokenize, mwt, lemma) and (pos, depparse)
    queues = [[c for c in ("tokenize", "mwt", "lemma") if c in args.components],
              [c for c in ("pos", "depparse") if c in args.components]]
    models: dict[str, str] = {}

    def run_queue(queue: list[str]) -> None:
        for component in queue:
            models[component] = train_component(component, args, paths)

    if args.jobs > 1:
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(run_queue, q) for q in queues]:
                future.result()
    else:
        run_queue(queues[0] + queues[1])
    write_pipeline(args, models, paths, argv)
    _log(f"pipeline written to {args.out}")
    return models


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.trainer_args = dict(args.trainer_args)
    train(args, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
