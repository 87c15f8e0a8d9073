"""``summarize eval --replay``: identical model calls answered from a SQLite file, others recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.backends import ScriptedBackend
from summarizer.backends.replay import ReplayBackend
from summarizer.cli import main
from summarizer.config import Settings
from summarizer.pipeline import Summarizer

from .conftest import ASKED, router

SEED_ID = "000_1090c6890e8707cd"


def _no_calls(request: dict[str, Any]) -> Any:
    raise AssertionError("a replayed run called the model")


def _result(summary: Any) -> dict[str, Any]:
    data = summary.model_dump()
    data.pop("meta")
    return data


def test_a_second_run_is_answered_from_the_file_with_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite"
    settings = Settings(use_cache=False)
    first = ReplayBackend(ScriptedBackend(router=router()), path)
    recorded = Summarizer(settings, backend=first).summarize(ASKED)
    assert first.recorded >= 3 and first.replayed == 0  # claims, summary, figures, quotes
    again = ReplayBackend(ScriptedBackend(router=_no_calls), path)
    replayed = Summarizer(settings, backend=again).summarize(ASKED)
    assert (again.replayed, again.recorded) == (first.recorded, 0)
    assert _result(replayed) == _result(recorded)


def test_a_changed_request_goes_to_the_model_and_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite"
    settings = Settings(use_cache=False)
    Summarizer(settings, backend=ReplayBackend(ScriptedBackend(router=router()), path)).summarize(ASKED)
    inner = ScriptedBackend(router=router())
    changed = ReplayBackend(inner, path)
    Summarizer(settings, backend=changed).summarize(ASKED + "\n\nThe mayor said on Monday the bridge will close.\n")
    assert changed.recorded == len(inner.requests) >= 2  # every prompt holds the article: nothing replays
    hotter = ReplayBackend(ScriptedBackend(router=router()), path)
    Summarizer(Settings(use_cache=False, temperature=0.5), backend=hotter).summarize(ASKED)
    assert hotter.replayed == 0  # another parameter is another request


def test_a_failed_call_records_nothing(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite"
    backend = ReplayBackend(ScriptedBackend([RuntimeError("boom")]), path)
    with pytest.raises(RuntimeError):
        backend.create(messages=[{"role": "user", "content": "x"}], model="m")
    assert backend.recorded == 0
    again = ReplayBackend(ScriptedBackend([{"a": 1}]), path)
    again.create(messages=[{"role": "user", "content": "x"}], model="m")
    assert (again.replayed, again.recorded) == (0, 1)


def test_eval_replay_reports_what_it_answered(use_backend, tmp_path: Path) -> None:
    use_backend(lambda settings: ScriptedBackend(router=router()))
    args = ["eval", "--only", SEED_ID, "--no-variants", "--no-cache", "--thresholds", str(tmp_path / "none.toml")]
    args += ["--replay", str(tmp_path / "calls.sqlite")]
    runner = CliRunner()
    first = runner.invoke(main, [*args, "--out", str(tmp_path / "a")], catch_exceptions=False)
    second = runner.invoke(main, [*args, "--out", str(tmp_path / "b")], catch_exceptions=False)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "0 model calls answered from" in first.stderr and "0 sent to the model" in second.stderr
    (run,) = (tmp_path / "b").iterdir()
    replay = json.loads((run / "report.json").read_text())["replay"]
    assert replay["recorded"] == 0 and replay["replayed"] >= 2
