"""Load an article and refuse what is not article text, before anything is sent or cached.

Offsets everywhere refer to ``Article.text``: the file decoded as UTF-8 and nothing else
(line endings and quote characters are kept), so ``text[start:end]`` is what the reader sees.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInputError

__all__ = [
    "Article",
    "Sentence",
    "WebSource",
    "load_article",
    "looks_like_html",
    "read_article_bytes",
    "split_sentences",
]

_HTML_RE = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|script|meta)\b", re.IGNORECASE)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr",
    "sr", "inc", "corp", "ltd", "co", "vs", "no", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
}  # fmt: skip
_BOUNDARY_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its offsets; ``index`` is 1-based as shown to the model."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class WebSource:
    """What a web page said about itself; the article text is what was extracted from it."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Article:
    text: str
    source: str = "<text>"
    sha256: str = ""
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)
    web: WebSource | None = None  # set when the text was extracted from a web page (summarizer.web)

    @classmethod
    def from_text(
        cls, text: str, source: str = "<text>", max_chars: int | None = None, *, markup_ok: bool = False
    ) -> Article:
        _check_text(text, source, max_chars, markup_ok)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(text=text, source=source, sha256=digest, sentences=tuple(split_sentences(text)))

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


def _check_text(text: str, source: str, max_chars: int | None, markup_ok: bool = False) -> None:
    if not text.strip():
        raise BadInputError(f"{source} is empty: give it an article's text")
    if max_chars is not None and len(text) > max_chars:
        raise BadInputError(
            f"{source} has {len(text):,} characters, above the limit of {max_chars:,}; "
            "pass a single article or raise --max-chars"
        )
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(8, len(text[:65536]) // 100):
        raise BadInputError(f"{source} looks like a binary file, not article text")
    if not markup_ok and looks_like_html(text):
        raise BadInputError(
            f"{source} looks like an HTML page; pass the page file or its URL to summarize "
            "(or summarizer.web.load_html), which extract the article's text"
        )


def looks_like_html(text: str) -> bool:
    """Tags near the start: a saved web page, to be extracted rather than read as text."""
    return bool(_HTML_RE.search(text[:4096])) and text.count("<") > 5


def read_article_bytes(data: bytes, source: str, max_chars: int | None = None) -> Article:
    """Decode bytes strictly as UTF-8 (a BOM is dropped); anything else is refused, not guessed."""
    if max_chars is not None and len(data) > 4 * max_chars + 4:
        raise BadInputError(
            f"{source} is {len(data):,} bytes, above the limit of {max_chars:,} characters; "
            "pass a single article or raise --max-chars"
        )
    if b"\x00" in data[:65536]:
        raise BadInputError(f"{source} looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(
            f"{source} is not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    return Article.from_text(text, source=source, max_chars=max_chars)


def _read(data: bytes, source: str, max_chars: int | None) -> Article:
    """Text as text; a saved web page (by its name or its tags) goes to the extractor instead."""
    if source.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(
        data[:4096].decode("utf-8", errors="replace")
    ):
        from .web import load_html

        return load_html(data, source, max_chars)
    return read_article_bytes(data, source, max_chars)


def load_article(path: str | Path, max_chars: int | None = None) -> Article:
    """Read a path, or standard input for ``-``; web pages are extracted (summarizer.web)."""
    if str(path) == "-":
        return _read(sys.stdin.buffer.read(), "<stdin>", max_chars)
    p = Path(path)
    if not p.exists():
        raise BadInputError(f"{p}: no such file")
    if p.is_dir():
        raise BadInputError(f"{p} is a directory; pass the article file inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{p}: cannot read ({exc.strerror})") from None
    return _read(data, str(p), max_chars)


def split_sentences(text: str) -> list[Sentence]:
    """Paragraph- and punctuation-based splitting; good enough to number sentences for pointing."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for boundary in _BOUNDARY_RE.finditer(para.group()):
            cut = para.start() + boundary.end()
            word = re.search(r"([\w.]+)[.!?][\"”’')\]]*\s+$", text[start:cut])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial, as in "John F. Kennedy"
            spans.append((start, cut))
            start = cut
        spans.append((start, para.end()))
    sentences: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(len(sentences) + 1, s, e, text[s:e]))
    return sentences
