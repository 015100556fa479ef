"""Mine the cue, role-noun and function-word lexicons from the training corpora.

Usage::

    python tools/mine_lexicon.py --corpora /work/shared/corpora --out quotes/lexicon

Reads only the train splits of WIKINEWS (``wikinews-quotes-2024/data/train``) and GePaDe
(``spkatt2023-gepade/data/train/task1``), through the readers of ``quotes.corpora``, and writes
``cue_verbs.tsv``, ``cue_words.tsv`` and ``role_nouns.tsv``; ``function_words.tsv`` comes from the part-of-speech tags of the
Redewiedergabe main corpus and the UD German treebanks next to the corpora (``--ud``; the
held-out half of GSD test is not read). Output is deterministic (sorted rows, no randomness).

Lemmas come from HanTa (``pip install HanTa``), a mining-only requirement: the runtime loader in
``quotes.lexicon`` reads the TSV files and needs nothing beyond the standard library.

The mined counts are filtered by thresholds and by the hand-reviewed lists below (noise removed,
media fixed, entries the small corpora miss added with ``source=curated``); see README.md.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quotes.corpora import GoldDocument, catalog
from quotes.corpora import read as read_corpus
from quotes.models import convert
from quotes.quote import MEDIA

LEXICON = Path(__file__).resolve().parents[1] / "quotes" / "lexicon"  # where the TSV files live
MIN_COUNT = 2  # WIKINEWS occurrences needed for a mined entry
MIN_GEPADE = 5  # GePaDe-only verbs need more evidence and a medium given by hand

# A (text, lemma, STTS tag) triple as HanTa returns it.
Tok = tuple[str, str, str]

# Adjectives written together with a few verbs ("gab ... bekannt" -> bekanntgeben); HanTa tags
# the separated adjective ADJD, not PTKVZ.
ADJ_PARTICLES = {"bekannt", "klar"}
# Verbs that carry a cue only together with the main verb ("ließ mitteilen").
LIGHT_VERBS = {"lassen"}
# Determiners and modifiers skipped between a cue preposition and its noun ("nach eigenen Angaben").
NOUN_PREMODIFIERS = ("ART", "ADJ", "PPOSAT", "PIAT", "PIDAT", "CARD", "APPRART")
CUE_PREPOSITIONS = {"nach", "laut", "gemäß"}  # take a noun object: "nach Angaben"
# Function words: forms seen at least MIN_FUNCTION_COUNT times, mostly in one of these classes
# and almost never (tagging noise) as a noun, name, pronoun, determiner or number.
FUNCTION_CLASSES = {"ADV", "ADP", "SCONJ", "CCONJ", "PART", "ADJ"}
NOMINAL_CLASSES = {"NOUN", "PROPN", "PRON", "DET", "NUM", "X"}
MIN_FUNCTION_COUNT = 3
MAX_NOMINAL_SHARE = 0.05  # "gestern" 62 ADV, 1 NOUN is kept; "morgen" 33 ADV, 70 NOUN is not

# --- hand review ---------------------------------------------------------------------------
# Mined verbs that are not cues on their own: auxiliaries, support verbs of noun cues
# ("kommen zu dem Ergebnis"), and verbs annotated once or twice in an unusual frame.
VERB_NOISE = {
    "sein", "haben", "werden", "kommen", "gehen", "geben", "stehen", "halten", "gehören", "lassen",
    "enden", "erfolgen", "herrschen", "bemühen", "wagen", "liegen", "finden", "vertreten", "übergeben",
    "bestehen", "ziehen", "fassen", "erheben", "hinterlassen", "bringen", "legen", "treten",
    "danken", "lesen", "hören", "verstehen", "erkennen", "beraten", "vorlegen", "überzeugen",
    "zeigen", "erinnern", "entscheiden", "beschließen", "vereinbaren", "einigen", "zuweisen",
    "stellen", "machen", "teilen", "wenden", "planen", "erfahren", "ergeben", "vergleichen",
    "vorherrschen",
}
# Media fixed by hand where WIKINEWS has too few or skewed examples, and media for the
# GePaDe-only verbs kept after review (GePaDe has no medium labels).
MEDIUM_BY_HAND = {
    "sagen": "Speech", "meinen": "ST", "wissen": "Thought", "denken": "Thought", "glauben": "Thought",
    "reden": "Speech", "sprechen": "Speech", "diskutieren": "Speech", "ansprechen": "Speech",
    "erwähnen": "SW", "zitieren": "SW", "nennen": "SW", "bitten": "SW", "fragen": "Speech",
    "hinweisen": "SW", "nachdenken": "Thought", "vorschlagen": "SW", "beschreiben": "SW",
    "fordern": "SW", "schreiben": "Writing", "veröffentlichen": "Writing", "hoffen": "Thought",
    "befürchten": "Thought", "vermuten": "Thought", "sehen": "Thought", "feststellen": "SW",
    "ablehnen": "SW", "behaupten": "SW", "betonen": "SW", "kritisieren": "SW", "bezweifeln": "ST",
}
WORD_NOISE = {
    "Polizei", "Regierung", "Agentur", "Zeitung", "Sender", "Ministerium", "Behörde", "Stadt",
    "Artikel", "Grundgesetz", "Transparent", "Sparte", "Ziel", "Verdachtsmoment", "Verdienst",
    "Gelegenheit", "Wert", "Erlaubnis", "Bereitschaft", "Weiterleitung", "Befehl", "Einspruch",
    "Konsens", "Einigkeit", "Beschluß", "Schluß", "Ergebnis", "Bild", "Frage", "Aufklärung",
    "Vorhaben", "Weisheit", "Spruch", "Folge", "Theorie", "Prognose", "Verdacht", "Zweifel",
    "Ausdruck", "Antrag", "Gesetzentwurf", "Debatte", "Gesetz", "Entwurf", "Entscheidung", "Urteil",
    "Perspektive", "Idee", "Gespräch", "Gutachten", "Beratung", "Dank", "Haltung", "Anhörung",
    "Vorlage", "Aussprache", "Erkenntnis", "Zwischenfrage", "von", "aus", "durch", "mit", "für",
    "zu", "Ankläger", "Direktor", "Gericht", "Gutachter", "Sprecher", "Medium", "Stand",
    "Verfassung", "Planung", "Ermittlung", "geben es",
}
CURATED_VERBS = {  # lemma -> medium; speech-act verbs too rare in the train splits
    "sagen": "Speech", "mitteilen": "SW", "bekanntgeben": "SW", "ankündigen": "SW",
    "hinweisen": "SW", "erklären": "SW", "berichten": "SW", "schreiben": "Writing",
    "glauben": "Thought", "denken": "Thought", "meinen": "ST", "äußern": "SW", "betonen": "SW",
    "unterstreichen": "SW", "versprechen": "SW", "verkünden": "SW", "hinzufügen": "SW",
    "antworten": "SW", "entgegnen": "Speech", "erwidern": "Speech", "bestreiten": "SW",
    "dementieren": "SW", "einräumen": "SW", "zugeben": "SW", "warnen": "SW", "mahnen": "SW",
    "fordern": "SW", "verlangen": "SW", "vorwerfen": "SW", "zurückweisen": "SW", "bekräftigen": "SW",
    "erläutern": "SW", "ausführen": "SW", "twittern": "Writing", "posten": "Writing",
    "rufen": "Speech", "fragen": "Speech", "flüstern": "Speech", "schreien": "Speech",
    "vermuten": "Thought", "befürchten": "Thought", "hoffen": "Thought", "annehmen": "Thought",
    "überlegen": "Thought", "zweifeln": "Thought", "bezweifeln": "Thought", "wissen": "Thought",
    "erzählen": "Speech", "kommentieren": "SW", "klarstellen": "SW", "versichern": "SW",
    "bestätigen": "SW", "informieren": "SW", "melden": "SW",
    "zitieren": "SW", "sprechen": "Speech", "reden": "Speech", "argumentieren": "SW",
    "appellieren": "SW", "drohen": "SW", "vorschlagen": "SW", "beziffern": "SW", "begrüßen": "SW",
    "werten": "ST", "einstufen": "SW", "aussprechen": "Speech", "raten": "SW",
    # frequent complement-taking verbs missed on WIKINEWS dev with the compact model
    "fürchten": "Thought", "spekulieren": "ST", "planen": "ST", "prognostizieren": "SW",
    "festlegen": "SW", "ergänzen": "SW",
    # speech acts with a nominal object, Reported on WIKINEWS train but below the mining threshold
    "vergleichen": "SW", "attackieren": "SW", "betrachten": "ST", "erwägen": "ST", "anstreben": "ST",
    "anregen": "SW", "bezichtigen": "SW", "loben": "SW", "beklagen": "SW", "verurteilen": "SW",
    # complement-taking verbs of WIKINEWS train quotes the rules missed ("gestand ein, dass …",
    # "bot an, … zu übergeben", "beschloss, … einzurichten"), each seen once or noise in GePaDe
    "eingestehen": "SW", "anbieten": "Speech", "signalisieren": "SW", "befürworten": "SW",
    "beschließen": "ST", "entscheiden": "ST", "besagen": "Writing",
    "ausschließen": "ST", "drängen": "Speech",
}
CURATED_WORDS = {  # (word, kind) -> medium
    ("laut", "preposition"): "SW", ("nach", "preposition"): "SW", ("gemäß", "preposition"): "SW",
    ("zufolge", "postposition"): "SW", ("nach", "postposition"): "SW", ("so", "adverb"): "SW",
    ("demnach", "adverb"): "SW", ("wonach", "adverb"): "SW", ("danach", "adverb"): "SW",
    ("heißen es", "phrase"): "SW", ("Rede sein", "phrase"): "SW", ("wie mitteilen", "phrase"): "SW",
    ("wie berichten", "phrase"): "SW", ("wie sagen", "phrase"): "Speech",
    ("mit Wort", "phrase"): "Speech",
    ("Angabe", "noun"): "SW", ("Aussage", "noun"): "SW", ("Mitteilung", "noun"): "Writing",
    ("Pressemitteilung", "noun"): "Writing", ("Bericht", "noun"): "Writing",
    ("Forderung", "noun"): "SW", ("Warnung", "noun"): "SW", ("Wort", "noun"): "SW",
    ("Erklärung", "noun"): "SW", ("Ansicht", "noun"): "ST", ("Meinung", "noun"): "ST",
    ("Auffassung", "noun"): "ST", ("Information", "noun"): "SW", ("Einschätzung", "noun"): "ST",
    ("Schätzung", "noun"): "SW", ("Darstellung", "noun"): "SW", ("Stellungnahme", "noun"): "SW",
    ("Interview", "noun"): "Speech", ("Sicht", "noun"): "ST", ("Überzeugung", "noun"): "Thought",
    ("Kritik", "noun"): "SW", ("Vorwurf", "noun"): "SW", ("Behauptung", "noun"): "SW",
    ("Ankündigung", "noun"): "SW", ("Hinweis", "noun"): "SW", ("Zitat", "noun"): "SW",
    ("Äußerung", "noun"): "SW", ("Rede", "noun"): "Speech", ("Brief", "noun"): "Writing",
    ("Auskunft", "noun"): "SW", ("Vermutung", "noun"): "Thought",
    ("Befürchtung", "noun"): "Thought", ("Hoffnung", "noun"): "Thought",
}
# Person role nouns: (noun, gender, compound_head). Heads are lowercase-matched by the loader.
CURATED_ROLES: list[tuple[str, str, int]] = [
    ("Abgeordnete", "", 1), ("Abgeordneter", "Masc", 1), ("Aktivist", "Masc", 1),
    ("Aktivistin", "Fem", 1), ("Analyst", "Masc", 1), ("Analystin", "Fem", 1),
    ("Angeklagte", "", 0), ("Angeklagter", "Masc", 0), ("Anwalt", "Masc", 1), ("Anwältin", "Fem", 1),
    ("Arzt", "Masc", 1), ("Ärztin", "Fem", 1), ("Autor", "Masc", 1), ("Autorin", "Fem", 1),
    ("Beamte", "", 1), ("Beamter", "Masc", 1), ("Beamtin", "Fem", 1), ("Beauftragte", "", 1),
    ("Beauftragter", "Masc", 1), ("Berater", "Masc", 1), ("Beraterin", "Fem", 1),
    ("Bischof", "Masc", 1), ("Botschafter", "Masc", 1), ("Botschafterin", "Fem", 1),
    ("Bundeskanzler", "Masc", 0), ("Bundeskanzlerin", "Fem", 0), ("Bürgermeister", "Masc", 1),
    ("Bürgermeisterin", "Fem", 1), ("Chairman", "Masc", 0), ("Chairwoman", "Fem", 0),
    ("CEO", "", 1), ("Officer", "", 1), ("Koordinator", "Masc", 1), ("Koordinatorin", "Fem", 1),  # issue #22
    ("Sachbearbeiter", "Masc", 1), ("Sachbearbeiterin", "Fem", 1),
    ("Chef", "Masc", 1), ("Chefin", "Fem", 1), ("Direktor", "Masc", 1), ("Direktorin", "Fem", 1),
    ("Experte", "Masc", 1), ("Expertin", "Fem", 1), ("Forscher", "Masc", 1), ("Forscherin", "Fem", 1),
    ("Führer", "Masc", 1), ("Führerin", "Fem", 1), ("Gründer", "Masc", 1), ("Gründerin", "Fem", 1),
    ("Journalist", "Masc", 1), ("Journalistin", "Fem", 1), ("Kandidat", "Masc", 1),
    ("Kandidatin", "Fem", 1), ("Kanzler", "Masc", 1), ("Kanzlerin", "Fem", 1),
    ("Kommissar", "Masc", 1), ("Kommissarin", "Fem", 1), ("Korrespondent", "Masc", 1),
    ("Korrespondentin", "Fem", 1), ("Leiter", "Masc", 1), ("Leiterin", "Fem", 1),
    ("Manager", "Masc", 1), ("Managerin", "Fem", 1), ("Minister", "Masc", 1),
    ("Ministerin", "Fem", 1), ("Mitarbeiter", "Masc", 1), ("Mitarbeiterin", "Fem", 1),
    ("Mitglied", "", 1), ("Ökonom", "Masc", 1), ("Ökonomin", "Fem", 1), ("Politiker", "Masc", 1),
    ("Politikerin", "Fem", 1), ("Polizist", "Masc", 1), ("Polizistin", "Fem", 1),
    ("Premierminister", "Masc", 0), ("Premierministerin", "Fem", 0), ("Präsident", "Masc", 1),
    ("Präsidentin", "Fem", 1), ("Reporter", "Masc", 1), ("Reporterin", "Fem", 1),
    ("Richter", "Masc", 1), ("Richterin", "Fem", 1), ("Sekretär", "Masc", 1),
    ("Sekretärin", "Fem", 1), ("Senator", "Masc", 1), ("Senatorin", "Fem", 1),
    ("Sprecher", "Masc", 1), ("Sprecherin", "Fem", 1), ("Trainer", "Masc", 1),
    ("Trainerin", "Fem", 1), ("Vertreter", "Masc", 1), ("Vertreterin", "Fem", 1),
    ("Vorsitzende", "", 1), ("Vorsitzender", "Masc", 1), ("Vorstand", "Masc", 1),
    ("Wissenschaftler", "Masc", 1), ("Wissenschaftlerin", "Fem", 1), ("Zeuge", "Masc", 1),
    ("Zeugin", "Fem", 1), ("Staatsanwalt", "Masc", 0), ("Staatsanwältin", "Fem", 0),
    ("Ermittler", "Masc", 1), ("Ermittlerin", "Fem", 1), ("Vize", "", 0),
    ("Geschäftsführer", "Masc", 1), ("Geschäftsführerin", "Fem", 1),
    ("Mann", "Masc", 0), ("Frau", "Fem", 0),  # no compound heads: surnames like "Eisenmann" ("Chefredakteur", "Masc", 1), ("Chefredakteurin", "Fem", 1),
    ("Regisseur", "Masc", 1), ("Regisseurin", "Fem", 1), ("Schauspieler", "Masc", 1),
    ("Schauspielerin", "Fem", 1), ("Spieler", "Masc", 1), ("Spielerin", "Fem", 1),
    ("Bürger", "Masc", 1), ("Bürgerin", "Fem", 1), ("König", "Masc", 1), ("Königin", "Fem", 1),
    ("Papst", "Masc", 0), ("Pfarrer", "Masc", 1), ("Pfarrerin", "Fem", 1),
]
# --------------------------------------------------------------------------------------------


@dataclass
class Cue:
    """One annotated cue with its tagged tokens and, for WIKINEWS, its type and medium."""

    tokens: list[Tok]
    following: list[Tok]  # the sentence after the cue, for "nach [eigenen] Angaben"
    speaker: list[Tok]
    particles: list[str] = field(default_factory=list)  # GePaDe PTC tokens
    quote: list[Tok] = field(default_factory=list)  # WIKINEWS Reported quotes only
    type: str | None = None
    medium: str | None = None


@dataclass
class Tally:
    """Counts for one lexicon entry, split by corpus, type and medium."""

    wikinews: int = 0
    gepade: int = 0
    types: Counter[str] = field(default_factory=Counter)
    media: Counter[str] = field(default_factory=Counter)
    reported_in_quote: int = 0

    def add(self, cue: Cue) -> None:
        if cue.type is None:
            self.gepade += 1
            return
        self.wikinews += 1
        self.types[cue.type] += 1
        if cue.medium in MEDIA:  # a few annotations have "none"
            self.media[cue.medium] += 1

    def add_reported(self, cue: Cue) -> None:
        """Count a Reported quote whose span contains the entry (its cue is rarely annotated)."""
        self.reported_in_quote += 1
        if cue.medium in MEDIA:
            self.media[cue.medium] += 1


@lru_cache(maxsize=1)
def _tagger():  # noqa: ANN202 - HanTa has no type stubs
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def tag(words: list[str]) -> list[Tok]:
    """POS-tag and lemmatise one sentence with HanTa."""
    return [tuple(t) for t in _tagger().tag_sent(words)]


@lru_cache(maxsize=None)
def morphemes(word: str) -> tuple[tuple[str, str], ...]:
    """HanTa's morpheme segmentation of a word, e.g. mitteilen -> (mit PTKVZ_SEP, teil VV, en)."""
    return tuple(_tagger().analyze(word, taglevel=3)[1])


def _sentences(document: GoldDocument) -> list[list[int]]:
    """The corpus token positions of each sentence of a document."""
    result, position = [], 0
    for sentence in document.sentences:
        result.append(list(range(position, position + len(sentence))))
        position += len(sentence)
    return result


def _words(document: GoldDocument) -> list[str]:
    """The corpus tokens of a document, as text."""
    return [document.text[start:end] for start, end in document.tokens]


# The readers give an annotation's token positions sorted; the corpora list them in the order they
# were annotated ("getroffen Entscheidung"), and the mining depends on it (the first verb of a cue,
# the words after its last token), so the order comes from the corpus record the reader keeps.

def _wikinews_order(native: dict, part: str) -> list[int]:
    """The token positions of ``part`` of a WIKINEWS annotation, in the corpus's order."""
    return list(native[part]["tokenIds"])


def _gepade_order(native: dict, label: str, document: GoldDocument, sentences: list[list[int]]) -> list[int]:
    """The token positions of ``label`` of a GePaDe annotation ("sentence:token" ids), in the corpus's order."""
    first = {s["SentenceId"]: ids[0] if ids else 0 for s, ids in zip(document.native["Sentences"], sentences)}
    return [first[sid] + k for sid, k in (map(int, ref.split(":")) for ref in native.get(label, []))]


def read_wikinews(root: Path) -> Iterator[Cue]:
    """Yield the cues (with type, medium and speaker span) of WIKINEWS train documents."""
    for document in read_corpus("wikinews", "train", path=root, strict=True):
        words, sentences = _words(document), _sentences(document)
        tagged: dict[int, Tok] = {}
        position: dict[int, tuple[int, int]] = {}

        def ensure(tid: int) -> None:
            if tid in tagged:
                return
            sid = document.sentence_of(tid)
            ids = sentences[sid]
            for k, (i, t) in enumerate(zip(ids, tag([words[i] for i in ids]))):
                tagged[i], position[i] = t, (sid, k)

        for ann, native in zip(document.annotations, document.native["annotations"]):
            ids, speaker_ids = _wikinews_order(native, "cue"), _wikinews_order(native, "speaker")
            # Reported speech keeps its verb inside the quote span ("forderte höhere Löhne").
            quote_ids = _wikinews_order(native, "quote") if ann.type == "Reported" else []
            for tid in ids + speaker_ids + quote_ids:
                ensure(tid)
            following: list[Tok] = []
            if ids:
                sid, k = position[ids[-1]]
                following = [tagged[i] for i in sentences[sid][k + 1 :]]
            speaker = [tagged[i] for i in speaker_ids]
            yield Cue([tagged[i] for i in ids], following, speaker, type=ann.type,
                      medium=ann.medium, quote=[tagged[i] for i in quote_ids])


def unquoted_verbs(root: Path) -> Counter[str]:
    """For each full verb, the WIKINEWS train sentences outside every annotated quote that contain
    it: with ``reported`` it estimates how often the verb's sentence is Reported speech."""
    counts: Counter[str] = Counter()
    for document in read_corpus("wikinews", "train", path=root, strict=True):
        words = _words(document)
        quoted = {tid for ann in document.annotations for tid in ann.parts["quote"]}
        for ids in _sentences(document):
            if any(tid in quoted for tid in ids):
                continue
            counts.update(full_verbs(tag([words[tid] for tid in ids])))
    return counts


def read_gepade(root: Path) -> Iterator[Cue]:
    """Yield the cues of GePaDe train speeches (no type or medium labels there)."""
    for document in read_corpus("spkatt", "train", path=root, strict=True):
        words, sentences = _words(document), _sentences(document)
        tagged: dict[int, list[Tok]] = {}

        def get(tid: int) -> tuple[list[Tok], int]:
            sid = document.sentence_of(tid)
            if sid not in tagged:
                tagged[sid] = tag([words[i] for i in sentences[sid]])
            return tagged[sid], tid - sentences[sid][0]

        for native in document.native["Annotations"]:
            cue = [get(tid) for tid in _gepade_order(native, "Cue", document, sentences)]
            particles = [s[k][0].lower() for s, k in map(get, _gepade_order(native, "PTC", document, sentences))]
            following = cue[-1][0][cue[-1][1] + 1 :] if cue else []
            speaker = [s[k] for s, k in map(get, _gepade_order(native, "Source", document, sentences))]
            yield Cue([s[k] for s, k in cue], following, speaker, particles)


def separable_particle(lemma: str) -> str:
    """The separable particle of an infinitive by HanTa's morphology ("ankündigen" -> "an")."""
    for adj in ADJ_PARTICLES:
        if lemma.startswith(adj) and len(lemma) > len(adj) + 3:
            return adj
    segments = morphemes(lemma)
    return segments[0][0] if segments and segments[0][1] == "PTKVZ_SEP" else ""


def recase(text: str, lemma: str) -> str:
    """Give a lemma the capitals of its token; HanTa lowercases after hyphens ("Cdu-chef")."""
    n = len(text) if lemma.lower().startswith(text.lower()) else len(lemma)
    common = next((i for i, (a, b) in enumerate(zip(text[:n].lower(), lemma)) if a != b.lower()), n)
    return text[:common] + lemma[common:]


def noun_head(lemma: str) -> str:
    """The last noun of a compound, capitalised ("Polizeiangabe", "Uno-Angabe" -> "Angabe")."""
    if "-" in lemma:
        return lemma.rsplit("-", 1)[1].capitalize()
    nouns = [m for m, t in morphemes(lemma) if t == "NN"]
    return nouns[-1].capitalize() if len(nouns) > 1 else lemma


def cue_verb(cue: Cue) -> tuple[str, str] | None:
    """(infinitive incl. particle, particle) of a verbal cue, or None for non-verbal cues."""
    verbs = [t for t in cue.tokens if t[2].startswith("VV") and t[1] not in LIGHT_VERBS]
    if not verbs:
        return None
    lemma = verbs[0][1]
    separated = [t[1].lower() for t in cue.tokens if t[2] == "PTKVZ"] + cue.particles
    separated += [t[1] for t in cue.tokens if t[2].startswith("ADJ(D)") and t[1] in ADJ_PARTICLES]
    if separated and not lemma.startswith(separated[0]):
        return separated[0] + lemma, separated[0]
    return lemma, separable_particle(lemma)


def full_verbs(tokens: list[Tok]) -> set[str]:
    """Infinitives of the full verbs among tagged tokens (particle joined when unambiguous)."""
    particles = [t[1].lower() for t in tokens if t[2] == "PTKVZ"]
    lemmas = set()
    for _, lemma, pos in tokens:
        if pos.startswith("VV"):
            joined = len(particles) == 1 and pos == "VV(FIN)"
            lemmas.add(particles[0] + lemma if joined else lemma)
    return lemmas


def cue_words_of(cue: Cue, verb: str | None) -> Iterator[tuple[str, str]]:
    """(word, kind) pairs for the non-verbal parts of a cue."""
    lemmas = [t[1] for t in cue.tokens]
    if verb and "es" in lemmas:
        yield f"{verb} es", "phrase"
    if verb and lemmas and lemmas[0] == "wie":
        yield f"wie {verb}", "phrase"
    for text, lemma, pos in cue.tokens:
        if pos == "NN":
            yield noun_head(lemma), "noun"
        elif verb is None and pos == "APPR":
            yield lemma.lower(), "preposition"
        elif verb is None and pos == "APPO":
            yield lemma.lower(), "postposition"
        elif verb is None and pos in ("ADV", "PROAV", "PWAV") and len(cue.tokens) == 1:
            yield lemma.lower(), "adverb"
    if verb is None and len(cue.tokens) == 1 and cue.tokens[0][1].lower() in CUE_PREPOSITIONS:
        for text, lemma, pos in cue.following[:4]:  # "nach eigenen Angaben"
            if pos == "NN":
                yield noun_head(lemma), "noun"
            if not pos.startswith(NOUN_PREMODIFIERS):
                break


def medium_of(media: Counter[str]) -> str:
    """Majority medium; two pure media close to each other (ratio ≥ 1/2) give the mixed label.

    Mixed labels count half for each of their parts, e.g. SW = 0.5 Speech + 0.5 Writing.
    """
    parts = {"SW": ("Speech", "Writing"), "ST": ("Speech", "Thought"), "TW": ("Thought", "Writing")}
    score: Counter[str] = Counter()
    for label, n in media.items():
        for part in parts.get(label, (label,)):
            score[part] += n / len(parts.get(label, (label,)))
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], MEDIA.index(kv[0])))
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] / 2:
        pair = {ranked[0][0], ranked[1][0]}
        return next(label for label, p in parts.items() if set(p) == pair)
    return ranked[0][0] if ranked else "SW"


def role_rows(speakers: Iterable[list[Tok]]) -> list[tuple[str, str, int, int, str]]:
    """Curated role nouns with their speaker-span counts, plus mined compounds of their heads."""
    counts: Counter[str] = Counter()
    for span in speakers:
        for text, lemma, pos in span:
            if pos in ("NN", "NNA") and lemma[:1].isupper():
                counts[recase(text, lemma)] += 1
    curated = {noun: (gender, head) for noun, gender, head in CURATED_ROLES}
    heads = sorted((n.lower() for n, (_, h) in curated.items() if h), key=len, reverse=True)
    rows = [(n, g, h, counts[n], "curated") for n, (g, h) in curated.items()]
    for noun, n in counts.items():
        low = noun.lower()
        head = next((h for h in heads if low.endswith(h) and len(low) - len(h) >= 3), None)
        if noun in curated or head is None or n < MIN_COUNT:
            continue
        base = next(c for c in curated if c.lower() == head)
        rows.append((noun, curated[base][0], 0, n, "mined"))
    return sorted(rows)


def write_tsv(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> int:
    """Write rows as a TSV file with a header; returns the number of rows."""
    rows = list(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
    return len(rows)


def tagged_sentences(corpora: Path, ud: Path) -> Iterator[convert.Sentence]:
    """Part-of-speech tagged sentences: Redewiedergabe main (STTS mapped to UPOS) and the UD
    German treebanks, without the held-out half of GSD test."""
    yield from convert.read_redewiedergabe(str(corpora / "redewiedergabe/data/main/tsv"))
    for path in sorted(ud.glob("*/*.conllu")):
        sentences = convert.read_conllu(str(path))
        if path.name.endswith("gsd-ud-test.conllu"):
            sentences, _ = convert.split_heldout(sentences)
        yield from sentences


def function_word_rows(sentences: Iterable[convert.Sentence]) -> list[tuple[str, str, int]]:
    """(form, class, count) for lowercased forms that are (almost) never nominal: "gestern",
    "angesichts", "tatsächlich". A capitalised one opening a sentence is no noun phrase."""
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for row in sentence.words():
            classes[row[1].lower()][row[3]] += 1
    rows = []
    for form, seen in sorted(classes.items()):
        total = sum(seen.values())
        upos = seen.most_common(1)[0][0]
        nominal = sum(n for tag, n in seen.items() if tag in NOMINAL_CLASSES)
        if total >= MIN_FUNCTION_COUNT and form.isalpha() and upos in FUNCTION_CLASSES and nominal <= MAX_NOMINAL_SHARE * total:
            rows.append((form, upos, total))
    return rows


def mine(corpora: Path, out: Path, ud: Path) -> dict[str, int]:
    """Mine all four lexicons; returns the number of rows written per file."""
    verbs: dict[str, Tally] = defaultdict(Tally)
    particle: dict[str, str] = {}
    words: dict[tuple[str, str], Tally] = defaultdict(Tally)
    reported: dict[str, Tally] = defaultdict(Tally)
    cues = list(read_wikinews(corpora / catalog.corpus("wikinews").folder))
    unquoted = unquoted_verbs(corpora / catalog.corpus("wikinews").folder)
    cues += read_gepade(corpora / catalog.corpus("spkatt").folder)
    for cue in cues:
        parsed = cue_verb(cue)
        verb = parsed[0] if parsed else None
        if parsed and verb not in VERB_NOISE:
            verbs[verb].add(cue)
            particle.setdefault(verb, parsed[1])
        if not parsed:
            for lemma in full_verbs(cue.quote):  # the verbs inside a Reported quote
                reported[lemma].add_reported(cue)
        for key in set(cue_words_of(cue, verb)):
            if key[0] not in WORD_NOISE:
                words[key].add(cue)

    def keep(lemma: str, t: Tally) -> bool:
        return t.wikinews >= MIN_COUNT or (t.gepade >= MIN_GEPADE and lemma in MEDIUM_BY_HAND)

    verb_rows = []
    for lemma in sorted(set(verbs) | set(CURATED_VERBS)):
        t = verbs.get(lemma, Tally())
        mined = keep(lemma, t)
        t.media.update(reported[lemma].media)
        if not mined and lemma not in CURATED_VERBS:
            continue
        medium = MEDIUM_BY_HAND.get(lemma) or (medium_of(t.media) if t.media else CURATED_VERBS[lemma])
        indirect = t.types["Indirect"] + t.types["IndirectFreeIndirect"]
        verb_rows.append((lemma, particle.get(lemma) or separable_particle(lemma), medium,
                          t.types["Direct"], indirect, t.types["Reported"] + reported[lemma].reported_in_quote,
                          unquoted[lemma], t.wikinews + t.gepade, "mined" if mined else "curated"))
    word_rows = []
    for key in sorted(set(words) | set(CURATED_WORDS)):
        t = words.get(key, Tally())
        mined = t.wikinews >= MIN_COUNT
        if not mined and key not in CURATED_WORDS:
            continue
        medium = medium_of(t.media) if mined and t.media else CURATED_WORDS[key]
        word_rows.append((*key, medium, t.wikinews + t.gepade, "mined" if mined else "curated"))
    return {
        "cue_verbs.tsv": write_tsv(out / "cue_verbs.tsv", ["lemma", "particle", "medium", "direct",
                                   "indirect", "reported", "unquoted", "count", "source"], verb_rows),
        "cue_words.tsv": write_tsv(out / "cue_words.tsv",
                                   ["word", "kind", "medium", "count", "source"], word_rows),
        "role_nouns.tsv": write_tsv(out / "role_nouns.tsv", ["noun", "gender", "compound_head",
                                    "count", "source"], role_rows(c.speaker for c in cues)),
        "function_words.tsv": write_tsv(out / "function_words.tsv", ["word", "upos", "count"],
                                        function_word_rows(tagged_sentences(corpora, ud))),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder with the corpora")
    parser.add_argument("--ud", type=Path, help="folder with the UD German treebanks (default: ud-german next to --corpora)")
    parser.add_argument("--out", type=Path, default=LEXICON, help="output folder (default: quotes/lexicon)")
    args = parser.parse_args(argv)
    for name, n in mine(args.corpora, args.out, args.ud or args.corpora.parent / "ud-german").items():
        print(f"{name}: {n} entries")


if __name__ == "__main__":
    main()
