"""Byte-identical output check for refactors: run ``quotes extract`` on the corpora in ../shared.

    python tools/check_identical.py record DIR    # before the change: writes DIR/<corpus>-<split>.jsonl
    python tools/check_identical.py compare DIR   # after it: the same runs, compared with DIR

Documents are fed as raw text (JSONL), exactly as a user would; ``--cache`` keeps the parses so the
second run skips parsing. ``compare`` lists each quote that differs and exits 1 if any does, or if
a quote names a ``rule`` that is not a registered rule function.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from quotes import corpora
from quotes.rules import RULES

RUNS = (("wikinews", "dev"), ("wikinews", "train"), ("spkatt", "train"), ("redewiedergabe", "main"))


def _input(name: str, split: str, path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for document in corpora.read(name, split):
            stream.write(json.dumps({"id": document.id, "text": document.text}, ensure_ascii=False) + "\n")


def _extract(name: str, split: str, out: Path, cache: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "input.jsonl"
        _input(name, split, source)
        target = out / f"{name}-{split}.jsonl"
        command = [sys.executable, "-m", "quotes", "extract", "--input-format", "jsonl", "--model", "compact",
                   "--cache", str(cache), "-q", "-o", str(target), *_rules_only(), str(source)]
        subprocess.run(command, check=True)
    return target


def _rules_only() -> list[str]:
    """``--method rules`` where the checked-out code has trained decisions: a refactor of the
    rules is compared on the rules' own output (older code has only the rules)."""
    import quotes.extractor

    return ["--method", "rules"] if hasattr(quotes.extractor, "METHODS") else []


def _differences(before: Path, after: Path) -> list[str]:
    old, new = before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
    gone, added = sorted(set(old) - set(new)), sorted(set(new) - set(old))
    return [f"- {line}" for line in gone] + [f"+ {line}" for line in added] or (["(same quotes, other order)"] if old != new else [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("directory", type=Path, help="where the reference outputs are (compare) or go (record)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "quotes" / "identity-parses")
    parser.add_argument("--only", help="one run, as corpus-split (e.g. wikinews-dev)")
    args = parser.parse_args(argv)
    runs = [r for r in RUNS if args.only in (None, f"{r[0]}-{r[1]}")]
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.directory if args.mode == "record" else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name, split in runs:
            produced = _extract(name, split, out, args.cache)
            unregistered = {json.loads(line)["rule"] for line in produced.open(encoding="utf-8")} - set(RULES)
            if unregistered:
                changed += 1
                print(f"{produced.name}: rules that are no registered function: {', '.join(sorted(unregistered))}")
            if args.mode == "compare":
                differences = _differences(args.directory / produced.name, produced)
                changed += bool(differences)
                print(f"{produced.name}: {'identical' if not differences else f'{len(differences)} differing lines'}")
                for line in differences:
                    print(f"  {line}")
            else:
                print(f"{produced.name}: {sum(1 for _ in produced.open(encoding='utf-8'))} quotes")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
