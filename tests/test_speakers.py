"""Speakers on hand-checked UD parses: canonical entity, role, confidence and addressee.

Each case runs the direct-quote rules and the speaker resolution on a small news-style document
and checks the speaker mention, its entity and role, and the addressee of one quote.
"""

from pathlib import Path

import pytest

from quotes.attribute import resolve_speakers
from quotes.find.context import Context
from quotes.attribute.coreference import resolve_mentions
from quotes.document import Document
from quotes.quote import Mention
from quotes.rules.direct import find_direct_quotes

# Loaded here, not through conftest: "conftest" is ambiguous once tests/benchmarks has one too.
_FIXTURE = (Path(__file__).parent / "fixtures" / "speakers.conllu").read_text(encoding="utf-8")
DOCUMENTS = {
    chunk.split("\n", 1)[0].strip(): Document.from_conllu("# newdoc id = " + chunk)
    for chunk in _FIXTURE.split("# newdoc id = ")[1:]
}

# (document, quote index, a word of the speaker mention, entity, role, addressee)
CASES = [
    # pronouns resolved across sentences, by gender, number, salience and recency
    ("pron_er", 0, "er", "Peter Brandt", "Innenminister", None),
    ("pron_sie", 0, "sie", "Claudia Roth", "Grünen-Politikerin", None),
    ("pron_gender", 0, "sie", "Annalena Baerbock", "Außenministerin", None),
    ("pron_gender", 1, "er", "Olaf Scholz", "Bundeskanzler", None),
    ("gender_over_recency", 0, "sie", "Maria Klein", "Sprecherin der Stadt", None),
    ("speaker_preference", 1, "sie", "Eva Lang", "Ministerin", None),
    ("person_over_org", 0, "er", "Bill Anderson", "Bayer-Chef", None),
    ("pron_plural", 0, "sie", None, None, None),
    ("ambiguous", 0, "er", None, None, None),
    ("es_org", 0, "es", "Ministerium", None, None),
    ("org_pronoun", 0, "sie", "Polizei", None, None),
    ("heisst_es", 0, "der Studie", None, None, None),  # "heißt es in der Studie": the study, not "es"
    ("indefinite_chain", 1, "sie", None, "Polizeisprecherin", None),
    # surnames and full names
    ("surname", 0, "Tsai", "Joe Tsai", "Chairman von Alibaba", None),
    ("speaker_preference", 0, "Lang", "Eva Lang", "Ministerin", None),
    ("propagation", 1, "Merkel", "Angela Merkel", "Bundeskanzlerin", None),
    ("later_full_name", 0, "Merkel", "Angela Merkel", "Kanzlerin", None),
    ("apposition_leiter", 1, "Stöhr", "Klaus Stöhr", "Leiter des Influenza-Programms der WHO", None),
    ("continuation", 0, "Peter Brandt", "Peter Brandt", None, None),
    ("continuation", 1, "Peter Brandt", "Peter Brandt", None, None),
    ("dash", 0, "Joachim Gauck", "Joachim Gauck", None, None),
    # roles: prenominal, appositive, predicative
    ("chef_prenominal", 0, "Eddie Wu", "Eddie Wu", "Alibaba-Chef", None),
    ("us_praesident", 0, "Joe Biden", "Joe Biden", "US-Präsident", None),
    ("propagation", 0, "Angela Merkel", "Angela Merkel", "Bundeskanzlerin", None),
    ("party", 0, "Maria Klein", "Maria Klein", "Abgeordnete", None),
    ("apposition_leiter", 0, "Klaus Stöhr", "Klaus Stöhr", "Leiter des Influenza-Programms der WHO", None),
    ("apposition_det", 0, "Peter Koch", "Peter Koch", "Sprecher der Feuerwehr", None),
    ("predicative", 0, "Anna Weber", "Anna Weber", "Sprecherin des Ministeriums", None),
    # definite descriptions linked to the person they introduced
    ("description", 0, "der Minister", "Peter Brandt", "Innenminister", None),
    ("apposition_det", 1, "der Feuerwehrsprecher", "Peter Koch", "Sprecher der Feuerwehr", None),
    ("description_choice", 0, "die Bürgermeisterin", "Eva Roth", "Bürgermeisterin", None),
    ("description_choice", 1, "der Polizeichef", "Jan Berg", "Polizeichef", None),
    ("two_ministers", 0, "der Minister", None, "Minister", None),
    # role-only speakers
    ("role_only", 0, "ein Sprecher des Innenministeriums", None, "Sprecher des Innenministeriums", None),
    ("role_only", 1, "der Sprecher", None, "Sprecher des Innenministeriums", None),
    ("indefinite_chain", 0, "eine Polizeisprecherin", None, "Polizeisprecherin", None),
    ("so_frame", 0, "der Bundespräsident", None, "Bundespräsident", None),
    # organisations
    ("organisations", 0, "Die Bundesregierung", "Bundesregierung", None, None),
    ("organisations", 1, "Alibaba", "Alibaba", None, None),
    ("acronym", 0, "die WHO", "WHO", None, None),
    ("agency", 0, "Reuters", "Reuters", None, None),
    # addressees
    ("addressee_dative", 0, "Der Minister", None, "Minister", "der Zeitung"),
    ("dative_plural", 0, "Der Kanzler", None, "Kanzler", "den Bauern"),
    ("addressee_gegenueber", 0, "Scholz", "Scholz", None, "dem Spiegel"),
    ("role_only_addressee", 0, "Ein Sprecher der Polizei", None, "Sprecher der Polizei", "der Zeitung"),
    ("addressee_gespraech", 0, "Anna Weber", "Anna Weber", None, "der Zeitung"),
    ("addressee_fragen", 0, "die Abgeordnete", None, "Abgeordnete", "den Minister"),
    ("auffordern", 0, "Die Ministerin", None, "Ministerin", "die Bürger"),
    ("vor_journalisten", 0, "Brandt", "Brandt", None, "Journalisten"),
    ("pronoun_addressee", 0, "der Minister", None, "Minister", "ihr"),
    ("no_addressee", 0, "Brandt", "Brandt", None, None),
    ("letter", 0, "Max Bauer", "Max Bauer", "Konzernchef", "die Mitarbeiter"),
    ("possessive", 0, "ihr Sprecher", None, "Sprecher", None),
    # parse errors of the compact model: names tagged NOUN, "gegenüber" attached in the quote
    ("noisy_names", 0, "er", "Peter Brandt", "Innenminister", None),
    ("noisy_gegenueber", 0, "Scholz", "Scholz", None, "der Zeitung"),
]


def resolved(doc_id):
    context = Context(DOCUMENTS[doc_id])
    return resolve_speakers(context, find_direct_quotes(context))


@pytest.mark.parametrize("doc_id, index, mention, entity, role, addressee", CASES)
def test_speaker(doc_id, index, mention, entity, role, addressee):
    quote = resolved(doc_id)[index]
    assert mention in quote.speaker.text
    assert (quote.speaker.entity, quote.speaker.role) == (entity, role)
    assert (quote.addressee.text if quote.addressee else None) == addressee


@pytest.mark.parametrize("doc_id, index", [(c[0], c[1]) for c in CASES if c[3] is None])
def test_no_entity_has_no_confidence(doc_id, index):
    assert resolved(doc_id)[index].speaker.confidence is None


def test_confidence_orders_links():
    """A name is surer than a surname link, which is surer than a description or a pronoun."""
    named = resolved("propagation")[0].speaker.confidence
    surname = resolved("surname")[0].speaker.confidence
    described = resolved("description")[0].speaker.confidence
    pronoun = resolved("pron_er")[0].speaker.confidence
    assert named > surname > described and 0.6 <= pronoun < named


def test_quotes_keep_their_spans():
    """Resolution adds fields; it never moves the quote, cue or speaker spans."""
    context = Context(DOCUMENTS["apposition_leiter"])
    before = find_direct_quotes(context)
    after = resolve_speakers(context, before)
    assert [(q.quote, q.cue, q.speaker.spans) for q in before] == [(q.quote, q.cue, q.speaker.spans) for q in after]


def test_quotes_without_speaker_pass_through():
    context = Context(DOCUMENTS["continuation"])
    quotes = [q.with_(speaker=None) for q in find_direct_quotes(context)]
    assert [q.speaker for q in resolve_speakers(context, quotes)] == [None, None]


def test_a_speaker_span_with_extra_words_keeps_its_name():
    """A compact-model span such as "Scholz gegenüber der Zeitung" still names Scholz."""
    context = Context(DOCUMENTS["noisy_gegenueber"])
    start = context.text.index("Scholz")
    spans = context.spans(context.words_in(start, context.text.index(".", start)))
    [resolution] = resolve_mentions(context, [(Mention(spans), None)])
    assert resolution.entity.name == "Scholz"
