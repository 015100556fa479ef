"""The numbered cases of issue #22, each with sentences written for this test (not the issue's),
on real parses by the compact model: names in any order, English, hyphenated and compound titles,
parentheses ending a role, a Konjunktiv frame without "dass", continuations that stop at a new
frame, object-first continuations, perfect-tense and noun cues, documents and anonymous sources.

Each case: (text, index of the quote among those with a speaker, expected fields). Fields not
given are not checked. All texts are parsed in one batch.
"""

import pytest

import quotes

CASES = [
    # 1. name order and foreign names: the fullest name; a later family name resolves to it
    ("Chen Hao, General Manager von Lenovo Deutschland, sagte, die Nachfrage sei gestiegen. Laut Chen bleiben die Preise stabil.",
     1, {"speaker": "Chen", "entity": "Chen Hao", "role": "General Manager von Lenovo Deutschland", "kind": "person"}),
    ("Chen Hao, General Manager von Lenovo Deutschland, sagte, die Nachfrage sei gestiegen. Laut Chen bleiben die Preise stabil.",
     0, {"entity": "Chen Hao", "role": "General Manager von Lenovo Deutschland"}),
    ("„Das reicht nicht“, sagte Habeck.", 0, {"entity": "Habeck", "kind": "person", "gender": None}),
    # 2. English, hyphenated and compound titles are roles
    ("Maria Costa, CEO von Galp Energia, erklärte, das Werk werde modernisiert.", 0,
     {"entity": "Maria Costa", "role": "CEO von Galp Energia", "gender": None}),
    ("Die Vorstandschefin Sabine Krüger sagte, der Konzern wolle wachsen.", 0,
     {"entity": "Sabine Krüger", "role": "Vorstandschefin", "gender": "female"}),
    ("Airbus-Gründer Karl Bauer sagte, die Luftfahrt brauche neue Antriebe.", 0,
     {"entity": "Karl Bauer", "role": "Airbus-Gründer", "gender": "male"}),
    ("„Wir wachsen weiter“, sagte die Zalando-Chefin Petra Lang am Freitag.", 0,
     {"entity": "Petra Lang", "role": "Zalando-Chefin", "gender": "female"}),
    # 3. a parenthesis ends the role
    ("Jan Kowalski, Leiter von DeepMind Polen (der Forschungsabteilung), erklärte, das Modell sei fertig.", 0,
     {"entity": "Jan Kowalski", "role": "Leiter von DeepMind Polen"}),
    # 4. a frame before a Konjunktiv clause without "dass": the apposed name is the speaker, not the message
    ("Omar Haddad, Sprecher der Hafenbehörde, erklärte am Abend, die Schiffe dürften wieder auslaufen.", 0,
     {"quote": "die Schiffe dürften wieder auslaufen", "entity": "Omar Haddad", "role": "Sprecher der Hafenbehörde"}),
    # 5. a continuation stops at a new frame: its own cue and speaker
    ("Der Bürgermeister sagte, der Haushalt sei ausgeglichen. Neue Schulden seien nicht geplant. "
     "Er räumte aber ein, dass die Rücklagen schrumpften.", 2,
     {"type": "Indirect", "speaker": "Er", "cue": "räumte … ein", "quote": "dass die Rücklagen schrumpften"}),
    # 6. a Konjunktiv continuation with the object first
    ("Die Richterin sagte, das Verfahren werde fortgesetzt. Den Antrag der Verteidigung halte sie für unbegründet.", 1,
     {"type": "IndirectFreeIndirect", "gender": "female"}),
    # 7. perfect-tense and noun cues
    ("Die Reederei hat angekündigt, zwei Schiffe zu verkaufen.", 0,
     {"cue": "hat angekündigt", "entity": "Reederei", "kind": "organisation"}),
    ("Der Verband hat mitgeteilt, dass die Beiträge steigen.", 0, {"cue": "hat mitgeteilt", "quote": "dass die Beiträge steigen"}),
    ("Die Bahn gab am Morgen bekannt, dass die Strecke wieder frei sei.", 0, {"cue": "gab … bekannt", "entity": "Bahn"}),
    ("Laut einem Bericht der Nachrichtenagentur wurden drei Gebäude beschädigt.", 0,
     {"entity": "Nachrichtenagentur", "kind": "document", "medium": "Writing"}),
    ("Einer Meldung der Agentur zufolge ist der Flughafen geschlossen.", 0, {"entity": "Agentur", "kind": "document"}),
    # 8. documents and anonymous sources are no persons
    ("Einer Umfrage der IHK zufolge wollen viele Betriebe Personal einstellen.", 0, {"entity": "IHK", "kind": "document"}),
    ("Aus Verhandlungskreisen verlautete, eine Einigung sei nahe.", 0, {"entity": None, "kind": "anonymous"}),
    ("Ein Insider sagte, die Übernahme sei geplatzt.", 0, {"entity": None, "kind": "anonymous"}),
]


@pytest.fixture(scope="module")
def found():
    extractor = quotes.Extractor(model="compact", method="rules")  # the rules and attribution, without the learned medium
    texts = list(dict.fromkeys(case[0] for case in CASES))
    return {result.text: result.quotes for result in extractor.pipe(texts)}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{i}-{case[0][:30]}" for i, case in enumerate(CASES)])
def test_issue_case(found, index):
    text, position, expected = CASES[index]
    with_speaker = [q for q in found[text] if q.speaker is not None]
    assert len(with_speaker) > position, [(q.type, q.quote.text) for q in found[text]]
    quote = with_speaker[position]
    actual = {
        "type": quote.type, "medium": quote.medium, "quote": quote.quote.text, "cue": quote.cue.text if quote.cue else None,
        "speaker": quote.speaker.text, "entity": quote.speaker.entity, "role": quote.speaker.role,
        "kind": quote.speaker.kind, "gender": quote.speaker.gender,
    }
    assert {key: actual[key] for key in expected} == expected
