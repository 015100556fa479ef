"""Direct quotes on hand-checked UD parses: frames, speakers, cues, names that are not quotes."""

import pytest

from quotes.extractor import extract_from_document


def only(documents, doc_id):
    quotes = extract_from_document(documents[doc_id])
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_post_frame(direct_documents):
    quote = only(direct_documents, "post_frame")
    assert (quote.type, quote.quote.text, quote.speaker.text, quote.cue.text) == ("Direct", "„Wir schaffen das“", "Merkel", "sagte")
    assert quote.frame.text == ", sagte Merkel"
    assert quote.rule == "direct_post_frame"


def test_colon_frame_with_addressee_phrase(direct_documents):
    quote = only(direct_documents, "colon_frame")
    assert quote.quote.text == "„Das ist falsch.“"
    assert quote.speaker.text == "Die Ministerin"
    assert quote.cue.text == "erklärte"
    assert quote.frame.text == "Die Ministerin erklärte gegenüber der Zeitung:"


def test_interrupted_quote_is_one_quote_with_two_spans(direct_documents):
    quote = only(direct_documents, "interrupted")
    assert [span.text for span in quote.quote.spans] == ["„Wir werden“", "„alles tun.“"]
    assert quote.speaker.text == "Scholz" and quote.rule == "direct_interrupted"


def test_so_frame(direct_documents):
    quote = only(direct_documents, "so_frame")
    assert quote.speaker.text == "der Minister" and quote.cue.text == "so"


def test_title_is_not_a_quote(direct_documents):
    assert extract_from_document(direct_documents["title"]) == []


@pytest.mark.parametrize("doc_id", ["post_frame", "colon_frame", "interrupted", "so_frame"])
def test_every_span_matches_the_text(direct_documents, doc_id):
    document = direct_documents[doc_id]
    for quote in extract_from_document(document):
        for part in (quote.quote, quote.cue, quote.frame, quote.speaker, quote.addressee):
            for span in part.spans if part else ():
                assert document.text[span.start : span.end] == span.text
