"""Invariants over generated documents: every span of every quote matches the text it indexes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.document import Document
from quotes.extractor import extract_from_document
from quotes.quote import Quote

from support import FIXTURES

SENTENCES = [
    block.strip() + "\n"
    for block in (FIXTURES / "direct.conllu").read_text(encoding="utf-8").split("\n\n")
    if block.strip()
]
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", " \n\n ", "\t"])


def surface_tokens(blocks):
    tokens = []
    for block in blocks:
        skip = set()
        for line in block.splitlines():
            columns = line.split("\t")
            if len(columns) != 10 or line.startswith("#"):
                continue
            if "-" in columns[0]:
                first, last = map(int, columns[0].split("-"))
                skip.update(range(first, last + 1))
                tokens.append(columns[1])
            elif int(columns[0]) not in skip:
                tokens.append(columns[1])
    return tokens


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.data())
def test_every_span_of_every_quote_matches_the_text(blocks, data):
    tokens = surface_tokens(blocks)
    separators = data.draw(st.lists(SEPARATORS, min_size=len(tokens), max_size=len(tokens)))
    text = "".join(token + separator for token, separator in zip(tokens, separators))
    document = Document.from_conllu("".join(b + "\n" for b in blocks), text=text)
    for quote in extract_from_document(document):
        assert isinstance(quote, Quote)
        for part in (quote.quote, quote.cue, quote.frame, quote.speaker, quote.addressee):
            for span in part.spans if part is not None else ():
                assert text[span.start : span.end] == span.text
                assert all(document.tokens[t].start >= span.start and document.tokens[t].end <= span.end for t in span.tokens)
        assert Quote.from_dict(quote.to_dict(), text).to_dict() == quote.to_dict()
