"""The real embedded model behind ``summarize serve``: the seed article through ``POST /v1/summaries``."""

from __future__ import annotations

import hashlib
import json
import signal
from pathlib import Path

import httpx
import jsonschema
import pytest

from ..conftest import ROOT, SEED
from ..serving import free_port, serve_process, wait_for, wait_healthy

pytestmark = pytest.mark.model


def test_seed_article_through_the_service(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = serve_process("--cache", str(tmp_path / "cache.sqlite"), "--token", "t", port=port)
    auth = {"Authorization": "Bearer t"}
    try:
        wait_healthy(base, proc, timeout=600)
        wait_for(lambda: httpx.get(f"{base}/healthz").json()["model_loaded"], 600, "the model to load")
        r = httpx.post(f"{base}/v1/summaries", json={"text": text}, headers=auth, timeout=1800)
        sha = hashlib.sha256(text.encode()).hexdigest()
        cached = httpx.get(f"{base}/v1/summaries/{sha}", headers=auth, timeout=30)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert r.status_code == 200, r.text
    doc = r.json()
    jsonschema.validate(doc, json.loads((ROOT / "schemas" / "summary.schema.json").read_text()))
    assert doc["meta"]["cached"] is False and doc["meta"]["article_sha256"] == sha
    assert doc["quotes"], "no quotes found"
    for q in doc["quotes"]:
        assert text[q["span"]["start"] : q["span"]["end"]] == q["text"]
    for f in doc["figures"]:
        assert text[f["span"]["start"] : f["span"]["end"]] == f["text"]
    assert doc["summary"].strip()
    assert cached.status_code == 200 and cached.json()["quotes"] == doc["quotes"]
