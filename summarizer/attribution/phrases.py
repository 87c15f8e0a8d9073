"""Phrases in quotation marks inside a sentence ('to "streamline" processing'): whose words they are.

No verb of speech introduces them, so the attribution beside a quotation does not apply; the
clause around the phrase may still say whose term it is: a person's plan, an award's giver, a
body or document as the clause's subject. Also the sentence and paragraph helpers the quote
speakers share with it.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH
from ..scan.quotes import QuoteCandidate
from .bodies import DESCRIPTOR, Bodies, descriptor_kind
from .cast import Cast, person_part
from .coref import speech_pronoun
from .patterns import NAME

__all__ = [
    "CLAUSE_WORDS",
    "OTHER_VOICE",
    "SENTENCE_GAP",
    "inside_sentence",
    "is_phrase",
    "opens_sentence",
    "paragraph_end",
    "paragraph_start",
    "phrase_speaker",
]


#: look-behinds for a clause's start after a conjunction ("…, and the city said")
CLAUSE_WORDS = "|".join(rf"(?<=\b{w}\s)" for w in ("and", "but", "while", "when", "after", "as", "is", "was"))


def paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def inside_sentence(text: str, q: QuoteCandidate) -> bool:
    """In quotation marks inside a sentence, not after a colon or comma ('granted "parole" status')."""
    lead = text[paragraph_start(text, q.start) : q.start]
    return not opens_sentence(text, q) and not re.search(r"(?::|,)\s*[“\"‘']?$", lead)


def is_phrase(text: str, q: QuoteCandidate) -> bool:
    """A phrase in quotation marks inside a sentence with no verb of speech before it ('to
    "streamline" processing', 'awarded … for "courageous achievement"'): the sentence is the
    article's own claim, whoever's words the phrase is."""
    if not inside_sentence(text, q):
        return False
    lead = text[paragraph_start(text, q.start) : q.start]
    start = max((m.end() for m in SENTENCE_GAP.finditer(lead)), default=0)
    return not re.search(rf"\b(?:{SPEECH}|reads|read)\b", lead[start:])


def opens_sentence(text: str, q: QuoteCandidate) -> bool:
    """Whether the quotation starts its sentence or paragraph."""
    before = text[max(0, q.start - 6) : q.start].rstrip("“\"‘' ")
    return not before.strip() or bool(re.search(r"(?:[.!?:][”\"’')]?|\n)\s*$", before)) or before.endswith("\n")


# "Prime Minister Rishi Sunak's effort to clear the … 'legacy backlog'": the person's own term for it
_POLICY_RE = re.compile(
    rf"(?P<n>{NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:efforts?|plans?|pledge|promise|bid|drive|campaign|policy|"
    r"strategy|goal|vow|push|proposal|programme|program|agenda|target|mission|call)\b[^.;:!?“”\"]*$"
)
_OWNED_RE = re.compile(rf"(?P<n>{NAME})['’]s?\s*$")
# a verb that names what the phrase calls something: "calling it a", "described as", "dubbed"
_NAMING_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)|describ(?:es|ed|ing)|term(?:s|ed|ing)|label(?:s|led|ed|ling|ing)|"
    r"brand(?:s|ed|ing))\b(?:\s+(?:it|him|her|them|this|that|the\s+\w+))?(?:\s+as)?(?:\s+an?)?\s*$"
)
# "thanked the volunteers for their", "praised her for": whom the phrase praises is not its speaker
_PRAISE_RE = re.compile(
    r"\b(?:thank|prais|credit|hail|commend|applaud)(?:s|ed|es|ing)?\b[^.;:!?“”\"]{0,80}\bfor"
    r"(?:\s+(?:their|his|her|its|the|a|an))?(?:\s+[a-z-]+){0,2}\s*$"
)
# a verb of naming in the passive ("was described as", "has been called"), its agent after the phrase
_PASSIVE_NAMING_RE = re.compile(
    r"\b(?:is|was|were|are|been|being|be)\s+(?:[a-z]+ly\s+)?(?:called|dubbed|described|termed|labell?ed|branded)"
    r"(?:\s+as)?(?:\s+an?)?\s*$"
)
_AGENT_RE = re.compile(rf"[”\"’']?[,.]?\s+by\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){{0,3}}(?P<n>{NAME})")
# a participle of speech after the clause: the words are its subject's ("…, saying he “has …”")
# ("… opened the hearing by asking speakers to “speak to the proposal”": the one asking)
_PARTICIPLE_RE = re.compile(
    r",\s+(?:saying|adding|arguing|insisting|noting|writing|claiming|stating|warning)\b[^.;:!?“”\"]*$"
    r"|\bby\s+(?:asking|urging|telling|reminding|warning)\b[^.;:!?“”\"]*$"
)
# 'awarded a silver medal for "courageous achievement" … in the FIRST Global Challenge': the citation
_AWARD_RE = re.compile(
    r"\b(?:awarded|honou?red|presented|won|wins|received|earned|recogni[sz]ed)\b[^.;:!?“”\"]{0,60}\bfor\s*$"
)
_AWARDER_RE = re.compile(rf"[”\"’']?[^.;!?“”\"]{{0,80}}?\b(?:in|at|by|from)\s+the\s+(?P<n>{NAME})")
# "…, with the i reporting no one will be refused": another voice takes over the sentence
OTHER_VOICE = re.compile(
    r"\bwith\s+(?:[\w’'.-]+\s+){1,3}?(?:reporting|saying|writing|adding|noting|claiming|stating|arguing|"
    r"telling|insisting|warning|suggesting)\b"
)
# whoever describes the thing with the phrase, before it: "with Zinichev describing the “real threat
# …” as making it “impossible …”", "a pattern described by Marine Bulletin as “rather hectic …”"
_DESCRIBER_RE = re.compile(
    rf"\bwith\s+(?P<w>{NAME})\s+(?:describing|calling|dubbing|labell?ing|terming|branding|saying|writing|adding|"
    r"noting|claiming|stating|arguing|warning|suggesting|reporting)\b[^.;!?]*$"
    rf"|\b(?:called|dubbed|described|termed|labell?ed|branded|characteri[sz]ed)\s+by\s+(?:the\s+)?(?P<b>{NAME})"
    r"\s+as(?:\s+an?|\s+the)?\s*$"
)
_CLAUSE_SUBJECT_RE = re.compile(rf"(?:^|(?<=[,;]\s)|{CLAUSE_WORDS})(?P<d>{DESCRIPTOR})(?=[\s,])")
# a sentence's end inside a paragraph (not "Mr. " or "U.S. President")
# where one sentence ends and the next begins; in glued text with no space ("systems.Labour's")
SENTENCE_GAP = re.compile(
    r"(?<=\w[\w)])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))[.!?][”\"’']?(?:\s+(?=[A-Z“\"‘'])|(?=[A-Z][a-z]))"
)


def phrase_speaker(text: str, q: QuoteCandidate, cast: Cast, bodies: Bodies) -> str | None:
    """Whose words a phrase in quotation marks inside a sentence is, with no verb of speech:

    * the person whose plan the clause names ('Sunak's effort to clear the 'legacy backlog'');
    * the body giving an award for it ('awarded a medal for "courageous achievement" in the
      FIRST Global Challenge'; none named: the principal organisation);
    * the body or document its clause's subject describes ('officials will scrap … to
      "streamline" processing', 'the government recommending "online translation tools"').

    Otherwise nobody: 'the girls were granted "parole" status' is the article's own wording.
    """
    para = paragraph_start(text, q.start)
    window = text[para : q.start]
    start = para + max((m.end() for m in SENTENCE_GAP.finditer(window)), default=0)
    lead = text[start : q.start].rstrip("“\"‘' ")
    owner = _OWNED_RE.search(lead)  # "to head off Musk’s “production hell”": the owner's words
    who = cast._person_in(owner.group("n"), q.start) if owner else None
    if who is not None:
        return who.name
    if describer := _DESCRIBER_RE.search(lead):
        name = describer.group("w") or describer.group("b")
        who = cast._person_in(cast.canonical(person_part(name), q.start), q.start)
        body = bodies.find(name)
        return who.name if who else body.name if body else name if describer.group("b") else None
    # 'described as “a fantasy” by economist Hugh Laird': the agent of a passive verb of naming
    agent = _AGENT_RE.match(text, q.end) if _PASSIVE_NAMING_RE.search(lead) else None
    if agent and (who := cast._person_in(cast.canonical(person_part(agent.group("n")), q.start), q.start)):
        return who.name
    # "Sparkes …, calling it a “global takeover”", "Bradley apologized …, saying they have “nothing to do
    # with …”", "Mayor X thanked volunteers for their “tireless work”": the clause's subject
    if _NAMING_RE.search(lead) or _PARTICIPLE_RE.search(lead) or _PRAISE_RE.search(lead):
        subjects = sorted(
            (s, p.name) for p in cast.people for s, _, aside in p.mentions if start <= s < q.start and not aside
        )
        if subjects:
            return subjects[0][1]
        pronoun = re.match(r"[\s“\"‘']*([Hh]e|[Ss]he)\s+[a-z]", lead)
        if pronoun and _PARTICIPLE_RE.search(lead):  # 'He voiced his anger online, writing "…"': whom he means
            at = start + pronoun.start(1)
            return speech_pronoun(cast, pronoun.group(1), at, own=True) or cast.pronoun(pronoun.group(1), at)
    policy = _POLICY_RE.search(lead)
    if policy:
        who = cast._person_in(cast.canonical(person_part(policy.group("n")), q.start), q.start)
        if who is not None:
            return who.name
    if _AWARD_RE.search(lead):
        awarder = _AWARDER_RE.match(text, q.end)
        body = bodies.find(awarder.group("n")) if awarder else None
        found = body or bodies.principal()
        return found.name if found else None
    for d in reversed(list(_CLAUSE_SUBJECT_RE.finditer(lead))):
        if descriptor_kind(d.group("d")) in ("city", "government", "document", "body"):
            named = [s for p in cast.people for s, _, _ in p.mentions if start + d.end() <= s < q.start]
            if named or OTHER_VOICE.search(lead, d.end()):
                return None  # 'Officials tell BBC News …, with the i reporting … "based solely on …"'
            return bodies.resolve(d.group("d"), q.start, cast)
    return None
