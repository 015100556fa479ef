"""Fixed inputs for the benchmarks: generated deterministically from templates, no downloads."""

import random

import pytest

NAMES = ["Angela Merkel", "Olaf Scholz", "Katrin Albers", "Martin Brehm", "Peter Brandt", "Joe Tsai", "Ursula Weber"]
ROLES = ["Bundeskanzlerin", "Finanzminister", "Oberbürgermeisterin", "Fraktionschef", "Innenminister", "Konzernchef", "Sprecherin"]
TEMPLATES = [
    "„{claim}“, sagte {role} {name} am {day}.",
    "{role} {name} erklärte, {claim_indirect}.",
    "Laut {name} {claim_laut}.",
    "{name} kritisierte den Plan der Regierung scharf.",
    "Die Lage sei ernst, betonte {name}. Man habe keine Zeit mehr zu verlieren.",
    "Der Stadtrat tagte am {day} bis in den späten Abend.",
    "{name} sagte: „{claim}“",
    "Das Projekt soll im kommenden Jahr abgeschlossen werden.",
]
CLAIMS = ["Wir schaffen das", "Das ist ein guter Tag für die Stadt", "Die Zahlen sprechen eine klare Sprache", "Wir werden nicht nachgeben"]
INDIRECT = ["die Regierung habe keine Wahl gehabt", "dass die Kosten deutlich steigen würden", "man werde die Entwicklung beobachten"]
LAUT = ["gab es keine Verletzten", "steigen die Preise weiter", "wurde der Vertrag bereits unterzeichnet"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]


def generate_documents(count: int, sentences: int = 6, seed: int = 13) -> list[tuple[str, str]]:
    """``count`` German news-style documents of ``sentences`` sentences each, the same every run."""
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        parts = []
        for _ in range(sentences):
            template = rng.choice(TEMPLATES)
            parts.append(
                template.format(
                    claim=rng.choice(CLAIMS), claim_indirect=rng.choice(INDIRECT), claim_laut=rng.choice(LAUT),
                    name=rng.choice(NAMES), role=rng.choice(ROLES), day=rng.choice(DAYS),
                )
            )
        documents.append((f"doc{number:05d}", " ".join(parts)))
    return documents


@pytest.fixture(scope="session")
def documents():
    return generate_documents(200)
