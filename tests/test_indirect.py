"""Indirect, reported and free indirect speech on real parses by the compact model.

Each case is a German news sentence (or two) with the quote the extractor must find: its type,
its exact text, and — where the sentence names one — speaker and cue. Negative cases must give
no quote of the kind. All texts are parsed in one batch by the model shipped in the package.
"""

import re

import pytest

import quotes

# (text, type, quote text, speaker text or None, cue text or None)
POSITIVE = [
    # complement clauses: dass / ob / w / zu-infinitive / verb second
    ("Der Minister sagte, dass die Steuern nicht steigen werden.", "Indirect", "dass die Steuern nicht steigen werden", "Der Minister", "sagte"),
    ("Die Polizei teilte mit, dass zwei Männer festgenommen worden seien.", "Indirect", "dass zwei Männer festgenommen worden seien", "Die Polizei", "teilte mit"),
    ("Die Sprecherin erklärte, die Regierung habe keine Wahl gehabt.", "Indirect", "die Regierung habe keine Wahl gehabt", "Die Sprecherin", "erklärte"),
    ("Der Trainer betonte, seine Mannschaft sei gut vorbereitet.", "Indirect", "seine Mannschaft sei gut vorbereitet", "Der Trainer", "betonte"),
    ("Die Kanzlerin kündigte an, mehr Geld in die Bildung zu investieren.", "Indirect", "mehr Geld in die Bildung zu investieren", "Die Kanzlerin", "kündigte an"),
    ("Der Bürgermeister fragte, ob die Stadt sich das leisten könne.", "Indirect", "ob die Stadt sich das leisten könne", "Der Bürgermeister", "fragte"),
    ("Die Forscher berichten, dass das Eis schneller schmilzt als erwartet.", "Indirect", "dass das Eis schneller schmilzt als erwartet", "Die Forscher", "berichten"),
    ("Der Anwalt erklärte, wie es zu dem Unfall gekommen sei.", "Indirect", "wie es zu dem Unfall gekommen sei", "Der Anwalt", "erklärte"),
    ("Am Montag sagte der Innenminister, die Grenzen blieben offen.", "Indirect", "die Grenzen blieben offen", "der Innenminister", "sagte"),
    ("Frank Sichau, der als justizpolitischer Sprecher fungiert, erklärte, dass die Akte verschwunden sei.", "Indirect", "dass die Akte verschwunden sei", "Frank Sichau", "erklärte"),
    ("Wie aus Unternehmenskreisen verlautete, soll das Werk im Herbst geschlossen werden.", "Indirect", "soll das Werk im Herbst geschlossen werden", "Unternehmenskreisen", "verlautete"),
    ("Die Polizei ermittelt gegen die Sängerin. Diese bestätigte, dass gegen sie ermittelt werde.", "Indirect", "dass gegen sie ermittelt werde", "Diese", "bestätigte"),
    ("Nach Angaben libanesischer Sicherheitskreise wurden drei Soldaten getötet.", "Indirect", "wurden drei Soldaten getötet", "Angaben libanesischer Sicherheitskreise", "Nach"),
    # "Die Vorsitzende" is feminine singular too: no disagreement with "fragte" however the model tags it
    ("Die Vorsitzende des Bundestagsrechtsausschusses, Renate Künast (Grüne), fragte, ob der Minister die Fragen beantworten werde.",
     "Indirect", "ob der Minister die Fragen beantworten werde", "Die Vorsitzende des Bundestagsrechtsausschusses, Renate Künast (Grüne)", "fragte"),
    # an infinitive clause between cue and complement is part of the frame
    ("Der Minister sagte, ohne Einzelheiten zu nennen, dass die Gespräche gescheitert seien.", "Indirect", "dass die Gespräche gescheitert seien", "Der Minister", "sagte"),
    ("Der Minister erklärte, ohne auf die Vorwürfe einzugehen, die Gespräche seien gescheitert.", "Indirect", "die Gespräche seien gescheitert", "Der Minister", "erklärte"),
    ("Er sagte, um die Lage zu beruhigen, die Regierung habe alles im Griff.", "Indirect", "die Regierung habe alles im Griff", "Er", "sagte"),
    # a quoted name ends the source: the noun after it belongs to the message
    ("Die Soldaten hätten laut „Reuters“ Warnschüsse abgegeben.", "Indirect", "Die Soldaten hätten … Warnschüsse abgegeben", "„Reuters“", "laut"),
    ("Theo Kitz vom Bankhaus Merck Finck sagte, die Märkte seien nervös.", "Indirect", "die Märkte seien nervös", "Theo Kitz vom Bankhaus Merck Finck", "sagte"),
    ("Erst vergangene Woche kündigte der Konzern an, sämtliche Schalter zu schließen.", "Indirect", "sämtliche Schalter zu schließen", "der Konzern", "kündigte … an"),
    ("Ein Sprecher der Bahn teilte mit, man wolle die Strecke bis Freitag reparieren.", "Indirect", "man wolle die Strecke bis Freitag reparieren", "Ein Sprecher der Bahn", "teilte mit"),
    ("Die Gewerkschaft forderte, die Löhne um fünf Prozent zu erhöhen.", "Indirect", "die Löhne um fünf Prozent zu erhöhen", "Die Gewerkschaft", "forderte"),
    ("Der Konzern gab bekannt, dass er 500 Stellen streichen werde.", "Indirect", "dass er 500 Stellen streichen werde", "Der Konzern", "gab bekannt"),
    ("Die Ärztin wies darauf hin, dass die Impfung kostenlos sei.", "Indirect", "dass die Impfung kostenlos sei", "Die Ärztin", "wies darauf hin"),
    # strong verbs with a prefix the compact model mislemmatises ("verwies" → "verwieisen")
    ("Der GdP-Vorsitzende verwies darauf, dass 7000 Stellen abgebaut worden seien.", "Indirect", "dass 7000 Stellen abgebaut worden seien", "Der GdP-Vorsitzende", None),
    ("Der Innenminister gestand ein, dass die Regierung überwältigt wurde.", "Indirect", "dass die Regierung überwältigt wurde", "Der Innenminister", "gestand ein"),
    ("Der Mann bot an, eine Reservierungsbestätigung bei einem Treffen zu übergeben.", "Indirect", "eine Reservierungsbestätigung bei einem Treffen zu übergeben", "Der Mann", "bot an"),
    # a zu-infinitive the compact model tags VVINF ("einzurichten") or leaves unlemmatised ("anzuerkennen")
    ("Der Bundesrat schlug dem Bundestag vor, „Zwangsheiraten“ als eigenen Straftatbestand anzuerkennen.", "Indirect", "„Zwangsheiraten“ als eigenen Straftatbestand anzuerkennen", "Der Bundesrat", "schlug … vor"),
    ("Der Sicherheitsrat beschloss am Donnerstagabend, über Libyen eine Flugverbotszone einzurichten.", "Indirect", "über Libyen eine Flugverbotszone einzurichten", "Der Sicherheitsrat", "beschloss"),
    ("Der Richter stellte fest, dass der Angeklagte schuldig sei.", "Indirect", "dass der Angeklagte schuldig sei", "Der Richter", "stellte fest"),
    ("Experten gehen davon aus, dass die Preise weiter steigen.", "Indirect", "dass die Preise weiter steigen", "Experten", None),
    # parenthetical frames
    ("Die Lage sei ernst, sagte der Bürgermeister.", "Indirect", "Die Lage sei ernst", "der Bürgermeister", "sagte"),
    ("Man habe alles versucht, erklärte ein Sprecher der Feuerwehr.", "Indirect", "Man habe alles versucht", "ein Sprecher der Feuerwehr", "erklärte"),
    ("Die Verhandlungen seien gescheitert, so der Gewerkschaftschef.", "Indirect", "Die Verhandlungen seien gescheitert", "der Gewerkschaftschef", "so"),
    ("Die Zahl der Arbeitslosen werde sinken, betonte die Ministerin am Dienstag.", "Indirect", "Die Zahl der Arbeitslosen werde sinken", "die Ministerin", "betonte"),
    # prepositional and adverbial sources
    ("Laut Polizei gab es keine Verletzten.", "Indirect", "gab es keine Verletzten", "Polizei", "Laut"),
    ("Laut einem Bericht der Zeitung wurde der Vertrag bereits unterzeichnet.", "Indirect", "wurde der Vertrag bereits unterzeichnet", "einem Bericht der Zeitung", "Laut"),
    ("Den Behörden zufolge starben bei dem Unglück drei Menschen.", "Indirect", "starben bei dem Unglück drei Menschen", "Den Behörden", "zufolge"),
    ("Nach Angaben der Feuerwehr brach das Feuer im Keller aus.", "Indirect", "brach das Feuer im Keller aus", "Angaben der Feuerwehr", "Nach"),
    ("Nach Polizeiangaben wurden drei Menschen verletzt.", "Indirect", "wurden drei Menschen verletzt", "Polizeiangaben", "Nach"),
    # a quoted name is part of the speaker phrase, marks included, as the corpus marks it
    ("Die Wochenzeitung „Die Zeit“ meldet, dass der Minister zurücktreten wolle.", "Indirect", "dass der Minister zurücktreten wolle", "Die Wochenzeitung „Die Zeit“", "meldet"),
    ("Dem „Figaro“ zufolge ist der Vertrag bereits unterschrieben.", "Indirect", "ist der Vertrag bereits unterschrieben", "Dem „Figaro“", "zufolge"),
    ("Laut „Spiegel“ wurde der Vertrag bereits unterzeichnet.", "Indirect", "wurde der Vertrag bereits unterzeichnet", "„Spiegel“", "Laut"),
    # "demnach" points back to a source named before; the corpus marks the adverb itself as speaker
    ("Die Polizei legte einen Bericht vor. Demnach wurden bei dem Unfall drei Menschen verletzt.", "Indirect", "wurden bei dem Unfall drei Menschen verletzt", "Demnach", "Demnach"),
    ("Gemäß einer Studie der Universität schlafen Jugendliche zu wenig.", "Indirect", "schlafen Jugendliche zu wenig", "einer Studie der Universität", "Gemäß"),
    ("Wie die Polizei mitteilte, wurde niemand verletzt.", "Indirect", "wurde niemand verletzt", "die Polizei", "mitteilte"),
    ("Es gibt einen Bericht, wonach die Firma zahlungsunfähig sei.", "Indirect", "die Firma zahlungsunfähig sei", "einen Bericht", "wonach"),
    # an apposition of the speaker and a correlate before the comma are no part of the message
    ("Offenbar entschied sich Şükrü Can, der Leiter der Flugzeugwartung der Turkish Airlines, dazu, ein Kamel direkt auf dem Gelände des Ataturk Airport in Istanbul zu schlachten.",
     "Indirect", "ein Kamel direkt auf dem Gelände des Ataturk Airport in Istanbul zu schlachten", "Şükrü Can, der Leiter der Flugzeugwartung der Turkish Airlines", "entschied sich"),
    ("Zu dieser Zeit ging Celebi, die Anwältin der Frau, noch davon aus, dass der Haftbefehl vor dem Gebäude vollstreckt würde.",
     "Indirect", "dass der Haftbefehl vor dem Gebäude vollstreckt würde", "Celebi, die Anwältin der Frau", "ging … davon aus"),
    # … but an enumeration opening the message is part of it
    ("Die Polizei teilte mit, Katzen, Ziegen und Kühe seien verendet.", "Indirect", "Katzen, Ziegen und Kühe seien verendet", "Die Polizei", "teilte mit"),
    # the message ends at a colon (a quotation after it is Direct); a verb particle is no source
    ("Er schließt sich darüber hinaus dem Verdacht der Kritiker an, wonach die Berufung Strobls vor allem politische Hintergründe besäße: „Man muss sich da ja nur das Personaltableau ansehen. Da ergibt sich die Antwort von selbst.“",
     "Indirect", "die Berufung Strobls vor allem politische Hintergründe besäße", "dem Verdacht der Kritiker", "wonach"),
    # impersonal frames and nominal cues
    ("In der Erklärung heißt es, die Gespräche seien gescheitert.", "Indirect", "die Gespräche seien gescheitert", None, "heißt"),
    ("Die Forderung der Union, dass die Steuern sinken müssten, stieß auf Kritik.", "Indirect", "dass die Steuern sinken müssten", "der Union", "Forderung"),
    # Reported: speech acts with a nominal or prepositional object (the whole sentence)
    ("Die Opposition kritisierte den Plan der Regierung scharf.", "Reported", "Die Opposition kritisierte den Plan der Regierung scharf.", "Die Opposition", None),
    ("Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.", "Reported", "Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.", "Die Gewerkschaft", None),
    ("Der Ökonom warnte vor einer neuen Immobilienblase.", "Reported", "Der Ökonom warnte vor einer neuen Immobilienblase.", "Der Ökonom", None),
    ("Der Polizeichef sprach von mehr als 800 beschädigten Autos.", "Reported", "Der Polizeichef sprach von mehr als 800 beschädigten Autos.", "Der Polizeichef", None),
    ("Die Bundesregierung begrüßte die Einigung in Brüssel.", "Reported", "Die Bundesregierung begrüßte die Einigung in Brüssel.", "Die Bundesregierung", None),
    ("Die Erhöhung der Steuern forderte der Finanzminister Peter Brandt bereits im Mai.", "Reported", "Die Erhöhung der Steuern forderte der Finanzminister Peter Brandt bereits im Mai.", "der Finanzminister Peter Brandt", None),
    # a particle behind the complement's own verb is that verb's ("lägen … vor"), not the cue's
    ("Hartmann erklärte, ihr lägen bis heute keine vollständigen Unterlagen vor.", "Indirect", "ihr lägen bis heute keine vollständigen Unterlagen vor", "Hartmann", "erklärte"),
    # nominal cues: the subject of "ist der Meinung"; a Konjunktiv verb-second complement; a verb cue
    # between the noun and the comma frames the clause itself ("In einem Interview erklärte …")
    ("Die Gewerkschaft ist der Meinung, dass die Löhne steigen müssen.", "Indirect", "dass die Löhne steigen müssen", "Die Gewerkschaft", "Meinung"),
    ("Der Verband ist der Ansicht, die Reform komme zu spät.", "Indirect", "die Reform komme zu spät", "Der Verband", "Ansicht"),
    # a cue noun without a source of its own is held by the subject of its verb
    ("Der Verteidiger vertritt die Ansicht, dass sein Mandant unschuldig sei.", "Indirect", "dass sein Mandant unschuldig sei", "Der Verteidiger", "Ansicht"),
    ("Die BVG begegnet der Kritik mit dem Argument, die Scheiben seien sicherer.", "Indirect", "die Scheiben seien sicherer", "Die BVG", "Kritik"),
    ("Gysi hatte in einem Interview die These vertreten, die Regierung habe versagt.", "Indirect", "die Regierung habe versagt", "Gysi", None),
    ("In einem Interview erklärte der Minister, dass die Steuern sinken würden.", "Indirect", "dass die Steuern sinken würden", "der Minister", "erklärte"),
    # an unknown name the compact model tags ADV (with a noun XPOS or noun features) is still the speaker
    ("Wittner sagte weiter, dass die Ärzte davon abgeraten hätten.", "Indirect", "dass die Ärzte davon abgeraten hätten", "Wittner", "sagte"),
    ("Elshorst wies darauf hin, dass Siemens Mitglied sei.", "Indirect", "dass Siemens Mitglied sei", "Elshorst", "wies darauf hin"),
    # a purpose or relative clause after the object belongs to the object: the sentence is Reported
    ("Die Hilfsorganisation forderte einen Korridor, um Hilfe ins Land zu bringen.", "Reported", "Die Hilfsorganisation forderte einen Korridor, um Hilfe ins Land zu bringen.", "Die Hilfsorganisation", None),
    ("Die Polizei sprach von zehn Flugzeugen, auf die es die Täter abgesehen hatten.", "Reported", "Die Polizei sprach von zehn Flugzeugen, auf die es die Täter abgesehen hatten.", "Die Polizei", None),
    ("Als Beispiel nannte die NASA die Ausbeutung von Gasen.", "Reported", "Als Beispiel nannte die NASA die Ausbeutung von Gasen.", "die NASA", None),
    # a stated intention ("wollen", "möchten") is Reported speech by the corpus guidelines (3, case b)
    ("Die SPD will die Krankenversicherung zu einer Bürgerversicherung weiterentwickeln.", "Reported", "Die SPD will die Krankenversicherung zu einer Bürgerversicherung weiterentwickeln.", "Die SPD", None),
    ("Am Mittwoch will der Außenminister einen neuen Vermittlungsversuch unternehmen.", "Reported", "Am Mittwoch will der Außenminister einen neuen Vermittlungsversuch unternehmen.", "der Außenminister", None),
    # a passive speech act names its speaker as agent ("von X", "vom X")
    ("Der Plan wurde von der Opposition als unrealistisch bezeichnet.", "Reported", "Der Plan wurde von der Opposition als unrealistisch bezeichnet.", "der Opposition", None),
    # a sentence-initial preposition the compact model tags as a noun opens no speaker phrase
    ("Gegenüber Spiegel Online berichtete Michael Gordon, dass die Soldaten keine Munition gehabt hätten.", "Indirect", "dass die Soldaten keine Munition gehabt hätten", "Michael Gordon", "berichtete"),
    # sources after "nach" and "laut": research and reporting nouns, "nach" as postposition, a name
    # the tagger took for no noun, a number opening the next phrase
    ("Nach einer ersten Analyse entstand aus bisher unbekannten Gründen ein Treibstoffleck.", "Indirect", "entstand aus bisher unbekannten Gründen ein Treibstoffleck", "einer ersten Analyse", "Nach"),
    ("Seiner Meinung nach hätte die Flughafenaufsicht von einer Landung abraten müssen.", "Indirect", "hätte die Flughafenaufsicht von einer Landung abraten müssen", "Seiner Meinung", "nach"),
    ("Laut bildblog.de veröffentlichte das Ministerium kürzlich einen Bericht über Leistungsmissbrauch.", "Indirect", "veröffentlichte das Ministerium kürzlich einen Bericht über Leistungsmissbrauch", "bildblog.de", "Laut"),
    ("In dieser Region mussten laut Behördenangaben 7.000 Menschen in Sicherheit gebracht werden.", "Indirect", "In dieser Region mussten … 7.000 Menschen in Sicherheit gebracht werden", "Behördenangaben", "laut"),
    # a wie-clause frame over an apposition between commas; the speaker keeps the apposition
    ("Wie die Premierministerin von Queensland, Anna Bligh, erklärte, sind mehrere Städte überflutet.",
     "Indirect", "sind mehrere Städte überflutet", "die Premierministerin von Queensland, Anna Bligh", "erklärte"),
    # a passive cue without a subject: the von-agent, else the document the frame is in
    ("In einer Pressemitteilung der Organisation wird gefordert, dass die Regierung sofort handeln müsse.",
     "Indirect", "dass die Regierung sofort handeln müsse", "einer Pressemitteilung der Organisation", "wird gefordert"),
    ("Es wurde von Demjanjuks Sohn die Vermutung geäußert, dass der Prozess unfair sei.", "Indirect", "dass der Prozess unfair sei", "Demjanjuks Sohn", "wurde … geäußert"),
    # ", so X" followed by adverbials of place and time
    ("Erfahrungsgemäß werden fast alle vermissten Kinder innerhalb kürzester Zeit wieder gefunden, so eine Information des Bundeskriminalamtes in Wiesbaden nach der Bekanntgabe des Falles.",
     "Indirect", "Erfahrungsgemäß werden fast alle vermissten Kinder innerhalb kürzester Zeit wieder gefunden", "eine Information des Bundeskriminalamtes", "so"),
    # "Dies bestätigte X": the demonstrative stands for the sentence before, which is the message
    ("Die Freien Demokraten schließen eine Ampelkoalition mit SPD und Grünen aus. Dies bestätigte der Parteivorsitzende Guido Westerwelle am Abend.",
     "Indirect", "Die Freien Demokraten schließen eine Ampelkoalition mit SPD und Grünen aus. Dies", "der Parteivorsitzende Guido Westerwelle", "bestätigte"),
    ("Die Kürzung der Pendlerpauschale ist rechtswidrig. Dies geht aus einem Urteil des Bundesverfassungsgerichts hervor.",
     "Indirect", "Die Kürzung der Pendlerpauschale ist rechtswidrig. Dies", "einem Urteil des Bundesverfassungsgerichts", "geht … hervor"),
]

# continuation over sentences: (text, type, quote text, speaker text)
CONTINUATIONS = [
    (  # "demnach" points back to the magazine, which stays the source of what follows
        "Das Nachrichtenmagazin Focus berichtet, die Regierung plane neue Steuern. Demnach solle die Mehrwertsteuer steigen. Die Einkommensteuer bleibe dagegen unverändert.",
        "IndirectFreeIndirect", "Die Einkommensteuer bleibe dagegen unverändert.", "Das Nachrichtenmagazin Focus",
    ),
    (
        "Der Minister sagte, die Lage sei ernst. Man habe aber genug Reserven. Die Versorgung sei gesichert.",
        "IndirectFreeIndirect", "Man habe aber genug Reserven. Die Versorgung sei gesichert.", "Der Minister",
    ),
    (
        "„Wir kämpfen weiter“, sagte die Gewerkschafterin. Die Arbeitgeber hätten kein faires Angebot gemacht.",
        "IndirectFreeIndirect", "Die Arbeitgeber hätten kein faires Angebot gemacht.", "die Gewerkschafterin",
    ),
    (
        "Der Hersteller kündigte am Montag ein neues Telefon an. Das Gerät soll ab September geliefert werden.",
        "FreeIndirect", "Das Gerät soll ab September geliefert werden.", "Der Hersteller",
    ),
]

# (text, quote type that must not be found, or None for "no quote at all")
NEGATIVE = [
    ("Der Konzern teilt seine Aktien. Dies nennt man einen Aktiensplit.", None),
    # a speech act that frames a direct quote is that quote's cue, not Reported speech of its own
    ("Der CSU-Landesgruppenvorsitzende Hans-Peter Friedrich bezeichnete den Besuch als ein „wichtiges Zeichen“.", "Reported"),
    # a direct quote's frame with an apposition is no parenthetical indirect frame
    ("„Das ist richtig ärgerlich“, sagte Andreas Beck, Spieler von Hoffenheim, gegenüber einem Reporter.", "Indirect"),
    ("Er sagte den Termin kurzfristig ab.", None),
    ("Die Sängerin sagte ihr Konzert in Berlin ab.", None),
    ("Es ist klar, dass die Preise steigen.", None),
    # a verb whose train sentences are rarely Reported speech (lexicon reported/unquoted) reports nothing
    ("Die Regierung veröffentlichte am Montag ihren Haushaltsplan.", "Reported"),
    # an abstract noun with no person named next to the verb does not speak
    ("Eine weitere erhebliche Bedrohung gehe vom Bakterium „Klebsiella pneumoniae“ aus, das für den Tod von Kleinkindern verantwortlich sei.", "Reported"),
    ("Klarheit und Wahrheit will die Seite über die Kennzeichnung von Lebensmitteln schaffen.", "Reported"),
    ("Es ist wahrscheinlich, dass es morgen regnet.", None),
    ("Das Wetter war so schön wie lange nicht.", None),
    ("Die Mannschaft spielte so gut, dass sie gewann.", None),
    ("Nach dem Spiel gingen alle Spieler nach Hause.", None),
    ("Nach drei Stunden war die Sitzung beendet.", None),
    ("Der Zug fährt nach Berlin.", None),
    ("Die Kinder spielen im Garten.", None),
    ("Im Dezember beginnt der Winter.", None),
    ("Wir freuen uns, dass Sie da sind.", "Indirect"),
    ("Das Haus, das am Markt steht, wurde renoviert.", None),
    ("Der Preis steigt, weil die Nachfrage wächst.", None),
    # an adverbial clause before a verb-first cue is the frame's own, not what was said
    ("Als die Polizei am Abend eintraf, erklärte der Sprecher den Reportern die Lage.", "Indirect"),
    ("Da ein Rückflug nach München nicht möglich war, kündigte der Minister eine Pressekonferenz in Rom an.", "Indirect"),
    # a purpose clause after the object is no message, with or without another clause after it
    ("Die Helfer forderten einen Korridor, um Hilfsgüter in die Stadt zu bringen.", "Indirect"),
    ("Die Helfer forderten einen Korridor, um Hilfsgüter in die Stadt zu bringen, die seit Wochen belagert wird.", "Indirect"),
    ("Die Firma baut ein neues Werk in Sachsen.", None),
    ("Die Straße ist wegen Bauarbeiten gesperrt.", None),
    ("Der Film „Das Boot“ lief gestern im Fernsehen.", None),
    ("Die Ausstellung trägt den Titel „Licht und Schatten“.", None),
    ("Gestern wurde die sogenannte „Zeitenwende“ im Bundestag diskutiert.", "Direct"),
    ("Sollen wir morgen früher anfangen?", None),
    ("Der Vorstand sollte die Pläne besser erklären.", "FreeIndirect"),
    ("Die Zeitung berichtet täglich über Sport.", "Indirect"),
    # an intention without a named actor, or a question, reports no one
    ("Neue Märkte will man in Asien erschließen.", "Reported"),
    ("Will die Regierung die Steuern wirklich senken?", "Reported"),
    # a passive speech act without an agent has no speaker in the sentence
    ("Der Plan wurde scharf kritisiert.", "Reported"),
]

TEXTS = [case[0] for case in POSITIVE] + [case[0] for case in CONTINUATIONS] + [case[0] for case in NEGATIVE]


@pytest.fixture(scope="module")
def extracted():
    extractor = quotes.Extractor("compact", method="rules")
    results = extractor.pipe([(str(i), text) for i, text in enumerate(TEXTS)])
    return {TEXTS[int(result.id)]: result.quotes for result in results}


def _describe(found):
    return [(q.type, q.quote.text, q.speaker and q.speaker.text, q.cue and q.cue.text, q.rule) for q in found]


@pytest.mark.parametrize("text, kind, quote, speaker, cue", POSITIVE, ids=[c[0][:40] for c in POSITIVE])
def test_patterns(extracted, text, kind, quote, speaker, cue):
    found = extracted[text]
    match = [q for q in found if q.type == kind and q.quote.text == quote]
    assert match, _describe(found)
    if speaker is not None:
        assert match[0].speaker is not None and match[0].speaker.text == speaker, _describe(found)
    if cue is not None:
        assert match[0].cue is not None and match[0].cue.text == cue, _describe(found)
    assert match[0].rule  # every quote names its rule


@pytest.mark.parametrize("text, kind, quote, speaker", CONTINUATIONS, ids=[c[1] for c in CONTINUATIONS])
def test_free_indirect_continuation(extracted, text, kind, quote, speaker):
    found = extracted[text]
    match = [q for q in found if q.type == kind and q.quote.text == quote]
    assert match, _describe(found)
    if speaker is not None:
        assert match[0].speaker is not None and match[0].speaker.text == speaker


@pytest.mark.parametrize("text, kind", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_negatives(extracted, text, kind):
    found = extracted[text]
    unwanted = [q for q in found if kind is None or q.type == kind]
    assert not unwanted, _describe(unwanted)


def test_medium_follows_the_cue(extracted):
    written = quotes.Extractor("compact", method="rules").extract("Die Ministerin schrieb, sie werde zurücktreten.")
    assert written and written[0].medium == "Writing"
    thought = quotes.Extractor("compact", method="rules").extract("Der Trainer glaubt, dass seine Mannschaft gewinnt.")
    assert thought and thought[0].medium == "Thought"


def test_a_sentence_of_direct_quotations_is_no_indirect_speech():
    # corpus sentence splitting (WIKINEWS dev 39049): both quotations in one sentence
    text = (
        "Celebi, die vor allem muslimische Frauen vertritt, nennt das Ereignis einen Justizskandal. „Diese Morde hätten "
        "verhindert werden können, wenn ein per Haftbefehl gesuchter Gewalttäter nicht als freier Mann aus dem Gerichtssaal "
        "spaziert wäre.“ „Wäre der Haftbefehl im Polizeicomputer eingetragen worden, würden die beiden Frauen noch leben“, "
        "so die Vorwürfe der Anwältin."
    )
    tokens = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    split = next(i for i, (start, _) in enumerate(tokens) if text[start] == "„")
    extractor = quotes.Extractor("compact", method="rules")
    found = extractor.extract(extractor.parser.parse_pretokenized(text, [tokens[:split], tokens[split:]]))
    quoted_from = text.index("„")
    assert not [q for q in found if q.type != "Direct" and q.end > quoted_from], _describe(found)
    assert [q.speaker.text for q in found if q.type == "Direct"][-1] == "die Vorwürfe der Anwältin"


ADDRESSED = [
    # (text, speaker or None, addressee): cues that open with their auxiliary; a passive verb of
    # addressing makes its subject the addressee
    ("Die Anwohner wurden von der Polizei gebeten, ihre Fenster geschlossen zu halten.", "der Polizei", "Die Anwohner"),
    ("Die Regierung wurde aufgefordert, die Steuern zu senken.", None, "Die Regierung"),
    # a dative object between the auxiliary and the participle
    ("Der Minister hatte der Zeitung gesagt, er trete zurück.", "Der Minister", "der Zeitung"),
]


@pytest.mark.parametrize("text, speaker, addressee", ADDRESSED, ids=[c[0][:40] for c in ADDRESSED])
def test_addressees_of_cues_with_auxiliaries(text, speaker, addressee):
    (found,) = [q for r in quotes.Extractor("compact", method="rules").pipe([("a", text)]) for q in r.quotes]
    assert (found.speaker.text if found.speaker else None) == speaker, _describe([found])
    assert found.addressee is not None and found.addressee.text == addressee, _describe([found])


def test_a_word_that_names_no_one_is_no_speaker():
    found = quotes.Extractor("compact", method="rules").extract("Was passiere, wenn der Bär sich in die Enge getrieben fühle, wisse keiner.")
    assert found and all(q.speaker is None for q in found), _describe(found)


def test_a_message_ends_where_a_new_frame_begins():
    text = "Die Trainerin sagte nach dem Spiel, ihre Mannschaft habe gut gekämpft, aber der Kapitän kritisierte, die Abwehr sei zu langsam gewesen."
    found = quotes.Extractor("compact", method="rules").extract(text)
    assert [(q.quote.text, q.cue.text) for q in found] == [
        ("ihre Mannschaft habe gut gekämpft", "sagte"),
        ("die Abwehr sei zu langsam gewesen", "kritisierte"),
    ], _describe(found)
