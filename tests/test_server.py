"""``summarize serve`` over real HTTP on 127.0.0.1, the scripted backend standing in for the model."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from click.testing import CliRunner
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from summarizer import BackendError, Settings, Summarizer
from summarizer.backends import ScriptedBackend
from summarizer.cli import main
from summarizer.errors import ModelUnavailableError
from summarizer.serve import ServeConfig, create_app

from .conftest import SEED, router
from .serving import Gate, cache_rows, echo_key_server, job_rows, page_server, running, seed_page, wait_for

TOKEN = "serve-token-7d2e41"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KEY = "sk-test-RECOGNISABLE-5f3a9c"


def make(tmp_path: Path, backend: ScriptedBackend | None = None, settings_kw: dict | None = None, **kw: Any) -> FastAPI:
    s = Settings(cache_path=tmp_path / "c.sqlite", **(settings_kw or {}))
    return create_app(s, Summarizer(s, backend=backend or ScriptedBackend(router=router())), ServeConfig(**kw))


def one_line(response: httpx.Response) -> str:
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail, detail
    assert "Traceback" not in response.text
    return detail


def poll_job(base: str, job_id: str, until: set[str], headers: dict[str, str] | None = None) -> dict[str, Any]:
    def state() -> dict[str, Any] | None:
        doc = httpx.get(f"{base}/v1/jobs/{job_id}", headers=headers or {}).json()
        return doc if doc["status"] in until else None

    return dict(wait_for(state, what=f"job {job_id} to reach {until}"))


def test_summary_is_the_cli_json_contract(tmp_path: Path, use_backend, seed_text: str) -> None:
    with running(make(tmp_path / "serve")) as base:
        r = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    served = r.json()

    use_backend(lambda settings: ScriptedBackend(router=router()))
    cli = CliRunner().invoke(main, [str(SEED), "--format", "json", "--cache", str(tmp_path / "cli.sqlite")])
    assert cli.exit_code == 0, cli.output
    expected = json.loads(cli.output)
    assert expected.pop("source") == str(SEED) and served.pop("source") == "text"  # where each text came from
    for doc in (served, expected):
        assert doc["meta"].pop("seconds") >= 0
    assert served == expected
    assert served["quotes"] and all(
        seed_text[q["span"]["start"] : q["span"]["end"]] == q["text"] for q in served["quotes"]
    )


def test_markdown_and_html_formats(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path)) as base:
        md = httpx.post(f"{base}/v1/summaries", json={"text": seed_text, "format": "markdown"}, timeout=60)
        page = httpx.post(f"{base}/v1/summaries", json={"text": seed_text, "format": "html"}, timeout=60)
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "## Quotes" in md.text and "very, very tough" in md.text
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in page.text.lower() and "very, very tough" in page.text


def test_cached_summary_404_before_200_after(tmp_path: Path, seed_text: str) -> None:
    backend = ScriptedBackend(router=router())
    sha = hashlib.sha256(seed_text.encode()).hexdigest()
    with running(make(tmp_path, backend)) as base:
        before = httpx.get(f"{base}/v1/summaries/{sha}")
        first = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60).json()
        calls = len(backend.requests)
        after = httpx.get(f"{base}/v1/summaries/{sha}")
        again = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60).json()
        bad = httpx.get(f"{base}/v1/summaries/not-a-sha")
    assert before.status_code == 404 and sha in one_line(before)
    assert after.status_code == 200 and after.json()["meta"]["cached"] is True
    assert after.json()["quotes"] == first["quotes"] and after.json()["meta"]["article_sha256"] == sha
    assert again["meta"]["cached"] is True and len(backend.requests) == calls  # no model call for a hit
    assert first["meta"]["cached"] is False
    assert bad.status_code == 422


def test_bearer_token(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path, token=TOKEN)) as base:
        missing = httpx.post(f"{base}/v1/summaries", json={"text": seed_text})
        wrong = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, headers={"Authorization": "Bearer nope"})
        basic = httpx.get(f"{base}/v1/jobs/x", headers={"Authorization": "Basic dXNlcjpwYXNz"})
        right = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, headers=AUTH, timeout=60)
        jobs = httpx.get(f"{base}/v1/jobs/x")
        health = httpx.get(f"{base}/healthz")
    for r in (missing, wrong, basic, jobs):
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer" in one_line(r)
        assert TOKEN not in r.text
    assert "missing" in missing.json()["detail"] and "wrong" in wrong.json()["detail"]
    assert right.status_code == 200 and right.json()["quotes"]
    assert health.status_code == 200


def test_oversized_body_and_article_are_413(tmp_path: Path, seed_text: str) -> None:
    app = make(tmp_path, max_body=4000, settings_kw={"max_article_chars": 2000})
    with running(app) as base:
        declared = httpx.post(f"{base}/v1/summaries", json={"text": seed_text * 3})

        def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed size is counted
            yield b'{"text": "'
            for _ in range(20):
                yield b"word " * 100
            yield b'"}'

        streamed = httpx.post(f"{base}/v1/jobs", content=chunks(), headers={"content-type": "application/json"})
        article = httpx.post(f"{base}/v1/summaries", json={"text": seed_text})
        job = httpx.post(f"{base}/v1/jobs", json={"text": seed_text})
    assert "content-length" not in streamed.request.headers
    for r in (declared, streamed):
        assert r.status_code == 413 and "4,000-byte limit (--max-body)" in one_line(r)
    for r in (article, job):
        assert r.status_code == 413 and "above the limit of 2,000 (--max-chars)" in one_line(r)
    assert job_rows(tmp_path / "c.sqlite.jobs.sqlite") == [] and cache_rows(tmp_path / "c.sqlite") == 0


BAD_REQUESTS: dict[str, tuple[bytes, str]] = {
    "not json": (b'{"text": "unterminated', "not valid JSON"),
    "no body": (b"", "Field required"),
    "a list": (b'["text"]', "send a JSON object"),
    "neither field": (b"{}", 'exactly one of "text" or "url"'),
    "both fields": (b'{"text": "a", "url": "http://127.0.0.1/"}', 'exactly one of "text" or "url"'),
    "unknown field": (b'{"text": "a", "title": "b"}', "title: Extra inputs are not permitted"),
    "text not a string": (b'{"text": 42}', "text: Input should be a valid string"),
    "bad format": (b'{"text": "a", "format": "pdf"}', "format: Input should be"),
    "bad url": (b'{"url": "file:///etc/passwd"}', "url: String should match pattern"),
    "empty text": (b'{"text": ""}', "text is empty"),
    "whitespace": (b'{"text": " \\n\\t "}', "text is empty"),
    "binary": (b'{"text": "\\u0000\\u0001\\u0002 abc"}', "looks like a binary file"),
    "lone surrogate": (b'{"text": "caf\\ud800 owners said"}', "lone surrogates"),
    "html page": (
        b'{"text": "<!doctype html><html><body><p>a</p><p>b</p><div>c</div><p>d</p></body></html>"}',
        "looks like an HTML page",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_REQUESTS))
def test_bad_requests_are_422_saying_what_to_fix(tmp_path: Path, kind: str) -> None:
    body, expected = BAD_REQUESTS[kind]
    headers = {"content-type": "application/json"}
    with running(make(tmp_path)) as base:
        sync = httpx.post(f"{base}/v1/summaries", content=body, headers=headers)
        job = httpx.post(f"{base}/v1/jobs", content=body, headers=headers)
    for r in (sync, job):
        if kind == "bad format" and r is job:
            assert r.status_code == 422 and "format: Extra inputs" in one_line(r)  # jobs take no format
            continue
        assert r.status_code == 422, r.text
        assert expected in one_line(r), r.text
    assert job_rows(tmp_path / "c.sqlite.jobs.sqlite") == [] and cache_rows(tmp_path / "c.sqlite") == 0


def test_queue_full_is_429_with_retry_after(tmp_path: Path, seed_text: str) -> None:
    gate = Gate()
    with running(make(tmp_path, ScriptedBackend(router=gate), queue=1)) as base:
        a = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + "\n\nA."}).json()
        wait_for(lambda: gate.calls, what="the first article to reach the model")
        b = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + "\n\nB."})
        c = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + "\n\nC."})
        sync = httpx.post(f"{base}/v1/summaries", json={"text": seed_text + "\n\nD."})
        health = httpx.get(f"{base}/healthz").json()
        gate.open()
        done = [poll_job(base, job_id, {"done", "failed"}) for job_id in (a["id"], b.json()["id"])]
        later = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + "\n\nC."})
    assert b.status_code == 202
    for r in (c, sync):
        assert r.status_code == 429
        assert int(r.headers["retry-after"]) >= 1
        assert "queue is full" in one_line(r)
    assert health["queued"] == 1 and health["running"] == 1 and health["queue_limit"] == 1
    assert [d["status"] for d in done] == ["done", "done"]
    assert later.status_code == 202  # room again once the queue drained
    assert len(job_rows(tmp_path / "c.sqlite.jobs.sqlite")) == 3  # the refused ones were never stored


def test_job_lifecycle_queued_running_done(tmp_path: Path, seed_text: str) -> None:
    gate = Gate()
    with running(make(tmp_path, ScriptedBackend(router=gate))) as base:
        first = httpx.post(f"{base}/v1/jobs", json={"text": seed_text})
        second = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + "\n\nUpdate."})
        assert first.status_code == second.status_code == 202
        assert first.json()["status"] == "queued"
        running_doc = poll_job(base, first.json()["id"], {"running"})
        queued_doc = httpx.get(f"{base}/v1/jobs/{second.json()['id']}").json()
        gate.open()
        done = poll_job(base, first.json()["id"], {"done", "failed"})
        done2 = poll_job(base, second.json()["id"], {"done", "failed"})
        missing = httpx.get(f"{base}/v1/jobs/0123")
    assert running_doc["started_at"] and running_doc["result"] is None and running_doc["attempts"] == 1
    assert queued_doc["status"] == "queued" and queued_doc["started_at"] is None
    assert done["status"] == done2["status"] == "done" and done["error"] is None
    assert done["article_sha256"] == hashlib.sha256(seed_text.encode()).hexdigest()
    result = done["result"]
    assert result["meta"]["article_sha256"] == done["article_sha256"]
    assert result["quotes"] and all(
        seed_text[q["span"]["start"] : q["span"]["end"]] == q["text"] for q in result["quotes"]
    )
    assert done["finished_at"] >= done["started_at"] >= done["created_at"]
    assert missing.status_code == 404 and "POST /v1/jobs" in one_line(missing)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BackendError("fake: HTTP 500 from the server after 5 attempt(s); check the server"), 502),
        (ModelUnavailableError("cannot load model.gguf: bad magic"), 503),
    ],
)
def test_failed_job_has_a_one_line_error(tmp_path: Path, seed_text: str, error: Exception, status: int) -> None:
    def fail(request: dict) -> Any:
        raise error

    with running(make(tmp_path, ScriptedBackend(router=fail))) as base:
        job = httpx.post(f"{base}/v1/jobs", json={"text": seed_text}).json()
        failed = poll_job(base, job["id"], {"done", "failed"})
        sync = httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, timeout=60)
    assert failed["status"] == "failed" and failed["result"] is None
    assert failed["error"] == str(error)
    assert sync.status_code == status and one_line(sync) == str(error)
    assert cache_rows(tmp_path / "c.sqlite") == 0


def test_healthz(tmp_path: Path) -> None:
    with running(make(tmp_path, queue=7)) as base:
        r = httpx.get(f"{base}/healthz")
        docs = httpx.get(f"{base}/openapi.json").json()
    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "model": "scripted",
        "model_loaded": True,
        "queued": 0,
        "running": 0,
        "queue_limit": 7,
        "workers": 1,
        "error": None,
    }
    assert {"/v1/summaries", "/v1/summaries/{article_sha256}", "/v1/jobs", "/v1/jobs/{job_id}", "/healthz"} <= set(
        docs["paths"]
    )


def test_model_server_key_never_in_a_response_or_log(
    tmp_path: Path, seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    echo = echo_key_server()
    s = Settings(
        model="fake",
        base_url=f"http://127.0.0.1:{echo.server_address[1]}/v1",
        api_key=KEY,
        cache_path=tmp_path / "c.sqlite",
        transport_retries=0,
    )
    caplog.set_level(logging.DEBUG)
    try:
        with running(create_app(s, config=ServeConfig(token=TOKEN))) as base:
            responses = [
                httpx.post(f"{base}/v1/summaries", json={"text": seed_text}, headers=AUTH, timeout=60),
                httpx.post(f"{base}/v1/summaries", json={"text": ""}, headers=AUTH),
                httpx.post(f"{base}/v1/summaries", content=b"{", headers=AUTH),
                httpx.post(f"{base}/v1/summaries", json={"text": seed_text}),
                httpx.get(f"{base}/healthz"),
                httpx.get(f"{base}/openapi.json"),
            ]
            job = httpx.post(f"{base}/v1/jobs", json={"text": seed_text + " Again."}, headers=AUTH).json()
            responses.append(httpx.get(f"{base}/v1/jobs/{job['id']}", headers=AUTH))
            failed = poll_job(base, job["id"], {"failed", "done"}, AUTH)
    finally:
        echo.shutdown()
    assert responses[0].status_code == 502 and "HTTP 401" in one_line(responses[0])
    assert failed["status"] == "failed"
    for r in responses:
        assert KEY not in r.text and KEY not in str(r.headers)
    assert KEY not in json.dumps(failed)
    assert caplog.records and KEY not in caplog.text
    for path in tmp_path.rglob("*"):
        assert KEY.encode() not in path.read_bytes(), path


def test_url_input_from_a_local_page(tmp_path: Path, seed_text: str) -> None:
    """A page on 127.0.0.1 is fetched only with --allow-private-urls (see tests/test_serve_security.py)."""
    with page_server(seed_page(seed_text)) as url, running(make(tmp_path, allow_private_urls=True)) as base:
        r = httpx.post(f"{base}/v1/summaries", json={"url": url}, timeout=60)
        job = httpx.post(f"{base}/v1/jobs", json={"url": url})
        assert job.status_code == 202, job.text
        done = poll_job(base, job.json()["id"], {"done", "failed"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["quotes"] and all(q["text"] in seed_text for q in doc["quotes"])
    assert done["status"] == "done" and done["result"]["quotes"] == doc["quotes"]


@pytest.fixture(scope="module")
def api_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("schemathesis")
    with running(make(tmp, token=TOKEN, queue=1000, allow_private_urls=True)) as base:
        yield base


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    with page_server(seed_page(SEED.read_text(encoding="utf-8"))) as url:
        yield url


# the schema is the app's own OpenAPI document (the same for every instance); the requests go over
# real HTTP to the server of ``api_base``
schema = schemathesis.openapi.from_dict(make(Path(tempfile.mkdtemp(prefix="openapi-"))).openapi())
WEB_INPUT = importlib.util.find_spec("summarizer.web") is not None


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_route_answers_5xx(case: Any, api_base: str, page_url: str) -> None:
    """Property-based requests from the OpenAPI schema, with the token: never a server error.

    Generated URLs are pointed at a page on 127.0.0.1 (no test may reach the network)."""
    if isinstance(case.body, dict) and isinstance(case.body.get("url"), str):
        case.body["url"] = page_url
    response = case.call(base_url=api_base, headers=AUTH, timeout=60)
    if response.status_code == 501 and not WEB_INPUT:
        assert "URL input is not available" in response.text  # until summarizer.web is merged
        return
    assert response.status_code < 500, f"{case.as_curl_command()}\n{response.status_code} {response.text}"
