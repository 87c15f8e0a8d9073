"""Who gives a figure when its own clause names someone other than the sentence's speaker
(``clause_source``): "…, while Deputy Governor Oleg Klimov indicated 68 people were missing" (Oleg
Klimov, though the sentence opens with another official's words); "Estimates by event organizers
indicate roughly one million people marched" (event organizers); "eleven and twelve reported by
industry sources" (industry sources); "A total of 39 are confirmed dead, officials told state media"
(officials); "According to the Crown, a report filed by Cpl. Douglas Green noted the change ranged from
zero to 0.5 per cent" (Douglas Green, not the Crown that relays him). None when the clause names no
one of its own.
"""

from __future__ import annotations

import re

__all__ = ["clause_source"]

_VERB = r"(?:said|says|told|tells|indicated|indicates|estimated|estimates|reported|reports|stated|claimed|claims)"
_NAME = r"(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)"
#: people named by what they are rather than by name: "officials told", "reported by industry sources"
_GROUP = (
    r"(?:[a-z]+\s+)?(?:officials|authorities|police|rescuers|organizers|organisers|sources|experts|analysts"
    r"|researchers|scientists|investigators)"
)
#: a record that speaks at the clause's end: "…, Federal Election Commission records show"
_RECORDS = rf"(?:the\s+)?(?:{_NAME}\s+|(?!(?:and|but|or|as|which)\s)[a-z]+\s+)?(?:records|data|figures|statistics)"
_CLAUSE_BREAK = re.compile(r",\s+(?:while|but|whereas)\s+|;\s+|\s+while\s+")
_SPEAKER_BEFORE = re.compile(rf"(?:^|[\s(])({_NAME})\s+{_VERB}\s+(?:that\s+)?[^,;:“”\"]*$")
_ESTIMATES_BY = re.compile(
    rf"\b(?:estimates?|figures|data|statistics|counts?)\s+(?:by|from)\s+(?:the\s+)?({_NAME}|{_GROUP})\s+"
    r"(?:indicate|indicates|show|shows|suggest|suggests|put|puts)\b[^,;]*$",
    re.IGNORECASE,
)
_REPORTED_BY = re.compile(rf"^[^,;:]{{0,40}}?\breported\s+by\s+(?:the\s+)?({_NAME}|{_GROUP})\b")
_GROUP_TOLD = re.compile(
    rf"^[^;“”\"]*?,\s+({_GROUP}|{_RECORDS})\s+(?:told|said|say|says|report|reports|reported|show|shows|showed)\b"
)
#: "According to the Crown, a report by Cpl. Douglas Green noted …": the inner speaker gives the figure
_ACCORDING = re.compile(r"^\s*According\s+to\s+[^,]{1,60},\s+")
_INNER_SPEAKER = re.compile(rf"({_NAME})\s+(?:{_VERB}|noted|notes|found|finds)\s+(?:that\s+)?[^,;:“”\"]*$")
_NOT_SPEAKER = frozenset("The A An It This That He She They We I In On At".split())


def clause_source(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The speaker the figure's own clause names, or None (see the module doc)."""
    left = text[s_start:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(left)), default=0)
    clause = left[cut:]
    estimate = _ESTIMATES_BY.search(clause)
    if estimate:
        return estimate.group(1)
    right = text[end:s_end]
    for pattern in (_REPORTED_BY, _GROUP_TOLD):
        found = pattern.match(right)
        if found:
            return found.group(1)
    according = _ACCORDING.match(left)
    if according and not cut:  # a relayed finding: the one who found it, not the relay
        inner = _INNER_SPEAKER.search(left, according.end())
        if inner and inner.group(1).split()[0] not in _NOT_SPEAKER:
            return inner.group(1)
    if cut:  # a later clause with a speaker of its own: "…, while Oleg Klimov indicated 68 …"
        speaker = _SPEAKER_BEFORE.search(clause)
        if speaker and speaker.group(1).split()[0] not in _NOT_SPEAKER:
            return speaker.group(1)
    return None
