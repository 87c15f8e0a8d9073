"""Align text the model wrote with the article, so every presented item carries real offsets.

Matching is tried in order and the first hit wins:

1. ``exact``: the text occurs verbatim.
2. ``normalized``: equal after case folding, mapping every quotation mark to ``'``, every dash
   to ``-`` and collapsing whitespace (small models rewrite curly quotes and dashes).
3. ``fuzzy``: rapidfuzz ``partial_ratio_alignment`` (normalised Indel similarity of the best
   window) at or above ``FUZZY_THRESHOLD``. Never used for quotes, which must be verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from .models import MatchStatus

__all__ = ["FUZZY_THRESHOLD", "Alignment", "align", "content_tokens", "find_mentions", "normalize", "stem", "tokens"]

FUZZY_THRESHOLD = 90.0

_QUOTES = "\"'“”‘’«»„‚`´"
_DASHES = "‐‑‒–—―−"
_TRANS = str.maketrans({**{c: "'" for c in _QUOTES}, **{c: "-" for c in _DASHES}})


@dataclass(frozen=True)
class Alignment:
    start: int
    end: int
    status: MatchStatus


def _normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, for each of its characters, the index of the source character."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
            continue
        prev_space = False
        for c in ch.translate(_TRANS).casefold():
            out.append(c)
            index.append(i)
    return "".join(out), index


class _Views:
    """What lookups derive from one article, each made once: its lowered and normalised forms and
    the mentions already found (merging and linking actors look the same names up again and
    again: on a 200,000-character article, 2,000 lookups, each a scan of the text)."""

    def __init__(self, article: str) -> None:
        self.article = article
        self.mentions: dict[str, tuple[tuple[int, int], ...]] = {}

    @cached_property
    def lowered(self) -> str:
        """For a cheap test before the case-insensitive scan, which compiles a pattern."""
        return self.article.lower()

    @cached_property
    def normalized(self) -> tuple[str, list[int]]:
        return _normalize_with_map(self.article)


@lru_cache(maxsize=2)
def _views(article: str) -> _Views:
    """The last two articles' views only, so a long-running server holds no more."""
    return _Views(article)


def normalize(text: str) -> str:
    """The comparison form used by the ``normalized`` stage (and by the eval's quote matching):
    the same string as ``_normalize_with_map`` builds character by character, made by three
    C-level passes (5x faster; a 200k-character article normalises thousands of snippets)."""
    return _SPACES.sub(" ", text.translate(_TRANS).casefold()).strip()


_SPACES = re.compile(r"\s+")


def _strip_marks(text: str) -> str:
    return text.strip().strip(_QUOTES).strip()


def align(article: str, text: str, *, allow_fuzzy: bool = True, near: int | None = None) -> Alignment | None:
    """Locate ``text`` in ``article``; with ``near``, the occurrence closest to that offset wins."""
    needle = text if text.strip() else ""
    if not needle:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), article)]
    if hits:
        start = min(hits, key=lambda h: abs(h - near)) if near is not None else hits[0]
        return Alignment(start, start + len(needle), "exact")
    stripped = _strip_marks(needle)
    if stripped and stripped != needle:
        inner = align(article, stripped, allow_fuzzy=False, near=near)
        if inner is not None:
            return inner
    norm_article, index = _views(article).normalized
    norm_needle = normalize(stripped or needle)
    if not norm_needle:
        return None
    nhits = [m.start() for m in re.finditer(re.escape(norm_needle), norm_article)]
    if nhits:
        h = min(nhits, key=lambda x: abs(index[x] - near)) if near is not None else nhits[0]
        return Alignment(index[h], index[h + len(norm_needle) - 1] + 1, "normalized")
    if not allow_fuzzy or len(norm_needle) < 8:
        return None
    res = fuzz.partial_ratio_alignment(norm_needle, norm_article, score_cutoff=FUZZY_THRESHOLD)
    if res is None or res.dest_end <= res.dest_start:
        return None
    start, end = index[res.dest_start], index[res.dest_end - 1] + 1
    while start < end and article[start].isspace():
        start += 1
    return Alignment(start, end, "fuzzy")


def find_mentions(article: str, name: str) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive-first occurrences of a name (case-insensitive as a fallback)."""
    found = _views(article).mentions
    if name not in found:
        found[name] = tuple(_find_mentions(article, name))
    return list(found[name])


def _find_mentions(article: str, name: str) -> list[tuple[int, int]]:
    name = _strip_marks(name)
    if len(name) < 2:
        return []
    spans = _whole_words(article, name)
    if not spans and name.lower() in _views(article).lowered:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        spans = [(m.start(), m.end()) for m in pattern.finditer(article)]
    if not spans:
        norm_article, index = _views(article).normalized
        norm = normalize(name)
        for m in re.finditer(rf"(?<!\w){re.escape(norm)}(?!\w)", norm_article):
            spans.append((index[m.start()], index[m.end() - 1] + 1))
    return spans


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _whole_words(article: str, name: str) -> list[tuple[int, int]]:
    r"""``(?<!\w)name(?!\w)`` found with ``str.find``: the same spans without compiling a pattern
    per name (Python's regex cache holds 512, and a long article asks for thousands)."""
    spans: list[tuple[int, int]] = []
    at = article.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not _is_word(article[at - 1])) and (end == len(article) or not _is_word(article[end])):
            spans.append((at, end))
            at = article.find(name, end)
        else:
            at = article.find(name, at + 1)
    return spans


_STOP = frozenset(
    (
        "a an the and or but of to in on at by for with from as is are was were be been being it its this that "
        "these those has have had will would could should may might can said says say he she they his her their "
        "them we our you your i not no than then so if into over about after before also who which what when "
        "where while there up out more most other some such only own same too very just do does did"
    ).split()
)


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", normalize(text))


def stem(t: str) -> str:
    return t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t


def content_tokens(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t not in _STOP]
