"""Fault injection over real HTTP on 127.0.0.1: every fault ends in a grounded result or one clear
error inside the time budget, nothing invalid is cached, and meta counts every attempt."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from summarizer import BackendError, Settings, Summarizer
from summarizer.cache import Cache

from ..conftest import ASKED, GOOD, N_PASSES, SEED_FIGURES, pass_of
from ..fakeserver import FakeServer


def good(body: dict) -> tuple[str, str]:
    return ("ok", json.dumps(GOOD[pass_of(body)]))


def faulty_once(fault: tuple, on: str = "summary"):
    """Answer well, except the first request of pass ``on``, which gets ``fault``."""
    done = {"n": 0}

    def route(body: dict):
        if pass_of(body) == on and done["n"] == 0:
            done["n"] += 1
            return fault
        return good(body)

    return route


def settings_for(server: FakeServer, tmp_path: Path, **kw) -> Settings:
    base = {"model": "fake", "base_url": server.base_url, "cache_path": tmp_path / "c.sqlite", "timeout": 2.0}
    return Settings(**{**base, **kw})


def entries(tmp_path: Path) -> int:
    return Cache(tmp_path / "c.sqlite").stats()["entries"]


@pytest.mark.parametrize(
    "fault",
    [
        ("status", (429, {"Retry-After": "0.2"})),
        ("status", 500),
        ("status", 502),
        ("status", 503),
        ("hang", 4.0),
        ("close", None),
        ("nonjson", None),
    ],
    ids=["429", "500", "502", "503", "hang", "close", "nonjson"],
)
def test_transient_fault_once_is_retried_and_the_result_is_grounded(fault, seed_text: str, tmp_path: Path) -> None:
    with FakeServer(router=faulty_once(fault)) as server:
        started = time.monotonic()
        summary = Summarizer(settings_for(server, tmp_path)).summarize(seed_text)
        elapsed = time.monotonic() - started
    assert summary.meta.transport_retries == 1
    assert summary.meta.attempts == N_PASSES + 1
    assert summary.meta.reasks == 0
    assert {f.value for f in summary.figures} == SEED_FIGURES
    for f in summary.figures:
        assert seed_text[f.span.start : f.span.end] == f.text
    assert elapsed < 15
    assert entries(tmp_path) == 1


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (("status", 503), "HTTP 503 from the server after 3 attempt(s)"),
        (("hang", 5.0), "the request timed out after 3 attempt(s)"),
        (("close", None), "the connection failed after 3 attempt(s)"),
        (("nonjson", None), "the server answered with a body that is not JSON after 3 attempt(s)"),
    ],
    ids=["503", "hang", "close", "nonjson"],
)
def test_persistent_fault_is_one_clear_error_within_the_budget(
    fault, message: str, seed_text: str, tmp_path: Path
) -> None:
    with FakeServer(script=[fault]) as server:
        settings = settings_for(server, tmp_path, transport_retries=2, timeout=1.0, retry_budget=20)
        started = time.monotonic()
        with pytest.raises(BackendError) as err:
            Summarizer(settings).summarize(seed_text)
        elapsed = time.monotonic() - started
        assert len(server.requests) == 3
    assert message in str(err.value) and "\n" not in str(err.value)
    assert elapsed < 20
    assert entries(tmp_path) == 0


def test_schema_violation_is_reasked_and_its_tokens_counted(seed_text: str, tmp_path: Path) -> None:
    bad = ("ok", json.dumps({"figures": [{"txt": "100"}]}))
    with FakeServer(router=faulty_once(bad)) as server:
        summary = Summarizer(settings_for(server, tmp_path)).summarize(seed_text)
    assert summary.meta.reasks == 1 and summary.meta.attempts == N_PASSES + 1
    # the fake server reports 100 input + 10 output tokens for every answer, the failed one too
    assert (summary.meta.input_tokens, summary.meta.output_tokens) == (100 * (N_PASSES + 1), 10 * (N_PASSES + 1))
    assert {f.value for f in summary.figures} == SEED_FIGURES


def test_schema_violation_every_time_ends_in_rejected_not_a_crash(tmp_path: Path) -> None:
    def route(body: dict):
        if pass_of(body) == "figures":  # ASKED: the seed plus "a panel of twelve", whose unit is asked (F1)
            broken = {"F1": "members", "other": [{"txt": "100"}, {"text": "175,000", "unit": "x"}]}
            return ("ok", json.dumps(broken))
        return good(body)

    with FakeServer(router=route) as server:
        summary = Summarizer(settings_for(server, tmp_path, max_retries=1)).summarize(ASKED)
    # the keyed unit survives; the broken extra is rejected, the valid one is a listed figure again
    assert {f.value for f in summary.figures} == SEED_FIGURES | {12}
    assert summary.figures[-1].unit == "members"
    assert [f.unit for f in summary.figures if f.value == 175000] == ["personnel"]  # read by code, not "x"
    assert any(r.field == "other" and r.reason.startswith("invalid") for r in summary.rejected)
    assert summary.meta.reasks == 1


def test_output_cut_by_length_keeps_complete_items(tmp_path: Path) -> None:
    cut = ("length", '{"F1":"members","other":[{"text":"nin')
    with FakeServer(router=faulty_once(cut, on="figures")) as server:
        summary = Summarizer(settings_for(server, tmp_path)).summarize(ASKED)
    # every number code found is kept with what code reads; the unit written before the cut is kept
    assert {f.value for f in summary.figures} == SEED_FIGURES | {12}
    assert [f.unit for f in summary.figures] == [
        "battalions", "fraction", "personnel", "leaders", "Russian troops", "members"
    ]  # fmt: skip
    assert all(f.measures for f in summary.figures)
    assert any("cut off" in r.reason for r in summary.rejected)


def test_non_transient_http_error_is_not_retried(seed_text: str, tmp_path: Path) -> None:
    with FakeServer(script=[("status", 401)]) as server:
        with pytest.raises(
            BackendError, match=r"HTTP 401 from the server \(check --api-key / SUMMARIZER_API_KEY\) after 1 attempt"
        ):
            Summarizer(settings_for(server, tmp_path)).summarize(seed_text)
        assert len(server.requests) == 1
