"""Claim sources' names: a source phrase cleaned to the name it gives, and roles and pronouns
resolved to the person the article named (split from ``sources``, which reads the sentences)."""

from __future__ import annotations

import re

from ..lexicon import MONTHS, ORG_WORDS, WEEKDAYS
from ..scan.names import NameCandidate
from .bodies import DESCRIPTOR, person_descriptor
from .cast import cast_of, person_part
from .holders import ENTOURAGE
from .patterns import NAME

__all__ = [
    "LEADING_RE",
    "clean_source",
    "fuller_name",
    "is_person",
    "named_in",
    "resolve_pronoun",
    "role_holder",
    "trailing_name",
]

_TIME_WORDS = frozenset("the former then ex current new longtime late".split())


def role_holder(text: str, sentence: str, phrase: str, at: int, names: list[NameCandidate]) -> str | None:
    """The person the article gave every word of a role ("the former sergeant-at-arms", "the
    actress"), not named again in the sentence: one singular person noun, not a document's or a
    body's ("The messages", "The company")."""
    words = [w for w in phrase.casefold().split() if w not in _TIME_WORDS]
    if (
        not words
        or re.search(r"^[^-]*[^s]s$", words[-1])
        or (re.fullmatch(DESCRIPTOR, phrase) and not person_descriptor(phrase))
    ):
        return None
    cast = cast_of(text, names)
    found = cast.descriptor(phrase, at)
    person = cast.person(found) if found else None
    if person is None or not set(words) <= person.roles:
        return None
    # "The inspector general found that Mills tasked …": one the sentence names is someone else
    named = person.forms | {person.name, person.name.split()[-1]}
    return None if any(re.search(rf"\b{re.escape(f)}\b", sentence) for f in named) else found


def trailing_name(phrase: str) -> str | None:
    """The capitalised run a phrase ends with: "North Korea's main news agency Korean Central News
    Agency" -> "Korean Central News Agency"."""
    m = re.search(r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?)*[A-Z][\w.'’-]*$", phrase.strip())
    return m.group() if m else None


def resolve_pronoun(word: str, before: int, names: list[NameCandidate]) -> str | None:
    """ "He said" names the last person the article named before it; "it" the last body."""
    earlier = [n for n in names if n.end <= before and before - n.start <= 800]
    if word.casefold() in ("he", "she"):
        people = [
            n.text
            for n in earlier
            if 2 <= len(n.text.split()) <= 4 and not any(w.casefold() in ORG_WORDS for w in n.text.split())
        ]
        return people[-1] if people else None
    if word.casefold() == "it":
        # an acronym is a body ("IRCC"), a dateline in capitals ("DES MOINES") a place
        bodies = [
            n.text
            for n in earlier
            if any(w.casefold() in ORG_WORDS for w in n.text.split()) or (n.text.isupper() and " " not in n.text)
        ]
        return bodies[-1] if bodies else None
    return None


def is_person(name: str) -> bool:
    words = name.split()
    return bool(words) and not name.isupper() and not any(w.casefold() in ORG_WORDS for w in words)


def named_in(phrase: str, names: list[NameCandidate]) -> str | None:
    """The person a title-heavy phrase ends with: "Afghan Ambassador to the United States
    Hamdullah Mohib" -> "Hamdullah Mohib" (the shortest scanned name of two or more words that ends it)."""
    ends = [n.text for n in names if len(n.text.split()) >= 2 and phrase.endswith(n.text) and n.text != phrase]
    return min(ends, key=len) if ends else None


LEADING_RE = re.compile(
    r"^(?:(?:On|In|At|By|For|With|From|After|Before|During|Unlike|Like|Since|Last|This|Next|But|And|So|Then|Now|As|While|When|Although|Though|Because|If)"
    rf"\s+(?:(?:{'|'.join(WEEKDAYS + MONTHS)})\s+)?)+(?=[A-Z])"
)


def clean_source(found: str, names: list[NameCandidate] | None = None) -> str:
    found = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", found.strip(" ,")).rstrip(".,;:")
    found = LEADING_RE.sub("", found)  # "On Wednesday Suncor", "Unlike Al Mnajer": no function word in a name
    if entourage := re.fullmatch(rf"(?P<n>{NAME}){ENTOURAGE}", found):
        # "Kessler's campaign", "Pell campaign": the person they speak for ("Her campaign": no name here)
        return "" if entourage.group("n").casefold() in ("his", "her", "their", "its") else entourage.group("n")
    poll = re.match(rf"(?:an?\s+|the\s+)?(?:(?:new|recent|latest)\s+)?(?P<n>{NAME})\s+(?:poll|survey)\b", found)
    if poll:
        return poll.group("n")  # "according to a Quinnipiac University poll released Wednesday": the pollster
    head = found.split(" of ")[0]
    if names and " of " in found and len(head.split()) >= 2 and head in {n.text for n in names} and is_person(head):
        return head  # "Doug Miller of Milltech Marine", "Sen. Jane Roe of Vermont": the person, not the place or firm
    joined = re.fullmatch(rf"{NAME}(?:\s+(?:for|and)\s+{NAME})+", found) and not is_person(found)
    if names and len(found.split()) >= 3 and not joined and (person := named_in(found, names)) and is_person(person):
        return person  # not "Energy Policy" of "Center for Water and Energy Policy" (PR2-2)
    found = re.sub(r"^The\s+(?=[a-z])", "the ", found)
    # "Sanders's hometown Burlington Free Press" -> the paper; "WHO's situation report dated …" -> WHO
    owned = re.fullmatch(
        rf"(?P<owner>{NAME})['’]s?(?P<what>(?:\s+[a-z][\w-]*)+)(?:\s+(?P<named>{NAME}))?(?P<rest>.*)", found
    )
    named = owned.group("named") if owned and owned.group("named") not in WEEKDAYS + MONTHS else None
    if owned and named and not owned.group("rest"):
        return named
    verb = owned and re.search(r"\b(?:is|was|are|were|has|had|have|be|been)\b", owned.group("what"))
    if verb:
        return ""  # "Ivan's condition was on Wednesday (reported)": a clause, not a source
    if owned and not named and not re.search(r"\b[A-Z]", owned.group("rest")):
        return owned.group("owner")
    return person_part(found) if found[:1].isupper() and is_person(found) else found


def fuller_name(text: str, source: str, names: list[NameCandidate]) -> str:
    """A one-word source as the article names it in full, when it names only one such ("Clinton"
    -> "Hillary Clinton", "Post" -> "Washington Post"; not when Bill and Hillary Clinton are both
    named): ``attributed_to`` is a full name. A run opening with a word the article also writes in
    lower case ("To Republicans", "Dublin-based Shire") is no fuller name."""
    if len(source.split()) != 1 or not source[:1].isupper():
        return source
    fuller = {
        n.text
        for n in names
        if 2 <= len(n.text.split()) <= 4
        and n.text.endswith(" " + source)
        and "-" not in n.text.split()[0]
        and not re.search(rf"(?<![\w.]){re.escape(n.text.split()[0].casefold())}\b", text)
    }
    return fuller.pop() if len(fuller) == 1 else source
