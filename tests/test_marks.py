"""Quotation-mark pairing on raw text: every convention, odd counts, nesting, paragraphs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.find.marks import ALL_MARKS, find_quotations


def quoted(text, depth=None):
    return [text[q.start : q.end] for q in find_quotations(text) if depth is None or q.depth == depth]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("„Wir schaffen das“, sagte Merkel.", ["„Wir schaffen das“"]),
        ("„Wir schaffen das”, sagte Merkel.", ["„Wir schaffen das”"]),
        ("Sie sagte »Ja« und ging.", ["»Ja«"]),
        ("Er sagte «Nein» und ging.", ["«Nein»"]),
        ("Sie sagte ›Ja‹ und ging.", ["›Ja‹"]),
        ("Er sagte ‹Nein› und ging.", ["‹Nein›"]),
        ("Die Agentur meldete: “Talks have failed.”", ["“Talks have failed.”"]),
        ('Er sagte: "Das reicht nicht." Dann ging er.', ['"Das reicht nicht."']),
        ("Sie nannte das 'absurd' und lachte.", ["'absurd'"]),
        ("Er sprach von ‚Verrat‘.", ["‚Verrat‘"]),
        ("„Das ist zu wenig\", sagte er.", ["„Das ist zu wenig\""]),
    ],
)
def test_conventions(text, expected):
    assert quoted(text, depth=0) == expected


def test_nested_in_another_style():
    text = "„Er sagte: ‚Nein.‘“ Dann ging er."
    assert quoted(text, depth=0) == ["„Er sagte: ‚Nein.‘“"]
    assert quoted(text, depth=1) == ["‚Nein.‘"]


def test_nested_guillemets():
    text = "»Sie rief: ›Halt!‹« Dann war es still."
    assert quoted(text, depth=1) == ["›Halt!‹"]


@pytest.mark.parametrize(
    "text",
    ["Merkel's Rede", "Wie geht's dir?", "Merkel’s Buch", "Das Rohr misst 5\" im Durchmesser.", "Ein ' einzelnes Zeichen"],
)
def test_stray_marks_are_ignored(text):
    assert find_quotations(text) == []


def test_unclosed_quote_ends_at_paragraph_end():
    text = "„Wir machen weiter, sagte er.\n\nIm nächsten Absatz steht „etwas“ anderes."
    quotations = find_quotations(text)
    assert quoted(text, depth=0) == ["„Wir machen weiter, sagte er.", "„etwas“"]
    assert not quotations[0].closed


def test_quote_over_several_paragraphs_reopens_each_paragraph():
    text = "„Erster Absatz der Rede.\n\n„Zweiter Absatz, der schließt.“ Danach der Bericht."
    assert quoted(text, depth=0) == ["„Erster Absatz der Rede.\n\n„Zweiter Absatz, der schließt.“"]


def test_odd_number_of_marks_does_not_swallow_the_document():
    text = "„Eins“ und „zwei und dann kein Ende.\n\nNeuer Absatz mit „drei“."
    assert quoted(text, depth=0) == ["„Eins“", "„zwei und dann kein Ende.", "„drei“"]


def test_stray_closing_marks_are_ignored():
    assert quoted("Ein “ verirrtes Zeichen und „ein Zitat“.", depth=0) == ["„ein Zitat“"]


def test_repeated_opening_mark_closes_the_unclosed_quote():
    text = "„Erstens ohne Schluss. „Zweitens mit Schluss.“"
    assert quoted(text, depth=0) == ["„Erstens ohne Schluss.", "„Zweitens mit Schluss.“"]


MARK_TEXT = st.text(alphabet=st.sampled_from(sorted(ALL_MARKS) + list("ab .,:\n-'")), max_size=80)


@settings(max_examples=400, deadline=None)
@given(MARK_TEXT)
def test_random_marks_never_crash_and_give_disjoint_top_level_quotes(text):
    quotations = find_quotations(text)
    top = [q for q in quotations if q.depth == 0]
    for q in quotations:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start] in ALL_MARKS
        if q.closed:
            assert text[q.end - 1] in ALL_MARKS
    for first, second in zip(top, top[1:]):
        assert first.end <= second.start
    for inner in (q for q in quotations if q.depth == 1):
        assert any(outer.start < inner.start and inner.end <= outer.end for outer in top)


def test_guillemets_in_tokenized_text_pair_by_family():
    text = "» Komm her , « rief die Alte . » Gleich ! « Er lief . « Oui » , dit-il ."
    assert quoted(text, depth=0) == ["» Komm her , «", "» Gleich ! «", "« Oui »"]
