"""Indirect, reported and free indirect speech: the attribution patterns of German news.

Rules work per parse sentence. Each looks for one pattern — a complement clause of a cue, a
parenthetical frame, a prepositional source ("laut X", "X zufolge"), a speech act with an
object (Reported), Konjunktiv sentences that continue someone's speech (IndirectFreeIndirect),
or reportive "sollen" (FreeIndirect) — and returns a :class:`Finding`; :func:`find_indirect_quotes`
keeps the first finding per stretch of text and builds the quotes. The tree is used where it is
reliable (subjects, clause heads) and backed by word order and punctuation where the compact
parser often errs (clause attachment).
"""

from __future__ import annotations

from typing import Callable, Sequence

from .. import lexicon
from ..attribute.speakers import (
    addressed,
    passive_agent,
    source_of_impersonal,
    speaker_items,
    subject_by_position,
)
from ..document import Located, Sentence, Word
from ..find.context import Context
from ..find.cues import Cue, frame_verb_cue
from ..german.clauses import (
    COMPLEMENT_RELATIONS,
    HELD_NOUN_RELATIONS,
    INFINITIVE_TAGS,
    RELATIVE_TAGS,
    after_passive_auxiliary,
    passive,
    relative_pronoun_first,
)
from ..german.morphology import is_finite, is_subjunctive, looks_subjunctive, zu_infinitive
from ..german.phrases import chunk_after, chunk_before
from ..german.words import (
    ADVERBIAL_SUBORDINATORS,
    ANAPHORIC_OPENERS,
    COMPLEMENTIZERS,
    INSERTED_INFINITIVE_OPENERS,
    NEW_PHRASE_STARTS,
    NOT_COMPLEMENT_OPENERS,
    CLAUSE_COORDINATORS,
    RELATIVE_PRONOUNS,
    SENTENCE_PUNCTUATION,
    SOURCE_VERBS,
    SUBORDINATORS,
    WH_WORDS,
)
from ..quote import Quote
from .base import (
    ANAPHORIC,
    CLAUSE,
    NOUN_CUE,
    SOURCE,
    Finding,
    build,
    located,
    message_spans,
    overlaps,
    rule,
    sentence_items,
    trim,
)
from .free_indirect import continuation_findings
from .reported import reported_intention, reported_speech_act



def _speaker_for(context: Context, cue: Cue, frame: Sequence[Located]) -> list[Located]:
    """The source of a verb cue: its subject from the tree, else by word order; for "heißt es"
    the document or place named in the frame."""
    if cue.lemma in SOURCE_VERBS:
        return source_of_impersonal(frame, cue.head)
    items = speaker_items(context, cue.sentence, cue.head, frame)
    if not items and (passive(cue.sentence, cue.head) or after_passive_auxiliary(cue.sentence, cue.head)):
        # the agent ("Es wurde von Demjanjuks Sohn geäußert"), else the document the frame is in ("In
        # einer Pressemitteilung wird gefordert"); none for the addressed ("Die Anwohner wurden gebeten")
        agent = passive_agent(cue.sentence, cue.head, sentence_items(cue.sentence))
        return agent or ([] if addressed(cue.sentence, cue.head) else source_of_impersonal(frame))
    if not items:
        index = next((i for i, item in enumerate(frame) if item.word is cue.head), None)
        items = subject_by_position(frame, index) if index is not None else []
    if len(items) == 1 and items[0].word.text.lower() == "es":
        return []  # impersonal: "heißt es", "es wurde mitgeteilt"
    return items


def _complement_head(sentence: Sentence, verb: Word) -> Word | None:
    """A clause the cue verb governs: dass/ob/w-clause, zu-infinitive or verb-second clause."""
    candidates = list(sentence.children(verb))
    for child in list(candidates):  # "wies darauf hin, dass": the clause hangs on the correlate
        if child.xpos in ("PROAV", "PAV") or child.relation in ("obj", "obl"):
            candidates.extend(c for c in sentence.children(child) if c.deprel in COMPLEMENT_RELATIONS | {"acl"})
    for child in candidates:
        if child.deprel not in COMPLEMENT_RELATIONS and child.deprel != "acl":
            continue
        if child.id < verb.id and child.deprel == "parataxis":
            continue  # a preceding clause is the parenthetical pattern
        marks = {w.text.lower() for w in sentence.children(child) if w.relation == "mark"}
        if child.deprel == "xcomp" and not any(w.xpos == "PTKZU" or w.text == "zu" for w in sentence.children(child)):
            if not any(zu_infinitive(w) for w in sentence.subtree(child)):
                continue
        if child.deprel == "acl" and not marks & COMPLEMENTIZERS:
            continue
        if child.upos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON") and child.id > verb.id:
            return child
    return None


def _clause_after_comma(sentence: Sentence, cue: Cue) -> list[Word]:
    """Word-order fallback: ", dass …", ", ob …", ", w- …", ", … zu tun" or a V2 clause after the cue."""
    words = sentence.words
    position = cue.head.id  # index of the word after the verb
    while position < len(words) and words[position].text != ",":
        if words[position] not in cue.words and is_finite(words[position]):
            return []  # another finite verb first: the cue is not the clause's main verb
        position += 1
    # a relative clause can only follow when a noun stands between the cue and the comma
    noun_between = any(w.upos in ("NOUN", "PROPN") for w in words[cue.head.id : position] if w not in cue.words)
    return _complement_after(list(words[position + 1 :]), noun_between)


def _complement_after(rest: list[Word], noun_between: bool = False) -> list[Word]:
    """The words after a comma if they open a complement clause: ", dass …", ", ob …", ", w- …",
    ", … zu tun" or a verb-second clause; an infinitive clause inserted before it is skipped
    ("sagte, ohne Einzelheiten zu nennen, dass …")."""
    if not rest:
        return []
    first = rest[0].text.lower()
    if first in INSERTED_INFINITIVE_OPENERS:
        end = next((i for i, w in enumerate(rest) if w.text == "," and i > 0 and rest[i - 1].xpos in INFINITIVE_TAGS), None)
        return _complement_after(rest[end + 1 :], noun_between) if end is not None else []
    if first in COMPLEMENTIZERS or first in WH_WORDS:
        return rest
    if first in NOT_COMPLEMENT_OPENERS or (noun_between and _opens_relative_clause(rest)):
        return []  # "…, und", "…, weil", a relative clause: not what was said
    finite = [w for w in rest if is_finite(w)]
    if finite and 1 <= finite[0].id - rest[0].id <= 6 and not finite[0].xpos.startswith("VM") or (finite and is_subjunctive(finite[0])):
        return rest  # a verb-second clause, Konjunktiv or not: "sagte, die Regierung habe …"
    if any(w.xpos == "PTKZU" or zu_infinitive(w) for w in rest[:12]) and not finite:
        return rest  # "kündigte an, … zu investieren"
    return []


def _modifies_object(sentence: Sentence, cue: Cue, clause: Sequence[Word]) -> bool:
    """A clause that belongs to the cue's object, not a message: a relative clause after a noun
    ("forderte einen Plan, mit dem …", "sprach von Flugzeugen, auf die …") or a purpose clause
    ("forderte einen Korridor, um … zu bringen"). The cue's object is then the message (Reported)."""
    words = [w for w in clause if w.upos != "PUNCT"]
    if not words:
        return False
    first = words[0].text.lower()
    if first in INSERTED_INFINITIVE_OPENERS | {"wobei", "wodurch", "womit"}:
        return True
    noun_between = any(
        w.upos in ("NOUN", "PROPN") and w not in cue.words for w in sentence.words[cue.head.id : words[0].id - 1]
    )
    if not noun_between:
        return False
    second = words[1].text.lower() if len(words) > 1 else ""
    return (words[0].upos == "ADP" and second in RELATIVE_PRONOUNS) or _opens_relative_clause(words)


def _opens_relative_clause(rest: Sequence[Word]) -> bool:
    """"der gestern zurücktrat" (a relative pronoun) rather than "die Grenzen blieben offen" (an article)."""
    if rest[0].text.lower() not in RELATIVE_PRONOUNS:
        return False
    following = rest[1] if len(rest) > 1 else None
    return following is None or following.upos not in ("NOUN", "PROPN", "ADJ", "NUM")


def _without_leading_phrases(clause: list[Word]) -> list[Word]:
    """The clause without verbless phrases before a comma that the parse put into it: an
    apposition of the speaker or a correlate ("entschied sich X, | der Leiter der Wartung, | dazu, |
    ein Kamel … zu schlachten"). An enumeration ("Katzen, Ziegen und Kühe sollen …") stays whole."""
    if _enumeration(clause):
        return clause
    while True:
        while clause and clause[0].text == ",":
            clause = clause[1:]
        comma = next((i for i, w in enumerate(clause) if w.text == ","), None)
        if comma is None or comma + 1 >= len(clause):
            return clause
        segment = clause[:comma]
        if segment[0].upos == "SCONJ" or segment[0].text.lower() in COMPLEMENTIZERS | WH_WORDS or any(w.upos in ("VERB", "AUX") or w.xpos == "PTKZU" for w in segment):
            return clause
        if _opens_relative_clause(clause[comma + 1 :]):
            return clause  # "Frauen, die einer anderen Ethnie angehören, zu vergewaltigen"
        clause = clause[comma + 1 :]


def _enumeration(words: Sequence[Word]) -> bool:
    """Words that open with a list: "und"/"oder" follows the first comma with no verb before it."""
    comma = next((i for i, w in enumerate(words) if w.text == ","), None)
    if comma is None:
        return False
    for word in words[comma + 1 :]:
        if word.upos in ("VERB", "AUX") or word.text.lower() in COMPLEMENTIZERS:
            return False
        if word.text in ("und", "oder"):
            return True
    return False


@rule(example="Der Minister sagte, die Lage sei ernst.")
def indirect_complement_clause(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """X sagte, dass … / X betonte, die Regierung habe … / X kündigte an, … zu investieren."""
    if cue.kind != "verb":
        return None
    head = _complement_head(sentence, cue.head)
    clause: list[Word] = []
    if head is not None:
        clause = sentence.subtree(head)
        clause = [w for w in sentence.words if clause[0].id <= w.id <= clause[-1].id]
    opener = next((w for w in clause if w.upos != "PUNCT"), None)
    if opener is not None and opener.text.lower() in INSERTED_INFINITIVE_OPENERS:
        clause = _complement_after([w for w in sentence.words if w.id >= opener.id])
    if not clause:
        clause = _clause_after_comma(sentence, cue)
    if not clause:
        return None
    # the message runs to the end of the sentence (or to a later quotation or a new frame), the
    # frame is the rest
    last = clause[-1].id
    tail = [w for w in sentence.words if w.id > last and w.text not in SENTENCE_PUNCTUATION]
    whole = clause + ([] if _ends_frame(tail, cue) else tail)
    clause = _without_leading_phrases(_before_new_frame(context, sentence, whole, cue))
    if not clause or _modifies_object(sentence, cue, clause):
        return None
    message = trim(located(sentence, clause))
    if len(message) < 2:
        return None
    message_ids = {item.word.id for item in message}
    frame = _trim_end(located(sentence, [w for w in sentence.words if w.id not in message_ids]))
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=_speaker_for(context, cue, frame), confidence=CLAUSE)


@rule(example="Die Lage ist ernst. Dies bestätigte ein Sprecher des Ministeriums.")
def indirect_anaphoric_frame(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """… . Dies bestätigte X. / Das teilte X mit. — a demonstrative subject or object opening the
    frame stands for the sentence before it, which is the message (with the demonstrative, as the
    corpus marks it)."""
    words = sentence.words
    if cue.kind != "verb" or cue.head.id != 2 or words[0].text not in ANAPHORIC_OPENERS or sentence.index == 0:
        return None
    if _complement_head(sentence, cue.head) is not None or any(w.text.lower() in COMPLEMENTIZERS | {"man"} for w in words):
        return None  # a message of its own after the cue, or no one named ("Dies nennt man …")
    previous = context.document.sentences[sentence.index - 1]
    if context.quotation_at(previous.start) is not None or context.quotation_at(previous.end - 1) is not None:
        return None  # a direct quotation before: the frame is its own
    frame = _trim_end(located(sentence, words[1:]))
    speaker = _speaker_for(context, cue, frame)
    if not speaker:
        return None
    message = sentence_items(previous) + located(sentence, words[:1])
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=speaker, confidence=ANAPHORIC)


def _ends_frame(tail: Sequence[Word], cue: Cue) -> bool:
    return bool(tail) and any(w is cue.head for w in tail)


def _before_new_frame(context: Context, sentence: Sentence, words: list[Word], cue: Cue) -> list[Word]:
    """``words`` up to a comma and coordinator that open a clause with a cue verb of its own
    ("Annabi sei tot, doch der Sprecher erklärte, …"): that clause is a new frame, not this message."""
    for i, (word, following) in enumerate(zip(words, words[1:])):
        if word.text != "," or following.text.lower() not in CLAUSE_COORDINATORS:
            continue
        for later in words[i + 2 :]:
            other = context.cue_of(Located(sentence, later))
            if other is not None and other is not cue and other.kind == "verb":
                return words[:i]
    return words


def _trim_end(items: list[Located]) -> list[Located]:
    while items and items[-1].word.text in SENTENCE_PUNCTUATION:
        items.pop()
    return items


def _adverbial_clause(words: Sequence[Word]) -> bool:
    """Words that are one adverbial clause ("Da ein Rückflug nicht möglich war"), with at most
    clauses inside it, but no main clause of their own after a comma ("Da X, werde Y")."""
    if not words or words[0].upos != "SCONJ" or words[0].text.lower() not in ADVERBIAL_SUBORDINATORS:
        return False
    return not any(is_finite(after) for before, after in zip(words, words[1:]) if before.text == ",")


@rule(example="Die Lage sei, so der Minister, weiterhin ernst.")
def indirect_parenthetical(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """Die Regierung habe keine Wahl, sagte X. / Die Lage, so X, sei ernst. — a verb-first frame after the message."""
    words = sentence.words
    index = cue.head.id - 1
    if cue.kind == "verb":
        frame_start = index - 1
        if frame_start < 1 or words[frame_start].text != ",":
            return None
    elif cue.lemma == "so" and index >= 1 and words[index - 1].text == ",":
        frame_start = index - 1
    else:
        return None
    before = words[:frame_start]
    if all(context.quotation_at(w.start) is not None for w in before if w.upos != "PUNCT"):
        return None  # „…“, sagte X, Spieler von Y: a direct quote's frame
    end = frame_start + 1
    while end < len(words) and words[end].text not in {","} | SENTENCE_PUNCTUATION:
        end += 1
    frame = located(sentence, words[frame_start:end])
    after = [w for w in words[end + 1 :] if w.text not in SENTENCE_PUNCTUATION] if end < len(words) and words[end].text == "," else []
    # the message has its verb before the frame, or after it when a verb-first frame with its own
    # subject interrupts it ("Die Gespräche, sagte er, seien gescheitert"; not "Der Chef, Peter
    # Müller, sagte, dass …", where the frame is the verb alone)
    interrupted = (
        before and len(frame) >= 3 and after and after[0].text.lower() not in COMPLEMENTIZERS and any(is_finite(w) for w in after)
    )
    verb_before = any(w.upos in ("VERB", "AUX") for w in _outside_relative_clauses(before))
    if not verb_before and not interrupted:
        return None  # "Frank Sichau, der als Sprecher fungiert, erklärte, dass …": the subject, not a message
    if not verb_before and cue.kind == "verb" and not _speaker_for(context, cue, frame):
        return None  # "Kim Ji-won, Sprecherin von Samsung, sagte am Montag, …": the frame has no subject of its own; the part before is it
    if not interrupted and _adverbial_clause(before):
        return None  # "Nachdem er gefragt wurde, was …, entgegnete X": the frame's own adverbial
    message = trim(located(sentence, list(before) + after))
    if len(message) < 3:
        return None
    cue_index = index - frame_start
    if cue.kind == "verb":
        speaker = _speaker_for(context, cue, frame) or chunk_after(frame, cue_index + 1)
    else:  # "…, so der Minister." — the speaker fills the rest of the frame, but for adverbials
        speaker = chunk_after(frame, cue_index + 1)  # ("so X gegenüber der Zeitung", "so X in Wiesbaden")
        rest = frame[cue_index + 1 + len(speaker) :]
        if not speaker or (len(rest) > 2 and rest[0].word.upos != "ADP"):
            return None
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=speaker, confidence=CLAUSE)


def _outside_relative_clauses(words: Sequence[Word]) -> list[Word]:
    """The words not inside a relative clause between commas (", der als Sprecher fungiert,")."""
    kept: list[Word] = []
    inside = False
    for i, word in enumerate(words):
        if word.text == "," and relative_pronoun_first(words[i + 1 : i + 3]):
            inside = True
        elif inside and word.text == ",":
            inside = False
        elif not inside:
            kept.append(word)
    return kept


@rule(example="Laut Polizei gab es keine Verletzten.")
def indirect_according_to(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """laut X / X zufolge / nach Angaben (von) X / gemäß X: the rest of the clause is the message."""
    words = sentence.words
    items = sentence_items(sentence)
    index = cue.head.id - 1
    if cue.kind == "preposition" and cue.lemma in ("laut", "gemäß"):
        source = chunk_after(items, index + 1) or _bare_name(items, index + 1)
        frame = items[index : index + 1 + len(source)] if source else []
    elif cue.kind == "postposition" or cue.lemma == "zufolge":
        source = chunk_before(items[:index])
        frame = source + [items[index]] if source else []
    elif cue.lemma == "demnach":  # the corpus marks the adverb itself as the source it points back to
        source, frame = [items[index]], [items[index]]
    elif cue.lemma == "wonach":  # "ein Bericht, wonach …": the clause after "wonach" is the message
        # the particle of the verb before it is no part of the source ("dem Verdacht … an, wonach")
        source = chunk_before([item for item in items[:index] if item.word.text != "," and item.word.xpos != "PTKVZ"])
        end = next((i for i in range(index + 1, len(items)) if items[i].word.text in SENTENCE_PUNCTUATION), len(items))
        message = trim(items[index + 1 : end])  # up to a colon: a quotation after it is Direct
        if len(message) < 3:
            return None
        return Finding(type="Indirect", message=message, cue=cue, frame=[items[index]], speaker=source, confidence=ANAPHORIC)
    elif cue.lemma == "nach" and index > 0 and _source_noun(words[index - 1]):
        source = chunk_before(items[:index])  # "Seiner Meinung nach", "Dem Vernehmen nach"
        frame = source + [items[index]] if source else []
    elif cue.lemma == "nach" and index + 1 < len(words):
        following = chunk_after(items, index + 1)
        nouns = [item for item in following if item.word.upos in ("NOUN", "PROPN")]
        if not nouns or not _source_noun(nouns[0].word):
            return None  # "nach dem Spiel", "nach Berlin": time or place, not a source
        source = following
        frame = items[index : index + 1 + len(source)]
    else:
        return None
    if not frame:
        return None
    frame_ids = {item.word.id for item in frame}
    message = trim([item for item in items if item.word.id not in frame_ids and item.word.text not in SENTENCE_PUNCTUATION])
    if len(message) < 3:
        return None
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=source, confidence=SOURCE, medium=_written(source))


def _written(source: Sequence[Located]) -> str | None:
    """The medium of a source headed by a text ("laut einem Bericht" → Writing), as the cue-word
    lexicon (mined from WIKINEWS train) gives it for the noun, else None (the cue's medium)."""
    noun = next((item.word for item in source if item.word.upos in ("NOUN", "PROPN")), None)
    if noun is None or not noun.text[:1].isupper() or not noun.text.lower().endswith(lexicon.word_list("document_nouns")):
        return None
    entry = lexicon.cue_word(noun.lemma, "noun") or lexicon.cue_word(noun.text, "noun")
    return entry.medium if entry is not None else None


def _source_noun(word: Word) -> bool:
    """A noun after "nach" that makes it a source ("nach Angaben der Polizei"), not a time or place;
    before it, "nach" is a postposition ("Seiner Meinung nach", "Dem Vernehmen nach")."""
    return word.text[:1].isupper() and word.text.lower().endswith(lexicon.word_list("source_nouns"))


def _bare_name(items: Sequence[Located], position: int) -> list[Located]:
    """A source the tagger took for no noun: "laut taz", "Laut bildblog.de veröffentlichte …"."""
    if position >= len(items):
        return []
    word = items[position].word
    if word.upos in ("VERB", "AUX", "PUNCT", "ADP", "DET", "PRON") or lexicon.function_word(word.text) is not None:
        return []
    return [items[position]]


@rule(example="Wie die Polizei mitteilte, gab es keine Verletzten.")
def indirect_wie_clause(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """Wie X mitteilte, … / …, wie X sagte. — the wie-clause is the frame, the rest the message."""
    if cue.kind != "verb":
        return None
    words = sentence.words
    start = cue.head.id - 1
    # back to "wie" over the speaker, commas of an apposition included ("Wie die Premierministerin,
    # Anna Bligh, erklärte"), but over no other verb
    while start > 0 and words[start].text.lower() != "wie" and (words[start] is cue.head or not (is_finite(words[start]) or words[start].upos == "SCONJ")):
        start -= 1
    if words[start].text.lower() != "wie" or (start > 0 and words[start - 1].text not in {","}):
        return None
    end = cue.head.id
    while end < len(words) and words[end].text not in {","} | SENTENCE_PUNCTUATION:
        end += 1
    frame_words = words[start:end]
    message = trim(located(sentence, [w for w in words if w not in frame_words and w.text not in SENTENCE_PUNCTUATION]))
    if len(message) < 3 or not any(m.word.upos in ("VERB", "AUX") for m in message):
        return None
    frame = located(sentence, frame_words)
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=_speaker_for(context, cue, frame), confidence=SOURCE)


def _verb_final_clause(items: Sequence[Located]) -> list[Located]:
    """A dass/ob/zu clause up to its end: the first comma after its (verb-final) finite verb or infinitive."""
    clause: list[Located] = []
    seen_verb = False
    for item in items:
        if item.word.text in SENTENCE_PUNCTUATION or (item.word.text == "," and seen_verb):
            break
        clause.append(item)
        seen_verb = seen_verb or item.word.upos in ("VERB", "AUX")
    return clause


def _subjunctive_main_clause(clause: Sequence[Located]) -> bool:
    """"die Reform komme zu spät": a verb-second clause in Konjunktiv, the reported complement."""
    first = clause[0].word if clause else None
    if first is None or first.xpos in RELATIVE_TAGS or first.text.lower() in NOT_COMPLEMENT_OPENERS | SUBORDINATORS | WH_WORDS | {"wonach"}:
        return False  # a relative or subordinate clause: "ein Bericht, wonach …" is another rule's
    position = next((i for i, item in enumerate(clause[1:5], 1) if is_finite(item.word) or item.word.upos in ("VERB", "AUX")), None)
    verb = clause[position].word if position is not None else None
    return verb is not None and position < len(clause) - 1 and is_finite(verb) and looks_subjunctive(verb)


@rule(example="Die Gewerkschaft erhob die Forderung, die Löhne müssten steigen.")
def indirect_nominal_cue(context: Context, sentence: Sentence, cue: Cue) -> Finding | None:
    """die Forderung der Union, dass … / seine Warnung, … zu … — a cue noun with a complement clause."""
    if cue.kind != "noun":
        return None
    words = sentence.words
    items = sentence_items(sentence)
    index = cue.head.id - 1
    comma = next((i for i in range(index + 1, min(index + 8, len(words))) if words[i].text == ","), None)
    if comma is None or comma + 1 >= len(words):
        return None
    if any((cue_verb := context.cue_of(item)) is not None and cue_verb.kind == "verb" for item in items[index + 1 : comma]):
        return None  # "In einem Interview erklärte er, …": the verb frames the clause
    clause = _verb_final_clause(items[comma + 1 :])
    opens_clause = bool(clause) and (
        clause[0].word.text.lower() in COMPLEMENTIZERS
        or (any(item.word.xpos == "PTKZU" or item.word.text == "zu" or zu_infinitive(item.word) for item in clause) and not any(item.word.xpos.endswith("FIN") for item in clause))
        or _subjunctive_main_clause(clause)
    )
    if not opens_clause:
        return None
    message = trim(clause)
    source = chunk_after(items[: comma], index + 1)
    if source and source[0].word.text.lower() in NEW_PHRASE_STARTS:
        source = []  # "in einem Interview die These vertreten": an object, not the noun's genitive
    if not source and index > 0 and words[index - 1].xpos == "PPOSAT":
        source = [items[index - 1]]  # "seine Warnung": the possessive points to the speaker
    copula = index - 2 if index >= 2 and words[index - 1].text.lower() == "der" and words[index - 2].lemma == "sein" else None
    if not source and copula is not None:
        source = subject_by_position(items[:index], copula)  # "X ist der Meinung, dass …"
    frame = _trim_end([item for item in items if item.word.id <= comma])
    if not source:
        source = _holder_of(context, sentence, cue.head, frame)
    return Finding(type="Indirect", message=message, cue=cue, frame=frame, speaker=source, confidence=NOUN_CUE)


def _holder_of(context: Context, sentence: Sentence, noun: Word, frame: Sequence[Located]) -> list[Located]:
    """The one who holds a cue noun without a source of its own: the subject of the verb it is the
    object of ("Gysi hatte die These vertreten", "22 Prozent teilen die Meinung") or of its copula
    ("37 Prozent sind der gegenteiligen Auffassung")."""
    if any(child.deprel == "cop" for child in sentence.children(noun)):
        return speaker_items(context, sentence, noun, frame)
    verb = sentence.head(noun) if noun.deprel in HELD_NOUN_RELATIONS else None
    if verb is None or verb.upos not in ("VERB", "AUX"):
        return []
    return _speaker_for(context, frame_verb_cue(sentence, verb), frame)


CUE_RULES: tuple[Callable[[Context, Sentence, Cue], Finding | None], ...] = (
    indirect_anaphoric_frame,
    indirect_wie_clause,
    indirect_parenthetical,
    indirect_complement_clause,
    indirect_according_to,
    indirect_nominal_cue,
    reported_speech_act,
)


def _sentence_findings(context: Context, sentence: Sentence) -> list[Finding]:
    found = []
    for cue in [c for c in context.cues if c.sentence is sentence and context.quotation_at(c.head.start) is None]:
        for cue_rule in CUE_RULES:
            finding = cue_rule(context, sentence, cue)
            if finding is not None:
                found.append(finding)
                break
    return found


def find_indirect_quotes(context: Context, direct: Sequence[Quote]) -> list[Quote]:
    """Indirect, Reported, IndirectFreeIndirect and FreeIndirect quotes, given the direct ones."""
    direct_ranges = [(q.start, q.end) for q in direct]
    quotes: list[Quote] = []
    covered: set[int] = set()
    speakers: list[tuple[int, list[Located]]] = []
    for quote in direct:
        if quote.speaker is not None:
            speakers.append((quote.end, context.words_in(quote.speaker.start, quote.speaker.end)))
    direct_cues = {q.cue.start for q in direct if q.cue is not None}
    for sentence in context.document.sentences:
        # "X kritisierte: „…“", "bezeichnete es als „…“": the speech act frames a direct quote
        findings = [f for f in _sentence_findings(context, sentence) if f.act is None or f.act.head.start not in direct_cues]
        intention = reported_intention(context, sentence) if not findings else None
        for finding in findings or ([intention] if intention is not None else []):
            quote = build(context, finding, message_spans(context, finding))
            if quote is None:
                continue
            if any(start <= quote.start and quote.end <= end for start, end in direct_ranges):
                continue  # the message is a direct quotation: already found
            if any(overlaps((q.start, q.end), (quote.start, quote.end)) for q in quotes):
                continue
            quotes.append(quote)
            covered.add(sentence.index)
            if finding.speaker and not _points_back(finding):
                speakers.append((quote.end, list(finding.speaker)))
    framed = [(q.start, q.end) for q in direct if q.frame is not None]
    for sentence in context.document.sentences:
        bounds = (sentence.start, sentence.end)
        quoted = sum(min(end, sentence.end) - max(start, sentence.start) for start, end in direct_ranges if overlaps((start, end), bounds))
        if quoted > 0.6 * (sentence.end - sentence.start) or any(overlaps(span, bounds) for span in framed):
            covered.add(sentence.index)  # a direct quotation and its frame: no free indirect continuation
    speakers.sort(key=lambda pair: pair[0])
    for finding in continuation_findings(context, covered, speakers):
        quote = build(context, finding, message_spans(context, finding))
        if quote is not None:
            quotes.append(quote)
    return quotes


def _points_back(finding: Finding) -> bool:
    """The speaker is the adverb "demnach" itself (as the corpus marks it): it points back to the
    source before it, which stays the source of Konjunktiv sentences that follow."""
    return finding.cue is not None and finding.cue.kind == "adverb" and [i.word for i in finding.speaker] == [finding.cue.head]
