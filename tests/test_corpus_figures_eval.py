"""``evals/corpus_figures.py``: labels kept apart from the corpus text, joined at score time, each
article in its fixed half (tiny records written for this test, no corpus text)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.devsets import figures, part_of

ROOT = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_figures", ROOT / "evals" / "corpus_figures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = "Bridge shut\n\nMonday\n\nThe Marlow council said repairs to the Elm Street bridge would cost $2 million."


def _label(stem: str) -> dict[str, object]:
    start = TEXT.index("$2 million")
    figure = {"text": "$2 million", "start": start, "end": start + 10, "value": 2e6, "unit": "USD", "type": "money",
              "measures": "cost of repairs to the Elm Street bridge", "source": "Marlow council", "key": True}  # fmt: skip
    return {"id": stem, "from": f"corpus/{stem}.txt", "figures": [figure]}


def test_labels_are_joined_with_the_corpus_text_and_kept_in_their_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _module()
    stems = {part_of(s): s for s in ("a1", "a2", "a3", "a4")}  # one stem of each half
    (tmp_path / "labels").mkdir()
    (tmp_path / "corpus").mkdir()
    for stem in stems.values():
        (tmp_path / "labels" / f"{stem}.json").write_text(json.dumps(_label(stem)))
        (tmp_path / "corpus" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(module, "LABELS", tmp_path / "labels")
    [study] = module.load(tmp_path / "corpus", "study")
    assert (study.id, study.part, study.text) == (stems["study"], "study", TEXT)
    assert [a.id for a in module.load(tmp_path / "corpus", "all")] == sorted(stems.values())
    row = figures.code_only(study)
    assert (row["tp"], row["labelled"], row["key_found"]) == (1, 1, 1)


def test_a_missing_corpus_file_says_where_to_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _module()
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "a1.json").write_text(json.dumps({"id": "a1", "from": "corpus/a1.txt", "figures": []}))
    monkeypatch.setattr(module, "LABELS", tmp_path / "labels")
    with pytest.raises(SystemExit, match="pass --corpus"):
        module.load(tmp_path / "nowhere")
