"""Canonical speakers: which person or organisation each speaker mention refers to.

One pass over the document in text order keeps a list of entities and of the places they are
mentioned (names outside quotations, roles stated with a name, earlier speakers). A speaker
mention is then resolved by what it is:

* a name: the same name, or the full name whose surname it is ("Tsai" → "Joe Tsai");
* a definite role description: the one named person introduced with that role ("der Minister"
  → "Peter Brandt" after "Innenminister Peter Brandt");
* a pronoun: the most salient earlier mention that agrees in gender and number, preferring
  speakers and subjects and recent mentions; ambiguous choices give no entity;
* an organisation ("die Bundesregierung", "Alibaba"): itself.

Mentions that name no one ("ein Sprecher", "Beobachter", "man") keep entity None; an entity
without a name (an unnamed spokesperson mentioned twice) still carries its role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .. import lexicon
from ..document import Located, Word
from ..find.context import Context
from ..german.clauses import SUBJECT_RELATIONS
from ..german.words import ARTICLES, GENDER_TITLES, IMPERSONAL_FORMS, PHRASE_COORDINATORS, POSSESSIVE_AGREEMENT, PRONOUN_AGREEMENT
from ..lexicon import RoleNoun
from ..quote import Mention
from . import gender as evidence_of
from .gender import GENDER_OF, Evidence
from .kinds import TextSource, genitive, nominative, organisation_description, quoted_name, text_source
from .roles import (
    Introduction,
    Phrase,
    analyse,
    find_introductions,
    is_acronym,
    is_name_word,
    is_organisation_word,
    role_end,
    role_of,
    text_of,
)

# Salience of an antecedent (see _score): bonuses and the penalty per 100 characters of distance.
SPEAKER_BONUS = 1.0

SUBJECT_BONUS = 0.5

PERSON_BONUS = 0.5

GENDER_BONUS = 0.3

DISTANCE_PENALTY = 0.1

MAX_DISTANCE = 1500  # characters: an antecedent further back is not considered

MIN_CONFIDENCE = 0.6  # below it a pronoun stays unresolved

# Confidences of the other links.
NAMED = 0.95

SURNAME = 0.9

AMBIGUOUS_SURNAME = 0.55

DESCRIPTION = 0.8


@dataclass(eq=False)
class Entity:
    """A person or organisation of the document; ``name`` is None for an unnamed one."""

    name: str | None
    kind: str  # "person", "organisation", "name" (either), "role" (an unnamed role holder)
    gender: str | None = None
    number: str = "Sing"
    role: str | None = None
    noun: RoleNoun | None = None
    evidence: Evidence | None = None  # the first mention in the text that shows the gender
    same: Entity | None = None  # the named entity an unnamed role holder turned out to be

    def canonical(self) -> Entity:
        """The entity itself, or the named one it was found to be ("der Minister" → "Peter Brandt")."""
        entity = self
        while entity.same is not None:
            entity = entity.same
        return entity

    def learn(self, role: str | None, noun: RoleNoun | None, gender: str | None, evidence: Evidence | None = None) -> None:
        """Take a role and gender from a new mention when the entity has none yet."""
        if role and self.role is None:
            self.role, self.noun = role, noun
        if gender and self.gender is None:
            self.gender = gender
        if role and self.kind == "name":
            self.kind = "person"
        if evidence is not None and self.evidence is None and self.kind != "organisation" and self.number != "Plur":
            self.evidence = evidence


@dataclass(frozen=True)
class Candidate:
    """A place an entity is mentioned: an antecedent for later pronouns."""

    offset: int
    entity: Entity
    subject: bool = False
    speaker: bool = False


@dataclass(frozen=True)
class Resolution:
    """The entity of one speaker mention and how sure the link is (None: no entity)."""

    entity: Entity | None
    confidence: float | None
    role: str | None = None  # the mention's own role when it has no entity
    kind: str | None = None  # the mention's kind where it is not the entity's (a document, a group)
    evidence: Evidence | None = None  # gender evidence in the mention itself


@dataclass
class Resolver:
    """Resolves speaker mentions of one document, in text order."""

    context: Context
    entities: list[Entity] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    # --- names ---------------------------------------------------------------------------

    def named(self, words: Sequence[Word], kind: str, gender: str | None = None, number: str = "Sing") -> tuple[Entity, float]:
        """The entity of a name: the same name, the full name of a surname, or a new one."""
        return self.named_text(text_of(self.context.text, words), kind, gender, number)

    def named_text(self, name: str, kind: str, gender: str | None = None, number: str = "Sing") -> tuple[Entity, float]:
        """The entity of a name given as text (see :meth:`named`); a title before it is dropped."""
        first, _, rest = name.partition(" ")
        if rest and first.lower() in GENDER_TITLES:
            name = rest  # "Herr Albrecht" is "Albrecht"
        for entity in reversed(self.entities):
            if entity.name == name:
                return entity, NAMED
        parts = name.split()
        if len(parts) == 1:
            fuller = list(dict.fromkeys(e for e in reversed(self.entities) if _part_of_name(name, e)))
            if fuller:
                return fuller[0], SURNAME if len(fuller) == 1 else AMBIGUOUS_SURNAME
        else:
            for entity in reversed(self.entities):
                if entity.name == parts[-1] and entity.kind != "organisation":
                    entity.name = name  # "Merkel" first, "Angela Merkel" later: one person
                    return entity, SURNAME
        entity = Entity(name, kind, gender, number)
        self.entities.append(entity)
        return entity, NAMED

    def absorb(self, named: Entity) -> None:
        """A person named with a role ("Bundespräsident Köhler") is the one unnamed holder of that
        role mentioned before ("Der Bundespräsident sagte"), when there is exactly one."""
        if named.name is None or named.noun is None or named.kind == "organisation":
            return
        holders = [e for e in self.entities if e is not named and e.name is None and e.same is None and e.kind == "role"
                   and e.number != "Plur" and _same_role(e, named.noun, named.gender)]
        if len(holders) == 1:
            holders[0].same = named
            if named.evidence is None:
                named.evidence = holders[0].evidence

    def described(self, phrase: Phrase, number: str | None = None) -> tuple[Entity, float | None]:
        """The entity of a role description without a name ("der Minister", "ein Sprecher")."""
        role = text_of(self.context.text, phrase.role)
        gender = _gender(phrase)
        if phrase.definite:
            holders = list(dict.fromkeys(e for e in reversed(self.entities) if e.noun is not None and _same_role(e, phrase.noun, gender)))
            named = [e for e in holders if e.name is not None]
            if len(named) == 1:
                return named[0], DESCRIPTION
            unnamed = [e for e in holders if e.name is None]
            if not named and unnamed:  # "ein Sprecher …", later "der Sprecher": the same unnamed one
                return unnamed[0], None
        entity = Entity(None, "role", gender, number or _number(phrase.noun_word or phrase.words[-1]), role, phrase.noun)
        self.entities.append(entity)
        return entity, None

    # --- mentions ------------------------------------------------------------------------

    def introduce(self, intro: Introduction) -> None:
        """A name stated with a role: the person gets the role (and its gender)."""
        entity, _ = self.named(intro.name, "person")
        noun_word = next((w for w in intro.role if role_of(w) is not None), None)
        evidence = Evidence(GENDER_OF[intro.noun.gender], noun_word.start, noun_word.end) if noun_word is not None and intro.noun.gender in GENDER_OF else None
        entity.learn(text_of(self.context.text, intro.role), intro.noun, intro.noun.gender or None, evidence)
        self.absorb(entity)
        subject = any(w.deprel in SUBJECT_RELATIONS for w in intro.role + intro.name)
        self.candidates.append(Candidate(intro.offset, entity, subject=subject))

    def mention_name_run(self, words: Sequence[Word], subject: bool) -> None:
        """A name outside quotations: a possible antecedent; a statement noun in front is no part
        of it ("Auffassung Österreichs")."""
        while len(words) > 1 and text_source(words[:1]) is not None:
            words = words[1:]
        phrase_kind = "organisation" if any(is_organisation_word(w) for w in words) else ("person" if len(words) > 1 else "name")
        gender = None if any(w.upos == "PROPN" for w in words) else words[-1].feat("Gender")  # the tagger's guess for a name is no evidence
        entity, _ = self.named(words, phrase_kind, gender, _number(words[-1]))
        self.candidates.append(Candidate(words[0].start, entity, subject=subject))

    def mention_description(self, words: Sequence[Word]) -> None:
        """A subject role description outside quotations ("Die Ministerin besuchte …")."""
        phrase = analyse(words)
        entity, _ = self.described(phrase)
        entity.learn(None, None, None, evidence_of.of_phrase(words, phrase, words[-1].feat("Number") or None))
        self.candidates.append(Candidate(words[0].start, entity, subject=True))

    def resolve(self, words: Sequence[Word], verb: Word | None) -> Resolution:
        """The entity of one speaker mention; ``verb`` is its cue verb, for the number of "sie"."""
        if not words:
            return Resolution(None, None)
        first = words[0]
        if first.text.lower() in PRONOUN_AGREEMENT and (len(words) == 1 or first.upos == "PRON"):  # "er" (+ words a parse added)
            resolution = self.pronoun(first, verb)
        else:
            resolution = self.phrase(words, verb)
        if resolution.entity is not None:
            self.candidates.append(Candidate(words[0].start, resolution.entity, subject=True, speaker=True))
        return resolution

    def phrase(self, words: Sequence[Word], verb: Word | None = None) -> Resolution:
        """A speaker noun phrase: a name, a role description, an organisation, a text or
        statement and its source, or no one."""
        surname = self._known_surname(words)
        if surname is not None:
            return Resolution(surname, SURNAME)
        source = text_source(words)
        if source is not None:
            return self.text(source, verb)
        several = self._several_named(words)
        if several is not None:
            return several
        if _names_a_text(words):
            return Resolution(None, None)  # "die Forderung": a statement without its source
        number = _verb_number(verb)
        phrase = analyse(words)
        name = phrase.name
        gender = _gender(phrase)
        evidence = evidence_of.of_phrase(words, phrase, number)
        role = text_of(self.context.text, phrase.role) or None
        head = phrase.noun_word or (phrase.name[-1] if phrase.name else None)
        plural = number == "Plur" or (number is None and head is not None and head.feat("Number") == "Plur")
        if phrase.noun is not None and phrase.noun.gender == "Masc" and phrase.article is not None and phrase.article.text.lower() in ("die", "den"):
            plural = True  # "die Richter": a masculine noun after "die" is plural
        quoted = quoted_name(words)
        if quoted and not phrase.role and (phrase.article is None or phrase.definite):
            entity, confidence = self.named_text(quoted, "organisation")  # "die Internet-Nachrichtensite „Golem“"
            return Resolution(entity, confidence)
        described = organisation_description(self.context.text, words) if not phrase.role else None
        if described is not None:
            entity, confidence = self.named_text(described, "organisation")
            return Resolution(entity, confidence)
        institution = self._known_institution(phrase) if name else None
        if institution is not None:
            return Resolution(institution, DESCRIPTION)
        if name:
            if phrase.article is not None and not phrase.definite and not phrase.role:
                return Resolution(None, None, kind="anonymous" if not plural else "group")  # "ein Mann"
            kind = _kind(phrase, name, number)
            if kind == "group":
                return Resolution(None, None, kind="group")
            if kind == "description":
                return Resolution(None, None, kind="anonymous")  # "der Randalierer": someone described, not named
            entity, confidence = self.named(name, kind, gender)
            if confidence < MIN_CONFIDENCE:
                return Resolution(None, None, role, kind="person", evidence=evidence)  # a surname two people share
            entity.learn(role, phrase.noun, gender, evidence)
            if phrase.noun is not None:
                self.absorb(entity)
            return Resolution(entity, confidence, role, evidence=evidence)
        if phrase.role:
            entity, confidence = self.described(phrase, number)
            entity.learn(None, None, None, evidence)
            kind = "group" if plural else ("person" if entity.name else "anonymous")
            return Resolution(entity, confidence, role, kind=kind, evidence=evidence)
        return Resolution(None, None)

    def _several_named(self, words: Sequence[Word]) -> Resolution | None:
        """Named speakers or organisations joined by "und"/"sowie" ("Ministerin Anna Roth und
        Bürgermeister Jan Wolf", "Polizei und Feuerwehr"): a group whose entity is their names
        joined by "; ", each one known alone."""
        parts: list[list[Word]] = [[]]
        depth = 0
        for word in words:
            depth += (word.text == "(") - (word.text == ")")
            if depth == 0 and word.upos == "CCONJ" and word.text.lower() in PHRASE_COORDINATORS:
                parts.append([])
            else:
                parts[-1].append(word)
        if len(parts) < 2 or not all(any(is_name_word(w) for w in part) for part in parts):
            return None
        members = [self.phrase(part).entity for part in parts]
        if any(member is None or member.name is None for member in members):
            return None
        names = "; ".join(member.canonical().name for member in members)
        return Resolution(Entity(names, "group", number="Plur"), NAMED, kind="group")

    def holder(self, owner: Sequence[Word]) -> Resolution:
        """The holder of a statement or issuer of a text: a quoted name ("des Magazins „Der
        Spiegel“"), a genitive name in the nominative ("Russlands" → "Russland", "des Presseamtes"
        → "Presseamt"), else the phrase as any speaker phrase."""
        phrase = analyse(owner)
        quoted = quoted_name(owner)
        if quoted and not phrase.role:
            entity, confidence = self.named_text(quoted, "organisation")
            return Resolution(entity, confidence)
        described = organisation_description(self.context.text, owner) if not phrase.role else None
        if described is not None:
            entity, confidence = self.named_text(described, "organisation")
            return Resolution(entity, confidence)
        if phrase.name and not phrase.role and genitive(owner) and len(phrase.name) <= 3:
            kind = _kind(phrase, phrase.name)
            if kind in ("organisation", "person", "name", "description"):  # "des Presseamtes", "des ZDFs": an institution
                kind = "organisation" if kind == "description" else kind
                entity, confidence = self.named_text(nominative(text_of(self.context.text, phrase.name)), kind)
                return Resolution(entity, confidence)
        return self.phrase(owner, None)

    def text(self, source: TextSource, verb: Word | None) -> Resolution:
        """A text or statement as speaker: a document (its issuer as entity, when named), or the
        holder of a statement ("Angaben der Polizei" → Polizei, "seiner Meinung" → the person)."""
        holder = Resolution(None, None)
        if source.owner:
            holder = self.holder(source.owner)
        elif source.possessive is not None:
            holder = self.pronoun(source.possessive, None, POSSESSIVE_AGREEMENT[source.possessive.text.lower()])
        elif source.own:
            holder = self._subject_before(source.noun)
        elif source.compound_owner is not None and lexicon.role_noun(source.compound_owner) is not None:
            holder = Resolution(None, None, kind="group")  # "Expertenmeinung": unnamed experts
        elif source.compound_owner is not None:
            entity, confidence = self.named_text(source.compound_owner, "organisation")
            holder = Resolution(entity, confidence)
        if source.kind == "document":
            return Resolution(holder.entity, holder.confidence, kind="document")
        if source.kind == "anonymous" or holder.entity is None and holder.kind is None:
            return Resolution(None, None, kind="anonymous")
        return holder

    def _known_institution(self, phrase: Phrase) -> Entity | None:
        """The organisation mentioned last whose fuller name ends in the bare noun of a definite
        description ("das Gericht" after "das Bundesverwaltungsgericht", "die Polizei" after "die
        Knittelfelder Polizei"): the guidelines' fullest name."""
        if phrase.article is None or not phrase.definite or len(phrase.words) != 2 or phrase.name != phrase.words[1:]:
            return None
        noun = phrase.name[0].text.lower()
        if phrase.name[0].upos != "NOUN" or not noun.endswith(lexicon.word_list("organisation_endings")):
            return None
        for candidate in reversed(self.candidates):
            entity = candidate.entity.canonical()
            if entity.kind == "organisation" and entity.name and entity.name.lower() != noun and entity.name.lower().endswith(noun):
                return entity
        return None

    def _subject_before(self, word: Word) -> Resolution:
        """The subject before ``word`` in its sentence, resolved as a speaker phrase ("Die
        Feuerwehr hat nach eigenen Angaben …"), or no one."""
        located = self.context.words_in(word.start, word.end)
        if not located:
            return Resolution(None, None)
        words = [w for w in located[0].sentence.words if w.start < word.start]
        subject = next((i for i in range(len(words) - 1, -1, -1) if words[i].deprel in SUBJECT_RELATIONS and words[i].upos in ("NOUN", "PROPN")), None)
        if subject is None:
            return Resolution(None, None)
        start = subject - 1 if subject > 0 and words[subject - 1].text.lower() in ARTICLES else subject
        return self.phrase(words[start : subject + 1])

    def _known_surname(self, words: Sequence[Word]) -> Entity | None:
        """One capitalised word that is the surname of exactly one person named before ("Brehm"),
        however the tagger tagged it (the compact model often tags surnames NOUN)."""
        if len(words) != 1 or not words[0].text[:1].isupper():
            return None
        people = {id(e): e for e in self.entities if _part_of_name(words[0].text, e)}
        return next(iter(people.values())) if len(people) == 1 else None

    def pronoun(self, word: Word, verb: Word | None, possessive: frozenset[str] | None = None) -> Resolution:
        """A pronoun (or, with the genders of ``possessive``, a possessive determiner): the best
        agreeing antecedent, or nothing when the choice is unclear."""
        genders, number = (possessive, None) if possessive is not None else PRONOUN_AGREEMENT[word.text.lower()]
        if word.text.lower() == "es" and (word.relation == "expl" or (verb is not None and {verb.lemma.lower(), verb.text.lower()} & IMPERSONAL_FORMS)):
            return Resolution(None, None)
        if number is None:
            number = _verb_number(verb) or word.feat("Number")
        evidence = evidence_of.of_pronoun(word, number) if possessive is None else None
        found = self._antecedent(word, genders, number)
        if found.entity is None:
            return Resolution(None, None, kind="group" if number == "Plur" and possessive is None else None, evidence=evidence)
        if found.entity.kind == "organisation":
            return found
        found.entity.learn(None, None, None, evidence)
        return Resolution(found.entity, found.confidence, evidence=evidence)

    def _antecedent(self, word: Word, genders: frozenset[str], number: str | None) -> Resolution:
        """The best agreeing antecedent of a pronoun before ``word``."""
        scores: dict[int, tuple[float, Entity]] = {}
        for candidate in self.candidates:
            distance = word.start - candidate.offset
            if not 0 < distance <= MAX_DISTANCE:
                continue
            score = _score(candidate, genders, number, distance)
            entity = candidate.entity.canonical()
            if score is not None and score > scores.get(id(entity), (float("-inf"),))[0]:
                scores[id(entity)] = (score, entity)
        ranked = sorted(scores.values(), key=lambda pair: -pair[0])
        if not ranked:
            return Resolution(None, None)
        best, entity = ranked[0]
        if len(ranked) == 1:
            confidence = 0.9 if entity.gender in genders else 0.75
        else:
            confidence = min(0.9, 0.45 + (best - ranked[1][0]) / 2)
        if confidence < MIN_CONFIDENCE:
            return Resolution(None, None)
        return Resolution(entity, round(confidence, 2))


def resolve_mentions(context: Context, speakers: Sequence[tuple[Mention, Mention | None]]) -> list[Resolution]:
    """The resolution of each (speaker, cue) pair, resolved in text order with the document."""
    resolver = Resolver(context)
    events: list[tuple[int, int, object]] = []
    intros = find_introductions(context)
    for intro in intros:
        events.append((intro.offset, 0, intro))
    tokens = context.document.tokens
    taken = {w.start for intro in intros for w in intro.role} | {tokens[t].start for speaker, _ in speakers for t in speaker.tokens}
    for kind, words in _outside_mentions(context, taken):
        events.append((words[0].start, 2 if kind == "description" else 1, (kind, words)))
    for index, (speaker, _) in enumerate(speakers):
        events.append((speaker.start, 3, index))
    results: dict[int, Resolution] = {}
    for _, _, event in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(event, Introduction):
            resolver.introduce(event)
        elif isinstance(event, tuple):
            kind, words = event
            if kind == "description":
                resolver.mention_description(words)
            else:
                resolver.mention_name_run(words, subject=kind == "subject-name")
        else:
            speaker, cue = speakers[event]
            results[event] = resolver.resolve(_words(context, speaker), _cue_verb(context, cue))
    return [results[i] for i in range(len(speakers))]


def _words(context: Context, mention: Mention) -> list[Word]:
    return [item.word for span in mention.spans for item in context.words_in(span.start, span.end)]


def _cue_verb(context: Context, cue: Mention | None) -> Word | None:
    if cue is None:
        return None
    return next((w for w in _words(context, cue) if w.upos in ("VERB", "AUX")), None)


def _outside_mentions(context: Context, taken: set[int]) -> Iterable[tuple[str, list[Word]]]:
    """Names (with a PROPN or an organisation word) and subject role descriptions outside
    quotations; ``taken`` holds the offsets of words already accounted for (intros, speakers)."""
    previous: Word | None = None
    run: list[Located] = []
    for item in context.words:
        word = item.word
        if context.quotation_at(word.start) is not None:
            continue
        if run and (word.token > run[-1].word.token + 1 or not is_name_word(word) or role_of(word) is not None):
            if _is_name_run(run):
                yield ("subject-name" if _is_subject(run) else "name"), [i.word for i in run]
            run = []
        if is_name_word(word) and role_of(word) is None:
            run.append(item)
        elif word.deprel in SUBJECT_RELATIONS and word.start not in taken:
            words = [previous, word] if previous is not None and previous.text.lower() in ARTICLES else [word]
            if role_end(words, 0) is not None:
                yield "description", words
        previous = word
    if _is_name_run(run):
        yield ("subject-name" if _is_subject(run) else "name"), [i.word for i in run]


def _names_a_text(words: Sequence[Word]) -> bool:
    """Whether the phrase's first noun is a cue noun (Studie, Erklärung, Angaben): a text or statement."""
    noun = next((w for w in words if w.upos in ("NOUN", "PROPN")), None)
    return noun is not None and _is_cue_noun(noun)


def _is_cue_noun(word: Word) -> bool:
    entry = lexicon.cue_word(word.lemma) or lexicon.cue_word(word.text)
    return entry is not None and entry.kind == "noun"


def _is_name_run(run: Sequence[Located]) -> bool:
    return any(i.word.upos == "PROPN" or is_organisation_word(i.word) for i in run)


def _is_subject(run: Sequence[Located]) -> bool:
    """A name that is a subject, or in apposition to one ("Innenminister Peter Brandt besuchte")."""
    for item in run:
        head = item.sentence.head(item.word)
        if item.word.deprel in SUBJECT_RELATIONS or (head is not None and head.deprel in SUBJECT_RELATIONS and item.word.relation in ("appos", "flat")):
            return True
    return False


def _part_of_name(name: str, entity: Entity) -> bool:
    """Whether a one-word name is a part of a person's fuller name: the surname ("Merkel" of
    "Angela Merkel"), or the family name written first ("Wang" of "Wang Jian")."""
    if entity.kind == "organisation" or not entity.name:
        return False
    parts = entity.name.split()
    return len(parts) > 1 and name in parts and name not in GENDER_TITLES


def _gender(phrase: Phrase) -> str | None:
    """The gender of a phrase: its role noun's, else the morphology of its article or role noun; the
    tagger's guess for a name is no evidence ("Petrova" and "Köhler" tagged Fem or Masc), so a
    bare name gives none, and a common noun with an article its article's ("die Polizei")."""
    if phrase.noun is not None and phrase.noun.gender:
        return phrase.noun.gender
    name = phrase.name if phrase.article is not None and all(w.upos == "NOUN" for w in phrase.name) else ()
    head = [phrase.noun_word] if phrase.noun_word is not None else []  # not a complement's noun ("der Opposition")
    for word in [*([phrase.article] if phrase.article else []), *head, *reversed(name)]:
        gender = word.feat("Gender")
        if gender:
            return gender
    return None


def _number(word: Word) -> str:
    return word.feat("Number") or "Sing"


def _kind(phrase: Phrase, name: Sequence[Word], number: str | None = None) -> str:
    """Person, organisation, group (a plural common noun: "die Wissenschaftler") or a bare name;
    a bare singular noun with a singular verb is a name ("sagte Merkel": the tagger took it for a noun)."""
    if phrase.role:
        return "person"
    if len(name) == 1 and name[0].text.lower() in lexicon.word_list("states"):
        return "organisation"  # "Russland", "Litauen": a state speaks as one
    if any(is_organisation_word(w) for w in phrase.words if w not in name) or any(is_organisation_word(w) or is_acronym(w) for w in name):
        return "organisation"
    if all(w.upos == "NOUN" for w in name) and name[-1].feat("Number") == "Plur":
        return "group"
    if all(w.upos == "NOUN" for w in name) and phrase.article is None and len(name) == 1 and not any(w.upos == "PROPN" for w in phrase.words):
        if number == "Sing" and name[0].feat("Number") != "Plur":
            return "name"  # a singular count noun needs an article: a bare one is a name
        return "group"  # "Beobachter", "Experten": a bare common noun names no one
    if all(w.upos == "NOUN" for w in name) and phrase.article is not None and number == "Plur":
        return "group"  # "Die Anwohner beklagten"
    if len(name) == 1 and "." in name[0].text.strip(".") and name[0].text.rsplit(".", 1)[-1].isalpha():
        return "organisation"  # "bildblog.de": a website
    if all(w.upos == "NOUN" for w in name) and phrase.article is not None and phrase.definite and name[-1].feat("Gender") in ("Fem", "Neut"):
        return "organisation"  # "die Feuerwehr", "das Gericht": a common noun that speaks as one (not "der Franzose")
    if len(name) == 1 and name[0].upos == "NOUN" and phrase.article is not None and phrase.definite and name[-1].feat("Gender") == "Masc":
        return "description"  # "der Randalierer", "der Franzose": a person described, not named
    return "person" if len(name) > 1 and all(w.upos == "PROPN" for w in name) else "name"


def _same_role(entity: Entity, noun: RoleNoun | None, gender: str | None) -> bool:
    """Whether a description's role noun fits an entity's ("Minister" fits "Innenminister")."""
    if noun is None or entity.noun is None:
        return False
    if gender and entity.gender and gender != entity.gender:
        return False
    known, described = _masculine(entity.noun), _masculine(noun)
    return known.endswith(described) or described.endswith(known)


def _masculine(noun: RoleNoun) -> str:
    """The lowercased noun without a feminine "-in", so that "Ministerin" fits "Innenminister"."""
    low = noun.noun.lower()
    return low[:-2] if noun.gender == "Fem" and low.endswith("in") else low


def _verb_number(verb: Word | None) -> str | None:
    """Singular or plural from the cue verb: its features, else its ending ("sagten")."""
    if verb is None:
        return None
    number = verb.feat("Number")
    if number:
        return number
    form = verb.text.lower()
    if form.endswith("en") or form.endswith("ern"):
        return "Plur"
    if form.endswith(("te", "t", "e")):
        return "Sing"
    return None


def _agrees(entity: Entity, genders: frozenset[str], number: str | None) -> bool:
    """Whether an entity may be referred to by a pronoun of these genders and number.

    "wir" (no gender) fits organisations and groups; singular pronouns need a known gender
    for an organisation, since "sie" for "Alibaba" would be a guess."""
    if not genders:
        return entity.kind == "organisation" or entity.number == "Plur"
    plural = entity.number == "Plur"
    if number == "Plur" or (number is None and plural):
        return plural
    if plural:
        return False
    if entity.gender is None:
        return entity.kind != "organisation"
    return entity.gender in genders


def _score(candidate: Candidate, genders: frozenset[str], number: str | None, distance: int) -> float | None:
    """Salience of an antecedent for a pronoun, or None when they do not agree."""
    entity = candidate.entity
    if not _agrees(entity, genders, number):
        return None
    score = SPEAKER_BONUS * candidate.speaker + SUBJECT_BONUS * candidate.subject - DISTANCE_PENALTY * distance / 100
    if entity.gender in genders:
        score += GENDER_BONUS
    if entity.kind in ("person", "role"):
        score += PERSON_BONUS
    return score
