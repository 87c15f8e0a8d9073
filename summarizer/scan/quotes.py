"""Quotation spans: text between quotation marks (straight, curly, guillemets, single marks).

Offsets exclude the marks; a quotation left open at a paragraph's end runs to that end, as news
style reopens every paragraph of a long quote. The title of a credited piece after a pull quote
(``"…" Anonymous blogger, "Anon declares war"``) is not a quotation. Scraped text that lost its
paragraph breaks and the space after full stops ("glued") keeps those paragraphs as straight marks
between sentences (``risk."No one's``, ``stop to it.""I am``): each closes one paragraph's
quotation and may open the next (see ``_continues``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import SPEECH

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
    reopen = False  # the straight mark at ``i`` closed the previous quotation and opens the next
    while i < n:
        ch = text[i]
        if ch in "“„«" or (ch == '"' and (reopen or _opens_straight(text, i))):
            reopen = False
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
            if ch == '"' and j != -1 and (_opens_after_space(text, j) or _continues(text, j, para_end)):
                i, reopen = j, True
                continue
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
    if prev in ".!?;" and (nxt.isalpha() or nxt in "[‘'") and _word_end(text[i - 2 : i - 1]):
        return True  # glued text: 'in third place."We are…' opens after the full stop (only reached outside a quote)
    if prev == '"' and text[i - 2 : i - 1] in tuple(".!?,") and (nxt.isalpha() or nxt in "[‘'"):
        return True  # glued paragraphs: 'stop to it.""I am in awe…' closes one quotation, opens the next
    after = text[i + 2 : i + 3]
    return (
        prev in ",:"
        and nxt == " "
        and (after.isupper() or after == "[")
        and '"' in text[i + 1 : _paragraph_end(text, i)]
    )


def _word_end(ch: str) -> bool:
    """What a sentence's last word can end with before its full stop: '…place.', '…(no relation).'"""
    return ch.isalnum() or (ch != "" and ch in ")]’'%")


def _glued_boundary(text: str, j: int) -> bool:
    """``risk."No``: a straight mark between a sentence's end and the next word, no space between.
    Glued text (paragraph breaks and the space after full stops lost) leaves such a mark where one
    paragraph ended and the next began."""
    nxt = text[j + 1 : j + 2]
    return text[j - 1 : j] in tuple(".!?") and (nxt.isalpha() or nxt in tuple("[‘'"))


#: 'said,' just before a straight mark: the mark opens what was said
_SPEECH_COMMA = re.compile(rf"\b(?:{SPEECH})[,:]$")


def _looks_closing(text: str, k: int) -> bool:
    """A straight mark that ends a quotation: glued to the word or punctuation before it, and not
    to a word after it; not the misplaced opener of ``Wilkins said," [Warhol] liked…``."""
    prev = text[k - 1 : k]
    if prev == "" or prev.isspace() or prev in "([{—–-" or text[k + 1 : k + 2].isalnum():
        return False
    return _SPEECH_COMMA.search(text, max(0, k - 40), k) is None


def _opens_after_space(text: str, j: int) -> bool:
    """A mark after a space and before a word (``at risk. "No one's``, ``statement added, "There``)
    opens a quotation even where one is still open: flattened text joined the paragraphs of a long
    quotation, or the writer never closed the last one; it ends the open quotation there."""
    return text[j - 1 : j].isspace() and _opens_straight(text, j)


def _continues(text: str, j: int, para_end: int) -> bool:
    """The mark at ``j`` closing a straight quotation also opens the next one.

    News reopens every paragraph of a long quotation and closes only the last, so glued, ``…at
    risk."No one's right … speak."`` is two paragraphs of one quotation. But glued text also
    writes ``location."The accident…`` (the quotation ended) and ``uncrowded."Had it…`` (one
    begins after the writer's sentence) the same way. So count the glued marks after ``j`` up to
    the first plain one: if closing at ``j`` and then alternating open/close over them cannot end
    in the right state for that plain mark (a closer needs a quotation open, an opener or the
    paragraph's end needs none), the quotation must go on at ``j``; when both readings fit
    (``named "Robogee."Teams … transit."Seventeen years ago…,"``) it ends there."""
    if not _glued_boundary(text, j):
        return False
    glued = 0
    k = text.find('"', j + 1, para_end)
    while k != -1 and _glued_boundary(text, k):
        glued += 1
        k = text.find('"', k + 1, para_end)
    closes = k != -1 and _looks_closing(text, k)
    # closing at j leaves us outside; each glued mark after it toggles
    return closes != (glued % 2 == 1)


_SINGLE_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))([‘'])(?=\S)(.+?)(?<=\S)([’'])(?=[\s.,;:!?)\]—–-]|$)", re.MULTILINE)


def _single_quotes(text: str, start: int, end: int, nested: bool) -> list[QuoteCandidate]:
    out = []
    for m in _SINGLE_RE.finditer(text, start, end):
        inner = m.group(2)
        if len(inner.split()) < 2 or "\n" in inner:
            continue  # a lone word in single marks is more often an apostrophe pair or a term
        out.append(QuoteCandidate(m.start(2), m.end(2), inner, nested=nested))
    return out
