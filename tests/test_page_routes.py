"""The routes behind the browser page, over real HTTP on 127.0.0.1 with the scripted backend:
``GET /`` (no token, only its own inline code), the recent jobs, a running job's pass, a done job's
report, and a saved web page as input."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from summarizer import Settings, Summarizer, Summary
from summarizer.backends import ScriptedBackend
from summarizer.render import render
from summarizer.render.html import report_policy
from summarizer.serve import ServeConfig, create_app
from summarizer.serve.schemas import job_seconds, job_title

from .conftest import N_PASSES, SEED_PASSES, router
from .serving import Gate, running, seed_page, wait_for

TOKEN = "page-token-9f1b22"


def make(tmp_path: Path, backend: ScriptedBackend | None = None, **kw: Any) -> FastAPI:
    s = Settings(cache_path=tmp_path / "c.sqlite")
    return create_app(s, Summarizer(s, backend=backend or ScriptedBackend(router=router())), ServeConfig(**kw))


def done(base: str, body: dict[str, Any]) -> dict[str, Any]:
    accepted = httpx.post(f"{base}/v1/jobs", json=body)
    assert accepted.status_code == 202, accepted.text
    job_id = accepted.json()["id"]

    def finished() -> dict[str, Any] | None:
        doc: dict[str, Any] = httpx.get(f"{base}/v1/jobs/{job_id}").json()
        return doc if doc["status"] in ("done", "failed") else None

    return dict(wait_for(finished, what=f"job {job_id}"))


def sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_the_page_needs_no_token_and_allows_only_its_own_inline_code(tmp_path: Path) -> None:
    with running(make(tmp_path, token=TOKEN)) as base:
        page = httpx.get(f"{base}/")
        api = httpx.get(f"{base}/v1/jobs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert api.status_code == 401  # the data stays behind the token
    assert TOKEN not in page.text
    policy = page.headers["content-security-policy"]
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.text)
    assert meta is not None and policy == html.unescape(meta.group(1)) + "; frame-ancestors 'none'"
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    styles = re.findall(r"<style>(.*?)</style>", page.text, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", page.text, re.S)
    assert len(styles) == len(scripts) == 1
    assert sha(styles[0]) in policy and sha(scripts[0]) in policy
    assert report_policy().split("script-src ")[1].split(";")[0] in policy  # the report frame's script
    assert not re.search(r"""\b(src|href|action)=""", page.text)  # loads nothing, links nowhere


def test_recent_jobs_newest_first_named_by_title_or_first_words(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path)) as base:
        first = done(base, {"text": seed_text})
        second = done(base, {"html": seed_page(seed_text)})
        listed = httpx.get(f"{base}/v1/jobs").json()["jobs"]
        one = httpx.get(f"{base}/v1/jobs", params={"limit": 1}).json()["jobs"]
        refused = [httpx.get(f"{base}/v1/jobs", params={"limit": n}).status_code for n in (0, 101, "x")]
    assert first["status"] == second["status"] == "done"
    assert [j["id"] for j in listed] == [second["id"], first["id"]] and [j["id"] for j in one] == [second["id"]]
    assert listed[0]["title"] == second["title"] == "Seed"  # the page's <title>
    words = seed_text.splitlines()[0].split()
    assert listed[1]["title"] == first["title"] == " ".join(words[:10]) + " …"
    for j in listed:
        assert set(j) == {"id", "status", "title", "created_at", "seconds", "error"}  # no text, no result
        assert j["status"] == "done" and j["error"] is None and 0 <= j["seconds"] < 30
    assert refused == [422, 422, 422]


def test_a_running_job_shows_its_pass_and_a_done_one_its_report(tmp_path: Path, seed_text: str) -> None:
    gate = Gate()
    with running(make(tmp_path, ScriptedBackend(router=gate))) as base:
        job_id = httpx.post(f"{base}/v1/jobs", json={"text": seed_text}).json()["id"]
        wait_for(lambda: gate.calls >= 1, what="the first pass")
        running_doc = httpx.get(f"{base}/v1/jobs/{job_id}").json()
        early = httpx.get(f"{base}/v1/jobs/{job_id}/report")
        gate.open()
        finished = done(base, {"text": seed_text + "\n\nUpdate."})
        doc = httpx.get(f"{base}/v1/jobs/{job_id}").json()
        report = httpx.get(f"{base}/v1/jobs/{job_id}/report")
        missing = httpx.get(f"{base}/v1/jobs/nope/report")
    assert running_doc["status"] == "running"
    assert running_doc["progress"] == {"pass": SEED_PASSES[0], "index": 1, "total": N_PASSES}
    assert running_doc["seconds"] >= 0 and running_doc["title"].startswith("date 2021-12-04 According")
    assert early.status_code == 409 and "poll GET /v1/jobs/" in early.json()["detail"]
    assert finished["status"] == doc["status"] == "done" and doc["progress"] is None
    assert report.status_code == 200 and report.headers["content-security-policy"] == report_policy()
    assert report.text == render(Summary.model_validate(doc["result"]), "html", article=seed_text)
    assert missing.status_code == 404 and "POST /v1/jobs" in missing.json()["detail"]


def test_a_failed_job_has_no_report(tmp_path: Path, seed_text: str) -> None:
    def broken(request: dict[str, Any]) -> Any:
        raise ValueError("not a model")

    with running(make(tmp_path, ScriptedBackend(router=broken))) as base:
        failed = done(base, {"text": seed_text})
        report = httpx.get(f"{base}/v1/jobs/{failed['id']}/report")
    assert failed["status"] == "failed"
    assert report.status_code == 409 and report.json()["detail"].startswith(f"job {failed['id']} is failed (")


def test_a_saved_page_is_extracted_as_a_fetched_one_would_be(tmp_path: Path, seed_text: str) -> None:
    with running(make(tmp_path)) as base:
        doc = done(base, {"html": seed_page(seed_text)})
        empty = httpx.post(f"{base}/v1/jobs", json={"html": "<html><body><nav>Home</nav></body></html>"})
        both = httpx.post(f"{base}/v1/jobs", json={"html": seed_page(seed_text), "text": seed_text})
    quotes = doc["result"]["quotes"]
    assert doc["status"] == "done" and quotes
    chars = doc["result"]["meta"]["article_chars"]
    assert 0.9 * len(seed_text) < chars <= len(seed_text) + 50  # the page's text, not its markup
    assert empty.status_code == 422 and "no article text" in empty.json()["detail"]
    assert both.status_code == 422 and "exactly one" in both.json()["detail"]


def test_titles_and_seconds() -> None:
    assert job_title("A page", "https://x.org/a", "text") == "A page"
    assert job_title(None, "https://x.org/a", "text") == "https://x.org/a"
    assert job_title(None, None, "\n\n  Short first line\nsecond") == "Short first line"
    assert job_title(None, None, "one two three four", words=2) == "one two …"
    assert job_title(None, None, "") == ""
    assert job_seconds(None, None) is None
    assert job_seconds(10.0, 12.5) == 2.5
    assert job_seconds(10.0, None, now=11.0) == 1.0
