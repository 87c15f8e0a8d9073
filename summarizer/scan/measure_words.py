"""The words a figure's fallback reader (``measures.measures_of``) sorts a sentence into: hedges,
prepositions, clause words, auxiliaries and verbs, and the word-level readers built on them (the
clause before a number, its content words, a preposition phrase), kept apart from the readers so
each stays short."""

from __future__ import annotations

import re

from .units import UNIT_STOP

HEDGES = frozenset(
    "about around approximately roughly nearly almost over some at least more than less fewer up to just only "
    "an a the estimated another other all record under below above exceeded already currently reportedly "
    "probably either".split()
)
PREPS = frozenset("of in near at on from to for by across inside outside aboard against into among between".split())
CLAUSE_END = frozenset(
    "and or but which who that after when while as since because said says according where whose if so "
    "although though".split()
)
AUX = frozenset("were was are is have has had been being be will would could may might reportedly also".split())
_VERB_WORDS = frozenset(
    "fell hit left fired received won lost reached rose dropped got made took pay paid cost costs spent attended "
    "voted saved held elects include includes included number".split()
)
PAST = frozenset("fell hit died went came took made gave got ran won lost left".split())
TRIM = (UNIT_STOP - {"earlier", "later", "ago"} - PAST) | HEDGES | PREPS
WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*[\w’']|[A-Za-z]|\d[\d,.]*%?|[^\sA-Za-z\d]")
PUNCT = frozenset(',;:()[]“”"—–.!?') | {"'", "’", "‘", "''"}


def is_verb(word: str) -> bool:
    """A verb by its form or a short list: "fell", "evacuated", "waging" (not "during", "including")."""
    low = word.casefold()
    return low in _VERB_WORDS or (len(low) > 4 and low.endswith(("ed", "ing")) and low not in ("during", "including"))


def clause_left(words: list[str]) -> list[str]:
    """The words of the number's clause before it: back to punctuation or a clause word."""
    out: list[str] = []
    for w in reversed(words):
        if w in PUNCT or w in CLAUSE_END:  # lower case only: "Wilson Or" is a name
            break
        out.insert(0, w)
    return out


PRONOUNS = frozenset("it they he she we them this these those its their his her".split())


def content_words(words: list[str], limit: int) -> list[str]:
    """The last ``limit`` words that say something: no hedge, auxiliary, pronoun, number or punctuation."""
    kept = [w for w in words if w.casefold() not in HEDGES | AUX | PRONOUNS and not w[0].isdigit() and w not in PUNCT]
    return kept[-limit:]


HAVE = frozenset(("had", "has", "have"))


DETERMINERS = frozenset("a an the his her their its my our your".split())
COPULA = frozenset("were was are is".split())


def prep_phrase(words: list[str], i: int, limit: int) -> tuple[list[str], int]:
    """A preposition and the noun phrase after it, up to punctuation or a clause word (and the
    index of the word after it)."""
    out = [words[i]]
    j = i + 1
    for w in words[i + 1 :]:
        low = w.casefold()
        adjective = out[-1].casefold() in ("the", "a", "an", "its", "their", "his", "her", "our")  # "the intended"
        if not w[0].isalnum() or low in CLAUSE_END or (len(out) > 1 and is_verb(w) and not adjective) or w[0].isdigit():
            break
        out.append(w)
        j += 1
        if len(out) >= limit:
            break
    return [w for w in out if w.casefold() not in ("the", "a", "an")], j
