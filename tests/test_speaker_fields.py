"""Speaker entity, kind and gender (with its evidence) on real parses by the compact model.

Each case is a short German news text; the quote is picked by a word of its speaker mention.
Gender comes only from text evidence (pronoun, gendered role noun, title), never from a first
name. All texts are parsed in one batch by the model shipped in the package.
"""

import pytest

import quotes

# (text, a word of the speaker mention, entity, kind, gender, gender evidence text)
CASES = [
    # a lone name is its own entity; a first name alone shows no gender
    ("„Wir schaffen das“, sagte Merkel.", "Merkel", "Merkel", "person", None, None),
    ("„Das Projekt ist gescheitert“, sagte Jonas Berger.", "Berger", "Jonas Berger", "person", None, None),
    # a gendered role noun, a title, a pronoun
    ("Die Ministerin Carla Hoffmann sagte, die Schulen blieben geöffnet.", "Hoffmann", "Carla Hoffmann", "person", "female", "Ministerin"),
    ("„Wir prüfen den Fall“, sagte Herr Albrecht.", "Albrecht", "Albrecht", "person", "male", "Herr"),
    ("Tobias Lenz leitet die Feuerwehr. Er sagte, der Brand sei gelöscht.", "Er", "Tobias Lenz", "person", "male", "Er"),
    # the pronoun's evidence also holds for the name it refers to
    ("Nadia Petrova sagte, die Gespräche seien beendet. Sie fügte hinzu, man werde weiter verhandeln.", "Petrova", "Nadia Petrova", "person", "female", "Sie"),
    # organisations: the name without article, no gender
    ("Die Stadtverwaltung teilte mit, dass die Brücke gesperrt bleibe.", "Stadtverwaltung", "Stadtverwaltung", "organisation", None, None),
    # an institution described by a common noun: its adjectives and place, as written without article
    ("Das bayerische Umweltministerium teilte mit, dass die Werte sinken.", "Umweltministerium", "bayerisches Umweltministerium", "organisation", None, None),
    ("Nach Angaben des niedersächsischen Landesamtes für Statistik ist die Zahl gestiegen.", "Angaben",
     "niedersächsisches Landesamt für Statistik", "organisation", None, None),
    # "nach eigenen Angaben": the clause's subject holds the statement
    ("Die Bergwacht hat nach eigenen Angaben drei Wanderer gerettet.", "Angaben", "Bergwacht", "organisation", None, None),
    # a surname that ends like an organisation noun ("-welle") is still a person's
    ("Guido Westerwelle kam am Abend. „Wir bleiben in der Opposition“, sagte Westerwelle.", "Westerwelle", "Guido Westerwelle", "person", None, None),
    # a bare description of an institution is the one mentioned last with a fuller name
    ("Das Oberlandesgericht hat die Klage abgewiesen. Das Gericht erklärte, die Frist sei verstrichen.", "Gericht", "Oberlandesgericht", "organisation", None, None),
    # an unnamed spokesperson is anonymous; a masculine role noun is male evidence
    ("Ein Sprecher des Verkehrsministeriums sagte, die Strecke sei frei.", "Sprecher", None, "anonymous", "male", "Sprecher"),
    ("Die Vorsitzende des Ausschusses erklärte, der Bericht komme zu spät.", "Vorsitzende", None, "anonymous", "female", "Die Vorsitzende"),
    # several people not acting as one body
    ("Die Anwohner beklagten, dass der Lärm unerträglich sei.", "Anwohner", None, "group", None, None),
    # several named speakers in one span: a group, their names joined by "; ", no gender
    ("Umweltministerin Anna Roth und Bürgermeister Jan Wolf erklärten, der Park werde erweitert.", "Roth",
     "Anna Roth; Jan Wolf", "group", None, None),
    # texts: a study or report is a document, its issuer the entity
    ("Einer Umfrage der Handelskammer zufolge wollen viele Firmen investieren.", "Umfrage", "Handelskammer", "document", None, None),
    ("Laut einer neuen Studie schlafen Kinder zu wenig.", "Studie", None, "document", None, None),
    # a statement is spoken by its holder
    ("Nach Angaben der Feuerwehr wurde niemand verletzt.", "Angaben", "Feuerwehr", "organisation", None, None),
    # unnamed circles and insiders
    ("Aus Regierungskreisen hieß es, der Minister werde zurücktreten.", "Regierungskreisen", None, "anonymous", None, None),
]


@pytest.fixture(scope="module")
def found():
    extractor = quotes.Extractor(model="compact")
    texts = [(str(i), case[0]) for i, case in enumerate(CASES)]
    return {result.id: (result.text, result.quotes) for result in extractor.pipe(texts)}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case[0][:40] for case in CASES])
def test_speaker_fields(found, index):
    text, word, entity, kind, gender, evidence = CASES[index]
    _, quotes_found = found[str(index)]
    speakers = [q.speaker for q in quotes_found if q.speaker is not None and word in q.speaker.text]
    assert speakers, f"no quote with a speaker containing {word!r}: {[q.speaker and q.speaker.text for q in quotes_found]}"
    speaker = speakers[0]
    assert (speaker.entity, speaker.kind, speaker.gender) == (entity, kind, gender)
    if evidence is None:
        assert speaker.gender_evidence is None
    else:
        assert speaker.gender_evidence.text == evidence == text[speaker.gender_evidence.start : speaker.gender_evidence.end]


def test_speaker_fields_round_trip_through_json(found):
    text, quotes_found = found["2"]
    for quote in quotes_found:
        again = quotes.Quote.from_dict(quote.to_dict(), text)
        assert again.speaker.kind == quote.speaker.kind and again.speaker.gender_evidence == quote.speaker.gender_evidence


def test_the_speaker_table_and_the_quote_table_have_kind_and_gender(found):
    _, quotes_found = found["5"]  # Nadia Petrova, "Sie fügte hinzu"
    table = quotes.speakers(quotes_found)
    row = table[table.speaker == "Nadia Petrova"].iloc[0]
    assert (row.kind, row.gender, row.quotes) == ("person", "female", 2)
    frame = quotes.to_dataframe(quotes_found)
    assert {"speaker_kind", "speaker_gender"} <= set(frame.columns) and set(frame.speaker_gender) == {"female"}


def test_an_empty_speaker_table_has_the_columns():
    for by_document in (True, False):
        table = quotes.speakers([], by_document=by_document)
        assert table.empty and {"speaker", "resolved", "kind", "gender", "roles", "mentions", "quotes"} <= set(table.columns)
