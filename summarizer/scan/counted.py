"""The counted noun of a number with none next to it: given as a predicate ("The number of Russian
troops near Ukraine … is believed to be 94,300", ``subject_before``), or left out after "and" or in a
list of names, where the count before it gives it (``carried_unit_reach``)."""

from __future__ import annotations

import re

__all__ = ["carried_unit_reach", "subject_before"]

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


_ELIDED_RE = re.compile(r"\s+(?:were|was|are|have\s+been)\s+[a-z]+(?:ed|en)\b")


def carried_unit_reach(text: str, start: int, end: int) -> int:
    """How far back a count with no noun of its own takes the unit of the count before it (0: it
    does not): a noun left out after "and" ("nine people were killed and 21 were wounded": 60
    characters) or a number listed after a name on a line of its own ("It takes 2,383 delegates …
    Hillary Clinton: 1,769.": the whole article before it)."""
    if re.fullmatch(r"\sand\s", text[max(0, start - 5) : start]) and _ELIDED_RE.match(text, end):
        return 60
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    listed = re.fullmatch(r"\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}:\s+", text[line_start:start]) and re.fullmatch(
        r"\.?\s*", text[end : line_end if line_end >= 0 else len(text)]
    )
    return start + 1 if listed else 0
