"""Regular-expression pieces that the cast, the quote speakers and the claim sources all read with.

Shared here so that a name is recognised the same way everywhere (the verbs of speech are
``summarizer.lexicon``'s): quotes and claims must agree on who said what.
"""

from __future__ import annotations

import re

from ..lexicon import ABBREVIATIONS

__all__ = ["APPOSITIVE", "BOUNDARY", "NAME", "PRONOUNS", "filler", "next_stop"]


# a word of a name may hold full stops ("U.S.", "Jr."), not glued text's lost sentence break
# ("Staffordshire.Lucy Fischer": a stop before a capitalised word is where one sentence ended)
_WORD = r"[A-Z](?:[\w’'-]|\.(?![A-Z][a-z]))+"
NAME = rf"(?<![\w-]){_WORD}(?:\s+(?:(?:of|de|van|von|bin|da)\s+)?(?:al-|el-)?{_WORD})*"
# ", the State Department Spokesperson," / ", curator at the University of Arkansas, Fayetteville,"
APPOSITIVE = r"(?:(?:,[^,\"“”\n]{2,80}){1,2},)?"


PRONOUNS = ("he", "she", "they", "it")


# a full stop that ends a sentence inside a scanned run ("Bash. Charges"), not "Mr. " or "Jr. "
# (a look-behind holds words of one length: the two- and three-letter abbreviations)
_ABBREVIATED = [sorted(w.capitalize() for w in ABBREVIATIONS if w.isalpha() and len(w) == n) for n in (2, 3)]
BOUNDARY = re.compile(
    rf"(?<=\w\w)(?<!\b(?:{'|'.join(_ABBREVIATED[0])}))(?<!\b(?:{'|'.join(_ABBREVIATED[1])}))\.\s+(?=[A-Z])"
)


def next_stop(text: str, at: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[at:])
    return at + m.end() if m else len(text)


# what scrapers leave between paragraphs: a lone " ." line, "Article Continued Below", "Story continues
# below advertisement", a "READ MORE: …" or "WATCH: …" link to another story
_FILLER_RE = re.compile(
    r"\s*(?:[^\w\n]*|(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE)\s*:[^\n]*"
    r"|(?i:article\s+continue[sd]\s+below|story\s+continues\s+below(?:\s+advertisement)?|advertisement))\s*"
)


def filler(paragraph: str) -> bool:
    """A line that is no part of the story: wordless, or a scraper's or page's boilerplate."""
    return _FILLER_RE.fullmatch(paragraph) is not None
