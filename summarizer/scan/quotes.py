"""Quotation spans: text between quotation marks (straight, curly, guillemets, single marks).

Offsets exclude the marks; a quotation left open at a paragraph's end runs to that end, as news
style reopens every paragraph of a long quote. The title of a credited piece after a pull quote
(``"…" Anonymous blogger, "Anon declares war"``) is not a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CREDIT_LINE", "QuoteCandidate", "scan_quotes"]


@dataclass(frozen=True)
class QuoteCandidate:
    """Text between quotation marks; ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    text: str
    nested: bool = False


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
    found = [q for q in found if q.nested or not _credited_title(text, q)]
    return sorted(found, key=lambda q: (q.start, q.end))


#: a pull quote's paragraph: '"…" Anonymous blogger, "Anon declares war on …"' (the quotation, its
#: credit, the credited piece's title)
CREDIT_LINE = re.compile(
    r"\s*[“\"](?P<quote>[^“”\"\n]+)[”\"]\s+(?P<credit>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,3}),\s*"
    r"[“\"](?P<title>[^“”\"\n]{2,120})[”\"]\s*"
)


def _credited_title(text: str, q: QuoteCandidate) -> bool:
    """The title of a credited piece ending a pull quote's paragraph is not a quotation."""
    start = text.rfind("\n", 0, q.start) + 1
    m = CREDIT_LINE.fullmatch(text, start, _paragraph_end(text, q.start))
    return m is not None and m.start("title") == q.start


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
