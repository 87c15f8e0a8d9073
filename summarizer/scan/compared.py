"""Readers for ``measures_of`` of numbers set against another value or written around a verb: a
change from one value to another ("from 12 points to 8 points"), a multiple against what it
compares ("twice as many supporters as Brandt"), a share set off by dashes after the noun phrase
naming it ("the highest share of renters — 46 percent —"), a percentage before its noun ("a 2.8
percent unemployment rate"), a multiplying verb ("doubled capacity"), a forecast ("is set to grow
1.8 per cent") and money spent ("spent $14 billion hosting"). Each returns None when its pattern
is absent.
"""

from __future__ import annotations

import re

from .clauses import _AUX, _AUX_VERBS, _DETERMINERS, _GROUP_VERBS, _HEDGE, _PRONOUNS, _SAY, _TITLES, _link
from .poll_context import antecedent

__all__ = [
    "DIMENSIONS",
    "NOT_THING",
    "apposition_measures",
    "comparison_measures",
    "forecast_measures",
    "from_to_measures",
    "money_noun_measures",
    "multiplied_measures",
    "noun_after_measures",
    "spent_measures",
]

#: words after a measured length that say where, not what: "90 miles northeast of Paris"
NOT_THING = frozenset(
    "north south east west northeast northwest southeast southwest away out off apart ahead behind back down up "
    "inland offshore upstream downstream".split()
)
DIMENSIONS = {"high": "height", "tall": "height", "long": "length", "wide": "width", "deep": "depth"}

_FROM_TO_VERB = (
    r"\b(?:shrunk|shrank|shrinks|grown|grew|grows|widened|widens|narrowed|narrows|fell|fallen|dropped|rose|risen|"
    r"climbed|increased|decreased|declined|slipped|jumped|changed|gone|went|moved|slid|sank|cut|raised)\b"
)
_FROM_RE = re.compile(_FROM_TO_VERB + r"[^.;:]{0,20}?,?\s+from\s+" + _HEDGE + r"?\s*$")
_TO_RE = re.compile(_FROM_TO_VERB + r"[^.;:]{0,20}?,?\s+from\s+[^.;:]{1,40}?\s+to\s+" + _HEDGE + r"?\s*$")
_NOT_OWNERS = frozenset("While When As After Although But And The In On At If Since Before".split())


def from_to_measures(text: str, start: int, end: int, s_start: int) -> str | None:
    """ "While Ortiz won, her margin has shrunk, from 12 points to 8 points" -> "Ortiz margin before",
    "Ortiz margin": a change written from one value to another measures its subject before and after
    (a possessive pronoun is the name that opens the sentence)."""
    left = text[s_start:start]
    if re.match(r"\s+(?:ago|earlier|before)\b", text[end : end + 12]):
        return None  # "dropped sharply from a year ago": when, not a value before
    m = _TO_RE.search(left) or _FROM_RE.search(left)
    if m is None:
        return None
    clause = re.split(r"[,;:]\s|\b(?:and|while|but)\s", left[: m.start()])[-1]
    words = re.findall(r"[A-Za-z0-9&.’'-]+", clause)
    while words and (words[-1].casefold() in _AUX or words[-1].casefold().endswith("ly")):
        words.pop()  # "her margin has"
    words = [w for w in words if w.casefold() not in _DETERMINERS][-4:]
    if words and words[0].casefold() in ("her", "his", "their", "its"):
        names = [w for w in re.findall(r"\b[A-Z][\w’'-]*", left[: m.start()]) if w not in _NOT_OWNERS]
        words = [names[0], *words[1:]] if names else words[1:]
    if not words or words[0].casefold() in _PRONOUNS:
        return None
    return " ".join([*words, *([] if m.re is _TO_RE else ["before"])])


_OTHER = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?[^,;.:()]{2,40}"
_AS_MANY_RE = re.compile(
    rf"\s+as\s+(?:many|much)\s+(?P<what>(?:[a-z-]+\s+){{0,3}}?)as\s+(?:the\s+)?(?P<other>{_OTHER})"
)
_TIMES_THE_RE = re.compile(
    rf"\s+(?:times\s+)?(?:that\s+of|the\s+(?P<what>[a-z-]+(?:\s+[a-z-]+){{0,2}})\s+of)\s+(?:the\s+)?(?P<other>{_OTHER})"
)


def comparison_measures(text: str, start: int, end: int, s_start: int) -> str | None:
    """ "twice as many evangelical supporters as Mr. Carson" -> "evangelical supporters relative to
    Carson"; "three times the support of Ortiz" -> "support relative to Ortiz"; "cost half as much as
    the Model 3" -> "cost relative to Model 3": a multiple is of the thing compared, against what."""
    m = _AS_MANY_RE.match(text, end) or _TIMES_THE_RE.match(text, end)
    if m is None:
        return None
    other = [w for w in re.split(r"\s+(?:and|but|while|in|on|at|among|because)\s", m.group("other"))[0].split()]
    other = [w for w in other if w.casefold() not in _TITLES]
    what = (m.group("what") or "").split()
    if not what:  # "will cost half as much as …": what the verb before says
        verb = re.search(r"\b([a-z]+)\s+(?:(?:about|nearly|almost|roughly|just|only|some)\s+)?$", text[s_start:start])
        what = [verb.group(1)] if verb and verb.group(1) not in _AUX_VERBS else []
    if not what or not other:
        return None
    return " ".join([*what, "relative", "to", *other])


_SHARE_OF_RE = re.compile(
    r"(?:(?P<owner>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?:has|had|have|with)\s+)?(?:the\s+|a\s+|its\s+)?(?:[a-z]+\s+)?"
    r"\b(?P<noun>share|percentage|proportion|rate|number)\s+of\s+(?P<np>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
    r"(?=\s+(?:of|in|at|for|among|who|that|which|than)\b|\s*[—–,]|$)"
)


def apposition_measures(text: str, start: int, s_start: int) -> str | None:
    """ "Indiana has the highest share of evangelical Protestants of any state — 31 percent —" ->
    "Indiana share of evangelical Protestants": a share set off by a dash after the noun phrase that
    names it."""
    left = text[s_start:start]
    dash = re.search(r"\s*[—–]\s*(?:(?:about|nearly|almost|roughly|just|only|some)\s+)?$", left)
    if dash is None:
        return None
    shares = list(_SHARE_OF_RE.finditer(left[: dash.start()]))
    if not shares:
        return None
    m = shares[-1]
    owner = (m.group("owner") or "").split()
    return " ".join([*owner, "share" if m.group("noun") != "number" else "number", "of", *m.group("np").split()])


_NOT_HEAD = frozenset("of in on at to from for by with as than and or but who that which a an the this these".split())


#: what may stand before a percentage written before its noun: an article or possessive, a verb of having
_BEFORE_NOUN_RE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her)|\b(?P<owner>[A-Z][\w-]*)[’']s|"
    r"(?:^|[,;]\s+)(?P<subject>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?:saw|posted|recorded|had)(?:\s+an?)?)\s+"
    r"(?:(?:about|nearly|almost|roughly|just|only|some)\s+)?$"
)


def noun_after_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "a 2.8 percent unemployment rate in June" -> "unemployment rate in June"; "Russia saw 1.5 per
    cent growth in 2017" -> "Russia growth in 2017"; "October's 7.6 per cent rise" -> "October rise":
    a percentage written before the noun it qualifies (after an article, a possessive or a verb of
    having; "90 per cent stuck with it" is a share, not a noun's)."""
    before = _BEFORE_NOUN_RE.search(text[s_start:start])
    if before is None:
        return None
    tokens = re.findall(r"[A-Za-z][\w’'-]*|\d+|[^\sA-Za-z\d]", text[end:s_end])
    words: list[str] = []
    for w in tokens[:3]:
        low = w.casefold()
        if not w.islower() or low in _NOT_HEAD | _SAY | _GROUP_VERBS or _link(w) or low.endswith(("ed", "ly")):
            break
        words.append(w)
    if not words:
        return None
    rest = " ".join(tokens[len(words) :])
    place = re.match(
        r"(in|of|for|on)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|\d{4}|[a-z]+(?:\s+[a-z]+)?)\b", rest
    )
    if place and not re.search(r"(?:ing|ed)$|\b(?:" + "|".join(_NOT_HEAD) + r")\b", place.group(2)):
        words += [place.group(1), *place.group(2).split()]  # "growth in 2017", "rate in June"
    owner = before.group("owner") or before.group("subject")
    return " ".join([*(owner.split() if owner else []), *words])


#: what may stand before an amount of money written before its noun ("on US$20,000 bail", "a $2 million deal")
_BEFORE_MONEY_RE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|on|for|in|with)|[A-Z][\w-]*[’']s)\s+$")
_NOT_MONEY_NOUN = _NOT_HEAD | frozenset(
    "per each apiece worth more less last next this that year years month week day annually dollars euros pounds "
    "rubles roubles yen cents left remaining after before since when if while until without within against about "
    "into through over under across during".split()
)


def money_noun_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "released on US$ 20,000 bail" -> "bail"; "a $2 million contract with Acme" -> "contract with
    Acme": an amount of money written before the noun it qualifies measures that noun."""
    if not (_BEFORE_MONEY_RE.search(text[max(s_start, start - 12) : start]) or re.match(r"an?\s", text[start:end])):
        return None  # "a $2 million" may be the figure's own text
    tokens = re.findall(r"[A-Za-z][\w’'-]*|\d+|[^\sA-Za-z\d]", text[end:s_end])
    words: list[str] = []
    for w in tokens[:3]:
        low = w.casefold()
        if not w.islower() or low in _NOT_MONEY_NOUN | _SAY | _AUX_VERBS or _link(w) or low.endswith(("ed", "ly")):
            break
        words.append(w)
    if not words:
        return None
    rest = " ".join(tokens[len(words) :])
    place = re.match(r"(of|for|with|to)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)", rest)
    return " ".join([*words, *(place.groups() if place else ())])


_NOT_USES = frozenset("over a an each per every last next".split())
_OBJECT_STOP = frozenset("to by from in at on for with and or but as since after before until while when".split())


def multiplied_measures(text: str, start: int, end: int, s_end: int) -> str | None:
    """ "has doubled StreetScooter capacity to 20,000" -> "increase in StreetScooter capacity"; "plan
    to halve the U.S. troops' presence in Afghanistan" -> "cut in U.S. troops' presence in
    Afghanistan": a ratio written as a verb measures the change of the verb's object."""
    verb = text[start:end].casefold()
    if not verb.startswith(("doubl", "tripl", "quadrupl", "halv")):
        return None
    words: list[str] = []
    place = False
    for w in re.findall(r"[A-Za-z0-9][\w.’'-]*|[^\sA-Za-z0-9]", text[end:s_end]):
        low = w.casefold()
        if not w[0].isalnum() or (low in _OBJECT_STOP and not (low == "in" and words and not place)) or len(words) == 8:
            break
        place = place or low == "in"  # "presence in Afghanistan": one place phrase
        if low not in _DETERMINERS:
            words.append(w)
    if not words or words[-1].casefold() == "in":
        words = words[:-1]
    if not words:
        return None
    return " ".join(["cut" if verb.startswith("halv") else "increase", "in", *words])


_FORECAST_RE = re.compile(
    r"(?P<subj>(?:[\w’'.-]+\s+){1,4}?)(?:is|are|was|were)\s+(?:now\s+)?(?:set|expected|forecast|projected|likely|poised|"
    r"predicted|estimated)\s+to\s+(?P<verb>grow|rise|fall|increase|decrease|decline|shrink|expand|drop|climb|contract)\s+"
    r"(?:by\s+)?(?:(?:about|around|nearly|almost|just|roughly|some|only|over|under)\s+)?$"
)
_WHEN_RE = re.compile(r"\s+(?:per\s?cent|percent|%)?\s*((?:this|next|last)\s+(?:year|quarter|month)|in\s+\d{4})\b")
_FORECAST_NOUNS = {
    "grow": "growth", "expand": "growth", "shrink": "contraction", "contract": "contraction", "climb": "rise",
}  # fmt: skip


def forecast_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "Russia saw 1.5 per cent growth and its economy is set to grow 1.8 per cent this year" ->
    "Russia economy expected growth this year": a forecast is its subject's expected change (a
    possessive pronoun read as the name that opens the sentence) and the time it is for."""
    m = _FORECAST_RE.search(text, s_start, start)
    if m is None:
        return None
    last = re.split(r"\b(?:and|but|while)\b|[,;]", m.group("subj"))[-1]
    subject = [w for w in last.split() if w.casefold() not in _DETERMINERS][-3:]
    if subject and subject[0].casefold() in ("its", "their", "his", "her"):
        names = [w for w in re.findall(r"\b[A-Z][\w’'-]*", text[s_start:start]) if w not in ("The", "A", "An", "But")]
        subject = [*names[:1], *subject[1:]]
    if not subject or subject[0].casefold() in _PRONOUNS:
        return None
    verb = m.group("verb").casefold()
    when = _WHEN_RE.match(text, end, s_end)
    noun = _FORECAST_NOUNS.get(verb, verb)  # "rise", "fall", "increase" are nouns as they are
    return " ".join([*subject, "expected", noun, *(when.group(1).split() if when else [])])


_SPENT_RE = re.compile(
    r"(?P<subj>(?:[A-Z][\w’'&.-]*\s+){0,3}[A-Za-z][\w’'&.-]*)\s+(?:(?:has|have|had|will|would)\s+)?"
    r"(?:spent|invested)\s+(?:(?:an\s+estimated|about|nearly|almost|more\s+than|"
    r"over|roughly|some|at\s+least)\s+)?$"
)
_UNIT_AFTER_RE = re.compile(r"(?:\s+(?:euros?|dollars?|pounds?|yen|yuan|francs?|rupees?)\b)?(?:\s*\([^)]{1,30}\))?")
_SPENT_ON_RE = re.compile(
    r"\s+(?:(?:since|last|this)\s+[\w ]{1,20}?\s+)?(?:(?P<prep>on|in)\s+)?"
    r"(?P<what>(?:[^,;:.()]|\.(?=\w)){2,80})"
)


def spent_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "the Kremlin spent an estimated $14 billion hosting the World Cup" -> "Kremlin spending on
    hosting World Cup": money spent is its spender's spending on what follows (the spender only
    when it is the word or name right before the verb)."""
    m = _SPENT_RE.search(text[s_start:start])
    if m is None:
        return None
    subject = [w for w in m.group("subj").split() if w.casefold() not in _DETERMINERS | _AUX_VERBS]
    if subject in (["He"], ["She"]) and not text[s_start : s_start + m.start("subj")].strip():
        subject = (antecedent(text, s_start) or "").split()  # "Shuster is … He has spent $500,000": Shuster
    if not subject or subject[0].casefold() in _PRONOUNS or (subject[-1][:1].islower() and len(subject) > 1):
        return None
    after = _UNIT_AFTER_RE.match(text, end, s_end)
    on = _SPENT_ON_RE.match(text, after.end() if after else end, s_end)  # past "euros (US$154 million)"
    what: list[str] = []
    for w in on.group("what").split() if on else []:
        if w[0].isdigit() or (what and w.casefold() in _OBJECT_STOP) or (not what and w.casefold() in _NOT_USES):
            break  # "buying 1,000 hours": up to the number; "over the next five years": a time, not a use
        if w.casefold() not in _DETERMINERS:
            what.append(w)
    what = what[:6]
    while what and what[-1].casefold() in _OBJECT_STOP:
        what.pop()  # "on infrastructure in 2017-18": the year is not what was bought
    invested = re.search(r"invest", m.group())
    prep = (on.group("prep") if on else None) or "on"
    return " ".join([*subject[-3:], "investment" if invested else "spending", *([prep, *what] if what else [])])


_TIMES_DROP = (
    _PRONOUNS
    | _DETERMINERS
    | _AUX
    | _AUX_VERBS
    | frozenset(
        "about around nearly almost roughly some only at least more than over up to as i you "
        "he’d she’d they’d i’d we’d he'd she'd they'd i'd we'd".split()
    )
)


def times_measures(text: str, start: int, s_start: int) -> str | None:
    """ "A typical voter will see the AAN ad at least 10 times" -> "times typical voter see AAN ad";
    "he’d taken the route about ten times" -> "times taken route": how often what the clause says
    happens (its subject, verb and object, no pronoun, auxiliary or hedge)."""
    clause = re.split(r"[,;:“”\"()—–]|\b(?i:said|says|that|and|but|which|who|although|though)\b", text[s_start:start])[
        -1
    ]
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", clause) if w.casefold() not in _TIMES_DROP]
    return " ".join(["times", *words[-6:]]) if words else None
