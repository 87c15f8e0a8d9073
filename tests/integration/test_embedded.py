"""The real embedded model, end to end through the installed ``summarize`` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from ..conftest import ROOT, SEED

pytestmark = pytest.mark.model


def run_cli(*args: str) -> tuple[dict, float]:
    beside = Path(sys.executable).parent / "summarize"
    exe = str(beside) if beside.exists() else shutil.which("summarize")
    assert exe, "the summarize console script is not installed"
    started = time.monotonic()
    proc = subprocess.run([exe, *args], capture_output=True, text=True, timeout=1800)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return json.loads(proc.stdout), elapsed


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, float, dict, float]:
    cache = tmp_path_factory.mktemp("cache") / "cache.sqlite"
    first, t1 = run_cli(str(SEED), "--format", "json", "--cache", str(cache))
    second, t2 = run_cli(str(SEED), "--format", "json", "--cache", str(cache))
    return first, t1, second, t2


def test_output_validates_against_the_committed_schema(runs) -> None:
    schema = json.loads((ROOT / "schemas" / "summary.schema.json").read_text())
    jsonschema.validate(runs[0], schema)


def test_every_item_is_grounded(runs) -> None:
    doc = runs[0]
    text = SEED.read_text(encoding="utf-8")
    assert doc["quotes"], "no quotes found"
    for q in doc["quotes"]:
        assert text[q["span"]["start"] : q["span"]["end"]] == q["text"]
    for f in doc["figures"]:
        span = text[f["span"]["start"] : f["span"]["end"]]
        assert span == f["text"]
        assert any(ch.isdigit() for ch in span) or span.lower() in {"half", "two", "three"}
    for a in doc["actors"]:
        for m in a["mentions"]:
            assert text[m["start"] : m["end"]] in {a["name"], *a["aliases"], a["name"].split()[-1]}
    for c in doc["claims"]:
        assert c["evidence"]


def test_key_figures_and_actors_are_found(runs) -> None:
    doc = runs[0]
    values = {f["value"] for f in doc["figures"]}
    assert {100, 175000, 94300} <= values, values
    names = " | ".join(a["name"] for a in doc["actors"])
    for who in ("Biden", "Putin", "Reznikov"):
        assert who in names, names
    assert 2 <= doc["summary"].count(".") + doc["summary"].count("!") <= 8


def test_second_run_comes_from_cache_and_is_identical(runs) -> None:
    first, t1, second, t2 = runs
    assert first["meta"]["cached"] is False and second["meta"]["cached"] is True
    assert second["meta"]["seconds"] == first["meta"]["seconds"]  # the run's time, kept in the cache
    assert first["meta"]["lookup_seconds"] is None and second["meta"]["lookup_seconds"] >= 0
    for doc in (first, second):
        doc["meta"].pop("cached")
        doc["meta"].pop("lookup_seconds")
    assert first == second
    assert t1 / t2 > 5, (t1, t2)  # process start-up dominates the cached run; benchmarks/ has the ratio
