"""Ages said with a verb, not written "-year-old": "Doris Day dies at 97", "He was 101 and died of
pneumonia", "when she was six". A bare number there is a person's age in years (``is_said_age``) and
measures that age (``said_age_measures``): "age of Doris Day at death", "age at death", "age when
parents moved her to United Kingdom". A bare age after a name ("James Ford, 42,") or bounding a
group ("voters under 30") is ``is_bare_age``.
"""

from __future__ import annotations

import re

from ..lexicon import RESPONDENT_WORDS

__all__ = ["described_age_measures", "is_bare_age", "is_said_age", "said_age_measures"]

_DIED_AT = re.compile(r"\b(?:dies|died|dead)\s+at\s+(?:the\s+age\s+of\s+|age\s+)?$", re.IGNORECASE)
#: "he was 101 and died", "when she was six,": a pronoun, a copula and a bare number closing the clause
_WAS = re.compile(r"\b(?:he|she)\s+(?:was|is)\s+(?:only\s+|just\s+|still\s+)?$", re.IGNORECASE)
_WAS_AFTER = re.compile(r"\s*(?:[,.;:)]|\s(?:and|when|so|but|at\s+the\s+time)\b)")
_WHEN = re.compile(r"\b(when|until|before|after|since)\s+(?:he|she)\s+(?:was|is)\s+\S*\s*$", re.IGNORECASE)
_DEATH = re.compile(r"\b(?:died|dies|death|dead)\b", re.IGNORECASE)
_NAME = r"((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)"
_SKIP = frozenset("the a an his her their its to of in on at for and with from by".split())


_ONES = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_AGE_WORD = re.compile(rf"(?:(?:{_TENS.replace(' ', '|')})(?:[\s-](?:{_ONES.replace(' ', '|')}))?|eighteen|nineteen|"
                       rf"{_ONES.replace(' ', '|')})", re.IGNORECASE)  # fmt: skip


def _whole_age(text: str, start: int, end: int) -> bool:
    """A whole number a person's age can be: 1-3 digits or number words up to "ninety-nine"."""
    raw = text[start:end]
    return bool(re.fullmatch(r"[1-9]\d{0,2}", raw) and int(raw) < 130) or bool(_AGE_WORD.fullmatch(raw))


def is_said_age(text: str, start: int, end: int) -> bool:
    """Whether the bare number at ``start:end`` is a person's age said with a verb."""
    if not _whole_age(text, start, end):
        return False
    before = text[max(0, start - 40) : start]
    if _DIED_AT.search(before):
        return True
    return bool(_WAS.search(before) and _WAS_AFTER.match(text, end))


def said_age_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """What an age said with a verb measures: whose age, and at what ("at death", "when …")."""
    left = text[s_start:start]
    died = _DIED_AT.search(left)
    if died:
        name = re.search(_NAME + r"\s+$", left[: died.start()])
        return f"age of {name.group(1)} at death" if name else "age at death"
    if not (_WAS.search(left) and _WAS_AFTER.match(text, end)):
        return None
    if _DEATH.search(text[s_start:s_end]):
        return "age at death"  # "He was 101 and died of pneumonia"
    when = _WHEN.search(left)
    if when:  # "her parents moved her to the United Kingdom when she was six"
        clause = re.split(r"[,;:]\s|\b(?:and|but)\s", left[: when.start()])[-1]
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", clause) if w.casefold() not in _SKIP]
        return " ".join(["age", when.group(1).casefold(), *words[-6:]]) if words else "age"
    return "age"


_OLD_AFTER = re.compile(r"\s*-\s*(?:year|month|week|day)s?-old\s+[a-z]")
#: "the fourth victim, a 39-year-old woman": the description the age is set beside
_DESCRIBED = re.compile(r"\b(?:the|a|an|his|her|their)\s+((?:[a-z]+\s+){0,2}[a-z]+),\s+(?:an?|the)\s+$")
_OPENS = re.compile(r"\s*The\s+$")
_NAMED_FIRST = re.compile(r"\s*((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+?)(?:['’]s)?\s+[a-z]")


def described_age_measures(text: str, start: int, end: int, s_start: int) -> str | None:
    """An age written "-year-old" beside a description is the age of whom it describes: "found the
    fourth victim, a 39-year-old woman" -> age of fourth victim; a sentence opening "The 23-year-old
    netminder …" right after one opening with a name ("Nedeljkovic got called up …") -> age of
    Nedeljkovic. None otherwise."""
    if not _OLD_AFTER.match(text, end):
        return None
    described = _DESCRIBED.search(text[max(s_start, start - 60) : start])
    if described and described.group(1).split()[-1] not in _SKIP:
        return f"age of {described.group(1)}"
    named = _NAMED_FIRST.match(_previous(text, s_start))
    if _OPENS.fullmatch(text[s_start:start]) and named and named.group(1).split()[0] not in _NOT_NAMES:
        return f"age of {named.group(1)}"
    return None


_NOT_NAMES = frozenset("The A An It He She They We I In On At But And If When As After This That His Her".split())


def _previous(text: str, s_start: int) -> str:
    """The sentence before the one starting at ``s_start`` (to the last full stop before it)."""
    before = text[max(0, s_start - 400) : s_start].rstrip()
    cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
    return before[cut + 1 :].lstrip(" .\n")


#: "voters under 30", "adults aged 18 to 34", "those 65 and older": an age bound of a group
_AGE_BOUND_RE = re.compile(
    rf"(?:\b(?:{RESPONDENT_WORDS}|those|people|adults|children)\s+(?:under|over|older\s+than|younger\s+than)|"
    rf"\bages?(?:\s+of)?|\baged)\s+(?:between\s+)?$",
    re.IGNORECASE,
)


_AND_OLDER_RE = re.compile(r"\s+(?:and|or)\s+(?:older|over|up)\b")
_GROUP_BEFORE_RE = re.compile(rf"\b(?:{RESPONDENT_WORDS}|those|people|adults|children)\s+$", re.IGNORECASE)


def is_bare_age(text: str, start: int, end: int) -> bool:
    """ "James Ford, 42, a convicted murderer": an age between commas after a name; "voters under
    30", "adults ages 18 to 34", "voters 65 and older": the age bound of a group."""
    if re.fullmatch(r"\d{1,3}", text[start:end]) and _AGE_BOUND_RE.search(text[max(0, start - 40) : start]):
        return True
    if re.fullmatch(r"\d{1,3}", text[start:end]) and _AND_OLDER_RE.match(text, end):  # "voters 65 and older"
        return bool(_GROUP_BEFORE_RE.search(text[max(0, start - 40) : start]))
    return (
        bool(
            re.search(r"[A-Z][\w’'-]+,\s*$", text[max(0, start - 30) : start])
            and re.match(r"\s*(?:[,);]|\.(?:\s|$))", text[end : end + 3])  # "and Sam Hale, 12."
        )
        and bool(re.fullmatch(r"\d{1,3}", text[start:end]))
    )
