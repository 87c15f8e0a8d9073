"""Name candidates: runs of capitalised words that may be actors, split at titles and joins.

The titles, organisation words and abbreviations are ``summarizer.lexicon``'s, shared with
attribution and actors, which must tell a title or a body from a person the same way.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..lexicon import ABBREVIATIONS, MONTHS, ORG_WORDS, TITLE_ABBREVIATIONS, TITLES, WEEKDAYS
from ..text import whole_words

__all__ = ["LINE_NAME", "NAME", "NameCandidate", "countries", "regions", "scan_names"]


#: a person's title written with its full stop ("Sen.", "Dr.", "Prof."): the lexicon's abbreviations
_TITLE = "|".join(sorted(w.capitalize() for w in TITLE_ABBREVIATIONS))
#: one word of a name: a title or "St.", "Mt.", "Jr.", "Sr." with its stop, initials ("J.D.", "U.S."), or a
#: capitalised word ("Kwok-hing", "O’Rourke")
_NAME_WORD = rf"(?:(?:{_TITLE}|St|Mt|Jr|Sr)\.|(?:[A-Z]\.)+|[A-Z][\w’'-]*)"
#: A person's, party's or place's name inside a larger pattern (a race's candidates, a figure's owner): an
#: optional title, then one to four words ("Jacob Reyes", "Sen. Warren", "J.D. Vance", "Wong Kwok-hing",
#: "St. Onge", "Gov. Ana Maria Del Toro"). It has no group, so ``re.findall`` gives whole names. A full stop
#: belongs only to initials or an abbreviation, never to a plain word: "Brandt." at a sentence's end is
#: "Brandt", and the name stops there.
NAME = rf"(?:(?:{_TITLE})\.\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
#: ``NAME`` kept within one line, for readers of lists and headings ("Hillary Clinton: 1,769."), where the line
#: before a name is another item, never part of it
LINE_NAME = rf"(?:(?:{_TITLE})\.[^\S\n]+)?{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,3}}"


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    text: str


_NOT_NAMES = {w.casefold() for w in WEEKDAYS + MONTHS} | {
    "i", "according", "however", "but", "and", "the", "a", "an", "in", "on",
    "at", "it", "he", "she", "they", "we", "this", "that", "these", "those", "there", "next", "last",
    "during", "after", "before", "while", "when", "if", "as", "for", "with", "from", "his", "her",
    "their", "our", "its", "mr", "mrs", "ms", "dr", "what", "who", "also", "some", "many", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "image", "photo",
    "file", "picture", "yesterday", "today", "tomorrow", "though", "although", "because", "since",
    "meanwhile", "earlier", "later", "then", "now", "so", "yet", "or", "nor", "not", "no",
}  # fmt: skip
#: lower-case words inside a name ("Church of Scientology", "Luana Ferreira dos Santos", "Maria do Carmo")
_CONNECTORS = {"of", "de", "del", "da", "das", "do", "dos", "van", "von", "al", "bin", "for", "the", "la", "le"}
#: a connector that may follow another inside a name ("Ursula von der Leyen", "Rafael van der Vaart")
_INNER_CONNECTORS = {"der", "den", "de", "la", "le", "los", "las"}
#: an Arabic article glued to a surname, lower case inside a name ("Hassan el-Nour", "Osman al-Tayeb")
_GLUED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ud|ul)-[A-Z][\w’'-]*")
_WORD_RE = re.compile(r"[^\W\d_](?:[\w’'&-]|\.(?![A-Z][a-z]))*")  # 'Burnell.The' in glued text is two words


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _ends_sentence(word: str) -> bool:
    """A trailing period ends a run unless the word is an initial or acronym ("F.", "U.S.")."""
    return word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word) and word[:-1].casefold() not in ABBREVIATIONS


def scan_names(text: str, sentence_starts: set[int] | None = None) -> list[NameCandidate]:
    """Runs of capitalised words that may be actors ("Oleksii Reznikov", "White House", "NATO").

    Runs stay within one line and one sentence and may contain connectors ("Church of
    Scientology"). A title in the run ("White House Press Secretary Jen Psaki") splits it: the
    words after the last title are the name, the words before it another candidate. Possessive
    endings are dropped; sentence-initial single words that also occur in lower case ("Tensions")
    and calendar words are skipped. Candidates are unique by text; the first offset is kept.
    """
    starts = sentence_starts or set()
    lowered = {w.casefold() for w in re.findall(r"\b[a-z][\w’'-]*\b", text)}
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(text)]
    runs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for i, (pos, word) in enumerate(words):
        prev = current[-1] if current else None
        joined = (
            prev is not None
            and text[prev[0] + len(prev[1]) : pos] == " "
            and not _ends_sentence(prev[1])
            and not prev[1].endswith(("’s", "'s"))
        )
        if _is_cap(word) and (joined or not current):
            current.append((pos, word))
        elif _is_cap(word):
            runs.append(current)
            current = [(pos, word)]
        elif current and joined and _GLUED_PARTICLE.fullmatch(word):
            current.append((pos, word))  # "Abdelmoneim el-Nour"
        elif word in _CONNECTORS and current and joined and i + 1 < len(words) and _is_cap(words[i + 1][1]):
            current.append((pos, word))
        elif (
            word in _CONNECTORS
            and current
            and joined
            and i + 2 < len(words)
            and words[i + 1][1] in _INNER_CONNECTORS
            and _is_cap(words[i + 2][1])
        ):
            current.append((pos, word))  # "von" of "von der Leyen"; "der" joins as a connector below
        elif word in _INNER_CONNECTORS and current and joined and current[-1][1] in _CONNECTORS:
            if i + 1 < len(words) and _is_cap(words[i + 1][1]):
                current.append((pos, word))
            else:
                runs.append(current[:-1])
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)

    seen: dict[str, NameCandidate] = {}
    for run in runs:
        clean = [
            (p, re.sub(r"(?:’s|'s|[.,’'])$", "", w) if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w) for p, w in run
        ]
        titles = [i for i, (_, w) in enumerate(clean) if w.casefold().rstrip(".") in TITLES]
        parts = [clean[titles[-1] + 1 :]] if titles else [clean]
        if titles and titles[0] >= 2:
            parts.append(clean[: titles[0]])  # "White House" in "White House Press Secretary Jen Psaki"
        for part in [piece for p in parts for piece in _split_run(p)]:
            if len(part) > 1 and _opens_sentence(text, part[0][0]) and part[0][1].casefold() in lowered:
                part = part[1:]  # "Yesterday Mohamed", "Though YouTube"
            while part and (part[0][1].casefold() in _NOT_NAMES or part[0][1] in _CONNECTORS):
                part = part[1:]
            while part and part[-1][1] in _CONNECTORS:
                part = part[:-1]
            if not part:
                continue
            start, end = part[0][0], part[-1][0] + len(part[-1][1])
            name = text[start:end]
            if len(part) == 1:
                word = part[0][1]
                if len(word) < 2 or "’" in word or "'" in word:
                    continue
                initial = start in starts or _opens_sentence(text, start)
                if initial and (word.casefold() in lowered or (not word.isupper() and _occurrences(text, word) == 1)):
                    continue  # "Tensions rose", "Cool clock" opening a quotation
            if name not in seen:
                seen[name] = NameCandidate(start, end, name)
    return sorted(seen.values(), key=lambda c: c.start)


def _split_run(part: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split a run of capitalised words where it joins two names: at a capitalised function word
    inside it ("Washington D.C. The"), and at "of" that ties a person to a body ("Michael Tien
    of NPP", "Cheng Chung-tai of Civic Passion"; "Church of Scientology" stays whole)."""
    pieces: list[list[tuple[int, str]]] = [[]]
    for i, (pos, word) in enumerate(part):
        if i and word.casefold() in _NOT_NAMES and word[:1].isupper():
            pieces.append([])
            continue
        rest = [w for _, w in part[i:]]
        if (
            i >= 2
            and part[i - 1][1].casefold() in ORG_WORDS
            and len(rest) >= 2
            and pieces[-1]
            and all(w[:1].isupper() for w in rest)
            and "of" not in rest
        ):
            pieces.append([])  # "Council of American-Islamic Relations Alia Salem"
        if word == "of" and pieces[-1]:
            left = [w for _, w in pieces[-1]]
            right = [w for _, w in part[i + 1 :]]
            org = left[-1].casefold() in ORG_WORDS or left[-1].casefold() in TITLES
            if right and ((right[0].isupper() and len(right[0]) >= 2) or (len(left) >= 2 and not org)):
                pieces.append([])
                continue
        pieces[-1].append((pos, word))
    return [p for p in pieces if p]


def _opens_sentence(text: str, start: int) -> bool:
    """Preceded by the start of the text, a line break, a sentence end or an opening quotation."""
    before = text[max(0, start - 4) : start]
    return start == 0 or bool(re.search(r"(?:^|\n|[.!?:]\s+|[.!?:]?\s*[“\"‘(\[—–-])\s*$", before))


def _occurrences(text: str, word: str) -> int:
    return len(whole_words(text, word))


def _listed(file: str) -> frozenset[str]:
    lines = (resources.files("summarizer") / "data" / file).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def countries() -> frozenset[str]:
    """Country names and their common short forms (package data from GeoNames, see NOTICE)."""
    return _listed("countries.txt")


@functools.cache
def regions() -> frozenset[str]:
    """States, provinces, the UK's nations and continents (package data, written by hand)."""
    return _listed("regions.txt")
