"""German clause structure over the dependency tree: subjects, passives, subordinate clauses,
finite verbs, and the UD relations that mark them.
"""

from __future__ import annotations

from typing import Sequence

from ..document import Located, Sentence, Word
from .morphology import finite_verbs, is_finite, looks_subjunctive
from .words import CLAUSE_SUBORDINATORS, NAME_PARTICLES, NOMINATIVE_PRONOUNS, RELATIVE_PRONOUNS, SUBORDINATORS


SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})

AGENT_RELATIONS = frozenset({"obl:agent"})

# Dependents that never belong to a speaker's noun phrase.
CLAUSE_RELATIONS = frozenset({"acl:relcl", "ccomp", "parataxis", "advcl", "csubj", "conj:relcl"})

RELATIVE_TAGS = frozenset({"PRELS", "PRELAT"})  # relative pronouns open a clause, never a noun phrase


def subject_of(sentence: Sentence, verb: Word) -> Word | None:
    """The subject of ``verb``, climbing from a participle or infinitive to its clause head.

    A nominative pronoun among the verb's dependents wins over a noun the parse took for the
    subject ("Die Bestrebungen … bezeichnete er als …"); a relative pronoun stands for the noun
    its clause describes ("der Verband, der die Maßnahme als … sieht").
    """
    current: Word | None = verb
    for _ in range(3):
        if current is None:
            return None
        children = sentence.children(current)
        pronoun = next((c for c in children if c.text.lower() in NOMINATIVE_PRONOUNS and c.upos == "PRON"), None)
        if pronoun is not None:
            return pronoun
        subject = next((child for child in children if child.deprel in SUBJECT_RELATIONS and not _heading(sentence, child)), None)
        if subject is not None and subject.text.lower() in ("sie", "es") and _shares_subject(sentence, current):
            current = sentence.head(current)  # "Die CCE bestätigte … und nannte sie „…“": "sie" is the object
            continue
        if subject is not None:
            return _antecedent(sentence, subject) or subject
        for child in sentence.children(current):
            if child.deprel in AGENT_RELATIONS:  # "von X" in a passive frame: X is the agent
                return child
        if current.relation not in ("xcomp", "aux", "conj"):
            return None
        current = sentence.head(current)
    return None


def _heading(sentence: Sentence, word: Word) -> bool:
    """A single word before a colon that the clause follows ("Europapolitik: Die SPD will …"): a
    label, where a name before the colon would be a speaker ("S. Snyder: Nordkorea ist …")."""
    return word.id == 1 and len(sentence.words) > 1 and sentence.words[1].text == ":"


def _shares_subject(sentence: Sentence, verb: Word) -> bool:
    """A verb coordinated right after "und" with no subject of its own before it ("bedankte sich
    und sagte"): the first verb's subject is its subject too."""
    if verb.relation != "conj" or verb.id < 2:
        return False
    return sentence.words[verb.id - 2].upos == "CCONJ"


def passive(sentence: Sentence, verb: Word) -> bool:
    """Whether the tree gives ``verb`` a passive auxiliary ("wurde … zitiert")."""
    return any(child.deprel == "aux:pass" for child in sentence.children(verb))


def _antecedent(sentence: Sentence, subject: Word) -> Word | None:
    """The noun a relative-pronoun subject stands for: the head of its relative clause, or by
    word order the noun before the comma when the parse attached the clause elsewhere."""
    if subject.xpos != "PRELS":
        return None
    clause = sentence.head(subject)
    while clause is not None and clause.deprel not in ("acl:relcl", "acl") and clause.relation in ("conj", "xcomp"):
        clause = sentence.head(clause)
    noun = sentence.head(clause) if clause is not None and clause.deprel in ("acl:relcl", "acl") else None
    if noun is None and subject.id >= 3 and sentence.words[subject.id - 2].text == ",":
        noun = sentence.words[subject.id - 3]
        while noun.relation in ("nmod", "flat", "appos") and (head := sentence.head(noun)) is not None and head.upos in ("NOUN", "PROPN") and head.id < noun.id:
            noun = head
    return noun if noun is not None and noun.upos in ("NOUN", "PROPN") else None


def case_marked(sentence: Sentence, subject: Word) -> bool:
    """A "subject" with a preposition of its own ("Als Begründung", "Gegenüber NDR Info") is an
    adverbial the parse mislabelled; name particles ("Von der Leyen") do not count."""
    return any(
        child.deprel == "case" and child.text.lower() not in NAME_PARTICLES and child.id < subject.id
        for child in sentence.children(subject)
    )


def opens_clause(word: Word) -> bool:
    """Punctuation, a conjunction or a complementiser: what may stand before a clause's subject."""
    return word.upos in ("PUNCT", "CCONJ", "SCONJ") or word.text.lower() in ("wie", "dass", "ob", "als")


def subordinator_before(items: Sequence[Located], verb_index: int) -> int | None:
    """The index of the subordinator opening the clause that ``verb_index`` ends, if any ("Als
    Grund gab X an" is verb-second: "als" opens no clause there)."""
    end = verb_index + 1
    while end < len(items) and items[end].word.upos == "AUX":
        end += 1
    if end < len(items) and items[end].word.upos != "PUNCT":
        return None
    i = verb_index - 1
    while i >= 0 and items[i].word.text not in (",", ":", ";"):
        i -= 1
    opener = i + 1
    if opener >= verb_index or items[opener].word.upos != "SCONJ" or items[opener].word.text.lower() not in CLAUSE_SUBORDINATORS:
        return None
    if items[opener].word.text.lower() == "als" and any(item.word.xpos.endswith("FIN") for item in items[opener + 1 : verb_index]):
        return None  # "Als mögliche Nachfolger haben sich drei Kandidaten gemeldet": "als" + noun
    return opener


def finite_index(items: Sequence[Located], verb_index: int) -> int:
    """The finite verb of the clause up to ``verb_index``: in "Der Trainer wurde … zitiert" the
    slot before the finite auxiliary holds the subject. A verb right after a comma opens its own
    clause ("Nachdem er gefragt wurde, entgegnete Suttner"): it is the finite verb."""
    if verb_index > 0 and items[verb_index - 1].word.text == ",":
        return verb_index
    return next((i for i in range(verb_index + 1) if items[i].word.xpos.endswith("FIN")), verb_index)


def relative_pronoun_first(words: Sequence[Word]) -> bool:
    """Words opened by a relative pronoun, after its preposition or not ("der …", "auf die …")."""
    return bool(words) and (
        words[0].xpos in RELATIVE_TAGS or (words[0].upos == "ADP" and len(words) > 1 and words[1].xpos in RELATIVE_TAGS)
    )


PARTICLE_RELATIONS = frozenset({"compound:prt"})

OBLIQUE_RELATIONS = frozenset({"obl", "nmod", "obl:arg"})

COMPLEMENT_RELATIONS = frozenset({"ccomp", "xcomp", "parataxis", "csubj", "csubj:pass"})

# Relations by which a cue noun belongs to its verb's clause ("vertritt die Ansicht", "begegnet …
# mit dem Argument"): the verb's subject holds the view.
HELD_NOUN_RELATIONS = frozenset({"obj", "iobj", "obl"})

INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF", "VVIZU"})


def after_passive_auxiliary(sentence: Sentence, verb: Word) -> bool:
    """A participle after a form of "werden" in its clause: "wurde … unterbrochen"."""
    if verb.xpos != "VVPP" and verb.feat("VerbForm") != "Part":
        return False
    return any(w.lemma.lower() == "werden" and w.id < verb.id for w in sentence.words)


def in_subordinate_clause(sentence: Sentence, verb: Word) -> bool:
    """Whether ``verb`` stands in a clause opened by a conjunction or, after a comma, a relative pronoun."""
    start = verb.id - 1
    while start > 0 and sentence.words[start - 1].text not in {",", ";", ":", "–"}:
        start -= 1
    first = sentence.words[start].text.lower() if start < verb.id - 1 else ""
    if first in ("als", "wie") and verb.id < len(sentence.words) and sentence.words[verb.id].upos not in ("PUNCT", "VERB", "AUX"):
        return False  # "Als Beispiel nannte die NASA …": the verb stands second, not last
    return first in SUBORDINATORS or (start > 0 and first in RELATIVE_PRONOUNS)


def main_finite(sentence: Sentence) -> Word | None:
    """The finite verb of the main clause: by word order, the first finite verb after a leading
    subordinate clause ("Da sie Angst hatte, habe Celebi …"); the root's finite verb otherwise."""
    words = sentence.words
    start = 0
    if words and words[0].text.lower() in SUBORDINATORS:
        start = next((i + 1 for i, w in enumerate(words) if w.text == ","), 0)
    for word in words[start:]:
        if word.text in {",", ";", ":"}:
            break
        if is_finite(word) or (word.upos in ("VERB", "AUX") and looks_subjunctive(word)):
            return word
    verbs = finite_verbs(sentence)
    for root in sentence.roots:
        for word in (root, *sentence.children(root)):
            if word in verbs:
                return word
    return verbs[0] if verbs else None


def has_question(sentence: Sentence) -> bool:
    return bool(sentence.words) and sentence.words[-1].text == "?"
