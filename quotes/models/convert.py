"""Data conversion helpers for training the compact German stanza pipeline.

Everything here is pure Python on plain files:

* CoNLL-U reading/writing and the fixed held-out split of a treebank file;
* tokenizer training data (stanza's character-level label format) from CoNLL-U
  and from the wikinews-quotes-2024 JSON articles (gold tokens and sentences);
* Redewiedergabe TSV (STTS tags, lemmas, RFTagger morphology) to CoNLL-U
  without trees, for the tagger and the lemmatizer.

Stanza's tokenizer labels, one digit per character of the raw text:
0 inside a token or whitespace, 1 end of token, 2 end of token and sentence,
3 end of a multi-word token (MWT), 4 end of an MWT and of a sentence.
Paragraphs are separated by a blank line in both the text and the label file.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

# ---------------------------------------------------------------------------
# CoNLL-U


@dataclass
class Sentence:
    """One CoNLL-U sentence: comment lines and token rows (10 columns each)."""

    comments: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def sent_id(self) -> str | None:
        for line in self.comments:
            if line.startswith("# sent_id"):
                return line.split("=", 1)[1].strip()
        return None

    def starts_paragraph(self) -> bool:
        return any(c.startswith(("# newdoc", "# newpar")) for c in self.comments)

    def words(self) -> list[list[str]]:
        """Syntactic words (no MWT range rows, no empty nodes)."""
        return [r for r in self.rows if r[0].isdigit()]

    def tokens(self) -> list[tuple[str, bool, bool]]:
        """Surface tokens as (form, is_mwt, space_after)."""
        out = []
        mwt_end = 0
        for row in self.rows:
            if "-" in row[0]:
                start, end = (int(x) for x in row[0].split("-"))
                mwt_end = end
                out.append((row[1], True, "SpaceAfter=No" not in row[9]))
            elif "." in row[0]:
                continue
            elif int(row[0]) > mwt_end:
                out.append((row[1], False, "SpaceAfter=No" not in row[9]))
        return out

    def text(self) -> str:
        parts = []
        for form, _, space in self.tokens():
            parts.append(form + (" " if space else ""))
        return "".join(parts).strip()

    def to_string(self) -> str:
        lines = list(self.comments) + ["\t".join(r) for r in self.rows]
        return "\n".join(lines) + "\n\n"


def read_conllu(path: str) -> list[Sentence]:
    sentences = []
    current = Sentence()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if current.rows:
                    sentences.append(current)
                current = Sentence()
            elif line.startswith("#"):
                current.comments.append(line)
            else:
                cols = line.split("\t")
                if len(cols) != 10:
                    raise ValueError(f"{path}: bad CoNLL-U row {line!r}")
                current.rows.append(cols)
    if current.rows:
        sentences.append(current)
    return sentences


def write_conllu(sentences: Iterable[Sentence], path: str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.write(s.to_string())
            n += 1
    return n


def split_heldout(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Split a treebank file into (trainable first half, held-out second half).

    The held-out part is the second half of the file in file order:
    sentences with 0-based index >= n // 2, i.e. for GSD test (977 sentences)
    test-s489 ... test-s977 (489 sentences).  It must never be used for
    training or model selection.
    """
    cut = len(sentences) // 2
    return sentences[:cut], sentences[cut:]


def strip_xpos(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Copy of the sentences with XPOS blanked (for a treebank with a foreign XPOS tagset)."""
    out = []
    for s in sentences:
        rows = [r[:4] + ["_"] + r[5:] if r[0].isdigit() else list(r) for r in s.rows]
        out.append(Sentence(list(s.comments), rows))
    return out


def mood_lexicon(sentences: Iterable[Sentence], min_count: int = 5, min_share: float = 0.9) -> list[str]:
    """Lower-cased finite verb forms that are subjunctive (Mood=Sub) in at least ``min_share``
    of their at least ``min_count`` occurrences (sei, wäre, hätte, könne, würde, ...).

    A form spelt with ß is also listed with ss (historical spelling in Redewiedergabe).
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        for r in s.words():
            if "VerbForm=Fin" in r[5]:
                mood = next((f[5:] for f in r[5].split("|") if f.startswith("Mood=")), "_")
                counts[r[1].lower()][mood] += 1
    forms = {
        form for form, c in counts.items()
        if sum(c.values()) >= min_count and c["Sub"] >= min_share * sum(c.values())
    }
    return sorted(forms | {f.replace("ß", "ss") for f in forms})


# ---------------------------------------------------------------------------
# Tokenizer training data

CLOSING_QUOTES = {"“", "«", "‘", "›"}


@dataclass
class TokenizerData:
    """Accumulates paragraphs of raw text with their character labels."""

    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    mwts: Counter = field(default_factory=Counter)

    def add_paragraph(self, text: str, labels: str) -> None:
        assert len(text) == len(labels), (text, labels)
        text = text.replace("\n", " ")
        if text.strip():
            self.paragraphs.append((text, labels))

    def write(self, txt_path: str, label_path: str, mwt_path: str | None = None) -> None:
        with open(txt_path, "w", encoding="utf-8") as ft, open(label_path, "w", encoding="utf-8") as fl:
            for text, labels in self.paragraphs:
                ft.write(text + "\n\n")
                fl.write(labels + "\n\n")
        if mwt_path:
            with open(mwt_path, "w", encoding="utf-8") as f:
                json.dump([[[k[0], list(k[1])], v] for k, v in self.mwts.items()], f, ensure_ascii=False)


def _sentence_text_labels(tokens: list[tuple[str, bool, bool]]) -> tuple[str, str]:
    text, labels = [], []
    for i, (form, is_mwt, space) in enumerate(tokens):
        last = i == len(tokens) - 1
        end = (3 if is_mwt else 1) + (1 if last else 0)
        text.append(form)
        labels.append("0" * (len(form) - 1) + str(end))
        if space and not last:
            text.append(" ")
            labels.append("0")
    return "".join(text), "".join(labels)


def add_conllu_tokenizer_data(data: TokenizerData, sentences: list[Sentence], max_par: int = 8) -> None:
    """Add treebank sentences, grouped into paragraphs (newdoc/newpar or at most max_par sentences)."""
    para_t: list[str] = []
    para_l: list[str] = []

    def flush():
        if para_t:
            data.add_paragraph(" ".join(para_t), "0".join(para_l))
            para_t.clear()
            para_l.clear()

    for s in sentences:
        if s.starts_paragraph() or len(para_t) >= max_par:
            flush()
        t, l = _sentence_text_labels(s.tokens())
        para_t.append(t)
        para_l.append(l)
        words = iter(s.rows)
        for row in words:
            if "-" in row[0]:
                start, end = (int(x) for x in row[0].split("-"))
                parts = [next(words)[1].lower() for _ in range(end - start + 1)]
                data.mwts[(row[1], tuple(parts))] += 1
    flush()


# German preposition+article contractions that UD German (GSD, PUD) splits into two words.
CONTRACTIONS = {
    "am": ("an", "dem"), "ans": ("an", "das"), "aufs": ("auf", "das"), "beim": ("bei", "dem"),
    "durchs": ("durch", "das"), "fürs": ("für", "das"), "hinterm": ("hinter", "dem"),
    "im": ("in", "dem"), "ins": ("in", "das"), "übers": ("über", "das"), "überm": ("über", "dem"),
    "ums": ("um", "das"), "unterm": ("unter", "dem"), "vom": ("von", "dem"), "vorm": ("vor", "dem"),
    "vors": ("vor", "das"), "zum": ("zu", "dem"), "zur": ("zu", "der"),
}


def _fix_closing_quotes(sent_of_token: list[int], texts: list[str], begins: list[int], ends: list[int]) -> None:
    """Move a closing quote that starts a sentence but is glued to the previous token back to that sentence."""
    for i in range(1, len(texts)):
        if (
            sent_of_token[i] != sent_of_token[i - 1]
            and texts[i] in CLOSING_QUOTES
            and begins[i] == ends[i - 1]
        ):
            old = sent_of_token[i]
            j = i
            # the quote (and any further glued closing punctuation) joins the previous sentence
            while j < len(texts) and sent_of_token[j] == old and (j == i or (texts[j] in CLOSING_QUOTES and begins[j] == ends[j - 1])):
                sent_of_token[j] = sent_of_token[i - 1]
                j += 1


_HYPHENATED = re.compile(r"-|[^-]+")
_ASCII_QUOTES = {"„": "``", "“": "''"}


def _split_hyphens(texts: list[str], begins: list[int], sents: list[int]) -> tuple[list[str], list[int], list[int]]:
    """Split hyphenated words (SPD-Abgeordneten, Staats-) at the hyphens, as UD German GSD/PUD do.

    Number ranges such as 2013-2014 stay one token.
    """
    out_t, out_b, out_s = [], [], []
    for text, begin, sent in zip(texts, begins, sents):
        if "-" in text and len(text) > 1 and re.search(r"[^\W\d_]", text):
            for m in _HYPHENATED.finditer(text):
                out_t.append(m.group(0))
                out_b.append(begin + m.start())
                out_s.append(sent)
        else:
            out_t.append(text)
            out_b.append(begin)
            out_s.append(sent)
    return out_t, out_b, out_s


def _ascii_quotes(text: str, texts: list[str], begins: list[int]) -> tuple[str, list[str], list[int]]:
    """Rewrite German quotation marks „ “ as `` '' (the style of part of GSD), shifting the offsets."""
    new_pos, parts, pos = [], [], 0
    for ch in text:
        new_pos.append(pos)
        rep = _ASCII_QUOTES.get(ch, ch)
        parts.append(rep)
        pos += len(rep)
    new_texts = ["".join(_ASCII_QUOTES.get(ch, ch) for ch in t) for t in texts]
    return "".join(parts), new_texts, [new_pos[b] for b in begins]


def add_wikinews_tokenizer_data(
    data: TokenizerData,
    directory: str,
    mwts: dict[str, tuple[str, ...]] = CONTRACTIONS,
    ascii_quote_every: int = 4,
) -> int:
    """Add the wikinews-quotes-2024 articles of one split directory (gold tokens and sentences).

    The gold tokens are adapted to UD German conventions: tokens whose
    lower-cased form is in ``mwts`` (contractions such as zum, im, am) are
    labelled as MWTs, hyphenated words are split at the hyphens, and a closing
    quotation mark that the gold data put at the start of the next sentence is
    moved back to the sentence it closes.  Every ``ascii_quote_every``-th
    article (in file order) is rewritten with `` '' quotes instead of „ “.
    Paragraphs follow blank lines in ``originalText``; a paragraph end always
    ends a sentence.
    """
    n_docs = 0
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        doc = json.load(open(path, encoding="utf-8"))
        text = doc["originalText"]
        toks = sorted(doc["tokens"], key=lambda t: t["charBegin"])
        if not toks:
            continue
        texts = [t["text"] for t in toks]
        begins = [t["charBegin"] for t in toks]
        ends = [t["charEnd"] for t in toks]
        sents = [t["sentence"] for t in toks]
        for t, b, e in zip(texts, begins, ends):
            if text[b:e] != t or e <= b:
                raise ValueError(f"{path}: token {t!r} at {b}-{e} does not match the text")
        _fix_closing_quotes(sents, texts, begins, ends)
        texts, begins, sents = _split_hyphens(texts, begins, sents)
        if ascii_quote_every and n_docs % ascii_quote_every == ascii_quote_every - 1:
            text, texts, begins = _ascii_quotes(text, texts, begins)
        n_docs += 1
        ends = [b + len(t) for t, b in zip(texts, begins)]
        labels = ["0"] * len(text)
        for i, form in enumerate(texts):
            is_mwt = form.lower() in mwts
            sent_end = i == len(texts) - 1 or sents[i + 1] != sents[i]
            if not sent_end and re.search(r"\n\s*\n", text[ends[i] : begins[i + 1]]):
                sent_end = True
            labels[ends[i] - 1] = str((3 if is_mwt else 1) + (1 if sent_end else 0))
            if is_mwt:
                data.mwts[(form, mwts[form.lower()])] += 1
        for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
            data.add_paragraph(m.group(0), "".join(labels[m.start() : m.end()]))
    return n_docs


# ---------------------------------------------------------------------------
# Redewiedergabe (STTS + RFTagger morphology) -> CoNLL-U without trees

STTS_TO_UPOS = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOUI": "SCONJ",
    "KOUS": "SCONJ", "KON": "CCONJ", "KOKOM": "CCONJ", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON",
    "PDAT": "DET", "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON", "PPOSS": "PRON",
    "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "DET", "PRF": "PRON", "PWS": "PRON", "PWAT": "DET",
    "PWAV": "ADV", "PAV": "ADV", "PROAV": "ADV", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP",
    "PTKANT": "PART", "PTKA": "PART", "TRUNC": "X", "VVFIN": "VERB", "VVIMP": "VERB",
    "VVINF": "VERB", "VVIZU": "VERB", "VVPP": "VERB", "VAFIN": "AUX", "VAIMP": "AUX",
    "VAINF": "AUX", "VAPP": "AUX", "VMFIN": "AUX", "VMINF": "AUX", "VMPP": "AUX", "XY": "X",
    "$,": "PUNCT", "$.": "PUNCT", "$(": "PUNCT",
}

_RF_CASE = {"Nom": "Nom", "Gen": "Gen", "Dat": "Dat", "Acc": "Acc"}
_RF_NUM = {"Sg": "Sing", "Pl": "Plur"}
_RF_GEN = {"Masc": "Masc", "Fem": "Fem", "Neut": "Neut"}
_RF_MOOD = {"Ind": "Ind", "Subj": "Sub", "Imp": "Imp"}
_RF_TENSE = {"Pres": "Pres", "Past": "Past"}
_RF_DEGREE = {"Pos": "Pos", "Comp": "Cmp", "Sup": "Sup"}


def rftagger_to_feats(rfpos: str, stts: str) -> str:
    """Map an RFTagger tag (e.g. ``VFIN.Full.3.Sg.Pres.Subj``) to UD FEATS in GSD style."""
    parts = rfpos.split(".") if STTS_TO_UPOS[stts] in _INFLECTED_UPOS else []
    finite = stts.endswith(("FIN", "IMP"))
    feats: dict[str, str] = {}
    for p in parts[1:]:
        if p in _RF_CASE:
            feats["Case"] = _RF_CASE[p]
        elif p in _RF_NUM:
            feats["Number"] = _RF_NUM[p]
        elif p in _RF_GEN:
            feats["Gender"] = _RF_GEN[p]
        elif p in _RF_MOOD and finite:
            feats["Mood"] = _RF_MOOD[p]
        elif p in _RF_TENSE and finite:
            feats["Tense"] = _RF_TENSE[p]
        elif p in ("1", "2", "3") and (finite or stts in ("PPER", "PRF")):
            feats["Person"] = p
        elif p in _RF_DEGREE and stts in ("ADJA", "ADJD"):
            feats["Degree"] = _RF_DEGREE[p]
    if finite:
        feats["VerbForm"] = "Fin"
        if stts.endswith("IMP"):
            feats["Mood"] = "Imp"
    elif stts.endswith(("INF", "IZU")):
        feats["VerbForm"] = "Inf"
    elif stts.endswith("PP"):
        feats["VerbForm"] = "Part"
    if stts in ("ART", "APPRART"):
        feats["PronType"] = "Art"
        feats["Definite"] = "Ind" if "Indef" in parts else "Def"
    feats.update(_STTS_FEATS.get(stts, {}))
    if not feats:
        return "_"
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


_INFLECTED_UPOS = {"NOUN", "PROPN", "ADJ", "DET", "PRON", "VERB", "AUX", "ADP"}

_STTS_FEATS = {
    "PPER": {"PronType": "Prs"}, "PRF": {"PronType": "Prs", "Reflex": "Yes"},
    "PPOSAT": {"Poss": "Yes", "PronType": "Prs"}, "PPOSS": {"Poss": "Yes", "PronType": "Prs"},
    "PDAT": {"PronType": "Dem"}, "PDS": {"PronType": "Dem"}, "PRELS": {"PronType": "Rel"},
    "PRELAT": {"PronType": "Rel"}, "PWS": {"PronType": "Int"}, "PWAT": {"PronType": "Int"},
    "PWAV": {"PronType": "Int"}, "PTKNEG": {"Polarity": "Neg"}, "CARD": {"NumType": "Card"},
}


def read_redewiedergabe(directory: str) -> Iterator[Sentence]:
    """Yield the sentences of all Redewiedergabe TSV files (tokens, STTS, lemma, feats; no trees).

    Sentences are cut at ``sentstart == yes``; a sentence with a token that has
    no known STTS tag, or a finite verb without a mood, is skipped.
    Contractions tagged APPRART (im, zum, ...) become a multi-word token of
    preposition + article, as in UD German.  The dependency columns hold a flat
    placeholder (every word attached to the first, relation ``dep``): the
    tagger and lemmatizer ignore them.
    """
    for path in sorted(glob.glob(os.path.join(directory, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if "rfpos" not in (reader.fieldnames or []):
                continue
            words: list[tuple[str, str, str, str]] = []
            for rec in reader:
                if rec["sentstart"] == "yes" and words:
                    yield from _rw_sentence(words)
                    words = []
                tok = (rec["tok"] or "").strip()
                if tok:
                    words.append((tok, rec["lemma"] or "", rec["pos"] or "", rec["rfpos"] or ""))
            if words:
                yield from _rw_sentence(words)


def _rw_sentence(words: list[tuple[str, str, str, str]]) -> Iterator[Sentence]:
    rows: list[list[str]] = []

    def add(form: str, lemma: str, upos: str, stts: str, feats: str) -> None:
        i = sum(1 for r in rows if r[0].isdigit()) + 1
        rows.append([str(i), form, lemma, upos, stts, feats,
                     "0" if i == 1 else "1", "root" if i == 1 else "dep", "_", "_"])

    for tok, lemma, stts, rfpos in words:
        stts = "PROAV" if stts == "PAV" else ("FM" if stts.startswith("FM") else stts)
        if stts not in STTS_TO_UPOS or " " in tok:
            return
        if lemma in ("", "--", "<unknown>", "&quot;"):
            lemma = tok
        if stts == "APPRART" and tok.lower() in CONTRACTIONS:
            prep, art = CONTRACTIONS[tok.lower()]
            n = sum(1 for r in rows if r[0].isdigit())
            rows.append([f"{n + 1}-{n + 2}", tok] + ["_"] * 8)
            add(prep if tok[0].islower() else prep.capitalize(), prep, "ADP", "APPR", "_")
            add(art, "der", "DET", "ART", rftagger_to_feats(rfpos, "APPRART"))
            continue
        upos = STTS_TO_UPOS[stts]
        if stts.startswith("VA") and lemma not in ("sein", "haben", "werden"):
            upos = "VERB"
        feats = rftagger_to_feats(rfpos, stts)
        if "VerbForm=Fin" in feats and "Mood=" not in feats:
            return  # RFTagger and STTS disagree: no reliable Mood for this finite verb
        add(tok, lemma, upos, stts, feats)
    if 1 < len(rows) <= 120:
        yield Sentence([], rows)
