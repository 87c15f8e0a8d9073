"""Transport retries against a real HTTP server on 127.0.0.1 (tests/fakeserver.py)."""

from __future__ import annotations

import json
import time

import pytest

from summarizer import BackendError, Settings, Summarizer
from summarizer.cache import Cache

from .conftest import GOOD, N_PASSES, SEED_FIGURES, pass_of
from .fakeserver import FakeServer


def good_answer(body: dict) -> tuple[str, str]:
    return ("ok", json.dumps(GOOD[pass_of(body)]))


def remote(server: FakeServer, tmp_path, **kw) -> Settings:
    return Settings(model="fake-model", base_url=server.base_url, cache_path=tmp_path / "c.sqlite", **kw)


def test_429_with_retry_after_is_honoured_then_succeeds(seed_text: str, tmp_path) -> None:
    calls = {"n": 0}

    def route(body: dict):
        calls["n"] += 1
        if calls["n"] == 1:
            return ("status", (429, {"Retry-After": "1"}))
        return good_answer(body)

    with FakeServer(router=route) as server:
        summary = Summarizer(remote(server, tmp_path)).summarize(seed_text)
        waited = server.times[1] - server.times[0]
    assert waited >= 0.95  # the server asked for 1 s
    assert summary.meta.transport_retries == 1
    assert summary.meta.attempts == N_PASSES + 1
    assert {f.value for f in summary.figures} == SEED_FIGURES
    # tokens of the successful answers (the fake server reports 100 + 10 each)
    assert (summary.meta.input_tokens, summary.meta.output_tokens) == (100 * N_PASSES, 10 * N_PASSES)


def test_500_until_the_budget_runs_out_gives_a_clear_error(seed_text: str, tmp_path) -> None:
    with FakeServer(script=[("status", 500)]) as server:
        settings = remote(server, tmp_path, transport_retries=3)
        started = time.monotonic()
        with pytest.raises(BackendError) as err:
            Summarizer(settings).summarize(seed_text)
        elapsed = time.monotonic() - started
        assert len(server.requests) == 4  # one try and three retries
    message = str(err.value)
    assert "HTTP 500 from the server after 4 attempt(s)" in message
    assert "\n" not in message
    assert elapsed < 30
    assert Cache(tmp_path / "c.sqlite").stats()["entries"] == 0


def test_retry_budget_bounds_total_time(seed_text: str, tmp_path) -> None:
    with FakeServer(script=[("status", (503, {"Retry-After": "30"}))]) as server:
        settings = remote(server, tmp_path, transport_retries=10, retry_budget=2)
        started = time.monotonic()
        with pytest.raises(BackendError, match="HTTP 503"):
            Summarizer(settings).summarize(seed_text)
        assert time.monotonic() - started < 6


def test_remote_model_without_key_says_how_to_set_one(seed_text: str, tmp_path) -> None:
    from summarizer import ConfigError

    with pytest.raises(ConfigError, match="SUMMARIZER_API_KEY"):
        Summarizer(Settings(model="gpt-4o-mini", cache_path=tmp_path / "c.sqlite")).summarize(seed_text)
