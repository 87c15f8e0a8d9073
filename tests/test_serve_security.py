"""Issue 20 rerun against ``summarize serve``: the ten probes, over real HTTP on 127.0.0.1.

Hostile pages are servers on 127.0.0.1 that count their requests ("refused" means "never
contacted"); the model is the scripted backend. Probes 4 and 10 outside the HTTP layer live in
tests/test_limits.py and tests/test_security.py, the fetch policy's details in tests/test_fetch.py.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from summarizer import BackendError, Settings, Summarizer, pipeline
from summarizer.article import Article
from summarizer.backends import ScriptedBackend
from summarizer.cli import main
from summarizer.fetch import CREDENTIALS, GENERIC, REFUSED
from summarizer.jobs import JobStore
from summarizer.serve import ServeConfig, create_app

from .conftest import router
from .hostile import Site, SlowHeaders, inside_fixture, outside_fixture, slow_fixture  # noqa: F401 - fixtures
from .serving import cache_rows, job_rows, page_server, running, seed_page
from .test_limits import one_line


def make(tmp_path: Path, backend: ScriptedBackend | None = None, **kw: Any) -> FastAPI:
    s = Settings(cache_path=tmp_path / "c.sqlite")
    return create_app(s, Summarizer(s, backend=backend or ScriptedBackend(router=router())), ServeConfig(**kw))


def detail(response: httpx.Response) -> str:
    text = response.json()["detail"]
    assert isinstance(text, str) and text and "\n" not in text and "Traceback" not in response.text
    return text


# --- 1. server-side request forgery -------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("http://127.0.0.1:{port}/secret", REFUSED),
        ("http://2130706433:{port}/secret", REFUSED),  # 127.0.0.1 as one number
        ("http://[::ffff:127.0.0.1]:{port}/secret", REFUSED),
        ("http://localhost:{port}/secret", REFUSED),
        ("http://user:pw@127.0.0.1:{port}/secret", CREDENTIALS),
    ],
)
def test_internal_urls_are_refused_and_never_contacted(
    tmp_path: Path, inside: Site, template: str, expected: str
) -> None:
    url = template.format(port=inside.port)
    with running(make(tmp_path)) as base:
        answers = [httpx.post(f"{base}/v1/{route}", json={"url": url}, timeout=30) for route in ("summaries", "jobs")]
    for r in answers:
        assert r.status_code == 422 and detail(r) == expected
        assert str(inside.port) not in r.text
    assert inside.hits == []
    assert job_rows(tmp_path / "c.sqlite.jobs.sqlite") == [] and cache_rows(tmp_path / "c.sqlite") == 0


def test_a_redirect_to_an_internal_page_is_refused(tmp_path: Path, outside: Site, inside: Site) -> None:
    url = f"http://127.0.0.2:{outside.port}/go?to=http://127.0.0.1:{inside.port}/secret"
    with running(make(tmp_path)) as base:
        r = httpx.post(f"{base}/v1/summaries", json={"url": url}, timeout=30)
    assert r.status_code == 422 and detail(r) == REFUSED
    assert outside.hits and inside.hits == []


def test_fetch_failures_tell_the_client_nothing_about_the_network(tmp_path: Path, inside: Site) -> None:
    """Even with --allow-private-urls, a closed port, a 404 and a JSON service answer alike."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    urls = [
        f"http://127.0.0.1:{closed}/",
        f"http://127.0.0.1:{inside.port}/missing",
        f"http://127.0.0.1:{inside.port}/json",
    ]
    with running(make(tmp_path, allow_private_urls=True)) as base:
        answers = [httpx.post(f"{base}/v1/summaries", json={"url": u}, timeout=30) for u in urls]
    assert [r.status_code for r in answers] == [422, 422, 422]
    assert {detail(r) for r in answers} == {GENERIC}
    assert "secret" not in "".join(r.text for r in answers)


# --- 2 and 3. slow headers, long articles: nothing hangs, /healthz answers ----------------------


def test_healthz_answers_while_slow_urls_and_a_long_article_are_in_flight(tmp_path: Path, slow: SlowHeaders) -> None:
    """Done-when of issue 20: 40 URL jobs whose server trickles its headers and a 200,000-character
    one-line article in flight; /healthz keeps answering in under a second, and each slow fetch is
    cut at --fetch-timeout with the generic 422."""

    def down(request: dict[str, Any]) -> Any:
        raise BackendError("scripted: the model server is down")

    app = make(tmp_path, ScriptedBackend(router=down), allow_private_urls=True, fetch_timeout=8.0, queue=100)
    article = one_line(200_000)
    with running(app) as base, ThreadPoolExecutor(42) as pool:
        started = time.monotonic()
        slow_posts = [
            pool.submit(httpx.post, f"{base}/v1/jobs", json={"url": f"http://127.0.0.1:{slow.port}/{i}"}, timeout=60)
            for i in range(40)
        ]
        deadline = time.monotonic() + 20
        while slow.connections < 40:
            assert time.monotonic() < deadline, f"only {slow.connections} fetches started"
            time.sleep(0.05)
        long_post = pool.submit(httpx.post, f"{base}/v1/jobs", json={"text": article}, timeout=60)
        in_flight = sum(not f.done() for f in slow_posts)
        latencies = []
        for _ in range(6):
            t = time.monotonic()
            h = httpx.get(f"{base}/healthz", timeout=10)
            latencies.append(time.monotonic() - t)
            assert h.status_code == 200, h.text
            time.sleep(0.2)
        t = time.monotonic()  # the other routes the probe saw stop answering
        other = httpx.post(f"{base}/v1/jobs", json={"text": "Officials said on Friday the bridge will close."})
        polled = httpx.get(f"{base}/v1/jobs/{other.json()['id']}")
        others_took = time.monotonic() - t
        accepted = long_post.result()
        answers = [f.result() for f in slow_posts]
        took = time.monotonic() - started
    assert max(latencies) < 1.0, latencies
    # well under the 8 s fetch deadline: the other routes do not wait for a slow fetch (2.0 s failed once
    # at 3.1 s with two other processes loading both cores; waiting for a fetch would take 8 s or more)
    assert other.status_code == 202 and polled.status_code == 200 and others_took < 5.0, others_took
    assert in_flight == 40  # the probes ran while every slow fetch was still open
    assert accepted.status_code == 202, accepted.text
    assert [r.status_code for r in answers] == [422] * 40 and {detail(r) for r in answers} == {GENERIC}
    assert took < 8.0 + 10  # every fetch cut at its deadline, none waits for another


def test_a_long_one_line_article_is_accepted_at_once(tmp_path: Path) -> None:
    """It was split on the event loop, quadratically: 34 s for POST /v1/jobs."""
    gate = threading.Event()

    def held(request: dict[str, Any]) -> Any:
        gate.wait(30)
        raise BackendError("scripted: stopped")

    with running(make(tmp_path, ScriptedBackend(router=held))) as base:
        t = time.monotonic()
        r = httpx.post(f"{base}/v1/jobs", json={"text": one_line(199_000)}, timeout=60)
        took = time.monotonic() - t
        gate.set()
    assert r.status_code == 202 and took < 2.0, took


def test_a_full_queue_is_refused_before_the_article_is_read(tmp_path: Path, inside: Site) -> None:
    gate, running_now = threading.Event(), threading.Event()

    def held(request: dict[str, Any]) -> Any:
        running_now.set()
        gate.wait(30)
        raise BackendError("scripted: stopped")

    with running(make(tmp_path, ScriptedBackend(router=held), queue=1, allow_private_urls=True)) as base:
        first = httpx.post(f"{base}/v1/jobs", json={"text": "One sentence here. " * 20})
        assert running_now.wait(10)  # the worker holds the first; the queue has room for one
        second = httpx.post(f"{base}/v1/jobs", json={"text": "Another sentence. " * 20})
        third = httpx.post(f"{base}/v1/jobs", json={"url": f"http://127.0.0.1:{inside.port}/story.txt"})
        gate.set()
    assert first.status_code == second.status_code == 202
    assert third.status_code == 429 and "queue is full" in detail(third) and third.headers["retry-after"]
    assert inside.hits == []  # not fetched: the limit came first


# --- 4. a poisoned cache row -------------------------------------------------------------------


def test_a_cache_row_that_does_not_validate_is_run_again(tmp_path: Path, seed_text: str) -> None:
    backend = ScriptedBackend(router=router())
    with running(make(tmp_path, backend)) as base:
        first = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60)
        calls = len(backend.requests)
        with sqlite3.connect(tmp_path / "c.sqlite") as db:
            db.execute("""update results set response = '{"summary": 5}'""")
        again = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60)
        cached = httpx.get(f"{base}/v1/summaries/{first.json()['meta']['article_sha256']}")
    assert first.status_code == again.status_code == cached.status_code == 200
    assert not again.json()["meta"]["cached"] and len(backend.requests) == 2 * calls
    assert cached.json()["summary"] == first.json()["summary"]


def test_a_stored_job_result_that_does_not_validate_is_reported_not_a_500(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path)) as base:
        job_id = httpx.post(f"{base}/v1/jobs", json={"text": seed_text}).json()["id"]
        deadline = time.monotonic() + 30
        while httpx.get(f"{base}/v1/jobs/{job_id}").json()["status"] != "done":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with sqlite3.connect(tmp_path / "c.sqlite.jobs.sqlite") as db:
            db.execute("""update jobs set result = '{"summary": 5}'""")
        r = httpx.get(f"{base}/v1/jobs/{job_id}")
    assert r.status_code == 200 and r.json()["status"] == "failed" and r.json()["result"] is None
    assert "no longer validates" in r.json()["error"]


# --- 5. DNS rebinding ---------------------------------------------------------------------------


def test_only_the_servers_own_host_names_are_answered(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path)) as base:
        port = base.rsplit(":", 1)[1]
        evil = httpx.post(
            f"{base}/v1/jobs", json={"text": seed_text}, headers={"Host": f"rebind.attacker.example:{port}"}
        )
        evil_health = httpx.get(f"{base}/healthz", headers={"Host": "rebind.attacker.example"})
        local = [httpx.get(f"{base}/healthz", headers={"Host": h}) for h in (f"localhost:{port}", f"[::1]:{port}")]
    assert evil.status_code == evil_health.status_code == 400
    assert "--allowed-host" in detail(evil)
    assert [r.status_code for r in local] == [200, 200]
    assert job_rows(tmp_path / "c.sqlite.jobs.sqlite") == []
    with running(make(tmp_path / "b", allowed_hosts=("News.Internal",))) as base:
        named = httpx.get(f"{base}/healthz", headers={"Host": "news.internal:8000"})
    assert named.status_code == 200


# --- 7. an empty token ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["option", "environment"])
def test_an_empty_token_is_an_error(tmp_path: Path, how: str) -> None:
    args = ["serve", "--cache", str(tmp_path / "c.sqlite"), "--model", "fake", "--base-url", "http://127.0.0.1:9/v1"]
    env = {"SUMMARIZER_SERVE_TOKEN": ""} if how == "environment" else {}
    result = CliRunner().invoke(main, [*args, "--token", ""] if how == "option" else args, env=env)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "is empty" in result.stderr
    assert ("--token" if how == "option" else "SUMMARIZER_SERVE_TOKEN") in result.stderr


# --- 8. URL input keeps the article and where it came from ------------------------------------


def test_url_input_gives_the_clis_article_and_source(
    tmp_path: Path, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with page_server(seed_page(seed_text)) as url:
        with running(make(tmp_path / "serve", allow_private_urls=True)) as base:
            served = httpx.post(f"{base}/v1/summaries", json={"url": url}, timeout=60).json()
            job_id = httpx.post(f"{base}/v1/jobs", json={"url": url}).json()["id"]
            deadline = time.monotonic() + 30
            while (job := httpx.get(f"{base}/v1/jobs/{job_id}").json())["status"] not in ("done", "failed"):
                assert time.monotonic() < deadline
                time.sleep(0.05)
        monkeypatch.setattr(pipeline, "make_backend", lambda settings: ScriptedBackend(router=router()))
        cli = CliRunner().invoke(main, [url, "--format", "json", "--cache", str(tmp_path / "cli.sqlite")])
    expected = json.loads(cli.output)
    assert served["article"] and served["article"] == expected["article"]
    for key in ("source_url", "source_title", "source_author", "source_date"):
        assert served["meta"][key] == expected["meta"][key], key
    assert served["meta"]["source_url"] == url and served["source"] == url
    assert job["status"] == "done" and job["result"]["article"] == expected["article"]
    assert job["result"]["meta"]["source_url"] == url


# --- 9. bodies that cannot be parsed, and bounded 422s ----------------------------------------


@pytest.mark.parametrize(
    "body",
    [b'{"text": "caf\xe9 au lait"}', b"[" * 50_000 + b"]" * 50_000, b'{"text": 1' + b"0" * 5000 + b"}"],
    ids=["latin-1", "nested-50000-deep", "5000-digit-integer"],
)
def test_bodies_that_cannot_be_parsed_get_the_documented_422(tmp_path: Path, body: bytes) -> None:
    with running(make(tmp_path)) as base:
        r = httpx.post(f"{base}/v1/jobs", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "not valid UTF-8 JSON" in detail(r) and len(r.content) < 2000


def test_a_422_stays_small_whatever_the_body(tmp_path: Path) -> None:
    """80,000 unknown keys (an 869 KB body) produced a 7 MB 422 before."""
    keys = {f"k{i}": 0 for i in range(80_000)}
    body = json.dumps({"text": "A sentence.", **keys}, separators=(",", ":")).encode()
    long_key = json.dumps({"text": "A sentence.", "k" * 100_000: 1}).encode()
    with running(make(tmp_path, max_body=2_000_000)) as base:
        many = httpx.post(f"{base}/v1/jobs", content=body, headers={"content-type": "application/json"}, timeout=60)
        one = httpx.post(f"{base}/v1/jobs", content=long_key, headers={"content-type": "application/json"})
    assert len(body) > 800_000
    assert many.status_code == 422 and len(many.content) < 5_000, len(many.content)
    doc = many.json()
    assert len(doc["errors"]) == 10 and doc["errors_omitted"] == 80_000 - 10
    assert "and 79997 more" in detail(many)
    assert one.status_code == 422 and len(one.content) < 2_000


# --- 10. markdown from the API ------------------------------------------------------------------


def test_markdown_answers_escape_the_articles_markup(tmp_path: Path, seed_text: str) -> None:
    hostile = seed_text + "\n\nA reader wrote <script>alert(1)</script> to the paper, officials said on Friday.\n"
    (n,) = [s.index for s in Article.from_text(hostile).sentences if "<script>" in s.text]
    claims = {"claims": [{"claims": [n]}]}  # the model picks that sentence as a claim
    with running(make(tmp_path, ScriptedBackend(router=router(claims)))) as base:
        r = httpx.post(f"{base}/v1/summaries", json={"text": hostile, "format": "markdown"}, timeout=60)
    assert r.status_code == 200 and "## Claims" in r.text
    assert "\\<script\\>alert(1)\\</script\\>" in r.text and "<script>" not in r.text


# --- 6. the jobs file stays bounded -------------------------------------------------------------


def test_jobs_keep_one_copy_of_a_text_and_only_while_it_is_needed(tmp_path: Path) -> None:
    """150 jobs of one 195 KB article grew the jobs file by 35 MB; now by about one copy."""
    text = one_line(195_000)
    sha = hashlib.sha256(text.encode()).hexdigest()
    store = JobStore(tmp_path / "jobs.sqlite")
    jobs = [store.submit({"text": text, "source": "text"}, sha, limit=1000, workers=1) for _ in range(150)]
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        stored = db.execute("select count(*), sum(length(text)) from texts").fetchone()
        requests = db.execute("select sum(length(request)) from jobs").fetchone()[0]
    assert stored == (1, len(text)) and requests < 150 * 200  # the requests hold no text
    claimed = store.claim()
    assert claimed is not None and claimed.request["text"] == text  # a worker still gets it
    for job in jobs:
        store.finish(job.id, '{"summary": "s"}')
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        assert db.execute("select count(*) from texts").fetchone()[0] == 1  # finished jobs keep it (reports)
    store.prune(older_than=-1)
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        assert db.execute("select count(*) from texts").fetchone()[0] == 0  # gone with its jobs
    store.close()


def test_finished_jobs_are_capped_by_count_and_bytes(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite", keep_jobs=20, keep_bytes=50_000)
    for i in range(60):
        job = store.submit({"text": f"Article {i}."}, f"{i:064d}", limit=1000, workers=1)
        store.finish(job.id, "x" * (5_000 if i >= 50 else 100))
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        kept = [r[0] for r in db.execute("select article_sha256 from jobs order by finished_at")]
    assert len(kept) <= 20 and kept[-1] == f"{59:064d}"  # the newest stay
    assert sum(5_000 if int(k) >= 50 else 100 for k in kept) <= 50_000
    store.close()
