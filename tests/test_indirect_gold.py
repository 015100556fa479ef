"""Indirect, reported and free indirect speech on hand-checked gold UD parses.

The documents of ``fixtures/indirect.conllu`` are German news sentences whose UD v2 parses were
written and checked by hand against the UD_German-GSD/HDT conventions (STTS tags, Konjunktiv
finite verbs marked ``Mood=Sub``, contractions as multiword tokens). The rules are meant to be
right on conformant parses, so each case pins the exact quote: type, text, speaker, cue and the
rule that found it. Parser errors play no part here; see ``test_indirect.py`` for the model.
"""

import pytest
from support import FIXTURES, load_conllu_documents

from quotes.extractor import extract_from_document

DOCUMENTS = load_conllu_documents("indirect.conllu")
INDIRECT_TYPES = {"Indirect", "Reported", "IndirectFreeIndirect", "FreeIndirect"}

# (document, type, quote text, speaker text, cue text, rule) — one row per expected quote
CASES = [
    # complement clauses: dass / verb-second Konjunktiv / ob / zu-infinitive / separated particle
    ("complement_dass", "Indirect", "dass die Reform im Herbst komme", "Der Minister", "sagte", "indirect_complement_clause"),
    ("complement_verb_second", "Indirect", "die Regierung habe keine Wahl gehabt", "Die Sprecherin", "erklärte", "indirect_complement_clause"),
    ("complement_ob", "Indirect", "ob die Stadt sich das leisten könne", "Der Bürgermeister", "fragte", "indirect_complement_clause"),
    ("complement_zu_infinitive", "Indirect", "500 Millionen Euro in Sachsen zu investieren", "Das Unternehmen", "kündigte an", "indirect_complement_clause"),
    ("complement_particle_verb", "Indirect", "dass niemand verletzt worden sei", "Die Polizei", "teilte mit", "indirect_complement_clause"),
    ("medium_writing", "Indirect", "sie werde zurücktreten", "Die Ministerin", "schrieb", "indirect_complement_clause"),
    # parenthetical frames: after the message, "so X", inside the message
    ("parenthetical_after", "Indirect", "Die Lage sei ernst", "der Minister", "sagte", "indirect_parenthetical"),
    ("parenthetical_so", "Indirect", "Die Verhandlungen seien gescheitert", "die Sprecherin", "so", "indirect_parenthetical"),
    ("parenthetical_inside", "Indirect", "Die Gespräche … seien gescheitert", "er", "sagte", "indirect_parenthetical"),
    # prepositional sources and wie-clauses
    ("according_laut", "Indirect", "wurden drei Menschen verletzt", "Polizei", "Laut", "indirect_according_to"),
    ("according_nach_angaben", "Indirect", "brach das Feuer in der Nacht aus", "Angaben der Feuerwehr", "Nach", "indirect_according_to"),
    ("according_zufolge", "Indirect", "stiegen die Kosten deutlich", "Dem Bericht", "zufolge", "indirect_according_to"),
    ("wie_clause_before", "Indirect", "bleiben die Schulen geschlossen", "das Ministerium", "mitteilte", "indirect_wie_clause"),
    ("wie_clause_after", "Indirect", "Die Schulen bleiben geschlossen", "das Ministerium", "mitteilte", "indirect_wie_clause"),
    # impersonal "heißt es" (the source is the document named) and a nominal cue
    ("impersonal_heisst_es", "Indirect", "die Verhandlungen würden fortgesetzt", "der Erklärung", "heißt", "indirect_complement_clause"),
    ("nominal_forderung", "Indirect", "dass die Löhne steigen", "der Gewerkschaft", "Forderung", "indirect_nominal_cue"),
    # Reported: a speech act with a nominal or prepositional object, the whole sentence, no cue mention
    ("reported_object", "Reported", "Die Gewerkschaft forderte höhere Löhne.", "Die Gewerkschaft", None, "reported_speech_act"),
    ("reported_warnen_vor", "Reported", "Der Ökonom warnte vor einer neuen Blase.", "Der Ökonom", None, "reported_speech_act"),
    ("reported_sprechen_von", "Reported", "Der Polizeichef sprach von 800 beschädigten Autos.", "Der Polizeichef", None, "reported_speech_act"),
    # two sentences: an attributed quote, then a Konjunktiv continuation or a reportive "sollen"
    ("continuation_konjunktiv", "Indirect", "die Lage sei ernst", "Der Minister", "sagte", "indirect_complement_clause"),
    ("continuation_konjunktiv", "IndirectFreeIndirect", "Man habe aber genug Reserven.", "Der Minister", None, "indirect_free_continuation"),
    ("free_indirect_sollen", "Reported", "Der Hersteller kündigte am Montag ein neues Telefon an.", "Der Hersteller", None, "reported_speech_act"),
    ("free_indirect_sollen", "FreeIndirect", "Das Fairphone soll ab September geliefert werden.", "Der Hersteller", None, "free_indirect_sollen"),
]

PARAMS = [pytest.param(*case, id=f"{case[0]}-{case[1]}") for case in CASES]
POSITIVE = list(dict.fromkeys(case[0] for case in CASES))
NEGATIVE = ["negative_absagen", "negative_es_ist_klar", "negative_wie_comparison", "negative_nach_time_place"]


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_from_document(document) for name, document in DOCUMENTS.items()}


def _describe(found):
    return [(q.type, q.quote.text, q.speaker and q.speaker.text, q.cue and q.cue.text, q.rule) for q in found]


@pytest.mark.parametrize("document, kind, quote, speaker, cue, rule", PARAMS)
def test_gold_case(extracted, document, kind, quote, speaker, cue, rule):
    found = _describe(extracted[document])
    assert (kind, quote, speaker, cue, rule) in found, found


@pytest.mark.parametrize("document", POSITIVE)
def test_no_further_quotes(extracted, document):
    expected = sum(1 for case in CASES if case[0] == document)
    assert len(extracted[document]) == expected, _describe(extracted[document])


@pytest.mark.parametrize("document", NEGATIVE)
def test_negatives(extracted, document):
    unwanted = [q for q in extracted[document] if q.type in INDIRECT_TYPES]
    assert not unwanted, _describe(unwanted)


def test_continuation_shares_the_speaker_mention(extracted):
    first, second = extracted["continuation_konjunktiv"]
    assert (first.type, second.type) == ("Indirect", "IndirectFreeIndirect")
    assert (second.speaker.start, second.speaker.end) == (first.speaker.start, first.speaker.end)
    reported, free = extracted["free_indirect_sollen"]
    assert (free.speaker.start, free.speaker.end) == (reported.speaker.start, reported.speaker.end)


def test_medium_follows_the_cue(extracted):
    media = {name: extracted[name][0].medium for name in ("complement_dass", "medium_writing", "according_laut")}
    assert media == {"complement_dass": "Speech", "medium_writing": "Writing", "according_laut": "SW"}


def test_fixture_is_well_formed():
    """Every document rebuilds its ``# text`` lines; Konjunktiv forms carry Mood=Sub, other finite verbs Mood=Ind."""
    subjunctive = {"komme", "habe", "könne", "sei", "seien", "würden", "werde"}
    assert set(DOCUMENTS) == set(POSITIVE) | set(NEGATIVE) and len(DOCUMENTS) >= 20
    for chunk in (FIXTURES / "indirect.conllu").read_text(encoding="utf-8").split("# newdoc id = ")[1:]:
        name = chunk.split("\n", 1)[0].strip()
        texts = [line[len("# text = ") :] for line in chunk.splitlines() if line.startswith("# text = ")]
        assert DOCUMENTS[name].text == " ".join(texts), name
    for name, document in DOCUMENTS.items():
        for sentence in document.sentences:
            assert sum(1 for w in sentence.words if w.head == 0) == 1, name
            for word in sentence.words:
                if word.xpos.endswith("FIN"):
                    assert word.feat("VerbForm") == "Fin", (name, word.text)
                    assert word.feat("Mood") == ("Sub" if word.text in subjunctive else "Ind"), (name, word.text)
