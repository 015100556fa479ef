"""Gender evidence: a speaker's gender only where the text shows it.

Three kinds of evidence, each a mention with exact offsets: a pronoun that refers to the speaker
("er sagte", singular "sie sagte"), a role noun that marks its gender ("Ministerin", "Sprecher";
"die Vorsitzende" by its article), and a title before a name ("Frau Roth", "Herr Koch"). Never a
first name: "Angela" says nothing here. Plural mentions give no evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..document import Word
from ..german.words import GENDER_TITLES
from .roles import Phrase, is_name_word

GENDER_OF = {"Fem": "female", "Masc": "male"}
"""The lexicon's and the pronoun table's grammatical genders as speaker genders."""


@dataclass(frozen=True)
class Evidence:
    """A gender and the character offsets of the words that show it."""

    gender: str
    start: int
    end: int


def of_pronoun(word: Word, number: str | None) -> Evidence | None:
    """"er" is male; "sie" is female when its verb is singular ("sie sagte", not "sie sagten")."""
    form = word.text.lower()
    if form == "er" or (form == "sie" and number == "Sing"):
        return Evidence("male" if form == "er" else "female", word.start, word.end)
    return None


def of_phrase(words: Sequence[Word], phrase: Phrase, number: str | None) -> Evidence | None:
    """The evidence inside a speaker noun phrase: a title before a name, else its role noun's
    gender, else an adjectival role noun's article ("der Vorsitzende", "die Abgeordnete")."""
    for word, following in zip(words, words[1:]):
        gender = GENDER_TITLES.get(word.text.lower())
        if gender is not None and word.text[:1].isupper() and is_name_word(following):
            return Evidence(gender, word.start, word.end)
    noun_word, noun = phrase.noun_word, phrase.noun
    if noun_word is None or noun is None or number == "Plur" or (number is None and noun_word.feat("Number") == "Plur"):
        return None
    article = phrase.article.text.lower() if phrase.article is not None else None
    if noun.gender in GENDER_OF:
        if noun.gender == "Masc" and article in ("die", "den"):
            return None  # "die Richter": a masculine noun after "die" is plural
        return Evidence(GENDER_OF[noun.gender], noun_word.start, noun_word.end)
    if not noun.gender and article in ("der", "die") and noun_word.text.endswith("e") and words[0] is phrase.article:
        return Evidence("male" if article == "der" else "female", phrase.article.start, noun_word.end)
    return None
