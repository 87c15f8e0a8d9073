"""Web pages in: a real page served from 127.0.0.1, fetched with httpx, extracted with trafilatura.

The page wraps the seed article in what real news pages carry around it (navigation, a cookie
banner, related links, a footer); none of that may reach the article text or any output field.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import main
from summarizer.errors import FetchError, NoArticleError
from summarizer.web import MAX_PAGE_BYTES, load_html, load_url

from .conftest import GOOD, SEED, pass_of
from .fakeserver import FakeServer

BOILERPLATE = [
    "World Desk Menu",
    "Sports Corner",
    "Subscribe for 1 dollar",
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Related stories",
    "Zebra migration breaks record in Kenya",
    "Local bakery wins national bread prize",
    "Copyright 2026",
    "All rights reserved",
    "Privacy policy",
]


def page(body_html: str) -> str:
    """A news page: the given article body inside navigation, banner, related links and footer."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Russia plans invasion of Ukraine, says US intelligence – The Gazette</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2021-12-04T10:00:00Z">
<link rel="canonical" href="https://gazette.example/world/russia-ukraine">
</head><body>
<header><nav class="menu"><ul>
<li><a href="/">Front page</a></li><li><a href="/world">World Desk Menu</a></li>
<li><a href="/sport">Sports Corner</a></li><li><a href="/subscribe">Subscribe for 1 dollar</a></li>
</ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
<button>Accept all cookies</button></p></div>
<main>{body_html}
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Zebra migration breaks record in Kenya</a></li>
<li><a href="/b">Local bakery wins national bread prize</a></li>
</ul></aside></main>
<footer><p>Copyright 2026 The Gazette Media Group. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>"""


def article_page() -> str:
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>\n" for p in paras)
    return page(
        f'<article><h1>Russia plans invasion of Ukraine</h1>\n<p class="byline">By Jane Reporter</p>\n{body}</article>'
    )


class Pages:
    """Routes of the test site; each one shows one way a fetch can go wrong (or right)."""

    def __init__(self) -> None:
        routes = self.routes = {
            "/page.html": (200, "text/html; charset=utf-8", article_page().encode()),
            "/empty.html": (200, "text/html", page("<div class='teaser'></div>").encode()),
            "/doc.pdf": (200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"),
            "/article.txt": (200, "text/plain; charset=utf-8", SEED.read_bytes()),
            "/500": (500, "text/html", b"<h1>Internal Server Error</h1>"),
        }

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/slow.html":
                    time.sleep(3)
                if self.path == "/moved":
                    self.send_response(302)
                    self.send_header("location", "/page.html")
                    self.end_headers()
                    return
                if self.path == "/loop":
                    self.send_response(302)
                    self.send_header("location", "/loop")
                    self.end_headers()
                    return
                if self.path == "/huge.html":  # no content-length: only a streamed count can stop it
                    self.send_response(200)
                    self.send_header("content-type", "text/html")
                    self.end_headers()
                    chunk = b"<p>" + b"filler words " * 5000 + b"</p>\n"
                    try:
                        for _ in range(MAX_PAGE_BYTES // len(chunk) + 20):
                            self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                code, ctype, body = routes.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
                try:
                    self.send_response(code)
                    self.send_header("content-type", ctype)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[Pages]:
    pages = Pages()
    yield pages
    pages.close()


@pytest.fixture
def model() -> Iterator[FakeServer]:
    with FakeServer(router=lambda body: ("ok", json.dumps(GOOD[pass_of(body)]))) as server:
        yield server


def no_boilerplate(text: str) -> None:
    found = [b for b in BOILERPLATE if b.lower() in text.lower()]
    assert not found, f"boilerplate reached the output: {found}"


def test_load_html_keeps_the_article_and_drops_the_rest() -> None:
    article = load_html(article_page().encode(), "saved.html", max_chars=200_000)
    no_boilerplate(article.text)
    assert "According to US intelligence, Russia is planning an invasion of Ukraine" in article.text
    assert "94,300" in article.text
    assert article.web is not None
    assert article.web.title and "Russia plans invasion" in article.web.title
    assert article.web.author == "Jane Reporter"
    assert article.web.date == "2021-12-04"
    assert article.web.url == "https://gazette.example/world/russia-ukraine"  # the page's canonical address


def test_summarize_url_json_has_article_meta_and_no_boilerplate(site: Pages, model: FakeServer, tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    url = site.url("/page.html")
    args = [url, "--format", "json", "--model", "fake", "--base-url", model.base_url, "--cache", str(cache)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    article = doc["article"]
    assert doc["source"] == url
    assert "Russia is planning an invasion of Ukraine" in article
    no_boilerplate(json.dumps(doc, ensure_ascii=False))  # every field, the article included
    meta = doc["meta"]
    assert meta["source_url"] == url and meta["source_author"] == "Jane Reporter"
    assert meta["source_date"] == "2021-12-04" and "Russia plans invasion" in meta["source_title"]
    assert meta["article_chars"] == len(article)
    assert len(doc["quotes"]) == 4 and len(doc["figures"]) >= 5
    for item in doc["quotes"] + doc["figures"]:
        assert article[item["span"]["start"] : item["span"]["end"]] == item["text"]
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(article)
    prompt = " ".join(m["content"] for r in model.requests for m in r["messages"])
    no_boilerplate(prompt)  # nor was any of it sent to the model


def test_redirects_are_followed_and_the_final_address_kept(site: Pages) -> None:
    article = load_url(site.url("/moved"), max_chars=200_000, timeout=10)
    assert article.web is not None and article.web.url == site.url("/page.html")
    assert article.source == site.url("/moved")


def test_plain_text_url_is_read_as_is(site: Pages) -> None:
    article = load_url(site.url("/article.txt"), max_chars=200_000, timeout=10)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.web is not None and article.web.url == site.url("/article.txt")


def test_saved_page_file_is_extracted(model: FakeServer, tmp_path: Path) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(article_page(), encoding="utf-8")
    cache = tmp_path / "c.sqlite"
    args = [str(saved), "--format", "json", "--model", "fake", "--base-url", model.base_url, "--cache", str(cache)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    no_boilerplate(json.dumps(doc, ensure_ascii=False))
    assert doc["meta"]["source_url"] == "https://gazette.example/world/russia-ukraine"
    for q in doc["quotes"]:
        assert doc["article"][q["span"]["start"] : q["span"]["end"]] == q["text"]


def test_cached_web_result_takes_source_from_this_call(site: Pages, model: FakeServer, tmp_path: Path) -> None:
    """Same extracted text from another address: served from the cache, but with this address."""
    cache = tmp_path / "c.sqlite"
    common = ["--format", "json", "--model", "fake", "--base-url", model.base_url, "--cache", str(cache)]
    first = json.loads(CliRunner().invoke(main, [site.url("/page.html"), *common]).stdout)
    second = json.loads(CliRunner().invoke(main, [site.url("/moved"), *common]).stdout)
    assert second["meta"]["cached"] and not first["meta"]["cached"]
    assert second["meta"]["source_url"] == site.url("/page.html")  # where /moved led
    assert second["source"] == site.url("/moved")
    assert second["article"] == first["article"]


@pytest.mark.parametrize(
    ("path", "extra", "message"),
    [
        ("/missing.html", [], "HTTP 404 Not Found"),
        ("/500", [], "HTTP 500 Internal Server Error"),
        ("/slow.html", ["--fetch-timeout", "0.5"], "no complete answer within 0.5 s"),
        ("/doc.pdf", [], "is application/pdf, not a web page"),
        ("/huge.html", [], "is over 5,000,000 bytes"),
        ("/empty.html", [], "found no article text in the page"),
        ("/loop", [], "more than 5 redirects"),
    ],
)
def test_fetch_failures_are_one_line_exit_2_nothing_cached(
    site: Pages, model: FakeServer, tmp_path: Path, path: str, extra: list[str], message: str
) -> None:
    cache = tmp_path / "c.sqlite"
    args = [site.url(path), *extra, "--model", "fake", "--base-url", model.base_url, "--cache", str(cache)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("summarize: error: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not cache.exists()
    assert model.requests == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/story.html", "file:///etc/hostname"])
def test_other_schemes_are_refused(url: str, tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    result = CliRunner().invoke(main, [url, "--cache", str(cache)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"summarize: error: {url}: only http:// and https:// URLs can be fetched; save the page and pass the file\n"
    )
    assert not cache.exists()


def test_errors_are_bad_input_subclasses(site: Pages) -> None:
    with pytest.raises(FetchError):
        load_url(site.url("/missing.html"), max_chars=None)
    with pytest.raises(NoArticleError):
        load_html(page("").encode(), "x.html", max_chars=None)
    assert FetchError.exit_code == NoArticleError.exit_code == 2


def test_hostile_page_text_stays_text() -> None:
    """Markup written as text inside the article (escaped in the page) is kept as text, not refused."""
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    extra = (
        "<p>"
        + html.escape(
            'A reader wrote <script>alert(1)</script> and "><img src=x onerror=alert(2)> in a comment to the editors, who printed it verbatim for all to see.'
        )
        + "</p>"
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras) + extra * 4
    article = load_html(page(f"<article>{body}</article>"), "hostile.html", max_chars=None)
    assert "<script>alert(1)</script>" in article.text


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura only reads the bytes it is given: with every socket refused it still extracts."""
    import socket

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the extractor tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = load_html(article_page(), "https://gazette.example/world/russia-ukraine", max_chars=None)
    assert "94,300" in article.text and article.web is not None and article.web.author == "Jane Reporter"


def test_size_limits_for_declared_streamed_and_saved_pages(site: Pages) -> None:
    with pytest.raises(FetchError, match=r"is over 1,000 bytes \(\d[\d,]* so far\)"):
        load_url(site.url("/page.html"), max_chars=None, max_bytes=1000)  # refused on its content-length
    big = article_page().encode() + b"<!-- padding -->" * (MAX_PAGE_BYTES // 16)
    with pytest.raises(FetchError, match="above the 5,000,000-byte limit"):
        load_html(big, "big.html", max_chars=None)
    article = load_url(site.url("/page.html"), max_chars=None, max_bytes=len(article_page().encode()) + 10)
    assert "94,300" in article.text


def test_html_on_standard_input_is_extracted(model: FakeServer, tmp_path: Path) -> None:
    args = ["-", "--format", "json", "--model", "fake", "--base-url", model.base_url, "--cache", str(tmp_path / "c")]
    result = CliRunner().invoke(main, args, input=article_page().encode(), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"] == "<stdin>" and doc["meta"]["source_author"] == "Jane Reporter"
    no_boilerplate(json.dumps(doc, ensure_ascii=False))
