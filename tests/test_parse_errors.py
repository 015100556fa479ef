"""Rules on the compact model's own parse errors (tests/fixtures/compact.conllu, unedited parses
of WIKINEWS sentences): where the tree is wrong, word order, morphology and the lexicons must
still find the quote and its speaker."""

import pytest
from support import load_conllu_documents

from quotes.extractor import extract_from_document

DOCUMENTS = load_conllu_documents("compact.conllu")

# (document, quote type, quote text or None for any, speaker text or None for no speaker)
CASES = [
    # "58-Jährige" tagged ADJ: a capitalised adjective inside the sentence is a noun
    ("adjective_noun_subject", "Indirect", 'er müsse seine Kinder "aus diesem schlechten Leben" nehmen', "Der 58-Jährige"),
    ("adjective_noun_subject", "Direct", '"aus diesem schlechten Leben"', "Der 58-Jährige"),
    # "der 38-Jährigen" parsed as subject: after "der", an adjective noun in -en is dative
    ("adjective_noun_object", "Indirect", "sofort die Polizei zu rufen, falls ihr Ehemann vor der Wohnung auftauche", "Celebi"),
    # "Europapolitik" before the colon parsed as a second subject: a one-word label is none
    ("label_before_colon", "Reported", None, "Die SPD"),
    # "…, hieß es": the place before the comma is in the message, not the source of "heißt es" …
    ("place_in_message", "Direct", "„händeringend“", None),
    # … unless the comma closes a relative clause on the source
    ("source_before_relative_clause", "Indirect", None, "dieser Resolution"),
    # "keine Perspektive" parsed as subject: a phrase opened by "kein" names no speaker
    ("negative_subject", "Reported", None, "der Vorsitzende der IG Bau, Klaus Wiesehügel"),
    # "des am Montag zurückgetretenen Airbus-Chefs": the article after "am" is inside the genitive
    ("extended_attribute", "Indirect", None, "Der Nachfolger des am Montag zurückgetretenen Airbus-Chefs Christian Streiff, Louis Gallois"),
    # a place the tree attaches to the speaker's noun is part of the phrase, parenthesis and all …
    ("place_attached_to_noun", "Indirect", None, "die UN-Friedensmission im Südsudan (UNMISS)"),
    ("place_in_vorfeld", "Direct", None, "Das Nobelkomitee im norwegischen Oslo"),
    # … and so is one the tree attaches to the verb between the speaker and the verb ending its clause …
    ("medium_in_wie_clause", "Indirect", None, "die Ärztezeitung in ihrer Onlineausgabe"),
    # … but not a time
    ("time_in_wie_clause", "Indirect", None, "der Weltverband FIFA"),
    # a relative clause the parse hung on the speaker's noun ends the phrase
    ("relative_clause_on_speaker", "Indirect", None, "C.Y. Leung"),
    # "die Abgeordneten" parsed as subject of "warnt": a plural noun is no subject of a singular verb
    ("plural_object_as_subject", "Reported", None, "Bundespräsident Horst Köhler"),
    # a name inside an attached phrase does not make an abstract noun a speaker: the object comes first
    ("name_in_attached_phrase", "Direct", None, "Hartmann"),
]


@pytest.mark.parametrize("doc_id, kind, quote, speaker", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_quote_and_speaker_despite_the_parse(doc_id, kind, quote, speaker):
    found = extract_from_document(DOCUMENTS[doc_id])
    match = [q for q in found if q.type == kind and quote in (None, q.quote.text)]
    assert match, [(q.type, q.quote.text, q.speaker and q.speaker.text) for q in found]
    assert (match[0].speaker and match[0].speaker.text) == speaker
