"""Web pages in: fetch a URL (bounded in time, size and redirects) and extract the article's text.

trafilatura does the extraction and never fetches anything itself: the page arrives as bytes from
``load_url`` (summarizer.fetch: httpx, addresses checked, one deadline) or from a saved file.
Navigation, cookie banners, related links and footers stay behind; offsets of the summary refer to
the extracted text, which the output carries as ``article`` so that ``article[start:end]`` can be
checked. Title, author, date and URL go to ``Article.web`` and from there to ``meta.source_*``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from .article import Article, WebSource, read_article_bytes
from .errors import FetchError, NoArticleError
from .fetch import MAX_PAGE_BYTES, MAX_REDIRECTS, Page, fetch_page, public_url

if TYPE_CHECKING:
    import anyio

__all__ = ["MAX_PAGE_BYTES", "MAX_REDIRECTS", "MIN_ARTICLE_WORDS", "is_url", "load_html", "load_url", "load_url_async"]

MIN_ARTICLE_WORDS = 25  # fewer words left after extraction: a menu, a teaser or a consent wall
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

# trafilatura and its helpers log discarded elements at WARNING; with no logging configured Python
# would print them on stderr next to the CLI's output. Configured handlers still receive them.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def is_url(spec: str) -> bool:
    """Anything with a scheme (``https://``, ``ftp://``, ``file://``) is a URL, not a file name."""
    return bool(_SCHEME_RE.match(spec))


def load_html(data: bytes | str, source: str, max_chars: int | None, *, max_bytes: int = MAX_PAGE_BYTES) -> Article:
    """The main text of a web page, with what the page says about itself in ``Article.web``."""
    import trafilatura

    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if size > max_bytes:
        raise FetchError(
            f"{source} is {size:,} bytes, above the {max_bytes:,}-byte limit for a web page; "
            "save the article's text and pass that"
        )
    url = source if is_url(source) else None
    doc: Any = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    text = ((doc.text if doc is not None else None) or "").strip()
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        raise NoArticleError(
            f"{source}: found no article text in the page ({words} words left after removing navigation "
            "and boilerplate); pass the article's own page, or save its text and pass that"
        )
    article = Article.from_text(text, source=source, max_chars=max_chars, markup_ok=True)
    web = WebSource(
        title=_clean(doc.title),
        author=_clean(doc.author),
        date=_clean(doc.date),
        url=url or _clean(doc.url),
    )
    return replace(article, web=web)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def load_url(
    url: str,
    *,
    max_chars: int | None,
    timeout: float = 30,
    max_bytes: int = MAX_PAGE_BYTES,
    allow_private: bool = True,
) -> Article:
    """Fetch a page over HTTP(S) and extract its article; every failure is one ``FetchError`` line.

    ``allow_private=False`` is the service's policy (summarizer.fetch): public addresses only."""
    import anyio

    return anyio.run(
        partial(
            load_url_async, url, max_chars=max_chars, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private
        )
    )


async def load_url_async(
    url: str,
    *,
    max_chars: int | None,
    timeout: float = 30,
    max_bytes: int = MAX_PAGE_BYTES,
    allow_private: bool = True,
    limiter: anyio.CapacityLimiter | None = None,
) -> Article:
    """``load_url`` for an event loop: the fetch waits on sockets, never on a thread; decoding and
    extraction (CPU) run in a worker thread, at most ``limiter``'s number at once."""
    import anyio.to_thread

    if not is_url(url) or url.split("://", 1)[0].lower() not in ("http", "https"):
        raise FetchError(
            f"{public_url(url)}: only http:// and https:// URLs can be fetched; save the page and pass the file"
        )
    page = await fetch_page(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    source = public_url(url)
    work = partial(_article_of, page, source, max_chars, max_bytes)
    return await anyio.to_thread.run_sync(work, limiter=limiter)


def _article_of(page: Page, source: str, max_chars: int | None, max_bytes: int) -> Article:
    text = _decode(page.data, page.charset)
    if page.content_type == "text/plain":
        if isinstance(text, str):
            article = Article.from_text(text, source=source, max_chars=max_chars)
        else:
            article = read_article_bytes(text, source, max_chars)  # strict UTF-8, as for files
        return replace(article, web=WebSource(url=page.url))
    article = load_html(text, source, max_chars, max_bytes=max_bytes)
    assert article.web is not None
    return replace(article, web=replace(article.web, url=page.url))


def _decode(data: bytes, charset: str | None) -> bytes | str:
    """Text in the charset the server declared; bytes (left to the reader to detect) otherwise."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return data
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data
