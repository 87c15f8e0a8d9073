"""Cache: hits return the stored result; any change to prompt, schema, code, model or parameters misses."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from summarizer import Settings, Summarizer, prompts
from summarizer.backends import ScriptedBackend
from summarizer.cache import Cache

from .conftest import N_PASSES, ROOT, router


class NamedBackend(ScriptedBackend):
    def __init__(self, ident: str) -> None:
        super().__init__(router=router())
        self.ident = ident

    def identity(self) -> dict:
        return {"backend": "scripted", "weights": self.ident}


def run(settings: Settings, text: str, ident: str = "a") -> tuple[int, bool]:
    backend = NamedBackend(ident)
    s = Summarizer(settings, backend).summarize(text)
    return len(backend.requests), s.meta.cached


def test_second_run_is_a_hit_with_identical_result(settings: Settings, seed_text: str) -> None:
    first = Summarizer(settings, NamedBackend("a")).summarize(seed_text)
    backend = NamedBackend("a")
    second = Summarizer(settings, backend).summarize(seed_text)
    assert backend.requests == []
    assert second.meta.cached and not first.meta.cached
    strip = {"meta": {"cached", "lookup_seconds"}}
    assert second.model_dump(exclude=strip) == first.model_dump(exclude=strip)


def test_changing_parameters_misses(settings: Settings, seed_text: str) -> None:
    assert run(settings, seed_text) == (N_PASSES, False)
    assert run(settings, seed_text) == (0, True)
    assert run(settings.model_copy(update={"temperature": 0.7}), seed_text) == (N_PASSES, False)
    assert run(settings.model_copy(update={"max_tokens": 300}), seed_text) == (N_PASSES, False)


def test_changing_model_misses(settings: Settings, seed_text: str) -> None:
    assert run(settings, seed_text, "a") == (N_PASSES, False)
    assert run(settings, seed_text, "b") == (N_PASSES, False)
    assert run(settings, seed_text, "a") == (0, True)


def test_changing_article_misses(settings: Settings, seed_text: str) -> None:
    assert run(settings, seed_text) == (N_PASSES, False)
    assert run(settings, seed_text + " ") == (N_PASSES, False)


def test_changing_a_prompt_misses(settings: Settings, seed_text: str, tmp_path: Path, monkeypatch) -> None:
    assert run(settings, seed_text) == (N_PASSES, False)
    edited = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", edited)
    (edited / "system.md").write_text((edited / "system.md").read_text() + "\nBe brief.\n")
    monkeypatch.setattr(prompts, "prompt_dir", lambda: edited)
    prompts._load.cache_clear()
    prompts.prompt_version.cache_clear()
    try:
        assert run(settings, seed_text) == (N_PASSES, False)
    finally:
        prompts._load.cache_clear()
        prompts.prompt_version.cache_clear()


def test_changing_the_schema_misses(settings: Settings, seed_text: str, monkeypatch) -> None:
    from summarizer import pipeline

    assert run(settings, seed_text) == (N_PASSES, False)
    monkeypatch.setattr(pipeline, "schema_version", lambda: "other-schema")
    assert run(settings, seed_text) == (N_PASSES, False)


def test_changing_the_extraction_code_misses(
    settings: Settings, seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release that reads quotes differently (scan/quotes.py edited) must not reuse old answers."""
    from summarizer import pipeline

    assert run(settings, seed_text) == (N_PASSES, False)
    edited = tmp_path / "summarizer"
    shutil.copytree(pipeline._PACKAGE, edited)
    (edited / "scan" / "quotes.py").write_text((edited / "scan" / "quotes.py").read_text() + "\n# a change\n")
    monkeypatch.setattr(pipeline, "_PACKAGE", edited)
    pipeline.code_version.cache_clear()
    try:
        assert run(settings, seed_text) == (N_PASSES, False)
    finally:
        monkeypatch.undo()
        pipeline.code_version.cache_clear()
    assert run(settings, seed_text) == (0, True)


def test_no_cache_neither_reads_nor_writes(settings: Settings, seed_text: str) -> None:
    off = settings.model_copy(update={"use_cache": False})
    assert run(off, seed_text) == (N_PASSES, False)
    assert not settings.cache_path.exists()
    assert run(settings, seed_text) == (N_PASSES, False)
    assert run(off, seed_text) == (N_PASSES, False)


def test_cache_file_is_wal_and_migrated(settings: Settings, seed_text: str) -> None:
    run(settings, seed_text)
    conn = sqlite3.connect(settings.cache_path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("select name from _migrations")] == ["m001_results"]
    row = conn.execute("select request, response, input_tokens, seconds from results").fetchone()
    assert '"article_sha256"' in row[0] and '"summary"' in row[1] and row[2] > 0
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_stats_and_clear(settings: Settings, seed_text: str) -> None:
    run(settings, seed_text)
    cache = Cache(settings.cache_path)
    assert cache.stats()["entries"] == 1
    assert cache.clear() == 1
    assert cache.stats()["entries"] == 0


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    from summarizer import ConfigError

    bad = tmp_path / "c.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ConfigError, match="not a usable cache"):
        Cache(bad)
