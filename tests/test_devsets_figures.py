"""The figures dev-set scorer on tiny records written for these tests (no dev-set text)."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.devsets import DevArticle, figures
from summarizer.models import Figure, Meta, Summary

TEXT = "Crews fixed 12 pumps and 3 gates. Later the 12 pumps ran again. The vote was 7-2 for the plan."


def _label(text: str, at: int = 0, **kw: Any) -> dict[str, Any]:
    start = TEXT.index(text, at)
    return {"text": text, "start": start, "end": start + len(text), "measures": "", "key": False, **kw}


def _article(labels: list[dict[str, Any]], text: str = TEXT, art_id: str = "x") -> DevArticle:
    return DevArticle("figures", art_id, text, {"id": art_id, "text": text, "figures": labels})


def _fig(text: str, value: float | None, at: int = 0, src: str = TEXT, **kw: Any) -> Figure:
    start = src.index(text, at)
    return Figure(text=text, value=value, span={"start": start, "end": start + len(text)}, **kw)


def _summary(*figs: Figure) -> Summary:
    return Summary(summary="", figures=list(figs), meta=Meta(model="t", prompt_version="", schema_version=""))


def test_a_later_mention_labelled_also_is_a_repeat_not_a_false_figure() -> None:
    second = TEXT.index("12", TEXT.index("Later"))
    pumps = _label("12", value=12, unit="pumps", type="count", measures="pumps fixed", also=[[second, second + 2]])
    row = figures.score(_article([pumps]), _summary(_fig("12", 12, unit="pumps"), _fig("12", 12, second, unit="pumps")))
    assert (row["tp"], row["predicted"], row["repeats"], row["false"]) == (1, 1, 1, [])


def test_the_also_mention_alone_finds_the_label() -> None:
    second = TEXT.index("12", TEXT.index("Later"))
    pumps = _label("12", value=12, unit="pumps", also=[[second, second + 2]])
    row = figures.score(_article([pumps]), _summary(_fig("12", 12, second, unit="pumps")))
    assert (row["tp"], row["predicted"], row["repeats"]) == (1, 1, 0)


def test_a_tally_split_in_two_counts_its_second_number_false() -> None:
    vote = _label("7-2", value=7, type="score", measures="vote for the plan", key=True)
    row = figures.score(_article([vote]), _summary(_fig("7", 7, type="count"), _fig("2", 2, TEXT.index("7-2"))))
    assert (row["tp"], row["predicted"], row["key_found"]) == (1, 2, 1)
    assert row["false"] == ["'2' None None ''"]
    assert row["type_n"] == 1 and row["type_right"] == 0


def test_equal_values_pair_with_the_mention_they_sit_on() -> None:
    text = "Gold rose 1 percent and silver rose 1 percent."
    labels = [
        {"text": "1 percent", "start": 10, "end": 19, "value": 1, "measures": "gold rise", "key": False},
        {"text": "1 percent", "start": 35, "end": 44, "value": 1, "measures": "silver rise", "key": False},
    ]
    predicted = _summary(
        _fig("1 percent", 1, 20, text, measures="silver rise"), _fig("1 percent", 1, 0, text, measures="gold rise")
    )
    row = figures.score(_article(labels, text), predicted)
    assert row["tp"] == 2 and row["measures_sum"] == pytest.approx(2.0)


def test_units_the_article_never_uses_are_counted_invented() -> None:
    labels = [_label("12", value=12, unit="pumps"), _label("3", value=3, unit="gates")]
    row = figures.score(_article(labels), _summary(_fig("12", 12, unit="soldiers"), _fig("3", 3, unit="gate")))
    assert row["invented_units"] == ["'12' unit 'soldiers'"]  # "gate" is the article's "gates"
    assert row["unit_right"] == 1


def test_aggregate_reports_each_part_and_all() -> None:
    def row(part: str, tp: int, pred: int, gold: int) -> dict[str, Any]:
        return {
            "id": part, "part": part, "tp": tp, "predicted": pred, "labelled": gold, "repeats": 0,
            "key_labelled": 1, "key_found": 1, "unit_right": tp, "type_right": 0, "type_n": 0,
            "source_right": tp, "measures_sum": tp / 2, "invented_units": ["u"], "misses": [], "false": [],
            "wrong": [],
        }  # fmt: skip

    m = figures.aggregate([row("study", 2, 4, 2), row("test", 1, 1, 2)])
    assert set(m) == {"study", "test", "all"}
    assert (m["study"]["precision"], m["study"]["recall"]) == (0.5, 1.0)
    assert (m["test"]["precision"], m["test"]["recall"]) == (1.0, 0.5)
    assert m["all"]["precision"] == 0.6 and m["all"]["measures_f1"] == 0.5 and m["all"]["invented_units"] == 2
    assert m["all"]["type_accuracy"] is None


def test_code_only_reads_a_made_up_article_and_render_lists_misses() -> None:
    text = "The town spent $2 million on roads. Nine of them were closed."
    labels = [
        {"text": "$2 million", "start": 15, "end": 25, "value": 2e6, "unit": "USD", "type": "money",
         "measures": "town spending on roads", "key": True},
        {"text": "Nine", "start": 36, "end": 40, "value": 9, "unit": "roads", "type": "count",
         "measures": "roads closed", "key": False},
    ]  # fmt: skip
    row = figures.code_only(_article(labels, text))
    assert row["tp"] >= 1 and row["key_found"] == 1 and row["unit_right"] >= 1
    report = {
        "part": "all", "mode": "code-only", "model": None, "wall_seconds": 0.1,
        "metrics": figures.aggregate([{"id": "x", "part": "study", **row}]),
        "articles": [{"id": "x", "part": "study", **row}],
    }  # fmt: skip
    md = figures.render(report)
    assert "| study | 1 |" in md and "| all | 1 |" in md and "## x (study)" in md
    report["articles"] = [{"id": "y", "part": "test", **row}]
    assert "## y" not in figures.render(report)  # the test half is scored, its misses never listed


def test_a_pipeline_run_is_scored_the_same_way(tmp_path: Any, settings: Any) -> None:
    """``summarize eval --devset figures`` with a model: the scripted backend stands in for it and
    answers the leaked unit "troops", which is rejected, not scored as the figure's unit."""
    import json

    from summarizer import Summarizer, devsets
    from summarizer.backends import ScriptedBackend

    from .conftest import router

    text = "Nurses said a dozen, working in shifts, will staff the wing.\n\nThe wing cost $3 million."
    labels = [
        {"text": "dozen", "start": 14, "end": 19, "value": 12, "unit": "nurses", "type": "count",
         "measures": "nurses staffing the wing", "key": True, "source": "nurses"},
        {"text": "$3 million", "start": 76, "end": 86, "value": 3e6, "unit": "USD", "type": "money",
         "measures": "cost of the wing", "key": True},
    ]  # fmt: skip
    assert [text[x["start"] : x["end"]] for x in labels] == ["dozen", "$3 million"]
    (tmp_path / "figures").mkdir()
    record = {"id": "made-up", "from": "test", "text": text, "figures": labels}
    (tmp_path / "figures" / "made-up.json").write_text(json.dumps(record))
    answers = {
        "figures": [{"F1": "troops", "other": []}],
        "claims": [{"claims": [1]}],
        "summary": [{"summary": ["The wing cost $3 million."]}],
    }
    summarizer = Summarizer(settings, ScriptedBackend(router=router(answers)))
    report = devsets.run("figures", "all", summarizer, directory=tmp_path)
    (row,) = report["articles"]
    assert report["mode"] == "pipeline" and row["tp"] == 2 and row["invented_units"] == []
    assert row["unit_right"] == 1  # "$3 million" USD; the dozen's leaked unit was dropped
    assert report["metrics"]["all"]["measures_f1"] is not None
    assert "| all | 1 |" in devsets.render(report)


def test_an_equal_value_elsewhere_is_not_the_labelled_figure() -> None:
    text = "Copper rose a penny. A year ago it was cheap."
    label = {"text": "a penny", "start": 12, "end": 19, "value": 1, "unit": "cents", "key": False, "measures": ""}
    row = figures.score(_article([label], text), _summary(_fig("A year", 1, 0, text, unit="years")))
    assert (row["tp"], row["predicted"], row["misses"][0].startswith("'a penny'")) == (0, 1, True)
