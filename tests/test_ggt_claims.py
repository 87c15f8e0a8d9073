"""GGT's indirect quotations as a claims pool (devsets.ggt_claims), on a made-up record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summarizer import Settings, Summarizer, devsets
from summarizer.article import Article
from summarizer.backends import ScriptedBackend
from summarizer.devsets import ggt_claims
from summarizer.models import Claim, Meta, Span, Summary

from .conftest import ROOT, router

TEXT = (
    "Library hours cut\n\n"
    "Mayor Ana Ruiz said the library would close on Sundays from March. "
    "Some critics say the savings are too small to matter. "
    "“We will fight this,” said Tom Okafor. "
    "Okafor argued that the branch serves more children than any other in the city.\n"
)


def _label(quote: str, speaker: str, reference: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {
        "speaker": speaker,
        "verb": "said",
        "quote": quote,
        "reference": reference,
        "start": start,
        "end": start + len(quote),
    }


def _record() -> dict[str, Any]:
    return {
        "id": "c1",
        "text": TEXT,
        "quotations": [
            _label("the library would close on Sundays from March", "Mayor Ana Ruiz", "Ana Ruiz"),
            _label("the savings are too small to matter", "Some critics", "some critics"),  # names nobody
            _label("“We will fight this,”", "Tom Okafor", "Tom Okafor"),  # direct: not a claim here
            _label("the branch serves more children than any other in the city", "Okafor", "Tom Okafor"),
        ],
    }


def _claim(sentence_start: str, attributed_to: str | None) -> Claim:
    start = TEXT.index(sentence_start)
    end = TEXT.index(".", start) + 1
    return Claim(text=TEXT[start:end], attributed_to=attributed_to, evidence=[Span(start=start, end=end)])


def test_only_indirect_quotations_with_a_named_reference_count() -> None:
    labels = ggt_claims.indirect_claims(_record())
    assert [lb["reference"] for lb in labels] == ["Ana Ruiz", "Tom Okafor"]
    assert ggt_claims.named_reference("Kim and Clark Moran") and ggt_claims.named_reference("BC Hydro")
    assert not ggt_claims.named_reference("the city") and not ggt_claims.named_reference("The department")


def test_a_claim_matches_by_content_and_is_right_when_it_names_the_reference() -> None:
    claims = [_claim("Mayor Ana Ruiz", "Ana Ruiz"), _claim("Okafor argued", "he")]
    r = ggt_claims.score_claims(_record(), claims)
    assert (r["named"], r["matched"], r["read"], r["right"]) == (2, 2, 2, 1)  # a pronoun is never right
    assert r["misses"][0]["expected"] == "Tom Okafor" and r["misses"][0]["got"] == "he"


def test_an_unmatched_quotation_is_named_not_matched_and_halves_aggregate() -> None:
    summary = Summary(
        summary="x",
        claims=[_claim("Okafor argued", "Okafor")],
        meta=Meta(model="m", prompt_version="p", schema_version="s"),
    )
    r = ggt_claims.score(devsets.DevArticle("ggt", "c1", TEXT, _record()), summary)
    assert (r["named"], r["matched"], r["right"]) == (2, 1, 1)  # surname alone names Tom Okafor
    m = ggt_claims.aggregate([{"part": "study", **r}, {"part": "test", **{**r, "right": 0}}])
    assert m["study"]["match_rate"] == 0.5 and m["study"]["accuracy"] == 1.0
    assert m["test"]["accuracy"] == 0.0 and m["all"]["matched"] == 2


def test_a_capitalised_common_noun_opening_a_sentence_names_nobody() -> None:
    text = "Nutrition experts say the guide is late. Many nutrition experts agree."
    assert not ggt_claims.named_reference("Nutrition experts", text)
    assert ggt_claims.named_reference("Nutrition Canada", text)


def test_code_only_scores_every_quotation_by_its_sentence_source() -> None:
    r = ggt_claims.code_only(devsets.DevArticle("ggt", "c1", TEXT, _record()))
    assert r["named"] == 2 and r["matched"] == 0
    assert r["right"] == 2  # "Mayor Ana Ruiz said …", "Okafor argued that …"
    assert ggt_claims.aggregate([{"part": "study", **r}])["study"]["accuracy"] == 1.0


def _claims_sim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_sim", ROOT / "evals" / "claims_sim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_claims_sim_scores_the_model_summaries_left_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    folder = tmp_path / "sets" / "ggt"
    folder.mkdir(parents=True)
    for i, text in (("c1", TEXT), ("c2", TEXT + "The vote is on Friday.\n")):
        (folder / f"{i}.json").write_text(json.dumps({**_record(), "id": i, "text": text}), encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_DEVSETS", str(tmp_path / "sets"))
    # the scripted model picks the sentences of Ruiz and Okafor; only c1 is summarized (cached)
    summarizer = Summarizer(settings, ScriptedBackend(router=router({"claims": [{"claims": [1, 4]}]})))
    summary = summarizer.summarize(Article.from_text(TEXT, source="ggt/c1"))
    assert summary.claims
    m = _claims_sim().cached_part("ggt", "all", summarizer)
    assert m["cached"] == 1 and m["articles"] == 1 and m["named"] == 2
    expected = ggt_claims.score_claims(_record(), list(summary.claims))
    assert (m["matched"], m["right"]) == (expected["matched"], expected["right"]) and m["matched"] >= 1
