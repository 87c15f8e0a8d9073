"""Reading an article from a path or standard input: text as text, a saved web page (by its name
or its tags) through the extractor of ``summarizer.web``."""

from __future__ import annotations

import sys
from pathlib import Path

from .article import Article, looks_like_html, read_article_bytes
from .errors import BadInputError
from .web import load_html

__all__ = ["check_path", "load_article"]


def _read(data: bytes, source: str, max_chars: int | None) -> Article:
    """Text as text; a saved web page (by its name or its tags) goes to the extractor instead."""
    if source.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(
        data[:4096].decode("utf-8", errors="replace")
    ):
        return load_html(data, source, max_chars)
    return read_article_bytes(data, source, max_chars)


def check_path(path: str | Path) -> Path:
    """The path of an article file, or the one-line error for one that is missing or a folder."""
    p = Path(path)
    if not p.exists():
        raise BadInputError(f"{p}: no such file")
    if p.is_dir():
        raise BadInputError(f"{p} is a directory; pass the article file inside it")
    return p


def load_article(path: str | Path, max_chars: int | None = None) -> Article:
    """Read a path, or standard input for ``-``; web pages are extracted (summarizer.web)."""
    if str(path) == "-":
        return _read(sys.stdin.buffer.read(), "<stdin>", max_chars)
    p = check_path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{p}: cannot read ({exc.strerror})") from None
    return _read(data, str(p), max_chars)
