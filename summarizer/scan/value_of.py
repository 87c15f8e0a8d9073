"""``measures_of`` for a number given as the value of a noun before it ("a value of US$473.60 per
metric ton of crude palm oil" -> "value of crude palm oil"; "St. Charles is a city of about 70,000
residents" -> "residents of St. Charles"): the noun with what the value is of, or the unit of the
name the copula says it of. None otherwise ("a total of 39", "a payout of one million rubles" read
as before).
"""

from __future__ import annotations

import re

__all__ = ["value_of_measures"]

_HEDGE = r"(?:(?:about|around|roughly|nearly|almost|some|over|just|only|more\s+than|less\s+than|up\s+to)\s+)?"
_NOUN_OF_RE = re.compile(r"\b(?:a|an|the)\s+(?P<noun>(?:[a-z]+\s+){0,2}[a-z]+)\s+of\s+" + _HEDGE + r"$")
_SUBJECT_RE = re.compile(r"(?P<subj>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?:is|was|are|were)\s+$")
_QUANTIFIERS = frozenset(
    "total number lot lots couple handful majority minority series group pair dozen maximum minimum average range "
    "share percentage portion fraction half third quarter part rest sum amount age period".split()
)
_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?(?P<np>(?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)")
_NP_STOP = frozenset("as of in on at to for by with and or but which who that was were is are as from".split())


def value_of_measures(text: str, start: int, end: int, unit: str | None, kind: str | None, s_start: int) -> str | None:
    """What a number given as "a <noun> of N" is the value of (see the module doc)."""
    left = text[s_start:start]
    m = _NOUN_OF_RE.search(left)
    if m is None or kind not in ("money", "count", "quantity"):
        return None
    noun = m.group("noun").split()
    if noun[-1] in _QUANTIFIERS or any(w in _NP_STOP for w in noun):
        return None
    right = text[end : end + 80]
    for word in (unit or "").split():  # past the unit and a "per <unit>": "US$473.60 per metric ton"
        right = re.sub(rf"^\s*{re.escape(word)}\b", "", right)
    right = re.sub(r"^\s+per\s+(?:(?!of\b)[a-z]+\s+)?(?!of\b)[a-z]+", "", right)
    of = _OF_RE.match(right)
    if of and kind != "count":
        words = []
        for w in of.group("np").split():
            if w.casefold() in _NP_STOP:
                break
            words.append(w)
        return " ".join([*noun, "of", *words]) if words else None
    subject = _SUBJECT_RE.search(left[: m.start()])
    if subject and kind == "count" and unit:
        return f"{unit} of {subject.group('subj')}"
    return None
