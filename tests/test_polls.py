"""Figures of polls and surveys (issue 22): the poll's maker as their source, carried over to the
sentences about the same poll; what a share, a split, a lead, a sample and a margin of error
measure. Every article here is text written for the test."""

from __future__ import annotations

import pytest

from summarizer.attribution import claim_source
from summarizer.scan.polls import poll_maker

from .conftest import code_figures as figures_of

TOLL = (
    "Voters sour on bridge toll, poll finds\n\n"
    "Fifty-eight percent of registered voters in Riverton County oppose the toll, according to a Harbor "
    "State University poll released Tuesday. Only 31 percent support it, and 11 percent are undecided.\n\n"
    "The survey, conducted by Harbor State's Civic Research Center, also found that Mayor Dana Ortiz leads "
    "challenger Paul Brandt 47%-39% among likely voters. Among voters under 30, 64 percent said they would "
    "never pay the toll.\n\n"
    "The poll of 812 likely voters was conducted May 2-6 and has a margin of error of plus or minus 3.4 "
    "percentage points.\n\n"
    "A separate survey by the Lakeview Institute put support for the toll at 36 percent. That survey "
    "interviewed 1,003 adults by telephone.\n\n"
    "In a Morning Ledger poll last month, Ortiz had a 6-point lead over Brandt, 45%-39%.\n\n"
    "The county's index of consumer confidence added 0.4 percent in April. Brandt said the toll would "
    "raise 14 percent more than planned."
)


@pytest.mark.parametrize(
    ("sentence", "maker"),
    [
        ("Most oppose it, according to a Harbor State University poll released Tuesday.", "Harbor State University"),
        (
            "The survey, conducted by Harbor State's Civic Research Center, also found that …",
            "Harbor State's Civic Research Center",
        ),
        ("A separate survey by the Lakeview Institute put support at 36 percent.", "Lakeview Institute"),
        ("A CNN/ORC poll last month showed Mr. Trump ahead.", "CNN/ORC"),
        ("Gallup's latest poll has him at 40 percent.", "Gallup"),
        ("A survey released Thursday by Pinecrest College's polling center found her ahead.", "Pinecrest College"),
        ("Many made up 46 percent, according to a February survey conducted by WBUR radio.", "WBUR"),
        ("Of the seven polls released this month, most show him ahead.", None),
        ("The council voted 7-2 to close the bridge.", None),
    ],
)
def test_the_maker_of_the_poll_a_sentence_names(sentence: str, maker: str | None) -> None:
    assert poll_maker(sentence) == maker


def test_a_poll_figure_comes_from_the_poll_maker_and_so_do_the_sentences_about_that_poll() -> None:
    figures = figures_of(TOLL)
    assert figures["Fifty-eight percent"].source == "Harbor State University"
    assert figures["31 percent"].source == "Harbor State University"  # the share right after it
    assert figures["47%-39%"].source == "Harbor State's Civic Research Center"  # "the survey, conducted by"
    assert figures["3.4 percentage points"].source == "Harbor State's Civic Research Center"  # "the poll of …"
    assert figures["1,003"].source == "Lakeview Institute"  # "that survey": the one named just before
    assert figures["6"].source == "Morning Ledger"


def test_a_figure_after_the_poll_with_a_source_or_subject_of_its_own_is_not_the_polls() -> None:
    figures = figures_of(TOLL)
    assert figures["0.4 percent"].source is None  # an index's gain, in the article's own voice
    assert figures["14 percent"].source == "Paul Brandt"


def test_a_number_word_percentage_is_a_percent() -> None:
    f = figures_of(TOLL)["Fifty-eight percent"]
    assert (f.type, f.value, f.unit) == ("percent", 58, "%")


def test_a_share_is_of_the_group_its_poll_sentence_or_the_one_before_names() -> None:
    figures = figures_of(TOLL)
    assert figures["Fifty-eight percent"].measures == "registered voters in Riverton County oppose the toll"
    assert figures["31 percent"].measures == "registered voters in Riverton County support it"
    assert figures["11 percent"].measures == "registered voters in Riverton County undecided"
    assert figures["64 percent"].measures == "voters under 30 never pay the toll"
    assert "voters" not in figures["36 percent"].measures  # another poll: its group is not carried over


def test_sample_size_and_margin_of_error() -> None:
    figures = figures_of(TOLL)
    assert figures["812"].measures == "poll sample size (likely voters)"
    assert figures["1,003"].measures == "poll sample size (adults)"
    assert figures["3.4 percentage points"].measures == "poll's margin of error"


def test_a_split_or_a_lead_names_who_leads_whom_and_among_whom() -> None:
    figures = figures_of(TOLL)
    assert figures["6"].measures == "Ortiz's lead over Brandt"
    assert figures["45%-39%"].measures == "Ortiz's lead over Brandt"  # the split after the lead it gives
    race = figures_of(
        "Hillary Clinton leads Donald Trump 45 percent to 40 percent among likely voters in Ohio, a Quinnipiac "
        "University poll released Wednesday shows. Trump trails Clinton by 6 points among women, while he "
        "leads her by 9 points among men."
    )
    assert (
        race["45 percent to 40 percent"].measures
        == "Hillary Clinton's lead over Donald Trump among likely voters in Ohio"
    )
    assert race["45 percent to 40 percent"].source == "Quinnipiac University"
    assert race["6"].measures == "Trump's deficit behind Clinton among women"
    assert race["9"].measures == "Trump's lead over Clinton among men"  # "he" and "her" are the two named before
    assert race["9"].source == "Quinnipiac University"


def test_a_share_set_off_by_a_dash_and_a_poll_named_inside_the_group() -> None:
    figures = figures_of(
        "A recent Mercer poll showed that only a bit more than half — 55 percent — of Ortiz supporters said "
        "they were planning to back Brandt. Some 22 percent said they would stay home.\n\n"
        "Later, 78 percent of voters in a recent Ledger poll said they think the toll is unfair."
    )
    assert figures["55 percent"].measures == "Ortiz supporters planning to back Brandt"
    assert figures["22 percent"].measures == "Ortiz supporters stay home"
    assert figures["22 percent"].source == "Mercer"
    assert figures["78 percent"].measures.startswith("voters ")
    assert "Ledger" not in figures["78 percent"].measures
    assert figures["78 percent"].source == "Ledger"


def test_a_pollster_reporting_its_own_survey_is_its_maker_and_stays_until_another_source() -> None:
    figures = figures_of(
        "Gallup found in its survey that 61 percent of Americans approve of the mayor. Nearly half said the "
        "economy was getting better.\n\n"
        "Dana Ortiz said 12 percent of the budget goes to roads. About 30 percent goes to schools."
    )
    assert figures["61 percent"].source == "Gallup"
    assert figures["half"].source == "Gallup"
    assert figures["half"].measures == "Americans saying the economy was getting better (nearly)"
    assert figures["12 percent"].source == "Dana Ortiz"
    assert figures["30 percent"].source != "Gallup"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Dow added 0.4 percent to 18,100 on Friday.", None),
        ("South Korea's Kospi added 0.4 per cent to 2,106.10, and the Hang Seng rose.", None),
        ("The mayor added that the bridge would close in May.", "the mayor"),
        ('Dana Ortiz added: "We will rebuild the bridge."', "Dana Ortiz"),
    ],
)
def test_added_is_speech_only_before_a_that_clause_or_a_quotation(sentence: str, source: str | None) -> None:
    found = claim_source(sentence, 0, len(sentence), [])[0]
    assert (found.casefold() if found else None) == (source.casefold() if source else None)


TRADE = (
    "Young voters split on trade, survey says\n\n"
    "A new survey from the Civic Youth Project finds that millennials agree on trade.\n\n"
    "Nearly 6 in 10 millennials say free trade has helped the country, the survey found. Trump is viewed "
    "unfavorably by 80 percent of Latino voters in Florida. Trump's unfavorable rating among Florida Latinos "
    "is 72 percent.\n\n"
    "A majority (52%) say the economy is getting worse. The poll surveyed 600 registered Latino voters in "
    "Florida. About 1.2 million voters cast ballots at 60 polling places.\n\n"
    "A recent opinion survey by the independent Levada Center showed that six out of ten Russian respondents "
    "had a negative attitude, and half had a negative view of the EU. The nationwide poll of 1,600 conducted in "
    "late November had a margin of error of 3.4 percentage points.\n\n"
    "Ortiz defeated Brandt by 20 points in the primary. Ortiz's 16-point victory in Riverton is explained by "
    "turnout. He scored 6 in 10 minutes."
)


def test_shares_written_n_in_ten_are_fractions() -> None:
    figures = figures_of(TRADE)
    assert (figures["6 in 10"].type, figures["6 in 10"].value) == ("ratio", 0.6)
    assert figures["6 in 10"].measures == "millennials saying free trade has helped the country (nearly)"
    assert figures["6 in 10"].source == "Civic Youth Project"  # "the survey found": the one named before
    assert figures["six out of ten"].value == 0.6
    assert "6 in 10" not in {f for f in figures_of("He scored 6 in 10 minutes.")}  # a time, not a share


def test_a_share_by_its_passive_verb_its_rating_noun_or_in_parentheses() -> None:
    figures = figures_of(TRADE)
    assert figures["80 percent"].measures == "Latino voters in Florida who viewed Trump unfavorably"
    assert figures["72 percent"].measures == "Trump's unfavorable rating among Florida Latinos"
    assert figures["52%"].measures == "saying the economy is getting worse"


def test_a_sample_is_the_people_a_poll_asked_and_polling_places_are_not_a_poll() -> None:
    figures = figures_of(TRADE)
    assert figures["600"].measures == "poll sample size (registered Latino voters)"
    assert figures["1,600"].measures == "poll sample size"  # "the poll of 1,600": no noun named
    assert not figures["1.2 million"].measures.startswith("poll sample size")


def test_a_maker_after_an_adjective_and_a_share_of_the_group_named_before() -> None:
    figures = figures_of(TRADE)
    assert figures["six out of ten"].source == "Levada Center"
    assert figures["half"].measures == "Russian respondents negative view EU"
    assert figures["3.4 percentage points"].source == "Levada Center"


def test_a_victory_margin_by_its_verb_or_possessive_noun() -> None:
    figures = figures_of(TRADE)
    assert figures["20"].measures == "Ortiz's victory margin over Brandt"
    assert figures["16"].measures == "Ortiz's victory margin in Riverton"


COMMUTERS = (
    "Poll: Toll a big turnoff for Riverton commuters\n\n"
    "The survey, conducted by Bendixen & Amandi International for The Riverton Herald, found that 71 percent "
    "of commuters oppose the toll.\n\n"
    "By 62%-32%, commuters say the bridge should stay free. Commuters support a gas tax 55%-38%, the poll "
    "found.\n\n"
    "Women favor Ortiz by 15 points, while men back Brandt by 9 points, a gender gap of 24 points. The gap "
    "among voters under 35 is 18 percentage points. The margin of error for commuters alone is larger, at 5.5 "
    "points.\n\n"
    "Ortiz is supported by roughly a third of independents. In the league final, the Hawks won by 3 points "
    "and Lee scored 25 points."
)


def test_the_maker_is_who_conducted_the_poll_not_the_paper_it_was_made_for() -> None:
    figures = figures_of(COMMUTERS)
    assert figures["71 percent"].source == "Bendixen & Amandi International"
    assert figures["a third"].source == "Bendixen & Amandi International"


def test_a_split_measures_the_clause_it_scores() -> None:
    figures = figures_of(COMMUTERS)
    assert figures["62%-32%"].measures == "commuters say bridge should stay free"
    assert figures["55%-38%"].measures == "Commuters support gas tax"


def test_margins_gaps_and_age_bounds() -> None:
    figures = figures_of(COMMUTERS)
    assert figures["15"].measures == "Ortiz's margin among Women"
    assert figures["9"].measures == "Brandt's margin among men"
    assert figures["24"].measures == "gender gap"
    assert figures["18 percentage points"].measures == "gap among voters under 35"
    assert (figures["35"].type, figures["35"].unit, figures["35"].measures) == ("quantity", "years", "age of voters")


def test_points_of_a_margin_are_a_quantity_points_scored_a_count() -> None:
    figures = figures_of(COMMUTERS)
    assert [figures[t].type for t in ("15", "24", "5.5", "3")] == ["quantity"] * 4
    assert figures["25"].type == "count"  # points scored in a game are counted


def test_a_new_poll_named_later_gets_its_maker_and_a_trials_sample_is_not_a_poll() -> None:
    figures = figures_of(
        "The toll is deeply unpopular among Riverton commuters, according to a new poll. Some 71 percent "
        "oppose it.\n\n"
        "The survey, conducted by Bendixen & Amandi International, interviewed 800 commuters.\n\n"
        "Readings for a sample of 100 of the first 500 patients showed a drop."
    )
    assert figures["71 percent"].source == "Bendixen & Amandi International"
    assert figures["800"].measures == "poll sample size (commuters)"
    assert not figures["100"].measures.startswith("poll sample size")
    assert figures["100"].source is None


RACE = (
    "Ortiz holds edge in Riverton\n\n"
    "The Harbor State poll has Ortiz at 45 percent and Brandt at 40 percent among likely voters. Support for a "
    "third candidate stands at 6 percent.\n\n"
    "Just 23 percent of those surveyed view Brandt favorably, while 61 percent view him unfavorably. Just 19% of "
    "millennials said they want new tariffs, compared with 34% of baby boomers.\n\n"
    "Ortiz gets 52 percent of the vote among women. Ortiz's favorability rose to 48 percent, up from 41 percent "
    "in March. For residents between the ages of 15 and 24, the jobless rate was 10.8 per cent (down from 11.0)."
)


def test_a_candidates_share_and_a_measure_named_by_its_noun() -> None:
    figures = figures_of(RACE)
    assert figures["45 percent"].measures == "Ortiz support among likely voters"
    assert figures["40 percent"].measures == "Brandt support among likely voters"
    assert figures["52 percent"].measures == "Ortiz vote share among women"
    assert figures["6 percent"].measures == "Support for third candidate"
    assert figures["6 percent"].source == "Harbor State"  # a poll's measure right after the poll sentence


def test_the_group_of_those_surveyed_and_the_same_stance_of_another_group() -> None:
    figures = figures_of(RACE)
    assert figures["61 percent"].measures == "those surveyed view him unfavorably"
    assert figures["34%"].measures == "baby boomers want new tariffs"


def test_up_from_is_the_same_measure_before_and_between_the_ages_a_range_of_years() -> None:
    figures = figures_of(RACE)
    assert figures["41 percent"].measures == "Ortiz favorability in March"  # FR2-10: when the earlier value was
    assert (figures["11.0"].type, figures["11.0"].unit) == ("percent", "%")  # "(down from 11.0)" after a percent
    assert figures["11.0"].measures == f"{figures['10.8 per cent'].measures} before"
    ages = figures["15 and 24"]
    assert (ages.type, ages.unit, ages.measures) == ("range", "years", "age of residents")


def test_a_maker_with_a_capital_poll_or_as_the_one_who_asked_and_a_share_who_said_something() -> None:
    assert poll_maker("Ortiz leads in the latest Harbor State University Poll.") == "Harbor State University"
    figures = figures_of(
        "Quinnipiac surveyed 1,200 voters from May 1 to May 5.\n\n"
        "Some 64 percent of Riverton Latinos have an unfavorable view of Brandt, compared to 11 percent who see "
        "him favorably."
    )
    assert (figures["1,200"].source, figures["1,200"].measures) == ("Quinnipiac", "poll sample size (voters)")
    assert figures["11 percent"].measures == "Riverton Latinos see him favorably"
    assert figures["11 percent"].source == "Quinnipiac"


def test_ages_in_parentheses_a_whopping_share_and_a_rating_after_a_colon() -> None:
    figures = figures_of(
        "Millennials (ages 18-34) back free trade, a GenForward survey found. A whopping 80 percent of "
        "millennials said trade helps the economy.\n\n"
        "Brandt's unfavorable rating among Riverton Latinos: 72 percent."
    )
    assert (figures["18-34"].unit, figures["18-34"].measures) == ("years", "age of Millennials")
    assert figures["80 percent"].source == "GenForward"
    assert figures["72 percent"].measures == "Brandt's unfavorable rating among Riverton Latinos"


def test_a_lead_over_a_titled_rival_and_a_measure_put_at_a_share() -> None:
    figures = figures_of(TOLL)
    assert figures["47%-39%"].measures == "Mayor Dana Ortiz's lead over Paul Brandt among likely voters"
    assert figures["36 percent"].measures == "support for toll"


def test_a_section_heading_before_a_colon_is_not_a_figures_source() -> None:
    figures = figures_of(
        "Stocks drift as traders wait\n\n"
        "KEEPING SCORE: The Zembla RTX 40 rose 0.3 per cent to 7,215.\n\n"
        "The index added 0.4 per cent on Friday."
    )
    assert figures["0.3 per cent"].source is None
    assert figures["7,215"].source is None
    assert figures["0.4 per cent"].source is None
