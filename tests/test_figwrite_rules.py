"""Figures rules studied on the written figures set's study half (issue 22, ``evals/figwrite``, FW1...).
Every article here is text written for the test."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context, lenient_parse
from summarizer.fields.figures import PASS

from .conftest import code_figures as figures_of


def test_a_poll_goes_on_past_a_sentence_about_the_voters_and_in_its_makers_earlier_poll() -> None:
    figs = figures_of(
        "Council race tightens\n\n"
        "Mayor Lena Voss trails challenger Omar Hale, according to a Riverbend College poll released Monday. "
        "Hale leads Voss 48% to 44% among likely voters.\n\n"
        "In the college's previous poll, taken in May, Voss had 46%. "
        "Voters in the east end have turned against the mayor. "
        "Voss is viewed favorably by 38%, while 51% view her unfavorably.\n\n"
        "“It is a close race,” said Hale. "
        "Even downtown, nobody expects an easy night. "
        "About 12% of voters have not decided."
    )
    assert figs["46%"].source == "Riverbend College"  # "the college's previous poll": its maker again
    assert figs["38%"].source == "Riverbend College"  # past "Voters … have turned against the mayor."
    assert figs["51%"].source == "Riverbend College"
    assert figs["12%"].source != "Riverbend College"  # a quote and a sentence not about voters end it


def test_an_amount_restated_in_parentheses_in_another_currency_measures_the_same_thing() -> None:
    figs = figures_of(
        "Bridge deal signed\n\n"
        "The Harwick council will spend 12 million euros ($13.4 million) on the new bridge. "
        "Carlsen Bank earned 2.1 billion kronor ($226 million) in the quarter."
    )
    first = figs["12 million"]
    assert first.measures and figs["$13.4 million"].measures == f"{first.measures} in US dollars"
    assert figs["$226 million"].measures.endswith(" in US dollars") and "earned" in figs["$226 million"].measures


def test_figures_in_conjuncts_that_leave_their_verb_out_measure_the_first_of_their_own_place_or_name() -> None:
    figs = figures_of(
        "Mayor's ratings\n\n"
        "A Harwick Institute poll was released Monday. "
        "Mayor Voss's approval rating is 48 percent in Harwick, 41 percent in Dunmore and 39 percent in Kelso. "
        "Carlsen had 31% and Lindgren 22%."
    )
    harwick, dunmore, kelso = (figs[t].measures for t in ("48 percent", "41 percent", "39 percent"))
    assert harwick.endswith("in Harwick") and dunmore.endswith("in Dunmore") and kelso.endswith("in Kelso")
    assert harwick.removesuffix("in Harwick") == dunmore.removesuffix("in Dunmore") != ""
    assert "Lindgren" in figs["22%"].measures and "Carlsen" not in figs["22%"].measures


def test_the_number_of_people_a_poll_asked_is_its_sample_size() -> None:
    figs = figures_of(
        "Poll finds a close race\n\n"
        "The Harwick Institute surveyed 912 likely voters from May 2 to May 6. "
        "The poll of 1,250 conducted in April found the same."
    )
    assert figs["912"].measures == "poll sample size (likely voters)"
    assert figs["1,250"].measures == "poll sample size"


def test_figures_of_a_sentence_that_opens_with_its_place_are_of_that_place() -> None:
    figs = figures_of(
        "Primary results\n\n"
        "In Vermont, Carlsen won 61 percent to 37 percent. "
        "In March, turnout was 22 percent. "
        "In Kelso, Anna Berg, 44, won 1,200 votes."
    )
    assert figs["61 percent to 37 percent"].measures.endswith("in Vermont")
    assert "March" not in figs["22 percent"].measures  # a month is when, not where
    assert "Kelso" not in figs["44"].measures and "Kelso" in figs["1,200"].measures  # an age is a person's


def test_a_lead_or_margin_with_no_rival_named_is_its_holders() -> None:
    figs = figures_of(
        "Runoff looms\n\n"
        "A Harwick Institute poll of 600 likely voters was released on Monday. "
        "In Kelso, Carlsen leads 44 percent to 40 percent, up from July, when he led by two. "
        "Berg trailed by 6 points in Dunmore, and Carlsen carried voters under 30 by 18 points."
    )
    assert figs["two"].measures.startswith("Carlsen's lead")  # "he" is Carlsen, not July
    assert figs["6"].measures.startswith("Berg's deficit")
    assert figs["18"].measures == "Carlsen's margin among voters under 30"


def test_one_value_said_of_two_things_is_two_figures_and_of_one_thing_one() -> None:
    text = (
        "Crash sentencing\n\n"
        "Prosecutors asked for 16 years in prison. Mia Lund, 16, died at the scene. "
        "Carlsen won 41 percent of the vote. Turnout was 41 percent of registered voters. "
        "Turnout reached 58% in the county. Officials said turnout of 58% was a record. "
        "The bridge will cost $40 million. Council approved the $40 million in May."
    )
    ctx = Context.of(Article.from_text(text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    assert answer is not None
    said = [f.text for f in answer.ground(ctx)[0]["figures"]]
    assert said.count("16") == 2 and said.count("41 percent") == 2  # a sentence and an age; a share and turnout
    assert said.count("58%") == 1 and said.count("$40 million") == 1  # the same turnout, the same cost again


def test_a_count_that_leaves_its_noun_out_counts_the_noun_of_the_count_before_it() -> None:
    figs = figures_of(
        "Delegate count\n\n"
        "The institute polled 900 likely voters in Kelso, 640 in Dunmore and 515 in Harwick. "
        "Carlsen has 1,210 pledged delegates, according to the party's count, against 1,004 for Berg."
    )
    assert figs["640"].unit == figs["515"].unit == "likely voters"
    assert figs["1,004"].unit == "pledged delegates"


def test_a_year_earlier_compared_with_is_when_not_a_figure_and_a_duration_stays() -> None:
    text = (
        "Sales rise\n\n"
        "Carlsen Motors sold 61,000 cars, 4 percent more than a year earlier, and profit rose from a year ago. "
        "The plant had been idle for more than a year before the sale. An hour later, shares rose."
    )
    ctx = Context.of(Article.from_text(text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    assert answer is not None
    years = [f.span.start for f in answer.ground(ctx)[0]["figures"] if f.text == "a year"]
    assert years == [text.index("a year before")]  # the two points compared with are dates; how long idle stays
    assert "An hour" in figures_of(text)


def test_an_age_bound_written_and_older_is_an_age_of_the_group_before_it() -> None:
    figs = figures_of(
        "Turnout by age\n\n"
        "In the poll, 58 percent of voters 65 and older said they would vote, against 41 percent of younger "
        "voters. The club has 70 members and over 20 guests."
    )
    old = figs["65"]
    assert (old.type, old.unit, old.measures) == ("quantity", "years", "age of voters")
    assert (figs["70"].unit, figs["20"].unit) == ("members", "guests")  # no group of people before them
