"""Units and figure types of scanned numbers: the unit read from the words next to a number
("58%" -> "%", "NZ$26 million" -> "NZD", "12-roll packs" -> "rolls") and its figure type (a bare
age: ``ages.py``; the counted noun of a number with none next to it: ``counted.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import WEEKDAYS
from ..models import FigureType
from .ages import is_bare_age, is_said_age
from .clauses import CHANGE_NOUNS
from .counted import subject_before

if TYPE_CHECKING:
    from .numbers import NumberCandidate

__all__ = [
    "NORMALISED_UNITS",
    "QUANTITY_UNITS",
    "RANGE_KINDS",
    "UNIT_STOP",
    "plural",
    "read_unit",
    "type_and_unit",
    "unit_in_article",
]

FigureKind = FigureType

UNIT_STOP = frozenset(
    (
        "of in at to from who that which were was is are have has had and or for on by with as than since after "
        "before the a an this their his her its will would could been be per into over under about each when while "
        "but later earlier ago said says left more aboard another across within through during until against "
        "it they he she we you i one ones these those there such same than whose where like last next today "
        "yesterday tonight near among inside outside toward towards via amid along around behind beyond despite "
        "fell hit died went came took made gave got ran won lost say ahead make makes"
    ).split()
)
_PARTICLES = frozenset("up down out off away back over".split())
_UNIT_SKIP = frozenset("more additional new other extra further remaining".split())
_CURRENCY_WORDS = {
    "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD", "pounds": "GBP", "yen": "JPY",
    "yuan": "CNY", "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "francs": "CHF", "won": "KRW",
}  # fmt: skip
_CURRENCY_SIGNS = (
    ("US", "USD"), ("NZ", "NZD"), ("A$", "AUD"), ("AU", "AUD"), ("C$", "CAD"), ("CA", "CAD"), ("HK", "HKD"),
    ("S$", "SGD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
)  # fmt: skip
#: a range's kind by its unit: "$9 million to $10 million" is money, "5 to 20 per cent" a percentage
RANGE_KINDS = {
    **{code: "money" for code in "usd eur gbp jpy cny inr rub chf krw nzd aud cad hkd sgd".split()},
    "%": "percent", "percent": "percent", "per cent": "percent",
}  # fmt: skip
_FRACTIONS = frozenset(
    ("half", "a half", "a third", "a quarter", "third", "quarter", "two-thirds", "two thirds", "three-quarters")
)
#: words whose numbers are measurements (type ``quantity``); anything else counted is a ``count``
QUANTITY_UNITS = frozenset(
    (
        "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months year "
        "years decade decades century centuries millennia fortnight night nights "
        "mm cm m km metre metres meter meters kilometre kilometres kilometer kilometers mile miles foot feet ft inch "
        "inches yard yards nautical "
        "g kg mg gram grams kilogram kilograms kilo kilos tonne tonnes ton tons pound pounds lb lbs ounce ounces oz "
        "hectare hectares acre acres sq square km2 "
        "litre litres liter liters l ml gallon gallons barrel barrels "
        "mph kph km/h knots degrees degree °c °f celsius fahrenheit kelvin "
        "magnitude richter volts watts kw mw gw kwh mwh gwh megawatts gigawatts calories "
        "mb gb tb kb bytes megabytes gigabytes terabytes pixels"
    ).split()
)
_QUANTITY_AFTER = frozenset(("magnitude", "richter"))

#: units a figure may carry without the article spelling them: currency codes, percent, (index) points, a
#: fraction, a multiple, and time, distance, weight and other measurement units (written in
#: any of their forms); any other unit must be words of the article next to the number
NORMALISED_UNITS = frozenset(
    {"usd", "eur", "gbp", "jpy", "cny", "inr", "rub", "chf", "krw", "nzd", "aud", "cad", "hkd", "sgd"}
    | {"%", "percent", "per cent", "percentage points", "points", "fraction", "times", "people"}
    | QUANTITY_UNITS
)


def _unit_tokens(unit: str) -> list[str]:
    """Words without a plural ending ("parties" = "party"), split at slashes ("km/h")."""
    words = re.findall(r"[\w%$€£¥°]+", unit.casefold())
    return [re.sub(r"ies$", "y", w) if w.endswith("ies") else w.rstrip("s") if len(w) > 3 else w for w in words]


_GLUE = frozenset("of the a an per in on for and".split())


def unit_in_article(unit: str, text: str) -> bool:
    """Whether ``unit`` is a normalised unit (``NORMALISED_UNITS``) or made of words of ``text``
    (a plural s and joining words such as "of" aside): pass the number's sentence to check that
    the unit is read next to the number; a unit the text never uses is invented."""
    if unit.strip().casefold() in NORMALISED_UNITS:
        return True
    words = set(_unit_tokens(text))
    return all(w in words or w in NORMALISED_UNITS or w in _GLUE for w in _unit_tokens(unit))


def plural(word: str) -> str:
    """ "roll" -> "rolls", "city" -> "cities": the counted noun of "12-roll packs"."""
    low = word.casefold()
    if low.endswith("s") or low in ("km", "kg", "mm", "cm", "mph", "kph"):
        return word
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", low):
        return word + "es"
    if low in ("man", "woman"):
        return word[:-2] + "en"
    if low in ("child",):
        return word + "ren"
    if low in ("person",):
        return "people"
    if low in ("foot",):
        return "feet"  # "a five-foot tusk"
    return word + "s"


def read_unit(text: str, c: NumberCandidate) -> str | None:
    """The unit of a scanned number (``NumberCandidate.unit``): kept for callers of the old API."""
    return c.unit if c.unit is not None else type_and_unit(text, c.start, c.end, c.text, "number")[1]


def type_and_unit(text: str, start: int, end: int, raw: str, group: str) -> tuple[FigureKind, str | None]:
    """(figure type, unit) read from the number's text and the words next to it: "58%" -> percent
    "%", "NZ$26 million" -> money "NZD", "half of" -> ratio "fraction", "twice" -> ratio
    "times", "14-year-old" -> quantity "years", "(800 km)" -> quantity "km", "12-roll packs" ->
    count "rolls", "100 battalion tactical units" -> count "battalion tactical units" (up to three
    words, stopping at a function word or a verb: "107 killed" has no unit here)."""
    low_raw = raw.casefold()
    before = text[max(0, start - 4) : start]
    if re.search(r"percentage[\s-]+points?$", low_raw):
        return "quantity", "percentage points"  # a difference of two percentages, not a share
    if group == "percent" or low_raw.endswith("%") or "percent" in low_raw or "per cent" in low_raw:
        return "percent", "%"
    if group == "money" or any(sym in raw for sym in "$€£¥"):
        for sign, code in _CURRENCY_SIGNS:
            if sign in raw or sign in before:
                return "money", code
        return "money", "USD"
    if low_raw in _FRACTIONS or re.fullmatch(r"[a-z\d]+\s+(?:in|out\s+of)\s+\S+", low_raw):
        return "ratio", "fraction"
    after_all = text[end : end + 80].split("\n")[0]
    if low_raw in ("twice", "thrice"):  # "twice as many": a multiple; "denied visas twice": how often
        multiple = re.match(r"\s+(?:as|the|more|less|that|over)\b|\s+\w+er\b", after_all)
        return ("ratio", "times") if multiple else ("count", "times")
    if group == "fold":
        return "ratio", "times"
    if re.match(
        r"\s+times\s+(?:more|less|fewer|as|larger|higher|bigger|greater|smaller|lower|the|that|over)\b", after_all
    ):
        return "ratio", "times"
    age = re.match(r"\s*-\s*(year|month|week|day)s?-old", after_all)
    if age:
        return "quantity", plural(age.group(1))
    if (
        re.match(r"\s*[-–]\s*\d", after_all)
        and re.search(r"\b(?:won|beat|defeated|lost|score|draw|drew|victory|win)\b", text[max(0, start - 40) : start])
    ) or _score_pair(text, start, end):
        return "score", "points" if re.match(r"\W*points?\b", after_all) else None
    before_word = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    if before_word and before_word.group(1).casefold() in _QUANTITY_AFTER:
        return "quantity", "magnitude"
    if is_bare_age(text, start, end) or is_said_age(text, start, end):
        return "quantity", "years"
    unit = _unit_after(after_all) or _unit_of_part(after_all)
    if unit is None and _MARKET_LEVEL_RE.search(text[max(0, start - 40) : start]):
        return "quantity", "points"  # "slid 0.2 per cent to 3,108.50": an index level
    if unit and unit.casefold() in ("cents", "cent", "pence"):
        return "money", unit  # "fell 42 cents"
    if unit and unit.casefold() in ("points", "point") and _CHANGE_BEFORE_RE.search(text[max(0, start - 40) : start]):
        return "quantity", unit  # "closed down 24.11 points": a move of an index, not a tally
    if (
        unit
        and unit.casefold() in ("points", "point")
        and _MARGIN_POINTS_RE.search(text[max(0, start - 80) : start] + "\x00" + text[end : end + 40])
    ):
        return "quantity", unit  # "leads by 6 points", "a 6-point lead", a margin of error: a difference
    if unit and unit.casefold() in ("points", "point") and _POLL_NEAR_RE.search(text, max(0, start - 200), end + 200):
        return "quantity", unit  # FR5: "within three points", "5.5 points for independents" near a poll's shares
    near = text[max(0, start - 300) : start]
    if unit is None and _LEAD_BY_RE.search(near) and _POLL_NEAR_RE.search(near) and re.search(r"\bpoints?\b", near):
        return "quantity", "points"  # FR6: "had her ahead by six", "Harwell's has dropped by 5" after points
    if unit is None and re.search(
        rf"\b(?:{_CASUALTY_VERBS})\s+(?:(?:all|at least|about|around|over|some|nearly|more than)\s+)*$",
        text[max(0, start - 40) : start],
        re.IGNORECASE,
    ):
        return "count", "people"  # "killing 107 or more and wounding 238"
    if unit is None and _CASUALTY_AFTER_RE.match(text, end):
        return "count", "people"  # "where 84 were killed and roughly 200 wounded", "39 are confirmed dead"
    if unit is None:
        subject = subject_before(text, start)
        return "count", (
            " ".join(w for w in subject[0].split() if w.casefold() not in _UNIT_SKIP)[-40:] or None
        ) if subject else None
    if unit in _CURRENCY_WORDS.values():
        return "money", unit
    head = unit.split()[-1].casefold()
    return ("quantity" if head in QUANTITY_UNITS else "count"), unit


#: the number (at NUL) is a margin: "by 6 points", "a 6-point lead", "margin of error … 4 points"
_MARGIN_POINTS_RE = re.compile(
    r"(?:\bby\s+(?:(?:about|nearly|almost|more\s+than|less\s+than|just|only|some|roughly|over|under)\s+)?"
    r"|\b(?:lead|margin|gap|edge|advantage|deficit|spread|error)\b[^.;\d]{0,40})\x00[\s-]*points?\b"
    r"|\x00[\s-]+points?[\s-]+(?:[a-z]+\s+)?(?:lead|margin|gap|edge|advantage|deficit|victory|win|swing|ahead|behind)\b",
    re.IGNORECASE,
)
_POLL_NEAR_RE = re.compile(r"\d\s?%|\bpercent\b|\bpolls?\b|\bsurveys?\b|\bpolling\b|\bvoters\b", re.IGNORECASE)
_LEAD_BY_RE = re.compile(
    r"\b(?:ahead|behind|led|leads?|trails?|trailed|dropped|fallen|fell|up)\s+(?:by\s+)?(?:just\s+|only\s+)?$"
)
_CHANGE_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(CHANGE_NOUNS)})\s+(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|just\s+)?$", re.IGNORECASE
)
_MARKET_LEVEL_RE = re.compile(
    r"(?:%|\bper\s?cent|\bpercent|\bpoints?)\s*,?\s+(?:to|at)\s+(?:(?:close|settle)\s+at\s+)?$", re.IGNORECASE
)


def _unit_of_part(after: str) -> str | None:
    """ "two of her nephews", "2 of its 14 steel beams": the counted noun after "of" and a possessive
    or a whole (a plural noun, up to three words); "one of many", "two of them" have none."""
    m = re.match(
        r"\s+of\s+(?:his|her|its|their|our|the|those|these)\s+(?:[\d,]+\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\b",
        after,
    )
    if not m or any(w in UNIT_STOP for w in m.group(1).split()):
        return None
    return m.group(1)


_CASUALTY_VERBS = (
    "killing|killed|wounding|wounded|injuring|injured|evacuating|evacuated|rescuing|rescued|arresting|arrested"
)


#: a bare number that is the subject of a casualty: "84 were killed", "200 wounded", "39 are confirmed dead"
_CASUALTY_AFTER_RE = re.compile(
    r"\s+(?:(?:were|are|was|have\s+been|had\s+been)\s+)?(?:(?:confirmed|reported|now)\s+)?"
    r"(?:killed|dead|died|wounded|injured|hurt)\b"
)


def _score_pair(text: str, start: int, end: int) -> bool:
    """ "the Internet: 1, Scientology: 0": a tally read as a score."""
    window = text[max(0, start - 40) : end + 40]
    return bool(re.search(r"[A-Z][\w ]{0,25}:\s*\d+\s*,\s*[A-Z][\w ]{0,25}:\s*\d+", window)) and bool(
        re.match(r"\s*[,.]", text[end : end + 2]) and re.search(r":\s*$", text[max(0, start - 3) : start])
    )


_WHEN_WORDS = frozenset("late early morning afternoon evening overnight".split()) | {d.casefold() for d in WEEKDAYS}


def _unit_after(after: str) -> str | None:
    after = re.sub(r"^\s*(?:to|-|–|or|and)\s*[\d,]*\d(?:\.\d+)?", "", after)  # a range: "ten to 32 pages"
    suspended = re.match(r"\s?-\s+(?:or|and|to)\s+[\w.]+-([A-Za-z]+)\b", after)  # "a 30- or 35-year-old"
    hyphen = suspended or re.match(r"\s?-\s?([A-Za-z]+)(?:-[A-Za-z]+)*\b", after)
    if hyphen and hyphen.group(1).casefold() in UNIT_STOP:
        return None  # "three-by-four feet": not a counted noun
    if hyphen:  # "12-roll packs", "six-member team", "11-year lull"
        word = hyphen.group(1)
        if word.casefold() in ("year", "month", "week", "day", "hour", "minute", "second", "mile", "kilometre"):
            return plural(word.casefold())
        return plural(word)
    phrase: list[str] = []
    for word in re.findall(r"[A-Za-z][\w'-]*|\d[\w-]*|[^\sA-Za-z\d]", after):
        low = word.casefold()
        if word[0].isdigit():
            if phrase or not re.fullmatch(r"\d+-[a-z]+", low):
                break
            continue  # "two 12-roll packs": the packs are counted
        if word in ("“", "”", "‘", "’"):
            continue  # "nine “nonprobability” internet samples": a word in quotes is still the noun's
        if not word[0].isalpha():
            if phrase or word not in "-(]":
                break
            continue
        if low in _CURRENCY_WORDS and not phrase:
            return _CURRENCY_WORDS[low]
        if low in _UNIT_SKIP and not phrase:
            continue  # "five more nurses": "more" is a stop word elsewhere, here the noun follows
        if low in UNIT_STOP or low in _WHEN_WORDS or (phrase and re.search(r"(?:ly|ed|ing)$", low)):
            break
        if not phrase and low.endswith("ed") and not _adjective(after, word):
            break  # "107 killed in": a verb; "12 cracked beams": an adjective
        phrase.append(word)
        if len(phrase) == 4 or low in QUANTITY_UNITS:
            break
    if len(phrase) > 1 and all(w[:1].isupper() for w in phrase):
        return None  # "member 0 Ana Ruiz": a name follows, not a unit
    return " ".join(phrase[-3:]) or None


def _adjective(after: str, word: str) -> bool:
    """A participle before a noun ("cracked beams") rather than a verb ("killed in", "wounded,")."""
    m = re.search(rf"\b{re.escape(word)}\s+([A-Za-z][\w-]*)", after)
    if not m:
        return False
    nxt = m.group(1).casefold()
    return nxt not in UNIT_STOP and not re.search(r"(?:ly|ed|ing)$", nxt) and nxt not in _PARTICLES
