"""Number expressions, typed: figure types with the unit read from the words next to them, and
the kinds that are not figures (years, dates, clock times, ordinals, labels).

Code reads values and units so the model only has to say what a number measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from ..models import FigureType

__all__ = [
    "FIGURE_TYPES",
    "QUANTITY_UNITS",
    "UNIT_STOP",
    "NumberCandidate",
    "parse_number",
    "plural",
    "read_unit",
    "scan_numbers",
    "subject_before",
    "type_and_unit",
]


FigureKind = FigureType
NumberKind = Literal[
    "count", "quantity", "money", "percent", "ratio", "score", "range", "year", "date", "time", "ordinal", "label"
]
FIGURE_TYPES: frozenset[str] = frozenset(get_args(FigureType))
"""The kinds of number that are figures; years, dates, clock times, ordinals and labels are not."""


@dataclass(frozen=True)
class NumberCandidate:
    """A number expression with its kind (a figure type or a non-figure kind), its value and the
    unit read from the words next to it (None where code can't tell)."""

    start: int
    end: int
    text: str
    kind: NumberKind
    value: float | None
    unit: str | None = None

    @property
    def is_figure(self) -> bool:
        """Dates, years, clock times, ordinals and labels ("Explorer 6") are typed but are not figures."""
        return self.kind in FIGURE_TYPES


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
    "half": 0.5, "dozen": 12, "a quarter": 0.25, "a third": 1 / 3, "two-thirds": 2 / 3,
    "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75, "twice": 2, "thrice": 3,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}  # fmt: skip
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)|(?:k|m|mn|bn|tn)\b)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMBER_WORDS = "|".join(
    w.replace(" ", r"\s+") for w in sorted((w for w in _WORDS if w not in ("twice", "thrice")), key=len, reverse=True)
)  # spaces as \s+: the pattern is compiled VERBOSE
_NUMBER_RE = re.compile(
    rf"""
    (?P<date>\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
      |\b(?:{_MONTHS})\.?\s+{_DAY}(?:\s*(?:and|to|-|–|through)\s*{_DAY}\b)?(?:,\s*\d{{4}})?\b
      |\b{_DAY}(?:\s*(?:and|to|-|–)\s*{_DAY})?\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s*\d{{4}})?)
    |(?P<time>\b\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?|\b\d{{1,2}}\s?[ap]\.m\.
      |\b\d{{3,4}}\s?(?:UTC|GMT|hrs\b|hours\s+(?:UTC|GMT|local)))
    |(?P<label>(?<![\w/])\d+/\d+(?![\w/])|(?<!\w)\(?\d{{3}}\)?[\s.-]\d{{3}}[\s.-]\d{{4}}\b|\#\d+\b)
    |(?P<money>(?:\b(?:NZ|US|A|C|HK|S|AU|CA)\s?\$|[$€£¥])\s?(?:{_NUM}){_SCALE}?)
    |(?P<percent>(?<![\w.])(?:{_NUM}|{_NUMBER_WORDS})\s?(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))
    |(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)
    |(?P<fold>(?<![\w.,])(?:{_NUM}|{_NUMBER_WORDS}|a\s+(?:hundred|thousand|million))[\s-]fold\b)
    |(?P<single>\b(?:a|an)\s+(?:hour|day|week|month|year|decade|century|minute)
      (?=\s+(?:later|ago|earlier|before|after|long|old)\b))
    |(?P<number>(?<![\w.,])(?<![A-Za-z]-)(?:{_NUM}){_SCALE}?(?![\w]))
    |(?P<word>\b(?:twice|thrice|one\s+in\s+(?:{_NUMBER_WORDS}|\d+)|(?:{_NUMBER_WORDS}))\b
      (?:[\s-](?:{"|".join(k for k in _WORDS if _WORDS[k] >= 1 and k not in ("twice", "thrice"))})\b)*)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_number(expr: str) -> float | None:
    """Value of a number expression: "175,000" -> 175000, "3.5 million" -> 3.5e6, "12%" -> 12.

    Returns None for text with no number in it. Number words are summed/multiplied the usual way
    ("twenty-five" -> 25, "three hundred" -> 300); "one in three" is 1/3.
    """
    s = expr.strip().lower().replace("us$", "$").replace("a$", "$").replace("c$", "$")
    m = re.search(rf"({_NUM})\s*({_SCALE[3:-1]})?", s.replace("\u00a0", " "))
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").strip()
        return value * _SCALES.get(scale, 1.0)
    one_in = re.fullmatch(r"one\s+in\s+(.+)", s)
    if one_in:
        n = parse_number(one_in.group(1))
        return 1 / n if n else None
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"a quarter|a third|two[ -]thirds|three[ -]quarters|[a-z]+", s):
        if word not in _WORDS:
            continue
        seen = True
        v = _WORDS[word]
        if v >= 1000:
            total += (current or 1) * v
            current = 0
        elif v == 100:
            current = (current or 1) * 100
        else:
            current += v
    return total + current if seen else None


_LABEL_NOUNS = {
    "post", "posts", "route", "flight", "room", "gate", "pad", "chapter", "section", "article",
    "version", "line", "platform", "level", "phase", "model", "episode", "season", "channel",
    "film", "movie", "album", "song", "book", "novel", "series", "show", "title", "studio",
    "highway", "interstate", "bus", "train", "apartment", "suite", "unit", "lot", "block", "case",
}  # fmt: skip
_RANK_WORDS = {"no.", "number", "#", "rank", "ranked", "place", "seed"}
_STREET_RE = re.compile(
    r"\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|"
    r"Court|Ct|Square|Terrace|Parkway|Highway)\b"
)


def _is_label(text: str, start: int) -> bool:
    """A number that names rather than counts: after a capitalised word inside a sentence
    ("Internet Explorer 6", "Boeing 747"), after a noun like "post" or "film" ("police posts 542",
    "film 42"), or a house number before a street name ("221 Baker Street")."""
    end = start + len(re.match(r"[\d,.]*", text[start:]).group())  # type: ignore[union-attr]
    if _STREET_RE.match(text, end):
        return True
    m = re.search(r"([A-Za-z][\w.’'-]*)\s+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if word == "No." or word.casefold() in _LABEL_NOUNS:
        return True
    if word.casefold() == "the" and re.match(r"\d{3}(?:,|\s+which\b)", text[start : start + 12]):
        return True  # "the 747, which …": a model number standing alone
    if not word[:1].isupper():
        return False
    word_start = start - len(m.group(0))
    return not re.search(r"(?:^|[.!?:“\"\n]\s*)$", text[max(0, word_start - 3) : word_start])


def _is_rank(text: str, start: int) -> bool:
    """ "number 3 in the category", "No. 1": a rank, typed like an ordinal."""
    m = re.search(r"(?:(\S+)\s+)?(\S+)\s+$", text[max(0, start - 30) : start])
    if not m or m.group(2).casefold() not in _RANK_WORDS:
        return False
    verb_use = (m.group(1) or "").casefold() in ("might", "may", "could", "would", "will", "now", "which")
    return not verb_use and bool(re.match(r"\d{1,2}\b|[a-z]+\b", text[start : start + 3]))


_JOINED_RE = re.compile(r"\s*(?:,|and|or|to|-|–|&)\s*$")


def scan_numbers(text: str) -> list[NumberCandidate]:
    """Every number expression, typed: a figure type (``FIGURE_TYPES``, with the unit read from
    the words next to it) or a kind that is not a figure (year, date, time, ordinal, label).
    Years 1800-2100 standing alone are ``year``; "posts 542 and 543" are both labels."""
    out: list[NumberCandidate] = []
    for m in _NUMBER_RE.finditer(text):
        group = m.lastgroup or "number"
        raw = m.group(0)
        start, end = m.start(), m.end()
        kind: NumberKind | None = None
        if group in ("date", "time", "label", "ordinal"):
            kind = group  # type: ignore[assignment]
            if group == "label" and raw.startswith("#"):
                kind = "ordinal"  # "#2 browser": a rank
        elif group == "number" and re.fullmatch(r"1[89]\d\d|20\d\d|2100", raw.replace(",", "")):
            kind = "year"
        elif group == "number" and _is_label(text, start):
            kind = "label"
        elif group in ("number", "word") and _is_rank(text, start):
            kind = "ordinal"
        if kind is None and out and group in ("number", "word"):
            prev = out[-1]
            gap = text[prev.end : start]
            joined = _JOINED_RE.fullmatch(gap) and ("," not in gap or prev.kind == "label")
            if prev.kind in ("label", "date", "time", "ordinal") and joined:
                kind = prev.kind  # "posts 542 and 543", "March 4 and 5"
            elif prev.kind == "score" and re.fullmatch(r"\s*[-–]\s*", text[prev.end : start]):
                out.append(NumberCandidate(start, end, raw, "score", parse_number(raw), prev.unit))  # "won 3-1"
                continue
        if group == "word" and raw.casefold() == "one" and kind is None and not _counted_one(text, start, end):
            continue  # "one" is mostly a pronoun ("one of the ...")
        if group == "single":  # "an hour later", "nearly a decade ago": a duration of one
            out.append(NumberCandidate(start, end, raw, "quantity", 1.0, plural(raw.split()[-1].casefold())))
            continue
        value = None if kind in ("date", "time", "label") else parse_number(raw)
        if kind is not None:
            out.append(NumberCandidate(start, end, raw, kind, value))
            continue
        figure_type, unit = type_and_unit(text, start, end, raw, group)
        if unit is None and figure_type == "count" and re.match(r"\s+more\b", text[end : end + 6]):
            earlier = [c for c in out if c.unit and c.kind == "count" and start - c.end < 200]
            unit = earlier[-1].unit if earlier else None  # "rescued over 700 asylum seekers … saved 200 more"
        out.append(NumberCandidate(start, end, raw, figure_type, value, unit))
    return _join_ranges(text, out)


_CHANGE_RE = re.compile(
    r"\b(?:increas|ris|rose|grew|grow|fell|fall|drop|climb|jump|decreas|declin|went|go|cut|rais|low|chang|up|down|by)"
    r"\w*\s+(?:from\s+)?(?:\S+\s+)?$",
    re.IGNORECASE,
)
_RANGE_GAP_RE = re.compile(r"\s+(?:to|or)\s+|\s*[-–]\s*")


def _join_ranges(text: str, found: list[NumberCandidate]) -> list[NumberCandidate]:
    """ "ten to 32 pages", "one or two points", "20-30 people": one ``range`` figure (value None,
    the unit of its upper end); "from 9 to 10" is a change, two figures."""
    out: list[NumberCandidate] = []
    for c in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("count", "quantity")
            and c.kind in ("count", "quantity")
            and _RANGE_GAP_RE.fullmatch(text[prev.end : c.start])
            and not _CHANGE_RE.search(text[max(0, prev.start - 40) : prev.start])
            and (prev.value or 0) < (c.value or 0)
        ):
            out[-1] = NumberCandidate(prev.start, c.end, text[prev.start : c.end], "range", None, c.unit)
            continue
        out.append(c)
    return out


def _counted_one(text: str, start: int, end: int) -> bool:
    """ "fired one shell", "one or two points" count; "One poster", "one of", "one another", "as
    one stipulation" do not: "one" is mostly a pronoun or an article."""
    if re.match(r"\s+(?:or|to)\s+(?:two|three|\d)", text[end : end + 12]):
        return True
    m = re.match(r"\s+([a-z][\w-]*)", text[end : end + 30])
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    if not m or text[start].isupper() or not before:
        return False
    prev = before.group(1).casefold()
    if prev not in ("least", "only", "just", "have", "has", "had", "exactly", "almost", "nearly") and not (
        prev.endswith("ed") and prev != "need"
    ):
        return False  # "with one poster writing", "one national and one …": a pronoun or an article
    word = m.group(1).casefold()
    return word not in UNIT_STOP and word not in ("another", "way", "thing") and not word.endswith("ly")


# --- units and figure types -------------------------------------------------------------------

UNIT_STOP = frozenset(
    (
        "of in at to from who that which were was is are have has had and or for on by with as than since after "
        "before the a an this their his her its will would could been be per into over under about each when while "
        "but later earlier ago said says left more aboard another across within through during until against "
        "it they he she we you i one ones these those there such same than whose where like last next today "
        "yesterday tonight near among inside outside toward towards via amid along around behind beyond despite "
        "fell hit died went came took made gave got ran won lost say"
    ).split()
)
_PARTICLES = frozenset("up down out off away back over".split())
_UNIT_SKIP = frozenset("more additional new other extra further remaining".split())
_CURRENCY_WORDS = {
    "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD", "pounds": "GBP", "yen": "JPY",
    "yuan": "CNY", "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "francs": "CHF", "won": "KRW",
}  # fmt: skip
_CURRENCY_SIGNS = (
    ("NZ", "NZD"), ("A$", "AUD"), ("AU", "AUD"), ("C$", "CAD"), ("CA", "CAD"), ("HK", "HKD"),
    ("S$", "SGD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
)  # fmt: skip
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
    if group == "percent" or low_raw.endswith("%") or "percent" in low_raw or "per cent" in low_raw:
        return "percent", "%"
    if group == "money" or any(sym in raw for sym in "$€£¥"):
        for sign, code in _CURRENCY_SIGNS:
            if sign in raw or sign in before:
                return "money", code
        return "money", "USD"
    if low_raw in _FRACTIONS or low_raw.startswith("one in "):
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
    if _is_age(text, start, end):
        return "quantity", "years"
    unit = _unit_after(after_all)
    if unit is None and re.search(
        rf"\b(?:{_CASUALTY_VERBS})\s+(?:(?:all|at least|about|around|over|some|nearly|more than)\s+)*$",
        text[max(0, start - 40) : start],
        re.IGNORECASE,
    ):
        return "count", "people"  # "killing 107 or more and wounding 238"
    if unit is None:
        subject = subject_before(text, start)
        return "count", (
            " ".join(w for w in subject[0].split() if w.casefold() not in _UNIT_SKIP)[-40:] or None
        ) if subject else None
    if unit in _CURRENCY_WORDS.values():
        return "money", unit
    head = unit.split()[-1].casefold()
    return ("quantity" if head in QUANTITY_UNITS else "count"), unit


_CASUALTY_VERBS = (
    "killing|killed|wounding|wounded|injuring|injured|evacuating|evacuated|rescuing|rescued|arresting|arrested"
)


_COPULA_RE = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|stood\s+at|stands\s+at|totall?ed|totals|reached|numbered|number|numbers|"
    r"(?:increased|rose|grew|fell|dropped|declined|decreased|went\s+up|went\s+down)\s+from(?:\s+\S+\s+to)?)"
    r"(?:\s+(?:about|around|roughly|nearly|almost|over|some|at\s+least|more\s+than|approximately|an\s+estimated|a|an))*"
    r"\s+)$"
)
_SUBJECT_RE = re.compile(
    r"\b(?:number|total|toll|count|tally)\s+of\s+((?:[A-Za-z][\w’'-]*\s+){0,2}?[a-z][\w-]*s)\b((?:\s+(?:near|in|at|on|from)"
    r"\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)"
)


def subject_before(text: str, start: int) -> tuple[str, str] | None:
    """(counted noun, where) of a number given as a predicate: "The number of Russian troops near
    Ukraine … is believed to be 94,300" -> ("Russian troops", "near Ukraine"); "intended Russian
    personnel – which might number 175,000" -> ("intended Russian personnel", "")."""
    left = text[max(0, start - 200) : start]
    left = left[max(left.rfind(". "), left.rfind("\n")) + 1 :]
    if not _COPULA_RE.search(left):
        return None
    subjects = list(_SUBJECT_RE.finditer(left))
    if subjects:
        m = subjects[-1]
        return m.group(1), m.group(2).strip()
    if re.search(r"\bdeath\s+toll\b", left):
        return "death toll", ""
    change = re.search(
        r"\b(?:the\s+)?((?:[\w’'-]+\s+){0,2}?[a-z][\w-]*s)((?:\s+(?:in|of|at|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)?)"
        r"\s+(?:increased|rose|grew|fell|dropped|declined|decreased|went\s+up|went\s+down)\s+from\s+(?:\S+\s+to\s+)?$",
        left,
    )
    if change:
        return change.group(1), change.group(2).strip()
    which = re.search(
        r"((?:[A-Za-z][\w’'-]*\s+){0,2}[a-z][\w-]*s|personnel|staff|police)\s*[–—,(]\s*which\s+(?:\w+\s+)?number\s+$",
        left,
    )
    return (which.group(1), "") if which else None


def _score_pair(text: str, start: int, end: int) -> bool:
    """ "the Internet: 1, Scientology: 0": a tally read as a score."""
    window = text[max(0, start - 40) : end + 40]
    return bool(re.search(r"[A-Z][\w ]{0,25}:\s*\d+\s*,\s*[A-Z][\w ]{0,25}:\s*\d+", window)) and bool(
        re.match(r"\s*[,.]", text[end : end + 2]) and re.search(r":\s*$", text[max(0, start - 3) : start])
    )


def _is_age(text: str, start: int, end: int) -> bool:
    """ "James Ford, 42, a convicted murderer": an age between commas after a name."""
    return bool(
        re.search(r"[A-Z][\w’'-]+,\s*$", text[max(0, start - 30) : start]) and re.match(r"\s*[,)]", text[end : end + 2])
    ) and bool(re.fullmatch(r"\d{1,3}", text[start:end]))


def _unit_after(after: str) -> str | None:
    after = re.sub(r"^\s*(?:to|-|–|or|and)\s*[\d,]*\d(?:\.\d+)?", "", after)  # a range: "ten to 32 pages"
    hyphen = re.match(r"\s?-\s?([A-Za-z]+)(?:-[A-Za-z]+)*\b", after)
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
        if not word[0].isalpha():
            if phrase or word not in "-(]":
                break
            continue
        if low in _CURRENCY_WORDS and not phrase:
            return _CURRENCY_WORDS[low]
        if low in UNIT_STOP or (phrase and re.search(r"(?:ly|ed|ing)$", low)):
            break
        if not phrase and low.endswith("ed") and not _adjective(after, word):
            break  # "107 killed in": a verb; "12 cracked beams": an adjective
        if low in _UNIT_SKIP and not phrase:
            continue
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
