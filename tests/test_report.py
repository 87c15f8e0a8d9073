"""The HTML report (``--format html``) in headless Chromium: highlights at their offsets, inert
hostile input, no requests to other origins; and the span-nesting builder under random spans.

Summaries come from the real pipeline with the scripted backend (the shared GOOD answers), so
the offsets checked here are the ones the pipeline computes, not hand-written ones.
"""

from __future__ import annotations

import functools
import os
import struct
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from summarizer import Settings, Summarizer, SummarizerError, Summary
from summarizer.backends import ScriptedBackend
from summarizer.cli import main
from summarizer.render import render, render_report
from summarizer.render.html import article_markup
from summarizer.render.spans import Close, Highlight, Open, Text, Token, build_tokens

from .conftest import GOOD, ROOT, SEED, router

KINDS = {"quote", "figure", "actor", "claim"}

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=2">'
TEMPLATE = "{{ 7*7 }}"
ROLE = "spokesman <svg onload=window['__pwned']=3> of the ministry"  # an appositive code reads as a role

# every highlight of a section: kind, offsets, text inside, the item it belongs to
HIGHLIGHTS_JS = """container => Array.from(container.querySelectorAll('[data-kind]')).map(e => ({
    kind: e.dataset.kind, start: Number(e.dataset.start), end: Number(e.dataset.end),
    text: e.textContent, item: e.dataset.item}))"""


# --- fixtures -----------------------------------------------------------------------------------


def _summarize(text: str, overrides: dict[str, list[Any]] | None = None) -> Summary:
    backend = ScriptedBackend(router=router(overrides))
    return Summarizer(Settings(use_cache=False), backend).summarize(text)


@pytest.fixture(scope="module")
def seed_summary() -> Summary:
    """The seed through the pipeline; one invented summary sentence ends in ``rejected``."""
    invented = {"summary": [*GOOD["summary"]["summary"][:3], "Angela Merkel met Vladimir Putin in Kyiv."]}
    summary = _summarize(SEED.read_text(encoding="utf-8"), {"summary": [invented, invented]})
    assert summary.rejected and summary.quotes and summary.figures and summary.actors and summary.claims
    return summary


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A directory served over HTTP on 127.0.0.1, and its base URL."""
    root = tmp_path_factory.mktemp("site")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Opened:
    """A page loaded from 127.0.0.1, with every request, console error and page error it made."""

    def __init__(self, browser: Browser, served: tuple[Path, str], name: str, html: str) -> None:
        root, base = served
        (root / name).write_text(html, encoding="utf-8")
        self.origin = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(f"{base}/{name}", wait_until="load")

    def highlights(self, section: str = "a1") -> list[dict[str, Any]]:
        return self.page.eval_on_selector(f"#{section}-article", HIGHLIGHTS_JS)

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_page(browser: Browser, served: tuple[Path, str]) -> Iterator[Any]:
    pages: list[Opened] = []

    def opener(name: str, html: str) -> Opened:
        pages.append(Opened(browser, served, name, html))
        return pages[-1]

    yield opener
    for p in pages:
        p.close()


def _covered(items: list[dict[str, Any]], item: str) -> set[int]:
    return {i for h in items if h["item"] == item for i in range(h["start"], h["end"])}


def _check_section(opened: Opened, summary: Summary, article: str, section: str = "a1") -> list[dict[str, Any]]:
    """Every highlight's text is article[start:end]; each item's fragments cover exactly its spans."""
    items = opened.highlights(section)
    assert items
    for h in items:
        assert h["text"] == article[h["start"] : h["end"]], h
    expected = {f"{section}-quote-{n}": {range(q.span.start, q.span.end)} for n, q in enumerate(summary.quotes, 1)} | {
        f"{section}-figure-{n}": {range(f.span.start, f.span.end)} for n, f in enumerate(summary.figures, 1)
    }
    expected |= {
        f"{section}-actor-{n}": {range(m.start, m.end) for m in a.mentions} for n, a in enumerate(summary.actors, 1)
    }
    expected |= {
        f"{section}-claim-{n}": {range(e.start, e.end) for e in c.evidence} for n, c in enumerate(summary.claims, 1)
    }
    for item, ranges in expected.items():
        assert _covered(items, item) == {i for r in ranges for i in r}, item
    container_text = opened.page.eval_on_selector(f"#{section}-article", "e => e.textContent")
    assert container_text == article
    return items


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- the report in the browser ------------------------------------------------------------------


def test_seed_report_highlights_every_item_at_its_offsets(seed_summary, open_page, tmp_path: Path) -> None:
    article = SEED.read_text(encoding="utf-8")
    opened = open_page("seed.html", render(seed_summary, "html", title=str(SEED.relative_to(ROOT)), article=article))

    items = _check_section(opened, seed_summary, article)
    assert {h["kind"] for h in items} == KINDS
    # nesting: an actor mention inside a claim's evidence, a figure inside a claim's evidence
    page = opened.page
    assert page.locator("#a1-article .hl-claim .hl-actor").count() > 0
    assert page.locator("#a1-article .hl-claim .hl-figure").count() > 0

    # a quote in the side panel: its details (speaker, match) in the detail box, its text outlined
    jen = next(n for n, q in enumerate(seed_summary.quotes, 1) if q.speaker == "Jen Psaki")
    page.click(f".panel-quote a[data-item='a1-quote-{jen}']")
    detail = page.locator("#a1-detail")
    assert "speaker" in detail.inner_text() and "Jen Psaki" in detail.inner_text()
    assert "exact" in detail.inner_text()
    assert page.locator(f"#a1-article .active[data-item='a1-quote-{jen}']").count() == 1
    assert page.url.endswith(f"#a1-quote-{jen}-s1")

    # clicking a highlight in the text shows that item: an actor with its role ("President Joe Biden")
    biden = next(n for n, a in enumerate(seed_summary.actors, 1) if a.name == "Joe Biden")
    page.click(f"#a1-actor-{biden}-m1")
    assert "President" in detail.inner_text() and "person" in detail.inner_text()
    # hovering: the title attribute carries the same details
    assert "role: President" in (page.get_attribute(f"#a1-actor-{biden}-m1", "title") or "")

    # panels: rejected with its reason, meta with model, seconds, tokens, cached
    rejected = page.locator(".panel-rejected").inner_text()
    assert "Angela Merkel" in rejected and "the name 'Merkel' is not in the article" in rejected
    meta = page.locator(".panel-meta").inner_text()
    for key in ("model", "seconds", "input tokens", "output tokens", "cached", "prompt version"):
        assert key in meta
    assert f"{seed_summary.meta.input_tokens:,}" in meta
    legend = page.locator(".legend").inner_text()
    assert all(word in legend for word in ("Quote", "Figure", "Actor", "Claim"))
    assert opened.errors == []

    # the screenshot for the README: the top of the page, the first quote's details pinned
    page.click(".panel-quote a[data-item='a1-quote-1']")
    page.evaluate("window.scrollTo(0, 0); document.querySelector('.panels').scrollTop = 0")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert _png_size(shot) == (1280, 900)
    if os.environ.get("UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "report.png").write_bytes(shot.read_bytes())


def test_hostile_article_and_fields_render_inert(open_page) -> None:
    article = (
        SEED.read_text(encoding="utf-8")
        + f"\n\n🙂 “{SCRIPT}” said {IMG} on Monday. The ministry wrote {TEMPLATE} in a statement."
        + f" Ana Ruiz, {ROLE}, agreed.\n"
    )  # the emoji is two UTF-16 units but one Python index: offsets after it must still hold
    quotes = {
        **GOOD["quotes"],
        "Q5": IMG,  # not among the names the article gives: the enum refuses it, and it lands in rejected
        "other": [{"text": SCRIPT + " was never said", "speaker": IMG}],
    }
    summary = _summarize(article, {"quotes": [quotes] * 3})
    # the pipeline carried the hostile strings into the fields the report shows
    assert any(q.text == SCRIPT and q.speaker is None for q in summary.quotes)
    assert any(a.name == "Ana Ruiz" and a.role == ROLE for a in summary.actors)
    assert any(r.item.get("speaker") == IMG for r in summary.rejected)

    html = render(summary, "html", title=SCRIPT, article=article)
    opened = open_page("hostile.html", html)
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2  # the details blob and the report's own script
    assert page.title().endswith(SCRIPT)

    _check_section(opened, summary, article)
    shown = page.locator("body").inner_text()
    for s in (SCRIPT, IMG, TEMPLATE):
        assert s in shown
    assert page.locator("svg").count() == 0
    quote = next(n for n, q in enumerate(summary.quotes, 1) if q.text == SCRIPT)
    page.click(f".panel-quote a[data-item='a1-quote-{quote}']")
    assert SCRIPT in page.locator("#a1-detail").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert opened.errors == []


def test_report_makes_no_request_to_another_origin(seed_summary, open_page) -> None:
    article = SEED.read_text(encoding="utf-8")
    opened = open_page("requests.html", render(seed_summary, "html", article=article))
    opened.page.click(".panel-quote a.entry-link >> nth=0")
    opened.page.hover("#a1-article .hl-figure >> nth=0")
    assert opened.requests and all(url.startswith(opened.origin + "/") for url in opened.requests), opened.requests
    links = opened.page.eval_on_selector_all(
        "[src], [href]", "els => els.map(e => e.getAttribute('src') || e.getAttribute('href'))"
    )
    assert links and all(link.startswith("#") for link in links), links
    csp = opened.page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content") or ""
    assert "default-src 'none'" in csp


def test_several_articles_give_one_page_with_a_section_each(use_backend, open_page, tmp_path: Path) -> None:
    use_backend(lambda settings: ScriptedBackend(router=router()))
    seed = SEED.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Ruiz said on Friday. " + seed, encoding="utf-8")
    result = CliRunner().invoke(
        main, [str(SEED), str(other), "--format", "html", "--cache", str(tmp_path / "c.sqlite")], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.output.lower().count("<!doctype html>") == 1 and result.output.count("</html>") == 1
    opened = open_page("two.html", result.output)
    assert opened.page.locator("section.report").count() == 2
    assert opened.page.locator("#a2-title").inner_text() == str(other)
    for section, text in (("a1", seed), ("a2", other.read_text(encoding="utf-8"))):
        items = opened.highlights(section)
        assert {h["kind"] for h in items} == KINDS
        assert all(h["text"] == text[h["start"] : h["end"]] for h in items)
        assert opened.page.eval_on_selector(f"#{section}-article", "e => e.textContent") == text
    # the second article is shifted by 21 characters: its offsets are its own
    assert opened.highlights("a2")[0]["start"] != opened.highlights("a1")[0]["start"]
    opened.page.click("#a2 .panel-quote a.entry-link >> nth=0")
    assert "Joe Biden" in opened.page.locator("#a2-detail").inner_text()
    assert "Click a highlight" in opened.page.locator("#a1-detail").inner_text()


# --- no browser ---------------------------------------------------------------------------------


def test_html_needs_the_article_it_was_made_from(seed_summary) -> None:
    with pytest.raises(SummarizerError, match="needs the article text"):
        render(seed_summary, "html")
    with pytest.raises(SummarizerError, match="not the text this summary was made from"):
        render(seed_summary, "html", article=SEED.read_text(encoding="utf-8") + " changed")
    with pytest.raises(SummarizerError, match="nothing to report"):
        render_report([])
    assert render(seed_summary, "json", article=None).startswith("{")  # other formats do not need it


class _Tree(HTMLParser):
    """Checks that tags nest and collects the text between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.elements: list[tuple[dict[str, str | None], int]] = []  # attrs, text offset at open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        self.stack.append(dict(attrs))
        self.elements.append((self.stack[-1], sum(map(len, self.text))))

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark" and self.stack, "closing tag without an open one"
        attrs = self.stack.pop()
        assert int(attrs["data-end"] or -1) == sum(map(len, self.text))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.stack, "unclosed element"
    return tree


def _spans(text: str, triples: list[tuple[int, int, str]]) -> list[Highlight]:
    return [
        Highlight(s, e, kind, item=f"{kind}-{i}", anchor=f"{kind}-{i}-a", title=f'<{kind}> "{i}"', rank=i % 4)
        for i, (s, e, kind) in enumerate(triples)
    ]


def _well_formed(text: str, tokens: list[Token]) -> None:
    stack: list[Any] = []
    pos = 0
    for t in tokens:
        if isinstance(t, Text):
            assert t.text == text[pos : pos + len(t.text)]
            pos += len(t.text)
        elif isinstance(t, Open):
            assert t.fragment.start == pos
            stack.append(t.fragment)
        else:
            assert isinstance(t, Close) and stack and stack.pop() is t.fragment and t.fragment.end == pos
    assert not stack and pos == len(text)


ALPHABET = st.one_of(st.sampled_from(list("ab <>&\"'\r\n\t“”{}%#é")), st.characters(blacklist_categories=("Cs",)))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_overlapping_spans_nest_and_keep_the_text(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=ALPHABET, max_size=80).filter(lambda t: "\x00" not in t))
    bound = st.integers(0, len(text))
    triples = data.draw(
        st.lists(st.tuples(bound, bound, st.sampled_from(sorted(KINDS))), max_size=12).map(
            lambda ts: [(min(a, b), max(a, b), k) for a, b, k in ts]
        )
    )
    spans = _spans(text, triples)
    tokens = build_tokens(text, spans)
    _well_formed(text, tokens)

    # the markup the report uses: tags nest, the text between them is the article, each element's
    # text is text[data-start:data-end], and each non-empty span is covered by its fragments exactly
    tree = _parse(str(article_markup(text, spans)))
    assert "".join(tree.text) == text
    covered: dict[str, set[int]] = {}
    for attrs, at in tree.elements:
        start, end = int(attrs["data-start"] or -1), int(attrs["data-end"] or -1)
        assert start == at and start < end
        covered.setdefault(attrs["data-item"] or "", set()).update(range(start, end))
    for h in spans:
        if h.start < h.end:
            assert covered[h.item] == set(range(h.start, h.end))
        else:
            assert h.item not in covered
    assert sum(1 for attrs, _ in tree.elements if "id" in attrs) == sum(1 for h in spans if h.start < h.end)


def test_crossing_spans_split_the_inner_one_and_say_so() -> None:
    text = "He said “the plan is final”. It was."
    quote = (text.index("the"), text.index("”"), "quote")
    claim = (text.index("plan"), text.index(" It"), "claim")  # starts inside the quote, ends after it
    actor = (0, 2, "actor")
    tokens = build_tokens(text, _spans(text, [quote, claim, actor]))
    _well_formed(text, tokens)
    claim_parts = [t.fragment for t in tokens if isinstance(t, Open) and t.fragment.highlight.kind == "claim"]
    assert [(f.start, f.end) for f in claim_parts] == [(claim[0], quote[1]), (quote[1], claim[1])]
    tree = _parse(str(article_markup(text, _spans(text, [quote, claim, actor]))))
    parts = [a.get("data-part") for a, _ in tree.elements if a["data-kind"] == "claim"]
    assert parts == ["1/2", "2/2"]
    assert [a.get("id") for a, _ in tree.elements if a["data-kind"] == "claim"] == ["claim-1-a", None]


def test_identical_and_nested_spans_put_the_longer_outside() -> None:
    text = "Mayor Ana Ruiz said 40 buses run."
    name = (6, 14, "actor")
    sentence = (0, len(text), "claim")
    figure = (20, 22, "figure")
    same = (20, 22, "quote")
    tokens = build_tokens(text, _spans(text, [figure, name, sentence, same]))
    _well_formed(text, tokens)
    opens = [t.fragment.highlight.kind for t in tokens if isinstance(t, Open)]
    assert opens == ["claim", "actor", "figure", "quote"]  # no fragment split anywhere
    assert all(len(t.fragment.parts) == 1 for t in tokens if isinstance(t, Open))


def test_markup_escapes_text_and_keeps_carriage_returns() -> None:
    text = 'a\r\n<b>&"x"</b>'
    markup = str(article_markup(text, _spans(text, [(3, 6, "quote")])))
    assert "<b>" not in markup and "&lt;b&gt;" in markup and "&#13;" in markup
    assert 'title="&lt;quote&gt; &#34;0&#34;"' in markup
    assert "".join(_parse(markup).text) == text
