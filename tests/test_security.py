"""Issue 20, probe 10 (outside the HTTP layer): credentials kept out of the cache file, Markdown
output escaped, damaged and read-only caches reported in one line."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Settings, Summarizer, pipeline
from summarizer.backends import ScriptedBackend
from summarizer.cache import strip_credentials
from summarizer.cli import main
from summarizer.models import Actor, Claim, Meta, Quote, Span, Summary
from summarizer.render import render

from .conftest import SEED, router


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


def _filled_cache(folder: Path, n: int = 30) -> Path:
    """A cache with ``n`` summaries, checkpointed so every row is in the main file."""
    settings = Settings(cache_path=folder / "c.sqlite")
    for i in range(n):
        text = SEED.read_text(encoding="utf-8") + f"\n\nOfficials said on Friday that line {i} was added."
        Summarizer(settings, ScriptedBackend(router=router())).summarize(text)
    with sqlite3.connect(folder / "c.sqlite") as db:
        db.execute("pragma wal_checkpoint(TRUNCATE)")
    return folder / "c.sqlite"


def test_a_damaged_cache_is_one_line_and_a_non_zero_exit(
    tmp_path: Path, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "make_backend", lambda settings: ScriptedBackend(router=router()))
    path = _filled_cache(tmp_path)
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096 * 8] = b"\x5a" * len(data[8192 : 8192 + 4096 * 8])  # pages 3-10 overwritten
    path.write_bytes(bytes(data))
    for args in (["cache", "stats"], ["cache", "clear", "--yes"], [str(SEED)]):
        result = CliRunner().invoke(main, [*args, "--cache", str(path)])
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
        assert "damaged" in result.stderr and "Traceback" not in result.output


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder holding a valid cache, made read-only; as root (who may write anything) the same is
    told through ``os.access``, and SQLite is then asked to open the file read-only all the same."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _filled_cache(folder, n=1)
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = os.access

        def access(p: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
            inside = Path(p).resolve() == folder.resolve() or folder.resolve() in Path(p).resolve().parents
            return False if inside and mode & os.W_OK else real(p, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
    yield folder
    folder.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_cache_is_read_and_not_written(
    read_only_folder: Path, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "make_backend", lambda settings: ScriptedBackend(router=router()))
    path = read_only_folder / "c.sqlite"
    before = path.read_bytes()
    stats = CliRunner().invoke(main, ["cache", "stats", "--cache", str(path)])
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.stdout)["entries"] == 1
    cleared = CliRunner().invoke(main, ["cache", "clear", "--yes", "--cache", str(path)])
    assert cleared.exit_code == 2 and cleared.stderr.count("\n") == 1 and "read-only" in cleared.stderr
    settings = Settings(cache_path=path)
    backend = ScriptedBackend(router=router())
    text = SEED.read_text(encoding="utf-8") + "\n\nOfficials said on Friday that line 0 was added."
    assert Summarizer(settings, backend).summarize(text).meta.cached and backend.requests == []  # served
    fresh = CliRunner().invoke(main, [str(SEED), "--format", "json", "--cache", str(path)])
    assert fresh.exit_code == 0, fresh.output
    assert not json.loads(fresh.stdout)["meta"]["cached"]
    assert fresh.stderr.count("is read-only: summaries are not stored") == 1
    assert path.read_bytes() == before  # nothing written
