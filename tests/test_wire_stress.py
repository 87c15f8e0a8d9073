"""``evals/wire_stress.py``: tallies per kind, shape and mention kind (text written for this test)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wire_stress", ROOT / "evals" / "wire_stress.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = (
    "Rovers win again\n\n"
    ' Nora Vale scored twice.\n .\n "We were ready," Vale said. "It showed.".\n .\n'
    ' Coach Ivo Brandt smiled.\n .\n "She was great," the coach said.\n .\n "Tired now," he said.\n'
)


def _label(quote: str, speaker: str, reference: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "speaker": speaker, "reference": reference, "start": start, "end": start + len(quote)}


LABELS: dict[str, Any] = {
    "id": "sports_rovers",
    "quotations": [
        _label('"We were ready,"', "Vale", "Nora Vale"),
        _label('"It showed."', "", "Nora Vale"),
        _label('"She was great,"', "the coach", "Ivo Brandt"),
        _label('"Tired now,"', "he", "Ivo Brandt"),
    ],
}


def _predicted(speakers: dict[str, str | None]) -> list[dict[str, Any]]:
    out = []
    for quote, speaker in speakers.items():
        start = TEXT.index(quote)
        out.append({"text": quote, "speaker": speaker, "start": start, "end": start + len(quote)})
    return out


def test_mention_kinds_read_the_label_beside_the_quote() -> None:
    kind = _module().mention_kind
    assert kind("", "Nora Vale") == "none"
    assert kind("she", "Nora Vale") == "pronoun"
    assert kind("the 23-year-old", "Nora Vale") == "description"
    assert kind("the Swedish keeper", "Hanna Lind") == "description"  # a capital that is not the name
    assert kind("RCMP Cpl. Dana Feng", "Dana Feng") == "name"
    assert kind("Hockey North", "Hockey North") == "name"


def test_each_label_is_tallied_by_its_mention_kind_and_shape() -> None:
    module = _module()
    predicted = _predicted(
        {'"We were ready,"': "Nora Vale", '"It showed."': "Ivo Brandt", '"She was great,"': "Ivo Brandt"}
    )
    predicted.append({"text": "Rovers", "speaker": None, "start": 0, "end": 6})  # on no labelled quotation
    row = module.score_article("sports_rovers", TEXT, LABELS, predicted)
    assert (row["kind"], row["shape"], row["direct"], row["found"], row["extra"]) == ("sports", "scraped", 4, 3, 1)
    s = module.summarize_rows([row])
    assert (s["recall"], s["precision"], s["speaker_accuracy"]) == (0.75, 0.75, 0.6667)
    assert s["by_mention"] == {"pronoun": (0, 0), "none": (0, 1), "description": (1, 1), "name": (1, 1)}
    lines = module.miss_lines([row])
    assert any("[none: '']" in line and "expected 'Nora Vale', got 'Ivo Brandt'" in line for line in lines)
    assert any("not found" in line and '"Tired now,"' in line for line in lines)
    assert any("extra" in line for line in lines)
    table = module.render([row])
    assert "| set1 sports | 1 | 4 | 0.75 (3) |" in table and "| set1 plain |" not in table
    assert "set2" not in table


def test_set_two_stems_have_their_own_kinds_and_every_row_its_half() -> None:
    module = _module()
    assert (module.set_of("s2_local_council"), module.kind_of("s2_local_council")) == ("set2", "local")
    assert (module.set_of("sports_hockey"), module.kind_of("sports_hockey")) == ("set1", "sports")
    with pytest.raises(SystemExit, match="s2_profile_"):
        module.kind_of("s2_court_x")  # a set 1 kind is not a set 2 kind
    assert (module.set_of("s3_live_storm"), module.kind_of("s3_live_storm")) == ("set3", "live")
    with pytest.raises(SystemExit, match="s3_longform_"):
        module.kind_of("s3_sports_x")  # a set 2 kind is not a set 3 kind
    assert (module.set_of("s4_obit_fiddler"), module.kind_of("s4_obit_fiddler")) == ("set4", "obit")
    with pytest.raises(SystemExit, match="s4_news_"):
        module.kind_of("s4_longform_x")  # a set 3 kind is not a set 4 kind
    assert (module.set_of("s5_regional_mine"), module.kind_of("s5_regional_mine")) == ("set5", "regional")
    assert (module.set_of("s6_obit_fisherman"), module.kind_of("s6_obit_fisherman")) == ("set6", "obit")
    with pytest.raises(SystemExit, match="s5_politics_"):
        module.kind_of("s5_obit_x")  # a set 4 kind is not a set 5 kind
    predicted = _predicted({q["quote"]: q["reference"] for q in LABELS["quotations"]})
    rows = [module.score_article(stem, TEXT, LABELS, predicted) for stem in ("sports_rovers", "s2_sports_rovers")]
    assert [r["set"] for r in rows] == ["set1", "set2"]
    assert {r["half"] for r in rows} <= {"study", "test"}
    table = module.render(rows)
    assert "| **set2** | 1 | 4 |" in table and "| **all** | 2 | 8 |" in table
    assert "| set2 sports | 1 | 4 |" in table
    half = rows[1]["half"]
    assert f"| set2 {half} | 1 | 4 |" in table


def test_run_reads_a_folder_with_any_reader_and_names_a_bad_stem(tmp_path: Path) -> None:
    module = _module()
    (tmp_path / "sports_rovers.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sports_rovers.json").write_text(json.dumps(LABELS), encoding="utf-8")
    seen: list[str] = []

    def reader(text: str, source: str) -> list[dict[str, Any]]:
        seen.append(source)
        return _predicted({q["quote"]: q["reference"] for q in LABELS["quotations"]})

    [row] = module.run(tmp_path, reader)
    assert seen == ["wirestress/sports_rovers"]
    assert row["speaker_right"] == 4 and module.shape_of(TEXT.replace("\n .\n", "\n\n")) == "plain"
    (tmp_path / "weather_x.json").write_text(json.dumps({"id": "x", "quotations": []}), encoding="utf-8")
    (tmp_path / "weather_x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="must start with one of"):
        module.run(tmp_path, reader)
