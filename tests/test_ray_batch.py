"""``summarize batch --ray``: a local Ray instance (started once for the module) against scripted
OpenAI-compatible servers on 127.0.0.1: order, error records, resume after a kill, a pool of servers."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import ray
from click.testing import CliRunner

from summarizer import distributed
from summarizer.article import Article
from summarizer.cli import main
from summarizer.fields import PASSES, Context
from summarizer.journal import Journal

from .conftest import GOOD, SEED, pass_of
from .fakeserver import FakeServer

TEXT = SEED.read_text(encoding="utf-8")


def article_text(i: int) -> str:
    return TEXT + f"\n\nUpdate {i}."


def calls(i: int) -> int:
    """Model calls for article ``i`` when every answer is good: one per pass that has something to ask."""
    return sum(not p.skipped(Context.of(Article.from_text(article_text(i)))) for p in PASSES)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """One Ray instance for every test here (it takes seconds to start); yields its address."""
    ray.init("local", num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


class Model:
    """A scripted server that answers every pass well, after ``delay`` seconds (``slow``: per article
    number), and counts the requests it got for each article (``Update N.`` at the article's end)."""

    def __init__(self, delay: float = 0.0, slow: dict[int, float] | None = None) -> None:
        self.delay, self.slow = delay, slow or {}
        self.per_article: Counter[int] = Counter()
        self._lock = threading.Lock()
        self.server = FakeServer(router=self.route)

    def route(self, body: dict[str, Any]) -> tuple[str, str]:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        found = re.search(r"Update (\d+)\.", user)
        article = int(found.group(1)) if found else -1
        with self._lock:
            self.per_article[article] += 1
        time.sleep(self.slow.get(article, self.delay))
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    def __enter__(self) -> Model:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)

    @property
    def url(self) -> str:
        return self.server.base_url

    @property
    def requests(self) -> int:
        return len(self.server.requests)


def article_line(i: int) -> str:
    return json.dumps({"id": i, "text": article_text(i)})


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def invoke(infile: Path, out: Path, cache: Path, *urls: str, extra: tuple[str, ...] = ()) -> Any:
    args = ["batch", str(infile), "--out", str(out), "--model", "fake", "--cache", str(cache)]
    for url in urls:
        args += ["--base-url", url]
    return CliRunner().invoke(main, [*args, *extra, "--ray"], catch_exceptions=False)


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_order_and_error_records_match_the_local_batch(cluster: str, tmp_path: Path) -> None:
    """Article 0 answers last, yet OUT is in input order; bad lines are the local batch's error records,
    and the local batch, reading the same cache, writes the same lines (bar the time of its lookup)."""
    lines = [
        article_line(0),
        json.dumps({"id": "empty", "text": "  \n "}),
        article_line(2),
        '{"id": 3, "text": "unterminated',
        "",
        json.dumps({"id": "both", "text": "x", "url": "http://127.0.0.1/"}),
        article_line(6),
    ]
    infile, out, cache = write(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl", tmp_path / "c.sqlite"
    with Model(slow={0: 0.6}) as model:
        result = invoke(infile, out, cache, model.url, extra=("--workers", "2"))
        assert result.exit_code == 5, result.output
        got = records(out)
        assert [r["id"] for r in got] == [0, "empty", 2, None, "both", 6]
        assert [r.get("line") for r in got] == [None, 2, None, 4, 6, None]
        assert "is empty" in got[1]["error"] and got[3]["error"].startswith("not JSON")
        assert "exactly one of" in got[4]["error"]
        assert got[0]["source"] == f"{infile}:1" and got[0]["meta"]["cached"] is False
        for q in got[0]["quotes"]:
            assert article_text(0)[q["span"]["start"] : q["span"]["end"]] == q["text"]
        assert model.per_article == {0: calls(0), 2: calls(2), 6: calls(6)}
        stderr = result.stderr.splitlines()
        assert sum(line.startswith("summarize: error: line ") for line in stderr) == 3
        assert stderr[-1].startswith("ray batch: 6 lines: 3 done, 3 failed, 0 skipped (0 in OUT, 0 from cache); ")
        assert "articles/hour" in stderr[-1]

        args = [
            "batch",
            str(infile),
            "--out",
            str(tmp_path / "local.jsonl"),
            "--model",
            "fake",
            "--base-url",
            model.url,
        ]
        local = CliRunner().invoke(main, [*args, "--cache", str(cache)])
        assert local.exit_code == 5 and model.requests == calls(0) + calls(2) + calls(6)  # all from the cache
    ray_lines, local_lines = (
        out.read_text("utf-8").splitlines(),
        (tmp_path / "local.jsonl").read_text("utf-8").splitlines(),
    )
    assert len(ray_lines) == len(local_lines) == 6
    for ours, theirs in zip(ray_lines, local_lines, strict=True):
        a, b = json.loads(ours), json.loads(theirs)
        if "meta" in a:  # the local run read them from the cache: same record but for these two
            assert b["meta"].pop("cached") is True and b["meta"].pop("lookup_seconds") is not None
            assert a["meta"].pop("cached") is False and a["meta"].pop("lookup_seconds") is None
        assert a == b


def test_two_servers_both_used_and_nothing_done_twice(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed, "PROGRESS_EVERY", 0.0)  # a progress line after every record
    infile = write(tmp_path / "in.jsonl", [article_line(i) for i in range(6)])
    out, cache = tmp_path / "out.jsonl", tmp_path / "c.sqlite"
    with Model(delay=0.1) as a, Model(delay=0.1) as b:
        result = invoke(infile, out, cache, a.url, b.url)  # --workers defaults to one per server
        assert result.exit_code == 0, result.output
        assert a.requests > 0 and b.requests > 0
        assert a.per_article + b.per_article == {i: calls(i) for i in range(6)}
    assert [r["id"] for r in records(out)] == list(range(6))
    assert f"2 workers ({a.url}, {b.url})" in result.stderr
    progress = [line for line in result.stderr.splitlines() if re.match(r"ray batch: \d/6 lines \(", line)]
    assert len(progress) == 6 and progress[-1].startswith("ray batch: 6/6 lines (6 done, 0 failed, 0 skipped), ")

    before = out.read_bytes()  # run again: everything is in OUT, nothing is sent, the file is the same
    with Model() as c:
        again = invoke(infile, out, cache, c.url)
        assert again.exit_code == 0 and c.requests == 0
    assert again.stderr.splitlines()[-1].startswith("ray batch: 6 lines: 0 done, 0 failed, 6 skipped (6 in OUT, ")
    assert out.read_bytes() == before
    assert result.stderr.splitlines()[-1].startswith("ray batch: 6 lines: 6 done, 0 failed, 0 skipped")


def test_a_summary_any_server_made_is_taken_from_the_cache(cluster: str, tmp_path: Path) -> None:
    """The local batch fills the cache through server A; a Ray run over servers B and A asks neither."""
    infile = write(tmp_path / "in.jsonl", [article_line(i) for i in range(4)])
    cache = tmp_path / "c.sqlite"
    with Model() as a, Model() as b:
        args = ["batch", str(infile), "--out", str(tmp_path / "local.jsonl"), "--model", "fake", "--base-url", a.url]
        assert CliRunner().invoke(main, [*args, "--cache", str(cache)]).exit_code == 0
        before = a.requests
        result = invoke(infile, tmp_path / "out.jsonl", cache, b.url, a.url)
        assert result.exit_code == 0, result.output
        assert (a.requests, b.requests) == (before, 0)
    assert [r["meta"]["cached"] for r in records(tmp_path / "out.jsonl")] == [True] * 4
    assert "0 done, 0 failed, 4 skipped (0 in OUT, 4 from cache)" in result.stderr


def test_killed_run_resumes_with_nothing_lost_or_done_twice(cluster: str, tmp_path: Path) -> None:
    """SIGKILL the driver (a separate process that joins this cluster) mid-batch, run again: every
    article is in OUT once, in order, and none that had finished was asked again."""
    n = 8
    infile = write(tmp_path / "in.jsonl", [article_line(i) for i in range(n)])
    out, cache = tmp_path / "out.jsonl", tmp_path / "c.sqlite"
    with Model(delay=0.15, slow=dict.fromkeys(range(5, n), 1.0)) as model:  # the run cannot end before the kill
        exe = Path(sys.executable).parent / "summarize"
        args = [str(exe), "batch", str(infile), "--out", str(out), "--model", "fake", "--base-url", model.url]
        proc = subprocess.Popen(
            [*args, "--cache", str(cache), "--workers", "2", f"--ray={cluster}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        finished = {r["id"] for r in records(out)}  # what the killed run had written
        assert 3 <= len(finished) < n
        settle = time.monotonic() + 60  # its actors die with it: wait until no request comes any more
        while time.monotonic() < settle:
            seen = model.requests
            time.sleep(1.0)
            if model.requests == seen and ray.available_resources().get("CPU", 0) >= 2:
                break
        asked_then = dict(model.per_article)

        result = invoke(infile, out, cache, model.url, extra=("--workers", "2"))
        assert result.exit_code == 0, result.output
    assert [r["id"] for r in records(out)] == list(range(n))  # nothing lost, each once, in input order
    for i in finished:  # nothing done twice
        assert model.per_article[i] == calls(i) == asked_then[i]
    for i in set(range(n)) - finished:  # done by the rerun, or taken from the cache a killed actor filled
        assert model.per_article[i] >= calls(i)
    kept = len(finished)
    last = result.stderr.splitlines()[-1]
    assert re.match(rf"ray batch: {n} lines: \d+ done, 0 failed, \d+ skipped \({kept} in OUT, \d+ from cache\)", last)


def test_setup_error_stops_the_run_with_its_code(cluster: str, tmp_path: Path) -> None:
    """A missing API key would fail every line the same way: recorded once, then the run stops."""
    infile = write(tmp_path / "in.jsonl", [article_line(i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    args = ["batch", str(infile), "--out", str(out), "--model", "gpt-4o-mini", "--cache", str(tmp_path / "c.sqlite")]
    result = CliRunner().invoke(main, [*args, "--workers", "1", "--ray"])
    assert result.exit_code == 2
    (record,) = records(out)
    assert record["id"] == 0 and "needs an API key" in record["error"]
    assert result.stderr.splitlines()[-1].startswith("summarize: error: ") and "API key" in result.stderr


def test_without_servers_each_actor_loads_the_model_with_its_threads(cluster: str, tmp_path: Path) -> None:
    """No --base-url: every actor builds the local backend (here a missing GGUF, a setup error)."""
    infile, out = write(tmp_path / "in.jsonl", [article_line(i) for i in range(3)]), tmp_path / "out.jsonl"
    args = ["batch", str(infile), "--out", str(out), "--model", str(tmp_path / "none.gguf"), "--threads", "1"]
    result = CliRunner().invoke(main, [*args, "--cache", str(tmp_path / "c.sqlite"), "--workers", "2", "--ray"])
    assert result.exit_code == 2
    assert "3 of 3 lines to do, 2 workers (the model in each, 1 thread)" in result.stderr
    (record,) = records(out)
    assert f"model file {tmp_path / 'none.gguf'} does not exist" in record["error"]


def test_journal_keeps_whole_successful_lines_and_puts_them_in_order(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(
        b'{"id": "b", "summary": "B"}\n'
        b'{"id": "gone", "summary": "not in the input any more"}\n'
        b'{"id": "c", "line": 3, "error": "failed last time: tried again"}\n'
        b'{"id": "a", "summary": "A"}\n'
        b'{"id": "c", "summ'  # cut off by a kill
    )
    journal = Journal(out, {"a": 1, "b": 2, "c": 3})
    assert sorted(journal.where) == [1, 2]
    assert not out.read_bytes().endswith(b"summ")
    journal.append(3, '{"id": "c", "summary": "C"}\n')
    journal.finish([1, 2, 3])
    assert [r["id"] for r in records(out)] == ["a", "b", "c"]
    assert records(out)[2]["summary"] == "C"


def test_journal_refuses_a_file_that_is_not_batch_output(tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["batch", str(write(tmp_path / "in.jsonl", [article_line(0)])), "--out", str(out), "--ray"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summarize: error: {out} line 1 is not a batch record")
    assert out.read_text(encoding="utf-8") == "my notes\n"


def test_an_address_that_does_not_answer_is_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray, "is_initialized", lambda: False)  # as in a fresh process: really connect
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    infile, out = write(tmp_path / "in.jsonl", [article_line(0)]), tmp_path / "o.jsonl"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["batch", str(infile), "--out", str(out), f"--ray=127.0.0.1:{port}"])
    assert result.exit_code == 2 and time.monotonic() - started < 30
    assert result.stderr.startswith(f"summarize: error: cannot join the Ray cluster at 127.0.0.1:{port} (")
    assert len(result.stderr.splitlines()) == 1 and not out.exists()


def test_repeated_ids_are_refused(tmp_path: Path) -> None:
    infile = write(tmp_path / "in.jsonl", [article_line(0), article_line(1), article_line(0)])
    result = CliRunner().invoke(main, ["batch", str(infile), "--out", str(tmp_path / "o.jsonl"), "--ray"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"summarize: error: {infile}: id 0 is on lines 1 and 3; --ray resumes by id, so give each line its own id\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2"], "--workers and a second --base-url need --ray"),
        (["--base-url", "http://127.0.0.1:1/v1", "--base-url", "http://127.0.0.1:2/v1"], "need --ray"),
        (["--ray", "--out", "-"], "--ray writes and resumes from a file: pass --out FILE, not -"),
    ],
)
def test_option_mistakes_are_one_line_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    infile = write(tmp_path / "in.jsonl", [article_line(0)])
    out = ["--out", str(tmp_path / "o.jsonl")] if "--out" not in args else []
    result = CliRunner().invoke(main, ["batch", str(infile), *out, "--model", "fake", *args])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_without_ray_the_flag_says_how_to_install_and_the_local_batch_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails as if it were not installed
    infile = write(tmp_path / "in.jsonl", [article_line(0)])
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["batch", str(infile), "--out", str(out), "--ray"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "summarize: error: --ray needs Ray, which is not installed; run: pip install 'summarizer[ray]'\n"
    )
    assert not out.exists()
    with Model() as model:
        args = ["batch", str(infile), "--out", str(out), "--model", "fake", "--base-url", model.url]
        local = CliRunner().invoke(main, [*args, "--cache", str(tmp_path / "c.sqlite")])
    assert local.exit_code == 0, local.output
    assert [r["id"] for r in records(out)] == [0]
