"""Any tree, however malformed (cycles, self-heads, no root, heads out of range), and any text:
the extractor ends quickly and every span indexes the text exactly (issue #21)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.document import Document
from quotes.extractor import extract_from_document

from support import time_limit

# words the rules react to, so that random trees reach the speaker, clause and phrase walks
VOCABULARY = [
    ("sagte", "VERB", "VVFIN", "Mood=Ind|Person=3|Tense=Past|VerbForm=Fin"),
    ("erklärte", "VERB", "VVFIN", "Mood=Ind|Person=3|VerbForm=Fin"),
    ("sei", "AUX", "VAFIN", "Mood=Sub|Person=3|VerbForm=Fin"),
    ("habe", "AUX", "VAFIN", "Mood=Sub|Person=3|VerbForm=Fin"),
    ("gesagt", "VERB", "VVPP", "VerbForm=Part"),
    ("wurde", "AUX", "VAFIN", "VerbForm=Fin"),
    ("der", "PRON", "PRELS", "Case=Nom|PronType=Rel"),
    ("die", "DET", "ART", "PronType=Art"),
    ("er", "PRON", "PPER", "Case=Nom|PronType=Prs"),
    ("sie", "PRON", "PPER", "Case=Nom|PronType=Prs"),
    ("es", "PRON", "PPER", "Case=Nom|PronType=Prs"),
    ("Merkel", "PROPN", "NE", ""),
    ("Anna", "PROPN", "NE", ""),
    ("Sprecher", "NOUN", "NN", ""),
    ("Minister", "NOUN", "NN", ""),
    ("von", "ADP", "APPR", ""),
    ("laut", "ADP", "APPR", ""),
    ("zufolge", "ADP", "APPO", ""),
    ("und", "CCONJ", "KON", ""),
    ("dass", "SCONJ", "KOUS", ""),
    ("nicht", "PART", "PTKNEG", ""),
    ("gut", "ADV", "ADJD", ""),
    (",", "PUNCT", "$,", ""),
    (":", "PUNCT", "$.", ""),
    (".", "PUNCT", "$.", ""),
    ("„", "PUNCT", "$(", ""),
    ("“", "PUNCT", "$(", ""),
    ('"', "PUNCT", "$(", ""),
    ("«", "PUNCT", "$(", ""),
    ("»", "PUNCT", "$(", ""),
    ("(", "PUNCT", "$(", ""),
    (")", "PUNCT", "$(", ""),
]
DEPRELS = ["nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "conj", "xcomp", "ccomp", "acl", "acl:relcl",
           "aux", "aux:pass", "cop", "case", "det", "nmod", "flat", "appos", "punct", "parataxis", "root", "mark", "cc"]
SEPARATORS = ["", " ", " ", "\n", "\n\n", "\t", "\x00", "\ufeff"]



@st.composite
def documents(draw):
    text_parts, sentences = [], []
    length = 0
    for _ in range(draw(st.integers(1, 3))):
        size = draw(st.integers(1, 14))
        sentence = []
        for _ in range(size):
            separator = draw(st.sampled_from(SEPARATORS))
            form, upos, xpos, feats = draw(st.sampled_from(VOCABULARY))
            text_parts.append(separator)
            length += len(separator)
            sentence.append({
                "start": length, "end": length + len(form),
                "words": [{"text": form, "lemma": form.lower(), "upos": upos, "xpos": xpos, "feats": feats,
                           "head": draw(st.integers(-2, size + 2)), "deprel": draw(st.sampled_from(DEPRELS))}],
            })
            text_parts.append(form)
            length += len(form)
        sentences.append(sentence)
    text_parts.append(draw(st.sampled_from(SEPARATORS)))
    return Document.build("".join(text_parts), sentences, id="fuzz")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_tree_ends_quickly_with_exact_offsets(document):
    with time_limit(10):
        quotes = extract_from_document(document)
    text = document.text
    for quote in quotes:
        for part in (quote.quote, quote.cue, quote.frame, quote.speaker, quote.addressee):
            for span in part.spans if part is not None else ():
                assert span.text == text[span.start : span.end]


def test_cycle_through_conjoined_verbs_ends():
    """Row 1: a relative-pronoun subject whose verb is in a two-verb conj cycle (5 → 7, 7 → 5)."""
    heads = {1: 2, 2: 12, 3: 5, 4: 5, 5: 7, 6: 7, 7: 5, 8: 10, 9: 10, 10: 5, 11: 10, 12: 0, 13: 12}
    rows = [("Der", "DET", "ART", "", "det"), ("Mann", "NOUN", "NN", "", "nsubj"), (",", "PUNCT", "$,", "", "punct"),
            ("der", "PRON", "PRELS", "Case=Nom|PronType=Rel", "nsubj"), ("sagte", "VERB", "VVFIN", "Mood=Ind|VerbForm=Fin", "conj"),
            ("und", "CCONJ", "KON", "", "cc"), ("meinte", "VERB", "VVFIN", "Mood=Ind|VerbForm=Fin", "conj"),
            (",", "PUNCT", "$,", "", "punct"), ("es", "PRON", "PPER", "Case=Nom|PronType=Prs", "nsubj"),
            ("regne", "VERB", "VVFIN", "Mood=Sub|VerbForm=Fin", "ccomp"), (",", "PUNCT", "$,", "", "punct"),
            ("ging", "VERB", "VVFIN", "Mood=Ind|VerbForm=Fin", "root"), (".", "PUNCT", "$.", "", "punct")]
    text, tokens = "", []
    for number, (form, upos, xpos, feats, deprel) in enumerate(rows, start=1):
        if text and form not in ",.":
            text += " "
        tokens.append({"start": len(text), "end": len(text) + len(form), "words": [
            {"text": form, "upos": upos, "xpos": xpos, "feats": feats, "head": heads[number], "deprel": deprel}]})
        text += form
    document = Document.build(text, [tokens])
    with time_limit(10):
        quotes = extract_from_document(document)
    assert [q.quote.text for q in quotes] == ["es regne, ging"]


def test_heads_of_a_malformed_tree_form_a_tree():
    tokens = [{"start": i, "end": i + 1, "words": [{"text": "x", "head": head}]} for i, head in enumerate([2, 3, 1, 4, 9, -1])]
    sentence = Document.build("x" * 6, [tokens]).sentences[0]
    for word in sentence.words:
        seen = set()
        current = word
        while current is not None:
            assert current.id not in seen
            seen.add(current.id)
            current = sentence.head(current)
    assert sorted(w.id for root in sentence.roots for w in sentence.subtree(root)) == [1, 2, 3, 4, 5, 6]
