"""Options several commands share."""

from __future__ import annotations

import argparse

from quotes.extractor import METHODS


def add_method_arguments(parser: argparse.ArgumentParser, default: str | None = METHODS[0], default_help: str = "default") -> None:
    """``--method`` and ``--decisions``: how the rules' candidates are decided."""
    parser.add_argument(
        "--method", choices=METHODS, default=default,
        help=f"learned: models trained on news keep, type and weigh the rules' candidates ({default_help}); rules: the rules alone",
    )
    parser.add_argument(
        "--decisions", metavar="FILE|NAME",
        help="trained decisions written by `quotes train`, or shipped ones: news (default), literature (trained on Redewiedergabe)",
    )


def add_quantise_argument(parser: argparse.ArgumentParser) -> None:
    """``--quantise``: parse with the int8-quantised pipeline (see quotes.speedups)."""
    parser.add_argument(
        "--quantise", action=argparse.BooleanOptionalAction, default=False,
        help="int8 dynamic quantisation of the tagger, lemmatizer and parser (faster, slightly different parses; "
        "cached apart; default: off)",
    )


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    """``-v``/``--verbose``: the compact-model notice on every run (otherwise on the first only)."""
    parser.add_argument("-v", "--verbose", action="store_true", help="say on every run when the compact built-in model parses")

