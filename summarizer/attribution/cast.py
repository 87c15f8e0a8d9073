"""The cast: who the article names, as whom, and how it refers to them again.

Quote speakers and claim sources both resolve a surname, a title-laden name, a pronoun or a
descriptor ("the rookie defenceman") to a person; one ``Cast`` per article, read once, keeps their
answers the same.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..lexicon import ORG_WORDS, SPEECH, TITLES
from ..scan.names import NameCandidate
from .patterns import BOUNDARY, next_stop
from .people import (
    _FEMALE,
    _MALE,
    _PLACE_BEFORE_RE,
    _PREPS,
    _PRONOUN_GENDER,
    _ROLE_WORDS,
    Person,
    _is_person_name,
    _oblique,
    _standalone,
    _surname,
    person_part,
    whole_words,
)

R = TypeVar("R")

__all__ = ["Cast", "Person", "cast_of", "person_part", "read_once", "whole_words"]


class Cast:
    """The people an article names, read once: canonical names, genders, descriptors, and
    which mention is the subject of its clause. Resolves a surname, a title-laden name, a
    pronoun or a descriptor at a position to the person it refers to."""

    def __init__(self, text: str, names: list[NameCandidate]) -> None:
        self.text = text
        lowered = {w.casefold() for w in re.findall(r"\b[a-z][\w’'-]*\b", text)}
        self.lowered = lowered
        people: dict[str, Person] = {}
        stripped = {self._strip_role(text, n, lowered) for n in names}
        fulls = sorted((n for n in stripped if _is_person_name(text, n, lowered)), key=lambda n: -len(n.split()))
        for full in fulls:
            key = full
            for p in people.values():  # "Robert Downey Jr." also covers "Robert Downey"
                if p.name.startswith(full + " ") or p.name.endswith(" " + full):
                    key = p.name
                    if p.name.endswith(" " + full) and _standalone(text, full):
                        p.name = full  # "United States Hamdullah Mohib" is "Hamdullah Mohib"
                    break
            people.setdefault(key, Person(key)).forms.add(full)
        self.people = list(people.values())
        self._surnames = collections.Counter(_surname(p.name) for p in self.people)
        for p in self.people:
            self._find(p)
        starts = sorted((s, i) for i, p in enumerate(self.people) for s, _, _ in p.mentions)
        self._starts = [s for s, _ in starts]
        self._owners = [i for _, i in starts]
        for i, p in enumerate(self.people):
            self._read(i, p)

    @staticmethod
    def _strip_role(text: str, n: NameCandidate, lowered: set[str]) -> str:
        """ "Actor Denzel Washington" -> "Denzel Washington"; "London Sadiq Khan" (in "Mayor of
        London Sadiq Khan") -> "Sadiq Khan"; "Regarding Trump" -> "Trump"."""
        words = n.text.split()
        first = True
        while len(words) > 1:
            w = words[0].casefold().rstrip(".")
            role = (
                w in TITLES
                or w in _ROLE_WORDS
                or w.removesuffix("s") in _ROLE_WORDS
                or (len(words) > 2 and w in lowered)
            )
            placed = first and len(words) > 2 and _PLACE_BEFORE_RE.search(text[max(0, n.start - 10) : n.start])
            if role or w.endswith("ing") or placed or w == "by":
                words = words[1:]
            else:
                break
            first = False
        return " ".join(words)

    def _find(self, p: Person) -> None:
        """Every mention of ``p`` (its forms, and its surname when no one else bears it)."""
        text = self.text
        forms = sorted(p.forms, key=len, reverse=True)
        sur = _surname(p.name)
        surname_form = next((w for w in p.name.split()[::-1] if w.casefold().rstrip(".,") == sur), None)
        if surname_form and len(surname_form) > 2 and not self.shared_surname(p):
            forms.append(surname_form)
        spans: list[tuple[int, int]] = []
        covered: set[int] = set()  # every offset inside a longer form already found
        for form in dict.fromkeys(forms):
            for start, end in whole_words(text, form):
                if start not in covered:
                    spans.append((start, end))
                    covered.update(range(start, end))
        spans.sort()
        p.mentions = [(s, e, _oblique(text, s)) for s, e in spans]

    def _read(self, index: int, p: Person) -> None:
        """Gender (titles, the first he/she before anyone else is named) and descriptor words."""
        text = self.text
        votes = {"m": 0, "f": 0}
        for s, e, _ in p.mentions:
            before = text[max(0, s - 12) : s]
            if re.search(r"\b(?:Mrs|Ms|Miss)\.?\s+$", before):
                votes["f"] += 3
            elif re.search(r"\bMr\.?\s+$", before):
                votes["m"] += 3
            if _oblique(text, s):
                self._roles(p, s, e)
                continue
            nxt = text[e : min(next_stop(text, next_stop(text, e)), e + 300)].split("\n\n", 1)[0]
            # pronouns inside a quotation are the speaker's, not about this person
            nxt = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group()), nxt)
            k = bisect.bisect_right(self._starts, e)
            while k < len(self._starts) and self._owners[k] == index:
                k += 1
            if k < len(self._starts) and self._starts[k] < e + len(nxt):
                nxt = nxt[: self._starts[k] - e]  # up to the next person the article names
            she, he = _FEMALE.search(nxt), _MALE.search(nxt)
            first = min((x for x in (she, he) if x), key=lambda x: x.start(), default=None)
            if first is not None:
                votes["f" if first is she else "m"] += 1
            self._roles(p, s, e)
        if votes["m"] != votes["f"]:
            p.gender = "m" if votes["m"] > votes["f"] else "f"

    def _roles(self, p: Person, s: int, e: int) -> None:
        text = self.text
        after = re.match(
            r",\s+(?:\d+,\s+)?(?:(?:the|a|an|his|her|its|their)\s+)((?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
            r"(?=\s+(?:of|for|at|in|from|who|with|to|on)\b|,|\.|\s+(?:said|says|told))"
            r"|,\s+((?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]+)(?=\s+(?:of|for|at)\s)",
            text[e : e + 120],
        )
        if after:
            phrase = after.group(1) or after.group(2)
            p.roles.update(w.casefold().removesuffix("’s").removesuffix("'s") for w in phrase.split())
        fronted = re.search(
            r"(?:^|[.!?]\s+|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)((?:[\w’'-]+\s+){0,3}[\w’'-]+),\s+$",
            text[max(0, s - 60) : s],
        )  # "Its president, Tom Okafor, …"
        if fronted:
            p.roles.update(w.casefold().removesuffix("’s").removesuffix("'s") for w in fronted.group(1).split())
        before = re.search(r"((?:[\w’'-]+\s+){1,4})$", text[max(0, s - 60) : s])
        if before:
            for w in reversed(before.group(1).split()):
                lw = w.casefold()
                if lw in _PREPS or lw in ("the", "a", "an", "and") or not re.fullmatch(r"[\w’'-]+", w):
                    break
                if re.fullmatch(SPEECH, lw) or re.search(r"(?:ed|ing)$", lw):
                    break
                p.roles.add(lw.removesuffix("’s").removesuffix("'s"))

    def shared_surname(self, p: Person) -> bool:
        return self._surnames[_surname(p.name)] > 1

    def person(self, name: str) -> Person | None:
        for p in self.people:
            if name == p.name or name in p.forms:
                return p
        return None

    def canonical(self, found: str, at: int) -> str:
        """The fullest name the article gives for ``found`` (a surname, or a name with a title
        or role on it); ``found`` itself, cut at a sentence boundary, when no person fits."""
        parts = [p.strip(" ,;:") for p in re.split(BOUNDARY, found.strip()) if p.strip(" ,;:")]
        # never glued across a sentence boundary: "said Bash. Charges …" -> "Bash", "KCNA. No" -> "KCNA"
        found = next((p for p in parts if self._person_in(p, at)), max(parts, key=len) if parts else found)
        if " of " in found and self._person_in(found.split(" of ")[0], at):
            found = found.split(" of ")[0]  # "Lucy Fischer of The Times"
        direct = self._person_in(found, at)
        if direct is not None:
            return direct.name
        return found

    def _person_in(self, found: str, at: int | None = None) -> Person | None:
        words = found.split()
        for i in range(len(words)):  # "Actor Denzel Washington" -> the person "Denzel Washington"
            tail = " ".join(words[i:])
            p = self.person(tail)
            if p is not None:
                return p
            if len(words) - i == 1 and tail.casefold() not in ORG_WORDS:
                matches = [q for q in self.people if q.surname == tail.casefold().rstrip(".,")]
                if len(matches) == 1:
                    return matches[0]
                if matches and at is not None:  # "Khan" after "Usman Khan", not "Sadiq Khan"
                    return self.nearest(matches, at, subjects_only=False) or matches[0]
        return None

    def is_person(self, name: str | None) -> bool:
        return bool(name) and self._person_in(name or "", None) is not None

    def nearest(self, candidates: list[Person], at: int, subjects_only: bool = True) -> Person | None:
        best: tuple[int, Person] | None = None
        for p in candidates:
            for s, _, oblique in p.mentions:
                if s < at and (not subjects_only or not oblique) and (best is None or s > best[0]):
                    best = (s, p)
        return best[1] if best else None

    def pronoun(
        self,
        word: str,
        at: int,
        previous: str | None = None,
        learned: dict[str, str] | None = None,
        quoted: str = "",
    ) -> str | None:
        """He/she at ``at``: the last person named as a subject before it whose gender fits,
        preferring the previous quotation's speaker when it was named in between. ``learned``
        holds genders read from earlier pronouns of the same pass ("he said" of Ortiz: a later
        "she" is someone else); the Cast itself stays as the article made it. Someone the
        ``quoted`` words name in full is talked about, not talking ("For Kevin Allton, Warhol was
        a legend. He said, “Andy Warhol was the center …”" is Allton's)."""
        learned = {} if learned is None else learned
        gender = _PRONOUN_GENDER.get(word.casefold())
        fits = [
            p
            for p in self.people
            if learned.get(p.name, p.gender) in (None, gender) and not (quoted and self._named_in(p, quoted))
        ]
        if gender is None:
            return previous
        window = [p for p in fits if any(at - 1500 < s < at for s, _, _ in p.mentions)]
        found = self.nearest(window, at) or self.nearest(window, at, subjects_only=False)
        prev = self.person(previous) if previous else None
        if prev is not None and prev in fits:
            last_prev = max((s for s, _, _ in prev.mentions if s < at), default=-1)
            last_found = max((s for s, _, o in found.mentions if s < at and not o), default=-1) if found else -1
            if found is None or last_found <= last_prev or last_found < 0:
                found = prev
        if found is not None and gender is not None:
            learned.setdefault(found.name, gender)
        return found.name if found else previous

    @staticmethod
    def _named_in(p: Person, quoted: str) -> bool:
        return any(len(form.split()) >= 2 and form in quoted for form in p.forms | {p.name})

    def descriptor(self, phrase: str, at: int) -> str | None:
        """ "the rookie defenceman", "the minister", "the union's president": the person the
        article named with those words (appositive or title), most recently before ``at``."""
        words = [w.casefold().removesuffix("’s").removesuffix("'s") for w in re.findall(r"[\w’'-]+", phrase)]
        words = [w for w in words if w not in ("the", "a", "an")]
        if not words:
            return None
        head = words[-1]
        fits = [p for p in self.people if head in p.roles or head.rstrip("s") in p.roles]
        if len(words) > 1 and len(fits) > 1:
            fits = [p for p in fits if set(words) <= p.roles] or fits
        if not fits:
            return None
        found = self.nearest(fits, at, subjects_only=False)
        if found is None:  # named only after the quote: "…," said the coach, Ann Lee
            found = min(fits, key=lambda p: min((s for s, _, _ in p.mentions), default=len(self.text)))
        return found.name


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


_read_cast = read_once(Cast)


def cast_of(text: str, names: Sequence[NameCandidate]) -> Cast:
    """The article's ``Cast``, read once per article (quotes and claims share it)."""
    return _read_cast(text, names)
