"""CLI habits: -h everywhere, Ctrl-C, several inputs past a bad one, -o, cache clear, progress."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from summarizer import Settings, Summarizer, cli, progress, weights
from summarizer.backends import ScriptedBackend
from summarizer.cli import main

from .conftest import GOOD, N_PASSES, SEED, SEED_PASSES, pass_of, router
from .fakeserver import FakeServer

EXE = Path(sys.executable).parent / "summarize"


@pytest.fixture
def scripted(use_backend) -> list[ScriptedBackend]:
    made: list[ScriptedBackend] = []

    def make(settings: Settings) -> ScriptedBackend:
        backend = ScriptedBackend(router=router())
        made.append(backend)
        return backend

    use_backend(make)
    return made


def slow_good(delay: float):
    def route(body: dict):
        time.sleep(delay)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    return route


@pytest.mark.parametrize(
    "command",
    [[], ["run"], ["batch"], ["cache"], ["cache", "stats"], ["cache", "clear"], ["eval"], ["eval", "run"],
     ["eval", "history"], ["eval", "compare"]],
)  # fmt: skip
def test_dash_h_works_everywhere(command: list[str]) -> None:
    short = CliRunner().invoke(main, [*command, "-h"])
    assert short.exit_code == 0, short.output
    assert short.stdout.startswith("Usage: ")
    assert short.stdout == CliRunner().invoke(main, [*command, "--help"]).stdout


def test_help_documents_exit_codes() -> None:
    text = CliRunner().invoke(main, ["-h"]).stdout
    assert "5 batch: some lines failed" in text and "130 interrupted" in text


def test_several_inputs_keep_going_past_a_bad_one(scripted, tmp_path: Path) -> None:
    cache = str(tmp_path / "c.sqlite")
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, [str(SEED), str(missing), str(empty), "--format", "json", "--cache", cache])
    assert result.exit_code == 2  # only input errors
    docs = json.loads(result.stdout)
    assert [d["source"] for d in docs] == [str(SEED)]
    assert result.stderr.splitlines() == [
        f"summarize: error: {missing}: no such file",
        f"summarize: error: {empty} is empty: give it an article's text",
    ]


def test_output_file_instead_of_stdout(scripted, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, [str(SEED), "--format", "json", "-o", str(out), "--cache", str(tmp_path / "c")])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["source"] == str(SEED) and doc["summary"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")) == []  # no temp file left
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not a private temp file


def test_failed_run_leaves_no_output_file(scripted, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, [str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with FakeServer(router=slow_good(5)) as server:
        args = [str(SEED), "--format", "json", "-o", str(out), "--model", "fake", "--base-url", server.base_url]
        proc = subprocess.Popen(
            [str(EXE), *args, "--cache", str(tmp_path / "c.sqlite")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # a shell's background job (`cmd &`, as CI may start us) inherits SIGINT ignored, and Python
            # then never installs its Ctrl-C handler: give the child the terminal's default, as a user has
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        deadline = time.monotonic() + 60
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.requests, "the run never reached the model"
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Aborted!" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("summarize: interrupted")
    assert stdout == ""
    assert list(tmp_path.glob("*out.json*")) == []


def test_cache_clear_asks_or_needs_yes(scripted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = str(tmp_path / "c.sqlite")
    CliRunner().invoke(main, [str(SEED), "--cache", cache])

    def entries() -> int:
        return json.loads(CliRunner().invoke(main, ["cache", "stats", "--cache", cache]).stdout)["entries"]

    refused = CliRunner().invoke(main, ["cache", "clear", "--cache", cache])  # no terminal to ask on
    assert refused.exit_code == 2
    assert refused.stderr.startswith("summarize: error: cache clear would delete 1 cached summaries")
    assert "--yes" in refused.stderr and entries() == 1

    monkeypatch.setattr(cli.cachecmd, "_interactive", lambda: True)
    declined = CliRunner().invoke(main, ["cache", "clear", "--cache", cache], input="n\n")
    assert declined.exit_code == 0 and "nothing removed" in declined.stdout and entries() == 1
    accepted = CliRunner().invoke(main, ["cache", "clear", "--cache", cache], input="y\n")
    assert accepted.exit_code == 0 and "removed 1 cached summaries" in accepted.stdout and entries() == 0

    monkeypatch.setattr(cli.cachecmd, "_interactive", lambda: False)
    CliRunner().invoke(main, [str(SEED), "--cache", cache])
    assert CliRunner().invoke(main, ["cache", "clear", "--yes", "--cache", cache]).exit_code == 0
    assert entries() == 0


def test_cached_result_keeps_the_original_seconds(settings: Settings, seed_text: str) -> None:
    first = Summarizer(settings, ScriptedBackend(router=router())).summarize(seed_text)
    second = Summarizer(settings, ScriptedBackend(router=router())).summarize(seed_text)
    assert first.meta.lookup_seconds is None and not first.meta.cached
    assert second.meta.cached and second.meta.seconds == first.meta.seconds
    assert second.meta.lookup_seconds is not None and second.meta.lookup_seconds >= 0


def test_progress_callback_sees_every_pass(settings: Settings, seed_text: str) -> None:
    calls: list[tuple[str, int, int]] = []
    backend = ScriptedBackend(router=router())
    Summarizer(settings, backend).summarize(seed_text, progress=lambda *a: calls.append(a))
    assert calls == [(name, i, N_PASSES) for i, name in enumerate(SEED_PASSES, 1)]
    assert len(backend.requests) == N_PASSES
    calls.clear()
    Summarizer(settings, backend).summarize(seed_text, progress=lambda *a: calls.append(a))
    assert calls == []  # from the cache: no pass ran


def test_no_progress_on_stderr_when_not_a_terminal(scripted, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [str(SEED), "--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 0 and result.stderr == ""
    with FakeServer(router=slow_good(0.05)) as server:
        args = [str(SEED), "--model", "fake", "--base-url", server.base_url, "--cache", str(tmp_path / "d.sqlite")]
        proc = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""


def run_on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal: its exit code, what the terminal got, stdout."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(EXE), *args], stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    stdout = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, seen.decode("utf-8", errors="replace"), stdout.decode("utf-8")


def test_terminal_shows_the_running_pass_unless_quiet(tmp_path: Path) -> None:
    with FakeServer(router=slow_good(0.4)) as server:
        common = ["--model", "fake", "--base-url", server.base_url, "--format", "json"]
        code, terminal, stdout = run_on_a_terminal([str(SEED), *common, "--cache", str(tmp_path / "a.sqlite")])
        assert code == 0 and json.loads(stdout)["source"] == str(SEED)
        for n, name in enumerate(SEED_PASSES, 1):
            assert f"{name} {n}/{N_PASSES}" in terminal
        assert " s" in terminal  # the clock on the article
        code, terminal, _ = run_on_a_terminal([str(SEED), *common, "--cache", str(tmp_path / "b.sqlite"), "--quiet"])
        assert code == 0 and terminal == ""


def test_batch_on_a_terminal_keeps_stdout_for_the_results(tmp_path: Path) -> None:
    infile = tmp_path / "in.jsonl"
    infile.write_text(json.dumps({"id": "a", "path": str(SEED)}) + "\n" + "not json\n", encoding="utf-8")
    with FakeServer(router=slow_good(0.3)) as server:
        args = ["batch", str(infile), "--out", "-", "--model", "fake", "--base-url", server.base_url]
        code, terminal, stdout = run_on_a_terminal([*args, "--cache", str(tmp_path / "c.sqlite")])
    assert code == 5
    assert [json.loads(line).get("id") for line in stdout.splitlines()] == ["a", None]
    assert (
        f"a: {SEED_PASSES[-1]} {N_PASSES}/{N_PASSES}" in terminal and "summarize: error: line 2: not JSON" in terminal
    )
    assert "batch: 2 lines, 1 ok (0 from cache), 1 failed" in terminal


def test_model_assembly_shows_a_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = []
    for n in range(1, weights.PARTS + 1):
        p = tmp_path / f"part{n:02d}.bin"
        p.write_bytes(bytes([n]) * 1000)
        parts.append(p)
    import hashlib

    blob = b"".join(p.read_bytes() for p in parts)
    monkeypatch.setattr(weights, "_part_path", lambda n: parts[n - 1])
    monkeypatch.setattr(weights, "EMBEDDED_SIZE", len(blob))
    monkeypatch.setattr(weights, "EMBEDDED_SHA256", hashlib.sha256(blob).hexdigest())
    monkeypatch.setenv("SUMMARIZER_MODELS_DIR", str(tmp_path / "models"))
    screen = io.StringIO()
    monkeypatch.setattr(progress, "console", lambda: Console(file=screen, force_terminal=True, width=100))
    monkeypatch.setattr(progress, "enabled", lambda: True)
    path = weights.embedded_model_path()
    assert path.read_bytes() == blob
    assert "assembling the embedded model" in screen.getvalue()

    path.unlink()
    screen.truncate(0)
    monkeypatch.setattr(progress, "enabled", lambda: False)
    weights.embedded_model_path()
    assert screen.getvalue() == ""


def test_output_folder_must_exist_before_any_work(scripted, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.json"
    result = CliRunner().invoke(main, [str(SEED), "-o", str(out), "--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 2 and "its folder does not exist" in result.stderr
    assert scripted == []  # refused before any model was set up


def test_options_before_the_file(scripted, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = CliRunner().invoke(main, ["-o", str(out), "--cache", str(tmp_path / "c.sqlite"), str(SEED)])
    assert result.exit_code == 0, result.output
    assert "## Quotes" in out.read_text(encoding="utf-8")


def test_assembly_bar_during_a_status_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run assembles the model while the pass status is up: the status steps aside."""
    screen = io.StringIO()
    monkeypatch.setattr(progress, "console", lambda: Console(file=screen, force_terminal=True, width=100))
    monkeypatch.setattr(progress, "enabled", lambda: True)
    with progress.PassStatus() as status:
        status.article("a.txt", 0)
        live = progress._active.live if progress._active else None
        assert live is not None and live.is_started
        with progress.byte_bar("assembling the embedded model", 100) as advance:
            assert not live.is_started  # never two live displays fighting over the terminal
            advance(100)
        assert live.is_started
        status("summary", 1, 4)
    shown = screen.getvalue()
    assert "assembling the embedded model" in shown and "summary 1/4" in shown
    assert progress._active is None
