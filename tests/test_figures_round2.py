"""Figures read by rules studied on round 2 of issue 22's fresh pool (``evals/corpusfigures``: PolNeAR
and GGT articles of markets, budgets, courts, sports, delegates and health). Every article here is text
written for the test."""

from __future__ import annotations

from .conftest import code_figures as figures_of


def test_a_range_of_money_or_percentages_measures_what_its_clause_says_not_its_unit() -> None:
    text = (
        "Bridge fund short\n\nMonday\n\n"
        "The fund raising money for the Elm Street bridge is $3 million to $4 million short, the mayor said. "
        "Repairs would cost between $5 million and $6 million, engineers said."
    )
    figs = figures_of(text)
    short = figs["$3 million to $4 million"]
    assert (short.type, short.unit, short.measures) == ("range", "USD", "Elm Street bridge")
    assert figs["$5 million and $6 million"].measures == "Repairs cost"


def test_a_time_said_with_later_is_the_time_before_what_its_clause_says_happened() -> None:
    text = (
        "Ferry back\n\nMonday\n\n"
        "The ferry left Marlow at noon. The harbour master closed the port about 20 minutes later. "
        "Two hours later, the crew reached the island. Three years later, however, the pier has not been rebuilt."
    )
    figs = figures_of(text)
    assert figs["20"].measures == "time before harbour master closed port (about)"
    assert figs["Two"].measures == "time before crew reached island"
    assert figs["Three"].measures == "time before pier not rebuilt"


def test_researchers_or_records_closing_the_clause_give_its_figures() -> None:
    text = (
        "Bridge study\n\nMonday\n\n"
        "Bridges older than 40 years are twice as likely to crack, researchers report. "
        "The Marlow council spent $2 million on repairs last year, county records show. "
        "The bridge carries 9,000 cars a day."
    )
    figs = figures_of(text)
    assert figs["40"].source == "researchers"
    assert figs["$2 million"].source == "county records"
    assert figs["9,000"].source is None


def test_a_count_or_an_amount_its_own_relative_clause_describes_is_what_that_clause_says() -> None:
    text = (
        "Bridge survey\n\nMonday\n\n"
        "The survey asked more than 1,200 drivers aged 30 to 50 who had crossed the Elm Street bridge. "
        "Engineers found two cracks that authorities said did not threaten the deck. "
        "The town is $1 million short of the $3 million it must raise for the repairs. "
        "The council bought 12 trucks that carry salt."
    )
    figs = figures_of(text)
    assert figs["1,200"].measures == "drivers who crossed Elm Street bridge (more than)"
    assert figs["two"].measures == "cracks that did not threaten deck"
    assert figs["$3 million"].measures == "money raise for repairs"
    assert figs["12"].measures == "trucks that carry salt"


def test_a_number_given_as_a_nouns_value_measures_that_noun_of_what_follows_or_of_the_subject() -> None:
    text = (
        "Harbour report\n\nMonday\n\n"
        "The port authority reports a price of US$80 per metric ton of salt as of May. "
        "Marlow is a town of about 9,000 residents on the Elm River. "
        "Officials gave a total of 40 interviews."
    )
    figs = figures_of(text)
    assert figs["US$80"].measures == "price of salt"
    assert figs["9,000"].measures == "residents of Marlow (about)"
    assert not figs["40"].measures.startswith("total of")  # a quantifier, read as before


def test_shares_in_coordination_share_the_predicate_or_the_verb_of_their_list() -> None:
    text = (
        "Bridge vote\n\nMonday\n\n"
        "A third of cyclists and 20 per cent of drivers -- who cross it daily -- support the new bridge. "
        "About 60% of residents voted to rebuild and 40% to repair. "
        "Some 30 percent of residents backed the plan, 20 percent of them opposed it."
    )
    figs = figures_of(text)
    assert figs["A third"].measures == "cyclists support new bridge"
    assert figs["20 per cent"].measures == "share of drivers support new bridge"
    assert figs["40%"].measures == "share of residents voted to repair"
    assert figs["20 percent"].measures == "them opposed it"  # a clause of its own, read as before


def test_to_after_an_amount_opens_a_place_unless_a_number_follows() -> None:
    text = (
        "Bridge gifts\n\nMonday\n\n"
        "The Marlow Trust donated $50,000 to the bridge fund. "
        "The toll rose 5 percent to 30 percent."
    )
    figs = figures_of(text)
    assert figs["$50,000"].measures == "Marlow Trust donated bridge fund"
    assert figs["5 percent"].measures == "toll rise"  # "to 30 percent": the other value, skipped as before


def test_an_age_beside_a_description_is_the_age_of_whom_it_describes() -> None:
    text = (
        "Ferry rescue\n\nMonday\n\n"
        "Divers found the second passenger, a 44-year-old man, near the pier. "
        "Ada Brook steered the lifeboat. The 61-year-old captain said the sea was calm. "
        "The crew cheered. The 30-year-old mechanic fixed the pump."
    )
    figs = figures_of(text)
    assert figs["44"].measures == "age of second passenger"
    assert figs["61"].measures == "Ada Brook's age"
    assert figs["30"].measures == "age of mechanic"  # the sentence before opens with no name: as before
