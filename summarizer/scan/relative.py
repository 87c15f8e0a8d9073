"""``measures_of`` for a number its own relative clause describes: "more than 24,500 Canadians aged
40 to 61 who had suffered a heart attack" -> "Canadians who suffered heart attack" ("that" kept as
written); "short of the $64 million it must collect for the event" -> "money collect for event" (a
clause after the amount with a pronoun subject and no "who/that"). None when no such clause follows.
"""

from __future__ import annotations

import re

__all__ = ["relative_measures"]

_AGED = r"(?:\s+aged\s+[\w-]+(?:\s+(?:to|and|or)\s+[\w-]+)?)?"
_WHO_RE = re.compile(_AGED + r",?\s+(?P<rel>who|that)\s+(?P<rest>[^,;:.()“”\"—–]+)")
_PRONOUN_RE = re.compile(
    r"\s+(?:it|they|he|she|we)\s+(?P<rest>(?:must|will|would|could|can|should|had|has|have|is|was|were|are|plans\s+to"
    r"|wants\s+to|hopes\s+to)?\s*[a-z]+(?:ed|ect|ise|ize|ay|eed)\b[^,;:.()“”\"—–]*)"
)
_DROP = frozenset(
    "a an the had has have was were is are been be being must will would could can should also still "
    "just only then there their its his her them".split()
)
_STOP = frozenset("and but or while because although if when as since after before so".split())


def _clause_words(rest: str, limit: int) -> list[str]:
    words: list[str] = []
    for w in re.findall(r"[A-Za-z][\w’'-]*|\d[\d,.]*", rest):
        if w.casefold() in _STOP:
            break
        if w.casefold() in _DROP or w[0].isdigit():
            continue
        words.append(w)
        if len(words) >= limit:
            break
    return words


def relative_measures(text: str, end: int, unit: str | None, kind: str | None, s_end: int) -> str | None:
    """What the relative clause right after a count or an amount says of it (see the module doc)."""
    right = text[end:s_end]
    if kind == "count" and unit:
        words = unit.split()
        head = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in words), right)
        right = right[head.end() :] if head else right
        found = _WHO_RE.match(right)
        if found is None or (found.group("rel") == "that" and not unit.endswith("s")):
            return None  # "one thing that …" reads as before
        rest = re.sub(r"^(?:[A-Z]\w*|[a-z]+)\s+(?:said|say|says|believe|believes)\s+", "", found.group("rest"))
        said = _clause_words(rest, 5)  # "wounds that authorities said did not appear …": what the wounds did
        return " ".join([unit, found.group("rel"), *said]) if len(said) >= 2 else None
    if kind == "money":
        found = _PRONOUN_RE.match(right)
        said = _clause_words(found.group("rest"), 5) if found else []
        return " ".join(["money", *said]) if len(said) >= 2 else None
    return None
