"""Figures rules studied on the real-modelled written set's study half (issue 22, ``evals/figwrite/r_*``,
FR1...). Every article here is text written for the test."""

from __future__ import annotations

from .conftest import code_figures as figures_of


def test_a_share_written_n_in_m_is_a_fraction_before_a_verb_or_of() -> None:
    figs = figures_of(
        "Voters sour on the council\n\n"
        "A Lakeside College poll of 600 residents found the mayor's plan unpopular. "
        "Nearly 7 in 10 said taxes were too high, and 1 in 5 backed the new stadium. "
        "Roughly 4 in 10 of the city's residents live north of the river. "
        "The team won 3 in 4 games last season."
    )
    assert (figs["7 in 10"].type, figs["7 in 10"].value) == ("ratio", 0.7)
    assert (figs["1 in 5"].type, figs["1 in 5"].value) == ("ratio", 0.2)
    assert (figs["4 in 10"].type, figs["4 in 10"].value) == ("ratio", 0.4)
    assert "7" not in figs and "10" not in figs
    assert "3 in 4" not in figs  # games are counted, not a share of people


def test_a_split_in_words_after_the_race_is_named_is_the_group_backing_the_leader_versus_the_rival() -> None:
    figs = figures_of(
        "Mayor's race tightens\n\n"
        "A Lakeside College poll released Monday shows a close race for mayor. "
        "Overall, Alvarez leads Brennan by six points among likely voters, 47 percent to 41 percent. "
        "Alvarez now leads Brennan by 20 points among women, 55 percent to 35 percent. "
        "In the council race, Dowd trails Keane 44 percent to 40 percent."
    )
    assert figs["47 percent to 41 percent"].measures == "likely voters backing Alvarez versus Brennan"
    assert figs["55 percent to 35 percent"].measures == "women backing Alvarez versus Brennan"
    assert "Keane" in figs["44 percent to 40 percent"].measures  # the leader's number first


def test_a_candidates_share_in_a_poll_sentence_is_the_polled_group_backing_the_candidate() -> None:
    figs = figures_of(
        "Mayor's race tightens\n\n"
        "A Lakeside College poll of likely voters released Monday shows a close race for mayor. "
        "Among women, the race is tied: Alvarez takes 44 percent and Brennan 43 percent. "
        "Among men, Brennan has 49 percent."
    )
    assert figs["44 percent"].measures == "women backing Alvarez"
    assert figs["43 percent"].measures == "women backing Brennan"
    assert figs["49 percent"].measures == "men backing Brennan"


def test_a_polling_average_is_its_keepers_and_does_not_take_over_the_poll_after_it() -> None:
    figs = figures_of(
        "Mayor's race tightens\n\n"
        "A Lakeside College poll of likely voters released Monday put Alvarez at 45 percent and Brennan at 38 percent. "
        "The CityPolls average of local surveys shows Alvarez ahead by 4.5 points. "
        "In the same poll, 6 in 10 voters said the city was on the wrong track. "
        "On average, 12 percent of voters said crime was their top issue."
    )
    assert figs["4.5"].source == "CityPolls"
    assert figs["45 percent"].source == figs["6 in 10"].source == "Lakeside College"
    assert figs["12 percent"].source != "On"  # "On average" names no one


def test_points_near_a_polls_shares_are_a_quantity_not_a_count() -> None:
    figs = figures_of(
        "Mayor's race tightens\n\n"
        "A Lakeside College poll of likely voters put Alvarez at 45 percent and Brennan at 41 percent. "
        "Brennan's campaign pointed to its own survey showing the race within three points. "
        "Alvarez leads by an average of 3.5 points in the CityPolls average. "
        "The margin of error is 4 points for all voters and 6.5 points for independents."
    )
    for text in ("three", "3.5", "6.5"):
        assert (figs[text].type, figs[text].unit) == ("quantity", "points"), text


def test_a_lead_with_points_left_out_after_points_in_a_poll_story_is_in_points() -> None:
    figs = figures_of(
        "Mayor's race tightens\n\n"
        "A Lakeside College poll of likely voters shows Alvarez ahead of Brennan by 7 points, 48 percent to 41 percent, "
        "up from last month's poll, which had her ahead by three. Brennan's support has dropped by 4 since May."
    )
    assert (figs["three"].type, figs["three"].unit) == ("quantity", "points")
    assert (figs["4"].type, figs["4"].unit) == ("quantity", "points")
    game = figures_of("Rovers win\n\nThe Rovers scored 12 points in the first half and were up by 3 at halftime.")
    assert game["3"].unit != "points"  # no poll near it
