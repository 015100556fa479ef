"""Quote rules, one module per quote kind. Every rule is a named function; its name is the quote's ``rule``."""
