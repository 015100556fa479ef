"""Speakers: the source noun phrase of a cue, read from the tree with a word-order fallback.

The tree gives the subject of a cue verb (or the agent of a passive one); when the compact
model attached it wrongly, the noun phrase next to the cue in the frame is taken instead.
"""

from __future__ import annotations

from typing import Sequence

from . import lexicon
from .document import Sentence, Word
from .context import Context, Located
from .marks import ALL_MARKS

SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})
AGENT_RELATIONS = frozenset({"obl:agent"})
# Dependents that never belong to a speaker's noun phrase.
CLAUSE_RELATIONS = frozenset({"acl:relcl", "ccomp", "parataxis", "advcl", "csubj", "conj:relcl"})
NOUN_PHRASE_UPOS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
RELATIVE_TAGS = frozenset({"PRELS", "PRELAT"})  # relative pronouns open a clause, never a noun phrase
# Adverbs that stand between a post-frame verb and its subject ("sagte dazu der Minister").
FRAME_ADVERBS = frozenset(
    "dazu weiter außerdem zudem auch ferner gestern heute später damals abschließend bereits schon "
    "jedoch aber noch nun dann daraufhin darauf ebenfalls".split()
)
# Words that open a new noun phrase after a speaker's head noun (genitive articles des/der/eines/einer do not).
NEW_PHRASE_STARTS = frozenset(
    "das den dem die ein eine einen einem sein seine seinen seinem ihr ihre ihren ihrem unser unsere "
    "diese diesen diesem dieses alle allen beide beiden keine keinen keinem einige mehrere viele".split()
)
TEMPORAL_NOUNS = frozenset(
    "ende anfang beginn mitte uhr tag tage tages woche wochen monat monate jahr jahre jahres jahren abend morgen "
    "nachmittag vormittag nacht montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende "
    "januar februar märz april mai juni juli august september oktober november dezember zeit zeitpunkt".split()
)
VORFELD_LINKS = frozenset("in im bei beim am an auf zu zur zum".split())
PRONOUNS = frozenset("er sie ihr ihm ihn wir ich du".split())  # not "es", "man": impersonal
# Articles that never open a nominative phrase: a phrase starting with one is no subject
# ("Der Zeitung sagte Filep Karma" — "der" before a feminine noun is dative or genitive).
OBLIQUE_ARTICLES = frozenset(
    "dem den des einem einen eines seinem seinen seines ihrem ihren ihres unserem unseren deren dessen".split()
)
FEMININE_ARTICLES_OBLIQUE = frozenset("der einer".split())
FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "erin", "istin", "ierin")
NO_ONE = frozenset("was keiner keine niemand nichts".split())  # pronouns that name no speaker
# "keine Perspektive", "kein Politiker": a phrase these open names no one who spoke.
NEGATIVE_DETERMINERS = frozenset("kein keine keinen keinem keiner keines".split())
# Words the compact model takes for a noun phrase that are never a speaker: sentence adverbs,
# demonstratives standing for the message ("Dies gab X bekannt").
NON_SPEAKER_WORDS = frozenset(
    "das dies dieses diese dieser dem den unterdessen offiziell inzwischen indes derweil zudem außerdem "
    "allerdings jedoch bislang bisher zuletzt zuvor jetzt nun damals".split()
)

GENITIVE_ARTICLES = frozenset("des der eines einer".split())
# Suffixes of abstract nouns ("Anwendung", "Mitverantwortung"), and the bodies among such nouns
# that do speak ("Bundesregierung", "Kommission"), matched as word endings.
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "ität", "nis", "ismus", "tion", "sion")
COLLECTIVE_NOUNS = (
    "regierung", "zeitung", "stiftung", "bewegung", "vereinigung", "verwaltung", "führung", "leitung",
    "organisation", "kommission", "opposition", "koalition", "delegation", "redaktion", "administration",
    "nation", "vertretung", "versammlung", "direktion", "division", "fraktion", "abteilung", "mission",
)

# Demonstratives that stand for a person named before when they are the subject of a cue
# ("Diese bestätigte", "Dieser sagte"); neuter "dies", "das" stand for the message.
DEMONSTRATIVE_SPEAKERS = frozenset("diese dieser jene jener".split())


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
        or _adverb(first)
        or first.xpos in ("PPOSAT", "PDS", "PDAT", "ADJD")
        or (form.endswith("end") and first.upos != "PROPN")  # "Relativierend fügt X hinzu"
    ):
        return False
    if form in OBLIQUE_ARTICLES or form == "als":
        return False
    if _function_word(phrase[0]) and (len(phrase) == 1 or _preposition(first)) and not _name_particle(phrase):
        return False  # "Gestern sagte", "Tatsächlich betont", "Gegenüber Spiegel Online berichtete"
    if form in FEMININE_ARTICLES_OBLIQUE:
        head = next((item.word for item in phrase[1:] if _head_word(item.word)), None)
        if head is not None and head.text.lower().endswith(FEMININE_SUFFIXES):
            return False
        if head is not None and head.upos == "ADJ" and head.text.endswith("en"):
            return False  # "riet der 38-Jährigen": a nominative adjective noun after "der" ends in -e
    return True


def _function_word(item: Located) -> bool:
    """An adverb, preposition or adjective by the lexicon, written small or capitalised only
    because it opens the sentence: the compact model tags many of these NOUN or PROPN there. A
    capital inside the sentence makes a noun or name ("sagte Kurz")."""
    word = item.word
    if lexicon.function_word(word.text) is None:
        return False
    previous = item.sentence.words[word.id - 2] if word.id > 1 else None
    return word.text[:1].islower() or previous is None or previous.upos == "PUNCT"


def _preposition(word: Word) -> bool:
    return lexicon.function_word(word.text) == "ADP" or lexicon.cue_word(word.text.lower(), "preposition") is not None


# Cue verbs whose accusative object is the person addressed ("fragte ihn").
ADDRESSING_VERBS = frozenset("fragen bitten auffordern warnen ermahnen drängen aufrufen ermutigen beschwören anflehen".split())
# Verbs whose passive subject is the person addressed, not the speaker ("Die Anwohner wurden
# gebeten", "Ihm wird vorgeworfen").
PASSIVE_ADDRESSEE_VERBS = ADDRESSING_VERBS | frozenset("vorwerfen beschuldigen verdächtigen anklagen raten".split())
NOMINATIVE_PRONOUNS = frozenset("er ich wir du".split())
# Subordinators of adverbial clauses (time, cause, concession, condition), not of reported speech.
ADVERBIAL_SUBORDINATORS = frozenset("weil wenn als obwohl nachdem bevor während da falls sobald seit seitdem indem".split())
# Subordinators after which a verb-final clause's subject comes first ("indem sie …").
CLAUSE_SUBORDINATORS = frozenset("dass daß ob".split()) | ADVERBIAL_SUBORDINATORS
NAME_PARTICLES = frozenset("von van de zu".split())  # "Von der Leyen sagte": part of the name


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


def addressed(sentence: Sentence, verb: Word) -> bool:
    """A passive verb of addressing: its subject is the addressee."""
    return verb.lemma in PASSIVE_ADDRESSEE_VERBS and passive(sentence, verb)


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


def _case_marked(sentence: Sentence, subject: Word) -> bool:
    """A "subject" with a preposition of its own ("Als Begründung", "Gegenüber NDR Info") is an
    adverbial the parse mislabelled; name particles ("Von der Leyen") do not count."""
    return any(
        child.deprel == "case" and child.text.lower() not in NAME_PARTICLES and child.id < subject.id
        for child in sentence.children(subject)
    )


def phrase_words(sentence: Sentence, head: Word) -> list[Word]:
    """The noun phrase headed by ``head``: its subtree without clauses, trimmed of punctuation."""
    excluded = [w for w in sentence.children(head) if w.deprel in CLAUSE_RELATIONS]
    words = sentence.subtree(head, exclude=excluded)
    while words and words[-1].upos == "PUNCT" and not (words[-1].text == ")" and any(w.text == "(" for w in words)):
        words.pop()
    while words and words[0].upos == "PUNCT":
        words.pop(0)
    return words


def chunk_after(items: Sequence[Located], position: int) -> list[Located]:
    """A noun phrase starting at ``items[position]`` by part of speech, skipping frame adverbs.

    Includes one apposition between commas ("der Chef der Bundesagentur, Frank-Jürgen Weise,").
    """
    i = position
    while i < len(items) and (items[i].word.text.lower() in FRAME_ADVERBS or items[i].word.upos == "ADV" or items[i].word.text == "sich"):
        i += 1  # "sagte dazu der Minister", "zeigte sich der Trainer zufrieden"
    if i < len(items) and items[i].word.upos == "PRON":
        return [items[i]] if items[i].word.text.lower() in PRONOUNS else []
    chunk = trim_speaker(_noun_run(items, i))
    end = i + len(chunk)
    if chunk and end + 1 < len(items) and items[end].word.text == ",":
        apposition = trim_speaker(_noun_run(items, end + 1))
        if apposition and any(item.word.upos == "PROPN" for item in apposition + chunk):
            chunk = chunk + [items[end]] + apposition
    return chunk


def _opens_clause(word: Word) -> bool:
    """Punctuation, a conjunction or a complementiser: what may stand before a clause's subject."""
    return word.upos in ("PUNCT", "CCONJ", "SCONJ") or word.text.lower() in ("wie", "dass", "ob", "als")


def _adverb(word: Word) -> bool:
    """An adverb by either tag: the compact model's UPOS and XPOS disagree often ("hingegen" VERB/ADV)."""
    return not _name_tagged_adverb(word) and ((word.upos == "ADV" and word.xpos not in ("NE", "NN")) or word.xpos in ("ADV", "PAV", "PROAV"))


def _name_tagged_adverb(word: Word) -> bool:
    """An unknown name the compact model tagged ADV ("Wittner" ADV/NE, "Medvedev" ADV/ADV): it is
    capitalised and carries a noun tag or noun features, which adverbs never have, or is no
    adverb of the function-word lexicon."""
    return word.upos == "ADV" and word.text[:1].isupper() and (
        word.xpos in ("NE", "NN") or word.feat("Number") is not None or lexicon.function_word(word.text) is None
    )


def _nominal(word: Word) -> bool:
    """Part of a noun phrase by either tag ("Greenpeace" ADV/NE)."""
    return word.upos in NOUN_PHRASE_UPOS or word.xpos in ("NN", "NE") or _name_tagged_adverb(word)


def chunk_before(items: Sequence[Located]) -> list[Located]:
    """The noun phrase that ends ``items`` (a pre-frame "Der Minister sagte" minus the verb).

    Takes in an apposition between commas ("Der Chef der Opposition, Martin Brehm,").
    """
    i = len(items)
    while i > 0 and (items[i - 1].word.text.lower() in FRAME_ADVERBS or _adverb(items[i - 1].word) or items[i - 1].word.upos == "PUNCT"):
        if _quoted_name_start(items, i - 1) is not None:
            break  # "dem „Figaro“ zufolge": the closing mark ends the phrase
        i -= 1
    if i > 0 and items[i - 1].word.text.lower() in PRONOUNS:
        return [items[i - 1]]
    j = _run_start(items, i)
    if j < i and j >= 2 and items[j - 1].word.text == ",":
        k = _run_start(items, j - 1)
        if k < j - 1 and (k == 0 or _opens_clause(items[k - 1].word)):  # "Wie die Ministerin, Anna Bligh, erklärte"
            j = k
    if j == i or not any(item.word.upos in ("NOUN", "PROPN", "X") or item.word.xpos in ("NN", "NE") or _name_tagged_adverb(item.word) for item in items[j:i]):
        return []
    return trim_speaker(list(items[j:i]))


def _run_start(items: Sequence[Located], end: int) -> int:
    """Where the noun phrase ending at ``end`` starts; before the verb, locative links count too
    ("Der Vorsitzende des Verbands in Deutschland"): the slot before the verb holds one phrase."""
    j = end
    while j > 0:
        opening = _quoted_name_start(items, j - 1)
        if opening is not None:  # "die Wochenzeitung „Die Zeit“", "dem „Figaro“"
            j = opening
            continue
        if items[j - 1].word.text == ")":  # "Kristina Schröder (CDU)"
            opening = next((k for k in range(j - 2, max(-1, j - 9), -1) if items[k].word.text == "("), None)
            if opening is None:
                break
            j = opening
            continue
        if not (
            _nominal(items[j - 1].word)
            or _genitive_link(items, j - 1)
            or _truncated_compound(items, j - 1)
            or (j < end and (_coordination(items, j - 1) or _hyphen_link(items, j - 1)))
            or (items[j - 1].word.text.lower() in VORFELD_LINKS and j < end)
        ):
            break
        j -= 1
    return j


def subject_by_position(items: Sequence[Located], verb_index: int) -> list[Located]:
    """The subject of a verb-second clause by word order: the noun phrase filling the slot before
    the verb ("Der Minister sagte"), else the one right after it ("Am Montag sagte der Minister");
    in a verb-final clause, the phrase after its subordinator ("indem sie … aufforderte")."""
    opener = _subordinator_before(items, verb_index)
    if opener is not None:
        subject = chunk_after(items, opener + 1)
        return subject if could_be_subject(subject) and not _temporal(subject) else []
    verb_index = _finite_index(items, verb_index)
    before = chunk_before(items[:verb_index])
    opener = None if not before or before[0] is items[0] else items[items.index(before[0]) - 1].word
    starts_clause = before and (opener is None or _opens_clause(opener))
    after = chunk_after(items, verb_index + 1)
    after = [] if _temporal(after) or not could_be_subject(after) else after
    if opener is not None and opener.text.lower() in ("als", "wie") and after:
        return after  # "Als Begründung sagte ein Wissenschaftler": "als" + noun is no clause opener here
    if before and starts_clause and (before[0].word.upos != "ADP" or _name_particle(before)) and not _temporal(before) and could_be_subject(before):
        return after if abstract(before) and after and _names_person(after) else before
    if not before and not after and verb_index > 0 and items[verb_index - 1].word.upos == "CCONJ":
        first = next((i for i in range(verb_index - 1) if items[i].word.xpos.endswith("FIN")), None)
        if first is not None:
            return subject_by_position(items, first)  # "Medvedev bedankte sich … und sagte:"
    return after


def _subordinator_before(items: Sequence[Located], verb_index: int) -> int | None:
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


def _finite_index(items: Sequence[Located], verb_index: int) -> int:
    """The finite verb of the clause up to ``verb_index``: in "Der Trainer wurde … zitiert" the
    slot before the finite auxiliary holds the subject. A verb right after a comma opens its own
    clause ("Nachdem er gefragt wurde, entgegnete Suttner"): it is the finite verb."""
    if verb_index > 0 and items[verb_index - 1].word.text == ",":
        return verb_index
    return next((i for i in range(verb_index + 1) if items[i].word.xpos.endswith("FIN")), verb_index)


def _temporal(phrase: Sequence[Located]) -> bool:
    """"Am Ende des Tages", "Gegen 11:30 Uhr", "Ende April": a time, not a speaker."""
    nouns = [item.word.text.lower() for item in phrase if item.word.upos in ("NOUN", "PROPN", "NUM")]
    return bool(nouns) and nouns[0] in TEMPORAL_NOUNS


def _noun_run(items: Sequence[Located], start: int) -> list[Located]:
    """A noun phrase by part of speech from ``start``: with genitive links, coordinated nouns
    ("Angaben von AFP und Reuters") and a parenthesis after a noun ("Schröder (CDU)")."""
    run: list[Located] = []
    i = start
    while i < len(items):
        word = items[i].word
        if run and run[-1].word.upos in ("NOUN", "PROPN") and word.upos == "ADJ" and word.text[:1].islower() and not _genitive_adjective(items, i):
            break  # attributive adjectives precede their noun: this one starts something else
        if run and run[-1].word.upos in ("NOUN", "PROPN") and word.upos == "NUM" and i + 1 < len(items) and items[i + 1].word.upos == "NOUN":
            break  # "laut Behördenangaben | 7.000 Menschen": a number before a noun opens a new phrase
        if run and _noun_after_quoted_name(run[-1].word, word):
            break
        if word.upos in NOUN_PHRASE_UPOS or (
            run and (_genitive_link(items, i) or _truncated_compound(items, i) or _hyphen_link(items, i) or _coordination(items, i))
        ):
            run.append(items[i])
            i += 1
            continue
        closing = _parenthesis_end(items, i) if run and run[-1].word.upos in ("NOUN", "PROPN", "X") else None
        closing = closing if closing is not None else _quoted_name_end(items, i)
        if closing is not None:
            run.extend(items[i : closing + 1])
            i = closing + 1
            continue
        break
    while run and run[-1].word.upos in ("DET", "ADP"):
        run.pop()
    return run if any(item.word.upos in ("NOUN", "PROPN", "X") for item in run) else []


def _noun_after_quoted_name(previous: Word, word: Word) -> bool:
    """A common noun right after a quoted name ("laut „Reuters“ | Warnschüsse", "die
    „Computerwoche“ | Lynch"): the quoted name ends the phrase."""
    return previous.text in ALL_MARKS and word.xpos == "NN" and word.text[:1].isupper()


def _genitive_adjective(items: Sequence[Located], i: int) -> bool:
    """A genitive attribute without article after a noun: "Angaben | libanesischer Sicherheitskreise",
    "nach Schätzungen | französischer Behörden" (strong ending -er, a noun follows)."""
    following = items[i + 1].word if i + 1 < len(items) else None
    return items[i].word.text.endswith("er") and following is not None and following.upos in ("NOUN", "PROPN")


def _coordination(items: Sequence[Located], i: int) -> bool:
    """"und"/"sowie" joining two noun phrases: the next word must start one."""
    following = items[i + 1].word if i + 1 < len(items) else None
    return items[i].word.text in ("und", "sowie") and following is not None and following.upos in ("DET", "NOUN", "PROPN", "ADJ")


def _quoted_name_end(items: Sequence[Located], i: int) -> int | None:
    """The index of the mark closing a short quoted name that opens at ``i`` ("„Die Zeit“")."""
    return _quoted_name_edge(items, i, 1)


def _quoted_name_start(items: Sequence[Located], j: int) -> int | None:
    """The index of the mark opening a short quoted name that closes at ``j``."""
    return _quoted_name_edge(items, j, -1)


def _quoted_name_edge(items: Sequence[Located], mark: int, step: int) -> int | None:
    """The other mark of a short quoted name, searched from ``mark`` in direction ``step``: at
    most six words between, no punctuation or finite verb, at least one word, and capitalised
    like a name or title ("„Die Zeit“"), not quoted words ("„ganz besonders sorgfältig“")."""
    if items[mark].word.text not in ALL_MARKS:
        return None
    for k in range(mark + step, mark + 8 * step, step):
        if not 0 <= k < len(items):
            return None
        word = items[k].word
        if word.text in ALL_MARKS:
            if k == mark + step:
                return None
            first = items[min(k, mark) + 1].word.text
            return k if first[:1].isupper() or first[:1].isdigit() else None
        if word.upos == "PUNCT" or word.xpos.endswith("FIN"):
            return None
    return None


def _parenthesis_end(items: Sequence[Located], i: int) -> int | None:
    """The index of the ")" closing a short parenthesis that opens at ``i`` ("(SPD)", "(USGS)")."""
    if items[i].word.text != "(":
        return None
    for j in range(i + 1, min(i + 8, len(items))):
        if items[j].word.text == ")":
            return j
    return None


def _truncated_compound(items: Sequence[Located], i: int) -> bool:
    """"und"/"oder" after a truncated compound: "der Industrie- und Handelskammer" (the hyphen a
    token of its own, as UD German tokenizes it, or not)."""
    return items[i].word.text in ("und", "oder") and i > 0 and items[i - 1].word.text.endswith("-")


def _hyphen_link(items: Sequence[Located], i: int) -> bool:
    """A hyphen token inside a compound split at it ("Industrie - und", "SPD - Abgeordneten")."""
    return items[i].word.text in ("-", "–") and 0 < i < len(items) - 1 and items[i].word.start == items[i - 1].word.end


def _genitive_link(items: Sequence[Located], i: int) -> bool:
    """'von'/'für'/'der' inside a name phrase: "Sprecher von Alibaba", "Chef der Bundesagentur für Arbeit"."""
    word = items[i].word
    if word.text.lower() not in ("von", "für", "des", "der", "vom", "aus"):
        return False
    following = items[i + 1].word if i + 1 < len(items) else None
    return following is not None and following.upos in NOUN_PHRASE_UPOS


IMPERSONAL_FORMS = frozenset("heißen heißt hieß hieße hießen".split())


def _impersonal(sentence: Sentence, verb: Word, subject: Word) -> bool:
    """An impersonal subject: "man", or "es" as expletive, with "heißen" or with a passive."""
    form = subject.text.lower()
    if form == "man":
        return True
    if form != "es":
        return False
    return subject.deprel in ("expl", "nsubj:pass") or passive(sentence, verb) or {verb.lemma.lower(), verb.text.lower()} & IMPERSONAL_FORMS != set()


SOURCE_PREPOSITIONS = frozenset("in im auf aus bei laut".split())
MESSAGE_ENDS = frozenset(",") | ALL_MARKS
# Cue verbs whose source is a place or document in the frame, not a subject: "In der Studie heißt
# es", "Aus Militärkreisen verlautete", "Dies geht aus einer Pressemitteilung hervor".
SOURCE_VERBS = frozenset({"heißen", "verlauten", "hervorgehen"})


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


def relative_pronoun_first(words: Sequence[Word]) -> bool:
    """Words opened by a relative pronoun, after its preposition or not ("der …", "auf die …")."""
    return bool(words) and (
        words[0].xpos in RELATIVE_TAGS or (words[0].upos == "ADP" and len(words) > 1 and words[1].xpos in RELATIVE_TAGS)
    )


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
    elif subject is not None and subject.deprel != "obl:agent" and _case_marked(sentence, subject):
        return []
    if subject is not None and _disagrees(sentence, verb, subject):
        return []  # "Zwölf Todesopfer forderte ein Taifun": a plural noun is no subject of a singular verb
    if subject is not None and (sentence.index, subject.id) in allowed_ids:
        words = [w for w in phrase_words(sentence, subject) if (sentence.index, w.id) in allowed_ids]
        phrase = with_apposition(allowed, completed(allowed, trim_speaker([Located(sentence, w) for w in words])))
        phrase = _whole_vorfeld(allowed, verb, phrase)
        if _temporal(phrase):
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
    if start is None or verb_index is None or (start > 0 and not _opens_clause(frame[start - 1].word)):
        return phrase
    finite = _finite_index(frame, verb_index)
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
    head = next((w for w in words if _head_word(w)), None)
    if head is None or head.upos != "NOUN" or any(w.upos in ("PROPN", "PRON") or lexicon.role_noun(w.text) for w in words):
        return False
    form = head.text.lower()
    return form.endswith(ABSTRACT_SUFFIXES) and not form.endswith(COLLECTIVE_NOUNS)


def person_next_to(frame: Sequence[Located], verb: Word, phrase: Sequence[Located]) -> list[Located]:
    """The phrase naming a person before or after the finite verb of a verb-second clause, other than ``phrase``."""
    position = next((i for i, item in enumerate(frame) if item.word is verb), None)
    if position is None:
        return []
    finite = _finite_index(frame, position)
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


def completed(frame: Sequence[Located], speaker: list[Located]) -> list[Located]:
    """The tree's speaker phrase, run on by word order where the parse cut it short ("VW-Chef |
    Winterkorn", "Die Nachrichtenagentur | Associated Press"); a leading preposition goes."""
    while speaker and speaker[0].word.upos == "ADP" and not _name_particle(speaker):
        contraction = speaker[0].word.token  # "vom" = von + dem: the article goes with it
        speaker = [item for item in speaker[1:] if item.word.token != contraction]
    if not speaker:
        return speaker
    position = next((i for i, item in enumerate(frame) if item.word is speaker[0].word), None)
    if position is None:
        return speaker
    run = chunk_after(frame, position)
    covered = {id(item.word) for item in run}
    if run and run[0].word is speaker[0].word and len(run) > len(speaker) and all(id(item.word) in covered for item in speaker):
        return run
    return speaker


def _name_particle(phrase: Sequence[Located]) -> bool:
    """"Von der Leyen", "van Gaal": a short name opened by a particle, not a prepositional phrase."""
    return phrase[0].word.text.lower() in NAME_PARTICLES and len(phrase) <= 3 and phrase[-1].word.text[:1].isupper()


def with_apposition(frame: Sequence[Located], speaker: list[Located]) -> list[Located]:
    """The speaker with the apposition the parse split off: "Der Vorsitzende des Verbands, | Michael
    Knipper" and "General George Casey | , Kommandant der Truppen," belong together."""
    if not speaker:
        return speaker
    position = {id(item.word): i for i, item in enumerate(frame)}
    start, end = position.get(id(speaker[0].word)), position.get(id(speaker[-1].word))
    if start is None or end is None:
        return speaker
    if start >= 2 and frame[start - 1].word.text == ",":
        before = chunk_before(frame[: start - 1])
        if before and (before[0] is frame[0] or _opens_clause(frame[position[id(before[0].word)] - 1].word)):
            return list(frame[position[id(before[0].word)] : end + 1])
    if end + 2 < len(frame) and frame[end + 1].word.text == ",":
        after = _noun_run(frame, end + 2)
        closing = end + 2 + len(after)
        if after and closing < len(frame) and frame[closing].word.text == "," and any(i.word.upos in ("PROPN", "NOUN") for i in after):
            return list(frame[start:closing])
    return speaker


def quoted_person(sentence: Sentence, verb: Word) -> Word | None:
    """"Man zitierte einen Augenzeugen": with an active "zitieren" and no one named as subject the
    object spoke (WIKINEWS gives "Die Zeitung zitierte X" to the newspaper, its subject)."""
    if not verb.text.lower().startswith("zitier") or passive(sentence, verb):
        return None
    return next((c for c in sentence.children(verb) if c.relation == "obj"), None)


LINKING_PREPOSITIONS = frozenset("von aus für".split())
PLACE_PREPOSITIONS = frozenset("in im bei beim".split())
ACCUSATIVE_ARTICLES = frozenset("die das eine einen".split())


def trim_speaker(items: list[Located]) -> list[Located]:
    """Cut a speaker phrase where the parse let it run on into the clause: at a second noun phrase
    that is not a genitive ("der Präsident | seine Position"), at an adverb ("Suttner | wörtlich") or
    at a relative pronoun; a phrase without a noun or pronoun, or opened by "kein", is no speaker."""
    kept: list[Located] = []
    seen_noun = False
    in_quoted_name = False  # "die Wochenzeitung „Die Zeit“": the quoted name is one unit
    for item in items:
        word = item.word
        if word.text in ALL_MARKS:
            in_quoted_name = not in_quoted_name
        elif seen_noun and not in_quoted_name and (word.text.lower() in NEW_PHRASE_STARTS or _adverb(word) or word.xpos == "ADJD"):
            if not (word.upos == "DET" and (_linked(kept) or _extended_attribute(kept) or _attached_place(kept, item))):
                break
        elif seen_noun and word.xpos in RELATIVE_TAGS:
            break  # "C.Y. Leung, | der am Montag … war": a relative clause the parse hung on the noun
        kept.append(item)
        seen_noun = seen_noun or _head_word(word)
    if len(kept) == 1 and kept[0].word.text.lower() in DEMONSTRATIVE_SPEAKERS:
        return kept  # "Diese bestätigte"
    first = kept[0].word.text.lower() if kept else ""
    if kept and (kept[0].word.upos == "CCONJ" or first in NEGATIVE_DETERMINERS or (len(kept) == 1 and first in NO_ONE)):
        return []  # "und am Währungsfonds" joins something else; "keiner", "was" name no one
    while kept and kept[-1].word.upos in ("PUNCT", "ADP", "DET", "CCONJ") and kept[-1].word.text != ")" and not _closes_quoted_name(kept):
        kept.pop()
    return kept if any(_head_word(item.word) for item in kept) else []


def _linked(kept: Sequence[Located]) -> bool:
    """"Theo Kitz von | dem Bankhaus": the article belongs to the linked phrase."""
    return kept[-1].word.text.lower() in LINKING_PREPOSITIONS


def _attached_place(kept: Sequence[Located], article: Located) -> bool:
    """"die UN-Friedensmission im | Südsudan": a place the tree attaches to a noun of the phrase
    (not to the verb, as "in einem Interview" would be) is part of it; a time is not."""
    preposition = kept[-1].word.text.lower()
    noun = article.sentence.head(article.word)
    if preposition not in PLACE_PREPOSITIONS or noun is None or noun.deprel != "nmod" or noun.text.lower() in TEMPORAL_NOUNS:
        return False
    form = article.word.text.lower()
    if preposition == "in" and (form in ACCUSATIVE_ARTICLES or (form == "den" and noun.feat("Number") != "Plur")):
        return False  # "Die Einsicht in den Bericht": a direction or topic, not a place
    owner = article.sentence.head(noun)
    return any(item.word is owner for item in kept)


def _extended_attribute(kept: Sequence[Located]) -> bool:
    """"des am | Montag zurückgetretenen Airbus-Chefs": a preposition right after a genitive
    article opens an attribute before the genitive noun, and the article after it is inside."""
    return len(kept) >= 2 and kept[-1].word.upos == "ADP" and kept[-2].word.text.lower() in GENITIVE_ARTICLES


def _closes_quoted_name(items: Sequence[Located]) -> bool:
    return items[-1].word.text in ALL_MARKS and sum(1 for item in items if item.word.text in ALL_MARKS) % 2 == 0


def _head_word(word: Word) -> bool:
    """A word that can head a speaker phrase: a noun, name or pronoun, by either tag, or an
    adjective used as a noun ("Der 58-Jährige", "die Angeklagte": capitalised inside the sentence)."""
    return (
        word.upos in ("NOUN", "PROPN", "PRON", "X")
        or word.xpos in ("NN", "NE")
        or _name_tagged_adverb(word)
        or (word.upos == "ADJ" and word.id > 1 and next((c for c in word.text if c.isalpha()), "").isupper())
    )

