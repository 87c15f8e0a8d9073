"""PolNeAR's direct quotations as a speaker pool (devsets.polnear_quotes), on a made-up record."""

from __future__ import annotations

from typing import Any

from summarizer import devsets
from summarizer.devsets import polnear, polnear_quotes

TEXT = (
    "Mayor backs the tunnel\n\n"
    "“We will dig it this year,” Mayor Lena Hart said on Tuesday.\n\n"
    "Councillor Omar Diaz called the plan “a fantasy” in a letter.\n\n"
    "“It is too dear,” he said.\n\n"
    "The paper ran a column titled “Tunnel Vision” last week.\n\n"
    'Hart said Diaz had called her a "dreamer" before.\n'
)


def _part(s: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return {"text": s, "spans": [[start, start + len(s)]]}


def _record() -> dict[str, Any]:
    def attr(source: str | None, cue: str, content: str) -> dict[str, Any]:
        return {"source": _part(source) if source else None, "cue": _part(cue), "content": _part(content)}

    return {
        "id": "pq1",
        "text": TEXT,
        "attributions": [
            attr("Mayor Lena Hart", "said", "“We will dig it this year,”"),
            attr("Councillor Omar Diaz", "called", "the plan “a fantasy”"),
            attr("he", "said", "“It is too dear,”"),  # a pronoun source: left out
            attr("Hart", "said", 'Diaz had called her a "dreamer" before'),
            attr("Diaz", "called", 'her a "dreamer"'),  # inner attribution: Diaz said "dreamer", not Hart
        ],
    }


def _pred(inner: str, speaker: str | None) -> dict[str, Any]:
    start = TEXT.index(inner)
    return {"text": inner, "speaker": speaker, "start": start, "end": start + len(inner)}


def test_passages_stop_at_the_closing_mark_or_the_paragraph() -> None:
    spans = polnear_quotes.passages('“One,” he said. “Two\n\n“Three.” And "four" and “”.')
    texts = ['“One,” he said. “Two\n\n“Three.” And "four" and “”.'[s:e] for s, e in spans]
    assert texts == ["“One,”", "“Two", "“Three.”", '"four"']


def test_labels_are_quoted_passages_of_named_innermost_attributions() -> None:
    got = {w["quote"]: w["names"] for w in polnear_quotes.labels(_record(), polnear.source_names)}
    assert got == {
        "“We will dig it this year,”": ["Mayor Lena Hart", "Lena Hart"],
        "“a fantasy”": ["Councillor Omar Diaz", "Omar Diaz"],
        '"dreamer"': ["Diaz"],  # the innermost attribution, not Hart's report of it
    }  # "It is too dear" has a pronoun source; "Tunnel Vision" is on no attribution


def test_score_counts_speakers_recall_and_quotes_on_no_attribution() -> None:
    predicted = [
        _pred("We will dig it this year,", "Lena Hart"),  # right (the name, marks aside)
        _pred("a fantasy", "Lena Hart"),  # matched, wrong speaker
        _pred("It is too dear,", "Omar Diaz"),  # on a pronoun-sourced attribution: not scored, not extra
        _pred("Tunnel Vision", None),  # on no attribution: extra
    ]
    r = polnear_quotes.score(_record(), predicted, polnear.source_names)
    assert (r["q_labels"], r["q_found"], r["q_right"], r["q_extra"]) == (3, 2, 1, 1)
    kinds = sorted(m["kind"] for m in r["quote_misses"])
    assert kinds == ["extra", "missed", "speaker"]
    wrong = next(m for m in r["quote_misses"] if m["kind"] == "speaker")
    assert wrong["expected"] == "Councillor Omar Diaz" and wrong["got"] == "Lena Hart"


def test_polnear_report_carries_the_quotation_columns() -> None:
    r = polnear.code_only(devsets.DevArticle("polnear", "pq1", TEXT, _record()))
    assert r["q_labels"] == 3 and r["q_found"] >= 2
    report = {
        "mode": "code-only",
        "part": "study",
        "wall_seconds": 0.1,
        "metrics": polnear.aggregate([{"id": "pq1", "part": "study", **r}]),
        "articles": [{"id": "pq1", "part": "study", **r}],
    }
    m = report["metrics"]["study"]
    assert m["q_labels"] == 3 and m["q_speaker_accuracy"] == round(r["q_right"] / r["q_found"], 4)
    md = polnear.render(report)
    assert "Direct quotations with a named source" in md and "| study | 3 |" in md


def test_polnear_pipeline_scores_the_summarys_quote_speakers() -> None:
    from summarizer.models import Meta, Quote, Span, Summary

    inner = "a fantasy"
    start = TEXT.index(inner)
    summary = Summary(
        summary="x",
        quotes=[Quote(text=inner, speaker="Omar Diaz", span=Span(start=start, end=start + len(inner)))],
        meta=Meta(model="m", prompt_version="p", schema_version="s"),
    )
    r = polnear.score(devsets.DevArticle("polnear", "pq1", TEXT, _record()), summary)
    assert (r["q_labels"], r["q_found"], r["q_right"]) == (3, 1, 1)
    report = {
        "mode": "pipeline",
        "part": "study",
        "wall_seconds": 0.1,
        "metrics": polnear.aggregate([{"id": "pq1", "part": "study", **r}]),
        "articles": [{"id": "pq1", "part": "study", **r}],
    }
    assert "Direct quotations with a named source (pipeline speaker)" in polnear.render(report)
