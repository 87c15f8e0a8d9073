"""Who the quotes pass offers the model as a quotation's speaker: people and named bodies only.

A choice the model picks is shown as fact, so a place, a street, a weekday, a dateline, a byline
or a headline fragment offered beside the people ("Why Calgary", "George St", "DETROIT",
"Calgary Video Journalist") is a wrong name waiting to be picked. A person counts only where the
article's body names them (not only its headline, datelines or credit lines); a body is a name
with a body word ("Parole Board of Canada", "Alberta Health") or an acronym ("RCMP"), offered
where its paragraph (or the one before) mentions it, not only where the article first does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..article import Article
from ..attribution import cast_of
from ..attribution.people import Person, demonyms
from ..lexicon import BODY_WORDS, MONTH_ABBREVIATIONS, MONTHS, SPEECH, TITLES, WEEKDAYS
from ..scan.names import countries, regions
from ..text import whole_words
from .base import Context

__all__ = ["speaker_choices"]

#: words that never belong to a person's name: the calendar, streets, and a headline's or
#: web page's opening words ("Why Calgary", "Updated Dec", "Ask Matty", "Another Michigan")
_NOT_IN_NAMES = {w.casefold() for w in WEEKDAYS + MONTHS} | MONTH_ABBREVIATIONS | {
    "st", "ave", "avenue", "street", "road", "rd", "blvd", "boulevard", "lane", "highway", "hwy", "n.w", "n.e",
    "s.w", "s.e", "why", "how", "what", "where", "when", "who", "ask", "another", "updated", "posted",
    "published", "read", "watch", "more", "breaking", "exclusive", "opinion", "analysis", "video", "journalist",
    "reporter", "correspondent", "staff", "photographer", "mp", "mla", "mpp", "mep",
}  # fmt: skip
#: the last word of a place's name ("Witless Bay", "Red Pines", "Carmel Valley", "Park Corner")
_PLACE_WORDS = {
    "bay", "lake", "river", "creek", "valley", "mountain", "mountains", "park", "corner", "harbour", "harbor",
    "island", "islands", "beach", "falls", "heights", "pines", "forest", "county", "township", "canyon",
    "peninsula", "coast", "plains", "square", "day",
}  # fmt: skip
#: the last word of a law's or a document's name
_LAWS = {"amendment", "act", "order", "orders", "treaty", "agreement", "accord", "bill", "charter", "protocol"}
#: body words a name may end in beyond the lexicon's ("Alberta Health", "Great Plains Brewing Co.",
#: "Unifor Local")
_MORE_BODY_WORDS = {"health", "co", "press", "exchange", "media", "police", "forces", "local", "parliament"}
#: acronyms that name a time, a market index or a unit, not a body that speaks
_NOT_BODIES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AM", "PM", "TSX", "DAX", "CAC"}
#: a byline or credit line: short, opening with "By" or naming a photo, a reporter or a credit
_CREDIT_RE = re.compile(
    r"^\W*(?:By|Photo|Image|Credit|Updated|Posted|Published)\b"
    r"|(?i:\b(?:photo|video|journalist|reporter|correspondent|staff|credit|photographer)\b)"
)
#: a place's name after a preposition of place ("in Witless Bay", "outside the Red Pines")
_PLACE_RE = re.compile(r"\b(?:in|at|near|across|outside|inside|around|throughout)\s+(?:the\s+)?$")


def _line(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def in_body(article: Article, start: int, end: int) -> bool:
    """A mention in the article's own sentences: not in its headline, a caption, a byline or
    credit line (the sentence splitter's kinds, and a short line naming a reporter or a photo),
    nor a dateline ("GIMLI, Man. —", "DETROIT (AP) —")."""
    text = article.text
    sentence = article.sentence_at(start)
    if sentence is not None and sentence.kind != "body":
        return False
    line_start, line_end = _line(text, start)
    line = text[line_start:line_end]
    if len(line.split()) <= 12 and _CREDIT_RE.search(line):
        return False
    dateline = re.match(r"[,\s]*(?:[A-Z][\w.]*\.?\s*)?(?:\([^)]*\)\s*)?[—–-]", text[end:line_end])
    return not (not text[line_start:start].strip() and dateline)


def _person_like(article: Article, person: Person, lowered: set[str]) -> bool:
    text = article.text
    words = [w.casefold().rstrip(".,") for w in person.name.split()]
    if any(w in _NOT_IN_NAMES for w in words) or words[-1] in TITLES:
        return False  # "Updated Dec", "George St", "Liberal MP"
    if words[-1] in BODY_WORDS | _MORE_BODY_WORDS and person.gender is None:
        return False  # a body: "Unifor Local", "Member of Parliament"
    if person.name in countries() | regions() or any(w in demonyms() for w in person.name.split()):
        return False  # "Nova Scotia", "North American"
    if words[-1] in _LAWS or (person.gender is None and words[-1] in _PLACE_WORDS):
        return False  # "Second Amendment", "Executive Order"; "Witless Bay", "Election Day"
    if len(words) >= 2 and person.gender is None and words[0] in lowered:
        return False  # the article's own words capitalised: "Several Democratic", "Common Core"
    name = re.escape(person.name)
    if re.search(rf"{name} (?:{SPEECH})\b|\b(?:{SPEECH})[ ,]{{1,2}}{name}", text):
        return True  # someone said to speak
    spots = [(s, e) for s, e in whole_words(text, person.name) if in_body(article, s, e)]
    # a name no one is said to speak, written after "in", "at", "near" ... is a place ("Witless Bay")
    return not any(_PLACE_RE.search(text, max(0, s - 16), s) and not re.match(r"[’']s\b", text[e:]) for s, e in spots)


def _body_like(text: str, name: str, lowered: set[str]) -> bool:
    words = name.split()
    if (
        name in countries()
        or name in regions()
        or name in _NOT_BODIES
        or name.casefold() in _NOT_IN_NAMES
        or any(re.search(r"-[a-z]", w) for w in words)
    ):
        return False
    if words[0].casefold() in TITLES | {"member", "members"}:
        return False  # a title: "Member of Parliament", "Health Minister"
    if len(words) >= 2 and any(w.casefold().rstrip(".,") in BODY_WORDS | _MORE_BODY_WORDS for w in words):
        return True
    # an acronym ("RCMP", "NATO"), not a word the article shouts ("DETROIT", "CONSTANTLY") nor a numeral
    acronym = re.fullmatch(r"[A-Z][A-Z&]{1,5}", name) and not re.fullmatch(r"[IVXLCDM]+", name)
    return bool(acronym) and name.casefold() not in lowered and name.title() not in text


#: the people of the last few contexts that may be offered: the same for every quotation of an article, and
#: each check reads the whole text (asked per quotation, a 200,000-character article took 2.5 times as long)
_RECENT: list[tuple[Context, list[Person]]] = []


def _choosable(ctx: Context) -> list[Person]:
    for seen, people in _RECENT:
        if seen is ctx:
            return people
    cast = cast_of(ctx.article.text, ctx.names)
    people = [p for p in cast.people if _person_like(ctx.article, p, cast.lowered)]
    _RECENT.insert(0, (ctx, people))
    del _RECENT[4:]
    return people


def speaker_choices(
    ctx: Context, index: int, span: Callable[[Context, int], tuple[int, int]], limit: int = 8
) -> list[str]:
    """Who may have said quotation ``index``: the people the article's body names before the
    quotation's paragraph ends (nearest first), then the bodies mentioned in ``span`` (its
    paragraph and the one before), in the order they come."""
    text = ctx.article.text
    cast = cast_of(text, ctx.names)
    start, end = span(ctx, index)
    people = [
        (max((s for s, e, _ in p.mentions if s < end and in_body(ctx.article, s, e)), default=-1), p.name)
        for p in _choosable(ctx)
    ]
    near = [name for at, name in sorted(people, reverse=True) if at >= 0][:limit]
    lowered = cast.lowered
    mentioned: dict[str, int] = {}
    for n in ctx.names:
        if n.text in near or cast.is_person(n.text) or not _body_like(text, n.text, lowered):
            continue
        at = [s for s, e in whole_words(text, n.text) if start <= s < end and in_body(ctx.article, s, e)]
        if at:
            mentioned[n.text] = at[0]
    # a body once: its longest form mentioned here ("Interlake RCMP" over "RCMP" when both are)
    bodies = [
        b
        for b in sorted(mentioned, key=lambda b: (mentioned[b], -len(b)))
        if not any(
            b != o and f" {b} " in f" {o} " and mentioned[o] <= mentioned[b] < mentioned[o] + len(o) for o in mentioned
        )
    ]
    return list(dict.fromkeys(near + bodies))[: limit + 4]
