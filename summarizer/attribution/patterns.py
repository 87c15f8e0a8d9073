"""Regular-expression pieces that the cast, the quote speakers and the claim sources all read with.

Shared here so that a name is recognised the same way everywhere (the verbs of speech are
``summarizer.lexicon``'s): quotes and claims must agree on who said what.
"""

from __future__ import annotations

import re

from ..lexicon import ABBREVIATIONS

__all__ = [
    "ABBREVIATED_END",
    "APPOSITIVE",
    "BOILERPLATE",
    "BOUNDARY",
    "NAME",
    "PRONOUNS",
    "filler",
    "next_stop",
    "role_then_name",
]


# a word of a name may hold full stops ("U.S.", "Jr."), not glued text's lost sentence break
# ("Staffordshire.Lucy Fischer": a stop before a capitalised word is where one sentence ended)
_WORD = r"[A-Z](?:[\w’'-]|\.(?![A-Z][a-z]))+"
# a surname may open with an Arabic article glued to it ('"…," el-Nour said')
NAME = rf"(?<![\w-])(?:(?:al|el)-)?{_WORD}(?:\s+(?:(?:of|de|van|von|bin|da|das|dos|do)\s+)?(?:al-|el-)?{_WORD})*"
# ", the State Department Spokesperson," / ", curator at the University of Arkansas, Fayetteville,"
# ", the mayor,", and a party and state in brackets: "Paul Ryan (R-WI) said"
APPOSITIVE = (
    r"(?:\s\([A-Z][\w.-]{0,12}\))?(?:\s+of\s+the\s+[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,2}?(?=\s+[a-z]))?"
    r"(?:(?:,[^,\"“”\n]{2,80}){1,2},)?"
)


PRONOUNS = ("he", "she", "they", "it")

# "said Ayotte campaign manager Jon Kohan", "tweeted Rubio spokesman Alex Conant": a name, a role, a name
_ROLE_NAME_RE = re.compile(rf"\s+(?P<words>(?:[a-z][\w-]*\s+){{1,3}})(?P<n>{NAME})")
_NOT_ROLE = frozenset(
    "and or by to of in on at for from with as the a an his her their its who which that than about after before "
    "during since when while because told said says".split()
)


def role_then_name(text: str, at: int) -> re.Match[str] | None:
    """At ``at`` (after a name): lower-case role words and another name (group ``n``), else None
    ("… Ayotte| campaign manager Jon Kohan"; not "… Pike| in Boston")."""
    m = _ROLE_NAME_RE.match(text, at)
    return m if m and not set(m.group("words").split()) & _NOT_ROLE else None


# a full stop that ends a sentence inside a scanned run ("Bash. Charges"), not "Mr. ", "Jr. " or
# "Const. " (a look-behind holds words of one length: one per length of abbreviation)
_ABBREVIATED = [sorted(w.capitalize() for w in ABBREVIATIONS if w.isalpha() and len(w) == n) for n in range(2, 6)]
BOUNDARY = re.compile(
    r"(?<=\w\w)" + "".join(rf"(?<!\b(?:{'|'.join(words)}))" for words in _ABBREVIATED if words) + r"\.\s+(?=[A-Z])"
)
#: a full stop after an initial or an abbreviated title or word ends no sentence ("Cpl.", "U.S.")
_TITLED = sorted((w.capitalize() for w in ABBREVIATIONS if w.isalpha()), key=lambda w: (-len(w), w))
ABBREVIATED_END = re.compile(r"(?:\b[A-Z]|\b(?:" + "|".join(_TITLED) + r"))$")


def next_stop(text: str, at: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[at:])
    return at + m.end() if m else len(text)


# what scrapers leave between paragraphs: a lone " ." line, "Article Continued Below", "Story continues
# below advertisement", a "READ MORE: …" or "WATCH: …" link to another story
_FILLER_RE = re.compile(
    r"\s*(?:[^\w\n]*|(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE)\s*:[^\n]*"
    r"|(?i:article\s+continue[sd]\s+below|story\s+continues\s+below(?:\s+advertisement)?|advertisement))\s*"
)


#: the same boilerplate inside a line, as text that lost its paragraph breaks carries it ("… below.
#: Story continues below advertisement Suncor received …"): never a name
BOILERPLATE = re.compile(
    r"(?i:story\s+continues\s+below|article\s+continue[sd]\s+below|relevant\s+reading|read\s+more)\b"
)


def filler(paragraph: str) -> bool:
    """A line that is no part of the story: wordless, or a scraper's or page's boilerplate."""
    return _FILLER_RE.fullmatch(paragraph) is not None
