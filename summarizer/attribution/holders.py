"""Who holds a claim: the verbs whose subject makes a sentence that subject's claim, beyond "said".

A claim's ``attributed_to`` is the one who **holds** it: who says, writes, believes, wants, urges,
backs, denounces, accuses, cites, agrees, warns, vows, demands or denies it. Not the doer of a plain
action ("X filed", "X visited", "X spent"). The verbs come in three classes, after the verb classes
of linguistics (Levin 1993: verbs of communication, judgement and psychological state; Biber's stance
verbs), checked against what PolNeAR's annotators count as attribution cues on its study half:

* **communication**: what the subject puts into words ("cites", "urges", "made clear", "denounces");
* **attitude**: what the subject thinks, wants or intends ("believes", "is looking to", "is not sure");
* **alignment**: whose side the subject takes ("backs", "campaigns for", "is suing", "agreed").

Each class is a list of lemmas; ``forms`` inflects them. ``headline_case`` lower-cases these verbs
(and auxiliaries) in a Title-Case headline, so that the sentence readers stop its subject at the
verb ("Marine Le Pen Backs Trump" -> subject "Marine Le Pen").
"""

from __future__ import annotations

import re

from ..lexicon import CLAIM_VERBS, STANCE_VERBS, WEEKDAYS
from .patterns import APPOSITIVE, NAME

__all__ = [
    "ATTITUDE_ADJECTIVE",
    "ENTOURAGE",
    "HOLD_ASPECT",
    "HOLD_BASE",
    "HOLD_FINITE",
    "HOLD_ING",
    "LEAD_RE",
    "MODAL_RE",
    "STANCE_IDIOM",
    "apposed",
    "forms",
    "headline_case",
    "headline_name",
    "holder_clause",
    "in_aside",
    "in_quotation",
    "plural_only",
    "poll_maker",
]

# (lemma, irregular past) or lemma; a trailing " for"/" against" is a particle the verb needs
COMMUNICATION = (
    "cite urge implore demand announce declare assure reiterate express hint reveal concede admit deny "
    "clarify accuse criticize criticise denounce condemn repudiate slam blast rail_against decry dismiss "
    "reject praise hail applaud warn threaten vow pledge promise predict propose suggest recommend insist "
    "argue contend claim allege question dispute describe characterize label brand deem dub call_for "
    "call_on say tell write tweet report note explain stress emphasize maintain acknowledge confirm remark request"
).split()
ATTITUDE = "believe think feel expect hope fear doubt worry want wish prefer intend".split()
ALIGNMENT = (
    "back endorse oppose favor favour campaign_for campaign_against push_for fight_for fight_against sue "
    "agree disagree concur defend challenge attack"
).split()
#: those who speak for a named person and are read as that person: "Kessler's campaign said", "Hartley's
#: allies said", "the Pell campaign said" (``source_names.clean_source`` keeps the owner); not "X's office", which
#: GGT labels as the office
ENTOURAGE = r"(?:['’]s?)?\s+(?:campaign|camp|allies|aides)(?![\w-])"
_IRREGULAR = {
    "think": ("thinks", "thought"),
    "feel": ("feels", "felt"),
    "tell": ("tells", "told"),
    "say": ("says", "said"),
    "write": ("writes", "wrote|written"),
    "fight": ("fights", "fought"),
}


def forms(lemma: str) -> tuple[str, str, str, str]:
    """(base, third person, past, -ing) of a lemma, with its particle ("rail_against" ->
    "rail against", "rails against", "railed against", "railing against")."""
    verb, _, particle = lemma.partition("_")
    tail = rf"\s+{particle}" if particle else ""
    if verb in _IRREGULAR:
        third, past = _IRREGULAR[verb]
    elif re.search(r"[^aeiou]y$", verb):
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    elif verb.endswith("e"):
        third, past = verb + "s", verb + "d"
    elif re.search(r"(?:sh|ch|s|x|z)$", verb):
        third, past = verb + "es", verb + "ed"
    elif re.search(r"(?:^|[^aeiou])[aeiou][pt]$", verb) and verb not in ("credit",):
        third, past = verb + "s", verb + verb[-1] + "ed"  # "admit" -> "admitted"
    else:
        third, past = verb + "s", verb + "ed"
    ing = (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"
    if past.endswith(verb[-1] * 2 + "ed"):
        ing = verb + verb[-1] + "ing"
    return tuple(f"(?:{f}){tail}" for f in (verb, third, past, ing))  # type: ignore[return-value]


# lemmas whose base form is as often a noun ("the Senate report", "the Clinton campaign for …"): only
# their inflected forms make a verb
_NOUNS = frozenset(
    "report note claim question dispute label brand dub promise pledge vow hope fear doubt worry wish favor favour "
    "challenge attack demand stress express hint tweet call_for call_on campaign_for campaign_against push_for "
    "fight_for fight_against back remark request".split()
)
_ALL = [forms(lemma) for lemma in COMMUNICATION + ATTITUDE + ALIGNMENT]
_BASE = [forms(lemma)[0] for lemma in COMMUNICATION + ATTITUDE + ALIGNMENT if lemma not in _NOUNS]
#: a verb that makes its subject the claim's holder, finite ("backs", "backed", "cite" after a plural)
_FINITE = {f for _, third, past, _ in _ALL for f in (third, past)} | set(_BASE)
HOLD_FINITE = "|".join(sorted(_FINITE, key=len, reverse=True))
#: after a modal or "to" ("will sue", "to campaign for")
HOLD_BASE = "|".join(sorted({f[0] for f in _ALL}, key=len, reverse=True))
#: after a progressive "is" or as a participle (", arguing that", "is suing")
HOLD_ING = "|".join(sorted({f[3] for f in _ALL}, key=len, reverse=True)) + "|looking\\s+to|throwing\\s+\\w+\\s+weight"
#: a holder verb in the progressive or after a verb of aspect: "is looking to", "began tweeting out"
HOLD_ASPECT = (
    r"(?:is|are|was|were|began|begins|started|starts|continued|continues|kept|keeps)\s+(?:also\s+|now\s+|still\s+)?"
    rf"(?:{HOLD_ING})"
)
#: an attitude said with an adjective: "is not sure", "was confident that"
ATTITUDE_ADJECTIVE = (
    r"(?:is|are|was|were)\s+(?:not\s+|also\s+|still\s+)?(?:sure|unsure|confident|convinced|certain|skeptical|"
    r"sceptical|doubtful|worried|concerned|optimistic|pessimistic|hopeful)\b|made\s+clear|makes\s+clear"
)

#: an evaluation said with a fixed phrase, no verb of saying: "makes no apologies for", "has nothing but
#: positive things to say about", "stands tall on", "has (the) right idea on" (PolNeAR counts them as cues)
STANCE_IDIOM = (
    r"(?:makes?|made)\s+no\s+apolog(?:y|ies)\s+for|(?:has|have|had)\s+nothing\s+but\s+(?:praise|scorn|contempt|"
    r"(?:positive|good|kind|nice|negative|bad)\s+things\s+to\s+say)|(?:stands?|stood)\s+(?:tall|firm)\s+(?:on|behind)|"
    r"(?:has|have|had)\s+(?:the\s+)?(?:right|wrong)\s+idea\s+(?:on|about)"
    # an intention, as "intends to": "Clinton plans to call for …" (not "is planning an invasion": a report of an act)
    r"|(?:plans|planned)\s+to"
)

_PLURAL_ONLY = re.compile("|".join(_BASE))
# the verbs read before these classes ("Republicans say", "Democrats believe") keep their reading
_OLD_VERBS = re.compile(f"{CLAIM_VERBS}|{STANCE_VERBS}")


def plural_only(cue: str) -> bool:
    """Whether ``cue`` is a bare base form new with these classes ("cite", "suggest"): a verb only
    after a plural subject, which at a sentence's start may be a common noun ("Estimates suggest"),
    not a name. "say", "believe" (``lexicon.CLAIM_VERBS``) keep the reading they had."""
    return _PLURAL_ONLY.fullmatch(cue) is not None and _OLD_VERBS.fullmatch(cue) is None


def in_quotation(sentence: str, at: int) -> bool:
    """Whether ``sentence[at]`` lies inside quotation marks: a subject there is the quoted
    speaker's wording ("… I'd think …"), not the article's report of who holds the claim."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def in_aside(sentence: str, at: int) -> bool:
    """Whether ``sentence[at]`` lies between two dashes ("— as many researchers believe, and Democrats
    are alleging —"): an aside's holder is not the holder of the sentence."""
    return sentence[:at].count("—") % 2 == 1 and "—" in sentence[at:]


_AUXILIARY = frozenset("is are was were has have had will would to just also now still not be been can could".split())
_HOLD_WORD = re.compile(rf"(?:{HOLD_FINITE}|{HOLD_ING}|{HOLD_BASE})", re.IGNORECASE)
_SPEECH_WORD = re.compile(r"calls|called", re.IGNORECASE)


def _is_headline(sentence: str) -> bool:
    """Title Case: at least three words of four letters or more, nearly all capitalised."""
    long = [w for w in re.findall(r"[A-Za-z][\w’'-]{3,}", sentence)]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.85 * len(long)


def headline_case(sentence: str) -> str:
    """The sentence with its holder verbs and auxiliaries in lower case when it is a Title-Case
    headline ("Le Pen Backs Trump And Denounces Clinton" -> "Le Pen backs Trump and denounces
    Clinton"); other sentences unchanged. Same length, so offsets hold. A verb before "Of" or
    "By" is a headline's passive ("Clinton Accused Of …"): its subject holds nothing, so it stays."""
    if not _is_headline(sentence):
        return sentence
    out = list(sentence)
    for m in re.finditer(r"(?<![\w’'-])[A-Z][a-z]+(?:\s+(?:For|Against|On))?(?![\w’'-])(?!\s+(?:Of|By)\b)", sentence):
        word = m.group()
        if m.start() == 0:
            continue  # the first word is the subject's, even when it reads as a verb ("Hope Hicks")
        if word.casefold() in _AUXILIARY | {"and", "or"} or (
            _HOLD_WORD.fullmatch(word) or _SPEECH_WORD.fullmatch(word)
        ):
            out[m.start() : m.end()] = word.lower()
    for m in re.finditer(STANCE_IDIOM, sentence, re.IGNORECASE):  # "Trump Stands Tall On Proposal For …"
        out[m.start() : m.end()] = m.group().lower()
    return "".join(out)


def headline_name(text: str, start: int, end: int, source: str) -> str:
    """A source read from a Title-Case headline, cut to the longest run of its first words that the
    article writes outside the headline, when the next word reads as the headline's verb ("Clinton
    Wades In" -> "Clinton"); "" when no such run is left ("Hollywood Actor Who …", "Trump’s Son":
    a description, or what an owner's possessive qualifies, names nobody the article names). A
    headline's verb is capitalised too, so a capitalised run there may run past the name."""
    sentence = text[start:end]
    if not _is_headline(sentence) or source not in sentence:
        return source
    rest = text[:start] + " " + text[end:]
    words = source.split()
    owned = [i for i, w in enumerate(words) if re.search(r"['’]s?$", w)]
    words = words[owned[-1] + 1 :] if owned else words  # "France’s Marine Le Pen" -> "Marine Le Pen"
    for n in range(len(words), 0, -1):
        prefix = " ".join(words[:n])
        verb = n == len(words) or re.search(r"(?:s|ed)$", words[n])
        if verb and re.search(rf"(?<![\w’'-]){re.escape(prefix)}(?![\w-])", rest):
            return prefix
    return ""


_PAST = "|".join(sorted({f[2] for f in _ALL}, key=len, reverse=True))
# "Mr. Cruz has pursued a national strategy …, arguing that …", "The AP has surveyed the delegates and
# noted …": a participle's or a second verb's subject is the clause's
_PARTICIPLE_RE = re.compile(
    rf"^(?:[^,\n]{{0,40}},\s+)?(?:the\s+)?(?:{NAME}\s+[a-z]+\s+)?(?P<src>{NAME}){APPOSITIVE}\s+"
    rf"(?:(?:has|have|had|is|are|was|were|also|then)\s+){{0,2}}[a-z]+(?:ed|ought|ood)\b"
    rf"[^;:“”\"]{{0,200}}?(?:,\s+(?:and\s+)?(?P<cue>{HOLD_ING})|\s+and\s+(?:also\s+|then\s+)?(?P<cue2>{_PAST}))\b"
)
# "News of the move was first reported by the Miami Herald": the agent of a passive verb of saying, past
# a time or a medium between the verb and "by" ("was announced on Friday by", "was confirmed in a statement by")
_PASSIVE_RE = re.compile(
    rf"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+|first\s+|also\s+)?(?P<cue>{_PAST})"
    rf"(?:\s+(?:on|last|this|earlier|late|early)\s+[A-Za-z]+|\s+in\s+an?\s+(?:statement|release|post|tweet|email))?"
    rf"\s+by\s+(?:the\s+)?"
    rf"(?P<src>{NAME})(?=\s*[,.;:)]|\s*$|\s+(?:on|in|at|of|for|last|this|and|after|before|during|that|to)\b)"
)


def holder_clause(sentence: str) -> re.Match[str] | None:
    """A holder the sentence gives outside its subject-and-verb: the subject of a clause that a
    participle of a holder verb continues (", arguing that", ", calling for"), or the agent of a
    passive one ("was first reported by X"; its ``cue`` then ends the match before "by")."""
    for pattern in (_PARTICIPLE_RE, _PASSIVE_RE):
        m = pattern.search(sentence)
        if m and not in_quotation(sentence, m.start("src")):
            return m
    return None


# "PARIS, Aug 31 (Reuters) - ", "Friday on CNN’s “New Day,” ", "On Sunday, ": a dateline or a time
# before the sentence's subject
LEAD_RE = re.compile(
    rf"^(?:[^()\n]{{2,40}}\([A-Z][\w ]{{1,20}}\)\s*[-–—]+\s*)?"
    rf"(?:(?:On|In|Last|This|Earlier|Later|{'|'.join(WEEKDAYS)})\b[^,\n]{{0,40}},[”\"’]?\s+)?"
)
# "X will discuss", "X is reaffirming that …", "X to call for …" (a headline): a verb of saying after
# a modal, "to" or a progressive "is"; and "X acknowledges/understands that …": any verb before a that-clause
# "Breitbart Jerusalem editor Aaron Klein": a role of one or two nouns (not "reminds me of Abraham Lincoln")
_NOT_ROLE = r"(?!(?:on|in|at|for|of|from|to|with|by|about|me|him|her|us|them|and|or)\b)"
_ROLE = rf"\s+{_NOT_ROLE}[a-z][\w-]*(?:\s+{_NOT_ROLE}[a-z][\w-]*)?\s+"
_SAY_BASE = (
    "discuss|call|urge|warn|claim|deny|announce|argue|endorse|back|sue|say|tell|insist|demand|accuse|"
    "criticize|criticise|reaffirm|acknowledge|propose|defend|testify|predict|vow|pledge|ask|push|press"
)
_SAY_ING = (
    "discussing|calling|urging|warning|claiming|denying|announcing|arguing|endorsing|backing|suing|saying|"
    "telling|insisting|demanding|accusing|criticizing|criticising|reaffirming|acknowledging|proposing|"
    "defending|testifying|predicting|vowing|pledging|asking|pushing|pressing"
)
MODAL_RE = re.compile(
    rf"(?:(?:the\s+)?[a-z][\w-]*\s+){{0,2}}?(?P<src>{NAME})(?:{_ROLE}(?P<src_b>{NAME}))?(?<!['’]s)(?<!['’]){APPOSITIVE}\s+(?:also\s+|now\s+|still\s+)?"
    rf"(?:(?:will|would|could|may|might|to|plans\s+to|wants\s+to)\s+(?:also\s+|not\s+)?(?P<cue>{_SAY_BASE}|{HOLD_BASE})"
    rf"|(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+)?(?P<cue2>{_SAY_ING}|{HOLD_ING})"
    rf"|(?:(?:has|have|had|is|are|was|were)\s+)?(?P<cue3>[a-z]+(?:s|ed|ing))\s+that)\b"
)


# "A Quinnipiac University poll released Thursday found …", "A poll by Ridgeline Strategies, conducted
# before the story broke, found …", "while a survey by the Heartland-aligned firm Bayview Analytics found …"
_STUDY = r"(?:poll|survey|study|analysis|report|audit|review|investigation)"
_STUDY_TAIL = (
    r"(?:,[^,;:“”\"]{2,80},|\s+(?:released|conducted|published|taken|issued|commissioned|out)\b[^,;:“”\"]{0,60}?)?"
)
# PR1: a year before the study ("A 2014 audit by …"), a pollster's partner ("A CNN/ORC poll"), and a
# short rider after it ("A Monmouth University poll in August", "A Marist College poll for NBC News …
# released the same day", "A CNN/ORC poll of debate watchers")
_RIDER = (
    r"(?:\s+(?:in|of|for|among)\s+[^,;:“”\"]{2,60}?(?=\s+(?:released|conducted|found|finds|shows|showed|concluded)\b)"
    r"|\s+(?:last|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter))?"  # PR2-2: "… poll last month showed"
)
# PR2-2: "A study commissioned by the Dakota Resource Council", "A poll released this week by the Grand
# Forks Herald": who commissioned or released a study holds its finding, as who conducted it does
_MADE_BY = r"(?:(?:commissioned|sponsored|released|published|conducted)(?:\s+\w+){0,2}?\s+)?(?:by|from|for|of)"
_POLL_RE = re.compile(
    rf"(?:^|(?<=[,;]\s)|\b(?:while|and|but|as|whereas)\s+)(?:[Aa]n?|[Tt]he|[Aa]nother)\s+(?:(?:new|recent|latest)\s+)?"
    rf"(?:(?:19|20)\d\d\s+)?(?:(?P<src>{NAME}(?:/{NAME})?)(?:['’]s)?\s+(?:[a-z]+\s+){{0,2}}{_STUDY}|{_STUDY}\s+"
    rf"{_MADE_BY}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<src2>{NAME}(?:\s+(?:for|and)\s+{NAME})*))"
    rf"{_RIDER}{_STUDY_TAIL}\s+(?:(?:also|has|have|did)\s+)?(?P<cue>found|finds|shows|showed|suggests|suggested|estimated|"
    r"estimates|concluded|concludes|projected|projects|identified|identifies|put|puts|find|show)\b"
)

# PR2-2: "In a Des Moines Register poll last month, X had a 10-point lead", "In the Keystone data, …": the
# finding the opening poll frames is its maker's
_IN_POLL_RE = re.compile(
    rf"In\s+(?:an?|the)\s+(?:(?:new|recent|latest)\s+)?(?:(?:19|20)\d\d\s+)?(?P<src>{NAME}(?:/{NAME})?)(?:['’]s)?"
    rf"\s+(?:[a-z]+\s+)?(?:poll|survey|data)\b[^,;“”\"]{{0,40}},"  # not "In a News.com.au report, X said"
)


def poll_maker(sentence: str, opening: bool = False) -> tuple[str, str] | None:
    """(maker, verb) of a poll or study the sentence names as finding something: the firm, paper or
    body a poll is named by or credited to ("A Marquette Institute poll … found" -> Marquette
    Institute), who holds its finding as a statement's signer holds the statement. ``opening``:
    only a poll that is the sentence's subject, which outranks any speaker inside its finding."""
    m = _POLL_RE.match(sentence) if opening else _POLL_RE.search(sentence)
    if opening and not m and (framed := _IN_POLL_RE.match(sentence)):
        return framed.group("src"), "in"
    if not m or in_quotation(sentence, m.start()):
        return None
    return m.group("src") or m.group("src2"), m.group("cue")


# "The chamber's president, Natalie Fisk, urged …", "Another scholar, Deborah Walsh of the Brennan Forum,
# said …", "Ontario's infrastructure minister, Gregory Haldane, on Tuesday denied …": a role opens the
# sentence and the name in apposition to it is the subject
# PR3: a title before the apposed name ("The NAACP's state president, the Rev. William Barbour, predicted",
# "The head of the Democratic National Committee, Rep. Debbie Wasserman-Schulte of Florida, praised")
_TITLE = r"(?:(?:the\s+)?(?:Rev|Rep|Sen|Gov|Dr|Gen|Prof)\.\s+)?"
_APPOSED_RE = re.compile(
    rf"^(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){{0,7}},\s+{_TITLE}(?P<src>{NAME})(?:\s+of\s+(?:the\s+)?{NAME})?,\s+"
    rf"(?:on\s+(?:{'|'.join(WEEKDAYS)})\s+|(?:also|then|later|has|had|again|publicly)\s+)*"
    rf"(?P<cue>{CLAIM_VERBS}|{STANCE_VERBS}|{HOLD_FINITE})\b"
)


def apposed(sentence: str, names: set[str]) -> tuple[str, str] | None:
    """(person, verb) when a role opening the sentence is followed by a name the scan knows (two
    words or more) in apposition, then a holder verb: the apposed name is the subject."""
    m = _APPOSED_RE.match(sentence)
    src = m.group("src") if m else ""
    if src not in names:
        src = src.split(" of ")[0]  # "Debbie Wasserman-Schulte of Florida": the name before the place
    if not m or len(src.split()) < 2 or src not in names:
        return None
    return src, m.group("cue")
