"""Issue 20, probe 10 (outside the HTTP layer): credentials kept out of the cache file, Markdown
output escaped, damaged and read-only caches reported in one line."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from summarizer import Settings, Summarizer
from summarizer.backends import ScriptedBackend
from summarizer.cache import strip_credentials
from summarizer.models import Actor, Claim, Meta, Quote, Span, Summary
from summarizer.render import render

from .conftest import router


class KeyedBackend(ScriptedBackend):
    """A scripted backend whose identity carries a base URL with credentials, as an
    OpenAI-compatible backend's does for ``--base-url http://user:key@host/v1``."""

    def identity(self) -> dict:
        return {"backend": "openai", "model": "m", "base_url": "http://alice:sk-SECRET-91f@127.0.0.1:9/v1"}


def test_base_url_credentials_are_not_written_to_the_cache(tmp_path: Path, seed_text: str) -> None:
    settings = Settings(cache_path=tmp_path / "c.sqlite")
    Summarizer(settings, KeyedBackend(router=router())).summarize(seed_text)
    raw = (tmp_path / "c.sqlite").read_bytes()
    for wal in tmp_path.glob("c.sqlite-wal"):
        raw += wal.read_bytes()
    assert b"sk-SECRET-91f" not in raw and b"alice" not in raw
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        (request,) = db.execute("select request from results").fetchone()
    assert json.loads(request)["model"]["base_url"] == "http://127.0.0.1:9/v1"
    again = KeyedBackend()
    assert Summarizer(settings, again).summarize(seed_text).meta.cached  # the key still finds it


def test_strip_credentials_walks_nested_values() -> None:
    value = {"a": ["https://u:p@x.example/v1?q=1", 3], "b": {"c": "http://tok@y.example"}, "d": "no url"}
    assert strip_credentials(value) == {
        "a": ["https://x.example/v1?q=1", 3],
        "b": {"c": "http://y.example"},
        "d": "no url",
    }


HOSTILE = "<script>alert(1)</script> [click](javascript:alert(2)) **bold** `code` <img src=x onerror=alert(3)>"


def hostile_summary() -> Summary:
    span = Span(start=0, end=len(HOSTILE))
    return Summary(
        summary="# Not a heading\n\n" + HOSTILE,
        claims=[Claim(text=HOSTILE, attributed_to="<b>Mallory</b>", evidence=[span])],
        actors=[Actor(name="<i>Eve</i>", role="[role](http://evil.example)", aliases=["_x_"])],
        quotes=[Quote(text=HOSTILE, speaker="<u>Bob</u>", span=span)],
        meta=Meta(model="m", prompt_version="p", schema_version="s"),
    )


def test_markdown_escapes_what_comes_from_the_article() -> None:
    md = render(hostile_summary(), "markdown")
    for raw in ("<script>", "<img", "](javascript:", "](http://evil", "**bold**", "`code`", "<b>", "<i>", "<u>", "_x_"):
        assert not re.search(r"(?<!\\)" + re.escape(raw), md), raw  # only backslash-escaped, if at all
    assert "\\<script\\>alert(1)\\</script\\>" in md  # still readable, as text
    assert "\n\\# Not a heading" in md  # one line, and no heading of its own
    # the Markdown structure this renderer writes itself is intact
    assert md.startswith("# Summary\n") and "## Claims" in md and "## Quotes" in md


def test_markdown_renders_escaped_text_as_text() -> None:
    """Through a CommonMark renderer the article's markup comes out as entities, never tags or links."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(render(hostile_summary(), "markdown"))
    assert "<script" not in html and "<img" not in html and "href=" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
