"""``summarize batch``: one JSONL line out per line in, in order; bad lines become error records."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import main

from .conftest import GOOD, N_PASSES, SEED, pass_of
from .fakeserver import FakeServer


@pytest.fixture
def model() -> Iterator[FakeServer]:
    with FakeServer(router=lambda body: ("ok", json.dumps(GOOD[pass_of(body)]))) as server:
        yield server


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch(model: FakeServer, infile: Path, out: Path, cache: Path):
    args = ["batch", str(infile), "--out", str(out), "--model", "fake", "--base-url", model.base_url]
    return CliRunner().invoke(main, [*args, "--cache", str(cache)], catch_exceptions=False)


def test_bad_lines_become_error_records_in_order_and_rerun_uses_cache(model: FakeServer, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(SEED.read_text(encoding="utf-8").replace("Friday", "Thursday"), encoding="utf-8")
    infile = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "seed", "text": SEED.read_text(encoding="utf-8")}),
            json.dumps({"id": "empty", "text": "  \n "}),
            '{"id": 3, "text": "unterminated',
            "",  # blank lines are not articles
            json.dumps({"id": "gone", "path": str(tmp_path / "missing.txt")}),
            json.dumps({"id": 5, "path": str(other)}),
            json.dumps({"id": "both", "text": "x", "url": "http://127.0.0.1/"}),
        ],
    )
    out, cache = tmp_path / "out.jsonl", tmp_path / "c.sqlite"
    result = batch(model, infile, out, cache)
    assert result.exit_code == 5, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["seed", "empty", None, "gone", 5, "both"]
    assert ["error" in r for r in records] == [False, True, True, True, False, True]
    assert [r.get("line") for r in records] == [None, 2, 3, 5, None, 7]
    assert "is empty" in records[1]["error"]
    assert records[2]["error"].startswith("not JSON")
    assert "no such file" in records[3]["error"]
    assert "exactly one of" in records[5]["error"]
    good = records[0]
    text = SEED.read_text(encoding="utf-8")
    assert good["source"] == f"{infile}:1" and good["meta"]["cached"] is False
    for q in good["quotes"]:
        assert text[q["span"]["start"] : q["span"]["end"]] == q["text"]
    assert records[4]["source"] == str(other)
    stderr = result.stderr.splitlines()
    assert sum(line.startswith("summarize: error: line ") for line in stderr) == 4
    assert stderr[-1].startswith("batch: 6 lines, 2 ok (0 from cache), 4 failed; ")
    assert "input + " in stderr[-1] and stderr[-1].endswith(" s")
    calls = len(model.requests)
    assert calls == 2 * N_PASSES  # two articles, every pass once each

    again = batch(model, infile, out, cache)  # the output file is rewritten, the model not asked again
    assert again.exit_code == 5
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6
    assert records[0]["meta"]["cached"] is True and records[4]["meta"]["cached"] is True
    assert records[0]["meta"]["seconds"] == good["meta"]["seconds"]  # the original run's time
    assert records[0]["meta"]["lookup_seconds"] is not None
    assert len(model.requests) == calls
    assert again.stderr.splitlines()[-1].startswith("batch: 6 lines, 2 ok (2 from cache), 4 failed; 0 input + 0 output")


def test_all_good_exits_0_and_writes_to_stdout(model: FakeServer, tmp_path: Path) -> None:
    infile = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": 1, "path": str(SEED)})])
    args = ["batch", str(infile), "--out", "-", "--model", "fake", "--base-url", model.base_url]
    result = CliRunner().invoke(main, [*args, "--cache", str(tmp_path / "c.sqlite")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == 1 and record["source"] == str(SEED)
    assert result.stderr.startswith("batch: 1 lines, 1 ok")


def test_missing_input_file_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert result.stderr == f"summarize: error: {tmp_path / 'nope.jsonl'}: no such file\n"
    assert not (tmp_path / "o.jsonl").exists()


def test_killed_batch_keeps_the_finished_lines(tmp_path: Path) -> None:
    """Lines are flushed as articles finish: a run killed half-way leaves only whole lines."""
    text = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": i, "text": text + f"\n\nUpdate {i}."}) for i in range(4)]
    infile = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"

    def slow(body: dict):
        time.sleep(0.3)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    with FakeServer(router=slow) as server:
        exe = Path(sys.executable).parent / "summarize"
        args = [str(exe), "batch", str(infile), "--out", str(out), "--model", "fake", "--base-url", server.base_url]
        proc = subprocess.Popen(
            [*args, "--cache", str(tmp_path / "c.sqlite")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 2):
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    kept = out.read_text(encoding="utf-8")
    assert kept.endswith("\n")
    records = [json.loads(line) for line in kept.splitlines()]
    assert 2 <= len(records) < 4
    assert [r["id"] for r in records] == list(range(len(records)))


def test_setup_error_stops_the_batch_with_its_code(tmp_path: Path) -> None:
    """A missing API key would fail every line the same way: recorded once, then the batch stops."""
    lines = [json.dumps({"id": i, "path": str(SEED)}) for i in range(3)]
    infile, out = write_jsonl(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl"
    args = ["batch", str(infile), "--out", str(out), "--model", "gpt-4o-mini", "--cache", str(tmp_path / "c.sqlite")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == 0 and "needs an API key" in record["error"]
    assert result.stderr.splitlines()[-1].startswith("summarize: error: ") and "API key" in result.stderr
