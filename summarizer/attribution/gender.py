"""Gender votes: which of he/she the words after a mention use for the person named there.

``Cast`` reads a person's gender from titles, relation nouns and the first gendered word after
each mention. A pronoun opening the next sentence counts whatever its case ("… for 22 years. She
is one of six nurses"); a pronoun opening a question someone is told or asked is skipped, being
the subject of a clause about someone else ("laughed when told what he had said", "began by asking
how she learned"); and a mention that is the subject of a reported clause ("MacIsaac said Haddad is the
best apprentice he has trained") casts no vote: its pronouns are the reporter's.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH

__all__ = ["FEMALE", "MALE", "reported_subject", "votes_after"]

FEMALE = re.compile(
    r"\b(?:(?i:she|her|hers|herself)|Mrs\.?|Ms\.?|Miss|Madam|fianc[ée]e|wife|(?:grand)?mother|(?:grand)?daughter|aunt|niece|actress|woman|girl|sister|spokeswoman|chairwoman|congresswoman|businesswoman)\b"
)
MALE = re.compile(
    r"\b(?:(?i:he|him|his|himself)|Mr\.?|Sir|husband|(?:grand)?father|(?:grand)?son|brother|uncle|nephew|spokesman|chairman|congressman|businessman|man|boy)\b"
)
# an embedded question after a verb of telling or asking: "told what he had said", "asking how she …"
# (not "respect what he called …": that "he" is the subject's)
_QUESTION_WORD_RE = re.compile(
    r"\b(?:told|tell|asked|asking|ask|asks|wondered|wondering|knew|know|knows|learned|heard|explained)\s+"
    r"(?:\w+\s+)?(?:what|how|whether|why|where|who|if)\s+$"
)
_SPEECH_BEFORE_RE = re.compile(rf"\b(?:{SPEECH})\s+(?:that\s+)?$")
_VERB_AFTER_RE = re.compile(r"\s+(?:is|was|has|had|would|will|could|should|can|did|does)\b")


def reported_subject(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is the subject of a clause someone else reports
    ("X said Haddad is …"), not a speaker ("…," said Haddad, who …)."""
    return bool(_SPEECH_BEFORE_RE.search(text[max(0, start - 16) : start]) and _VERB_AFTER_RE.match(text, end))


# a noun for someone else: an owner ("had a man's name across her wrist") or someone indefinite
# ("met a woman in a bar"); a pronoun or a title is the mention's own
_OWN_WORDS = frozenset("she her hers herself he him his himself mrs mrs. ms ms. miss madam mr mr. sir".split())
_INDEFINITE_RE = re.compile(r"\b(?i:a|an|another|one|every|each|any|no)\s+$")


def _someone_else(nxt: str, m: re.Match[str]) -> bool:
    if m.group(0).casefold() in _OWN_WORDS:
        return False
    return bool(re.match(r"['’]s\b", nxt[m.end() : m.end() + 2]) or _INDEFINITE_RE.search(nxt[: m.start()][-12:]))


def votes_after(nxt: str) -> tuple[int, int]:
    """(male, female): one vote for the first gendered word in ``nxt`` (the words after a
    mention, quotations blanked) that opens no question told or asked and names no one else."""
    words = sorted(
        [(m.start(), "f") for m in FEMALE.finditer(nxt) if not _someone_else(nxt, m)]
        + [(m.start(), "m") for m in MALE.finditer(nxt) if not _someone_else(nxt, m)]
    )
    for at, gender in words:
        if not _QUESTION_WORD_RE.search(nxt, 0, at):
            return (0, 1) if gender == "f" else (1, 0)
    return 0, 0
