"""Figures read by code: each number's type and unit, what it measures, who gives it, and which
figures count the same thing with different values (issue 14)."""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.fields.base import Context
from summarizer.fields.figures import PASS, asked_figures, read_unit
from summarizer.scan import scan_numbers

from .conftest import code_figure_list as figures_of


def number(text: str, expr: str):  # type: ignore[no-untyped-def]
    (c,) = [c for c in scan_numbers(text) if c.text == expr]
    return c


@pytest.mark.parametrize(
    ("text", "expr", "kind", "unit"),
    [
        ("Turnout reached 58% on Sunday.", "58%", "percent", "%"),
        ("The vote will cost NZ$26 million in all.", "NZ$26 million", "money", "NZD"),
        ("The flag vote will cost NZ $ 26 million.", "NZ $ 26 million", "money", "NZD"),
        ("The plant will cost $80 million.", "$80 million", "money", "USD"),
        ("Repairs will cost $2 million.", "$2 million", "money", "USD"),
        ("They owe 422,000 euros in arrears.", "422,000", "money", "EUR"),
        ("Half of the intended personnel is there.", "Half", "ratio", "fraction"),
        ("One in three visits came from BBC News.", "One in three", "ratio", "fraction"),
        ("The team was denied visas twice.", "twice", "count", "times"),  # how often
        ("The new hall seats twice as many people.", "twice", "ratio", "times"),  # a multiple
        ("And other 15 shells fell near KPA civil police posts.", "15", "count", "shells"),
        ("Traffic had increased 18-fold.", "18-fold", "ratio", "times"),
        ("A 14-year-old boy was arrested.", "14", "quantity", "years"),
        ("They drove 500 miles (800 km) from Herat.", "800", "quantity", "km"),
        ("Officers arrived at the Walmart six minutes later.", "six", "quantity", "minutes"),
        ("It is roughly five miles (eight kilometers) from the border.", "five", "quantity", "miles"),
        ("It is roughly five miles (eight kilometers) from the border.", "eight", "quantity", "kilometers"),
        ("It followed an 11-year lull.", "11", "quantity", "years"),
        ("Had it happened an hour later it would have been worse.", "an hour", "quantity", "hours"),
        ("Ocado limited purchases to two 12-roll packs.", "12", "count", "rolls"),
        ("Ocado limited purchases to two 12-roll packs.", "two", "count", "packs"),
        ("South Korea evacuated about 80 people in Yeoncheon.", "80", "count", "people"),
        ("They fired 36 shells at KPA civil police posts.", "36", "count", "shells"),
        ("Russia's plan includes 100 battalion tactical units and armor.", "100", "count", "battalion tactical units"),
        ("The storm caused a crane to fall, killing 107 or more and wounding 238.", "238", "count", "people"),
        ("Fishermen rescued over 700 asylum seekers and the navy saved 200 more.", "200", "count", "asylum seekers"),
        ("The number of Russian troops near Ukraine is believed to be 94,300.", "94,300", "count", "Russian troops"),
        ("The six - member Afghan team won silver.", "six", "count", "members"),
        ("The document ranges from ten to 32 pages.", "ten to 32", "range", "pages"),
        ("Robots scored one or two points for the alliance.", "one or two", "range", "points"),
        ("So far, it's the Internet: 1, Scientology: 0.", "1", "score", None),
        ("The home side won 3-1 on Sunday.", "3-1", "score", None),
        ("James Ford, 42, a convicted murderer, held him down.", "42", "quantity", "years"),
    ],
)
def test_type_and_unit(text: str, expr: str, kind: str, unit: str | None) -> None:
    c = number(text, expr)
    assert (c.kind, c.unit) == (kind, unit)
    assert c.is_figure
    assert read_unit(text, c) == unit


@pytest.mark.parametrize(
    ("text", "expr", "kind"),
    [
        ("The shooting began at 10:39 a.m. local time (1639 UTC), police said.", "1639 UTC", "time"),
        ("Kimberly-Clark said they were working 24/7 to keep up.", "24/7", "label"),
        ("Woolworths and Coles limited sales on March 4 and 5 respectively.", "March 4 and 5", "date"),
        ("His role as Jackie Robinson in film 42 was a breakthrough.", "42", "label"),
        ("The shop at 221 Baker Street was closed.", "221", "label"),
        ("Shells hit near KPA civil police posts 542 and 543.", "543", "label"),
        ("Internet Explorer is the #2 browser.", "#2", "ordinal"),
        ("The website rose to number 3 in the category.", "3", "ordinal"),
        ("It has transported shuttles since the 747, which is a jet.", "747", "label"),
        ("Call 555-123-4567 for tickets.", "555-123-4567", "label"),
        ("Fears of a recession grew in 2019.", "2019", "year"),
    ],
)
def test_numbers_that_are_not_figures(text: str, expr: str, kind: str) -> None:
    c = number(text, expr)
    assert c.kind == kind and not c.is_figure


def test_covid_19_and_g7_are_not_numbers_at_all() -> None:
    assert scan_numbers("Fears of COVID-19 grew at the G7 summit.") == []


def test_one_counts_only_where_it_counts() -> None:
    text = "They fired one shell. One poster wrote that one of them left, as one stipulation."
    assert [(c.text, c.unit) for c in scan_numbers(text)] == [("one", "shell")]


def test_measures_are_a_short_noun_phrase_from_the_sentence_without_the_number() -> None:
    text = (
        "South Korea evacuated about 80 people in the town of Yeoncheon after at least one shell landed "
        "near the area.\n\nThey perpetrated such reckless action as firing 36 shells at KPA civil police posts.\n\n"
        "The broadcasts stop within 48 hours. Turnout rate of 58% was a record. IE's versions accounted for "
        "70 percent of the market."
    )
    got = {f.text: f.measures for f in figures_of(text)}
    assert got["80"] == "people South Korea evacuated in town of Yeoncheon (about)"  # the named subject (W3)
    assert got["one"] == "shell landed near area (at least)"  # the hedge in parentheses (FM5)
    assert got["36"] == "shells fired at KPA civil police posts"
    assert got["48"].startswith("time")
    assert got["58%"] == "Turnout rate"
    assert got["70 percent"] == "share of market"
    for measures, f in zip(got.values(), figures_of(text), strict=True):
        phrase = measures.split(" (")[0]  # the noun phrase, without the hedge in parentheses
        assert f.text not in phrase.split() and 0 < len(phrase.split()) <= 8


def test_figures_carry_type_source_and_sentence() -> None:
    text = (
        "Storm hits city\n\nMonday, May 18, 2015\n\n"
        "Police said the storm killed 12 people. Repairs will cost $2 million. "
        "According to the Health Ministry, 40 people were injured."
    )
    figures = figures_of(text)
    assert [(f.text, f.type, f.unit, f.source) for f in figures] == [
        ("12", "count", "people", "Police"),
        ("$2 million", "money", "USD", None),
        ("40", "count", "people", "Health Ministry"),
    ]
    for f in figures:
        assert f.sentence is not None
        sentence = text[f.sentence.start : f.sentence.end]
        assert f.text in sentence and sentence.endswith(".")
        assert text[f.span.start : f.span.end] == f.text


def test_two_death_tolls_from_two_sources_point_at_each_other() -> None:
    text = (
        "A fire swept through the market on Sunday. Police said 20 people were killed in the fire. "
        "The Health Ministry said 25 people were killed in the fire. The market had 300 stalls."
    )
    figures = figures_of(text)
    assert [(f.text, f.source) for f in figures] == [("20", "Police"), ("25", "Health Ministry"), ("300", None)]
    assert [f.conflicts_with for f in figures] == [[1], [0], []]


def test_the_same_number_again_is_one_figure_and_equal_values_do_not_conflict() -> None:
    text = "Turnout was a record 58%. Voters queued for hours.\n\nAt the end the turnout rate was 58%."
    figures = figures_of(text)
    assert [f.text for f in figures] == ["58%"]
    assert figures[0].conflicts_with == []


def test_headline_and_date_line_numbers_are_left_out() -> None:
    text = "At least 107 killed in Mecca crane collapse\n\nSaturday, September 12, 2015\n\nThe crane killed 107."
    figures = figures_of(text)
    assert [(f.text, f.span.start) for f in figures] == [("107", text.rindex("107"))]


def test_the_model_is_asked_only_for_numbers_code_has_no_unit_for() -> None:
    text = "A panel of twelve, its members said, will judge 36 designs. The review costs $2 million."
    ctx = Context.of(Article.from_text(text))
    assert [ctx.numbers[i].text for i in asked_figures(ctx)] == ["twelve"]
    model = PASS.model(ctx)
    assert set(model.model_fields) == {"F1", "other"}
    answer = model.model_validate({"F1": "members", "other": []})
    figures = answer.ground(ctx)[0]["figures"]
    assert [(f.text, f.unit) for f in figures] == [("twelve", "members"), ("36", "designs"), ("$2 million", "USD")]
    assert not PASS.skipped(ctx)
    assert PASS.skipped(Context.of(Article.from_text("The review costs $2 million and 36 designs.")))


def test_reports_show_type_source_and_conflicts() -> None:
    from summarizer.models import Meta, Summary
    from summarizer.render import render

    text = (
        "A fire swept through the market on Sunday. Police said 20 people were killed in the fire. "
        "The Health Ministry said 25 people were killed in the fire. The <b>market</b> had 300 stalls."
    )
    summary = Summary(
        summary="", figures=figures_of(text), meta=Meta(model="m", prompt_version="p", schema_version="s")
    )
    markdown = render(summary, "markdown")
    assert "1. **20** people [count] — people killed in fire, according to Police; conflicts with figure 2" in markdown
    assert "3. **300** stalls [count]" in markdown
    html = render(summary, "html", article=text)
    for detail in ('"type"', '"count"', '"source"', '"Health Ministry"', '"conflicts with"', '"Figure 1"'):
        assert detail in html
    assert "according to Police" in html and "<b>market</b>" not in html


def test_many_conflicting_counts_stay_within_the_contract() -> None:
    text = "".join(f"Officials said the bridge budget grew to {100 + i},000 dollars this year.\n\n" for i in range(70))
    figures = figures_of(text)
    assert len(figures) == 70
    assert all(len(f.conflicts_with) == 50 for f in figures)
    assert figures[0].conflicts_with[:2] == [1, 2] and 0 not in figures[0].conflicts_with


def test_a_count_of_more_of_something_counts_that_thing() -> None:
    """ "more" is a stop word after a noun ("jobs more than"), but right after the number the
    counted noun follows it: no unit, or the unit of the count before, was read before."""
    from summarizer.scan.numbers import scan_numbers

    text = "Clinic grows\n\nThe clinic hired 12 doctors. It will add five more full-time nurses, and 14 million more jobs came.\n"
    units = {n.text: n.unit for n in scan_numbers(text)}
    assert units["five"] == "full-time nurses"
    assert units["14 million"] == "jobs"
