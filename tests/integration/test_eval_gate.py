"""The regression gate: `summarize eval` on a 3-seed subset with the real embedded model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.model

SUBSET = ["000_1090c6890e8707cd", "wikinews_crane", "wikinews_korea"]


def test_eval_subset_meets_ci_thresholds(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "summarize"
    only = [arg for seed in SUBSET for arg in ("--only", seed)]
    variants = tmp_path / "variants.toml"  # one stress variant: scraped wire copy, glued, no line breaks
    variants.write_text(f'[variants]\n"{SUBSET[0]}" = ["scraped"]\n', encoding="utf-8")
    proc = subprocess.run(
        [str(exe), "eval", *only, "--seeds", str(ROOT / "seeds"), "--cache", str(tmp_path / "c.sqlite"),
         "--out", str(tmp_path / "runs"), "--thresholds", str(ROOT / "evals" / "ci-thresholds.toml"),
         "--variants", str(variants)],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    print(proc.stdout)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "gate: all thresholds" in proc.stdout
    (run,) = (tmp_path / "runs").iterdir()
    report = json.loads((run / "report.json").read_text())
    assert report["metrics"]["articles"] == 4
    assert report["metrics"]["grounding_rate"] == 1.0
    scraped = next(s for s in report["seeds"] if s["seed"].endswith("~scraped"))
    assert scraped["summary_present"] == 1.0 and scraped["claims_supported"] == 1.0
