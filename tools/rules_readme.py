"""Write quotes/rules/README.md from the rule registry: ``python tools/rules_readme.py``."""

from pathlib import Path

from quotes.rules import rules_markdown

if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "quotes" / "rules" / "README.md"
    target.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")
