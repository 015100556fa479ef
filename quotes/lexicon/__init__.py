"""Cue and role-noun lexicons for German quotation attribution.

The TSV files next to this module were mined from the WIKINEWS and GePaDe train splits and
reviewed by hand (see README.md and ``tools/mine_lexicon.py``). This loader needs only the standard library;
every table is read once and cached.

>>> cue_verb("mitteilen").particle
'mit'
>>> role_noun("Regierungssprecherin").gender
'Fem'
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

WORD_KINDS = ("preposition", "postposition", "adverb", "noun", "phrase")
GENDERS = ("Masc", "Fem", "")
SOURCES = ("mined", "curated")
# Suffixes stripped to find the lemma of an inflected role noun ("Ministerinnen", "Präsidenten").
_ROLE_ENDINGS = (("innen", "in"), ("en", ""), ("n", ""), ("s", ""), ("es", ""))
_MIN_COMPOUND_PREFIX = 3  # "Parteichef" matches "chef"; "Mensch" or "Apparat" do not


@dataclass(frozen=True)
class CueVerb:
    """A verb of saying, writing or thinking; counts are WIKINEWS/GePaDe train occurrences."""

    lemma: str  # infinitive including a separable particle: "mitteilen"
    particle: str  # the separable particle ("mit") or ""
    medium: str  # default medium, one of quotes.MEDIA
    direct: int  # times it introduced Direct speech (WIKINEWS)
    indirect: int  # ... Indirect or IndirectFreeIndirect speech (WIKINEWS)
    reported: int  # ... Reported speech (WIKINEWS, cue or verb inside the quote span)
    unquoted: int  # WIKINEWS train sentences outside every quote that contain the verb
    count: int  # annotated cue occurrences in both corpora
    source: str  # "mined" or "curated"

    @property
    def reported_share(self) -> float:
        """How often a train sentence with this verb and no other quote was Reported speech."""
        return self.reported / (self.reported + self.unquoted) if self.reported else 0.0


@dataclass(frozen=True)
class CueWord:
    """A non-verbal cue: preposition, postposition, adverb, noun, or phrase of lemmas."""

    word: str  # lemma; phrases are lemma sequences such as "heißen es"
    kind: str  # one of WORD_KINDS
    medium: str
    count: int
    source: str


@dataclass(frozen=True)
class RoleNoun:
    """A noun naming a speaker's role, with grammatical gender where the word marks it."""

    noun: str
    gender: str  # "Masc", "Fem" or "" (e.g. "Vorsitzende", "Mitglied")
    compound_head: bool  # may end a compound: "chef" in "Alibaba-Chef", "Parteichef"
    count: int  # occurrences in speaker spans of the train splits
    source: str


def _rows(name: str) -> list[dict[str, str]]:
    """Read one packaged TSV file as dictionaries (works from a wheel via importlib.resources)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@lru_cache(maxsize=1)
def cue_verbs() -> Mapping[str, CueVerb]:
    """All cue verbs by infinitive."""
    verbs = {}
    for r in _rows("cue_verbs.tsv"):
        verbs[r["lemma"]] = CueVerb(r["lemma"], r["particle"], r["medium"], int(r["direct"]),
                                    int(r["indirect"]), int(r["reported"]), int(r["unquoted"]), int(r["count"]),
                                    r["source"])
    return MappingProxyType(verbs)


def cue_verb(lemma: str) -> CueVerb | None:
    """The cue verb with this infinitive ("mitteilen"), or None."""
    return cue_verbs().get(lemma)


def join_particle(verb_lemma: str, particle: str) -> str:
    """Infinitive of a separated particle verb: ("teilen", "mit") -> "mitteilen"."""
    particle = particle.lower()
    return verb_lemma if not particle or verb_lemma.startswith(particle) else particle + verb_lemma


@lru_cache(maxsize=1)
def particle_verbs() -> Mapping[str, frozenset[str]]:
    """Base verbs of the particle cue verbs by particle: {"mit": {"teilen"}, "an": {...}}."""
    table: dict[str, set[str]] = {}
    for v in cue_verbs().values():
        if v.particle:
            table.setdefault(v.particle, set()).add(v.lemma.removeprefix(v.particle))
    return MappingProxyType({p: frozenset(stems) for p, stems in table.items()})


@lru_cache(maxsize=1)
def _cue_words_by_kind() -> Mapping[tuple[str, str], CueWord]:
    words = (CueWord(r["word"], r["kind"], r["medium"], int(r["count"]), r["source"])
             for r in _rows("cue_words.tsv"))
    return MappingProxyType({(w.word, w.kind): w for w in words})


@lru_cache(maxsize=1)
def cue_words() -> Mapping[str, CueWord]:
    """Cue words by lemma; a word with two kinds ("nach") maps to its more frequent one."""
    best: dict[str, CueWord] = {}
    for w in _cue_words_by_kind().values():
        if w.word not in best or w.count > best[w.word].count:
            best[w.word] = w
    return MappingProxyType(best)


def cue_word(word_lemma: str, kind: str | None = None) -> CueWord | None:
    """The cue word with this lemma (and kind, e.g. "nach" as "postposition"), or None."""
    if kind is not None:
        return _cue_words_by_kind().get((word_lemma, kind))
    return cue_words().get(word_lemma)


@lru_cache(maxsize=1)
def role_nouns() -> Mapping[str, RoleNoun]:
    """Role nouns by lowercased noun."""
    nouns = (RoleNoun(r["noun"], r["gender"], r["compound_head"] == "1", int(r["count"]),
                      r["source"]) for r in _rows("role_nouns.tsv"))
    return MappingProxyType({n.noun.lower(): n for n in nouns})


@lru_cache(maxsize=1)
def _compound_heads() -> tuple[str, ...]:
    """Lowercased compound heads, longest first so that "sprecherin" wins over "in"-less forms."""
    heads = (k for k, n in role_nouns().items() if n.compound_head)
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))


@lru_cache(maxsize=1)
def _head_lengths() -> tuple[tuple[int, frozenset[str]], ...]:
    """Compound heads grouped by length, longest first: a word is checked with one set lookup per length."""
    by_length: dict[int, set[str]] = {}
    for head in _compound_heads():
        by_length.setdefault(len(head), set()).add(head)
    return tuple((n, frozenset(heads)) for n, heads in sorted(by_length.items(), reverse=True))


def _lookup(word: str) -> RoleNoun | None:
    """Exact or compound match of one lowercased word form (the longest head wins)."""
    nouns = role_nouns()
    if word in nouns:
        return nouns[word]
    for length, heads in _head_lengths():
        head = word[-length:]
        prefix = word[:-length]
        if len(word) > length and head in heads and (prefix.endswith("-") or len(prefix) >= _MIN_COMPOUND_PREFIX):
            return nouns[head]
    return None


@lru_cache(maxsize=65536)
def role_noun(word: str) -> RoleNoun | None:
    """The role noun a capitalised word names, matching inflected forms and compounds.

    "Ministerin" -> Ministerin/Fem; "Regierungssprecherin" -> Sprecherin/Fem; "Alibaba-Chef" ->
    Chef/Masc; "Präsidenten" -> Präsident. A compound must leave a hyphenated or ≥ 3-letter
    prefix, so "Mensch" is not "…chef". Lowercase-initial words (adjectives, verbs) give None.
    """
    if not word[:1].isupper():
        return None
    low = word.lower()
    found = _lookup(low)
    for ending, replacement in _ROLE_ENDINGS:
        if found is not None:
            break
        if low.endswith(ending) and len(low) > len(ending) + 2:
            found = _lookup(low[: -len(ending)] + replacement)
    return found


@lru_cache(maxsize=1)
def function_words() -> Mapping[str, str]:
    """Word class (ADV, ADP, ADJ, SCONJ, CCONJ, PART) of lowercased forms that are almost never
    a noun, name or pronoun in tagged German text ("gestern", "angesichts", "tatsächlich")."""
    return MappingProxyType({r["word"]: r["upos"] for r in _rows("function_words.tsv")})


def function_word(form: str) -> str | None:
    """The word class of a function word or adverb, by lowercased form; None for other words."""
    return function_words().get(form.lower())


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A curated open-class word list (``<name>.tsv``, first column), in file order: the nouns
    that make "nach" a source (``source_nouns``), the nouns a quoted name follows
    (``naming_nouns``), noun endings of organisations (``organisation_endings``) and of sources
    (``source_endings``), of texts (``document_nouns``) and of unnamed sources (``anonymous_sources``),
    Konjunktiv forms (``subjunctive_forms``). See README.md."""
    rows = _rows(f"{name}.tsv")
    key = next(iter(rows[0])) if rows else ""
    return tuple(row[key] for row in rows)


@lru_cache(maxsize=1)
def _organisation_genders() -> tuple[tuple[str, str], ...]:
    rows = _rows("organisation_endings.tsv")
    return tuple(sorted(((r["word"], r["gender"]) for r in rows if r["gender"]), key=lambda pair: -len(pair[0])))


def organisation_gender(noun: str) -> str | None:
    """The grammatical gender (Masc, Fem, Neut, or Plur for a plural ending) of an organisation noun by
    its longest known ending ("Umweltministerium" → Neut, "Rundfunk" → Masc), or None."""
    low = noun.lower()
    return next((gender for ending, gender in _organisation_genders() if low.endswith(ending)), None)


@lru_cache(maxsize=1)
def irregular_verb_forms() -> Mapping[str, str]:
    """Irregular forms of frequent cue verbs that a stem guess cannot recover ("sprach" → "sprechen")."""
    return MappingProxyType({row["form"]: row["lemma"] for row in _rows("irregular_verbs.tsv")})
