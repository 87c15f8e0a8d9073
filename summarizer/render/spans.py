"""Turn overlapping highlight spans into well-formed nested markup tokens.

Spans over an article overlap freely (an actor inside a quote, claim evidence crossing a quote's
end). HTML elements must nest, so a span that crosses the end of an enclosing one is closed there
and reopened as a second fragment. Every fragment knows its own offsets, so the text inside any
element is always ``text[fragment.start:fragment.end]``, and the text between the tags,
concatenated, is exactly the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Close", "Fragment", "Highlight", "Open", "Text", "Token", "build_tokens"]


@dataclass(frozen=True)
class Highlight:
    """One span to mark: ``anchor`` names the span (link target), ``item`` the item it belongs to."""

    start: int
    end: int
    kind: str
    item: str
    anchor: str
    title: str = ""
    rank: int = 0  # among spans with the same offsets, a lower rank is placed outside


@dataclass
class Fragment:
    """A contiguous piece of one highlight, rendered as one element."""

    highlight: Highlight
    start: int
    end: int = -1
    part: int = 1
    first: bool = True  # the first fragment carries the anchor id
    parts: list[Fragment] = field(default_factory=list, repr=False)  # all fragments of the highlight


@dataclass(frozen=True)
class Open:
    fragment: Fragment
    kind: str = "open"


@dataclass(frozen=True)
class Close:
    fragment: Fragment
    kind: str = "close"


@dataclass(frozen=True)
class Text:
    text: str
    kind: str = "text"


Token = Open | Close | Text


def build_tokens(text: str, highlights: Iterable[Highlight]) -> list[Token]:
    """Sweep the sorted boundaries once, keeping a stack of open fragments.

    At a boundary, every fragment above the innermost one that ends there is closed too, then
    the ones that go on are reopened together with the spans starting there, longest outermost,
    so a crossing splits as few fragments as it must. Empty and out-of-range spans are dropped.
    """
    spans = sorted(
        (h for h in highlights if 0 <= h.start < h.end <= len(text)),
        key=lambda h: (h.start, -h.end, h.rank),
    )
    boundaries = sorted({0, len(text)} | {h.start for h in spans} | {h.end for h in spans})
    tokens: list[Token] = []
    stack: list[Fragment] = []
    parts: dict[int, list[Fragment]] = {}
    nxt = 0
    pos = 0
    for b in boundaries:
        if b > pos:
            tokens.append(Text(text[pos:b]))
            pos = b
        reopen: list[Highlight] = []
        if any(f.highlight.end == b for f in stack):
            while any(f.highlight.end == b for f in stack):
                frag = stack.pop()
                frag.end = b
                tokens.append(Close(frag))
                if frag.highlight.end != b:
                    reopen.append(frag.highlight)
        starting = list(reopen)
        while nxt < len(spans) and spans[nxt].start == b:
            starting.append(spans[nxt])
            nxt += 1
        starting.sort(key=lambda h: (-h.end, h.rank, h.start))
        for h in starting:
            siblings = parts.setdefault(id(h), [])
            frag = Fragment(h, start=b, part=len(siblings) + 1, first=not siblings, parts=siblings)
            siblings.append(frag)
            stack.append(frag)
            tokens.append(Open(frag))
    assert not stack, "every span ends at a boundary"
    return tokens
