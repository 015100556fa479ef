"""The rule registry: every emitted ``rule`` is a registered function, every rule's README example
produces it on the compact model, and quotes/rules/README.md is current."""

from pathlib import Path

import pytest

import quotes
from quotes.rules import RULES, rules_markdown

README = Path(quotes.__file__).parent / "rules" / "README.md"


@pytest.fixture(scope="module")
def extractor():
    return quotes.Extractor(model="compact", method="rules")


def test_readme_is_generated_from_the_registry():
    assert README.read_text(encoding="utf-8") == rules_markdown(), "run: python tools/rules_readme.py"


def test_every_rule_is_a_function_of_its_name():
    import importlib

    for name, info in RULES.items():
        module = importlib.import_module(f"quotes.rules.{info.family}")
        assert getattr(module, name).__name__ == name
        assert info.example and info.summary


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_example_is_found_by_its_rule(extractor, name):
    found = extractor.extract(RULES[name].example)
    assert name in {q.rule for q in found}, [(q.rule, q.quote.text) for q in found]
    assert all(q.rule in RULES for q in found)
