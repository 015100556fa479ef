"""Direct quotes on real parses by the compact model: every quotation-mark convention and frame.

Each case is German news text with the direct quote the extractor must find (exact text),
its speaker and cue where the text names them, and the rule. Negative cases are names, titles
and distancing quotes that no one is quoted as saying.
"""

import pytest

import quotes

# (text, quote text, speaker text or None, cue text or None, rule or None)
POSITIVE = [
    # quotation-mark conventions
    ("„Wir schaffen das“, sagte Merkel.", "„Wir schaffen das“", "Merkel", "sagte", "direct_post_frame"),
    ("„Wir schaffen das”, sagte Merkel.", "„Wir schaffen das”", "Merkel", "sagte", "direct_post_frame"),
    ("»Das ist ein schwarzer Tag«, sagte der Minister.", "»Das ist ein schwarzer Tag«", "der Minister", "sagte", "direct_post_frame"),
    ("«Das ist ein schwarzer Tag», sagte der Minister.", "«Das ist ein schwarzer Tag»", "der Minister", "sagte", "direct_post_frame"),
    ("“We will not give up”, sagte der Präsident.", "“We will not give up”", "der Präsident", "sagte", "direct_post_frame"),
    ('"Das reicht nicht", sagte die Gewerkschafterin.', '"Das reicht nicht"', "die Gewerkschafterin", "sagte", "direct_post_frame"),
    ("›Das reicht nicht‹, sagte die Gewerkschafterin.", "›Das reicht nicht‹", "die Gewerkschafterin", "sagte", "direct_post_frame"),
    ("„Er sagte nur: ‚Nein.‘ Dann ging er“, berichtete die Zeugin.", "„Er sagte nur: ‚Nein.‘ Dann ging er“", "die Zeugin", "berichtete", "direct_post_frame"),
    # post-frames
    ("„Die Lage ist ernst“, erklärte die Ministerin am Montag in Berlin.", "„Die Lage ist ernst“", "die Ministerin", "erklärte", "direct_post_frame"),
    ("„Wo bleibt das Geld?“ fragte der Abgeordnete.", "„Wo bleibt das Geld?“", "der Abgeordnete", "fragte", "direct_post_frame"),
    ("„Wir bleiben dran“, betonte Vorstandschef Peter Brandt.", "„Wir bleiben dran“", "Vorstandschef Peter Brandt", "betonte", "direct_post_frame"),
    ("„Er ist die eiserne Hand in einem eisernen Handschuh“, so charakterisierte ihn der Gewerkschaftsfunktionär Bernard Aubin von der CFTC.",
     "„Er ist die eiserne Hand in einem eisernen Handschuh“", "der Gewerkschaftsfunktionär Bernard Aubin von der CFTC", "charakterisierte", "direct_post_frame"),
    ("„Das war ein Fehler“, so der Minister.", "„Das war ein Fehler“", "der Minister", "so", "direct_so_frame"),
    ("„Das war ein Fehler“, so Innenministerin Nancy Faeser.", "„Das war ein Fehler“", "Innenministerin Nancy Faeser", "so", "direct_so_frame"),
    ("„Das ist ein Skandal“, so letztere.", "„Das ist ein Skandal“", "letztere", "so", "direct_so_frame"),
    ("„Die Zeitung hat gelogen“, schrieb die „Computerwoche“.", "„Die Zeitung hat gelogen“", "die „Computerwoche“", "schrieb", "direct_post_frame"),
    ("„Das ist nicht akzeptabel“, hatte die Kanzlerin gesagt.", "„Das ist nicht akzeptabel“", "die Kanzlerin", "hatte … gesagt", "direct_post_frame"),
    # pre-frames with a colon
    ("Merkel sagte: „Wir schaffen das.“", "„Wir schaffen das.“", "Merkel", "sagte", "direct_colon_frame"),
    ("Der Polizeisprecher erklärte gegenüber der Presse: „Es gab keine Verletzten.“", "„Es gab keine Verletzten.“", "Der Polizeisprecher", "erklärte", "direct_colon_frame"),
    ("Dazu sagte die Bürgermeisterin: „Wir prüfen alle Möglichkeiten.“", "„Wir prüfen alle Möglichkeiten.“", "die Bürgermeisterin", "sagte", "direct_colon_frame"),
    ("Am Abend schrieb der Präsident auf Twitter: „Ein großartiger Sieg!“", "„Ein großartiger Sieg!“", "der Präsident", "schrieb", "direct_colon_frame"),
    ("In der Erklärung des Ministeriums hieß es: „Die Versorgung ist gesichert.“", "„Die Versorgung ist gesichert.“", "der Erklärung des Ministeriums", "hieß", "direct_colon_frame"),
    # a verb coordinated after "und" shares the first verb's subject; "sie" after it is the object
    ("Die CCE bestätigte die Aussage der Gewerkschaft nicht und nannte sie „reine Spekulation“.", "„reine Spekulation“", "Die CCE", "nannte", "direct_embedded"),
    # … also when the compact model tags the unknown name ADV
    ("Medvedev bedankte sich bei seinem Team nach dem Spielende und sagte: „Ich bin mir sicher, dass meine Frau zuschaut.“", "„Ich bin mir sicher, dass meine Frau zuschaut.“", "Medvedev", "sagte", "direct_colon_frame"),
    # a short quoted clause after a colon is speech, even with a frame verb outside the cue lexicon
    ("Der Regierungssprecher, Steffen Seibert, versuchte mit den Worten zu beruhigen: „Der IWF ist funktionstüchtig“.", "„Der IWF ist funktionstüchtig“", "Der Regierungssprecher, Steffen Seibert", None, "direct_colon_frame"),
    # … with a clause inside the frame: the main clause's verb, the first, frames the quote
    ("Er schließt sich darüber hinaus dem Verdacht der Kritiker an, wonach die Berufung Strobls vor allem politische Hintergründe besäße: „Man muss sich da ja nur das Personaltableau ansehen. Da ergibt sich die Antwort von selbst.“",
     "„Man muss sich da ja nur das Personaltableau ansehen. Da ergibt sich die Antwort von selbst.“", "Er", None, "direct_colon_frame"),
    ("Der Trainer wurde mit den Worten zitiert: „Wir waren nicht gut genug.“", "„Wir waren nicht gut genug.“", "Der Trainer", "wurde … zitiert", "direct_colon_frame"),
    # a past-tense cue the compact model tags as an adjective, in a clause after an adverbial one
    ("Nachdem dieser von Moderator Matthias Keller-May gefragt wurde, was seine Partei von den GRÜNEN unterscheide, entgegnete Suttner empört: „Wollen Sie das nun einfach so stehen lassen?“",
     "„Wollen Sie das nun einfach so stehen lassen?“", "Suttner", "entgegnete", "direct_colon_frame"),
    # a verb-final clause's subject follows its subordinator, whatever the parse attached it to
    ("Die Schutzvereinigung für Wertpapierbesitz (DSW) schlug in die gleiche Kerbe, indem sie den Aufsichtsrat indirekt zum Handeln aufforderte: „Jetzt ist der Aufsichtsrat der Deutschen Bank gefordert.“",
     "„Jetzt ist der Aufsichtsrat der Deutschen Bank gefordert.“", "sie", "aufforderte", "direct_colon_frame"),
    # an irregular present form of a cue verb ("rät" → raten), with a correlate before the comma
    ("Das auswärtige Amt rät dazu, „nicht notwendige Reisen nach Äthiopien zu verschieben“.",
     "„nicht notwendige Reisen nach Äthiopien zu verschieben“", "Das auswärtige Amt", "rät", "direct_embedded"),
    # a verb outside the cue lexicon calling its object something in quotation marks
    ("Der türkische Verkehrsminister, Binali Yildirim, charakterisierte das Opfer als ein „Beispiel taktlosen Verhaltens“.",
     "„Beispiel taktlosen Verhaltens“", "Der türkische Verkehrsminister, Binali Yildirim", "charakterisierte", "direct_called_as"),
    ("Eine ultranationalistische Organisation feierte die Absage dagegen als „großen Erfolg für das normale Serbien“.",
     "„großen Erfolg für das normale Serbien“", "Eine ultranationalistische Organisation", "feierte", "direct_called_as"),
    # verbless colon frames
    ("Merkel: „Wir schaffen das.“", "„Wir schaffen das.“", "Merkel", None, "direct_verbless_colon_frame"),
    ("Der Minister weiter: „Die Reform kommt.“", "„Die Reform kommt.“", "Der Minister", None, "direct_verbless_colon_frame"),
    ("Dazu Scholz: „Das sehe ich anders.“", "„Das sehe ich anders.“", "Scholz", None, "direct_verbless_colon_frame"),
    ("Erkki Tuomioja, Präsident des Rats der Europäischen Union: „Die Verhandlungen beginnen heute.“", "„Die Verhandlungen beginnen heute.“",
     "Erkki Tuomioja, Präsident des Rats der Europäischen Union", None, "direct_verbless_colon_frame"),
    # dash attribution
    ("„Wer kämpft, kann verlieren. Wer nicht kämpft, hat schon verloren.“ – Bertolt Brecht", "„Wer kämpft, kann verlieren. Wer nicht kämpft, hat schon verloren.“", "Bertolt Brecht", None, "direct_dash_attribution"),
    # pre-frame without a colon, embedded and attributed phrases
    ("Marktanalyst Robert Halver kommentierte „Die Erwartungen sind hoch.“", "„Die Erwartungen sind hoch.“", "Marktanalyst Robert Halver", "kommentierte", "direct_pre_frame"),
    ("Der Trainer nannte die Entscheidung des Schiedsrichters „völlig überzogen“.", "„völlig überzogen“", "Der Trainer", "nannte", "direct_embedded"),
    ("Die Ministerin bezeichnete den Vorschlag als „unausgegoren“.", "„unausgegoren“", "Die Ministerin", "bezeichnete", "direct_embedded"),
    # the cue nearest before the quoted phrase governs it, not the last cue of the sentence
    ("Die Ministerin bezeichnete den Vorschlag als „unausgegoren“ und kündigte an, einen eigenen Entwurf vorzulegen.", "„unausgegoren“", "Die Ministerin", "bezeichnete", "direct_embedded"),
    # a verb-first clause after a quoted sentence frames it, cue lexicon or not
    ("„Wir haben damals nicht gewusst, was kommt“, erinnerte sich der Zeitzeuge später.", "„Wir haben damals nicht gewusst, was kommt“", "der Zeitzeuge", "erinnerte sich", "direct_post_frame"),
    ("In der ARD zeigte sich der Bundestrainer zufrieden: „Die Mannschaft hat heute alles gegeben.“", "„Die Mannschaft hat heute alles gegeben.“", "der Bundestrainer", "zeigte sich", "direct_colon_frame"),
    # the subject by case and word order where the compact model's tree is wrong
    ("Der englischsprachigen Zeitung sagte Filep Karma: „Das entmutigt mich nicht.“", "„Das entmutigt mich nicht.“", "Filep Karma", "sagte", "direct_colon_frame"),
    ("Als Begründung sagte ein Wissenschaftler: „Die Daten reichen nicht aus.“", "„Die Daten reichen nicht aus.“", "ein Wissenschaftler", "sagte", "direct_colon_frame"),
    ("Die Pläne der Regierung bezeichnete er als „völlig unausgegoren“.", "„völlig unausgegoren“", "er", "bezeichnete", "direct_embedded"),
    ("Kritik kommt vom Fahrgastverband IGEB, der die Maßnahme als „reine Geldschneiderei“ sieht.", "„reine Geldschneiderei“", "Fahrgastverband IGEB", "sieht", "direct_embedded"),
    # an active "zitieren" gives the quote to its subject (the corpus convention), the object only after "man"
    ("Die Frankfurter Rundschau zitiert einen Augenzeugen: „Es ging alles sehr schnell.“", "„Es ging alles sehr schnell.“", "Die Frankfurter Rundschau", "zitiert", "direct_colon_frame"),
    # a naming noun inside the speaker's apposition does not make the quotation a name
    ("Dazu sagte Jon Bon Jovi, Gründer der Rockband: „Ich spiele nicht für Geld.“", "„Ich spiele nicht für Geld.“", "Jon Bon Jovi, Gründer der Rockband", "sagte", "direct_colon_frame"),
    ("Der Minister sagte der Zeitung: „Das ist falsch.“", "„Das ist falsch.“", "Der Minister", "sagte", "direct_colon_frame"),
    # a quoted name or web address inside the frame before the colon stays in the frame
    ("Der Sprecher kommentierte die Entscheidung laut „tagesschau.de“ mit folgenden Worten: „Es gibt dafür keinen Markt.“",
     "„Es gibt dafür keinen Markt.“", "Der Sprecher", "kommentierte", "direct_colon_frame"),
    ("Ein Vertreter der Organisation „Rettet den Wald“ erklärte am Montag: „Wir werden dagegen klagen.“",
     "„Wir werden dagegen klagen.“", "Ein Vertreter der Organisation „Rettet den Wald“", "erklärte", "direct_colon_frame"),
    # quoted words end a speaker phrase (only a capitalised quoted name belongs to it), and so
    # does a second noun phrase opened by a quantifier
    ("Der Fall wird nach Angaben der Staatsanwaltschaft „ganz besonders sorgfältig“ geprüft.", "„ganz besonders sorgfältig“", "Angaben der Staatsanwaltschaft", "nach", None),
    ("Nach einem Besuch im Krisengebiet sprach der mexikanische Präsident von der „schlimmsten Katastrophe“ des Landes.", "„schlimmsten Katastrophe“", "der mexikanische Präsident", "sprach", None),
    ("In einem Gespräch mit dem Minister wies der Geschäftsführer alle Vorwürfe als „haltlos“ zurück.", "„haltlos“", "der Geschäftsführer", "wies … zurück", None),
    # object first: an abstract noun before the verb is no speaker when a person is named after it
    ("Jegliche Mitverantwortung für die Finanzaffäre weist Hartmann von sich: „Diese Verantwortung kann nur der Vorstand tragen.“",
     "„Diese Verantwortung kann nur der Vorstand tragen.“", "Hartmann", None, None),
    ("Die praktische Anwendung der Richtlinienkompetenz stellte der SPD-Vorsitzende Franz Müntefering in Frage: „Das ist eine Frage der Koalition.“",
     "„Das ist eine Frage der Koalition.“", "der SPD-Vorsitzende Franz Müntefering", None, None),
    # a quoted phrase inside the clause of a cue takes the subject by word order when the tree has none
    ("Angesichts solcher Alternativen nannte Reinhard Jung, Geschäftsführer des Bauernbundes Brandenburg, die Gentech-Kartoffel Amflora „überflüssig wie ein Kropf“.",
     "„überflüssig wie ein Kropf“", "Reinhard Jung, Geschäftsführer des Bauernbundes Brandenburg", "nannte", None),
    # a name opened by a particle fills the slot before the verb, though the tree takes it for a prepositional phrase
    ("Von der Leyen betonte, unter den Verkäuferinnen seien „viele Frauen, viele Alleinerziehende“.", "„viele Frauen, viele Alleinerziehende“", "Von der Leyen", "betonte", None),
    # a quoted word after a preposition is a name, unless the verb takes it as the words used
    ("Die Analysten sprachen in diesem Zusammenhang von „Panikverkäufen“.", "„Panikverkäufen“", "Die Analysten", "sprachen", "direct_embedded"),
    # multi-sentence quotes are one quote
    ("„Wir haben lange verhandelt. Am Ende gab es keinen Kompromiss. Das bedauern wir“, sagte der Sprecher.",
     "„Wir haben lange verhandelt. Am Ende gab es keinen Kompromiss. Das bedauern wir“", "der Sprecher", "sagte", "direct_post_frame"),
]

INTERRUPTED = "„Wir werden“, sagte Scholz, „alles tun, was nötig ist.“"
CONTINUATION = "„Wir geben nicht auf“, sagte die Trainerin. „Die Saison ist noch lang und wir haben gute Spieler.“"
# a framed direct quote after indirect speech is no free indirect continuation of the earlier source
FRAMED_AFTER_INDIRECT = (
    "Laut Boudgoust war allein die Kompetenz für die Auswahl entscheidend. Auch andere Mitarbeiter bestätigten das. "
    "„Frau Strobl auf ihr Parteibuch zu reduzieren, wäre nicht gerecht“, so der Chef des Verwaltungsrats Ulrich Müller."
)
# a quote a medium cites is the person's and the medium's (two WIKINEWS annotations)
CITED = [
    ("Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „Es ging alles sehr schnell.“", "Die Frankfurter Rundschau", "einen Augenzeugen"),
    ("Der Fraktionschef der Grünen wird von der „Netzeitung“ mit den Worten zitiert: „Wowereit ist angeschlagen.“", "Der Fraktionschef der Grünen", "der „Netzeitung“"),
]
MULTI_PARAGRAPH = "Der Bürgermeister sagte:\n\n„Der erste Teil der Rede handelt von der Stadt.\n\n„Der zweite Teil handelt von den Menschen.“"
UNCLOSED = "„Wir machen weiter, sagte der Trainer.\n\nIm nächsten Absatz geht es um etwas anderes."
NESTED_INDIRECT = "Der Minister sagte, die Reform sei „ein großer Schritt“ für das Land."

# texts in which no direct quote must be found
NEGATIVE = [
    "Der Film „Das Boot“ lief gestern im Fernsehen.",
    "Gestern wurde die sogenannte „Zeitenwende“ im Bundestag diskutiert.",
    "Die Terrormiliz „Islamischer Staat“ hat sich zu dem Anschlag bekannt.",
    "Die Ausstellung trägt den Titel „Licht und Schatten“.",
    "Das Schiff „Gorch Fock“ liegt im Hafen von Kiel.",
    "Der Roman „Der Vorleser“ wurde in viele Sprachen übersetzt.",
    "Das Unternehmen „Neutrino Deutschland GmbH“ hat Insolvenz angemeldet.",
    "Merkel's Rede und Steinbrück's Antwort wurden gestern übertragen.",
    "Wie geht's weiter mit dem Projekt?",
    "Das Rohr hat einen Durchmesser von 5\" und ist aus Stahl.",
    # "als" + quotation that gives a function or a name, not a verdict
    "Ratzinger galt noch vor seinem Papstamt als „Pitbull des Vatikans“.",
    "Die Anwendung körperlicher Gewalt gegen Kinder dient als „Erziehungsmaßnahme“ gegen Schüler.",
    "Sicherheitskräfte umstellten das als „Dschungel von Calais“ bekannte Flüchtlingslager.",
    # names by the words around them, even next to a cue verb
    "Der Minister wies die Berichte der Wochenzeitung „Le Canard enchaîné“ entschieden zurück.",
    "Der Bär JJ1, auch „Bruno“ genannt, wurde nach Angaben der Behörden erschossen.",
    "Die Polizei berichtete, sie habe zwei mutmaßliche „Al-Qaida“-Mitglieder festgenommen.",
    "Zebroide sind Kreuzungen („Hybride“) zwischen Zebra und Pferd, erklärte der Zoo.",
    "Die Demonstranten zogen unter dem Motto „Wir sind das Volk!“ durch die Innenstadt.",
    "Die Kritiker forderten einen sofortigen Anbaustopp für „Amflora“.",
    # a title after a colon: the only full verb stands in a relative clause, the main verb is "ist"
    "Das Buch, das sie in Klagenfurt vorstellte, ist ihr literarisches Erstwerk: „Sie befinden sich hier“.",
    # verbs seen only with clauses in the training data frame no quoted phrase
    "Die Demonstranten signalisierten ihre Ablehnung der „People's Alliance for Democracy“.",
    "Bisher habe die Bundesregierung die Einrichtung einer „zentralisierten Referenzdatei“ ausgeschlossen.",
    "Die Rebellen gehören laut „tagesschau.de“ zu den stärksten Gruppen, berichtete der Sender.",
    # names given by a naming verb, not statements
    "„Wikiasari“, so heißt die neue Suchmaschine.",
    "Der wissenschaftliche Name des Fisches lautet „Tiktaalik roseae“.",
    "Das Bündnis, das sich selbst „Allianz für Europa“ nennt, erklärte seinen Rückzug.",
    # a few quoted lowercase words no one is said to use: distancing, not speech
    "Die Partei gilt seit Jahren als „kleineres Übel“ der Wähler.",
    "Das Land ist seit dem Sommer offiziell „masernfrei“.",
]

TEXTS = [c[0] for c in POSITIVE] + [c[0] for c in CITED] + [INTERRUPTED, CONTINUATION, FRAMED_AFTER_INDIRECT, MULTI_PARAGRAPH, UNCLOSED, NESTED_INDIRECT] + NEGATIVE


@pytest.fixture(scope="module")
def extracted():
    results = quotes.Extractor("compact", method="rules").pipe([(str(i), t) for i, t in enumerate(TEXTS)])
    return {TEXTS[int(r.id)]: r.quotes for r in results}


def _direct(found):
    return [q for q in found if q.type == "Direct"]


def _describe(found):
    return [(q.type, q.quote.text, q.speaker and q.speaker.text, q.cue and q.cue.text, q.rule) for q in found]


@pytest.mark.parametrize("text, quote, speaker, cue, rule", POSITIVE, ids=[c[0][:40] for c in POSITIVE])
def test_frames(extracted, text, quote, speaker, cue, rule):
    match = [q for q in _direct(extracted[text]) if q.quote.text == quote]
    assert match, _describe(extracted[text])
    found = match[0]
    assert (found.speaker.text if found.speaker else None) == speaker, _describe(extracted[text])
    if cue is not None:
        assert found.cue is not None and found.cue.text == cue, _describe(extracted[text])
    if rule is not None:
        assert found.rule == rule


def test_interrupted_quote_is_one_quote_with_two_spans(extracted):
    (found,) = _direct(extracted[INTERRUPTED])
    assert [s.text for s in found.quote.spans] == ["„Wir werden“", "„alles tun, was nötig ist.“"]
    assert found.speaker.text == "Scholz" and found.rule == "direct_interrupted"


def test_continuation_takes_the_last_speaker(extracted):
    first, second = _direct(extracted[CONTINUATION])
    assert second.rule == "direct_continuation"
    assert second.speaker.text == first.speaker.text == "die Trainerin"


def test_framed_quote_keeps_its_own_speaker_after_indirect_speech(extracted):
    found = extracted[FRAMED_AFTER_INDIRECT]
    (direct,) = _direct(found)
    assert direct.speaker.text == "der Chef des Verwaltungsrats Ulrich Müller", _describe(found)
    assert not [q for q in found if q.type == "IndirectFreeIndirect"], _describe(found)


@pytest.mark.parametrize("text, speaker, source", CITED, ids=[c[0][:40] for c in CITED])
def test_cited_quote_is_attributed_to_person_and_medium(extracted, text, speaker, source):
    first, second = _direct(extracted[text])
    assert first.quote == second.quote
    assert (first.speaker.text, second.speaker.text) == (speaker, source), _describe(extracted[text])
    assert second.rule == "direct_double_attribution"
    # the medium writes, the person speaks
    media = {first.speaker.text: first.medium, second.speaker.text: second.medium}
    assert media == ({speaker: "Writing", source: "Speech"} if "zitiert einen" in text else {speaker: "Speech", source: "Writing"})


def test_quote_over_two_paragraphs_is_one_quote(extracted):
    (found,) = _direct(extracted[MULTI_PARAGRAPH])
    assert found.quote.text.startswith("„Der erste Teil") and found.quote.text.endswith("den Menschen.“")
    assert found.speaker.text == "Der Bürgermeister"


def test_unclosed_quote_ends_with_its_paragraph(extracted):
    found = _direct(extracted[UNCLOSED])
    assert [q.quote.text for q in found] == ["„Wir machen weiter, sagte der Trainer."]


def test_quoted_fragment_inside_indirect_speech_is_nested(extracted):
    found = extracted[NESTED_INDIRECT]
    (fragment,) = _direct(found)
    assert fragment.quote.text == "„ein großer Schritt“" and fragment.nested
    assert fragment.speaker is not None and fragment.speaker.text == "Der Minister"
    assert any(q.type == "Indirect" and q.start <= fragment.start and fragment.end <= q.end for q in found)


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_names_titles_and_stray_marks_are_not_quotes(extracted, text):
    assert not _direct(extracted[text]), _describe(extracted[text])
