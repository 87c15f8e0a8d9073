"""Whose figure it is, said the way a reader says it: "age of Jacob Reyes" -> "Jacob Reyes's age",
"Ortiz lead over Brandt" -> "Ortiz's lead over Brandt", "Kremlin spending on …" -> "Kremlin's spending
on …". ``measures_of`` writes the owner as a bare name before or after the noun; every labelled pool
(written set, poll study, figures dev set, PolNeAR/GGT) writes a person's or a place's age, lead,
margin, deficit, spending, delegates, rating or growth with a possessive (evals/devsets-figures.md, FM1). Market
names ("DAX gain", "Exxon fall") and groups ("age of Millennials") keep their form: labels do too.
"""

from __future__ import annotations

import re

from ..grounding import content_tokens
from ..lexicon import ABBREVIATIONS, MONTHS, WEEKDAYS
from .names import NAME

__all__ = ["owned"]

#: what a person, party or place has that labels write with "'s"
_OWNED = r"(?P<noun>lead|leads|margin|deficit|spending|delegates|victory\s+margin|(?:un)?favou?rable\s+rating|growth)"
_AGE_OF = re.compile(rf"^age\s+of\s+(?P<name>{NAME})(?P<rest>(?:\s+at\s+death)?)$")
_BEFORE = re.compile(rf"^(?P<name>{NAME})\s+{_OWNED}\b(?P<rest>.*)$", re.DOTALL)
#: a plural group, not one owner: "Millennials", "Canadians", "Democrats"
_GROUP = re.compile(r"^[A-Z][a-z-]*(?:ans|als|ers|ats|ists|ites|ics)$")
#: a nationality or an era, not an owner: "Iranian-German", "Cuban American", "Harper-era"
_NOT_OWNER_WORD = re.compile(r"(?:ican|ese|-[A-Z][a-z]*(?:an|ish|ch)|-era)$")
#: a capitalised word that opens a phrase without being a name
_NOT_NAME = frozenset(
    "The A An This That These Those Its Their His Her Our Each Every All Most Some Well Now Still Yet Meanwhile".split()
)


def _possessive(name: str) -> str | None:
    """``name`` + "'s", or None when it is no single owner's name."""
    words = name.split()
    if words[0] in _NOT_NAME or name.endswith(("’s", "'s")) or _NOT_OWNER_WORD.search(words[-1]):
        return None
    if len(words) == 1 and (_GROUP.match(name) or not content_tokens(name) or name.casefold() in ABBREVIATIONS):
        return None  # "age of At", "age of Sept": a sentence's first word, not a name
    return f"{name}'s"


def _bare_name(measures: str, unit: str | None, text: str) -> bool:
    """Whether ``measures`` is only a name: capitalised words none of which the article writes in lower
    case ("Approval Rating", "Grade" are not names), named more than once, not a month, a weekday, a
    letter or the unit itself."""
    if not re.fullmatch(NAME, measures) or len(measures) <= 2 or measures in MONTHS + WEEKDAYS:
        return False
    if (unit or "").casefold() == measures.casefold() or text.count(measures) < 2:
        return False  # a name the story is about comes back; "62% Approval Rating" in a tweet does not
    return not any(re.search(rf"\b{re.escape(w.casefold())}\b", text) for w in measures.split())


def owned(measures: str, kind: str | None = None, unit: str | None = None, text: str = "") -> str:
    """``measures`` with a named owner written as a possessive; unchanged when none is named. A
    measure that is a bare name says whose share or count it is: "Mercer" for "47%" -> "Mercer's
    share", "Ruiz" for "1,612 pledged delegates" -> "Ruiz's pledged delegates" (FM4)."""
    if (kind == "percent" or (kind == "count" and unit)) and _bare_name(measures, unit, text):
        owner = _possessive(measures)
        if owner:
            return f"{owner} {'share' if kind == 'percent' else unit}"
    age = _AGE_OF.match(measures)
    if age and (owner := _possessive(age.group("name"))):
        return f"{owner} age{age.group('rest')}"
    before = _BEFORE.match(measures)
    if before and (owner := _possessive(before.group("name"))):
        return f"{owner} {before.group('noun')}{before.group('rest')}"
    return measures
