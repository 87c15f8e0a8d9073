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


def test_a_devsets_label_reads_the_record_text_and_keeps_to_its_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _module()
    (tmp_path / "labels").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "devsets" / "ggt").mkdir(parents=True)
    (tmp_path / "corpus" / "w1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "devsets" / "ggt" / "g1.json").write_text(json.dumps({"id": "g1", "text": TEXT}), encoding="utf-8")
    (tmp_path / "labels" / "w1.json").write_text(json.dumps(_label("w1")))
    (tmp_path / "labels" / "g1.json").write_text(json.dumps({**_label("g1"), "from": "ggt/g1.json"}))
    monkeypatch.setattr(module, "LABELS", tmp_path / "labels")
    corpus, devsets = tmp_path / "corpus", tmp_path / "devsets"
    [g1] = module.load(corpus, "all", devsets, "devsets")
    assert (g1.id, g1.part, g1.text) == ("g1", part_of("g1"), TEXT)
    assert [a.id for a in module.load(corpus, "all", devsets, "wikinews")] == ["w1"]
    assert [a.id for a in module.load(corpus, "all", devsets)] == ["g1", "w1"]
    assert figures.code_only(g1)["tp"] == 1
    with pytest.raises(SystemExit, match="pass --devsets"):
        module.load(corpus, "all", tmp_path / "nowhere", "devsets")
