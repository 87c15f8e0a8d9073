"""`measures` rules of the second round on issue 22 (FM1, ...: evals/devsets-figures.md). Every
article here is text written for the test."""

from __future__ import annotations

from summarizer.scan.owners import owned

from .conftest import code_figures as figures_of


def test_a_named_owners_age_lead_and_spending_are_written_as_a_reader_says_them() -> None:
    figs = figures_of(
        "Harbor race\n\n"
        "Nadia Pell, 52, is running for mayor of Harbor. "
        "Pell leads Tomas Ruud by 7 points among likely voters, a Coastline College poll found. "
        "Ruud trails by 3 points among women. "
        "The Ruud campaign has spent $400,000 on radio ads, and Pell has spent $250,000 on mailers."
    )
    assert figs["52"].measures == "Nadia Pell's age"
    assert figs["7"].measures.startswith("Pell's lead over Tomas Ruud")
    assert figs["3"].measures.startswith("Ruud's deficit")


def test_groups_nationalities_and_market_names_keep_their_form() -> None:
    assert owned("age of Millennials") == "age of Millennials"
    assert owned("age of Iranian-German") == "age of Iranian-German"
    assert owned("DAX gain") == "DAX gain"  # labels write a market's move without a possessive
    assert owned("age of fourth victim") == "age of fourth victim"  # no name, no owner
    assert owned("age of Well") == "age of Well"  # "Well, …": a sentence opener
    assert owned("Harper-era spending") == "Harper-era spending"
    assert owned("age of Cuban American") == "age of Cuban American"
    assert owned("Hollis lead in Kent") == "Hollis's lead in Kent"
    assert owned("age of Ada Brook at death") == "Ada Brook's age at death"


def test_a_company_that_moves_in_a_market_wrap_moves_its_share_price() -> None:
    figs = figures_of(
        "Stocks edge higher\n\n"
        "Stocks rose on Thursday as the Stoxx 600 index added 0.4 percent. "
        "Halvard Shipping fell $2.40, or 3.1 percent, to $75.20. "
        "Copper rose 2 percent, to $4.10 a pound, and the yen fell 0.5 percent. "
        "Norway rose 0.8 percent."
    )
    assert figs["$2.40"].measures == "Halvard Shipping share price fall"
    assert figs["3.1 percent"].measures == "Halvard Shipping share price fall"
    assert figs["$75.20"].measures == "Halvard Shipping share price"
    assert "share" not in figs["2 percent"].measures  # a commodity's price
    assert "share" not in figs["$4.10"].measures
    assert "share" not in figs["0.5 percent"].measures  # a currency
    assert "share" not in figs["0.8 percent"].measures  # a country's market


def test_a_company_outside_a_market_story_keeps_its_plain_price() -> None:
    figs = figures_of("Bakery news\n\nHalvard Bakery rose 20 cents, to $3.40, in the town's survey of loaf prices.")
    assert figs["$3.40"].measures == "Halvard Bakery price"


def test_a_level_reached_at_the_close_or_the_settlement_is_the_closing_or_settlement_level() -> None:
    figs = figures_of(
        "Stocks edge higher\n\n"
        "The Lakeshore 40 index closed up 12.5 points to close at 4,210.75. "
        "Lake crude rose 30 cents to settle at $62.10 a barrel. "
        "The Harbor 100 index rose 8 points to 1,950.25."
    )
    assert figs["4,210.75"].measures == "Lakeshore 40 index closing level"
    assert figs["$62.10"].measures == "Lake crude settlement price"
    assert figs["1,950.25"].measures == "Harbor 100 index level"  # no close said: the level it reached


def test_a_measure_that_is_only_a_name_says_whose_share_or_count_it_is() -> None:
    assert owned("Pell", "percent", "%", "Pell leads. Pell had 47%.") == "Pell's share"
    assert owned("Ruud", "count", "pledged delegates", "Ruud won. Ruud has 1,288.") == "Ruud's pledged delegates"
    assert owned("Approval Rating", "percent", "%", "a 62% Approval Rating, he wrote") == "Approval Rating"  # once
    assert owned("Grade", "count", "pupils", "Grade 8 has 30 pupils. Grade 9 has none; a grade") == "Grade"
    assert owned("March", "percent", "%", "In March, 4%. In March it fell.") == "March"
    assert owned("Pell", "money", "USD", "Pell raised. Pell spent $4.") == "Pell"  # money: no share to name


def test_the_hedge_before_a_figure_is_kept_in_parentheses_after_its_measures() -> None:
    figs = figures_of(
        "Flood in Marlow\n\n"
        "Rescuers evacuated about 80 people in the town of Harwick. "
        "More than 1,200 homes lost power, and an estimated $4 million in damage was reported. "
        "Crews cleared 14 roads by Friday."
    )
    assert figs["80"].measures.endswith(" (about)")
    assert figs["1,200"].measures.endswith(" (more than)")
    assert figs["$4 million"].measures.endswith(" (estimated)")
    assert "(" not in figs["14"].measures  # no hedge written, none added
