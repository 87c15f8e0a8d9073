"""The written figures set (``evals/figwrite``): its labels point at their own text, the halves are the
ones ``part_of`` gives, and the scorer reads it with the figures dev set's rules."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from summarizer.devsets import part_of

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "evals" / "figwrite"


def _scorer():  # evals/ is not a package: load the script as a module
    spec = importlib.util.spec_from_file_location("figwrite_score", ROOT / "evals" / "figwrite_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_label_and_later_mention_is_the_text_at_its_offsets() -> None:
    labels = sorted(FOLDER.glob("*.json"))
    # 12 from a list of shapes, 8 (r_) modelled on real reporting, 8 (r2_) written to the dev labeller's style
    assert len(labels) == 28
    for path in labels:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (FOLDER / f"{data['id']}.txt").read_text(encoding="utf-8")
        assert data["from"] == f"figwrite/{data['id']}.txt"
        for f in data["figures"]:
            assert text[f["start"] : f["end"]] == f["text"]
            for a, b in f.get("also", []):
                assert any(ch.isdigit() or ch.isalpha() for ch in text[a:b])


def test_the_halves_are_part_of_and_the_scorer_reads_only_the_half_asked() -> None:
    module = _scorer()
    study, test = module.load("study"), module.load("test")
    assert {a.id for a in study} | {a.id for a in test} == {p.stem for p in FOLDER.glob("*.json")}
    assert all(part_of(a.id) == "study" for a in study) and all(part_of(a.id) == "test" for a in test)
    assert len(study) == len(test) == 14
    for prefix in ("r_", "r2_"):
        assert sum(a.id.startswith(prefix) for a in study) == sum(a.id.startswith(prefix) for a in test) == 4
