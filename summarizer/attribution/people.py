"""People's names as news writes them: what makes a run of words a person's name, the name in a
run with a title or body before it, and whether a mention is its clause's subject.

The ``Cast`` (cast.py) reads an article's people with these; bodies and phrases share them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..lexicon import BUSINESS_FIRST, MONTHS, ORG_WORDS, PARTY_WORDS, TITLES, WEEKDAYS
from ..scan.names import NameCandidate, countries
from ..text import whole_words
from .patterns import BOILERPLATE

R = TypeVar("R")

__all__ = [
    "DETERMINERS",
    "PLACE_BEFORE_RE",
    "PREPS",
    "ROLE_WORDS",
    "SUFFIXES",
    "Person",
    "clean_name",
    "is_person_name",
    "oblique",
    "paired_first_names",
    "person_part",
    "read_once",
    "respelled",
    "standalone",
    "surname",
    "whole_words",
]


def person_part(found: str) -> str:
    """The name in a run with a title or body before it: "Governor of Washington Chris Gregoire"
    -> "Chris Gregoire", "Refugee Council Enver Solomon" -> "Enver Solomon"."""
    words = found.rstrip(".,;:").split()
    cut = max((i for i, w in enumerate(words) if w.casefold().rstrip(".") in TITLES), default=-1)
    if cut >= 0 and cut + 2 < len(words) and words[cut + 1] in ("of", "de"):
        cut += 2  # "Minister of Education Stefania Giannini": skip the portfolio
    org = max((i for i, w in enumerate(words) if w.casefold() in ORG_WORDS), default=-1)
    if len(words) - org - 1 >= 2:
        cut = max(cut, org)
    return " ".join(words[cut + 1 :]) if cut + 1 < len(words) else " ".join(words)


SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PREPS = {
    "of", "to", "by", "for", "with", "against", "from", "about", "on", "at", "in", "into", "toward",
    "towards", "between", "among", "via", "than", "like", "as", "under", "over", "asking", "told",
    "telling", "thanked", "met", "meeting", "and", "or", "nor", "unlike", "besides", "beside", "despite",
}  # fmt: skip
DETERMINERS = {"the", "a", "an", "former", "current", "then", "late", "fellow"}


ROLE_WORDS = {
    "representatives", "representative", "actor", "actress", "broadcaster", "singer", "rapper", "coach",
    "manager", "player", "rookie", "striker", "goalkeeper", "defenceman", "defenseman", "forward", "captain",
    "councilman", "councilwoman", "officer", "detective", "reverend", "rev", "saint", "sir", "lord", "lady",
    "dame", "doctor", "chef", "author", "writer", "producer", "journalist", "reporter", "columnist", "editor",
    "lawyer", "attorney", "prosecutor", "economist", "analyst", "activist", "campaigner", "founder", "host",
}  # fmt: skip
_NOT_PERSON_LAST = {
    "house", "hall", "bridge", "city", "street", "road", "square", "park", "river", "war", "hospital", "church",
    "prize", "award", "awards", "studios", "holdings", "records", "inc", "corp", "ltd", "llc", "plc", "times", "post",
    "independent",
    "journal", "herald", "tribune", "express", "mail", "telegraph", "guardian", "airport", "station", "island",
    "islands", "mountains", "ocean", "sea", "valley", "county", "state", "states", "kingdom", "republic",
    "fund", "funds", "programme", "program", "plan", "initiative", "scheme", "convention", "treaty", "pact",
    "accord", "act", "bill", "party", "alliance", "coalition", "front", "movement",
    # a unit, product or line of business after a company's name ("Facebook Research", "Google Maps")
    "research", "labs", "lab", "app", "apps", "software", "technologies", "technology", "systems", "energy",
    "pharmaceuticals", "motors", "airlines", "airways", "entertainment", "maps", "cloud", "meter", "management",
}  # fmt: skip


_PLACE_FIRST = {
    "north", "south", "east", "west", "new", "united", "saudi", "great", "central", "upper", "lower", "san",
    "santa", "los", "las", "fort", "port", "mount", "lake", "cape", "st", "st.",
}  # fmt: skip
#: a business or place a name's first word makes of it ("Studio Schicketanz", "Camp Kilmer")
PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|across|into|outside|inside|to|of)\s+(?:the\s+)?$")


@functools.cache
def demonyms() -> frozenset[str]:
    """Adjectives of nationality and region ("Canadian", "Chinese", "Eastern"), made from the
    country list: never a person's last word."""
    # not "English", "French", "Welsh": surnames too ("Bryan English")
    out = {"British", "Dutch", "Swiss", "Scottish", "Spanish", "Turkish", "Danish", "Swedish", "Finnish"}
    out |= {"Eastern", "Western", "Northern", "Southern"}
    for country in countries():
        c = country.split()[-1]
        out |= {c + "n", c[:-1] + "ian", c[:-1] + "an", c + "ese", c[:-1] + "ese", c + "ian", c + "i"}
        if c.endswith("y"):
            out.add(c[:-1])  # Germany -> German
    return frozenset(w for w in out if len(w) > 4 and w not in countries())


def surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in SUFFIXES:
        words = words[:-1]
    return words[-1].rstrip(".,").casefold() if words else ""


def is_person_name(text: str, name: str, lowered: set[str]) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or name.isupper():
        return False
    if any(w.casefold() in ORG_WORDS or any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+|I{1,3}|IV", w) for w in words):
        return False  # "UN Human Rights", "BBC News"
    if any(re.search(r"\w['’]s?$", w) for w in words[:-1]):
        return False  # "Oil Kings' Dufresne", "Manitoba's Kowalchuk": a possessive owner before a name
    if (
        " of " in f" {name} "
        or words[-1].casefold().rstrip(".") in _NOT_PERSON_LAST
        or words[-1] in demonyms()  # "Prominent Canadian examples", "Middle Eastern": an adjective
        or (len(words) == 2 and words[0] in demonyms())  # "Northern Ontario" (of "Hockey Northern Ontario")
        or words[0].casefold() in _PLACE_FIRST | BUSINESS_FIRST
    ):
        return False
    cap = [w for w in words if w.casefold() not in _CONNECTORS_P]
    if not all(w[:1].isupper() or re.match(r"(?:al|el|ad|ar|as|ash|ibn|bin)-", w) for w in cap):
        return False  # "Suleiman al-Amr" is a person's name
    glued = bool(cap and re.match(r"(?:al|el|ad|ar|as|ash|ibn|bin)-", cap[-1]))  # "el-Nour": lower case, a name
    if cap and cap[-1].casefold() in lowered and cap[-1].casefold() not in SUFFIXES and not glued:
        return False  # "Human Rights", "Civic Platform": the last word is a common noun
    spots = [s for s, _ in whole_words(text, name)]
    if spots and all(s < _title_case_headline(text) for s in spots):
        return False  # only in a Title-Case headline: "Hollywood Actor Who Endorsed Ted Cruz Just Called Hillary"
    if words[0].casefold() in lowered and spots and all(_opens(text, s) for s in spots):
        return False  # "Prominent Canadian examples", "Unlike Al Mnajer": a sentence's first word
    if words[0].casefold() in lowered and words[-1] in countries():
        return False  # "Citizenship Canada" of "Immigration, Refugees and Citizenship Canada"
    if spots and all(
        (t := re.match(r"\s+([A-Z]\w+)", text[s + len(name) : s + len(name) + 20])) and t.group(1).casefold() in TITLES
        for s in spots
    ):
        return False  # "Shadow Home" of "Shadow Home Secretary Yvette Cooper": a title's first words
    if spots and all(BOILERPLATE.match(text, s) for s in spots):
        return False  # "Article Continued Below" run into the text
    credits = sum(
        1
        for s in spots
        if re.match(r" ?/", text[s + len(name) : s + len(name) + 2])
        or re.search(
            r"(?:\b(?:Image|Photo|Photograph|Picture|Credit)s?\s*:|(?:^|\n|\s)By)\s*$", text[max(0, s - 14) : s]
        )
    )  # a photo credit ("Name/Agency", "Name / The Canadian Press", "Image: Name") or a byline ("By Name")
    if spots and credits == len(spots):
        return False  # only ever a photo credit ("Name/Agency")
    after_the = sum(1 for s in spots if re.search(r"\b(?:the|The)\s+$", text[max(0, s - 5) : s]))
    placed = any(
        re.search(r"\b(?:in|at|from|near|across|into|outside|inside)\s+$", text[max(0, s - 8) : s])
        and not re.match(r"['’]s\b", text[s + len(name) : s + len(name) + 3])  # "at Robert Major’s trial"
        for s in spots
    )
    # "a former mayor of Thunder Bay": the place an office is of, never its holder
    governed = any(_GOVERNED_RE.search(text, max(0, s - 24), s) for s in spots)
    return not (spots and after_the == len(spots)) and not placed and not governed


_GOVERNED_RE = re.compile(r"\b(?:mayor|premier|governor|reeve|warden|MPP|MLA|MP|senator|councillor)\s+of\s+$", re.I)


#: a Canadian legislator's title before the name ("Liberal MP Naomi Eze", "MPP Ruth Castellanos")
_LEGISLATOR_RE = re.compile(r"^(?:MP|MPP|MLA|MNA|MHA)\s+(?=[A-Z][a-z])")
_PARTY_BEFORE_RE = re.compile(
    rf"^(?:{'|'.join(PARTY_WORDS)})\s+(?!(?:Party|Caucus|Committee|Association|Alliance|Union|League)\b)(?=[A-Z])"
)


def clean_name(name: str | None) -> str | None:
    """A name as people write it: no possessive ("Trump’s" -> Trump), no party word before a
    person's name ("Democratic Gov. Maggie Hassan"), no lower-case descriptor inside it
    ("Liberal Oscar-winner Sarandon" -> Sarandon), and a lone article is no name at all."""
    if not name:
        return name
    name = re.sub(r"(?<=\w)['’]s?$", "", name.strip())
    name = _LEGISLATOR_RE.sub("", _PARTY_BEFORE_RE.sub("", name))
    words = name.split()
    inner = [i for i, w in enumerate(words) if re.search(r"-[a-z]", w) and w[:1].isupper() and i < len(words) - 1]
    if inner:
        name = " ".join(words[inner[-1] + 1 :])  # "Oscar-winner Sarandon": the name after the descriptor
    if name in WEEKDAYS + MONTHS:
        return None  # "On Sunday, Pastor X stood …": a day is nobody
    return None if name.casefold() in ("the", "a", "an", "") else name


def _opens(text: str, at: int) -> bool:
    """Whether ``at`` starts a sentence or a paragraph."""
    return bool(re.search(r"(?:^|[.!?][”\"’')]?\s+|\n\s*)$", text[max(0, at - 6) : at]))


def _title_case_headline(text: str) -> int:
    """The end of the article's first line when it is written in Title Case (its words of four
    letters or more all capitalised), else 0: such a line capitalises verbs and nouns alike."""
    end = text.find("\n")
    long = re.findall(r"[^\W\d_][\w’'-]{3,}", text[: max(end, 0)])
    return end if len(long) >= 3 and all(w[0].isupper() for w in long) else 0


_CONNECTORS_P = {
    "of", "de", "del", "da", "das", "do", "dos", "van", "von", "al", "bin", "binti", "la", "le", "du", "der", "den",
    "y",
}  # fmt: skip


def _variants(a: str, b: str) -> bool:
    """Two spellings of one first name: a letter apart ("Kristin" / "Kristen"), or one a short form
    at the start or end of the other ("Chris" / "Christopher", "Xander" / "Alexander")."""
    x, y = sorted((a.casefold(), b.casefold()), key=len)
    if x == y or len(x) < 4:
        return False
    if len(x) == len(y):
        return len(x) >= 5 and x[0] == y[0] and sum(c != d for c, d in zip(x, y, strict=True)) == 1
    return y.startswith(x) or y.endswith(x)


def respelled(text: str, names: Sequence[str]) -> dict[str, str]:
    """People written two ways ("Kristin Wilkins" in a caption, "Kristen Wilkins" twice in the body;
    "Alexander Wise" / "Xander Wise"): each variant name -> the spelling written most often (ties:
    the longer, then the first seen). Only first names differ; the rest of the name is the same."""
    out: dict[str, str] = {}
    for a in names:
        for b in names:
            wa, wb = a.split(), b.split()
            if a < b and len(wa) >= 2 and wa[1:] == wb[1:] and _variants(wa[0], wb[0]):
                rank = {n: (len(whole_words(text, n)), len(n), -text.find(n)) for n in (a, b)}
                keep, drop = sorted((a, b), key=rank.__getitem__, reverse=True)
                out[drop] = out.get(keep, keep)
    return out


def standalone(text: str, name: str) -> bool:
    """Whether ``name`` occurs without a capitalised word glued before it."""
    for start, _ in whole_words(text, name):
        glued = re.search(r"([A-Z][\w.’'-]*)\s+$", text[max(0, start - 30) : start])
        if not glued or glued.group(1).casefold().rstrip(".") in TITLES | ROLE_WORDS:
            return True
    return False


def oblique(text: str, start: int) -> bool:
    """Whether a mention is not the subject of its clause: after a preposition or a verb
    ("Speaking to Martin Smith", "the murder of journalist Jamal Khashoggi", "asks Zelensky")."""
    if re.search(r"(?:^|[.!?]\s+|\n)For\s+$", text[max(0, start - 8) : start]):
        return False  # "For Kevin Allton, …, Warhol was a legend": whose view the sentence gives
    # a paragraph's first words are its subject: the line before is another paragraph
    words = re.findall(r"[\w’'-]+|[^\w\s]", text[max(0, start - 80, text.rfind("\n", 0, start) + 1) : start])
    for w in reversed(words[-5:]):
        lw = w.casefold()
        if lw in PREPS:
            return True
        if not re.match(r"\w", w) or lw in ("that", "said", "says", "but", "while", "when"):
            return False
        if lw in DETERMINERS or w[:1].isupper():
            continue
        if re.search(r"(?:ed|es|ing)$", lw) and lw not in ("president", "chairman"):
            return True  # a verb before it: "accused Zelensky", "asks Trump" (not "journalist")
    return False


def read_once(build: Callable[[str, list[NameCandidate]], R]) -> Callable[[str, Sequence[NameCandidate]], R]:
    """One reading per article, shared by quotes and claims: the same text and names objects are
    answered at once, equal ones from a small cache (``Cast``, ``Bodies``)."""
    recent: list[tuple[str, Sequence[NameCandidate], R]] = []

    @functools.lru_cache(maxsize=16)
    def cached(text: str, names: tuple[NameCandidate, ...]) -> R:
        return build(text, list(names))

    def of(text: str, names: Sequence[NameCandidate]) -> R:
        for t, n, value in recent:
            if t is text and n is names:
                return value
        value = cached(text, tuple(names))
        recent.insert(0, (text, names, value))
        del recent[8:]
        return value

    return of


@dataclass
class Person:
    """Someone the article names: the fullest form of the name, gender where the article makes it
    clear, and the descriptor words it attaches ("director", "minister", "defenceman")."""

    name: str
    forms: set[str] = field(default_factory=set)
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, oblique

    @property
    def surname(self) -> str:
        return surname(self.name)


_PAIR_RE = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w’'-]+),\s+(\d{1,3}) and (\d{1,3}),")


def paired_first_names(text: str, people: list[Person], lowered: set[str]) -> None:
    """ "The brothers Ray and Donnie Gillis, 59 and 56,": two people sharing the surname, the
    first a person of their own ("Ray Gillis", also "Ray"), the older and the younger by the ages
    written after the pair ("the older brother" later). Only with the ages: "Kim and Clark Moran"
    alone leaves Kim as the article calls her (the GGT labels say "Kim")."""
    for m in _PAIR_RE.finditer(text):
        first, second, family = m.group(1), m.group(2), m.group(3)
        named = next((p for p in people if p.name == f"{second} {family}"), None)
        if named is None or first.casefold() in lowered or any(first in p.name.split() for p in people):
            continue
        pair = Person(f"{first} {family}", {f"{first} {family}", first})
        people.append(pair)
        if m.group(4) != m.group(5):
            older, younger = (pair, named) if int(m.group(4)) > int(m.group(5)) else (named, pair)
            older.roles.add("older")
            younger.roles.add("younger")
