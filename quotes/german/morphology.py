"""German morphology: Konjunktiv (the one source of mood decisions), finiteness, infinitives and
lemma guesses for verbs the parser mislemmatises; the strong nominative of adjectives for names.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import lexicon
from ..document import Sentence, Word


# Weak-verb endings, longest first: "teilte" → "teil" → "teilen".
_WEAK_ENDINGS = ("test", "tet", "ten", "te", "est", "et", "st", "t", "en", "e")



# Prefixes before an irregular form: "verwies" → "verweisen", "hinwies" → "hinweisen",
# "gestand" → "gestehen", "beschloss" → "beschließen".
_PREFIXES = ("ver", "be", "er", "ent", "ge", "zer", "wider", "hin", "an", "auf", "aus", "ein", "vor", "zu", "zurück")


# Adjective endings, longest first ("russischen" → "russisch"), and the strong nominative ending
# by the noun's gender, as a name is written without article ("das russische Außenministerium" →
# "russisches Außenministerium", "der spanische Rundfunk" → "spanischer Rundfunk").
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")

_STRONG_NOMINATIVE = {"Masc": "er", "Neut": "es", "Fem": "e", "Plur": "e"}


def strong_nominative(adjective: str, gender: str) -> str:
    """The adjective with the strong nominative ending of ``gender`` (Masc, Neut, Fem or Plur)."""
    ending = next((e for e in _ADJECTIVE_ENDINGS if adjective.endswith(e) and len(adjective) - len(e) >= 3), "")
    return adjective[: len(adjective) - len(ending)] + _STRONG_NOMINATIVE[gender]


def guess_lemmas(word: Word) -> list[str]:
    """Lemma candidates for a verb: the parser's, then irregular forms, then a weak-verb guess."""
    form = word.text.lower()
    candidates = [word.lemma.lower(), form]
    irregular = lexicon.irregular_verb_forms()
    if form in irregular:
        candidates.append(irregular[form])
    for prefix in _PREFIXES:
        if form.startswith(prefix) and form[len(prefix):] in irregular:
            candidates.append(prefix + irregular[form[len(prefix):]])
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


@lru_cache(maxsize=1)
def subjunctive_forms() -> frozenset[str]:
    """Finite Konjunktiv I (and II standing in for it) forms the compact tagger may not mark
    Mood=Sub ("sei", "hätte", "könne"): the lexicon's ``subjunctive_forms``."""
    return frozenset(lexicon.word_list("subjunctive_forms"))


def konjunktiv_i_ending(form: str) -> bool:
    """A lowercase form in -e that is not a weak preterite in -te: Konjunktiv I in the third person
    singular ("nehme", "stelle", "gehe"; the indicative would be "nimmt", "stellt", "geht")."""
    return form.islower() and form.endswith("e") and not form.endswith("te") and len(form) > 3


def mark_subjunctive(doc: Any, forms: frozenset[str]) -> int:
    """Mark the finite verbs of a stanza ``doc`` that are Konjunktiv by form as ``Mood=Sub``: those
    in ``forms`` and third-person singulars with a Konjunktiv I ending. Returns how many changed."""
    changed = 0
    for sentence in doc.sentences:
        for word in sentence.words:
            feats = dict(f.split("=", 1) for f in word.feats.split("|")) if word.feats else {}
            finite = feats.get("VerbForm") == "Fin" or (word.xpos or "").endswith("FIN")
            third_singular = feats.get("Person") == "3" and feats.get("Number", "Sing") == "Sing"
            if finite and word.upos in ("VERB", "AUX") and feats.get("Mood") != "Sub" and (
                word.text.lower() in forms or (third_singular and konjunktiv_i_ending(word.text))
            ):
                feats["Mood"] = "Sub"
                feats["VerbForm"] = "Fin"
                word.feats = "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))
                changed += 1
    return changed


def is_subjunctive(word: Word) -> bool:
    """Konjunktiv I or II, by the tagger's Mood or by a list of unambiguous forms."""
    return word.feat("Mood") == "Sub" or word.text.lower() in subjunctive_forms()


def looks_subjunctive(word: Word) -> bool:
    """Konjunktiv by form as well: a lowercase third-person form in -e that is not a weak
    preterite in -te ("nehme", "stelle", "bliebe" — the indicative would be "nimmt", "stellt")."""
    if is_subjunctive(word):
        return True
    plausible_verb = word.upos in ("VERB", "AUX") or word.xpos.startswith("V") or word.xpos == "ADJD"
    return plausible_verb and konjunktiv_i_ending(word.text)


def is_finite(word: Word) -> bool:
    """A finite verb by tag or morphology, or an unambiguous Konjunktiv form the tagger missed."""
    return word.xpos.endswith("FIN") or word.feat("VerbForm") == "Fin" or word.text.lower() in subjunctive_forms()


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
