"""Who holds an amount, for a measure that names no one (FR2-8): the labeller writes the holder first ("ZF
Friedrichshafen investment in e.GO", "Okonkwo's cash on hand"), our clause readers often keep only the verb and
what follows it ("spent on ads", "booked"). The holder is the name that opens the number's clause."""

from __future__ import annotations

import re

from .names import NAME

__all__ = ["built_measures", "held_measures"]

#: the clause the number sits in: from the sentence start or the last "; ", ", and ", ", while ", ", but "
_CLAUSE_CUT_RE = re.compile(r";\s+|,\s+(?:while|but|whereas)\s+|\s+and\s+|\.\s+")
#: a clause that opens with a name (and maybe its possessive noun and an apposition), its verb, then the amount
#: within four words: "The Senate Majority Fund, a Democratic group, has booked $9.6 million"
_OPENS_RE = re.compile(
    rf"\s*(?:[Tt]he\s+)?(?P<name>{NAME})(?P<own>['’]s\s+[a-z]+)?(?:,\s+[^,;]{{1,60}},)?"
    r"\s+(?:(?:has|have|had|will|would|also|now|just|already|is|was)\s+){0,2}"
    r"(?:[a-z]+ed|spent|paid|raised|sold|lost|won|got|made|took|put|set|gave|brought|sought|bought|spends|pays|"
    r"raises|earns|plans\s+to\s+spend|will\s+spend)\s+(?:\S+\s+){0,4}"
)
_FORECASTERS = ("analysts", "economists", "forecasters", "experts")
_NOT_HOLDERS = frozenset(
    "In On At By For From With Among After Before Since During Under Over But And Or So Yet Still Also Overall "
    "Nationally Meanwhile However It This That These Those There Here He She They We I The A An Its Their His Her "
    "Democratic Republican While When If Even Of According Sometimes One As Although Because Then Now Last Next "
    "Deadline City State".split()
)


def held_measures(text: str, start: int, s_start: int, kind: str | None, measures: str) -> str:
    """A money figure's measure with the name that opens its clause put first when it names no one: "The Senate
    Majority Fund, a Democratic group, has booked $9.6 million" -> "Senate Majority Fund booked" (unchanged when
    the measure already has a capitalised word or the clause opens with no name)."""
    if kind != "money" or not measures or re.search(r"\b[A-Z]", measures) or measures.startswith(_FORECASTERS):
        return measures  # "analysts expected earnings per share": the analysts' figure, not the company's
    cuts = list(_CLAUSE_CUT_RE.finditer(text, s_start, start))
    clause_start = cuts[-1].end() if cuts else s_start
    m = _OPENS_RE.fullmatch(text, clause_start, start)
    if m is None or m.group("name").split()[0].strip("’'") in _NOT_HOLDERS:
        return measures
    holder = m.group("name") + (m.group("own") or "")
    return f"{holder} {measures}"


# --- FR2-11: "The e.GO Werk 1 plant spans some 16,000 square meters … and cost 26 million euros to build" -------

_DETS = r"(?:The|the|A|a|An|an|This|this|Its|its|Their|their)\s+"
#: the thing a sentence opens with: its words up to a preposition, a dash, a comma or its verb
_SUBJECT_RE = re.compile(
    rf"\s*(?:{_DETS})?(?P<thing>(?:(?!(?:on|of|in|at|near|with|from|for|by|spans|covers|cost|costs|is|was|has|had|will)\b)"
    r"[\w.’'-]+\s+){1,5}?)(?=on\b|of\b|in\b|at\b|near\b|with\b|from\b|for\b|by\b|spans\b|covers\b|cost|is\b|was\b|"
    r"has\b|had\b|will\b|[,–—])"
)
_COST_LEFT_RE = re.compile(r"\bcosts?\s+(?:about\s+|some\s+|nearly\s+|roughly\s+|more\s+than\s+)?$")
_COST_RIGHT_RE = re.compile(
    r"(?:\s+(?:euros|dollars|pounds|yen|kronor|crowns))?(?:\s*\([^)]*\))?\s+to\s+"
    r"(?P<verb>build|make|develop|buy|run|produce|complete|repair|replace)\b"
)
_AREA_LEFT_RE = re.compile(
    r"\b(?:spans|covers|occupies|span|cover|occupy|spanning|covering)\s+(?:about\s+|some\s+|nearly\s+|roughly\s+|"
    r"more\s+than\s+|almost\s+)?$"
)


def built_measures(text: str, start: int, end: int, unit: str | None, kind: str | None, s_start: int) -> str | None:
    """What a thing the sentence opens with cost to build or how much ground it covers, as the labeller writes it:
    "The e.GO Werk 1 plant … cost 26 million euros ($40 million) to build" -> "cost to build e.GO Werk 1 plant";
    "The new brewhouse … covers some 22,000 square meters" -> "area of new brewhouse"."""
    left = text[max(s_start, start - 40) : start]
    verb = _COST_RIGHT_RE.match(text, end) if kind == "money" and _COST_LEFT_RE.search(left) else None
    area = kind == "quantity" and re.search(r"square|acres|hectares", unit or "") and _AREA_LEFT_RE.search(left)
    subject = _SUBJECT_RE.match(text, s_start, start) if verb or area else None
    if subject is None:
        return None
    thing = subject.group("thing").strip()
    return f"cost to {verb.group('verb')} {thing}" if verb else f"area of {thing}"
