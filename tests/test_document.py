"""The document model: offsets, multi-word tokens, tree access, serialisation."""

import pytest

from quotes.document import Document, align_tokens

from support import FIXTURES

CONLLU = (FIXTURES / "zum_markt.conllu").read_text(encoding="utf-8")


def test_conllu_rebuilds_text_with_exact_offsets():
    document = Document.from_conllu(CONLLU)
    assert document.text == "Er ging zum Markt."
    for word in document.words:
        assert document.text[word.start : word.end] == document.tokens[word.token].text


def test_multi_word_token_words_share_the_surface_offsets():
    document = Document.from_conllu(CONLLU)
    zu, dem = document.sentences[0].words[2:4]
    assert (zu.text, dem.text) == ("zu", "dem")
    assert (zu.start, zu.end) == (dem.start, dem.end) == (8, 11)
    assert zu.token == dem.token == 2
    assert len(document.tokens) == 5


def test_conllu_aligned_to_a_given_text():
    text = "  Er ging   zum Markt.\n"
    document = Document.from_conllu(CONLLU, text=text)
    assert [(t.text, t.start) for t in document.tokens] == [("Er", 2), ("ging", 5), ("zum", 12), ("Markt", 16), (".", 21)]


def test_tree_access():
    sentence = Document.from_conllu(CONLLU).sentences[0]
    ging = sentence.word(2)
    assert [w.text for w in sentence.children(ging)] == ["Er", "Markt", "."]
    assert [w.text for w in sentence.subtree(sentence.word(5))] == ["zu", "dem", "Markt"]
    assert sentence.head(sentence.word(1)) is ging
    assert ging.feat("Mood") == "Ind" and ging.feat("Person") is None


def test_sentence_at_an_offset():
    document = Document.from_conllu(CONLLU)
    assert document.sentence_at(9) is document.sentences[0]
    assert document.sentence_at(len(document.text) + 5) is None


def test_json_round_trip_is_lossless():
    document = Document.from_conllu(CONLLU)
    assert Document.from_json(document.to_json()) == document


def test_invalid_conllu_is_one_clear_error():
    with pytest.raises(ValueError, match="invalid CoNLL-U"):
        Document.from_conllu("1\tEr\n")


def test_align_tokens_reports_the_token_that_does_not_fit():
    with pytest.raises(ValueError, match="'Haus' .sentence 1, token 2"):
        align_tokens("Das Boot", [["Das", "Haus"]])
