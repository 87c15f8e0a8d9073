"""People an article names by one word: "Kim told CTV News", "says Michael.", "Xi said", and a
family name written first ("Kim Jong-un … Kim has four goals"). Each becomes a form of the one
person it can be, or a person of its own, before the Cast finds mentions."""

from __future__ import annotations

import collections
import re

from ..lexicon import RELATIVES, SPEECH, TITLES
from ..scan.names import countries
from ..text import whole_words
from .patterns import BOILERPLATE
from .people import Person, demonyms, standalone, surname

__all__ = ["NOT_ONE_WORD", "appositive_first_names", "lone_first_words", "one_word_speakers"]

# one word as the subject of a verb of speech: "Kim told CTV News", "… ,” says Michael."
_ONE_WORD_RE = re.compile(
    rf"(?<![\w.’'-])(?<![A-Z][\w.’'-] )(?P<a>[A-Z][a-z][\w’'-]*)\s+(?:{SPEECH}|confirmed|told)\b"
    rf"|\b(?:{SPEECH})\s+(?P<b>[A-Z][a-z][\w’'-]*)(?=\s*[.,;]|\s+(?:on|in|at|during|after|before)\b)"
)
#: what a person alone as a subject does next ("Kim has four goals", "Moon told", "Xi visited")
_LONE_VERB = rf"has|had|is|was|will|would|could|can|did|does|also|then|later|{SPEECH}|[a-z]+ed"
_LONE_AFTER_RE = re.compile(rf"['’]s\s+[a-z]|\s+(?:{_LONE_VERB})\b")
_OPENS_RE = re.compile(r"(?:^|\n|[.!?][”\"]?\s+)\s*$")
NOT_ONE_WORD = {
    "The", "He", "She", "They", "It", "We", "You", "This", "That", "These", "Those", "There", "Police",
    "Officials", "Reuters", "Critics", "Experts", "Others", "Some", "Many", "Both", "Everyone", "Nobody",
}  # fmt: skip


def one_word_speakers(text: str, people: list[Person], lowered: set[str]) -> None:
    """People the article names by one word as the subject of a verb of speech ("Kim told CTV
    News", "says Michael."): a first name of someone it names in full is a form of them;
    another word is a person of its own when a he/she follows it (not "Google said")."""
    found: dict[str, list[int]] = {}
    for m in _ONE_WORD_RE.finditer(text):
        word = m.group("a") or m.group("b")
        if m.group("a") and re.search(r"[A-Z][\w.’'-]*\s+$", text[max(0, m.start() - 40) : m.start()]):
            continue  # the last word of a longer name ("the United States said"), not a name of its own
        if BOILERPLATE.match(text, m.start()):
            continue  # "Story continues below advertisement" run into the text
        if re.fullmatch(r"[A-Z][a-z]+(?:ese|ish)", word):
            continue  # "the Chinese said …, he": a people, not a person
        if word.casefold() not in lowered and word not in NOT_ONE_WORD and word not in countries():
            found.setdefault(word, []).append(m.start())
    for word, spots in found.items():
        if any(word in p.forms or surname(p.name) == word.casefold() for p in people):
            continue
        firsts = [p for p in people if p.name.split()[0] == word]
        if len(firsts) == 1:
            firsts[0].forms.add(word)  # "says Michael." of Michael Greenspan
            continue
        after = [re.sub(r"[“\"][^“”\"]*[”\"]", " ", text[at : at + 200]) for at in spots]
        if not firsts and any(re.search(r"\b(?:[Hh]e|[Ss]he)\b", a) for a in after):
            people.append(Person(word, {word}))


# "his daughter, Aria, 11,", "Hickey's granddaughter, Chloe, 9,", "The rookie's father, Tomas,",
# "who gave only her first name, Linda,"
_FIRST_NAME_RE = re.compile(
    rf"\b(?:(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w’'-]*['’]s|[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*['’]s)\s+"
    rf"(?:[a-z]+\s+)?(?:{'|'.join(RELATIVES)})|first\s+name),\s+"
    r"(?P<n>[A-Z][a-z][\w’'-]*)(?:,\s+\d{1,3})?(?=,)"
)


# "for seven-year-old Maisie, who …", "two-year-old Ayo": a child named by an age and a first name alone
_AGED_FIRST_NAME_RE = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-year-old\s+"
    r"(?P<n>[A-Z][a-z][\w’'-]*)(?=[,.;]|\s+(?:[a-z]|$))"
)


def appositive_first_names(text: str, people: list[Person], lowered: set[str]) -> None:
    """Someone the article names by a first name alone, beside a kinship word, an age or "first
    name" ("His daughter, Aria, 11, read …", "seven-year-old Maisie", "one resident, who gave only
    her first name, Linda,"):
    a form of the one person with that first name ("his wife, Hélène" of Hélène Desrochers), else
    a person of their own, whom "she said" can then mean."""
    for m in [*_FIRST_NAME_RE.finditer(text), *_AGED_FIRST_NAME_RE.finditer(text)]:
        word = m.group("n")
        if word.casefold() in lowered or word in NOT_ONE_WORD or word in countries() or word in TITLES:
            continue
        if any(word in p.forms or surname(p.name) == word.casefold() for p in people):
            continue
        firsts = [p for p in people if p.name.split()[0] == word]
        if len(firsts) == 1:
            firsts[0].forms.add(word)
        elif not firsts:
            people.append(Person(word, {word}))


def lone_first_words(text: str, people: list[Person], lowered: set[str]) -> None:
    """The first word of a two-word name, alone as a sentence's subject, is that person when it
    is no one else's word ("Kim Jong-un … Kim has four goals", "Moon Jae-in … Moon's office"):
    a family name written first, or a first name, where the last word is never used alone."""
    common = lowered | TITLES
    places = countries() | demonyms() | NOT_ONE_WORD
    # how many people have the word in their name or forms: it must be this person's alone
    owners = collections.Counter(w for q in people for w in set(q.name.split()) | q.forms)
    for p in people:
        words = p.name.split()
        word = words[0]
        if len(words) != 2 or word in p.forms or not re.fullmatch(r"[A-Z][a-z][\w-]*", word):
            continue
        if word.casefold() in common or word in places or owners[word] > 1:
            continue
        opens = any(
            _OPENS_RE.search(text, max(0, s - 6), s) and _LONE_AFTER_RE.match(text, e)
            for s, e in whole_words(text, word)
        )
        if opens and not standalone(text, words[1]):
            p.forms.add(word)
