"""The GGT and PolNeAR dev-set scorers, on tiny made-up records written to tmp dirs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import devsets
from summarizer.cli import main
from summarizer.devsets import ggt, polnear
from summarizer.devsets.common import names_match
from summarizer.models import Claim, Meta, Quote, Span, Summary

META = Meta(model="m", prompt_version="p", schema_version="s")

GGT_TEXT = (
    "Council votes on the budget\n\n"
    "“We cannot afford it,” said Mayor Ana Ruiz on Monday.\n\n"
    "Tom Okafor, the union's president, disagreed. “The city has the money,” he said.\n\n"
    "Ruiz said the vote was “a sham” and the talks would go on.\n\n"
    "The hall was dubbed “the Tower” by locals.\n"
)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def _ggt_record() -> dict[str, Any]:
    q1 = "“We cannot afford it,”"
    q2 = "“The city has the money,”"
    indirect = "the vote was “a sham” and the talks would go on"
    rows = [(q1, "Mayor Ana Ruiz", "Ana Ruiz"), (q2, "he", "Tom Okafor"), (indirect, "Ruiz", "Ana Ruiz")]
    quotations = []
    for quote, speaker, reference in rows:
        start, end = _span(GGT_TEXT, quote)
        quotations.append(
            {"speaker": speaker, "verb": "said", "quote": quote, "reference": reference, "start": start, "end": end}
        )
    return {"id": "g1", "text": GGT_TEXT, "quotations": quotations, "people": [], "sources": []}


def _quote(text: str, inner: str, speaker: str | None) -> dict[str, Any]:
    start, end = _span(text, inner)
    return {"text": inner, "speaker": speaker, "start": start, "end": end}


def test_names_match_is_the_person_not_the_mention() -> None:
    assert names_match("Ruiz", "Ana Ruiz") and names_match("Mayor Ana Ruiz", "Ana Ruiz")
    assert names_match("Ana Ruiz", "Ruiz") and names_match("Mr. Kim", "Erin Kim")
    assert names_match("IRCC", "Immigration, Refugees and Citizenship Canada")
    assert names_match("Lehla Abreder", "Tore Sohlberg and Lehla Abreder")
    assert names_match("Mr. Biden", "Joseph R. Biden Jr.")
    assert not names_match("Doug Ruiz", "Ana Ruiz")  # a relative shares the surname, not the words
    assert not names_match("he", "he") and not names_match("Ruiz’s", "Ana Ruiz") and not names_match(None, "X")
    assert not names_match("Canada", "Ana Ruiz")


def test_names_match_credits_either_maker_of_a_joint_poll() -> None:
    """ "A CNN/ORC poll": the product names both makers, PolNeAR's source reads CNN; either is right."""
    assert names_match("CNN/ORC", "CNN") and names_match("CNN", "CNN/ORC")
    assert names_match("NBC/Wall Street Journal", "Wall Street Journal")
    assert not names_match("Fox", "CNN/ORC") and not names_match("CNN/ORC", "Fox News")


def test_ggt_direct_quotes_recall_precision_and_speakers() -> None:
    data = _ggt_record()
    assert len(ggt.direct_labels(data)) == 2  # the indirect one is not a direct quotation
    predicted = [
        _quote(GGT_TEXT, "We cannot afford it,", "Ana Ruiz"),  # right
        _quote(GGT_TEXT, "The city has the money,", "Ana Ruiz"),  # matched, wrong speaker
        _quote(GGT_TEXT, "a sham", "Ruiz"),  # inside a labelled indirect quotation: neutral
        _quote(GGT_TEXT, "the Tower", None),  # no labelled quotation: against precision
    ]
    r = ggt.score_quotes(data, predicted)
    assert (r["direct"], r["found"], r["counted"], r["extra"], r["speaker_right"]) == (2, 2, 3, 1, 1)
    assert (r["phrases"], r["phrase_right"]) == (1, 1)  # "a sham" inside Ruiz's reported quotation
    wrong = ggt.score_quotes(data, [_quote(GGT_TEXT, "a sham", "Tom Okafor")])
    assert (wrong["phrases"], wrong["phrase_right"]) == (1, 0) and wrong["misses"][-1]["kind"] == "phrase"
    kinds = sorted(m["kind"] for m in r["misses"])
    assert kinds == ["extra", "speaker"]
    speaker = next(m for m in r["misses"] if m["kind"] == "speaker")
    assert speaker["expected"] == "Tom Okafor" and speaker["got"] == "Ana Ruiz"


def test_ggt_missed_quote_and_small_overlap_do_not_match() -> None:
    data = _ggt_record()
    r = ggt.score_quotes(data, [_quote(GGT_TEXT, "afford", "Ana Ruiz")])  # a word of a quote is not the quote
    assert r["found"] == 0 and r["extra"] == 0  # it lies on a labelled quotation: not counted against
    assert [m["kind"] for m in r["misses"]] == ["missed", "missed"]


def test_ggt_aggregate_reports_each_half() -> None:
    rows = [
        {"part": "study", "direct": 4, "found": 4, "counted": 4, "extra": 0, "speaker_right": 3},
        {"part": "test", "direct": 2, "found": 1, "counted": 2, "extra": 1, "speaker_right": 1},
    ]
    m = ggt.aggregate(rows)
    assert m["study"]["speaker_accuracy"] == 0.75 and m["test"]["recall"] == 0.5 and m["test"]["precision"] == 0.5
    assert m["all"]["direct"] == 6 and m["all"]["speaker_accuracy"] == 0.8 and m["all"]["articles"] == 2


def test_ggt_pipeline_score_reads_the_summary_quotes() -> None:
    data = _ggt_record()
    start, end = _span(GGT_TEXT, "We cannot afford it")
    summary = Summary(
        summary="x",
        quotes=[Quote(text="We cannot afford it", speaker="Ruiz", span=Span(start=start, end=end))],
        meta=META,
    )
    r = ggt.score(devsets.DevArticle("ggt", "g1", GGT_TEXT, data), summary)
    assert (r["found"], r["speaker_right"], r["direct"]) == (1, 1, 2)


POL_TEXT = (
    "Senate race tightens\n\n"
    "Governor Maggie Hassan said the state budget would be balanced by June. "
    "He believes the polls are wrong. "
    "The economy grew faster than expected, according to the Commerce Department.\n"
)


def _attr(text: str, source: str | None, cue: str, content: str) -> dict[str, Any]:
    def part(s: str) -> dict[str, Any]:
        start = text.index(s)
        return {"text": s, "spans": [[start, start + len(s)]]}

    return {"source": part(source) if source else None, "cue": part(cue), "content": part(content)}


def _pol_record() -> dict[str, Any]:
    return {
        "id": "p1",
        "text": POL_TEXT,
        "attributions": [
            _attr(POL_TEXT, "Governor Maggie Hassan", "said", "the state budget would be balanced by June"),
            _attr(POL_TEXT, "He", "believes", "the polls are wrong"),  # a pronoun: not named
            _attr(POL_TEXT, "the Commerce Department", "according to", "The economy grew faster than expected"),
        ],
    }


def test_source_names_keep_names_only() -> None:
    assert polnear.source_names("Governor Maggie Hassan") == ["Governor Maggie Hassan", "Maggie Hassan"]
    assert polnear.source_names("he") == [] and polnear.source_names("The campaign") == []
    assert polnear.source_names("Republicans") == [] and polnear.source_names("President") == []
    assert polnear.source_names("Clinton’s campaign") == ["Clinton"]
    assert polnear.source_names("Trump’s adviser Stephen Miller") == ["Stephen Miller"]
    assert polnear.source_names("The Democratic front-runner") == []  # a modifier, not a name
    assert polnear.source_names("Clinton herself") == ["Clinton"]
    assert polnear.source_names("Less than a third", "less of it") == []  # lower case in the article: a common word
    assert len(polnear.named_attributions(_pol_record())) == 2


def test_a_title_before_a_name_is_no_part_of_it() -> None:
    """ "President Obama" is the Barack Obama a claim names: the title dropped, the surname matches."""
    names = polnear.source_names("President Obama")
    assert names == ["President Obama", "Obama"]
    assert any(names_match("Barack Obama", n) for n in names)
    assert not any(names_match("Barack Obama", n) for n in polnear.source_names("President Trump"))


def test_polnear_code_only_scores_the_sentence_source() -> None:
    r = polnear.code_only(devsets.DevArticle("polnear", "p1", POL_TEXT, _pol_record()))
    assert r["named"] == 2 and r["read"] == 2 and r["right"] == 2 and r["misses"] == []


def test_polnear_pipeline_matches_claims_by_content() -> None:
    data = _pol_record()
    text = "the state budget would be balanced by June"
    start = POL_TEXT.index(text)
    claims = [
        Claim(text=text, attributed_to="Hassan’s", evidence=[Span(start=start, end=start + len(text))]),
        Claim(text="Unrelated words here entirely", attributed_to=None),
    ]
    r = polnear.score(
        devsets.DevArticle("polnear", "p1", POL_TEXT, data), Summary(summary="x", claims=claims, meta=META)
    )
    assert (r["named"], r["matched"], r["right"]) == (2, 1, 0)  # a possessive is never right
    assert r["misses"][0]["got"] == "Hassan’s"
    m = polnear.aggregate([{"part": "study", **r}])
    assert m["study"]["match_rate"] == 0.5 and m["study"]["accuracy"] == 0.0


@pytest.mark.parametrize("name", ["ggt", "polnear"])
def test_cli_code_only_runs_on_a_tmp_devset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    folder = tmp_path / "sets" / name
    folder.mkdir(parents=True)
    record = _ggt_record() if name == "ggt" else _pol_record()
    for i in ("a1", "a2", "a3", "a4"):  # some land in each half
        (folder / f"{i}.json").write_text(json.dumps({**record, "id": i}), encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_DEVSETS", str(tmp_path / "sets"))
    result = CliRunner().invoke(
        main, ["eval", "--devset", name, "--part", "all", "--code-only", "--out", str(tmp_path / "runs")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(next((tmp_path / "runs").glob("*/report.json")).read_text())
    assert report["metrics"]["all"]["articles"] == 4
    parts = {devsets.part_of(i) for i in ("a1", "a2", "a3", "a4")}
    assert {p for p in ("study", "test") if report["metrics"][p]["articles"]} == parts
    assert "| all | 4 |" in result.output


@pytest.mark.parametrize("name", ["ggt", "polnear"])
def test_pipeline_mode_scores_a_summary_per_article(tmp_path: Path, settings: Any, name: str) -> None:
    """``summarize eval --devset NAME`` without --code-only: each article through the pipeline
    (here a scripted backend answering every pass), scored by the set's ``score``."""
    from summarizer.backends import ScriptedBackend
    from summarizer.pipeline import Summarizer

    from .conftest import router

    folder = tmp_path / name
    folder.mkdir()
    record = _ggt_record() if name == "ggt" else _pol_record()
    (folder / "a1.json").write_text(json.dumps(record), encoding="utf-8")
    summarizer = Summarizer(settings.model_copy(update={"max_retries": 0}), ScriptedBackend(router=router()))
    report = devsets.run(name, "all", summarizer, directory=tmp_path)
    assert report["mode"] == "pipeline" and report["metrics"]["all"]["articles"] == 1
    row = report["articles"][0]
    if name == "ggt":
        assert row["direct"] == 2 and row["found"] == 2  # the quotes code finds, whatever the model says
    else:
        assert row["named"] == 2 and row["matched"] >= 1  # the claims come from the article's sentences
    assert "| all | 1 |" in devsets.render(report)
