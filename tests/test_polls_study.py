"""Poll figures read from the structure of their sentence (issue 22, rules from the poll study set
``evals/pollstudy``): leads between two names, the group a poll asked, shares set off by dashes or
after a passive verb, comparisons, changes from one value to another. Every article here is text
written for the test."""

from __future__ import annotations

from summarizer.scan import scan_numbers

from .conftest import code_figures as figures_of

HARBOR = (
    "Harbor race tightens\n\n"
    "A Lakeview College poll of likely voters in Marlow County, released Monday, found the race close. Asked "
    "which issue mattered most, the clear majority – 61 percent – named housing costs. Transit was named by a "
    "mere 9 percent.\n\n"
    "Another poll shows Dana Ortiz 7 points ahead of Paul Brandt in Marlow County. [KRTV]\n"
    "In a Morning Ledger poll last month, Ms. Ortiz had a 5 percentage-point lead. Most polls released this "
    "month have shown Ortiz with narrow leads ranging from 2 to 6 percentage points. Brandt is lagging behind "
    "Ortiz by more than four percentage points, according to a polling average.\n\n"
    "The mayor spoke on WXRT Radio Four on Tuesday. [538]"
)


def test_a_lead_between_two_names_with_its_place_or_named_before_the_number() -> None:
    figs = figures_of(HARBOR)
    ahead = figs["7"]
    assert (ahead.type, ahead.unit, ahead.measures) == (
        "quantity",
        "points",
        "Dana Ortiz's lead over Paul Brandt in Marlow County",
    )
    hyphen = figs["5 percentage-point"]
    assert (hyphen.type, hyphen.unit) == ("quantity", "percentage points")
    assert hyphen.measures == "Ortiz's lead"  # no rival named, no title
    assert hyphen.source == "Morning Ledger"
    assert figs["2 to 6 percentage points"].measures == "Ortiz's lead"
    assert figs["2 to 6 percentage points"].source != "Most"  # "Most polls" has no maker
    assert figs["four percentage points"].measures == "Brandt's deficit behind Ortiz (more than)"


def test_a_name_of_a_station_or_a_cited_outlet_is_not_a_figure() -> None:
    figs = figures_of(HARBOR)
    assert "Four" not in figs and "538" not in figs
    found = scan_numbers(
        "The mayor told WXRT Radio Four on Tuesday. [538] A poll shows Ortiz 7 points ahead of Brandt."
    )
    assert [(c.text, c.kind, c.unit) for c in found] == [
        ("Four", "label", None),
        ("538", "label", None),
        ("7", "quantity", "points"),  # after a name, but a margin: not a model number like "Boeing 747"
    ]
    headline = scan_numbers(
        "Survey Finds Three Candidates Tied In Marlow\n\nThe mayor told WXRT Radio Four on Tuesday."
    )
    assert [(c.text, c.kind) for c in headline] == [("Three", "count"), ("Four", "label")]  # title case names nothing


def test_a_share_of_the_group_the_poll_asked_set_off_by_dashes_or_after_a_passive_verb() -> None:
    figs = figures_of(HARBOR)
    assert figs["61 percent"].measures == "likely voters named housing costs"
    assert figs["9 percent"].measures == "likely voters named Transit"
    assert figs["61 percent"].source == figs["9 percent"].source == "Lakeview College"


LOYAL = (
    "Mayor's voters stay loyal\n\n"
    "A Harbor Institute poll found that only about a third of Ortiz voters plan to back Brandt. Some 24 percent "
    "said they would back Paul Brandt instead.\n\n"
    "The average percentage of those who rate the mayor as honest and also say they will vote for her is 41%. "
    "By contrast, 66% of those who rate her as competent also say they are likely to vote for her.\n\n"
    "Marlow County reported a 3.9 percent vacancy rate in March. Riverton saw 2.5 percent growth in 2023, while "
    "rents rose."
)


def test_a_share_that_says_something_comes_from_the_poll_not_the_name_it_said() -> None:
    share = figures_of(LOYAL)["24 percent"]
    assert share.source == "Harbor Institute"  # not Paul Brandt, the one they would back
    assert share.measures == "back Paul Brandt instead"


def test_a_share_of_those_who_do_something_named_after_or_before_its_number() -> None:
    figs = figures_of(LOYAL)
    assert figs["41%"].measures == "share who rate mayor as honest and vote for her"
    assert figs["66%"].measures == "rate her as competent likely to vote for her"


def test_a_percentage_before_the_noun_it_qualifies() -> None:
    figs = figures_of(LOYAL)
    assert figs["3.9 percent"].measures == "vacancy rate in March"
    assert figs["2.5 percent"].measures == "Riverton's growth in 2023"


EDGE = (
    "Ortiz keeps her edge\n\n"
    "While Ortiz carried Marlow County in May, her margin has narrowed since, from about 11 percentage points to "
    "7 percentage points. In a Harbor Institute survey, Ortiz had three times the youth support of Mr. Brandt and "
    "twice as many small-donor backers as Paul Brandt.\n\n"
    "Marlow has the largest share of renters of any county in the state — 46 percent — which shapes the race. "
    "Only a little over half — 52 percent — of renters said they would vote.\n\n"
    "The new ferry will cost about half as much as the old bridge."
)


def test_a_change_from_one_value_to_another_is_its_subject_before_and_after() -> None:
    figs = figures_of(EDGE)
    assert figs["11 percentage points"].measures == "Ortiz's margin before (about)"  # "her" is the name that opens it
    assert figs["7 percentage points"].measures == "Ortiz's margin"


def test_a_multiple_is_of_the_thing_compared_against_what() -> None:
    figs = figures_of(EDGE)
    assert figs["three"].measures == "youth support relative to Brandt"
    assert figs["twice"].measures == "small-donor backers relative to Paul Brandt"
    halves = [f for f in figures_of(EDGE).values() if f.text == "half"]
    assert halves[-1].measures == "cost relative to old bridge (about)"


def test_a_share_set_off_by_dashes_is_the_share_named_before_or_the_one_it_restates() -> None:
    figs = figures_of(EDGE)
    assert figs["46 percent"].measures == "Marlow share of renters"
    half = next(f for f in figures_of(EDGE.split("\n\n")[2]).values() if f.text == "half")
    assert half.measures == figs["52 percent"].measures == "renters vote"  # "a little over half — 52 percent — of"


RIVERTON = (
    "Poll: Riverton split on the toll\n\n"
    "A Lakeview College poll of Riverton residents found deep doubts. When asked whether the mayor's plan to "
    "toll the bridge was the right choice for the city, 57 percent said it was not. Another 30 percent said yes.\n\n"
    "Marlow has the largest share of renters of any county — 46 percent — which is 9 percentage points higher "
    "than in Riverton. Volunteers knocked on doors in all of Marlow's 12 precincts and handed out 4,000 "
    "“door-hanger” leaflets.\n\n"
    "Council members, split along party lines and narrowly backing Mayor Ortiz, 5-4, approved the plan. "
    "''For two years we have waited,'' one resident said."
)


def test_a_share_answering_a_question_says_what_of_its_predicate() -> None:
    figs = figures_of(RIVERTON)
    assert figs["57 percent"].measures == "Riverton residents saying it was not right choice for city"
    assert figs["57 percent"].source == "Lakeview College"


def test_a_difference_said_of_the_figure_before_names_what_it_is_compared_with() -> None:
    figs = figures_of(RIVERTON)
    assert figs["9 percentage points"].measures == "Marlow share of renters higher than Riverton"


def test_a_count_after_its_owners_possessive_and_a_noun_in_quotes() -> None:
    figs = figures_of(RIVERTON)
    assert figs["12"].unit == "precincts"  # "Marlow's 12 precincts" is not a model name like "Poor's 500-stock"
    assert figs["4,000"].unit is not None and "leaflets" in figs["4,000"].unit
    assert "'" not in figs["two"].measures and figs["two"].measures.startswith("time")


def test_a_tally_backing_someone_names_no_subject_it_cannot_read() -> None:
    assert figures_of(RIVERTON)["5-4"].measures == "backing Mayor Ortiz"


def test_a_verb_that_multiplies_is_a_ratio_of_the_change_of_its_object() -> None:
    figs = figures_of(
        "Ferry line grows\n\nHarbor Transit has doubled ferry capacity to 4,000 riders a day and plans to halve "
        "the fare for students in Marlow by June. The double-decker boats run every hour, and the city may triple "
        "the budget for repairs."
    )
    assert (figs["doubled"].type, figs["doubled"].value, figs["doubled"].unit) == ("ratio", 2.0, "times")
    assert figs["doubled"].measures == "increase in ferry capacity"
    assert (figs["halve"].value, figs["halve"].unit, figs["halve"].measures) == (0.5, "fraction", "cut in fare")
    assert figs["triple"].measures == "increase in budget"
    assert not any(t.startswith("double") and t != "doubled" for t in figs)  # "double-decker" is no figure
    idioms = scan_numbers("The mayor doubled down on the plan. Article Continued Below Three of the council voted no.")
    assert [(c.text, c.kind) for c in idioms] == [("Three", "count")]  # "doubled down" multiplies nothing


def test_how_long_something_lasted_and_a_forecast_of_its_subject() -> None:
    figs = figures_of(
        "Marlow after the strike\n\nThe port reopened after nearly three years of disputes. Marlow saw 2.1 percent "
        "growth in 2023 and its economy is expected to grow 1.6 percent next year. Ada Brook served two years of a "
        "five-year term."
    )
    assert figs["three"].measures == "length of disputes (nearly)"
    assert figs["1.6 percent"].measures == "Marlow economy expected growth next year"
    assert not figs["two"].measures.startswith("length")  # a part of the term served, not how long it lasted


def test_money_spent_or_invested_is_its_spenders_spending_on_what_follows() -> None:
    figs = figures_of(
        "Harbor budget\n\nThe city spent an estimated $3 million hosting the regatta, and Harbor Transit invested "
        "$12 million in new ferries. They spent $40 on tickets."
    )
    assert figs["$3 million"].measures == "city spending on hosting regatta (estimated)"
    assert figs["$12 million"].measures == "Harbor Transit investment in new ferries"
    assert "spending" not in figs["$40"].measures  # "They": no spender to name


def test_a_time_that_opens_its_clause_is_the_time_of_what_the_clause_says() -> None:
    figs = figures_of("Riverton waits\n\n''For three years we have waited for a bridge,'' one resident said.")
    assert figs["three"].measures == "time waited for bridge"


def test_a_percentage_names_a_noun_only_after_an_article_possessive_or_verb_of_having() -> None:
    figs = figures_of(
        "Harbor review\n\nMore than 90 per cent stuck with the program, and fares rose by nearly 15 per cent since "
        "2016. October's 4.1 per cent rise surprised the council. Harbor Transit invested 12 million euros (US$13 "
        "million) in Marlow as part of a plan."
    )
    assert figs["90 per cent"].measures != "stuck"  # a share of people, not a noun after the number
    assert figs["15 per cent"].measures == "rise in fares (nearly)"
    assert figs["4.1 per cent"].measures == "October rise"
    assert figs["12 million"].measures == "Harbor Transit investment in Marlow"  # past "euros (US$13 million)"


def test_a_count_opening_with_its_belongs_to_the_name_that_opens_the_sentence_before() -> None:
    figs = figures_of(
        "Harbor votes\n\nMarlow County, long a swing county, votes next week. Its 40 precincts make it the largest "
        "prize. The council met on Monday. Their three members agreed."
    )
    assert (figs["40"].unit, figs["40"].measures) == ("precincts", "Marlow County precincts")
    assert not figs["three"].measures.startswith("The")  # "The council": no name to own them
