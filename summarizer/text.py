"""Text structure: an article's sentences with their offsets, and the kind of each (body,
headline, dateline, byline, caption). Pure functions of the text; reading input is ``loading``'s."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = ["Sentence", "SentenceKind", "split_sentences", "whole_words"]

_BOUNDARY_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its offsets; ``index`` is 1-based as shown to the model;
    ``kind`` tells body text from a headline, dateline, byline or caption."""

    index: int
    start: int
    end: int
    text: str
    kind: str = "body"


_MONTH = rf"(?:{'|'.join(MONTHS)})"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
# "Thursday, January 12, 2006" (Wikinews) or "date 2021-12-04", alone on a line or glued into flat text
_DATE_RE = re.compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|(?:[Dd]ate:?\s+)?\d{{4}}-\d{{2}}-\d{{2}}")
# wire datelines that open the body: "WASHINGTON (AP) — ", "LONDON, March 4 (Reuters) - "
_CITY = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*)?"
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN|BBC|dpa|Xinhua|[A-Z][\w .&-]{1,30})\)"
_WIRE_RE = re.compile(rf"(?P<city>{_CITY})(?:,?\s+{_MONTH}\s+\d{{1,2}})?\s*(?P<agency>{_AGENCY})?\s*[—–-]{{1,2}}\s+")
_BYLINE_RE = re.compile(
    r"By\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von))*(?:,\s*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})?"
)
_CAPTION_RE = re.compile(
    r"\b(?:Image|Photo|Photograph|Picture|Credit|Caption)\s*:|\(Photo\b|/(?:AP|Reuters|AFP|Getty)\b"
)
# "…in the last quarter.The company said…": scraped text loses the space after a full stop
_GLUED_RE = re.compile(r"(?<=[\w%)]{2})[.!?][\"”’')\]]*(?=[“\"‘]?[A-Z][a-z])")

SentenceKind = str  # "body" | "headline" | "dateline" | "byline" | "caption" | "blank"


def _front_matter_cuts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of headline, date, byline and wire dateline, found whether or not the
    scraped text kept its line breaks: a date or a wire dateline near the top ends the front matter."""
    out: list[tuple[int, int, str]] = []
    first = re.search(r"\S", text)
    top = first.start() if first else 0
    date = _DATE_RE.search(text, 0, 400)
    if date:
        out.append((date.start(), date.end(), "dateline"))
    wire = None
    for m in _WIRE_RE.finditer(text, 0, 500):
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line = not text[line_start : m.start()].strip()
        if at_line or m.group("agency"):
            wire = m
            break
    if wire:
        out.append((wire.start(), wire.end(), "dateline"))
    end_front = min(m.start() for m in (wire, date) if m) if (wire or date) else -1
    if end_front > top:
        before = text[top:end_front]
        by = next((b for b in _BYLINE_RE.finditer(before) if not before[b.end() :].strip()), None)
        head_end = top + (by.start() if by else len(before))
        if by:
            out.append((top + by.start(), top + by.end(), "byline"))
        head = text[top:head_end].rstrip()
        if head and not re.search(r"[.!?]$", head.split("\n")[-1].strip()) and "\n" not in head.strip():
            out.append((top, top + len(head), "headline"))
    if wire and date and date.end() < wire.start():
        gap = text[date.end() : wire.start()].rstrip()
        by = next((b for b in _BYLINE_RE.finditer(gap) if b.end() == len(gap)), None)
        if by:
            out.append((date.end() + by.start(), date.end() + by.end(), "byline"))
            before = gap[: by.start()]
            if before.strip():  # flat text: a picture's caption between the date and the byline
                s = date.end() + len(before) - len(before.lstrip())
                out.append((s, date.end() + len(before.rstrip()), "caption"))
    for line in re.finditer(r"[^\n]+", text[:800]):
        if _BYLINE_RE.fullmatch(line.group().strip()):
            s = line.start() + len(line.group()) - len(line.group().lstrip())
            out.append((s, s + len(line.group().strip()), "byline"))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Paragraph- and punctuation-based splitting that survives scraped text: glued sentences
    ("quarter.The"), no line breaks, and a headline, date, byline or wire dateline on top, which
    become sentences of their own kind so summaries and claims can skip them.

    Linear in the text: what a sentence's kind needs from its line (the line stripped, whether it
    reads as a caption) is computed once per line, never once per sentence of a long line."""
    cuts = _front_matter_cuts(text)
    spans: list[tuple[int, int, _Line]] = []
    for para in re.finditer(r"[^\n]+", text):
        bounds = {para.start(), para.end()}
        for s, e, _ in cuts:
            bounds |= {b for b in (s, e) if para.start() < b < para.end()}
        pieces = sorted(bounds)
        line = _Line(text, para.start(), para.end())
        for a, b in itertools.pairwise(pieces):
            spans.extend((s, e, line) for s, e in _split_piece(text, a, b))
    kinds = {(s + len(text[s:e]) - len(text[s:e].lstrip()), len(text[:e].rstrip())): k for s, e, k in cuts}
    doc = _Doc(text)
    sentences: list[Sentence] = []
    for s, e, line in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            kind = kinds.get((s, e)) or _kind(doc, s, e, line)
            sentences.append(Sentence(len(sentences) + 1, s, e, text[s:e], kind))
    return sentences


_CLOSERS = frozenset("\"”’')]")
_WORD_CHAR_RE = re.compile(r"[\w.]")


def _last_word(text: str, start: int, end: int) -> str | None:
    r"""The word before the final ``.``, ``!`` or ``?`` of ``text[start:end]`` (closing quotes,
    brackets and spaces may follow it): what ``re.search(r"([\w.]+)[.!?][\"”’')\]]*\s*$")`` finds,
    read backwards from the end, so a long run of skipped cuts ("Mr. Mr. …") stays linear."""
    i = end
    while i > start and text[i - 1].isspace():
        i -= 1
    while i > start and text[i - 1] in _CLOSERS:
        i -= 1
    if i <= start or text[i - 1] not in ".!?":
        return None
    j = i - 1
    while j > start and _WORD_CHAR_RE.match(text[j - 1]):
        j -= 1
    return text[j : i - 1] if j < i - 1 else None


def _split_piece(text: str, start: int, end: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    cuts = [m.end() for m in _BOUNDARY_RE.finditer(piece)] + [m.end() for m in _GLUED_RE.finditer(piece)]
    spans = []
    at = start
    for cut in sorted(set(cuts)):
        cut += start
        word = _last_word(text, at, cut)
        if word and word.lower() in ABBREVIATIONS:
            continue
        if word and len(word) == 1 and word.isupper():
            continue  # an initial, as in "John F. Kennedy"
        spans.append((at, cut))
        at = cut
    spans.append((at, end))
    return spans


class _Doc:
    """Facts about the whole text that a sentence's kind asks for, each found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        first = _NON_SPACE_RE.search(text)
        self.top = first.start() if first else len(text)  # text[:start].strip() is empty iff start <= top
        self.last = len(text.rstrip())

    def more_lines_after(self, end: int) -> bool:
        """``"\n" in text[end:].strip()``: another non-blank line follows, with text after it."""
        nxt = _NON_SPACE_RE.search(self.text, end)
        return nxt is not None and self.text.find("\n", nxt.start(), self.last) >= 0


_NON_SPACE_RE = re.compile(r"\S")


class _Line:
    """A line (paragraph) of the text; its stripped text and caption test are computed on first use."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._stripped: str | None = None
        self._caption: bool | None = None

    @property
    def stripped(self) -> str:
        if self._stripped is None:
            self._stripped = self.text[self.start : self.end].strip()
        return self._stripped

    @property
    def caption(self) -> bool:
        if self._caption is None:
            line = self.stripped
            self._caption = bool(_CAPTION_RE.search(line)) and len(line.split()) <= 60
        return self._caption


def _kind(doc: _Doc, start: int, end: int, line: _Line) -> SentenceKind:
    s = doc.text[start:end]
    if not any(c.isalnum() for c in s):
        return "blank"  # a scraper's lone " ." between paragraphs: never a claim, summary or key sentence
    if _CAPTION_RE.search(s) or line.caption:
        return "caption"
    whole_line = len(s) == len(line.stripped) and s == line.stripped
    if whole_line and not re.search(r"[.!?:;,\"”’)]$", s) and len(s.split()) <= 20 and doc.more_lines_after(end):
        first = start <= doc.top
        return "headline" if first else "caption"  # a line with no full stop: a title or a picture's caption
    if whole_line and _DATE_RE.fullmatch(s):
        return "dateline"
    return "body"


def whole_words(text: str, word: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``word`` not inside a longer word (a plain string
    search: a regex with a look-behind first scans slowly on long articles)."""
    out = []
    at = text.find(word)
    while at != -1 and word:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append((at, end))
        at = text.find(word, at + 1)
    return out
