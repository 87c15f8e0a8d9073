"""``summarize serve`` as a real process: kill -9 and SIGTERM with jobs in flight, concurrency, secrets.

The model is the scripted OpenAI-compatible FakeServer on 127.0.0.1 (``--model fake --base-url``).
"""

from __future__ import annotations

import re
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from ..conftest import SEED
from ..fakeserver import FakeServer
from ..serving import echo_key_server, free_port, job_rows, serve_process, slow_good, wait_for, wait_healthy

KEY = "sk-test-RECOGNISABLE-5f3a9c"


def poll(base: str, job_id: str, timeout: float = 90) -> dict[str, Any]:
    def finished() -> dict[str, Any] | None:
        doc = httpx.get(f"{base}/v1/jobs/{job_id}", timeout=5).json()
        return doc if doc["status"] in ("done", "failed") else None

    return dict(wait_for(finished, timeout, f"job {job_id}"))


def stop(proc: subprocess.Popen[str], timeout: float = 15) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def texts(n: int) -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    return [seed + f"\n\nUpdate {i}: more to follow." for i in range(n)]


def assert_grounded(doc: dict[str, Any], text: str) -> None:
    assert doc["status"] == "done", doc
    quotes = doc["result"]["quotes"]
    assert quotes and all(text[q["span"]["start"] : q["span"]["end"]] == q["text"] for q in quotes)


def test_kill_9_with_queued_and_running_jobs_then_restart_finishes_them(tmp_path: Path) -> None:
    jobs_file = tmp_path / "c.sqlite.jobs.sqlite"
    articles = texts(4)
    with FakeServer(router=slow_good(0.4)) as fake:
        args = ["--model", "fake", "--base-url", fake.base_url, "--cache", str(tmp_path / "c.sqlite"), "--queue", "8"]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(*args, port=port)
        try:
            wait_healthy(base, proc)
            ids = [httpx.post(f"{base}/v1/jobs", json={"text": t}).json()["id"] for t in articles]
            wait_for(lambda: any(r["status"] == "running" for r in job_rows(jobs_file)), what="a running job")
        finally:
            proc.kill()
            proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        before = {r["id"]: r["status"] for r in job_rows(jobs_file)}
        assert list(before) == ids
        assert "running" in before.values() and "queued" in before.values(), before
        was_running = [i for i, s in before.items() if s == "running"]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        again = serve_process(*args, port=port)
        try:
            wait_healthy(base, again)
            docs = [poll(base, i) for i in ids]
        finally:
            code, _, err = stop(again)
    assert code == 0, err
    for doc, text in zip(docs, articles, strict=True):
        assert_grounded(doc, text)
    assert {d["id"]: d["attempts"] for d in docs if d["id"] in was_running} == dict.fromkeys(was_running, 2)
    assert "resuming" in err and "queued job(s)" in err


def test_sigterm_mid_job_exits_0_and_the_restart_finishes_it(tmp_path: Path) -> None:
    jobs_file = tmp_path / "c.sqlite.jobs.sqlite"
    articles = texts(2)
    with FakeServer(router=slow_good(1.5)) as fake:
        args = ["--model", "fake", "--base-url", fake.base_url, "--cache", str(tmp_path / "c.sqlite")]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(*args, port=port)
        try:
            wait_healthy(base, proc)
            job = httpx.post(f"{base}/v1/jobs", json={"text": articles[0]}).json()
            waiting: dict[str, httpx.Response] = {}
            client = threading.Thread(
                target=lambda: waiting.update(
                    r=httpx.post(f"{base}/v1/summaries", json={"text": articles[1]}, timeout=60)
                )
            )
            client.start()
            wait_for(lambda: len(job_rows(jobs_file)) == 2 and fake.requests, what="a job mid-article")
            sent = time.monotonic()
            code, _, err = stop(proc, timeout=10)
            took = time.monotonic() - sent
            client.join(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert code == 0, err
        assert took < 8, took
        # the waiting synchronous request was answered, and its article kept as a job
        sync = waiting["r"]
        assert sync.status_code == 503 and sync.headers["retry-after"]
        kept = re.search(r"kept as job ([0-9a-f]{32})", sync.json()["detail"])
        assert kept, sync.text
        rows = {r["id"]: r for r in job_rows(jobs_file)}
        assert rows[job["id"]]["status"] == "queued" and rows[job["id"]]["attempts"] == 0  # re-queued, not a crash
        assert rows[kept.group(1)]["status"] == "queued"

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        again = serve_process(*args, port=port)
        try:
            wait_healthy(base, again)
            docs = [poll(base, job["id"]), poll(base, kept.group(1))]
        finally:
            code, _, err = stop(again)
    assert code == 0, err
    for doc, text in zip(docs, articles, strict=True):
        assert_grounded(doc, text)


def test_concurrency_runs_articles_at_once_on_a_server(tmp_path: Path) -> None:
    articles = texts(2)
    with FakeServer(router=slow_good(0.5)) as fake:
        args = ["--model", "fake", "--base-url", fake.base_url, "--cache", str(tmp_path / "c.sqlite")]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(*args, "--concurrency", "2", port=port)
        try:
            health = wait_healthy(base, proc)
            ids = [httpx.post(f"{base}/v1/jobs", json={"text": t}).json()["id"] for t in articles]
            docs = [poll(base, i) for i in ids]
        finally:
            code, _, err = stop(proc)
    assert code == 0, err
    assert health["workers"] == 2
    for doc, text in zip(docs, articles, strict=True):
        assert_grounded(doc, text)
    first, second = sorted(docs, key=lambda d: d["started_at"])
    assert second["started_at"] < first["finished_at"]  # overlapped


def test_concurrency_needs_a_server(tmp_path: Path) -> None:
    proc = serve_process("--concurrency", "2", "--cache", str(tmp_path / "c.sqlite"), port=free_port())
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.startswith("summarize: error: --concurrency above 1 needs an OpenAI-compatible server")
    assert err.count("\n") == 1


def test_model_server_key_never_in_process_output(tmp_path: Path) -> None:
    echo = echo_key_server()
    home = tmp_path / "home"
    home.mkdir()
    env = {"SUMMARIZER_API_KEY": KEY, "SUMMARIZER_SERVE_TOKEN": "t0k", "HOME": str(home)}
    try:
        base_url = f"http://127.0.0.1:{echo.server_address[1]}/v1"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(
            "--model", "fake", "--base-url", base_url, "--cache", str(tmp_path / "c.sqlite"), port=port, env=env
        )
        try:
            wait_healthy(base, proc)
            auth = {"Authorization": "Bearer t0k"}
            text = SEED.read_text(encoding="utf-8")
            responses = [
                httpx.post(f"{base}/v1/summaries", json={"text": text}, headers=auth, timeout=60),
                httpx.post(f"{base}/v1/summaries", json={"text": text}),
                httpx.post(f"{base}/v1/summaries", content=b"{", headers=auth),
            ]
            job = httpx.post(f"{base}/v1/jobs", json={"text": text + " More."}, headers=auth).json()
            wait_for(
                lambda: httpx.get(f"{base}/v1/jobs/{job['id']}", headers=auth).json()["status"] == "failed",
                what="the job to fail",
            )
            responses.append(httpx.get(f"{base}/v1/jobs/{job['id']}", headers=auth))
        finally:
            code, out, err = stop(proc)
    finally:
        echo.shutdown()
    assert code == 0
    assert [r.status_code for r in responses] == [502, 401, 422, 200]
    assert "HTTP 401 from the server" in responses[0].json()["detail"]
    assert "job" in err and "failed" in err  # the failures were logged ...
    for r in responses:
        assert KEY not in r.text and KEY not in str(r.headers)
    assert KEY not in out and KEY not in err  # ... without the key
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
