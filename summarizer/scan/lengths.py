"""How long a time or a thing is, for what a figure measures: the event a time "later" or
"before" is measured to, and the thing a length, height or area written before it qualifies."""

from __future__ import annotations

import re

from .compared import DIMENSIONS, NOT_THING
from .measure_words import AUX, CLAUSE_END, HEDGES, PAST, PRONOUNS, PUNCT, TRIM, content_words, is_verb, prep_phrase

TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries night nights fortnight".split()
)
DISTANCE_UNITS = frozenset(
    "mm cm m km metre metres meter meters kilometre kilometres kilometer kilometers mile miles foot feet ft "
    "yards".split()
)
#: "after nearly eight years of fighting": how long what follows "of" lasted
AFTER_YEARS_RE = re.compile(
    r"\b(?:after|following|despite|amid|ending|ended|end\s+of)\s+(?:(?:nearly|almost|about|more\s+than|over|some)\s+)?$"
)

_IRREGULAR = frozenset("sank sunk hung stood lay sat rose grew broke is was are were has had".split())


def interval_words(left: list[str], right: list[str], at: int) -> list[str]:
    """A time between two events said with "later" is the time before what its clause says happened:
    "Vancouver responded a minute later" -> time before Vancouver responded; "Two minutes later, Poe
    tied it" -> time before Poe tied ("before/after/since/until <noun phrase>" read as written)."""
    if right[at].casefold() != "later":
        return ["time", right[at], *prep_phrase(right, at, 5)[0][1:]]
    event = [w for w in content_words(left, 4) if w.casefold() not in TRIM | TIME_UNITS]  # not "A year and 10 months"
    if not event:
        rest = right[at + 1 :]
        while rest[:1] and rest[0].casefold() in (",", "however", "though", "then", "still"):
            rest = rest[1:]  # "Three years later, however, the program has fulfilled …"
        cut = next((n for n, w in enumerate(rest) if w in PUNCT or w.casefold() in CLAUSE_END), len(rest))
        event = [w for w in rest[:cut] if w.casefold() not in HEDGES | AUX | PRONOUNS | TRIM][:4]
    return ["time", "before", *event] if event else ["time", "later"]


def measured_thing(text: str, end: int, unit: str | None = None) -> list[str]:
    """The noun a measurement written before it qualifies, with the dimension it gives: "five-foot
    (1.5 m) narwhal tusk" -> length of narwhal tusk; "the 75 m (250 ft) ship" -> length of ship; "a
    15 meter high pig" -> height of pig; "a 240,000 square meter park" -> area of park."""
    m = re.match(r"\s?-\s?[a-z]+(?:\s*\([^)]{0,40}\))?\s+((?:[a-z]+\s+){0,2}[a-z]+)", text[end : end + 80])
    if not m and unit:  # the unit written out: "75 m (250 ft) ship", "240,000 square meter memorial park"
        unit_re = r"\s+".join(re.escape(w.rstrip("s")) + "s?" for w in unit.split())
        m = re.match(rf"\s*{unit_re}\b\)?(?:\s*\([^)]{{0,40}}\))?\s+((?:[a-z]+\s+){{0,2}}[a-z]+)", text[end : end + 80])
    if not m:
        return []
    words = m.group(1).split()
    if words[0] in NOT_THING:
        return []  # "90 miles northeast of Paris", "250 yards out": where, not the size of a thing
    dimension = DIMENSIONS.get(words[0], "length")
    words = words[1:] if words[0] in DIMENSIONS else words
    thing = []
    for n, w in enumerate(words):
        if w in TRIM | PAST | _IRREGULAR or (is_verb(w) and not (w.endswith("ing") and n + 1 < len(words))):
            break  # "rotating pig": a participle before a noun is an adjective; "ferry sank": a verb
        thing.append(w)
    area = bool(unit) and (unit or "").split()[0].casefold() == "square"
    return ["area" if area else dimension, "of", *thing] if thing else []
