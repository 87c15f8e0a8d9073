"""Who holds an amount, for a measure that names no one (FR2-8): the labeller writes the holder first ("ZF
Friedrichshafen investment in e.GO", "Okonkwo's cash on hand"), our clause readers often keep only the verb and
what follows it ("spent on ads", "booked"). The holder is the name that opens the number's clause."""

from __future__ import annotations

import re

from .names import NAME

__all__ = ["held_measures"]

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
