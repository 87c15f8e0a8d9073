"""The word lists code reads English news with: one definition each, below ``text``, ``scan``,
``attribution`` and ``fields`` (it imports nothing from the package), so the sentence splitter, the
scanners and the attribution readers tell a verb of speech, a title, an abbreviation or a body's
name the same way.

Verb lists are regular-expression alternations (``rf"\\b(?:{SPEECH})\\b"``); word sets hold
casefolded words without their full stop.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "BODY_WORDS",
    "CLAIM_VERBS",
    "MONTHS",
    "ORG_WORDS",
    "POLL_ADJECTIVES",
    "POLL_WORDS",
    "RESPONDENT_WORDS",
    "SAID",
    "SPEECH",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "TITLE_MODIFIERS",
    "WEEKDAYS",
]

# ---- verbs --------------------------------------------------------------------------------

#: the core verbs of attribution ("…, Ruiz said", "told reporters", "stated")
SAID = r"said|says|told|stated"

#: verbs that introduce what someone said (quote speakers, "said," before a straight quote mark)
SPEECH = (
    r"said|says|say|told|tells|added|adds|explained|stated|wrote|writes|asked|replied|warned|noted|"
    r"argued|claimed|insisted|declared|announced|commented|remarked|continued|concluded|recalled|stressed|"
    r"tweeted|posted|observed|admitted|acknowledged|urged|responded|testified|reported|"
    r"stating|saying|adding|writing|noting|telling|explaining|warning|"
    r"called|calls|dubbed|described|characterized|characterised|reasoned|cautioned|quipped|joked|shouted|"
    r"notes|states|argues|warns|insists|recalls|explains|comments|remarks|replies|responds|talked|spoke"
)

#: verbs that make a sentence someone's claim ("X has denied", "the report found", "officials estimate")
CLAIM_VERBS = (
    r"said|says|say|told|tells|added|announced|announces|reported|reports|found|finds|estimated|estimates|"
    r"denied|denies|claimed|claims|warned|warns|stated|states|confirmed|confirms|believes|believe|believed|"
    r"expects|expected|predicted|predicts|alleged|alleges|argued|argues|insisted|insists|accused|accuses|"
    r"acknowledged|admitted|noted|wrote|writes|tweeted|declared|revealed|disclosed|suggested|suggests|"
    r"concluded|concludes|showed|shows|indicated|indicates|demanded|demands|called|urged|promised|vowed|"
    r"notes|explains|reasoned|reasons|cautioned|cautions"
)

# ---- titles and abbreviations -----------------------------------------------------------------

#: abbreviated titles before a name ("Dr.", "Sen.", "Lt.")
TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt"})
#: words of a title that qualify its head rather than head it ("Prime Minister", "Defense Secretary")
TITLE_MODIFIERS = frozenset(
    {"prime", "press", "defense", "defence", "foreign", "interior", "health", "finance", "justice", "vice", "deputy"}
)
#: words of a person's title: a capitalised run is split at them ("Defense Minister Oleksii Reznikov")
_TITLE_WORDS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "governor", "senator", "mayor", "general", "director", "chairman", "chairwoman", "ceo", "king",
    "queen", "prince", "princess", "pope", "judge", "officer", "chief", "commissioner", "ambassador",
    "representative", "captain", "commander", "professor", "councillor", "councilor", "leader",
}  # fmt: skip
TITLES = frozenset(_TITLE_WORDS) | TITLE_MODIFIERS | TITLE_ABBREVIATIONS

#: words a full stop follows without ending the sentence ("Mr.", "Inc.", "U.S.", "Sept.")
ABBREVIATIONS = TITLE_ABBREVIATIONS | {
    "st", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "no", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
}  # fmt: skip

# ---- bodies -------------------------------------------------------------------------------

#: words that make a capitalised run an organisation's name ("Home Office", "Associated Press" aside)
ORG_WORDS = frozenset({
    "council", "department", "office", "ministry", "agency", "university", "institute", "party",
    "association", "society", "committee", "commission", "bureau", "board", "court", "nations",
    "union", "league", "federation", "corporation", "company", "group", "news", "times", "post",
    "relations", "foundation", "center", "centre", "museum", "college", "school", "force", "army",
    "navy", "police", "service", "gazette", "magazine", "network", "authority", "organization",
    "organisation", "institution", "administration", "government", "parliament", "assembly",
})  # fmt: skip

#: ORG_WORDS and more words that make a capitalised run a body ("Church of Scientology", "Acme Inc")
BODY_WORDS = ORG_WORDS | {
    "church", "municipality", "club", "olympics", "conference", "tribunal", "bank", "trust", "fund", "inc",
    "ltd", "llc", "corp", "airlines", "wiki", "house", "cabinet", "senate", "congress", "secretariat",
}  # fmt: skip

# ---- polls --------------------------------------------------------------------------------

#: words naming a poll (regular-expression alternation)
POLL_WORDS = r"poll|polls|survey|surveys|polling|poll\s+average|polling\s+average"
#: words between a poll's maker and the word poll ("a CNN national tracking poll")
POLL_ADJECTIVES = (
    r"new|latest|recent|national|state|statewide|online|telephone|phone|tracking|daily|weekly|monthly|exit|"
    r"opinion|public|separate|independent|internal|early|final|nationwide"
)
#: nouns for the people a poll asks (the head of a sample or of a share's group)
RESPONDENT_WORDS = (
    r"voters|adults|respondents|residents|Americans|people|Democrats|Republicans|independents|Latinos|"
    r"Hispanics|millennials|women|men|supporters|caucusgoers|electorate|citizens|members|parents|students|"
    r"workers|consumers|households|likely\s+voters|registered\s+voters|Britons|Canadians|Australians"
)

# ---- calendar -----------------------------------------------------------------------------

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
