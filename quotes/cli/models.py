"""``quotes models list | download | train | evaluate``: the parsing models.

``python -m quotes.models.train`` and ``python -m quotes.models.evaluate`` run :func:`train_main`
and :func:`evaluate_main` here, with the same options.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from typing import Any, Sequence

from quotes.cli.options import add_quantise_argument


def register(commands: Any) -> None:
    """Add ``quotes models`` and its subcommands."""
    models = commands.add_parser("models", help="list, download, train or evaluate parsing models")
    models_commands = models.add_subparsers(dest="models_command", required=True)
    models_commands.add_parser("list", help="installed models, their scores and the default")
    download = models_commands.add_parser("download", help="download stanza's official German models")
    download.add_argument("--package", default="default", choices=("default", "hdt", "gsd"))
    train = models_commands.add_parser(
        "train", add_help=False, help="train the compact pipeline from CoNLL-U (see quotes/models/README.md)"
    )  # its own --help comes from the trainer's parser, train_parser()
    train.add_argument("train_args", nargs=argparse.REMAINDER)
    evaluate = models_commands.add_parser("evaluate", help="score a pipeline directory on gold CoNLL-U, from raw text")
    _evaluate_arguments(evaluate)
    models.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quotes.parsing import describe_models, download_models

    if args.models_command == "list":
        print(describe_models())
    elif args.models_command == "download":
        download_models(args.package)
    elif args.models_command == "train":
        return train_main(args.train_args)
    elif args.models_command == "evaluate":
        return _evaluate(args)
    return 0


# --- train ----------------------------------------------------------------------------------

def _trainer_args(value: str) -> tuple[str, str]:
    from quotes.models.train import COMPONENTS

    component, _, extra = value.partition("=")
    if component not in COMPONENTS:
        raise argparse.ArgumentTypeError(f"unknown component {component!r} (one of {', '.join(COMPONENTS)})")
    return component, extra


def train_parser() -> argparse.ArgumentParser:
    """The options of ``quotes models train`` (defaults: those of :class:`quotes.models.train.Options`)."""
    from quotes.models import train

    d = train.Options(data=[], out="")
    p = argparse.ArgumentParser(prog="quotes models train", description=train.__doc__.split("\n\n")[0])
    p.add_argument("--data", nargs="+", required=True, help="directories with UD CoNLL-U files")
    p.add_argument("--out", required=True, help="pipeline directory to write")
    p.add_argument("--news", nargs="*", default=d.news, help="wikinews-quotes JSON split directories (tokenizer text)")
    p.add_argument("--tagger-extra", nargs="*", default=d.tagger_extra, help="Redewiedergabe TSV directories (extra tagger data)")
    p.add_argument("--extra-ratio", type=float, default=d.extra_ratio, help="fraction of --tagger-extra used per tagger epoch")
    p.add_argument("--heldout", default=d.heldout, help="file-name glob whose second half is held out")
    p.add_argument("--dev-from", default=d.dev_from, help="file-name glob the dev set is drawn from")
    p.add_argument("--dev-every", type=int, default=d.dev_every, help="every n-th sentence of --dev-from files is dev")
    p.add_argument("--strip-xpos", default=d.strip_xpos,
                   help="file-name glob with a foreign XPOS tagset: kept out of the tagger, XPOS blanked")
    p.add_argument("--tagger-skip", default=d.tagger_skip,
                   help="file-name glob kept out of the tagger (LIT has only partial FEATS: no Mood, Tense, ...)")
    p.add_argument("--tokenizer-skip", default=d.tokenizer_skip,
                   help="file-name glob kept out of the tokenizer data (LIT leaves contractions like 'im' unsplit)")
    p.add_argument("--work", default=d.work, help="directory for intermediate files")
    p.add_argument("--components", nargs="+", default=d.components, choices=train.COMPONENTS)
    p.add_argument("--minutes", nargs="+", default=d.minutes, metavar="[COMPONENT=]MIN",
                   help="wall-clock budget per component: a default and/or per-component values, e.g. 30 lemma=20")
    p.add_argument("--jobs", type=int, default=d.jobs, help="components trained concurrently")
    p.add_argument("--threads", type=int, default=d.threads, help="torch threads per trainer")
    p.add_argument("--nice", type=int, default=d.nice)
    p.add_argument("--trainer-args", nargs="*", default=[], metavar="COMPONENT=ARGS", type=_trainer_args,
                   help='extra stanza trainer arguments, e.g. pos="--batch_size 50 --char_hidden_dim 200"')
    p.add_argument("--tokenize-steps", type=int, default=d.tokenize_steps)
    p.add_argument("--mwt-epochs", type=int, default=d.mwt_epochs)
    p.add_argument("--pos-steps", type=int, default=d.pos_steps)
    p.add_argument("--lemma-epochs", type=int, default=d.lemma_epochs)
    p.add_argument("--depparse-steps", type=int, default=d.depparse_steps)
    return p


def train_main(argv: Sequence[str] | None = None) -> int:
    """``quotes models train ARGS`` (and ``python -m quotes.models.train ARGS``)."""
    from quotes.models import train

    argv = list(sys.argv[1:] if argv is None else argv)
    args = vars(train_parser().parse_args(argv))
    args["trainer_args"] = dict(args["trainer_args"])
    train.train(train.Options(**args), command="python -m quotes.models.train " + shlex.join(argv))
    return 0


# --- evaluate -------------------------------------------------------------------------------

def _evaluate_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--model", required=True, help="pipeline directory (tokenize.pt, mwt.pt, ...)")
    gold = p.add_mutually_exclusive_group(required=True)
    gold.add_argument("--gold", help="gold CoNLL-U file")
    gold.add_argument(
        "--heldout-of", metavar="FILE", help="score on the held-out second half of FILE, as cut off by train.py "
        "(for the shipped model: UD_German-GSD/de_gsd-ud-test.conllu)"
    )
    p.add_argument("--pred", help="also write the system CoNLL-U here")
    add_quantise_argument(p)
    return p


def _evaluate(args: argparse.Namespace) -> int:
    from quotes.models.evaluate import evaluate, evaluate_heldout

    if args.heldout_of:
        print(json.dumps(evaluate_heldout(args.model, args.heldout_of, args.pred, args.quantise), indent=2))
    else:
        print(json.dumps(evaluate(args.model, args.gold, args.pred, args.quantise), indent=2))
    return 0


def evaluate_main(argv: Sequence[str] | None = None) -> int:
    """``python -m quotes.models.evaluate ARGS``: as ``quotes models evaluate ARGS``."""
    from quotes.models import evaluate

    parser = argparse.ArgumentParser(prog="python -m quotes.models.evaluate", description=evaluate.__doc__.split("\n\n")[0])
    return _evaluate(_evaluate_arguments(parser).parse_args(argv))
