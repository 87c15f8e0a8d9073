"""``evals/pollstudy.py``: labels kept apart from the article text, joined at score time (tiny records
written for this test, no dev-set text)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.devsets import figures

ROOT = Path(__file__).resolve().parent.parent


def _pollstudy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pollstudy", ROOT / "evals" / "pollstudy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = "Poll finds support\n\nA Lakeview College poll found that 61 percent of Marlow voters back the toll."


def test_labels_are_joined_with_the_text_of_the_set_they_name_and_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _pollstudy()
    start = TEXT.index("61 percent")
    label = {"text": "61 percent", "start": start, "end": start + 10, "value": 61.0, "unit": "percent",
             "type": "percent", "measures": "Marlow voters back the toll", "source": "Lakeview College", "key": True}  # fmt: skip
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "a1.json").write_text(json.dumps({"id": "a1", "from": "polnear", "figures": [label]}))
    (tmp_path / "sets" / "polnear").mkdir(parents=True)
    (tmp_path / "sets" / "polnear" / "a1.json").write_text(json.dumps({"id": "a1", "text": TEXT}))
    monkeypatch.setattr(module, "LABELS", tmp_path / "labels")
    [article] = module.load(tmp_path / "sets")
    assert (article.id, article.text) == ("a1", TEXT)
    row = figures.code_only(article)
    assert (row["tp"], row["labelled"], row["source_right"]) == (1, 1, 1)


def test_a_missing_article_says_where_to_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _pollstudy()
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "a1.json").write_text(json.dumps({"id": "a1", "from": "ggt", "figures": []}))
    monkeypatch.setattr(module, "LABELS", tmp_path / "labels")
    with pytest.raises(SystemExit, match="pass --devsets"):
        module.load(tmp_path / "nowhere")
