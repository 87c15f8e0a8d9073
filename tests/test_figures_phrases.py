"""`measures` and source rules of the second real-modelled set on issue 22 (FR2-1, ...:
evals/devsets-figures.md). Every article here is text written for the test."""

from __future__ import annotations

from .conftest import code_figures as figures_of


def test_a_share_is_what_its_people_said_not_the_words_next_to_it() -> None:
    figs = figures_of(
        "Harbor poll\n\n"
        "A Coastline College poll of 900 registered voters in Harbor was released Monday. "
        "Only 48 percent said they were certain to vote in the mayoral race. "
        "Nearly a third of young voters, 31 percent, said they would move out of the city within five years. "
        "Young voters were the most pessimistic: just 22 percent of them said they expected rents to fall."
    )
    assert figs["48 percent"].measures.endswith("certain to vote in the mayoral race")
    assert "said" not in figs["48 percent"].measures
    assert figs["31 percent"].measures == "young voters move out of the city within five years"
    assert figs["22 percent"].measures == "Young voters expected rents to fall"


def test_a_split_is_the_group_backing_one_side_versus_the_other() -> None:
    figs = figures_of(
        "Harbor mayor\n\n"
        "Nadia Pell has moved ahead of Tomas Ruud in the race for mayor, leading 46 percent to 39 percent "
        "among likely voters in a Coastline College poll. "
        "Ruud carries retirees 51 percent to 40 percent, and Pell wins renters by 20 points and students "
        "70 percent to 21 percent. Homeowners back Pell 45 percent to 44 percent."
    )
    assert figs["46 percent to 39 percent"].measures == "likely voters backing Pell versus Ruud"
    assert figs["51 percent to 40 percent"].measures == "retirees backing Ruud versus Pell"
    assert figs["70 percent to 21 percent"].measures == "students backing Pell versus Ruud"
    assert figs["45 percent to 44 percent"].measures == "Homeowners backing Pell versus Ruud"


def test_a_poll_goes_on_through_its_pollsters_quote_and_a_candidates_age() -> None:
    figs = figures_of(
        "Harbor mayor\n\n"
        "Nadia Pell leads Tomas Ruud 46 percent to 39 percent in a Coastline College poll released Monday. "
        '"Renters moved first," said Irma Castell, director of the college\'s polling center. '
        '"When two in five renters change their minds in a month, a race moves." '
        "Pell, 52, is a former teacher. "
        "Pell leads among renters by 20 points, 57 percent to 37 percent. "
        "Six in 10 voters said the city is on the wrong track. "
        "The poll surveyed 900 likely voters from Aug. 4 to Aug. 9."
    )
    assert figs["two in five"].source == "Irma Castell"  # the pollster's own words stay hers
    assert figs["57 percent to 37 percent"].source == "Coastline College"
    assert figs["Six in 10"].source == "Coastline College"
    assert figs["900"].source == "Coastline College"  # "from Aug. 4" names no maker
    assert figs["52"].source is None


def test_a_lead_among_a_group_is_the_sides_lead_there() -> None:
    figs = figures_of(
        "Harbor mayor\n\n"
        "Nadia Pell leads Tomas Ruud 46 percent to 39 percent in a Coastline College poll. "
        "Pell, a former teacher, leads among women by 16 points. "
        "Ruud wins retired teachers by 12 points, and Pell carries renters by 20 points."
    )
    assert figs["16"].measures == "Pell's lead among women"
    assert figs["12"].measures == "Ruud's margin among retired teachers"
    assert figs["20"].measures == "Pell's margin among renters"


def test_him_in_a_shares_measure_is_the_side_named_last() -> None:
    figs = figures_of(
        "Harbor mayor\n\n"
        "Nadia Pell leads Tomas Ruud 46 percent to 39 percent in a Coastline College poll. "
        "Ruud's standing has slipped since spring. "
        "Among renters, 58 percent view him unfavorably."
    )
    assert figs["58 percent"].measures.endswith("view Ruud unfavorably")


def test_the_second_share_of_a_passive_pair_reads_as_the_first() -> None:
    figs = figures_of(
        "Harbor mayor\n\n"
        "A Coastline College poll of likely voters was released Monday. "
        "Ruud is viewed favorably by 41 percent and unfavorably by 47 percent."
    )
    assert figs["47 percent"].measures.endswith("viewed Ruud unfavorably")


def test_an_amount_names_the_holder_that_opens_its_clause() -> None:
    figs = figures_of(
        "Harbor museum\n\n"
        "The Harbor Arts Fund, a local charity, has booked $2 million for the new wing. "
        "Nadia Pell raised $400,000 in March, and the city spent $1.5 million on repairs."
    )
    assert figs["$2 million"].measures.startswith("Harbor Arts Fund")
    assert figs["$400,000"].measures.startswith("Nadia Pell")
    assert not figs["$1.5 million"].measures.startswith("Nadia Pell")  # another clause, another holder


def test_shares_in_a_ranking_of_issues_name_their_issue() -> None:
    figs = figures_of(
        "Harbor poll\n\n"
        "A Coastline College poll of 900 likely voters was released Monday. "
        "Housing is the top issue for 36 percent of likely voters, followed by crime at 22 percent "
        "and schools at 15 percent."
    )
    assert figs["36 percent"].measures == "likely voters naming Housing the top issue"
    assert figs["22 percent"].measures == "likely voters naming crime the top issue"
    assert figs["15 percent"].measures == "likely voters naming schools the top issue"


def test_an_earlier_value_says_when_it_was() -> None:
    figs = figures_of(
        "Harbor poll\n\n"
        "A Coastline College poll of likely voters was released Monday. "
        "Pell is viewed favorably by 48 percent, up from 41 percent in September. "
        "Ruud is viewed favorably by 39 percent, down from 44 percent a year ago."
    )
    assert figs["41 percent"].measures.endswith("viewed Pell favorably in September")
    assert figs["44 percent"].measures.endswith("viewed Ruud favorably a year ago")


def test_what_a_thing_cost_to_build_and_the_ground_it_covers() -> None:
    figs = figures_of(
        "Harbor depot\n\n"
        "The new tram depot on the edge of the harbor covers some 12,000 square meters and cost "
        "31 million euros ($34 million) to build."
    )
    assert figs["12,000"].measures == "area of new tram depot"
    assert figs["31 million"].measures == "cost to build new tram depot"
