"""README's examples are true: every ``$ quotes …`` console example prints what README shows, and
every Python example runs and prints its ``#>`` lines. Run from the repository root, with the
compact model and a temporary home (no official models, no cache of the user's)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(console|python)\n(.*?)```", README, re.S)
NOT_RUN = "# not run by the tests:"  # first line of a block that needs what a test cannot have


def _console_examples() -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of a console block that shows output."""
    examples = []
    for kind, body in BLOCKS:
        if kind != "console":
            continue
        for command, output in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", body, re.M):
            examples.append((command, output))
    return examples


def _python_examples() -> list[str]:
    return [body for kind, body in BLOCKS if kind == "python" and not body.startswith(NOT_RUN)]


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUOTES_", "STANZA_"))}
    env.update(HOME=str(tmp_path), PYTHONIOENCODING="utf-8")
    return env


def test_readme_has_examples():
    assert len(_console_examples()) >= 2 and len(_python_examples()) >= 1


@pytest.mark.parametrize("command,expected", _console_examples(), ids=lambda value: value[:40])
def test_console_example(tmp_path, command, expected):
    shell = command.replace("| quotes ", f"| {sys.executable} -m quotes ")
    shell = re.sub(r"^quotes ", f"{sys.executable} -m quotes ", shell)
    done = subprocess.run(shell, shell=True, cwd=ROOT, env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.replace("\r\n", "\n") == expected


@pytest.mark.parametrize("code", _python_examples(), ids=lambda code: code.splitlines()[0][:40])
def test_python_example(tmp_path, code):
    expected = "".join(line[3:] + "\n" for line in code.splitlines() if line.startswith("#> "))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected
