"""Deterministic scanners that offer the model candidates: quotation spans, numbers and names.

The model then only has to point at them and add what code cannot know (speaker, what a number
measures); offsets always come from here or from the aligner, never from the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ORG_WORDS",
    "NameCandidate",
    "NumberCandidate",
    "QuoteCandidate",
    "parse_number",
    "scan_names",
    "scan_numbers",
    "scan_quotes",
]

NumberKind = Literal["number", "percent", "money", "ordinal", "word", "year", "date", "time", "label"]


@dataclass(frozen=True)
class QuoteCandidate:
    """Text between quotation marks; ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    text: str
    nested: bool = False


@dataclass(frozen=True)
class NumberCandidate:
    start: int
    end: int
    text: str
    kind: NumberKind
    value: float | None

    @property
    def is_figure(self) -> bool:
        """Dates, years, clock times and labels ("Explorer 6") are typed but not offered as figures."""
        return self.kind not in ("year", "date", "time", "label")


_OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", "„": "“"}


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl


def scan_quotes(text: str) -> list[QuoteCandidate]:
    """Find double-quoted spans (straight and curly) and single-quoted spans inside or outside them.

    A quote left open at a paragraph end runs to that paragraph's end: news style reopens every
    paragraph of a long quote and closes only the last one, so each paragraph is one candidate.
    """
    found: list[QuoteCandidate] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "“„«" or (ch == '"' and _opens_straight(text, i)):
            closer = _OPEN_CLOSE.get(ch, '"')
            closers = (closer, '"') if ch == "“" else (closer,)
            para_end = _paragraph_end(text, i)
            j = min((k for k in (text.find(c, i + 1, para_end) for c in closers) if k != -1), default=-1)
            end = j if j != -1 else para_end
            inner = text[i + 1 : end].strip()
            if inner and len(inner) > 1:
                s = text.index(inner, i + 1)
                found.append(QuoteCandidate(s, s + len(inner), inner))
                found.extend(_single_quotes(text, s, s + len(inner), nested=True))
            i = end + 1
            continue
        i += 1
    outside = _single_quotes(text, 0, n, nested=False)
    covered = [(q.start, q.end) for q in found if not q.nested]
    found.extend(q for q in outside if not any(s <= q.start < e for s, e in covered))
    return sorted(found, key=lambda q: (q.start, q.end))


def _opens_straight(text: str, i: int) -> bool:
    """A straight mark opens a quotation after a space or punctuation and before a word; also
    the misplaced ``said," For example … ".`` when a closing mark follows in the paragraph."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if (prev.isspace() or prev in "([{—–-:,") and not nxt.isspace():
        return True
    if prev in ".!?;" and (nxt.isalpha() or nxt in "[‘'") and text[i - 2 : i - 1].isalpha():
        return True  # glued text: 'in third place."We are…' opens after the full stop (only reached outside a quote)
    after = text[i + 2 : i + 3]
    return (
        prev in ",:"
        and nxt == " "
        and (after.isupper() or after == "[")
        and '"' in text[i + 1 : _paragraph_end(text, i)]
    )


_SINGLE_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))([‘'])(?=\S)(.+?)(?<=\S)([’'])(?=[\s.,;:!?)\]—–-]|$)", re.MULTILINE)


def _single_quotes(text: str, start: int, end: int, nested: bool) -> list[QuoteCandidate]:
    out = []
    for m in _SINGLE_RE.finditer(text, start, end):
        inner = m.group(2)
        if len(inner.split()) < 2 or "\n" in inner:
            continue  # a lone word in single marks is more often an apostrophe pair or a term
        out.append(QuoteCandidate(m.start(2), m.end(2), inner, nested=nested))
    return out


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
    "half": 0.5, "dozen": 12, "a quarter": 0.25, "a third": 1 / 3,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}  # fmt: skip
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)|(?:k|m|mn|bn|tn)\b)"
_NUMBER_RE = re.compile(
    rf"""
    (?P<date>\b\d{{4}}-\d{{2}}-\d{{2}}\b
      |\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?\b
      |\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s*\d{{4}})?)
    |(?P<time>\b\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?|\b\d{{1,2}}\s?[ap]\.m\.)
    |(?P<money>(?:[$€£¥]|US\$|A\$|C\$)\s?(?:{_NUM}){_SCALE}?)
    |(?P<percent>(?<![\w.])(?:{_NUM})\s?(?:%|percent\b|per\s?cent\b))
    |(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)
    |(?P<number>(?<![\w.,])(?<![A-Za-z]-)(?:{_NUM}){_SCALE}?(?![\w]))
    |(?P<word>\b(?:{"|".join(sorted(_WORDS, key=len, reverse=True))})\b
      (?:[\s-](?:{"|".join(k for k in _WORDS if _WORDS[k] >= 1)})\b)*)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_number(expr: str) -> float | None:
    """Value of a number expression: "175,000" -> 175000, "3.5 million" -> 3.5e6, "12%" -> 12.

    Returns None for text with no number in it. Number words are summed/multiplied the usual way
    ("twenty-five" -> 25, "three hundred" -> 300).
    """
    s = expr.strip().lower().replace("us$", "$").replace("a$", "$").replace("c$", "$")
    m = re.search(rf"({_NUM})\s*({_SCALE[3:-1]})?", s.replace("\u00a0", " "))
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").strip()
        return value * _SCALES.get(scale, 1.0)
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"a quarter|a third|[a-z]+", s):
        if word not in _WORDS:
            continue
        seen = True
        v = _WORDS[word]
        if v >= 1000:
            total += (current or 1) * v
            current = 0
        elif v == 100:
            current = (current or 1) * 100
        else:
            current += v
    return total + current if seen else None


_LABEL_NOUNS = {
    "post", "posts", "route", "flight", "room", "gate", "pad", "chapter", "section",
    "article", "version", "line", "platform", "level", "phase", "model", "episode", "season", "channel",
}  # fmt: skip


def _is_label(text: str, start: int) -> bool:
    """A number that names rather than counts: after a capitalised word inside a sentence
    ("Internet Explorer 6", "Boeing 747") or after a noun like "post" ("police posts 542")."""
    m = re.search(r"([A-Za-z][\w.’'-]*)\s+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if word == "No." or word.casefold() in _LABEL_NOUNS:
        return True
    if not word[:1].isupper():
        return False
    word_start = start - len(m.group(0))
    return not re.search(r"(?:^|[.!?:“\"\n]\s*)$", text[max(0, word_start - 3) : word_start])


def scan_numbers(text: str) -> list[NumberCandidate]:
    """Every number expression with a kind; years 1800-2100 standing alone are typed ``year``."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        kind = m.lastgroup or "number"
        raw = m.group(0)
        if kind == "number":
            digits = raw.replace(",", "")
            if re.fullmatch(r"1[89]\d\d|20\d\d|2100", digits):
                kind = "year"
        if kind == "word" and raw.lower() in ("one",):
            continue  # "one" is mostly a pronoun ("one of the ...")
        if kind == "number" and _is_label(text, m.start()):
            kind = "label"
        value = None if kind in ("date", "time") else parse_number(raw)
        out.append(NumberCandidate(m.start(), m.end(), raw, kind, value))  # type: ignore[arg-type]
    return out


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    text: str


_TITLES = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "governor", "senator", "mayor", "general", "director", "chairman", "chairwoman", "ceo", "king",
    "queen", "prince", "princess", "pope", "judge", "officer", "chief", "commissioner", "ambassador",
    "prime", "press", "defense", "defence", "foreign", "interior", "health", "finance", "justice",
    "vice", "deputy", "representative", "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "prof", "lt",
    "sgt", "col", "gen", "captain", "commander", "professor", "councillor", "councilor", "leader",
}  # fmt: skip
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "i", "according", "however", "but", "and", "the", "a", "an", "in", "on",
    "at", "it", "he", "she", "they", "we", "this", "that", "these", "those", "there", "next", "last",
    "during", "after", "before", "while", "when", "if", "as", "for", "with", "from", "his", "her",
    "their", "our", "its", "mr", "mrs", "ms", "dr", "what", "who", "also", "some", "many", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "image", "photo",
    "file", "picture", "yesterday", "today", "tomorrow", "though", "although", "because", "since",
    "meanwhile", "earlier", "later", "then", "now", "so", "yet", "or", "nor", "not", "no",
}  # fmt: skip
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "inc", "ltd", "lt", "mt", "no", "vs"}
_CONNECTORS = {"of", "de", "del", "da", "van", "von", "al", "bin", "for", "the", "la", "le"}
_WORD_RE = re.compile(r"[^\W\d_][\w’'.&-]*")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _ends_sentence(word: str) -> bool:
    """A trailing period ends a run unless the word is an initial or acronym ("F.", "U.S.")."""
    return word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word) and word[:-1].casefold() not in _ABBREVIATIONS


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
        elif word in _CONNECTORS and current and joined and i + 1 < len(words) and _is_cap(words[i + 1][1]):
            current.append((pos, word))
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
        titles = [i for i, (_, w) in enumerate(clean) if w.casefold().rstrip(".") in _TITLES]
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
            org = left[-1].casefold() in ORG_WORDS or left[-1].casefold() in _TITLES
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
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


ORG_WORDS = {
    "council", "department", "office", "ministry", "agency", "university", "institute", "party",
    "association", "society", "committee", "commission", "bureau", "board", "court", "nations",
    "union", "league", "federation", "corporation", "company", "group", "news", "times", "post",
    "relations", "foundation", "center", "centre", "museum", "college", "school", "force", "army",
    "navy", "police", "service", "gazette", "magazine", "network", "authority", "organization",
    "organisation", "institution", "administration", "government", "parliament", "assembly",
}  # fmt: skip
