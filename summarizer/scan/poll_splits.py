"""A poll's split written out in words after the clause that names the race ("Petrakis leads Harwell by 24 points
among women, 57 percent to 33 percent"): whom the people polled back, first number first. The labels of every
poll pool say "<group> backing A versus B"; no other reader names such a split (it has no "%" to score a clause)."""

from __future__ import annotations

import re

from ..lexicon import RESPONDENT_WORDS
from .names import NAME

__all__ = ["backing_measures"]

_TRAILS = r"trails?|trailed|trailing|(?:is|was)\s+behind"
#: "Petrakis now leads Harwell", "Brandt trails Democrat Nina Osei", "Petrakis ahead of Harwell"
_RACE_RE = re.compile(
    rf"(?P<a>{NAME})\s+(?:(?:now|still|also|narrowly)\s+)?"
    rf"(?P<verb>leads?|led|leading|{_TRAILS}|(?:is|was)\s+ahead\s+of|beats?|tops?)\s+"
    rf"(?:(?:Democrat|Republican|Democratic)\s+)?(?P<b>{NAME})"  # NAME takes a title ("Sen. Nina Osei")
)
_AMONG_RE = re.compile(r"\bamong\s+(?P<group>(?:[\w’'-]+\s+){0,3}?(?:" + RESPONDENT_WORDS + r"))\b")
_GROUP_RE = re.compile(r"\b(?P<group>(?:likely|registered|[A-Z]\w+)\s+(?:" + RESPONDENT_WORDS + r"))\b")


def backing_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "Overall, Petrakis leads Harwell by five points among likely voters, 44 percent to 39 percent" -> "likely
    voters backing Petrakis versus Harwell"; "Brandt trails Osei 45 percent to 42 percent" -> "voters backing Osei
    versus Brandt" (the leader's number comes first). None when no race is named before it in its sentence."""
    left = text[s_start:start]
    races = list(_RACE_RE.finditer(left))
    if not races:
        return None
    race = races[-1]
    a, b = race.group("a").split()[-1], race.group("b").split()[-1]
    if re.fullmatch(_TRAILS, race.group("verb")):
        a, b = b, a
    after = left[race.end() :] + " " + text[end:s_end]
    group = _AMONG_RE.search(after) or _GROUP_RE.search(text[s_start:s_end])
    return f"{group.group('group') if group else 'voters'} backing {a} versus {b}"
