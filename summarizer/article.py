"""An article: its text, checked to be article text before anything is sent or cached, and its
sentences (``summarizer.text``).

Offsets everywhere refer to ``Article.text``: the file decoded as UTF-8 and nothing else
(line endings and quote characters are kept), so ``text[start:end]`` is what the reader sees.
Reading files, standard input and saved web pages is ``summarizer.loading``'s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .errors import BadInputError
from .text import Sentence, split_sentences

__all__ = ["Article", "WebSource", "looks_like_html", "read_article_bytes"]

_HTML_RE = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|script|meta)\b", re.IGNORECASE)


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

    @property
    def body(self) -> list[Sentence]:
        """Sentences of the story itself: no headline, dateline, byline or caption."""
        return [s for s in self.sentences if s.kind == "body"]

    def lead(self, n: int = 3) -> list[Sentence]:
        """The classic news baseline: the first ``n`` body sentences."""
        return self.body[:n]

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
