"""Direct quotations: text in quotation marks, attributed by the frame around it.

Each rule looks at one quotation (found on the raw text by :mod:`quotes.find.marks`) and the words
of its sentence before and after it. Rules are tried in order; the first that attributes the
quotation names the quote's ``rule``. Quotations that no rule attributes are still quotes when
they read as speech (a clause) rather than a name or title, and then continue the last speaker
when one is near.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence

from .. import lexicon
from ..attribute.speakers import source_of_impersonal, speaker_items, subject_by_position
from ..document import Located, Word
from ..find.context import Context, WEB_ADDRESS
from ..find.cues import Cue, frame_verb_cue
from ..find.marks import Quotation
from ..german.clauses import passive
from ..german.phrases import chunk_after
from ..german.words import (
    ANAPHORIC_SPEAKERS,
    COLON_FRAME_ADVERBS,
    DASHES,
    DEFINITE_ARTICLES,
    FUNCTION_VERB_FORMS,
    INDEFINITE_ARTICLES,
    LABEL_NOUNS,
    NAME_FUNCTION_WORDS,
    NAMING_PARTICIPLES,
    NAMING_WORDS,
    QUOTING_NOUNS,
    SOURCE_VERBS,
    SPEECH_OBJECTS,
)
from ..quote import Quote
from .base import (
    ANAPHORIC,
    CLAUSE,
    SECOND_SOURCE,
    SOURCE,
    SPEECH_ACT,
    UNATTRIBUTED,
    WEAK,
    Finding,
    build,
    rule,
)



_WORD = re.compile(r"[\w'’-]+")

CONTINUATION_DISTANCE = 600  # characters between a quote and the attributed quote it continues

Rule = Callable[[Context, Quotation], "Finding | None"]


def _skip_comma(items: Sequence[Located]) -> int:
    return 1 if items and items[0].word.text == "," else 0


def _first_verb_cue(context: Context, items: Sequence[Located], start: int, stop: int) -> tuple[int, Cue] | None:
    for i in range(start, min(stop, len(items))):
        cue = context.cue_of(items[i])
        if cue is not None and cue.kind == "verb" and cue.head is items[i].word:
            return i, cue
    return None


def _speaker(context: Context, cue: Cue, frame: Sequence[Located], fallback: list[Located]) -> list[Located]:
    if cue.lemma in SOURCE_VERBS:
        return source_of_impersonal(frame, cue.head)
    if cue.lemma == "zitieren" and not speaker_items(context, cue.sentence, cue.head, frame):
        index = next((i for i, item in enumerate(frame) if item.word is cue.head), None)
        return chunk_after(frame, index + 1) if index is not None else fallback  # "zitierte Kirchner:"
    return speaker_items(context, cue.sentence, cue.head, frame) or fallback


@rule(example="„Wir schaffen das“, sagte Merkel.")
def direct_post_frame(context: Context, quotation: Quotation) -> Finding | None:
    """„…“, sagte X. / „…“, erklärte der Minister weiter. / „…?“ fragte sie. / „…“, so beschrieb sie X."""
    right = context.right_context(quotation.end)
    comma = _skip_comma(right)
    k = comma
    if k + 1 < len(right) and comma and right[k].word.text == "so" and right[k + 1].word.xpos == "VVFIN":
        k += 1  # „…“, so charakterisierte ihn X
    if k >= len(right):
        return None
    if k == 0 and not _ends_sentence(context, quotation):
        return None  # „Washington Post“ berichtete …: without a comma only after „…?“ or „…!“
    first = right[k].word
    if first.upos not in ("VERB", "AUX") and context.cue_of(right[k]) is None:
        return None
    # the frame is verb-first; with an auxiliary ("hatte er gesagt") the cue comes later
    found = _first_verb_cue(context, right, k, k + 1 if first.upos == "VERB" else len(right))
    if found is None and comma and first.xpos == "VVFIN" and _reads_as_speech(context, quotation):
        # „…“, erinnerte sich X / „…“, zeigte sich X zufrieden: a verb-first clause right after a
        # quoted sentence frames it even when the verb is no cue in the lexicon
        found = k, frame_verb_cue(right[k].sentence, right[k].word)
    if found is None:
        return None
    i, cue = found
    fallback = chunk_after(right, (k if first.upos == "AUX" else i) + 1)
    return Finding(cue=cue, frame=right, speaker=_speaker(context, cue, right, fallback))


@rule(example="„Die Lage ist ernst“, so der Minister.")
def direct_so_frame(context: Context, quotation: Quotation) -> Finding | None:
    """„…“, so der Minister. — "so" followed by the speaker, no verb."""
    right = context.right_context(quotation.end)
    k = _skip_comma(right)
    if k + 1 >= len(right) or right[k].word.text != "so":
        return None
    speaker = chunk_after(right, k + 1)
    if not speaker and right[k + 1].word.text.lower() in ANAPHORIC_SPEAKERS:
        speaker = [right[k + 1]]  # "„…“, so letztere."
    if not speaker:
        return None
    cue = context.cue_of(right[k])
    return Finding(cue=cue, frame=right, speaker=speaker)


@rule(example="„Wir bleiben hart.“ – Angela Merkel")
def direct_dash_attribution(context: Context, quotation: Quotation) -> Finding | None:
    """„…“ – Angela Merkel."""
    right = context.right_context(quotation.end)
    if len(right) < 2 or right[0].word.text not in DASHES:
        return None
    speaker = chunk_after(right, 1)
    if not speaker or len(speaker) < len(right) - 1 - 2:  # the whole rest must be the speaker
        return None
    return Finding(frame=right, speaker=speaker, confidence=CLAUSE)


def _colon_frame_words(context: Context, quotation: Quotation) -> list[Located]:
    """The words before a quotation; a frame ending in a colon may stand in the paragraph before."""
    left = context.left_context(quotation.start)
    if not left:
        before = context.text[: quotation.start].rstrip()
        if before.endswith(":"):
            left = context.left_context(len(before))
    return left


@rule(example="Der Minister sagte: „Die Lage ist ernst.“")
def direct_colon_frame(context: Context, quotation: Quotation) -> Finding | None:
    """X sagte: „…“ / Dazu erklärte X gegenüber Y: „…“ / In der Erklärung hieß es: „…“."""
    left = _colon_frame_words(context, quotation)
    if not left or left[-1].word.text != ":":
        return None
    found = None
    for i in range(len(left) - 1, -1, -1):
        cue = context.cue_of(left[i])
        if cue is not None and cue.kind == "verb" and cue.head is left[i].word:
            found = i, cue
            break
    if found is None and (_reads_as_speech(context, quotation) or _is_clause(context, quotation)):
        # "Im Kongress warb Obama mit den Worten: „…“", "zeigte sich der Trainer zufrieden: „…“":
        # a clause ending in a colon before a quoted sentence frames it, cue lexicon or not
        # the main clause's verb: one right before a comma ends a relative clause ("Das Buch, das
        # sie vorstellte, ist ihr Erstwerk: „…“")
        verbs = [i for i, item in enumerate(left) if item.word.xpos == "VVFIN" and left[i + 1].word.text != ","]
        found = (verbs[0], frame_verb_cue(left[verbs[0]].sentence, left[verbs[0]].word)) if verbs else None
    if found is None:
        return None
    i, cue = found
    fallback = subject_by_position(left[:-1], i)
    return Finding(cue=cue, frame=left, speaker=_speaker(context, cue, left, fallback))


VERBLESS_FRAME_WORDS = 14  # "Erkki Tuomioja, Präsident des Rats der Europäischen Union:"


@rule(example="Dazu Scholz: „Wir halten Kurs.“")
def direct_verbless_colon_frame(context: Context, quotation: Quotation) -> Finding | None:
    """Merkel: „…“ / Der Minister weiter: „…“ / Dazu Scholz: „…“ — a short noun phrase and a colon."""
    left = _colon_frame_words(context, quotation)
    if len(left) < 2 or left[-1].word.text != ":":
        return None
    core = list(left[:-1])
    while core and (core[0].word.text.lower() in COLON_FRAME_ADVERBS or core[0].word.upos == "CCONJ"):
        core.pop(0)  # "Dazu Scholz:", "und der Ministerpräsident Jens Stoltenberg:"
    while core and core[-1].word.text.lower() in COLON_FRAME_ADVERBS:
        core.pop()
    if not core or len(core) > VERBLESS_FRAME_WORDS or any(item.word.upos in ("VERB", "AUX") for item in core):
        return None
    speaker = chunk_after(core, 0)
    if not speaker or len(speaker) != len(core):
        return None
    return Finding(frame=left, speaker=speaker, confidence=SOURCE)


@rule(example="Marktanalyst Jens Berger kommentierte „ein schwarzer Tag für die Börse“.")
def direct_pre_frame(context: Context, quotation: Quotation) -> Finding | None:
    """Marktanalyst X kommentierte „…“ — a cue verb right before the quotation, no colon."""
    left = context.left_context(quotation.start)
    if not left:
        return None
    cue = context.cue_of(left[-1])
    if cue is None or cue.kind != "verb" or cue.head is not left[-1].word:
        return None
    return Finding(cue=cue, frame=left, speaker=_speaker(context, cue, left, subject_by_position(left, len(left) - 1)))


@rule(example="Die Opposition nannte den Plan „völlig überzogen“.")
def direct_embedded(context: Context, quotation: Quotation) -> Finding | None:
    """X nannte das „überzogen“ — a quoted phrase inside the clause of a cue verb."""
    left = context.left_context(quotation.start)
    right = context.right_context(quotation.end)
    if _is_name(context, quotation, left):
        return None
    next_to_quote = [cue for item in (left[-1:] + right[:1]) if (cue := context.cue_of(item)) is not None]
    if any(_names(cue) for cue in next_to_quote):
        return None  # "das sich selbst „Allianz für Europa“ nennt, erklärte …"
    sentence = left + right
    # the cue nearest to the quotation governs it: before it ("nannte X „…“"), else after it
    order = list(range(len(left) - 1, -1, -1)) + list(range(len(left), len(sentence)))
    for i in order:
        cue = context.cue_of(sentence[i])
        if cue is not None and cue.kind == "verb" and cue.head is sentence[i].word and _quotes_directly(cue):
            # by word order on the quotation's side only: a phrase must not run across it
            side, at = (left, i) if i < len(left) else (right, i - len(left))
            speaker = _speaker(context, cue, sentence, subject_by_position(side, at))
            if speaker and speaker[0].word.start <= quotation.start < speaker[-1].word.end + 2:
                return None  # „Automobilwoche“ berichtete: the quotation names the speaker
            return Finding(cue=cue, speaker=speaker, confidence=ANAPHORIC)
    return None


@rule(example="Der Bischof charakterisierte das Verhalten als ein „Beispiel taktloser Politik“.")
def direct_called_as(context: Context, quotation: Quotation) -> Finding | None:
    """X charakterisierte das Opfer als ein „Beispiel taktlosen Verhaltens“ — a verb outside the
    cue lexicon that calls its object something in quotation marks: "als" before the quotation,
    a noun between verb and "als", and the clause ending with the quotation ("dient als „…“",
    "das als „…“ bekannte Lager" are no one's words)."""
    left = context.left_context(quotation.start)
    right = context.right_context(quotation.end)
    k = len(left) - 1
    while k >= 0 and left[k].word.text.lower() in INDEFINITE_ARTICLES:
        k -= 1
    if k < 2 or left[k].word.text.lower() != "als" or (right and right[0].word.upos != "PUNCT"):
        return None
    verb = next((i for i in range(k - 1, -1, -1) if left[i].word.xpos == "VVFIN" or left[i].word.text == ","), None)
    if verb is None or left[verb].word.text == "," or left[verb].word.text.lower() in FUNCTION_VERB_FORMS:
        return None
    if not any(item.word.upos == "NOUN" for item in left[verb + 1 : k]):
        return None
    cue = frame_verb_cue(left[verb].sentence, left[verb].word)
    return Finding(cue=cue, speaker=_speaker(context, cue, left, subject_by_position(left, verb)), confidence=SPEECH_ACT)


FRAME_RULES: tuple[Rule, ...] = (
    direct_post_frame,
    direct_so_frame,
    direct_dash_attribution,
    direct_colon_frame,
    direct_verbless_colon_frame,
    direct_pre_frame,
    direct_embedded,
    direct_called_as,
)


def _quotes_directly(cue: Cue) -> bool:
    """Whether a cue verb is seen with direct quotations in the training data: verbs that only
    take a clause ("schloss aus, dass …", "signalisierte, …") do not frame a quoted phrase."""
    entry = lexicon.cue_verb(cue.lemma)
    return entry is None or entry.direct > 0


def _named_in_context(context: Context, quotation: Quotation) -> bool:
    """Whether the words around a quotation make it a name, title or term rather than speech:
    a naming noun or "sogenannt" before it, "genannt" after it, a hyphen joining it to a compound
    („Bild“-Zeitung), or parentheses around a short one ("Kreuzungen („Hybride“)")."""
    text = context.text
    if text[quotation.end : quotation.end + 1] == "-" or text[quotation.start - 1 : quotation.start] == "-":
        return True
    left = context.left_context(quotation.start)
    right = context.right_context(quotation.end)
    previous = left[-1].word if left else None
    if previous is not None and (previous.text.lower() in NAMING_WORDS or _naming_noun(previous)):
        return True
    if right and right[0].word.text.lower() in NAMING_PARTICIPLES:
        return True
    if previous is None or _reads_as_speech(context, quotation):
        return False  # "sagte Jon Bon Jovi, Gründer der Rockband: „Ich …“"
    if previous.text in (":", "(") and len(left) > 1 and _naming_noun(left[-2].word, LABEL_NOUNS):
        return True  # "(Motto: „…“)", "unter dem Titel: „…“" — not "sagte der Zeitung: „…“"
    return previous.text == "(" and len(_WORD.findall(context.text[quotation.inner_start : quotation.inner_end])) <= 5


def _names(cue: Cue) -> bool:
    """A verb that gives a name rather than a statement: "heißen" or "lauten" with a subject
    ("Die Suchmaschine heißt", "Der Name lautet"; not "heißt es"), passive or reflexive "nennen"
    ("wie er genannt wird", "die sich selbst „…“ nennt"; not "X nannte das „überzogen“")."""
    children = cue.sentence.children(cue.head)
    if cue.lemma in ("heißen", "lauten"):
        return any(c.deprel == "nsubj" and c.text.lower() != "es" for c in children)
    if cue.lemma == "nennen":
        return passive(cue.sentence, cue.head) or any(c.text == "sich" for c in children) or (
            cue.head.xpos == "VVPP" and not any(c.relation == "aux" for c in children)
        )
    return False


def _naming_noun(word: Word, nouns: Sequence[str] | None = None) -> bool:
    """A noun that introduces a name, alone or as the head of a compound ("Wochenzeitung"): by
    default one of the lexicon's naming nouns ("die Wochenzeitung „Le Canard enchaîné“", "dem Motto „…“")."""
    if not (word.upos in ("NOUN", "PROPN") or word.xpos == "NN") or not word.text[:1].isupper():
        return False
    form = word.text.lower()
    return any(form == noun or (form.endswith(noun) and len(noun) >= 4) for noun in nouns or lexicon.word_list("naming_nouns"))


def _is_name(context: Context, quotation: Quotation, left: Sequence[Located]) -> bool:
    """A title, name or distancing quote by its shape: a short capitalised phrase standing where
    a name stands (after an article, a noun or a preposition)."""
    if WEB_ADDRESS.fullmatch(context.text[quotation.inner_start : quotation.inner_end].strip()):
        return True  # laut „tagesschau.de“
    inner = context.words_in(quotation.inner_start, quotation.inner_end)
    content = [item for item in inner if item.word.upos != "PUNCT"]
    if not content or len(content) > 5:
        return False
    has_verb = any(item.word.upos in ("VERB", "AUX") for item in content)
    capitalised = all(item.word.text[:1].isupper() or not item.word.text[:1].isalpha() for item in content)
    if not capitalised or has_verb:
        return False
    if len(content) > 1:
        return True
    # one capitalised word: a name after an article, a noun ("das Zebroid „Eclyse“") or a
    # preposition other than a cue ("Mitglieder von „Al-Qaida“", not "laut „Spiegel“" or
    # "sprachen von „Panikverkäufen“"); a quoted word after "die Bezeichnung", "der Begriff"
    previous = left[-1].word if left else None
    if previous is None:
        return False
    if previous.text.lower() in QUOTING_NOUNS or previous.lemma.lower() in QUOTING_NOUNS:
        return False
    if previous.upos == "ADP":
        verb = next((item.word.lemma for item in reversed(left) if item.word.upos == "VERB"), None)
        return context.cue_of(left[-1]) is None and (verb, previous.text.lower()) not in SPEECH_OBJECTS
    return previous.upos in ("DET", "NOUN", "PROPN")


def _quotes_words(context: Context, quotation: Quotation) -> bool:
    """Quoted words rather than a name: a lowercase content word inside ("„haltlos“", „auf Messers
    Schneide“), not after a naming word. On WIKINEWS train 78 % of such quotations are Direct quotes
    and 6 % of those without one."""
    left = context.left_context(quotation.start)
    if _is_name(context, quotation, left):
        return False
    words = _WORD.findall(context.text[quotation.inner_start : quotation.inner_end])
    previous = left[-1].word if left else None
    if words and words[0][:1].isupper() and words[-1][:1].isupper() and previous is not None:
        if previous.text.lower() in DEFINITE_ARTICLES or previous.upos in ("NOUN", "PROPN"):
            return False  # der „Sacharow-Preis für geistige Freiheit“: a name with lowercase words
    return any(word[:1].islower() and word.lower() not in NAME_FUNCTION_WORDS for word in words)


def _ends_sentence(context: Context, quotation: Quotation) -> bool:
    return context.text[quotation.inner_start : quotation.inner_end].rstrip()[-1:] in {".", "!", "?", "…"}


def _reads_as_speech(context: Context, quotation: Quotation) -> bool:
    """Quoted text that is a clause or sentence, not a name, title or single word."""
    inner = context.words_in(quotation.inner_start, quotation.inner_end)
    content = [item for item in inner if item.word.upos != "PUNCT"]
    if len(content) < 4:
        return False
    has_verb = any(item.word.upos in ("VERB", "AUX") for item in content)
    return _ends_sentence(context, quotation) or (has_verb and len(content) >= 6)


def _is_clause(context: Context, quotation: Quotation) -> bool:
    """A short quoted clause with a finite verb („Der IWF ist funktionstüchtig“): after a colon
    it is speech however short."""
    content = [item for item in context.words_in(quotation.inner_start, quotation.inner_end) if item.word.upos != "PUNCT"]
    return len(content) >= 3 and any(item.word.xpos.endswith("FIN") for item in content)


@rule(example="Die Rundschau zitiert einen Augenzeugen mit den Worten: „Es war ein lauter Knall.“")
def direct_double_attribution(context: Context, found: Finding) -> Finding | None:
    """A quote that a medium cites, as WIKINEWS annotates it: twice, once as the person's speech
    and once as the medium's writing. "Die Rundschau zitiert einen Augenzeugen mit den Worten:
    „…“" (subject and object of "zitieren"), "X wird von der „Netzeitung“ zitiert", "X wird in
    einer Presseerklärung zitiert" (the passive's agent or source). Returns the second
    attribution; the first takes the other medium (:func:`_person_and_medium`)."""
    if found.cue is None or found.cue.lemma != "zitieren" or not found.speaker:
        return None
    frame = list(found.frame)
    sentence, verb = found.cue.sentence, found.cue.head
    in_passive = passive(sentence, verb)
    if in_passive:  # the subject is the person, the agent or source the medium
        von = next((i for i, item in enumerate(frame) if item.word.text.lower() in ("von", "vom")), None)
        other = (chunk_after(frame, von + 1) if von is not None else []) or source_of_impersonal(frame)
    else:  # the subject is the medium, the object the person
        obj = next((c for c in sentence.children(verb) if c.relation == "obj" and c.upos in ("NOUN", "PROPN")), None)
        other = _phrase_at(frame, obj)
    taken = {id(item.word) for item in found.speaker}
    if not other or any(id(item.word) in taken for item in other):
        return None
    medium = "Writing" if in_passive else "Speech"
    return Finding(cue=found.cue, frame=found.frame, speaker=other, confidence=found.confidence * SECOND_SOURCE, medium=medium)


def _person_and_medium(found: Finding, second: Finding) -> Finding:
    """The first attribution of a doubly attributed quote: the medium its copy does not have."""
    return replace(found, medium="Speech" if second.medium == "Writing" else "Writing")


def _phrase_at(frame: Sequence[Located], anchor: Word | None) -> list[Located]:
    """The noun phrase of ``frame`` headed by ``anchor``, from its first article or adjective."""
    if anchor is None:
        return []
    for i, item in enumerate(frame):
        if item.word is anchor:
            j = i
            while j > 0 and frame[j - 1].word.upos in ("DET", "ADJ", "NOUN", "PROPN") and frame[j - 1].word.text != ",":
                j -= 1
            return chunk_after(frame, j)
    return []


def _build(context: Context, quotations: Sequence[Quotation], found: Finding) -> Quote:
    quote = build(context, found, [context.span_of_quotation(q) for q in quotations])
    assert quote is not None  # a quotation always has a span
    return quote


NAME = Finding()  # a quotation that is a name or title: no rule may take it up


def _attribute(context: Context, quotation: Quotation) -> Finding | None:
    """The first rule's attribution of a quotation, ``NAME`` for a name, None when no rule applies."""
    if _named_in_context(context, quotation):
        return NAME
    found = next((a for frame_rule in FRAME_RULES if (a := frame_rule(context, quotation)) is not None), None)
    if found is not None and found.cue is not None and _names(found.cue) and not _reads_as_speech(context, quotation):
        return NAME  # „Wikiasari“, so heißt die Suchmaschine
    return found


def find_direct_quotes(context: Context) -> list[Quote]:
    """All direct quotes of the document, in text order."""
    attributions = [_attribute(context, quotation) for quotation in context.top_quotations]
    quotes: list[Quote] = []
    last: Quote | None = None
    quotations = context.top_quotations
    i = 0
    while i < len(quotations):
        quotation, found = quotations[i], attributions[i]
        group = [quotation]
        if i + 1 < len(quotations):
            interrupted = direct_interrupted(context, quotation, found, quotations[i + 1], attributions[i + 1])
            if interrupted is not None:
                group.append(quotations[i + 1])
                found = interrupted
                i += 1
        if found is NAME:
            found = None
        elif found is None and _reads_as_speech(context, quotation):
            found = direct_continuation(context, quotation, last) or direct_unattributed(context, quotation)
        elif found is None:
            found = direct_quoted_words(context, quotation)
        if found is not None:
            second = direct_double_attribution(context, found)
            if second is not None:
                found = _person_and_medium(found, second)
            quote = _build(context, group, found)
            quotes.append(quote)
            if second is not None:
                quotes.append(_build(context, group, second))
            if quote.speaker is not None and found.rule != direct_unattributed.__name__:
                last = quote
        i += 1
    return quotes


def _interrupts(context: Context, first: Quotation, second: Quotation) -> bool:
    """„Wir werden“, sagte X, „alles tun.“: only a comma-delimited frame between two quotations."""
    between = context.text[first.end : second.start]
    return between.rstrip().endswith(",") and "\n" not in between and len(between) < 120


@rule(example="„Das ist erst der Anfang“, sagte Müller. „Wir werden die Arbeit fortsetzen und nicht aufgeben.“")
def direct_continuation(context: Context, quotation: Quotation, last: Quote | None) -> Finding | None:
    """An unframed quoted sentence shortly after an attributed quote: the last speaker's."""
    if last is not None and last.speaker is not None and 0 <= quotation.start - last.end <= CONTINUATION_DISTANCE:
        speaker = context.words_in(last.speaker.start, last.speaker.end)
        return Finding(speaker=speaker, confidence=SPEECH_ACT)
    return None


@rule(example="„Wir sind bereit, alle nötigen Maßnahmen zu ergreifen.“ Mit diesen Worten endete die Sitzung.")
def direct_unattributed(context: Context, quotation: Quotation) -> Finding:
    """A quoted sentence no frame attributes and no speaker is near: a quote without source."""
    return Finding(confidence=UNATTRIBUTED)


@rule(example="„Wir bleiben hart“, sagte der Minister. Der Vorschlag ist „völlig daneben“.")
def direct_quoted_words(context: Context, quotation: Quotation) -> Finding | None:
    """Quoted words in a clause, not a name: a quote whose speaker the context may give."""
    return Finding(confidence=WEAK) if _quotes_words(context, quotation) else None


@rule(example="„Wir werden“, sagte Merkel, „alles tun.“")
def direct_interrupted(
    context: Context, first: Quotation, found: Finding | None, second: Quotation, second_found: Finding | None
) -> Finding | None:
    """A quote interrupted by its post-frame: the two quotations are one quote, attributed by the
    frame between them (the second quotation has no attribution, or only an embedded one)."""
    if found is None or found.rule != direct_post_frame.__name__ or not _interrupts(context, first, second):
        return None
    if second_found is not None and second_found.rule != direct_embedded.__name__:
        return None
    return Finding(cue=found.cue, frame=found.frame, speaker=found.speaker, confidence=found.confidence)
