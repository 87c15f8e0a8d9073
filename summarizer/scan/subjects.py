"""Who a number belongs to, read from the names around it for ``measures_of``: the name that opens
the sentence before ("Indiana … Its 57 delegates"), the name right before a verb ("Ada Brook made 31
studio albums") and the capitalised runs of a clause.
"""

from __future__ import annotations

import re

from ..lexicon import MONTHS, WEEKDAYS

__all__ = ["names_in", "owner_before", "participle", "subject_name"]


def owner_before(text: str, start: int, s_start: int) -> str | None:
    """The name that opens the sentence before, for a count that opens its own with "Its"/"Their"
    ("Indiana has long looked like a fork in the road. Its 57 delegates …" -> "Indiana")."""
    if not re.fullmatch(r"[\s“\"'‘]*(?:Its|Their)\s+", text[s_start:start]):
        return None
    before = text[max(0, s_start - 400) : s_start].rstrip().rstrip("”\"’'").rstrip(".!?…")
    opening = re.split(r"[.!?…:“\"\n]\s*", before)[-1]
    m = re.match(r"\s*((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)(?=[\s,])", opening)
    if m is None or m.group(1).split()[0] in ("It", "They", "This", "That", "But", "And", "The", "A", "An", "In"):
        return None
    return m.group(1)


_NOT_NAME = frozenset(
    [m.casefold() for m in MONTHS]
    + [d.casefold() for d in WEEKDAYS]
    + "i the a an it he she we they this that in on at by but and or so yet also then however".split()
)


def subject_name(words: list[str]) -> list[str]:
    """The capitalised name right before a verb ("South Korea evacuated", "Pew looked"); not a month,
    a weekday, "I" or a sentence's opening word such as "The"."""
    name: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() or re.split(r"[’']", w.casefold())[0] in _NOT_NAME:  # "He's", "I'll"
            break
        name.insert(0, w)
    return name[-4:]


def names_in(text: str) -> list[str]:
    """Capitalised runs in a clause, a possessive's owner dropped ("Party's Regina Ip" -> "Regina Ip")."""
    out = []
    for m in re.finditer(r"(?:[A-Z][\w’'-]*\s)*[A-Z][\w’'-]*", text):
        name = re.split(r"[’']s\s", m.group())[-1]
        if name.casefold() not in ("the", "a", "an", "in", "on", "at", "by") and len(name) > 1:
            out.append(name)
    return out


_DONE_TO = {
    "killing": "killed", "wounding": "wounded", "injuring": "injured", "firing": "fired", "evacuating": "evacuated",
    "arresting": "arrested", "rescuing": "rescued", "saving": "saved", "hitting": "hit", "detaining": "detained",
}  # fmt: skip


def participle(word: str) -> str:
    """ "killing 107" -> "killed": what was done to the counted things (other verbs stay as written)."""
    return _DONE_TO.get(word.casefold(), word)
