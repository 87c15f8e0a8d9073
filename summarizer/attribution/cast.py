"""The cast: who the article names, as whom, and how it refers to them again.

Quote speakers and claim sources both resolve a surname, a title-laden name, a pronoun or a
descriptor ("the rookie defenceman") to a person; one ``Cast`` per article, read once, keeps their
answers the same.
"""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Sequence

from ..lexicon import ORG_WORDS, RELATIVES, SPEECH, TITLES
from ..scan.names import NameCandidate
from .doers import doer
from .gender import FEMALE, MALE, reported_subject, votes_after
from .one_word import appositive_first_names, lone_first_words, one_word_speakers
from .patterns import BOUNDARY, next_stop
from .people import (
    PLACE_BEFORE_RE,
    PREPS,
    ROLE_WORDS,
    Person,
    clean_name,
    is_person_name,
    oblique,
    paired_first_names,
    person_part,
    read_once,
    respelled,
    standalone,
    surname,
    whole_words,
)

__all__ = ["Cast", "Person", "cast_of", "person_part", "read_once", "whole_words"]


# ---- the cast: who the article names, as whom, and how it refers to them again ---------------

_PRONOUN_GENDER = {"he": "m", "she": "f"}
# a reported clause with a subject of its own: its pronouns are about that subject
_REPORTED_RE = re.compile(rf"\b(?:{SPEECH})\s+(?:that\s+)?(?=(?:the|a|an|this|these|those|its|their)\s)")
# "his son Andrew", "her husband, Tom": a relative, named through someone else
_RELATIVE_RE = re.compile(
    rf"\b(?:his|her|their|its|[A-Z][\w’'-]*['’]s?)\s+(?:[a-z-]+\s+)?(?:{'|'.join(RELATIVES)})s?,?\s+$"
)
_OWNED_RELATIVE_RE = re.compile(rf"^['’]s?\s+(?:[a-z-]+\s+)?(?:{'|'.join(RELATIVES)})s?\b")
#: abbreviated ranks and titles as wire copy writes them, and the word a later description uses
_RANKS = {
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant",
    "cpl": "corporal", "const": "constable", "insp": "inspector", "supt": "superintendent", "det": "detective",
    "adm": "admiral", "cmdr": "commander", "gov": "governor", "sen": "senator", "rev": "reverend",
    "prof": "professor", "coun": "councillor", "dr": "doctor",
}  # fmt: skip
_CHIEFS = {"ceo": "executive", "cfo": "financial", "coo": "operating", "cto": "technology"}
_RANKED_RE = re.compile(r"(?<![\w.])((?:[A-Z][a-z]{1,4}\.-?)+)\s+$")
_PRONOUN_WORDS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


#: words that open a clause, never a name ("Unlike Al Mnajer, he …", "By Jane Doe")
_FUNCTION_WORDS = {
    "by", "unlike", "like", "after", "before", "with", "without", "for", "from", "under", "over", "despite",
    "during", "since", "while", "when", "as", "at", "in", "on", "to", "of", "and", "but", "or", "if", "though",
    "although", "because", "including", "among", "against", "maybe", "perhaps",
}  # fmt: skip
#: particles in a surname ("Al Mnajer", "Van Dyke", "Ferreira dos Santos"): a name holding one is not shortened
_PARTICLES = {
    "al", "el", "abu", "ibn", "bin", "ben", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "van", "von",
    "la", "le",
}  # fmt: skip


class Cast:
    """The people an article names, read once: canonical names, genders, descriptors, and
    which mention is the subject of its clause. Resolves a surname, a title-laden name, a
    pronoun or a descriptor at a position to the person it refers to."""

    def __init__(self, text: str, names: list[NameCandidate]) -> None:
        self.text = text
        self.lowered = lowered = {w.casefold() for w in re.findall(r"\b[a-z][\w’'-]*\b", text)}
        people: dict[str, Person] = {}
        stripped = {clean_name(self._strip_role(text, n, lowered)) or n.text for n in names}
        # "St. Charles County Prosecuting Attorney Tim Lohmar": the name after the title
        stripped |= {person_part(n) for n in stripped if len(n.split()) > 3}
        stripped |= {
            " ".join(n.split()[-2:]) for n in stripped if len(n.split()) > 3 and not is_person_name(text, n, lowered)
        }
        # sorted fully (longest first, then first seen, then spelling): a set's order follows PYTHONHASHSEED
        fulls = sorted(
            (n for n in stripped if is_person_name(text, n, lowered)),
            key=lambda n: (-len(n.split()), text.find(n) if n in text else len(text), n),
        )
        spelled = respelled(text, fulls)  # "Kristin" (once) / "Kristen Wilkins" (twice): one person, "Kristen"
        for full in fulls:
            key = spelled.get(full, full)
            for p in people.values():  # "Robert Downey Jr." also covers "Robert Downey"
                if p.name.startswith(full + " ") or p.name.endswith(" " + full):
                    key = p.name
                    if (
                        p.name.endswith(" " + full)
                        and standalone(text, full)
                        and not any(w.casefold() in _PARTICLES for w in full.split())
                    ):
                        p.name = full  # "United States Hamdullah Mohib" is "Hamdullah Mohib"
                    break
            people.setdefault(key, Person(key)).forms.add(full)
        self.people = list(people.values())
        one_word_speakers(text, self.people, lowered)
        appositive_first_names(text, self.people, lowered)
        lone_first_words(text, self.people, lowered)
        paired_first_names(text, self.people, lowered)
        self._surnames = collections.Counter(surname(p.name) for p in self.people)
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
                w in TITLES or w in ROLE_WORDS or w.removesuffix("s") in ROLE_WORDS or (len(words) > 2 and w in lowered)
            )
            placed = first and len(words) > 2 and PLACE_BEFORE_RE.search(text[max(0, n.start - 10) : n.start])
            if role or w.endswith("ing") or placed or w in _FUNCTION_WORDS:
                words = words[1:]
            else:
                break
            first = False
        return " ".join(words)

    def _find(self, p: Person) -> None:
        """Every mention of ``p`` (its forms, and its surname when no one else bears it)."""
        text = self.text
        forms = sorted(p.forms, key=lambda f: (-len(f), f))
        sur = surname(p.name)
        surname_form = next((w for w in p.name.split()[::-1] if w.casefold().rstrip(".,") == sur), None)
        others = [q for q in self.people if q is not p and q.surname == sur] if surname_form else []
        if surname_form and len(surname_form) > 2 and (not others or self._principal(p, others)):
            forms.append(surname_form)
        spans: list[tuple[int, int]] = []
        covered: set[int] = set()  # every offset inside a longer form already found
        for form in dict.fromkeys(forms):
            for start, end in whole_words(text, form):
                glued = re.search(r"([A-Z][\w’'.-]*)\s+$", text[max(0, start - 30) : start])
                if form == surname_form and glued and any(f"{glued.group(1)} {form}" in q.forms for q in others):
                    continue  # "Andrew Vickers" is not a mention of Kevin Vickers
                if start not in covered:
                    spans.append((start, end))
                    covered.update(range(start, end))
        spans.sort()
        p.mentions = [(s, e, oblique(text, s)) for s, e in spans]

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
            relation = re.search(r"\b([A-Za-z]+),?\s+$", text[max(0, s - 30) : s])
            if relation and relation.group(1).casefold() not in _PRONOUN_WORDS:  # "his wife, Ana", "husband Tom"
                votes["f"] += 3 * bool(FEMALE.fullmatch(relation.group(1)))
                votes["m"] += 3 * bool(MALE.fullmatch(relation.group(1)))
            if oblique(text, s):
                self._roles(p, s, e)
                continue
            # pronouns inside a quotation are the speaker's, not about this person; the next two
            # sentences outside quotation marks, across a paragraph break ("X … . ¶ “…,” he said")
            nxt = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group()), text[e : e + 400])
            nxt = nxt[: next_stop(nxt, next_stop(nxt, 0))]
            # "Oduya's aunt, Gwen Oduya,": the relative is someone else, not a word about this person
            nxt = _OWNED_RELATIVE_RE.sub(lambda r: " " * len(r.group()), nxt, count=1)
            k = bisect.bisect_right(self._starts, e)
            while k < len(self._starts) and self._owners[k] == index:
                k += 1
            if k < len(self._starts) and self._starts[k] < e + len(nxt):
                nxt = nxt[: self._starts[k] - e]  # up to the next person the article names
            if reported := _REPORTED_RE.search(nxt):
                nxt = nxt[: reported.start()]  # "said the referee had done … his job": the referee's "his"
            if not reported_subject(text, s, e):
                male, female = votes_after(nxt)
                votes["m"] += male
                votes["f"] += female
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
        if ranks := _RANKED_RE.search(text[max(0, s - 24) : s]):  # "Lt.-Gen. Ana Ruiz" is "the general"
            p.roles.update(_RANKS[a] for a in re.findall(r"[A-Za-z]+", ranks.group(1).casefold()) if a in _RANKS)
        before = re.search(r"((?:[\w’'-]+[ \t]+){1,4})$", text[max(0, s - 60) : s])
        if before:
            for w in reversed(before.group(1).split()):
                lw = w.casefold()
                if lw in PREPS or lw in ("the", "a", "an", "and") or not re.fullmatch(r"[\w’'-]+", w):
                    break
                if re.fullmatch(SPEECH, lw) or re.search(r"(?:ed|ing)$", lw):
                    break
                p.roles.add(lw.removesuffix("’s").removesuffix("'s"))

    def _principal(self, p: Person, others: list[Person]) -> bool:
        """Whether a surname several people share, standing alone, means ``p``: the one the
        article names first, leaving out relatives named through someone ("her husband Tom X")."""

        def first(q: Person) -> tuple[bool, int]:
            at = min((s for f in q.forms for s, _ in whole_words(self.text, f)), default=len(self.text))
            return bool(_RELATIVE_RE.search(self.text[max(0, at - 40) : at])), at

        return first(p) < min(first(q) for q in others)

    def shared_surname(self, p: Person) -> bool:
        return self._surnames[surname(p.name)] > 1

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
            for s, _, aside in p.mentions:
                if s < at and (not subjects_only or not aside) and (best is None or s > best[0]):
                    best = (s, p)
        return best[1] if best else None

    def pronoun(
        self,
        word: str,
        at: int,
        previous: str | None = None,
        learned: dict[str, str] | None = None,
        quoted: str = "",
        exclude: str | None = None,
    ) -> str | None:
        """He/she at ``at``: the last person named as a subject before it whose gender fits (not
        ``exclude``, the one addressed),
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
            if learned.get(p.name, p.gender) in (None, gender)
            and not (quoted and self._named_in(p, quoted))
            and p.name != exclude
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
        if head in _CHIEFS:  # "the CEO": the "chief executive" too
            fits += [p for p in self.people if {"chief", _CHIEFS[head]} <= p.roles and p not in fits]
        # "the Norwegian minister": a nationality or place the article gave one person ("her
        # Norwegian counterpart, Sigrún Helgadóttir") picks that person among the ministers, or
        # is that person when no minister has it ("the Cambridge resident" with no resident: no one)
        marks = {w.casefold() for w in re.findall(r"\b[A-Z][\w’'-]*", phrase)[1 if phrase[:1].isupper() else 0 :]}
        definite = phrase.split()[0].casefold() == "the"  # "a Carrier executive" is someone new
        if definite and marks and fits and not any(marks <= p.roles for p in fits):
            marked = [p for p in self.people if marks <= p.roles]
            if len(marked) == 1:
                return marked[0].name
        if len(words) > 1 and len(fits) > 1:
            fits = [p for p in fits if set(words) <= p.roles] or fits
        if definite and len(words) == 2 and words[0] in _ORDER and (sibling := self._sibling(words[0], at)):
            return sibling
        if not fits:  # "the former teacher" of "…, who taught Grade 6": what was said of someone
            return doer(self.text, phrase, at, self.people) if definite else None
        found = self.nearest(fits, at, subjects_only=False)
        if found is None:  # named only after the quote, in its paragraph: "…," said the coach, Ann Lee
            stop = self.text.find("\n", at) % (len(self.text) + 1)
            fits = [p for p in fits if any(s < stop for s, _, _ in p.mentions)]
            found = min(fits, key=lambda p: min(s for s, _, _ in p.mentions)) if fits else None
        return found.name if found else None

    def _sibling(self, order: str, at: int) -> str | None:
        """ "the younger sister": of the two people sharing a surname named last before ``at``,
        the one the article made "the elder" / older by age, or the other."""
        last = self.nearest(self.people, at, subjects_only=False)
        pair = [p for p in self.people if last is not None and p.surname == last.surname]
        marks = [{_ORDER[r] for r in p.roles if r in _ORDER} for p in pair]
        if len(pair) != 2 or sum(len(m) for m in marks) not in (1, 2) or marks[0] == marks[1]:
            return None
        want = _ORDER[order]
        mine = [p for p, m in zip(pair, marks, strict=True) if want in m]  # else the other one
        return (mine[0] if mine else next(p for p, m in zip(pair, marks, strict=True) if not m)).name


#: "the younger sister", "the elder of the two": which of two siblings
_ORDER = {"older": "o", "elder": "o", "eldest": "o", "oldest": "o", "younger": "y", "youngest": "y"}

_read_cast = read_once(Cast)


def cast_of(text: str, names: Sequence[NameCandidate]) -> Cast:
    """The article's ``Cast``, read once per article (quotes and claims share it)."""
    return _read_cast(text, names)
