"""Readers of a number's own clause for ``measures_of``: what the verb that governs the number says
it measures, as a noun phrase a reader understands (never a bag of words). Each returns None when
its pattern is absent, and ``measures_of`` falls back to its general reading.

* ``change_measures``: a move. "Zembla's RTX 40 sank 0.7 per cent to 7,215" -> "RTX 40 fall",
  "RTX 40 level"; "Acme fell $2.10, or 1.8 percent, to $91.30" -> "Acme price fall", "Acme price";
  "the krona rose to $0.1042 from $0.1037" -> "krona exchange rate", "… before".
* ``verb_measures``: a price or a duration by its verb ("cost of Repairs", "time Repairs will take").
* ``part_measures``: a part of a whole ("steel beams with cracks", "sons killed").
* ``share_measures``: a share by its group and what is said of it ("commuters back a toll");
  ``those_who``: what the people "those who …" counts do and say.
* ``tally_measures``: who cast a tally and on what ("city council voted to close Elm Street bridge").
* ``age_measures``: "N years old" is the age of the clause's subject.
* ``expected_measures``: a forecast beside a result ("analysts expected earnings per share").
* ``refers_back``: "when it was forty percent" measures what the figure before it measured.
"""

from __future__ import annotations

import re

from ..lexicon import SAID, WEEKDAYS
from .stocks import is_company_stock

__all__ = [
    "CHANGE_NOUNS",
    "age_measures",
    "change_measures",
    "expected_measures",
    "part_measures",
    "refers_back",
    "share_measures",
    "tally_measures",
    "those_who",
    "verb_measures",
]

#: a verb of change (as written) -> the noun a reader expects ("sank" -> "fall")
CHANGE_NOUNS = {
    "rose": "rise", "rise": "rise", "rises": "rise", "rising": "rise", "climbed": "rise", "climbs": "rise",
    "surged": "rise", "soared": "rise", "advanced": "rise", "up": "rise", "increased": "increase",
    "fell": "fall", "falls": "fall", "falling": "fall", "sank": "fall", "slipped": "fall", "slid": "fall",
    "declined": "fall", "tumbled": "fall", "plunged": "fall", "eased": "fall", "retreated": "fall",
    "withdrew": "fall", "down": "fall", "dropped": "drop", "drops": "drop", "decreased": "decrease",
    "gained": "gain", "gaining": "gain", "gains": "gain", "added": "gain", "adding": "gain",
    "jumped": "jump", "jumps": "jump", "lost": "loss", "losing": "loss",
}  # fmt: skip
_VERB_RE = re.compile(
    r"\b(?:(?:edged|closed|ended|finished|was|were|is|are)\s+(up|down)|(?<!\bmade\s)(?<!\bmake\s)(?<!makes\s)(?<!making\s)("
    + "|".join(CHANGE_NOUNS)
    + r"))\b",
    re.IGNORECASE,
)
_HEDGE = r"(?:(?:less|more)\s+than|about|around|nearly|almost|just|roughly|some|only|over|under)"
_AMOUNT = r"(?:US)?\$?[\d.,]+(?:\s?(?:%|per\s?cent|percent|cents?|points?|yen|euros?|pounds?))?|a\s+penny"
#: what may stand between the verb and the number, and the number's role after it
_LEAD = rf"(?:(?:{_AMOUNT})\s*,?\s+(?:or\s+(?:{_HEDGE}\s+)?(?:{_AMOUNT})\s*,?\s+)?)?"
_BETWEEN = re.compile(
    rf"^\s*(?:{_HEDGE}\s+)?(?:(?P<amount>(?:{_AMOUNT}),?\s+or\s+(?:{_HEDGE}\s+)?)"
    rf"|(?P<before>{_LEAD}(?:to|at)\s+(?:{_AMOUNT})\s*,?\s+from\s+)"
    rf"|(?P<level>{_LEAD}(?:to|at)\s+(?:(?:settle|close)\s+at\s+)?(?:{_HEDGE}\s+)?))?$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("it they this that which he she we its their".split())
_DETERMINERS = frozenset("the a an".split())
_TITLES = frozenset("mr. mrs. ms. dr. sen. gov. rep.".split())
_AUX = frozenset("had has have was were is are been be already also still both all each just".split())


_CURRENCIES = frozenset("dollar euro pound yen yuan franc rupee ruble rouble krona krone peso won real rand".split())


def _previous_subject(text: str, s_start: int) -> list[str]:
    """What moved in the sentence before (for "It gained …"): the subject of its last verb of change."""
    before = text[max(0, s_start - 400) : s_start].rstrip()
    sentence = re.split(r"(?<=[.!?])\s+", before)[-1] if before else ""
    verbs = list(_VERB_RE.finditer(sentence))
    return _subject(sentence[: verbs[-1].start()]) if verbs else []


def _subject(clause: str) -> list[str]:
    """The words naming what moved: the clause before the verb, after its last comma, "and",
    "while" or "but"; an apposition between commas ("Copper, a bellwether for builders,
    dropped") is skipped, and a possessive owner dropped ("Zembla's RTX 40" -> "RTX 40")."""
    text = clause.rstrip()
    apposition = re.search(r",([^,]+),\s*$", text)
    if apposition and len(text[: apposition.start()].split()) >= 1:
        text = text[: apposition.start()]
    if re.search(r"\band$", text):  # "cocoa erased early losses and was up": the same subject
        before = re.split(r"[,;:]\s", text[:-3])[-1].split()
        verb = next((i for i, w in enumerate(before) if w.casefold() in CHANGE_NOUNS or w.endswith("ed")), None)
        text = " ".join(before[:verb]) if verb else ""
    part = re.split(r"[,;:]\s|\b(?:and|while|but|as|with|when|In|in)\s", text)[-1]
    words = re.findall(r"[A-Za-z0-9&.’'-]+", part)
    while words and words[0].casefold() in _DETERMINERS:
        words.pop(0)
    owner = max((i for i, w in enumerate(words[:-1]) if re.search(r"[’']s$", w)), default=None)
    if owner is not None and words[owner + 1][:1].isupper():
        words = words[owner + 1 :]  # "Zembla's RTX 40": the index, not the place ("Acme & Co's 30-stock" stays)
    words = [re.sub(r"[’']s$", "", w) for w in words if w.casefold() not in _DETERMINERS]
    while words and (words[-1].casefold() in _AUX or words[-1].casefold().endswith("ly")):
        words.pop()  # "Traffic to the website had already increased": what moved is the traffic
    if not words or words[0].casefold() in _PRONOUNS:
        return []
    return words[-6:]


def change_measures(text: str, start: int, kind: str | None, s_start: int) -> str | None:
    """What the number at ``start`` measures when a verb of change governs it in its own clause
    (None when none does): the amount of the move ("RTX 40 fall", "Acme price fall"), the level
    reached ("RTX 40 level", "Acme price") or the level left ("krona exchange rate before")."""
    left = text[s_start:start]
    verbs = list(_VERB_RE.finditer(left))
    if not verbs:
        return None
    verb = verbs[-1]
    between = _BETWEEN.match(left[verb.end() :])
    if between is None:
        return None
    subject = _subject(left[: verb.start()])
    if not subject and re.match(r"\s*(?:It|They)\s", left[: verb.start()]):
        subject = _previous_subject(text, s_start)  # "Brent crude … dropped 27 cents. It gained $1.65"
    if not subject:
        return None
    noun = CHANGE_NOUNS[(verb.group(1) or verb.group(2)).casefold()]
    price = ["price"] if kind == "money" and not any(w.casefold() == "price" for w in subject) else []
    if kind in ("money", "percent") and is_company_stock(subject, text):
        price = ["share", "price"]  # "Exxon fell $1.25, or 1.4 percent": Exxon's share price (FM2)
    if price and subject[-1].casefold().rstrip("s") in _CURRENCIES:
        price = ["exchange", "rate"]  # "the krona rose to $0.1042": what a krona costs in dollars
    if between.group("before"):
        return " ".join([*subject, *price, "before"])
    if between.group("level"):
        head = price or (["level"] if kind == "quantity" else [])
        closing = re.search(r"\b(?:(settle)d?|close[ds]?)\b", left[verb.start() :], re.IGNORECASE)
        if closing and head:  # "closed down 24.11 points … to close at 18,432.24": the day's last level (FM3)
            head = ["settlement" if closing.group(1) else "closing", *head]
        return " ".join([*subject, *head])
    return " ".join([*subject, *price, noun])


_AUX_VERBS = frozenset("will would could may might must should can did does do had has have was were is are".split())
_SPEND_RE = re.compile(
    r"\b(cost|costs|costing|take|takes|took|taking|last|lasts|lasted)\s+"
    r"(?:(?:about|around|nearly|roughly|some|at\s+least|more\s+than|over|up\s+to|an\s+estimated|another|only|just)\s+)*$",
    re.IGNORECASE,
)
_BASE = {"costs": "cost", "costing": "cost", "takes": "take", "took": "take", "taking": "take", "lasts": "last"}


def _clause_subject(clause: str) -> tuple[list[str], list[str]]:
    """(subject words, auxiliary words) at the start of a clause: "Repairs will cost $2 million and"
    -> (["Repairs"], ["will"]); the subject ends at the first auxiliary or verb."""
    words = re.findall(r"[A-Za-z0-9&’'-]+", clause)
    while words and words[0].casefold() in _DETERMINERS | {"and", "but", "or", "while", "so"}:
        words.pop(0)
    subject: list[str] = []
    for w in words:
        low = w.casefold()
        if (
            low in _AUX_VERBS
            or low in _BASE
            or low in ("cost", "take", "last", "who", "which", "that")
            or low.endswith("ed")
        ):
            break
        subject.append(w)
    aux = [w for w in words[len(subject) : len(subject) + 2] if w.casefold() in _AUX_VERBS][:1]
    return subject, aux


def verb_measures(text: str, start: int, kind: str | None, unit: str | None, s_start: int) -> str | None:
    """ "Repairs will cost $2 million" -> "cost of Repairs"; "… and take 18 months" -> "time
    Repairs will take": a price or a duration is what its verb says of the clause's subject."""
    left = text[s_start:start]
    m = _SPEND_RE.search(left)
    if m is None:
        return None
    verb = m.group(1).casefold()
    base = _BASE.get(verb, verb)
    clause = re.split(r"[;:]\s|,\s(?!\d)", left[: m.start()])[-1]
    subject, aux = _clause_subject(clause)
    if not subject or subject[0].casefold() in _PRONOUNS or len(subject) > 5:
        return None
    if kind == "money" and base == "cost":
        return " ".join(["cost", "of", *subject])
    if kind == "quantity" and base in ("take", "last"):
        return " ".join(["time", *subject, *(aux if aux else []), base if aux else verb])
    return None


_PART_RE = re.compile(r"\s+of\s+(?:his|her|its|their|our|the|those|these)\s+")


def part_measures(text: str, start: int, end: int, unit: str | None, s_start: int) -> str | None:
    """ "engineers found cracks in two of its 14 steel beams" -> "steel beams with cracks"; "a flood
    that killed a ferryman and two of his cousins" -> "cousins killed": a part of a whole is the
    whole's noun with what the clause's verb says of it."""
    if not unit or not _PART_RE.match(text, end):
        return None
    left = text[s_start:start]
    found = re.search(r"\b([a-z]+(?:ed|nd|ound|aw|ad))\s+([a-z]+s)\s+(?:in|on|at)\s+$", left)
    if found:
        return f"{unit} with {found.group(2)}"
    verbs = [w for w in re.findall(r"[a-z]+", left) if w.endswith("ed") and w not in ("need", "speed", "seed")]
    coordinated = re.search(r"\band\s+$", left)
    if verbs and (coordinated or re.search(rf"\b{verbs[-1]}\s+$", left)):
        return f"{unit} {verbs[-1]}"
    return unit


_SAY = frozenset(SAID.split("|")) | frozenset("say think thinks thought believe believes felt feel feels".split())
_LINK = frozenset("they he she it who that would will could 'd ’d be are were is was have has had".split())
_GROUP_VERBS = frozenset(
    "support supported supporting oppose opposed opposing favor favour favored favoured favoring favouring back "
    "backed backing want wanted view viewed approve approved disapprove disapproved prefer preferred plan planned "
    "expect expected agree agreed disagree disagreed voted vote chose choose named rated trust trusted".split()
)
_NOT_NOUN = frozenset("the a an of to in on at for by from with as than and or but".split())
_CLAUSE_STOP = frozenset("and but while whereas compared according although though because since".split())


def _link(word: str) -> bool:
    """A pronoun or linking verb between a group and what is said of it ("they'd" counts as "they")."""
    return re.split(r"[’']", word.casefold())[0] in _LINK


def _is_clause_verb(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` starts what is said of the group: a verb of saying, a linking word or a
    verb ("favoured changing", "back a toll"); "registered voters" is an adjective and a noun."""
    low = words[i].casefold()
    if low in _SAY or _link(low) or low in _GROUP_VERBS:
        return True
    nxt = words[i + 1].casefold() if i + 1 < len(words) else ""
    return low.endswith("ed") and (nxt.endswith("ing") or nxt in _NOT_NOUN or not nxt)


_POLL_PHRASE = re.compile(
    r"\s+(?:in|from|of)\s+(?:a|an|the|that|this|its|their)\s+[^,;.]{0,40}?\b(?:poll|survey)s?\b", re.IGNORECASE
)


def share_measures(text: str, end: int, s_end: int) -> str | None:
    """ "64 percent of bus drivers said they'd be glad to work weekends" -> "bus drivers glad to
    work weekends": a share is the group it is a share of
    with what is said of that group (None when nothing is said of it: "70 percent of the market")."""
    m = re.match(r"\s*(?:[—–]\s*)?\bof\s+(?:the\s+|all\s+|those\s+|these\s+)?", text[end:s_end])
    rest = _POLL_PHRASE.sub("", text[end + (m.end() if m else 0) : s_end])  # "voters in a recent CBS poll said"
    rest = rest if m else re.sub(r"^\s*[—–]\s*", " ", rest)  # "the vast majority – 55 percent – named Britain"
    rest = re.split(r"[,;:.!?()“”\"—–]", rest)[0]
    words = re.findall(r"[A-Za-z0-9’'-]+", rest)
    group: list[str] = []
    i = 0
    while i < len(words) and len(group) < 4 and not _is_clause_verb(words, i):
        group.append(words[i])
        i += 1
    if m and not group and words[:1] == ["who"]:
        return those_who(words[1:])  # "53% of those who rate her highly say they will vote for her"
    if (group and group[-1].casefold() in _NOT_NOUN) or (m and not group):
        return None
    if i >= len(words) or (not m and words[i].casefold() not in _SAY | _GROUP_VERBS):
        return None  # "58% turnout"; "30 percent said …", "two in three riders said …" speak for a group
    said: list[str] = []
    if i + 1 < len(words) and words[i].casefold() in _SAY and not _link(words[i + 1]):
        said.append("saying")  # "riders said fares were too high" -> "riders saying fares were too high"
    while i < len(words) and (words[i].casefold() in _SAY or _link(words[i])):
        i += 1  # "said they'd be", "who are"
    for w in words[i:]:
        if w.casefold() in _CLAUSE_STOP or len(said) == 7:
            break
        said.append(w)
    while said and said[-1].casefold() in _NOT_NOUN:
        said.pop()
    return " ".join([*group, *said]) if said else None


def those_who(words: list[str], limit: int = 10) -> str | None:
    """ "those who [rate a candidate as high] also say they are [likely to vote for her]" -> "rate
    candidate as high likely to vote for her": what the people a share counts do and say, without
    determiners, "also" and the verb of saying."""
    out = [
        w
        for w in words
        if w.casefold() not in _DETERMINERS | {"also", "each", "every", "that", "this"}
        and w.casefold() not in _SAY
        and not _link(w)
    ]
    out = out[:limit]
    while out and out[-1].casefold() in _NOT_NOUN:
        out.pop()
    return " ".join(out) if len(out) >= 2 else None


_WHEN = re.compile(rf"\b(?:on\s+)?(?:{'|'.join(WEEKDAYS)}|today|yesterday|last\s+week|this\s+week)\b")
_TALLY_VERB = re.compile(
    r"\b(voted|votes|vote|split|splits|led|leads|lead|leading|won|wins|beat|beats|defeated|lost|trails|trailed|"
    r"backing|backed|backs|favoring|favouring|favored|favoured)\s+"
    r"((?:(?:his|her|their|its|the)\s+[a-z]+\s+|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*,?\s+)?)"
    r"(?:by\s+)?$"
)


def tally_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "The city council voted 7-2 on Monday to close the bridge" -> "city council voted to close
    bridge"; "the mayor led her rival 45 to 40 percent" -> "mayor led her rival": who the tally is
    between or who cast it, its verb, and what it was on."""
    left = text[s_start:start]
    m = _TALLY_VERB.search(left)
    if m is None:
        return None
    clause = re.split(r"[;:]\s|,\s", left[: m.start()])[-1]
    if m.group(1).startswith(("back", "favo")):  # "superdelegates … and overwhelmingly backing X, 543-44"
        clause = re.split(r"[;:—–]|,\s|\b(?:and|but|while)\s", clause)[-1]
        clause = clause if re.fullmatch(r"\s*(?:[A-Za-z’'-]+\s+){1,3}", clause) else ""
    subject, _ = _clause_subject(clause)
    subject = [w for w in subject if not w.endswith("ly")]
    if len(subject) > 5:
        subject = subject[-5:]
    after = re.split(r"[,;:.!?()]", _WHEN.sub(" ", text[end:s_end]))[0]
    about: list[str] = []
    for w in re.findall(r"[A-Za-z0-9’'-]+", after):
        if w.casefold() in _CLAUSE_STOP | {"after", "before", "when", "if", "until", "unless"} or len(about) == 6:
            break
        if w.casefold() not in _DETERMINERS:
            about.append(w)
    if about and about[0].casefold() not in ("to", "on", "in", "for", "against", "over", "among"):
        about = []  # "7-2 … after engineers found": another clause
    while about and about[-1].casefold() in _NOT_NOUN:
        about.pop()
    obj = [w.rstrip(",") for w in m.group(2).split() if w.casefold() not in _DETERMINERS | _TITLES]
    words = [*subject, m.group(1), *obj, *about]
    return " ".join(words) if subject or m.group(2) else None


_BACK_RE = re.compile(
    r"\b(?:it|this|that)\s+(?:(?:has|had|have)\s+)?(?:was|is|were|been|stood\s+at|stands\s+at|"
    r"(?:dropped|fell|rose|climbed|slipped|grew|shrank|declined|increased|decreased)\s+to)\s+"
    r"(?:(?:about|approximately|around|nearly|roughly|just|only|some)\s+)?$",
    re.IGNORECASE,
)


def refers_back(text: str, start: int, s_start: int) -> bool:
    """Whether the number is said of "it" or "this" ("when it was forty percent", "this has dropped
    to approximately 56 percent"): it measures what the figure before it measured."""
    clause = re.split(r"[;:,]\s", text[s_start:start])[-1]
    return bool(_BACK_RE.search(clause))


def age_measures(text: str, start: int, end: int, s_start: int) -> str | None:
    """ "my son, who is six years old" -> "age of son"; "Boseman, who …, was 43 years old" -> "age of
    Boseman": a number of years old is the age of the clause's subject."""
    if not re.match(r"\s+(?:years?|months?|weeks?|days?)\s+old\b", text[end : end + 16]):
        return None
    left = text[s_start:start]
    who = re.search(r"([A-Za-z][\w’'-]*),\s+who\s+(?:is|was|are|were)\s+(?:now\s+|only\s+|just\s+)?$", left)
    if who:
        return f"age of {who.group(1)}"
    subject, _ = _clause_subject(re.split(r"[;:]\s", left)[-1])
    subject = [w for w in subject if w.casefold() not in _PRONOUNS]
    return " ".join(["age", "of", *subject[:4]]) if subject else "age"


_EXPECTING = r"(?:had\s+|have\s+|were\s+|was\s+)?(?:expected|forecast|predicted|anticipated|looking\s+for|estimated)"
_PER_SHARE = re.compile(
    r"\b(earnings|profit|revenue|loss|dividend|income)\s+of\s+(?:about\s+)?\S+\s+(?:a|per)\s+share\b"
)


def expected_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """A forecast set beside a result: "analysts' expectations of a 4 per cent rise" -> "analysts
    expected rise"; "well above the $2.10 a share that analysts expected" -> "analysts expected
    earnings per share" (the noun from the result in its sentence); "reported earnings of $2.31 a
    share" -> "company earnings per share"."""
    left, right = text[s_start:start], text[end:s_end]
    owner = re.search(r"\b([A-Za-z]+)[’']\s*(?:expectations?|forecasts?|estimates?)\s+(?:of|for)\s+(?:an?\s+)?$", left)
    if owner:
        noun = re.match(r"\s*(?:per\s?cent|percent|%)?\s*([a-z]+)", right)
        return " ".join([owner.group(1), "expected", *([noun.group(1)] if noun else [])])
    who = re.match(rf"\s+(?:(?:a|per)\s+share\s+)?that\s+([A-Za-z]+)\s+{_EXPECTING}\b", right)
    if who:
        result = _PER_SHARE.search(left)
        thing = [result.group(1), "per", "share"] if result else []
        return " ".join([who.group(1), "expected", *thing])
    result = re.search(r"\b(earnings|profit|revenue|loss|dividend|income)\s+of\s+(?:about\s+)?$", left)
    if result and re.match(r"\s+(?:a|per)\s+share\b", right):
        subject, _ = _clause_subject(re.split(r"[;:,]\s", left)[-1])
        return " ".join([*subject[-3:], result.group(1), "per", "share"])
    return None
