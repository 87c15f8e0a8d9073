"""The browser page of ``summarize serve`` (``GET /``) in headless Chromium, against a real
``summarize serve`` process whose model is the scripted OpenAI-compatible FakeServer on 127.0.0.1:
paste, address and file input, the pass shown while it runs, the report in place with highlights
at their offsets, refusals in plain words with the form kept, the token, the recent jobs, the
keyboard and a phone-width window."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, FrameLocator, Page, expect

from .conftest import GOOD, N_PASSES, SEED, SEED_PASSES, pass_of
from .fakeserver import FakeServer
from .serving import free_port, seed_page, serve_process, wait_for, wait_healthy

TOKEN = "page-token-41c9e7"
FAIL = "MODEL-FAILS-ON-THIS-ARTICLE"  # an article holding it gets HTTP 400 from the model server
MAX_CHARS = 6000
ANSWERED_4XX = "Failed to load resource: the server responded with a status of 4"
HIGHLIGHTS_JS = """el => Array.from(el.querySelectorAll('[data-kind]')).map(e => ({
    kind: e.dataset.kind, start: Number(e.dataset.start), end: Number(e.dataset.end), text: e.textContent}))"""


def model(delay: float) -> Callable[[dict[str, Any]], tuple[str, Any]]:
    """Every pass answered GOOD after ``delay`` seconds (so the page can show it running)."""

    def route(body: dict[str, Any]) -> tuple[str, Any]:
        if any(FAIL in m["content"] for m in body["messages"]):
            return ("status", 400)
        time.sleep(delay)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    return route


@contextmanager
def serve(tmp: Path, *args: str) -> Iterator[str]:
    with FakeServer(router=model(0.6)) as fake:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(
            *("--model", "fake", "--base-url", fake.base_url, "--cache", str(tmp / "c.sqlite")),
            *("--max-chars", str(MAX_CHARS), "--retries", "0", *args),
            port=port,
        )
        try:
            wait_healthy(base, proc)
            yield base
        finally:
            proc.terminate()
            proc.communicate(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(tmp_path_factory.mktemp("serve")) as base:
        yield base


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(tmp_path_factory.mktemp("serve-token"), "--token", TOKEN) as base:
        yield base


class Tab:
    """The page in a fresh browser context (its own session storage), with what it requested and
    every console error or page error (a CSP violation is a console error; the line Chromium logs
    for each 4xx answer is not: those refusals are what some tests ask for)."""

    def __init__(self, browser: Browser, base: str, width: int, height: int) -> None:
        self.base = base
        self.context: BrowserContext = browser.new_context(viewport={"width": width, "height": height})
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(f"{base}/", wait_until="load")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith(ANSWERED_4XX):
            self.errors.append(message.text)

    def submit(self, text: str) -> None:
        self.page.get_by_label("Article text").fill(text)
        self.page.get_by_role("button", name="Summarize").click()

    def report(self) -> FrameLocator:
        """The report frame once the job's report is in it."""
        expect(self.page.locator("#result")).to_be_visible(timeout=60_000)
        frame = self.page.frame_locator("#report")
        expect(frame.locator("#a1-article")).to_be_attached(timeout=10_000)
        return frame

    def highlights(self, frame: FrameLocator) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = frame.locator("#a1-article").evaluate(HIGHLIGHTS_JS)
        return found

    def foreign(self) -> list[str]:
        """Requests to anything but this server (srcdoc, blob and data URLs stay in the browser)."""
        return [u for u in self.requests if not u.startswith((self.base + "/", "blob:", "data:", "about:"))]


@pytest.fixture
def tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    tabs: list[Tab] = []

    def opener(base: str, width: int = 1280, height: int = 900) -> Tab:
        tabs.append(Tab(browser, base, width, height))
        return tabs[-1]

    yield opener
    for t in tabs:
        t.context.close()


def quotes_at_offsets(highlights: list[dict[str, Any]], article: str) -> list[dict[str, Any]]:
    quotes = [h for h in highlights if h["kind"] == "quote"]
    assert quotes, highlights
    for h in quotes:
        assert h["text"] == article[h["start"] : h["end"]], h
    return quotes


def job_done(base: str, text: str, headers: dict[str, str] | None = None) -> str:
    job_id = str(httpx.post(f"{base}/v1/jobs", json={"text": text}, headers=headers).json()["id"])
    wait_for(lambda: httpx.get(f"{base}/v1/jobs/{job_id}", headers=headers).json()["status"] == "done", 60)
    return job_id


@contextmanager
def answering(status: int, content_type: str = "text/plain") -> Iterator[str]:
    """A 127.0.0.1 site answering every path with ``status``; yields a URL on it."""

    class Site(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            body = b"nothing here"
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    site = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    site.daemon_threads = True
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/news/story"
    finally:
        site.shutdown()
        site.server_close()


# --- the tests -----------------------------------------------------------------------------------


def test_pasted_seed_shows_its_passes_then_the_report_with_grounded_quotes(server: str, tab: Any) -> None:
    seed = SEED.read_text(encoding="utf-8")
    t = tab(server)
    t.submit(seed)
    passes = "|".join(SEED_PASSES)
    expect(t.page.locator("#status-text")).to_contain_text(
        re.compile(rf"Running pass [1-{N_PASSES}] of {N_PASSES}: ({passes})"), timeout=30_000
    )
    frame = t.report()
    assert frame.locator("#a1-article").text_content() == seed
    quotes = quotes_at_offsets(t.highlights(frame), seed)
    expect(t.page.locator("#status-text")).to_contain_text(re.compile(r"Done in \d+\.\d s"))

    # the report's own script runs in the sandboxed frame: a quote's details on click
    frame.locator(f'mark[data-kind="quote"][data-start="{quotes[0]["start"]}"]').first.click()
    expect(frame.locator("#a1-detail")).to_contain_text("speaker")

    job_id = t.page.evaluate("location.hash").removeprefix("#job=")
    served = httpx.get(f"{server}/v1/jobs/{job_id}").json()["result"]
    with t.page.expect_download() as got:
        t.page.get_by_role("button", name="Download JSON").click()
    assert json.loads(Path(got.value.path()).read_text(encoding="utf-8")) == served
    with t.page.expect_download() as got:
        t.page.get_by_role("button", name="Download report").click()
    report = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename.endswith(".html") and 'id="a1-article"' in report
    assert report == httpx.get(f"{server}/v1/jobs/{job_id}/report").text
    assert t.errors == [] and t.foreign() == []


def test_refusals_are_shown_in_plain_words_and_the_form_keeps_its_input(server: str, tab: Any) -> None:
    t = tab(server)
    page = t.page
    error = page.locator("#error")
    page.get_by_label("Article text").press("Control+Enter")  # the shortcut, with nothing pasted
    expect(error).to_contain_text("Paste the article's text first")
    expect(page.get_by_label("Article text")).to_be_focused()

    draft = "A draft the reader pasted before trying an address."
    page.get_by_label("Article text").fill(draft)
    page.get_by_label("a web address").check()
    with answering(404) as url:
        refused = httpx.post(f"{server}/v1/jobs", json={"url": url})
        assert refused.status_code >= 400
        page.get_by_label("Address of the article's page").fill(url)
        page.get_by_role("button", name="Summarize").click()
        expect(error).to_contain_text(refused.json()["detail"])
    expect(page.get_by_label("Address of the article's page")).to_have_value(url)
    page.get_by_label("pasted text").check()
    expect(page.get_by_label("Article text")).to_have_value(draft)

    too_long = SEED.read_text(encoding="utf-8") * 3
    assert len(too_long) > MAX_CHARS
    detail = httpx.post(f"{server}/v1/jobs", json={"text": too_long}).json()["detail"]
    t.submit(too_long)
    expect(error).to_have_text(f"The article is too long for this server: {detail}")
    expect(page.get_by_label("Article text")).to_have_value(too_long)

    failing = SEED.read_text(encoding="utf-8") + f"\n\n{FAIL}\n"
    t.submit(failing)
    expect(error).to_contain_text(re.compile(r"^The summary failed: .*HTTP 400"), timeout=30_000)
    expect(page.locator("#result")).to_be_hidden()
    expect(page.get_by_label("Article text")).to_have_value(failing)
    assert t.foreign() == []


def test_token_is_asked_once_and_kept_for_the_tab_only(token_server: str, tab: Any) -> None:
    page_html = httpx.get(f"{token_server}/")
    assert page_html.status_code == 200 and TOKEN not in page_html.text  # the page needs no token, holds none
    t = tab(token_server)
    page = t.page
    box = page.get_by_label("Access token")
    expect(box).to_be_focused()
    expect(page.locator("#token-why")).to_have_text("This server needs its access token.")
    box.fill("not-the-token")
    page.get_by_role("button", name="Use token").click()
    expect(page.locator("#token-why")).to_contain_text("not accepted (wrong bearer token")
    box.fill(TOKEN)
    page.get_by_role("button", name="Use token").click()
    expect(page.locator("#token-form")).to_be_hidden()

    text = SEED.read_text(encoding="utf-8") + "\n\nUpdate: sent with the token."
    t.submit(text)
    quotes_at_offsets(t.highlights(t.report()), text)
    storage = page.evaluate("[sessionStorage.getItem('summarizer.token'), localStorage.length, document.cookie]")
    assert storage == [TOKEN, 0, ""]
    page.reload()
    expect(page.locator("#recent-list button")).to_have_count(1)  # the list loads: not asked again
    expect(page.locator("#token-form")).to_be_hidden()

    other = tab(token_server)  # another browser session is asked again
    expect(other.page.get_by_label("Access token")).to_be_visible()
    assert t.errors == [] and t.foreign() == []


def test_recent_jobs_reopen_a_result_from_the_keyboard(server: str, tab: Any) -> None:
    text = SEED.read_text(encoding="utf-8") + "\n\nUpdate: reopened from the list."
    job_id = job_done(server, text)
    t = tab(server)
    page = t.page
    item = page.locator(f'#recent-list button[data-id="{job_id}"]')
    first_words = " ".join(text.split("\n")[0].split()[:3])
    expect(item).to_contain_text(first_words)
    expect(item).to_contain_text(re.compile(r"done · \d+\.\d s"))
    item.focus()
    outline = item.evaluate("el => getComputedStyle(el).outlineStyle")
    page.keyboard.press("Enter")
    quotes_at_offsets(t.highlights(t.report()), text)
    expect(item).to_have_attribute("aria-current", "true")
    assert outline != "none"  # keyboard focus is visible
    assert t.errors == [] and t.foreign() == []


def test_keyboard_only_on_a_phone_width_window(server: str, tab: Any) -> None:
    t = tab(server, width=375, height=740)
    page = t.page
    text = SEED.read_text(encoding="utf-8") + "\n\nUpdate: typed on a phone."
    page.keyboard.press("Tab")
    expect(page.get_by_label("pasted text")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Article text")).to_be_focused()
    page.keyboard.insert_text(text)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Summarize")).to_be_focused()
    page.keyboard.press("Enter")
    frame = t.report()
    quotes_at_offsets(t.highlights(frame), text)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone: {width}px"
    for selector in ("#text", "#report", "#submit", "#download-json"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, (selector, box)
    assert t.errors == []


def test_a_chosen_html_file_and_a_dropped_text_file(server: str, tab: Any) -> None:
    seed = SEED.read_text(encoding="utf-8")
    t = tab(server)
    page = t.page
    page.get_by_label("a file").check()
    page.get_by_label("A .txt or .html file").set_input_files(
        files=[{"name": "story.html", "mimeType": "text/html", "buffer": seed_page(seed + "\nFrom a file.").encode()}]
    )
    page.get_by_role("button", name="Summarize").click()
    frame = t.report()
    shown = frame.locator("#a1-article").text_content() or ""
    assert "From a file." in shown and "<p>" not in shown  # the page's text, extracted by the server
    expect(page.locator("#result-title")).to_have_text("Report: Seed")  # the page's <title>
    quotes_at_offsets(t.highlights(frame), shown)

    page.get_by_label("pasted text").check()
    dropped = seed + "\n\nUpdate: dropped as a file."
    data = page.evaluate_handle(
        "text => { const d = new DataTransfer(); d.items.add(new File([text], 'drop.txt', {type: 'text/plain'})); "
        "return d; }",
        dropped,
    )
    page.dispatch_event("#article-form", "drop", {"dataTransfer": data})
    expect(page.get_by_label("a file")).to_be_checked()
    assert page.evaluate("document.getElementById('file').files[0].name") == "drop.txt"
    page.get_by_role("button", name="Summarize").click()
    frame = t.report()
    expect(frame.locator("#a1-article")).to_have_text(dropped, timeout=30_000)
    quotes_at_offsets(t.highlights(frame), dropped)
    assert t.errors == [] and t.foreign() == []
