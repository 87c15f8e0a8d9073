"""What the article said each person did: "the former teacher" is the one "who taught Grade 6".

A description is often the only later mention of a person, in words other than the ones that
introduced them: "who drove a city bus for 30 years" -> "the former driver", "coached the team
since 2019" -> "the coach", "started in 2021 by X, who built …" -> "the founder". When the Cast
holds no one by the description's own words, its head noun's verb forms (a small table of
irregular ones, else the noun less "-er"/"-or") found in a clause said of exactly one person
named before it make that person the one described; otherwise the description stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .patterns import next_stop
from .people import Person

__all__ = ["doer", "role_verbs"]
#: agent nouns whose verb is irregular or not the noun minus "-er": the forms an article writes
_IRREGULAR = {
    "teacher": ("taught",), "driver": ("drove", "driven"), "writer": ("wrote", "written"),
    "builder": ("built",), "fighter": ("fought",), "seller": ("sold",), "buyer": ("bought",),
    "runner": ("ran",), "swimmer": ("swam",), "winner": ("won",), "leader": ("led",),
    "keeper": ("kept",), "speaker": ("spoke",), "singer": ("sang", "sung"), "maker": ("made",),
}  # fmt: skip
#: heads that are themselves verbs of the role ("the coach" of "coached the team since 2019")
_VERB_NOUNS = frozenset("coach captain chair skipper pilot".split())
#: "-er"/"-or" nouns whose stem is a noun or a false verb ("mayor": may; "officer": offices;
#: "councillor": councils; "actor": acting), not what the holder did
_NOT_AGENTS = frozenset(
    """mayor senator councillor councilor officer member minister premier partner other mother father brother
    sister daughter neighbour neighbor author sailor actor lawyer prisoner commissioner ambassador chancellor
    counsellor counselor order water""".split()
)
#: only inflected forms: a bare stem is too often a noun ("lead", "own", "found" as adjective or noun)
_ENDINGS = ("s", "es", "ed", "d", "ing")
_COORDINATED = re.compile(r",?\s+(?:and|or|&)\s+|,\s+")
#: the sentence that starts at a position: "The 71-year-old, who taught Grade 6 …."
_SENTENCE_RE = re.compile(r"[^.!?\n]*(?:[.!?]+|$)")


def role_verbs(head: str) -> re.Pattern[str] | None:
    """The verb forms an article uses for what a ``head`` noun's holder does or did ("founder":
    founded, founding, co-founded; "teacher": taught, teaches; "coach": coached), or None when
    the noun names no doing ("man", "resident", "widow": those are roles, read by the Cast)."""
    head = head.casefold()
    forms = list(_IRREGULAR.get(head, ()))
    if head in _NOT_AGENTS:
        return None
    if head in _VERB_NOUNS:
        stem = head
    elif m := re.fullmatch(r"([a-z]{3,}?)(?:er|or)", head):
        stem = m.group(1)
        if len(stem) > 3 and stem[-1] == stem[-2]:  # "runner", "winner": "run", "win"
            stem = stem[:-1]
    else:
        return None if not forms else re.compile(rf"\b(?:{'|'.join(forms)})\b", re.I)
    # "runner": run, runs, running
    alternatives = [f"{stem}(?:{'|'.join(_ENDINGS)})", f"{stem}{stem[-1]}(?:ed|ing)", *forms]
    return re.compile(rf"\b(?:co-)?(?:{'|'.join(alternatives)})\b(?!-)", re.I)


def doer(text: str, phrase: str, at: int, people: Sequence[Person]) -> str | None:
    """ "the former teacher", "the founder", "the coach" when no one holds that role by name:
    the one person named before ``at`` of whom the article said the doing (", who taught Grade
    6", "Tidewell was started … by X, who founded", "The 71-year-old, who drove a bus"), in the
    clause from their mention to the next person's, or in the next sentence when it names no one
    else; or the noun in an appositive with no article right after their name ("Brody Szabo,
    Kamloops captain,"). Its capitalised modifiers ("the Kamloops coach") must be said of them too. None when no
    one or two people at the same distance fit: the description stays."""
    words = phrase.split()
    head = words[-1].strip("’'").casefold()
    verbs = role_verbs(head)
    # or the noun itself, as an appositive with no article ("Brody Szabo, Kamloops captain,")
    apposed = re.compile(rf",\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}(?:[a-z][\w-]*\s+)?{re.escape(head)}s?\b")
    marks = [w.strip(",’'") for w in words[1:-1] if w[:1].isupper()]
    ages = [a for w in words[1:-1] for a in re.findall(r"^(\d{1,3})-year-old$", w)]
    spans = sorted(((s, e, p) for p in people for s, e, _ in p.mentions if s < at), key=lambda x: x[:2])
    fits: dict[str, tuple[int, int]] = {}  # person: (the sentence end, the mention) of their last fit
    for i, (s, e, p) in enumerate(spans):
        stop = next_stop(text, e)
        others = [(s2, e2) for s2, e2, q in spans[i + 1 :] if q is not p and s2 < stop]
        tail = e
        while others and _COORDINATED.fullmatch(text, tail, others[0][0]):  # "X and Y, who both taught"
            tail = others.pop(0)[1]
        end = min([stop, at, *(s2 for s2, _ in others)])
        said = text[tail:end]
        after = _SENTENCE_RE.match(text, stop)
        if after and end == stop and after.end() <= at:
            nxt = after.group()
            if not any(stop <= s2 < after.end() for s2, _, q in spans if q is not p):
                said += nxt
        said_before = text[text.rfind("\n", 0, s) + 1 : s][-60:]
        if not (verbs and verbs.search(said)) and not apposed.match(text, e):
            continue
        if any(m not in said and m not in said_before for m in marks):
            continue
        if any(not re.search(rf"\b{a}\b", said + said_before) for a in ages):
            continue
        fits[p.name] = max(fits.get(p.name, (-1, -1)), (stop, s))
    ranked = sorted(fits.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]):
        return None  # no one, or two in one sentence: the description stays
    return ranked[0][0]
