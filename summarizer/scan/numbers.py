"""Number expressions, typed: figure types with the unit read from the words next to them, and
the kinds that are not figures (years, dates, clock times, ordinals, labels).

Code reads values and units so the model only has to say what a number measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from ..lexicon import MONTHS
from ..models import FigureType
from .clauses import CHANGE_NOUNS
from .counted import carried_unit_reach
from .non_figures import ORDINAL_USE_RE, counted_one, in_a_name, is_label, is_rank, part_of_a_whole
from .units import plural, type_and_unit

__all__ = [
    "FIGURE_TYPES",
    "NumberCandidate",
    "parse_number",
    "scan_numbers",
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
    "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75, "twice": 2, "thrice": 3, "zero": 0,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}  # fmt: skip
_MONTHS = "|".join((*MONTHS, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:[\s-]?(?:thousand|million|billion|trillion)|(?:k|m|mn|bn|tn)\b)"  # "$10-million" too
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMBER_WORDS = "|".join(
    w.replace(" ", r"\s+")
    for w in sorted((w for w in _WORDS if w not in ("twice", "thrice", "zero")), key=len, reverse=True)
)  # spaces as \s+: the pattern is compiled VERBOSE
_FEW = "(?:one|two|three|four|five|six|seven|eight|nine)"  # "two in three": a fraction
# a poll's share read by what its respondents did: "7 in 10 said", "1 in 5 backed", "4 in 10 of the state's voters"
_SAID = (
    "said|say|says|believe[sd]?|think|thought|want(?:ed)?|back(?:ed)?|support(?:ed)?|favou?r(?:ed)?|approved?|opposed?"
    "|were|are|would|view(?:ed)?"
)
_NUMBER_RE = re.compile(
    rf"""
    (?P<date>\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
      |\b(?:{_MONTHS})\.?\s+{_DAY}(?:\s*(?:and|to|-|–|through)\s*{_DAY}\b)?(?:,\s*\d{{4}})?\b
      |\b{_DAY}(?:\s*(?:and|to|-|–)\s*{_DAY})?\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s*\d{{4}})?)
    |(?P<time>\b\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?|\b\d{{1,2}}\s?[ap]\.m\.
      |\b\d{{3,4}}\s?(?:UTC|GMT|hrs\b|hours\s+(?:UTC|GMT|local)))
    |(?P<label>(?<![\w/])\d+/\d+(?![\w/])|(?<!\w)\(?\d{{3}}\)?[\s.-]\d{{3}}[\s.-]\d{{4}}\b|\#\d+\b)
    |(?P<money>(?:\b(?:NZ|US|A|C|HK|S|AU|CA)\s?\$|[$€£¥])\s?(?:{_NUM}){_SCALE}?)
    |(?P<percent>(?<![\w.])(?:{_NUM}|(?:{_NUMBER_WORDS})(?:[\s-](?:{_NUMBER_WORDS}))*|zero)\s?
      (?:%|percent\b|per\s?cent\b|percentage[\s-]+points?\b))
    |(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)
    |(?P<fold>(?<![\w.,])(?:{_NUM}|{_NUMBER_WORDS}|a\s+(?:hundred|thousand|million))[\s-]fold\b)
    |(?P<single>\b(?:a|an)\s+(?:hour|day|week|month|year|decade|century|minute)
      (?=\s+(?:later|ago|earlier|before|after|long|old)\b))
    |(?P<share>(?<![\w.,])\d{{1,2}}\s+(?:in|out\s+of)\s+(?:\d{{1,2}}|100|1,000|{_FEW}|ten)\b(?![.,]\d)
      (?!\s+(?:seconds|minutes|hours|days|weeks|months|years|games|matches|attempts|tries|shots)\b)
      (?=\s+(?:[a-z]+\s+){{0,2}}?(?:[A-Z]?[a-z]+s|people)\b|\s+(?:of|{_SAID})\b))
    |(?P<number>(?<![\w.,])(?<![A-Za-z]-)(?:{_NUM}){_SCALE}?(?![\w]))
    |(?P<word>\b(?:twice|thrice|{_FEW}\s+(?:in|out\s+of)\s+(?:{_NUMBER_WORDS}|\d+)|(?:{_NUMBER_WORDS}))\b
      (?:[\s-](?:{"|".join(k for k in _WORDS if _WORDS[k] >= 1 and k not in ("twice", "thrice"))})\b)*)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_number(expr: str) -> float | None:
    """Value of a number expression: "175,000" -> 175000, "3.5 million" -> 3.5e6, "12%" -> 12.

    Returns None for text with no number in it. Number words are summed/multiplied the usual way
    ("twenty-five" -> 25, "three hundred" -> 300); "one in three" is 1/3, "two in three" 2/3.
    """
    s = expr.strip().lower().replace("us$", "$").replace("a$", "$").replace("c$", "$")
    part_in = re.fullmatch(rf"({_FEW}|\d{{1,2}})\s+(?:in|out\s+of)\s+(.+)", s)
    if part_in:
        n, whole = parse_number(part_in.group(1)), parse_number(part_in.group(2))
        return n / whole if n and whole else None
    m = re.search(rf"({_NUM})\s*({_SCALE[3:-1]})?", s.replace("\u00a0", " "))
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").strip(" -")
        return value * _SCALES.get(scale, 1.0)
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


_JOINED_RE = re.compile(r"\s*(?:,|and|or|to|-|–|&)\s*$")


#: "from a year earlier", "than a year ago", "the amount a year earlier": the point compared with, a date
_WHEN_RE = re.compile(r"\b(?:from|than|over|with|since|amount|level|period|figure|total)\s+$")
_EARLIER_RE = re.compile(r"\s+(?:earlier|ago)\b")  # "for more than a year before …" is how long


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
        elif group == "number" and re.fullmatch(r"\d{10,}", raw):
            kind = "label"  # an identifier ("tweet-id=\"669350861383049216\""), not a count
        elif group == "number" and is_label(text, start):
            kind = "label"
        elif group in ("number", "word") and is_rank(text, start):
            kind = "ordinal"
        if kind is None and out and group in ("number", "word"):
            prev = out[-1]
            gap = text[prev.end : start]
            joined = _JOINED_RE.fullmatch(gap) and ("," not in gap or prev.kind == "label")
            if prev.kind in ("label", "date", "time", "ordinal") and joined:
                kind = prev.kind  # "posts 542 and 543", "March 4 and 5"
        if group == "word" and kind is None and in_a_name(text, start, raw):
            kind = "label"  # "BBC Radio Four", "Channel Four": a word of a name
        if group == "word" and kind is None and part_of_a_whole(text, start, end):
            kind = "label"  # "the first half", "half-time": a part of a game or a year, not a fraction
        elif (
            group == "word"
            and kind is None
            and ORDINAL_USE_RE.match(text, end)
            and re.fullmatch(r"(?:a\s+)?(?:third|quarter)", raw.casefold())
        ):
            kind = "ordinal"  # "a third party", "a third term": the third one, not a third of something
        if group == "word" and raw.casefold() == "one" and kind is None and not counted_one(text, start, end):
            continue  # "one" is mostly a pronoun ("one of the ...")
        if group == "single" and _WHEN_RE.search(text, max(0, start - 40), start) and _EARLIER_RE.match(text, end):
            out.append(NumberCandidate(start, end, raw, "date", None))  # "rose 4 percent from a year earlier": when
            continue
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
        if unit is None and figure_type == "count" and (reach := carried_unit_reach(text, start, end)):
            earlier = [c for c in out if c.unit and c.kind == "count" and start - c.end < reach]
            unit = earlier[-1].unit if earlier else None  # "… and 21 were wounded"; "Clinton: 1,769."
        out.append(NumberCandidate(start, end, raw, figure_type, value, unit))
    out += _multiplied(text, out)
    return _join_ranges(text, sorted(out, key=lambda c: c.start))


#: a verb that multiplies what it acts on: "has doubled capacity", "plans to halve the troops"
_MULTIPLY_RE = re.compile(
    r"\b(?:(?P<past>doubled|tripled|quadrupled|halved|doubling|tripling|quadrupling|halving)|"
    r"\b(?:to|will|would|could|may|might|must|can)\s+(?P<base>double|triple|quadruple|halve))\b(?!\s+down\b)",
    re.IGNORECASE,
)
_FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}


def _multiplied(text: str, found: list[NumberCandidate]) -> list[NumberCandidate]:
    """ "Deutsche Post has doubled capacity", "a plan to halve the troops": a ratio written as a verb
    (value 2 ``times``; 0.5 a ``fraction``), unless a number was read there already."""
    out = []
    for m in _MULTIPLY_RE.finditer(text):
        start, end = m.span("past") if m.group("past") else m.span("base")
        if any(c.start < end and start < c.end for c in found):
            continue
        value = next(v for stem, v in _FACTORS.items() if text[start:end].casefold().startswith(stem))
        out.append(NumberCandidate(start, end, text[start:end], "ratio", value, "fraction" if value < 1 else "times"))
    return out


_CHANGE_RE = re.compile(
    r"\b(?:increas|ris|rose|grew|grow|fell|fall|drop|climb|jump|decreas|declin|went|go|cut|rais|low|chang|up|down|by)"
    r"\w*\s+(?:from\s+)?(?:\S+\s+)?$",
    re.IGNORECASE,
)
_MOVED_RE = re.compile(rf"\b(?:{'|'.join(CHANGE_NOUNS)})\s+(?:\S+\s+)?$", re.IGNORECASE)  # "gained $2.05 to $71.40"
_RANGE_GAP_RE = re.compile(r"\s+(?:to|or)\s+|\s*[-–]\s*|-\s+(?:to|or)\s+")  # "30- or 35-year-old"
_PAIRED = frozenset(("count", "quantity", "percent", "score"))


def _join_ranges(text: str, found: list[NumberCandidate]) -> list[NumberCandidate]:
    """Two numbers written as one expression are one figure: a range ("ten to 32 pages", "one or
    two points", "20-30 people", "zero per cent to 2 per cent": type ``range``, value None, the
    unit of its upper end) or a tally ("voted 7-2", "62%-32%", "312 votes to 190", "45 to 40
    percent", "won 3-1": type ``score``, the value of its first number). A pair written high to
    low, or after a word of winning or voting, is a tally; low to high, a range. "from 9 to 10",
    "rose 5 to 7" are a change: two figures."""
    out: list[NumberCandidate] = []
    for c in found:
        prev = out[-1] if out else None
        money = prev is not None and prev.kind == c.kind == "money" and prev.unit == c.unit
        if prev is None or (not money and (prev.kind not in _PAIRED or c.kind not in _PAIRED)):
            out.append(c)
            continue
        gap = text[prev.end : c.start]
        unit_gap = bool(prev.unit) and re.fullmatch(rf"\s+{re.escape(prev.unit or '')}\s+to\s+", gap)
        before = text[max(0, prev.start - 40) : prev.start]
        moved = _CHANGE_RE.search(before)  # "rose by 5 to 30" is a change; "rejected it by 432 votes to 202" is not
        low_high = (prev.value or 0) < (c.value or 0)
        change = (
            (moved and not moved.group().casefold().startswith("by"))
            or (money and _MOVED_RE.search(before))
            or (not low_high and re.search(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?$", before))
        )  # "shrank from 12 points to 8 points"; "range from ten to 32 pages" is a range
        between = gap.strip() == "and" and re.search(r"\bbetween\s+(?:the\s+ages?\s+of\s+)?$", before)
        if change or not (_RANGE_GAP_RE.fullmatch(gap) or unit_gap or between):
            out.append(c)
            continue
        same = prev.kind == c.kind or {prev.kind, c.kind} <= {"count", "quantity"}
        if money:  # "$30-million to $50-million": a range of sums, never a tally
            if low_high and " or " not in gap:
                out[-1] = NumberCandidate(prev.start, c.end, text[prev.start : c.end], "range", None, c.unit)
            else:
                out.append(c)
        elif "score" in (prev.kind, c.kind) or (not low_high and " or " not in gap and (same or c.kind == "percent")):
            unit = prev.unit or c.unit
            out[-1] = NumberCandidate(prev.start, c.end, text[prev.start : c.end], "score", prev.value, unit)
        elif low_high and (same or (between and c.kind == "percent")) and prev.kind != "score" and not unit_gap:
            out[-1] = NumberCandidate(prev.start, c.end, text[prev.start : c.end], "range", None, c.unit or prev.unit)
        else:
            out.append(c)
    return out
