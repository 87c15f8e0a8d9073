"""``evals/corpus_speakers.py``: the label's mention kind and the per-kind speaker counts, on a
made-up article (no corpus text)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_speakers", ROOT / "evals" / "corpus_speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mention_kinds() -> None:
    kind = _scorer().mention_kind
    assert kind("", "Nora Vale") == "none"
    assert kind("She", "Nora Vale") == "pronoun"
    assert kind("Harbour board chair Nora Vale", "Nora Vale") == "name"
    assert kind("Vale's statement", "Nora Vale") == "name"  # possessive stripped
    assert kind("the WCA", "Westmoor Crab Association") == "name"  # acronym of the reference
    assert kind("the harbour board", "Harbour Board of Westmoor") == "description"  # no capitalised word
    assert kind("One skipper", "skipper") == "description"


TEXT = (
    "Crab quota cut\n\nMonday\n\n"
    '"The stocks are gone," said Nora Vale, who chairs the harbour board. '
    '"We had no choice."\n\n'
    'A skipper called the cut "a death sentence" for the fleet.\n'
)


def test_scores_a_made_up_article_by_mention_kind(tmp_path: Path) -> None:
    scorer = _scorer()
    labels = []
    for quote, speaker, reference in [
        ('"The stocks are gone,"', "Nora Vale", "Nora Vale"),
        ('"We had no choice."', "", "Nora Vale"),
        ('"a death sentence"', "A skipper", "skipper"),
    ]:
        start = TEXT.index(quote)
        labels.append(
            {"quote": quote, "speaker": speaker, "reference": reference, "start": start, "end": start + len(quote)}
        )
    (tmp_path / "labels").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "crab.txt").write_text(TEXT, encoding="utf-8")
    data = {"id": "crab", "source": "corpus/crab.txt", "quotations": labels}
    (tmp_path / "labels" / "crab.json").write_text(json.dumps(data), encoding="utf-8")
    (row,) = scorer.run(tmp_path / "labels", tmp_path / "corpus")
    assert row["direct"] == 3 and row["found"] == 3
    kinds = row["kinds"]
    assert kinds["name"][0] == 1 and kinds["none"][0] == 1 and kinds["description"][0] == 1
    assert sum(n for n, _ in kinds.values()) == row["found"]
    assert sum(right for _, right in kinds.values()) == row["speaker_right"]
    line, fresh = scorer.report([row], ("all",))
    assert line.startswith("all: 1 articles, 3 quotes, recall 1.0 (3)")
    assert fresh.startswith("all (not seeds): 1 articles")  # no seed has this id
    assert scorer.report([{**row, "fresh": False}], ("all",))[1] == "all (not seeds): nothing"
