"""``measures_of`` for shares written in coordination, which share what the coordination says:
a list with one predicate ("a quarter of strokes and 40 per cent of cardiac arrests -- in which
the heart stops -- occur in working-age people" -> "share of cardiac arrests occur in working-age
people") and a gapped second share ("52% of voters voted to leave and 48% to stay" -> "share of
voters voted to stay"). None when the share stands alone.
"""

from __future__ import annotations

import re

__all__ = ["coordinated_share_measures", "gapped_measures"]

_SHARE = r"(?:%|\bper\s?cent|\bpercent|\bthirds?|\bquarters?|\bhalf|\bfifths?|\btenths?)"
_NP = r"(?:the\s+)?(?P<np>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?)"
_GAP_RE = re.compile(
    rf"{_SHARE}\s+of\s+{_NP}\s+(?P<verb>[a-z]+ed|said|say|chose|backed)\s+(?:to|for|against)\b[^,;.]*?(?:,\s*|\s+)and\s+$"
)
_PREVIOUS_RE = re.compile(rf"{_SHARE}\s+of\s+{_NP}(?:\s*,|\s+and)\s+$")
_OWN_RE = re.compile(r"\s+(?P<comp>(?:to|for|against)\s+[a-z][^,;:.()]*)")
_TOKEN_RE = re.compile(r"--|[—–,;:.()]|[\w’'-]+")
_NOT_PRED = frozenset("of in on at to for by with from and or but as than the a an who which that".split())
_NOT_NOUN = frozenset("is are was were have has had said say says who which that".split())
_STOP = frozenset("and or but while which who that because although".split())


def _noun_phrase(words: list[str]) -> bool:
    return bool(words) and not any(w in _NOT_NOUN or w.endswith("ed") for w in words)


def _words(tokens: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for w in tokens:
        if w.casefold() in _STOP or not w[0].isalnum():
            break
        if w.casefold() not in ("the", "a", "an"):
            out.append(w)
        if len(out) >= limit:
            break
    return out


def _listed(right: str) -> tuple[list[str], bool, list[str]] | None:
    """The share's own noun after "of", whether more shares follow it, and the list's predicate."""
    tokens = _TOKEN_RE.findall(right)
    if not tokens or tokens[0] != "of":
        return None
    i = 1 + (tokens[1:2] == ["the"])
    np: list[str] = []
    while i < len(tokens) and tokens[i][0].isalpha() and tokens[i] != "and" and len(np) < 4:
        np.append(tokens[i])
        i += 1
    more = False
    while i < len(tokens) and tokens[i] in (",", "and"):  # further shares: ", and 40 per cent of cardiac arrests"
        j = i + 1 + (tokens[i + 1 : i + 2] == ["and"])
        k = next((n for n in range(j, min(j + 4, len(tokens))) if tokens[n] == "of"), None)
        if k is None:
            break
        i, more = k + 1, True
        while i < len(tokens) and tokens[i][0].isalpha() and tokens[i] != "and":
            i += 1
    if i < len(tokens) and tokens[i] in ("--", "—", "–"):  # a parenthetical set off by dashes
        close = next((n for n in range(i + 1, len(tokens)) if tokens[n] == tokens[i]), None)
        i = close + 1 if close is not None else len(tokens)
    pred = _words(tokens[i:], 6)
    if not _noun_phrase(np) or not pred or pred[0].casefold() in _NOT_PRED or not pred[0].islower():
        return None
    return np, more, pred


def coordinated_share_measures(
    text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int
) -> str | None:
    """What a share in a coordination measures (see the module doc)."""
    if kind not in ("percent", "ratio"):
        return None
    left, right = text[s_start:start], text[end:s_end]
    head = ["share", "of"] if kind == "percent" else []
    gap = _GAP_RE.search(left)
    own = _OWN_RE.match(right)
    if gap and own:
        comp = _words(_TOKEN_RE.findall(own.group("comp")), 4)
        return " ".join([*head, *gap.group("np").split(), gap.group("verb"), *comp])
    listed = _listed(right.lstrip())
    previous = _PREVIOUS_RE.search(left)
    if listed is None or not (listed[1] or (previous and _noun_phrase(previous.group("np").split()))):
        return None
    return " ".join([*head, *listed[0], *listed[2]])


_PLACE = r"(?:in|for|to|among)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:and\s+)?[A-Z][\w’'.-]*)*"
_HEDGE = r"(?:(?:at\s+least|about|nearly|almost|only|just|roughly|some)\s+)?"
_JOIN = rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+against\s+){_HEDGE}"


def _unit_words(unit: str | None) -> str:
    words = [re.escape(w) for w in (unit or "").split() if w.isalpha()]
    return r"(?:\s+" + r"\s+".join(words) + r")?" if words else ""


def _without(measures: str, place: str) -> str:
    """``measures`` without a place phrase or the place's own words ("… in Florida", "Florida")."""
    out = measures.replace(place, " ")
    for word in place.split()[1:]:
        if word[0].isupper():
            out = re.sub(rf"\b{re.escape(word)}\b", " ", out)
    return " ".join(out.split())


def gapped_measures(
    text: str, prev: tuple[int, int, str, str | None], start: int, end: int, unit: str | None, s_end: int
) -> tuple[str, str] | None:
    """A figure in a conjunct whose verb is left out measures what the figure before it measures,
    of its own place or name: "56 percent in Florida, 53 percent in Ohio" -> "… in Florida", "… in
    Ohio"; "Mercer had 47% and Harlan 42%" -> Harlan for Mercer. (measures of the one before, of
    this one), or None when the two are not conjuncts of one clause."""
    p_start, p_end, p_measures, p_unit = prev
    their_unit, my_unit = _unit_words(p_unit), _unit_words(unit or p_unit)
    mine = re.compile(rf"{my_unit}\s+(?P<place>{_PLACE})").match(text, end, s_end)
    theirs = re.compile(rf"{their_unit}\s+(?P<place>{_PLACE})").match(text, p_end, start)
    bare = re.compile(their_unit).match(text, p_end, start)
    join_from = theirs.end() if theirs else (bare.end() if bare else p_end)
    if mine and re.fullmatch(_JOIN, text[join_from:start]):
        own = mine.group("place").rstrip(".")
        other = theirs.group("place").rstrip(".") if theirs else None
        base = _without(p_measures, other) if other else p_measures
        base = _without(base, own)
        if not base:
            return None
        return (f"{base} {other}" if other else p_measures), f"{base} {own}"
    name = re.fullmatch(rf"{their_unit}\s*,?\s+and\s+(?P<name>[A-Z][\w’'-]+)\s+{_HEDGE}", text[p_end:start])
    if name and p_measures:  # "Mercer had 47% and Harlan 42%": the same of Harlan
        subject = re.search(r"\b([A-Z][\w’'-]+)\s+(?:[a-z]+\s+){1,2}$", text[max(0, p_start - 60) : p_start])
        if subject and re.search(rf"\b{re.escape(subject.group(1))}\b", p_measures):
            return p_measures, re.sub(rf"\b{re.escape(subject.group(1))}\b", name.group("name"), p_measures)
    return None
