"""The quote rules, one module per family: direct, indirect, reported, free indirect, nesting.

Every rule registers itself in :data:`RULES` (see :mod:`quotes.rules.base`); importing this
package imports every family, so the registry is complete.
"""

from __future__ import annotations

from . import direct, free_indirect, indirect, nesting, reported
from .base import RULES, RuleInfo

FAMILIES = ("direct", "indirect", "reported", "free_indirect")


def rules_markdown() -> str:
    """``quotes/rules/README.md``: every rule with its family, summary and one German example."""
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry (`python tools/rules_readme.py`; a test keeps it current).",
        "Each quote's `rule` is the name of the function below that proposed it.",
    ]
    for family in FAMILIES:
        lines += ["", f"## {family.replace('_', ' ')}", "", "| rule | example | what it finds |", "|---|---|---|"]
        for info in RULES.values():
            if info.family == family:
                lines.append(f"| `{info.name}` | {info.example} | {info.summary.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


__all__ = ["RULES", "RuleInfo", "direct", "free_indirect", "indirect", "nesting", "reported", "rules_markdown"]
