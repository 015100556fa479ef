"""German closed-class words the rules and attribution ask about, each list defined once.

Open-class, corpus-tuned lists (cue verbs, role nouns, source nouns …) are lexicon data: see
:mod:`quotes.lexicon`.
"""

from __future__ import annotations

# --- Articles and determiners ---------------------------------------------------------------------

# Definite articles in every case and gender.
DEFINITE_ARTICLES = frozenset("der die das den dem des".split())

# Indefinite and negative articles: a phrase they open names no one known.
INDEFINITE_ARTICLES = frozenset("ein eine einen einem einer eines kein keine keinen keinem keiner".split())

# "keine Perspektive", "kein Politiker": a phrase these open names no one who spoke.
NEGATIVE_DETERMINERS = frozenset("kein keine keinen keinem keiner keines".split())

# Determiners a phrase may open with; all but the indefinite ones point at someone known.
ARTICLES = INDEFINITE_ARTICLES | DEFINITE_ARTICLES | frozenset(
    "sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer "
    "unser unsere unserem unseren dieser diese diesem diesen".split()
)

# Articles of a genitive attribute ("der Chef des Verbands"): they continue a noun phrase.
GENITIVE_ARTICLES = frozenset("des der eines einer".split())

# Articles that never open a nominative phrase: a phrase starting with one is no subject
# ("Der Zeitung sagte Filep Karma" — "der" before a feminine noun is dative or genitive).
OBLIQUE_ARTICLES = frozenset(
    "dem den des einem einen eines seinem seinen seines ihrem ihren ihres unserem unseren deren dessen".split()
)

# Articles that are dative or genitive before a feminine noun.
FEMININE_ARTICLES_OBLIQUE = frozenset("der einer".split())

# Articles of an accusative after "in" (a direction or topic, not a place).
ACCUSATIVE_ARTICLES = frozenset("die das eine einen".split())

# How a dative object starts after the verb ("sagte dem Sender"), and an accusative one.
DATIVE_STARTS = frozenset("dem der den ihm ihr ihnen einem einer".split())

ACCUSATIVE_STARTS = frozenset("den die das ihn sie alle einen eine".split())

# Words that open a new noun phrase after a speaker's head noun (genitive articles des/der/eines/einer do not).
NEW_PHRASE_STARTS = frozenset(
    "das den dem die ein eine einen einem sein seine seinen seinem ihr ihre ihren ihrem unser unsere "
    "diese diesen diesem dieses alle allen beide beiden keine keinen keinem einige mehrere viele".split()
)

# --- Pronouns -------------------------------------------------------------------------------------

# Personal pronouns that may be a speaker phrase (not "es", "man": impersonal).
PRONOUNS = frozenset("er sie ihr ihm ihn wir ich du".split())

# Pronouns that are only nominative: a subject whatever the parse says.
NOMINATIVE_PRONOUNS = frozenset("er ich wir du".split())

# Personal pronouns a speaker may be: the genders they allow and their number (None: the verb decides).
PRONOUN_AGREEMENT: dict[str, tuple[frozenset[str], str | None]] = {
    "er": (frozenset({"Masc"}), "Sing"),
    "ihn": (frozenset({"Masc"}), "Sing"),
    "ihm": (frozenset({"Masc", "Neut"}), "Sing"),
    "es": (frozenset({"Neut"}), "Sing"),
    "ihr": (frozenset({"Fem"}), "Sing"),
    "sie": (frozenset({"Fem"}), None),
    "wir": (frozenset(), "Plur"),
}

# Relative pronouns ("der Verband, der …").
RELATIVE_PRONOUNS = frozenset("der die das den dem deren dessen denen welche welcher welches".split())

# Demonstratives that stand for a person named before when they are the subject of a cue
# ("Diese bestätigte", "Dieser sagte"); neuter "dies", "das" stand for the message.
# English words that open a multi-word title before its role noun ("Chief Executive Officer",
# "General Manager", "Vice President"): capitalised, so the role reader would take them for a name.
TITLE_MODIFIERS = frozenset("chief executive general senior vice managing deputy financial operating technical".split())

# Titles before a name that show the gender of the person ("Frau Roth", "Herrn Koch").
GENDER_TITLES = {"frau": "female", "herr": "male", "herrn": "male"}

# Possessive determiners that stand for a speaker ("seiner Meinung nach", "ihren Angaben zufolge"):
# the genders they allow; "ihr" is also plural.
POSSESSIVE_AGREEMENT: dict[str, frozenset[str]] = {
    **{form: frozenset({"Masc", "Neut"}) for form in "sein seine seinem seinen seiner seines dessen".split()},
    **{form: frozenset({"Fem"}) for form in "ihr ihre ihrem ihren ihrer ihres deren".split()},
}

# "nach eigenen Angaben": the statement is the clause subject's own.
OWN_ADJECTIVES = frozenset("eigene eigenen eigener eigenem".split())

DEMONSTRATIVE_SPEAKERS = frozenset("diese dieser jene jener".split())

# Words that stand for a person named before ("so letztere"); the tagger takes them for adjectives.
ANAPHORIC_SPEAKERS = frozenset("letztere letzterer erstere ersterer dieser jener jene".split())

NO_ONE = frozenset("was keiner keine niemand nichts".split())  # pronouns that name no speaker

# Words the compact model takes for a noun phrase that are never a speaker: sentence adverbs,
# demonstratives standing for the message ("Dies gab X bekannt").
NON_SPEAKER_WORDS = frozenset(
    "das dies dieses diese dieser dem den unterdessen offiziell inzwischen indes derweil zudem außerdem "
    "allerdings jedoch bislang bisher zuletzt zuvor jetzt nun damals".split()
)

# Words an object may be without being an addressee ("sagte das", "fragte sich").
NOT_ADDRESSEES = frozenset("das es dies sich was nichts alles etwas".split())

# Reflexive pronouns that belong to a cue verb ("äußerte sich").
REFLEXIVE_LEMMAS = frozenset({"sich", "mich", "dich", "uns", "euch"})

ANAPHORIC_OPENERS = frozenset({"Dies", "Das", "Dieses"})  # "Dies bestätigte X": the sentence before is the message

# Question words that open an indirect question ("fragte, warum …").
WH_WORDS = frozenset("wie was wer wen wem warum weshalb weswegen wann wo woher wohin wieso welche welcher welches welchen inwiefern".split())

# --- Conjunctions and subordinators ---------------------------------------------------------------

# Complementisers of reported speech ("sagte, dass …", "fragte, ob …").
COMPLEMENTIZERS = frozenset({"dass", "daß", "ob"})

# Subordinators of adverbial clauses (time, cause, concession, condition), not of reported speech.
ADVERBIAL_SUBORDINATORS = frozenset("weil wenn als obwohl nachdem bevor während da falls sobald seit seitdem indem".split())

# Subordinators after which a verb-final clause's subject comes first ("indem sie …").
CLAUSE_SUBORDINATORS = COMPLEMENTIZERS | ADVERBIAL_SUBORDINATORS

# All subordinators: a clause they open is subordinate, whatever it says.
SUBORDINATORS = CLAUSE_SUBORDINATORS | frozenset("damit sodass wie bis ehe sofern soweit wo wobei weshalb warum".split())

# Words after a cue's comma that open something other than what was said.
NOT_COMPLEMENT_OPENERS = frozenset("und aber oder doch denn sondern weil da als nachdem bevor während obwohl wenn falls damit sodass um".split())

# Words that join two noun phrases ("die Ministerin und der Bürgermeister", "A sowie B").
PHRASE_COORDINATORS = frozenset({"und", "sowie"})

# Words after a comma that join a new main clause to the one before ("…, doch der Sprecher erklärte").
CLAUSE_COORDINATORS = frozenset("und aber oder doch denn sondern jedoch während".split())

# Openers of an infinitive clause that can stand between a cue and its complement ("ohne … zu nennen").
INSERTED_INFINITIVE_OPENERS = frozenset("ohne um statt anstatt".split())

# --- Prepositions and adverbs ---------------------------------------------------------------------

NAME_PARTICLES = frozenset("von van de zu".split())  # "Von der Leyen sagte": part of the name

# Prepositions before the place or document that is the source of "heißt es".
SOURCE_PREPOSITIONS = frozenset("in im auf aus bei laut".split())

# Prepositions that link a speaker's noun to its organisation ("Theo Kitz von dem Bankhaus").
LINKING_PREPOSITIONS = frozenset("von aus für".split())

# Prepositions of a place attached to a speaker's noun ("die Mission im Südsudan").
PLACE_PREPOSITIONS = frozenset("in im bei beim".split())

# Prepositions that may link words inside the one phrase before a verb-second verb.
VORFELD_LINKS = frozenset("in im bei beim am an auf zu zur zum".split())

# Words that open a complement of a role noun: "Sprecher des Ministeriums", "Chef von Alibaba".
COMPLEMENT_LINKS = frozenset("des der von vom für im am beim bei in aus zur zum".split())

# Pronominal adverbs between a cue verb and its particle ("wies darauf hin"): part of the cue.
CORRELATES = frozenset("darauf davon dafür darüber daran damit dazu dagegen darin".split())

# Adverbs that stand between a post-frame verb and its subject ("sagte dazu der Minister").
FRAME_ADVERBS = frozenset(
    "dazu weiter außerdem zudem auch ferner gestern heute später damals abschließend bereits schon "
    "jedoch aber noch nun dann daraufhin darauf ebenfalls".split()
)

# Adverbs that may open or close a verbless colon frame ("Dazu X:", "X weiter:").
COLON_FRAME_ADVERBS = frozenset("dazu darauf daraufhin weiter abschließend außerdem zudem ebenso auch".split())

# --- Verbs ----------------------------------------------------------------------------------------

# Copula forms ("X ist Sprecher von Y").
COPULAS = frozenset("ist war sind waren wird wurde bleibt blieb".split())

REPORTIVE_MODALS = frozenset({"soll", "sollen"})  # "sollte" is mostly deontic ("should")

# Forms of "heißen" whose "es" is impersonal ("heißt es in der Studie"): no one is named or resolved.
IMPERSONAL_FORMS = frozenset("heißen heißt hieß hiess hieße hießen".split())

# Cue verbs whose source is a place or document in the frame, not a subject: "In der Studie heißt
# es", "Aus Militärkreisen verlautete", "Dies geht aus einer Pressemitteilung hervor".
SOURCE_VERBS = frozenset({"heißen", "verlauten", "hervorgehen"})

# Cue verbs whose accusative object is the person addressed ("fragte ihn").
ADDRESSING_VERBS = frozenset("fragen bitten auffordern warnen ermahnen drängen aufrufen ermutigen beschwören anflehen".split())

# Verbs whose passive subject is the person addressed, not the speaker ("Die Anwohner wurden
# gebeten", "Ihm wird vorgeworfen").
PASSIVE_ADDRESSEE_VERBS = ADDRESSING_VERBS | frozenset("vorwerfen beschuldigen verdächtigen anklagen raten".split())

# Verbs whose "an" phrase is the addressee ("appellierte an die Regierung").
APPEAL_VERBS = frozenset("appellieren schreiben richten wenden".split())

# Verbs with a dative addressee, and how a dative or accusative object starts after the verb.
DATIVE_VERBS = frozenset(
    "sagen erklären mitteilen berichten vorwerfen raten versprechen antworten bestätigen empfehlen "
    "zusichern erzählen versichern signalisieren vorhalten drohen".split()
)

# Verbs whose preposition introduces the words used ("sprachen von „Panikverkäufen“").
SPEECH_OBJECTS = frozenset({("sprechen", "von"), ("reden", "von"), ("warnen", "vor")})

# Forms of verbs whose "als" gives a function, not a verdict ("galt als „Pitbull des Vatikans“").
FUNCTION_VERB_FORMS = frozenset("gilt galt galten gelten dient diente dienten dienen fungiert fungierte fungierten".split())

# Participles after which quoted text is a name ("auch „Bruno“ genannt").
NAMING_PARTICIPLES = frozenset("genannt getauft".split())

# Words after which quoted text is a name or a distancing quote, not speech.
NAMING_WORDS = frozenset(
    "sogenannt sogenannte sogenannten sogenannter sogenanntes genannt genannte genannten kurz abgekürzt"
    .split()
)

# --- Nouns and noun endings -----------------------------------------------------------------------

# Nouns of time: a phrase they head is a time, not a speaker ("Am Ende des Tages").
TEMPORAL_NOUNS = frozenset(
    "ende anfang beginn mitte uhr tag tage tages woche wochen monat monate jahr jahre jahres jahren abend morgen "
    "nachmittag vormittag nacht montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende "
    "januar februar märz april mai juni juli august september oktober november dezember zeit zeitpunkt".split()
)

# Nouns of conversation whose "mit" phrase is the addressee ("im Gespräch mit der Zeitung"),
# and of letters whose "an" phrase is ("in einem Schreiben an die Mitarbeiter").
CONVERSATION_NOUNS = frozenset("gespräch interview telefonat telefongespräch unterhaltung pressegespräch fernsehinterview".split())

# Nouns of letters whose "an" phrase is the addressee.
LETTER_NOUNS = frozenset("brief schreiben appell mail e-mail botschaft rundschreiben".split())

# Audiences of a "vor" phrase ("sagte vor Journalisten"); other "vor" phrases are times and places.
AUDIENCE_NOUNS = frozenset(
    "journalisten reportern presse medienvertretern pressevertretern abgeordneten parlament publikum "
    "anhängern zuhörern studenten delegierten gästen mitgliedern parteitag bundestag".split()
)

# Nouns after which a quoted word is a quotation of that word ("die Bezeichnung „Gesindel“").
QUOTING_NOUNS = frozenset("bezeichnung begriff wort ausdruck formulierung schlagwort vokabel titulierung".split())

# Naming nouns that may introduce their name with a colon ("Motto: „…“").
LABEL_NOUNS = "titel motto slogan name namen überschrift schlagzeile".split()

# Lowercase words that names and titles contain too ("Licht und Schatten", "Zur Ritze").
NAME_FUNCTION_WORDS = frozenset(
    "und oder der die das den dem des ein eine einer eines einem einen von vom zu zur zum für mit in im "
    "am an auf aus bei über unter vor nach the of and a an on to for is it at by against "
    "du de del della des la le les un une pour et en van voor het y el los las di".split()
)

# Capitalised words that never start or continue a name, whatever the tagger says.
NOT_NAME = frozenset(
    "der die das den dem des ein eine einen einem einer eines er sie es wir ihr ihm ihn ich man "
    "auch doch aber und oder laut nach wie so dies diese dieser dieses dazu demnach".split()
)

# Adjectives that describe the person, not the function ("der 84-jährige Küng").
PERSONAL_ADJECTIVE_MARKS = ("jährig",)

# Endings of feminine nouns ("der Zeitung" is dative or genitive).
FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "erin", "istin", "ierin")

# Suffixes of abstract nouns ("Anwendung", "Mitverantwortung"), and the bodies among such nouns
# that do speak ("Bundesregierung", "Kommission"), matched as word endings.
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "ität", "nis", "ismus", "tion", "sion")

# Endings of abstract-looking nouns that name bodies which do speak ("Bundesregierung").
COLLECTIVE_NOUNS = (
    "regierung", "zeitung", "stiftung", "bewegung", "vereinigung", "verwaltung", "führung", "leitung",
    "organisation", "kommission", "opposition", "koalition", "delegation", "redaktion", "administration",
    "nation", "vertretung", "versammlung", "direktion", "division", "fraktion", "abteilung", "mission",
)

# --- Punctuation ----------------------------------------------------------------------------------

# Punctuation that ends a sentence; with colon and semicolon, one that ends a message.
SENTENCE_END = frozenset({".", "!", "?", "…"})

SENTENCE_PUNCTUATION = SENTENCE_END | {":", ";"}

# Punctuation between clauses: a separated verb particle is not searched beyond it.
CLAUSE_BOUNDARIES = frozenset({",", ".", ";", ":", "!", "?", "–"})

# Punctuation trimmed from the edges of a span.
PUNCTUATION_EDGE = frozenset({",", ";", ":", ".", "!", "?", "–", "-", "—", "(", ")", "…"})

# Dashes that introduce or attribute a quote ("– so X").
DASHES = frozenset({"–", "—", "-"})
