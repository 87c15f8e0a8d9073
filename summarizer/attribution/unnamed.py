"""Unnamed speakers: someone the article introduces by an indefinite description, then quotes.

"A third resident, a man in his 50s who declined to give his name, said …", then "“…,” the man
said": the later "the man" is that unnamed person, not someone named earlier whom the same noun
fits ("Neighbours identified the man as Walter …"). And "“…,” he says" after "A neighbouring
business owner, who asked not to be named, told me …" is theirs when no one the pronoun could
mean is named in between. The speaker is the description as the article introduced it: a reader
learns who spoke, and no name is invented.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH
from .cast import Cast
from .gender import FEMALE, MALE

__all__ = ["introduced", "unnamed_pronoun"]

# "A third resident, a man in his 50s who …, said"; "One of the parents, a father of twin boys, said";
# "A neighbouring business owner, who asked not to be named, told me": an indefinite description
# (not a named person's appositive: "Bob Lee, a spokesman, said") as the subject of a verb of speech
_INTRO_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[a-z],\s)|(?<=\n)\s*)"
    r"(?P<d>[Aa]n?\s+(?:[a-z][\w’'-]*\s+){0,3}?(?P<h>[a-z][a-z-]*[a-z])"
    r"(?:\s+(?:in|of|from|who|with|at)\b[^,.;:!?\"“”\n]{0,60})?)"
    rf",\s+(?:who\s+[^,.;\"“”\n]{{0,80}},\s+)?(?:{SPEECH})\b"
)
_WINDOW = 1500


def _intros(text: str, at: int) -> list[re.Match[str]]:
    found = []
    for m in _INTRO_RE.finditer(text, max(0, at - _WINDOW), at):
        before = re.search(r"(\S+),\s+$", text[max(0, m.start() - 40) : m.start()])
        if m.end() <= at and not (before and not before.group(1)[:1].islower()):
            found.append(m)  # not a named person's appositive: "Tomasz Wierzbicki, a former manager, said"
    return found


def introduced(text: str, head: str, at: int) -> str | None:
    """The unnamed person last introduced before ``at`` by a description with the head noun
    ``head`` ("the man" -> "a man in his 50s who declined to give his name"), else None."""
    found = [m for m in _intros(text, at) if m.group("h") == head.casefold()]
    return found[-1].group("d") if found else None


def unnamed_pronoun(text: str, previous: str | None, word: str, at: int, cast: Cast) -> str | None:
    """``previous`` (the last quotation's speaker) for a "he/she" at ``at`` when it is an unnamed
    person introduced by a description whose noun does not contradict the pronoun, and no person
    the pronoun could mean is mentioned between that introduction and ``at``."""
    if not previous:
        return None
    intro = next((m for m in reversed(_intros(text, at)) if m.group("d") == previous), None)
    if intro is None:
        return None
    gender = {"he": "m", "she": "f"}.get(word.casefold())
    head = intro.group("h")
    if (MALE.fullmatch(head) and gender == "f") or (FEMALE.fullmatch(head) and gender == "m"):
        return None
    between = [p for p in cast.people for s, _, _ in p.mentions if intro.end() < s < at and p.gender in (None, gender)]
    return None if between else previous
