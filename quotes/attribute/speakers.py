"""Speakers: the source noun phrase of a cue, read from the tree with a word-order fallback.

The tree gives the subject of a cue verb (or the agent of a passive one); when the compact
model attached it wrongly, the noun phrase next to the cue in the frame is taken instead.
"""

from __future__ import annotations

from typing import Sequence

from .. import lexicon
from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.marks import ALL_MARKS
from ..german.clauses import (
    AGENT_RELATIONS,
    SUBJECT_RELATIONS,
    case_marked,
    finite_index,
    opens_clause,
    passive,
    relative_pronoun_first,
    subject_of,
    subordinator_before,
)
from ..german.phrases import (
    adverb,
    chunk_after,
    chunk_before,
    completed,
    function_word,
    head_word,
    name_particle,
    phrase_words,
    preposition,
    temporal,
    trim_speaker,
    with_apposition,
)
from ..german.words import (
    ABSTRACT_SUFFIXES,
    COLLECTIVE_NOUNS,
    DEMONSTRATIVE_SPEAKERS,
    FEMININE_ARTICLES_OBLIQUE,
    FEMININE_SUFFIXES,
    GENITIVE_ARTICLES,
    IMPERSONAL_FORMS,
    NON_SPEAKER_WORDS,
    OBLIQUE_ARTICLES,
    PASSIVE_ADDRESSEE_VERBS,
    PRONOUNS,
    SOURCE_PREPOSITIONS,
    TEMPORAL_NOUNS,
)


def could_be_subject(phrase: Sequence[Located]) -> bool:
    """Whether a phrase can be the nominative subject of a cue: not a possessive or demonstrative
    on its own, not a sentence adverb, not opened by an oblique article or by "als"."""
    if not phrase:
        return False
    first = phrase[0].word
    form = first.text.lower()
    if len(phrase) == 1 and form in DEMONSTRATIVE_SPEAKERS and first.upos in ("PRON", "DET"):
        return True  # "Diese bestätigte, …": a person named before
    if len(phrase) == 1 and (
        form in NON_SPEAKER_WORDS
        or first.upos == "DET"
        or adverb(first)
        or first.xpos in ("PPOSAT", "PDS", "PDAT", "ADJD")
        or (form.endswith("end") and first.upos != "PROPN")  # "Relativierend fügt X hinzu"
    ):
        return False
    if form in OBLIQUE_ARTICLES or form == "als":
        return False
    if function_word(phrase[0]) and (len(phrase) == 1 or preposition(first)) and not name_particle(phrase):
        return False  # "Gestern sagte", "Tatsächlich betont", "Gegenüber Spiegel Online berichtete"
    if form in FEMININE_ARTICLES_OBLIQUE:
        head = next((item.word for item in phrase[1:] if head_word(item.word)), None)
        if head is not None and head.text.lower().endswith(FEMININE_SUFFIXES):
            return False
        if head is not None and head.upos == "ADJ" and head.text.endswith("en"):
            return False  # "riet der 38-Jährigen": a nominative adjective noun after "der" ends in -e
    return True


def addressed(sentence: Sentence, verb: Word) -> bool:
    """A passive verb of addressing: its subject is the addressee."""
    return verb.lemma in PASSIVE_ADDRESSEE_VERBS and passive(sentence, verb)


def subject_by_position(items: Sequence[Located], verb_index: int) -> list[Located]:
    """The subject of a verb-second clause by word order: the noun phrase filling the slot before
    the verb ("Der Minister sagte"), else the one right after it ("Am Montag sagte der Minister");
    in a verb-final clause, the phrase after its subordinator ("indem sie … aufforderte")."""
    opener = subordinator_before(items, verb_index)
    if opener is not None:
        subject = chunk_after(items, opener + 1)
        return subject if could_be_subject(subject) and not temporal(subject) else []
    verb_index = finite_index(items, verb_index)
    before = chunk_before(items[:verb_index])
    opener = None if not before or before[0] is items[0] else items[items.index(before[0]) - 1].word
    starts_clause = before and (opener is None or opens_clause(opener))
    after = chunk_after(items, verb_index + 1)
    after = [] if temporal(after) or not could_be_subject(after) else after
    if opener is not None and opener.text.lower() in ("als", "wie") and after:
        return after  # "Als Begründung sagte ein Wissenschaftler": "als" + noun is no clause opener here
    if before and starts_clause and (before[0].word.upos != "ADP" or name_particle(before)) and not temporal(before) and could_be_subject(before):
        return after if abstract(before) and after and _names_person(after) else before
    if not before and not after and verb_index > 0 and items[verb_index - 1].word.upos == "CCONJ":
        first = next((i for i in range(verb_index - 1) if items[i].word.xpos.endswith("FIN")), None)
        if first is not None:
            return subject_by_position(items, first)  # "Medvedev bedankte sich … und sagte:"
    return after


def _impersonal(sentence: Sentence, verb: Word, subject: Word) -> bool:
    """An impersonal subject: "man", or "es" as expletive, with "heißen" or with a passive."""
    form = subject.text.lower()
    if form == "man":
        return True
    if form != "es":
        return False
    return subject.deprel in ("expl", "nsubj:pass") or passive(sentence, verb) or {verb.lemma.lower(), verb.text.lower()} & IMPERSONAL_FORMS != set()


MESSAGE_ENDS = frozenset(",") | ALL_MARKS


def source_of_impersonal(items: Sequence[Located], verb: Word | None = None) -> list[Located]:
    """The source of "heißt es": the document or place in the frame ("in der Studie" → "der Studie").
    A finite ``verb`` right after a comma has the message before it, so the source can only follow
    ("Man war sich bei dem Gespräch nicht einig, hieß es aus Verhandlungskreisen")."""
    position = next((i for i, item in enumerate(items) if item.word is verb), 0)
    after_message = position > 0 and items[position - 1].word.text in MESSAGE_ENDS and not _relative_clause_before(items, position - 1)
    start = position + 1 if after_message else 0
    for i in range(start, len(items)):
        if items[i].word.text.lower() in SOURCE_PREPOSITIONS:
            phrase = chunk_after(items, i + 1)
            if phrase:
                return phrase
    return []


def _relative_clause_before(items: Sequence[Located], comma: int) -> bool:
    """Whether the words before ``comma`` since the previous one are a relative clause ("In der
    Resolution, die … angenommen wurde, heißt es"): the source stands before it."""
    opening = next((i for i in range(comma - 1, -1, -1) if items[i].word.text == ","), None)
    return opening is not None and opening + 2 < comma and relative_pronoun_first([item.word for item in items[opening + 1 : comma]])


def speaker_items(context: Context, sentence: Sentence, verb: Word, allowed: Sequence[Located]) -> list[Located]:
    """The speaker phrase of a cue verb, restricted to the words in ``allowed`` (the frame)."""
    allowed_ids = {(item.sentence.index, item.word.id) for item in allowed}
    subject = subject_of(sentence, verb)
    if subject is None or subject.text.lower() == "man":
        subject = quoted_person(sentence, verb) or subject
    if subject is not None and _impersonal(sentence, verb, subject):
        return []  # "heißt es", "es wurde mitgeteilt", "man sagt": no one is named
    if subject is not None and subject.deprel != "obl:agent" and addressed(sentence, verb):
        return []  # "Die Anwohner wurden gebeten, …": the subject was spoken to
    if subject is not None and subject.deprel not in SUBJECT_RELATIONS | AGENT_RELATIONS:
        pass  # the antecedent of a relative pronoun: its own preposition is the main clause's
    elif subject is not None and subject.deprel != "obl:agent" and case_marked(sentence, subject):
        return []
    if subject is not None and _disagrees(sentence, verb, subject):
        return []  # "Zwölf Todesopfer forderte ein Taifun": a plural noun is no subject of a singular verb
    if subject is not None and (sentence.index, subject.id) in allowed_ids:
        words = [w for w in phrase_words(sentence, subject) if (sentence.index, w.id) in allowed_ids]
        phrase = with_apposition(allowed, completed(allowed, trim_speaker([Located(sentence, w) for w in words])))
        phrase = _whole_vorfeld(allowed, verb, phrase)
        if temporal(phrase):
            return []  # "Erst vergangene Woche kündigte der Konzern an": a time the parse took for the subject
        if subject.deprel != "obl:agent" and abstract(phrase):
            person = person_next_to(allowed, verb, phrase)
            if person:
                return person  # "Jegliche Mitverantwortung weist Hartmann von sich": object first
        return phrase if subject.deprel == "obl:agent" or could_be_subject(phrase) else []
    return []


def _disagrees(sentence: Sentence, verb: Word, subject: Word) -> bool:
    """A plural common noun as subject of a third-person singular finite verb, not coordinated."""
    finite = verb if verb.feat("VerbForm") == "Fin" else next(
        (c for c in sentence.children(verb) if c.relation == "aux" and c.feat("VerbForm") == "Fin"), None
    )
    if finite is None or finite.feat("Number") != "Sing" or finite.feat("Person") != "3":
        return False
    if subject.upos != "NOUN" or subject.feat("Number") != "Plur":
        return False
    children = sentence.children(subject)
    if subject.text.endswith("e") and any(c.text.lower() == "die" for c in children):
        return False  # "Die Vorsitzende": feminine singular as well
    return not any(c.deprel in ("conj", "cc") for c in children)


def _whole_vorfeld(frame: Sequence[Located], verb: Word, phrase: list[Located]) -> list[Located]:
    """The speaker run on to the finite verb when it opens the clause: the slot before a
    verb-second verb holds one phrase, so a place after the noun belongs to it ("Das Nobelkomitee |
    im norwegischen Oslo würdigte"), and the corpus marks the medium in a "wie" clause with its
    speaker ("Wie die Ärztezeitung | in ihrer Onlineausgabe berichtet"), where the parse attached
    them to the verb."""
    if not phrase:
        return phrase
    position = {id(item.word): i for i, item in enumerate(frame)}
    start, verb_index = position.get(id(phrase[0].word)), position.get(id(verb))
    if start is None or verb_index is None or (start > 0 and not opens_clause(frame[start - 1].word)):
        return phrase
    finite = finite_index(frame, verb_index)
    before = chunk_before(frame[:finite])
    if not before or before[0] is not frame[start] or len(before) <= len(phrase):
        return phrase
    taken = {id(item.word) for item in phrase}
    added = [item.word for item in before if id(item.word) not in taken]
    if any(word.upos == "NUM" or word.text.lower() in TEMPORAL_NOUNS for word in added):
        return phrase  # "Wie die FIFA | in der Nacht bekanntgab": a time, not part of the name
    return before


def abstract(phrase: Sequence[Located]) -> bool:
    """A phrase headed by an abstract noun ("Die praktische Anwendung der Richtlinienkompetenz"),
    with no name, pronoun or role noun in it: rarely the one who speaks."""
    words = [item.word for item in phrase]
    # a name in an attached phrase does not speak ("Die Verantwortung für die Affäre im Bezirk Weser-Ems")
    words = words[: next((i for i, w in enumerate(words) if w.upos == "ADP" and i > 0), len(words))]
    head = next((w for w in words if head_word(w)), None)
    if head is None or head.upos != "NOUN" or any(w.upos in ("PROPN", "PRON") or lexicon.role_noun(w.text) for w in words):
        return False
    form = head.text.lower()
    return form.endswith(ABSTRACT_SUFFIXES) and not form.endswith(COLLECTIVE_NOUNS)


def person_next_to(frame: Sequence[Located], verb: Word, phrase: Sequence[Located]) -> list[Located]:
    """The phrase naming a person before or after the finite verb of a verb-second clause, other than ``phrase``."""
    position = next((i for i, item in enumerate(frame) if item.word is verb), None)
    if position is None:
        return []
    finite = finite_index(frame, position)
    taken = {id(item.word) for item in phrase}
    for candidate in (chunk_before(frame[:finite]), chunk_after(frame, finite + 1)):
        if candidate and not taken & {id(item.word) for item in candidate} and _names_person(candidate) and could_be_subject(candidate):
            return candidate
    return []


def _names_person(phrase: Sequence[Located]) -> bool:
    """A name, a personal pronoun or a role noun before any genitive attribute ("Hartmann", "er",
    "der SPD-Vorsitzende Franz Müntefering"; not "die Rolle der Parteivorsitzenden")."""
    seen_noun = False
    for item in phrase:
        word = item.word
        if seen_noun and word.text.lower() in GENITIVE_ARTICLES:
            return False
        if word.upos == "PROPN" or word.text.lower() in PRONOUNS or lexicon.role_noun(word.text) is not None:
            return True
        seen_noun = seen_noun or word.upos == "NOUN"
    return False


def quoted_person(sentence: Sentence, verb: Word) -> Word | None:
    """"Man zitierte einen Augenzeugen": with an active "zitieren" and no one named as subject the
    object spoke (WIKINEWS gives "Die Zeitung zitierte X" to the newspaper, its subject)."""
    if not verb.text.lower().startswith("zitier") or passive(sentence, verb):
        return None
    return next((c for c in sentence.children(verb) if c.relation == "obj"), None)


def passive_agent(sentence: Sentence, verb: Word, items: Sequence[Located]) -> list[Located]:
    """The agent of a passive cue: "von"/"vom" + noun phrase before the participle, outside any
    noun phrase ("Von den Parlamentariern wird dies … gesehen"); none for "wurde kritisiert"."""
    for i, item in enumerate(items[: verb.id - 1]):
        word = item.word
        if word.text.lower() not in ("von", "vom") or sentence.head(word) is None:
            continue
        noun = sentence.head(word)
        if noun.deprel not in ("obl:agent", "obl") or (sentence.head(noun) is not verb and noun.deprel != "obl:agent"):
            continue
        phrase = chunk_after(items, i + 1)
        if phrase and phrase[0].word.upos != "PRON":
            return phrase
    return []
