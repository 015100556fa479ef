"""A parsed German document: sentences of words with UD annotations and character offsets.

A *token* is a surface token of the text ("zum"), a *word* a syntactic word of the parse
("zu", "dem"); the words of a multi-word token share its character offsets. Token indices are
document-level, so they can be mapped to corpus token ids. This module imports nothing else
from the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Iterable, Iterator, Sequence


@dataclass(frozen=True)
class Token:
    """A surface token: ``text == document.text[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Word:
    """A syntactic word with its UD annotation; ``id`` and ``head`` are 1-based within the sentence."""

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int
    token: int
    ner: str | None = None

    def feat(self, name: str) -> str | None:
        """The value of one morphological feature ("Mood" → "Sub"), or None."""
        return _features(self.feats).get(name)

    @property
    def relation(self) -> str:
        """The universal part of the dependency relation ("nsubj:pass" → "nsubj")."""
        return self.deprel.split(":", 1)[0]


@lru_cache(maxsize=8192)
def _features(feats: str) -> dict[str, str]:
    """A UD feature string as a mapping, parsed once per distinct string (callers only read it)."""
    return dict(pair.partition("=")[::2] for pair in feats.split("|") if pair)


@dataclass(frozen=True)
class Sentence:
    """A sentence: words in order, their tree, and the character extent of its tokens."""

    index: int
    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].start if self.words else 0

    @property
    def end(self) -> int:
        return self.words[-1].end if self.words else 0

    @cached_property
    def _heads(self) -> tuple[int, ...]:
        """Each word's head (1-based, 0 for a root) as a tree: a head out of range, a word heading
        itself and the word with the smallest id in each cycle become roots, so that every walk
        up :meth:`head` or down :meth:`children` ends. A well-formed tree is returned unchanged."""
        count = len(self.words)
        heads = [w.head if 0 < w.head <= count and w.head != position else 0 for position, w in enumerate(self.words, start=1)]
        state = [0] * (count + 1)  # 0 unvisited, 1 on the current path, 2 known to reach a root
        state[0] = 2
        for start in range(1, count + 1):
            path = []
            node = start
            while state[node] == 0:
                state[node] = 1
                path.append(node)
                node = heads[node - 1]
            if state[node] == 1:  # the path closed a cycle at ``node``
                cycle = path[path.index(node):]
                heads[min(cycle) - 1] = 0
            for visited in path:
                state[visited] = 2
        return tuple(heads)

    @cached_property
    def _children(self) -> tuple[tuple[Word, ...], ...]:
        children: list[list[Word]] = [[] for _ in range(len(self.words) + 1)]
        for word, head in zip(self.words, self._heads):
            children[head].append(word)
        return tuple(tuple(c) for c in children)

    def word(self, word_id: int) -> Word:
        return self.words[word_id - 1]

    def head(self, word: Word) -> Word | None:
        """The head of ``word``, or None for a root (see ``_heads`` for malformed trees)."""
        if not 0 < word.id <= len(self.words) or self.words[word.id - 1] is not word:
            return self.words[word.head - 1] if 0 < word.head <= len(self.words) else None
        head = self._heads[word.id - 1]
        return self.words[head - 1] if head else None

    def children(self, word: Word | None) -> tuple[Word, ...]:
        """The dependents of ``word`` (of the virtual root when ``word`` is None)."""
        return self._children[word.id if word is not None else 0]

    @property
    def roots(self) -> tuple[Word, ...]:
        return self._children[0]

    def subtree(self, word: Word, exclude: Iterable[Word] = ()) -> list[Word]:
        """``word`` and everything below it, in sentence order, leaving out the subtrees of ``exclude``."""
        excluded = {w.id for w in exclude}
        found: list[Word] = []
        stack = [word]
        seen: set[int] = set()
        while stack:
            current = stack.pop()
            if current.id in seen or current.id in excluded:
                continue
            seen.add(current.id)
            found.append(current)
            stack.extend(self.children(current))
        found.sort(key=lambda w: w.id)
        return found


@dataclass(frozen=True)
class Document:
    """A parsed document: its original text, surface tokens and sentences."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    id: str | None = None
    model: str | None = None

    @property
    def words(self) -> Iterator[Word]:
        for sentence in self.sentences:
            yield from sentence.words

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence whose character extent contains ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def tokens_in(self, start: int, end: int) -> tuple[int, ...]:
        """Indices of the tokens that overlap the character range ``start:end``."""
        return tuple(t.index for t in self.tokens if t.start < end and t.end > start)

    # --- construction -------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        text: str,
        sentences: Sequence[Sequence[dict[str, Any]]],
        id: str | None = None,
        model: str | None = None,
    ) -> Document:
        """Build from plain data: per sentence, per surface token a dict with ``start``, ``end``
        and ``words`` (dicts with id, text, lemma, upos, xpos, feats, head, deprel, ner)."""
        tokens: list[Token] = []
        built: list[Sentence] = []
        for s_index, sentence in enumerate(sentences):
            words: list[Word] = []
            for token in sentence:
                start, end = token["start"], token["end"]
                index = len(tokens)
                tokens.append(Token(index, text[start:end], start, end, s_index))
                for w in token["words"]:
                    words.append(
                        Word(
                            id=len(words) + 1,
                            text=w["text"],
                            lemma=w.get("lemma") or w["text"],
                            upos=w.get("upos") or "X",
                            xpos=w.get("xpos") or "_",
                            feats=w.get("feats") or "",
                            head=int(w.get("head") or 0),
                            deprel=w.get("deprel") or "dep",
                            start=start,
                            end=end,
                            token=index,
                            ner=w.get("ner"),
                        )
                    )
            built.append(Sentence(s_index, tuple(words)))
        return cls(text, tuple(built), tuple(tokens), id, model)

    @classmethod
    def join(cls, text: str, parts: Sequence[Document], id: str | None = None, model: str | None = None) -> Document:
        """One document of the sentences of ``parts``, in order: documents parsed a piece at a
        time, each with offsets into the same ``text``."""
        sentences = []
        for part in parts:
            for sentence in part.sentences:
                tokens: dict[int, dict[str, Any]] = {}
                for w in sentence.words:
                    token = tokens.setdefault(w.token, {"start": w.start, "end": w.end, "words": []})
                    token["words"].append(
                        {"text": w.text, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos, "feats": w.feats,
                         "head": w.head, "deprel": w.deprel, "ner": w.ner}
                    )
                sentences.append(list(tokens.values()))
        return cls.build(text, sentences, id=id, model=model)

    @classmethod
    def from_stanza(
        cls,
        doc: Any,
        text: str | None = None,
        offsets: Sequence[Sequence[tuple[int, int]]] | None = None,
        id: str | None = None,
        model: str | None = None,
    ) -> Document:
        """Build from a parsed ``stanza.Document``.

        ``offsets`` replaces stanza's character offsets (per sentence, per token) when the
        input was pretokenized and the offsets come from the caller.
        """
        text = doc.text if text is None else text
        sentences = []
        for s_index, sentence in enumerate(doc.sentences):
            tokens = []
            for t_index, token in enumerate(sentence.tokens):
                if offsets is not None:
                    start, end = offsets[s_index][t_index]
                else:
                    start, end = token.start_char, token.end_char
                tokens.append(
                    {
                        "start": start,
                        "end": end,
                        "words": [
                            {
                                "text": w.text,
                                "lemma": w.lemma,
                                "upos": w.upos,
                                "xpos": w.xpos,
                                "feats": w.feats,
                                "head": w.head,
                                "deprel": w.deprel,
                                "ner": getattr(token, "ner", None),
                            }
                            for w in token.words
                        ],
                    }
                )
            sentences.append(tokens)
        return cls.build(text, sentences, id=id, model=model)

    @classmethod
    def from_conllu(cls, conllu: str, text: str | None = None, id: str | None = None) -> Document:
        """Build from CoNLL-U (already parsed input: no parser runs).

        With ``text``, tokens are aligned to it in order; without, the text is rebuilt from the
        tokens and their ``SpaceAfter=No`` marks, sentences joined by a space and paragraphs
        (``# newpar``) by a blank line. Raises :class:`ValueError` naming the line on bad input.
        """
        from stanza.utils.conll import CoNLL

        try:
            doc = CoNLL.conll2doc(input_str=conllu)
        except Exception as error:  # stanza raises plain exceptions with the offending line
            raise ValueError(f"invalid CoNLL-U: {error}") from None
        surface = [[t.text for t in s.tokens] for s in doc.sentences]
        if text is None:
            text, offsets = _rebuild_text(doc)
        else:
            offsets = align_tokens(text, surface)
        return cls.from_stanza(doc, text=text, offsets=offsets, id=id)

    # --- compact serialisation (parse cache) ------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A compact, lossless plain-data form (used by the parse cache)."""
        return {
            "id": self.id,
            "model": self.model,
            "text": self.text,
            "sentences": [
                [
                    [w.id, w.text, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.token, w.ner]
                    for w in sentence.words
                ]
                for sentence in self.sentences
            ],
            "tokens": [[t.start, t.end, t.sentence] for t in self.tokens],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        text = data["text"]
        tokens = tuple(
            Token(i, text[start:end], start, end, sentence)
            for i, (start, end, sentence) in enumerate(data["tokens"])
        )
        sentences = []
        for s_index, rows in enumerate(data["sentences"]):
            words = []
            for wid, form, lemma, upos, xpos, feats, head, deprel, token, ner in rows:
                t = tokens[token]
                words.append(Word(wid, form, lemma, upos, xpos, feats, head, deprel, t.start, t.end, token, ner))
            sentences.append(Sentence(s_index, tuple(words)))
        return cls(text, tuple(sentences), tokens, data.get("id"), data.get("model"))


def align_tokens(text: str, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int]]]:
    """Character offsets of each token in ``text``, found in order.

    Tokens must appear in the text in order, separated only by whitespace; a token that cannot
    be found raises :class:`ValueError` with its sentence and position.
    """
    offsets: list[list[tuple[int, int]]] = []
    cursor = 0
    for s_index, sentence in enumerate(sentences):
        row = []
        for t_index, token in enumerate(sentence):
            while cursor < len(text) and text[cursor].isspace():
                cursor += 1
            if not text.startswith(token, cursor):
                found = text.find(token, cursor)
                if found < 0 or text[cursor:found].strip():
                    raise ValueError(
                        f"token {token!r} (sentence {s_index + 1}, token {t_index + 1}) "
                        f"not found in the text at offset {cursor}"
                    )
                cursor = found
            row.append((cursor, cursor + len(token)))
            cursor += len(token)
        offsets.append(row)
    return offsets


def _rebuild_text(doc: Any) -> tuple[str, list[list[tuple[int, int]]]]:
    parts: list[str] = []
    length = 0
    offsets: list[list[tuple[int, int]]] = []
    for s_index, sentence in enumerate(doc.sentences):
        if s_index:
            separator = "\n\n" if _starts_paragraph(sentence) else " "
            parts.append(separator)
            length += len(separator)
        row = []
        for t_index, token in enumerate(sentence.tokens):
            row.append((length, length + len(token.text)))
            parts.append(token.text)
            length += len(token.text)
            last = t_index == len(sentence.tokens) - 1
            if not last and token.spaces_after != "":  # stanza reads SpaceAfter=No into ""
                parts.append(" ")
                length += 1
        offsets.append(row)
    return "".join(parts), offsets


def _starts_paragraph(sentence: Any) -> bool:
    return any(comment.startswith("# newpar") for comment in getattr(sentence, "comments", []))


@dataclass(frozen=True)
class Located:
    """A word with its sentence: rules need both to walk the tree."""

    sentence: Sentence
    word: Word
