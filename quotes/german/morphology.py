"""German verb morphology: Konjunktiv (the one source of mood decisions), finiteness, infinitives
and lemma guesses for verbs the parser mislemmatises.
"""

from __future__ import annotations

from ..document import Sentence, Word


# Weak-verb endings, longest first: "teilte" → "teil" → "teilen".
_WEAK_ENDINGS = ("test", "tet", "ten", "te", "est", "et", "st", "t", "en", "e")


# Irregular forms of frequent cue verbs that a stem guess cannot recover.
_IRREGULAR = {
    "sprach": "sprechen", "sprachen": "sprechen", "spricht": "sprechen", "gesprochen": "sprechen",
    "schrieb": "schreiben", "schrieben": "schreiben", "geschrieben": "schreiben",
    "rief": "rufen", "riefen": "rufen", "hieß": "heißen", "hiess": "heißen",
    "wies": "weisen", "wiesen": "weisen", "gab": "geben", "gaben": "geben", "gibt": "geben",
    "nannte": "nennen", "nannten": "nennen", "genannt": "nennen", "dachte": "denken", "dachten": "denken",
    "bat": "bitten", "baten": "bitten", "warf": "werfen", "warfen": "werfen", "wirft": "werfen",
    "empfahl": "empfehlen", "empfahlen": "empfehlen", "empfiehlt": "empfehlen",
    "beschrieb": "beschreiben", "versprach": "versprechen", "versprachen": "versprechen",
    "widersprach": "widersprechen", "bestritt": "bestreiten", "bestritten": "bestreiten",
    "schlug": "schlagen", "schlugen": "schlagen", "schlägt": "schlagen",
    "hielt": "halten", "hielten": "halten", "hält": "halten", "sah": "sehen", "sieht": "sehen",
    "stellte": "stellen", "zog": "ziehen", "trug": "tragen", "lud": "laden",
    "stand": "stehen", "standen": "stehen", "bot": "bieten", "boten": "bieten",
    "schloss": "schließen", "schlossen": "schließen", "schied": "scheiden", "schieden": "scheiden",
    "riet": "raten", "rieten": "raten", "rät": "raten", "rätst": "raten", "wandte": "wenden", "wandten": "wenden",
    "nahm": "nehmen", "nahmen": "nehmen",
}


# Prefixes before an irregular form: "verwies" → "verweisen", "hinwies" → "hinweisen",
# "gestand" → "gestehen", "beschloss" → "beschließen".
_PREFIXES = ("ver", "be", "er", "ent", "ge", "zer", "wider", "hin", "an", "auf", "aus", "ein", "vor", "zu", "zurück")


def guess_lemmas(word: Word) -> list[str]:
    """Lemma candidates for a verb: the parser's, then irregular forms, then a weak-verb guess."""
    form = word.text.lower()
    candidates = [word.lemma.lower(), form]
    if form in _IRREGULAR:
        candidates.append(_IRREGULAR[form])
    for prefix in _PREFIXES:
        if form.startswith(prefix) and form[len(prefix):] in _IRREGULAR:
            candidates.append(prefix + _IRREGULAR[form[len(prefix):]])
    stem = form[2:] if form.startswith("ge") and len(form) > 5 and form.endswith("t") else form
    for ending in _WEAK_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 2:
            candidates.append(stem[: -len(ending)] + "en")
            candidates.append(stem[: -len(ending)] + "n")  # "äußern", "erinnern"
            break
    return list(dict.fromkeys(candidates))


def looks_like_participle(word: Word) -> bool:
    """A participle the tagger took for an adjective: "hat angekündigt", "wurde gesagt"."""
    form = word.text
    return form.islower() and form.endswith(("t", "en")) and "ge" in form[:7] and word.xpos in ("ADJD", "ADJA", "NN")


# Finite Konjunktiv I (and II standing in for it) forms the compact tagger may not mark Mood=Sub.
SUBJUNCTIVE_FORMS = frozenset(
    "sei seien seiest habe hätte hätten werde würde würden könne könnte könnten müsse müsste müssten "
    "solle wolle dürfe dürfte dürften gebe gäbe gäben stehe liege gehe komme wäre wären möge lasse "
    "bleibe wisse brauche mache sehe halte stimme fehle gelte handle handele".split()
)


def is_subjunctive(word: Word) -> bool:
    """Konjunktiv I or II, by the tagger's Mood or by a list of unambiguous forms."""
    return word.feat("Mood") == "Sub" or word.text.lower() in SUBJUNCTIVE_FORMS


def looks_subjunctive(word: Word) -> bool:
    """Konjunktiv by form as well: a lowercase third-person form in -e that is not a weak
    preterite in -te ("nehme", "stelle", "bliebe" — the indicative would be "nimmt", "stellt")."""
    if is_subjunctive(word):
        return True
    form = word.text
    plausible_verb = word.upos in ("VERB", "AUX") or word.xpos.startswith("V") or word.xpos == "ADJD"
    return plausible_verb and form.islower() and form.endswith("e") and not form.endswith("te") and len(form) > 3


def is_finite(word: Word) -> bool:
    """A finite verb by tag or morphology, or an unambiguous Konjunktiv form the tagger missed."""
    return word.xpos.endswith("FIN") or word.feat("VerbForm") == "Fin" or word.text.lower() in SUBJUNCTIVE_FORMS


def zu_infinitive(word: Word) -> bool:
    """An infinitive with "zu" written inside ("einzurichten", "aufzugeben"): tagged VVIZU, or
    by form when the compact model tags it VVINF — the lemma with "zu" after its particle."""
    if word.xpos == "VVIZU":
        return True
    form, lemma = word.text.lower(), word.lemma.lower()
    at = form.find("zu", 2)
    # the lemma is the form without "zu", or the unlemmatised form itself ("anzuerkennen")
    return word.upos == "VERB" and at > 0 and form.endswith("n") and lemma in (form[:at] + form[at + 2 :], form)


def finite_verbs(sentence: Sentence) -> list[Word]:
    return [w for w in sentence.words if is_finite(w)]
