"""Web pages in: fetch a URL (bounded in time, size and redirects) and extract the article's text.

trafilatura does the extraction and never fetches anything itself: the page arrives as bytes from
``load_url`` (httpx) or from a saved file. Navigation, cookie banners, related links and footers
stay behind; offsets of the summary refer to the extracted text, which the output carries as
``article`` so that ``article[start:end]`` can be checked. Title, author, date and URL go to
``Article.web`` and from there to ``meta.source_*``.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .article import Article, WebSource, read_article_bytes
from .errors import FetchError, NoArticleError

__all__ = ["MAX_PAGE_BYTES", "MIN_ARTICLE_WORDS", "is_url", "load_html", "load_url"]

MAX_PAGE_BYTES = 5_000_000
MIN_ARTICLE_WORDS = 25  # fewer words left after extraction: a menu, a teaser or a consent wall
MAX_REDIRECTS = 5
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

# trafilatura and its helpers log discarded elements at WARNING; with no logging configured Python
# would print them on stderr next to the CLI's output. Configured handlers still receive them.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def is_url(spec: str) -> bool:
    """Anything with a scheme (``https://``, ``ftp://``, ``file://``) is a URL, not a file name."""
    return bool(_SCHEME_RE.match(spec))


def _user_agent() -> str:
    try:
        return f"summarizer/{version('summarizer')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "summarizer"


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


def load_url(url: str, *, max_chars: int | None, timeout: float = 30, max_bytes: int = MAX_PAGE_BYTES) -> Article:
    """Fetch a page over HTTP(S) and extract its article; every failure is one ``FetchError`` line."""
    import httpx

    scheme = url.split("://", 1)[0].lower() if is_url(url) else ""
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched; save the page and pass the file")
    deadline = time.monotonic() + timeout
    headers = {
        "User-Agent": _user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(
                    f"{url}: HTTP {response.status_code} {response.reason_phrase}; check the address, "
                    "or save the page and pass the file"
                )
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in _HTML_TYPES and ctype != "text/plain":
                raise FetchError(
                    f"{url} is {ctype}, not a web page; only HTML and plain text are read "
                    "(convert it to text and pass the file)"
                )
            declared = response.headers.get("content-length", "").strip()
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_large(url, int(declared), max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(_too_large(url, len(body), max_bytes))
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("total time exceeded")
            final_url = str(response.url)
            charset = response.charset_encoding
    except httpx.TimeoutException:
        raise FetchError(
            f"{url}: no complete answer within {timeout:g} s; try again later or raise --fetch-timeout"
        ) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; pass the page's final address") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: not a valid address ({exc}); check it") from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"{url}: cannot fetch ({reason}); check the address and the network") from None
    data = bytes(body)
    page = _decode(data, charset)
    if ctype == "text/plain":
        if isinstance(page, str):
            article = Article.from_text(page, source=url, max_chars=max_chars)
        else:
            article = read_article_bytes(data, url, max_chars)  # strict UTF-8, as for files
        return replace(article, web=WebSource(url=final_url))
    article = load_html(page, url, max_chars, max_bytes=max_bytes)
    assert article.web is not None
    return replace(article, web=replace(article.web, url=final_url))


def _decode(data: bytes, charset: str | None) -> bytes | str:
    """Text in the charset the server declared; bytes (left to the reader to detect) otherwise."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return data
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data


def _too_large(url: str, size: int, limit: int) -> str:
    return f"{url} is over {limit:,} bytes ({size:,} so far); save the article's text and pass that"
