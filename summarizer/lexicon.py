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
    "AGREEMENT_WORDS",
    "BODY_WORDS",
    "BUSINESS_FIRST",
    "CLAIM_VERBS",
    "MONTHS",
    "ORG_WORDS",
    "PARTY_WORDS",
    "POLL_ADJECTIVES",
    "POLL_WORDS",
    "RELATIVES",
    "RESPONDENT_WORDS",
    "SAID",
    "SPEECH",
    "STANCE_VERBS",
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
    r"notes|states|argues|warns|insists|recalls|explains|comments|remarks|replies|responds|talked|spoke|"
    r"suggested|suggests|echoed|echoes|chanted|chants|wondered|wonders|mentioned|confirmed|confirms|blurted|"
    r"recounted|recounts|conceded|concedes|vowed|vows|pledged|predicted|promised|countered|complained|"
    r"lamented|boasted|bragged|admits|announces|acknowledges|tweets|"
    r"declares|answered|answers|asks|stresses|concludes|continues|testifies|predicts|promises|counters|"
    r"complains|laments|boasts|observes|cautions|quips|jokes|shouts|tells|"
    r"shot back|fired back|proclaimed|proclaims|yelled|yells|screamed|screams"
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

#: verbs of stance and belief that make a sentence someone's claim as well ("X thinks", "Y endorsed",
#: "Z dismissed"): PolNeAR's annotators attribute what someone thinks, wants or backs; not "supports"
#: or "asks" (the seeds read "has supported LGBT rights", "asks Zelensky to" as the article's own)
STANCE_VERBS = (
    r"thinks|thought|wants|wanted|hopes|hoped|fears|feared|doubts|doubted|worries|worried|knows|knew|"
    r"endorsed|endorses|criticized|criticised|criticizes|praised|praises|"
    r"dismissed|dismisses|rejected|rejects|blamed|blames|questioned|questions|touted|touts|cited|cites|"
    r"agreed|agrees|disagreed|disagrees|conceded|concedes|contended|contends|maintained|maintains|pledged|"
    r"pledges|vows|recalled|recalls|described|describes|defended|defends|slammed|attacked|"
    r"countered|complained|complains|lamented|projected|testified|emphasized|emphasised|"
    r"recommended|recommends|proposed|proposes|advised|replied|responded|adds|asserted|asserts|"
    # acts of communication: "will discuss", "is calling for", "knocked a statement", "issued a report"
    r"discuss|discussed|discusses|discussing|talked|talks|urges|urging|demanded|demanding|pledging|"
    r"vowing|knocked|ripped|blasted|issued|posted|published|released|highlighted|highlighting|touting"
)

# ---- titles and abbreviations -----------------------------------------------------------------

#: abbreviated titles before a name ("Dr.", "Sen.", "Lt."; police and clergy ranks as wire copy writes
#: them: "RCMP Cpl. Danielle Roy", "Const.", "Insp.", "Supt.", "Det.", "Rev.", "Capt.")
TITLE_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "cpl", "const", "insp", "supt",
    "det", "rev", "capt",
})  # fmt: skip
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
#: months as abbreviated with a stop ("Aug. 8", "Updated Dec. 3"); May is never abbreviated
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
ABBREVIATIONS = TITLE_ABBREVIATIONS | MONTH_ABBREVIATIONS | {
    "st", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "no", "u.s", "u.k", "u.n", "e.g", "i.e", "mt", "ft",
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
    "ltd", "llc", "corp", "airlines", "wiki", "house", "cabinet", "senate", "congress", "secretariat", "management",
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

#: a business or venue a name's first word makes of it ("Studio Schicketanz", "Camp Kilmer"): no person
BUSINESS_FIRST = frozenset({
    "studio", "gallery", "restaurant", "cafe", "café", "hotel", "clinic", "farm", "store", "shop", "bakery",
    "salon", "camp", "radio", "channel", "project", "operation", "team", "club", "hall", "house",
})  # fmt: skip
#: agreements and laws ("Paris Agreement", "Global Compact"): of kind "other", never a person
AGREEMENT_WORDS = frozenset(
    {"convention", "treaty", "pact", "accord", "agreement", "compact", "act", "protocol", "charter"}
)
#: party words that may stand before a person's name ("Democratic Gov. Maggie Hassan"): not part of it
PARTY_WORDS = (
    "Democratic", "Republican", "Democrat", "Liberal", "Conservative", "Labour", "Tory", "Green", "GOP", "NDP",
    "Socialist", "Progressive", "Libertarian",
)  # fmt: skip

# ---- people -------------------------------------------------------------------------------

#: relatives named through someone else ("her husband Tom", "his son, Andrew"): a family member
RELATIVES = (
    "son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "partner", "dad", "mom", "mum",
    "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother",
    "fiance", "fiancé", "fiancée", "boyfriend", "girlfriend", "spouse", "child", "widow", "widower",
)  # fmt: skip

# ---- calendar -----------------------------------------------------------------------------

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
