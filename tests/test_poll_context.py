"""Poll and count figures whose meaning is not in their own clause (issue 22, rules from the poll
study set's second round, ``evals/pollstudy``): head-to-head splits, numbers listed under a heading
and the count they come from. Every article here is text written for the test."""

from __future__ import annotations

from .conftest import code_figures as figures_of

MATCHUP = (
    "Mayoral race\n\n"
    "A Lakeview College poll found on Monday that Ortiz would beat Brandt 48 to 41 percent in a runoff, "
    "while Kemp would narrowly beat the former police chief 45 to 44 percent."
)


def test_a_split_between_two_candidates_is_the_choice_of_one_over_the_other() -> None:
    figs = figures_of(MATCHUP)
    first, second = figs["48 to 41 percent"], figs["45 to 44 percent"]
    assert (first.type, first.measures, first.source) == (
        "score",
        "backing Ortiz versus Brandt in runoff",
        "Lakeview College",
    )
    # the rival named by a description is the one the same verb named before
    assert second.measures == "backing Kemp versus Brandt"


def test_a_split_with_no_candidates_before_it_is_not_a_matchup() -> None:
    figs = figures_of("Vote\n\nThe council voted 7-2 on Monday to close the bridge.")
    assert "versus" not in figs["7-2"].measures


LIST = (
    "Ballots counted\n\n"
    "It takes 120 votes to pass the charter, based on a Marlow Gazette count of the council's ballots.\n\n"
    "FIRST ROUND.\n\n"
    "Dana Ortiz: 64.\n\n"
    "Paul Brandt: 51.\n\n"
    "MEMBERS ABSENT.\n\n"
    "Ortiz: 7."
)


def test_a_number_alone_after_a_name_under_a_heading_counts_what_the_heading_names() -> None:
    figs = figures_of(LIST)
    assert figs["64"].measures == "first round votes Dana Ortiz"  # the heading names no plural: the unit
    assert figs["51"].measures == "first round votes Paul Brandt"
    assert figs["7"].measures == "members absent Ortiz"
    # the list comes from the count the article named, not from the name on the line
    assert {figs[n].source for n in ("64", "51", "7")} == {"Marlow Gazette"}
    assert figs["120"].source is None


def test_a_name_and_a_number_inside_a_sentence_is_not_a_list_line() -> None:
    figs = figures_of("Scores\n\nSCORES.\n\nThe final was close, Ortiz said: 64 people came.")
    assert figs["64"].source != "Marlow Gazette"
    assert not figs["64"].measures.startswith("scores")


def test_between_a_count_and_a_percentage_is_one_range() -> None:
    figs = figures_of(
        "Delegates\n\nAnalysts estimate Ortiz needs to win between 57 and 60 percent of the remaining seats."
    )
    assert [(f.text, f.type) for f in figs.values()] == [("57 and 60 percent", "range")]


def test_only_one_of_a_counted_whole_is_a_count() -> None:
    figs = figures_of("Board\n\nOnly one of the 168 board members backs the plan, and one of them spoke.")
    assert figs["one"].type == "count" and figs["168"].type == "count"
    assert len([f for f in figs.values() if f.text.casefold() == "one"]) == 1  # "one of them" stays a pronoun


def test_a_number_describing_the_speaker_is_the_articles_not_the_speakers() -> None:
    figs = figures_of(
        "Mayor speaks\n\n"
        "“The bridge will close, and we will pay for it,” said Dana Ortiz, who has served as mayor for 12 years.\n\n"
        "Paul Brandt, 61, told reporters: “We need 40 more buses before winter starts.”"
    )
    assert figs["12"].source is None
    assert figs["61"].source is None
    assert figs["40"].source == "Paul Brandt"  # what the speaker says stays his


def test_an_age_in_apposition_after_a_name_is_that_persons_age() -> None:
    figs = figures_of("Race\n\nVoters may prefer Ortiz to Brandt, the 68-year-old former police chief, in the runoff.")
    assert figs["68"].measures == "Brandt's age"


def test_a_number_listed_after_a_name_counts_what_the_article_counted_before() -> None:
    figs = figures_of(LIST)
    assert {figs[n].unit for n in ("64", "51", "7")} == {"votes"}
    inline = figures_of("Count\n\nThe club has 40 members. Ortiz: 12 of them came, she said.")
    assert inline["12"].unit != "members"  # a name and a colon inside a sentence is not a list line


def test_a_share_that_said_otherwise_is_the_other_side_of_the_share_before() -> None:
    figs = figures_of(
        "Poll\n\nIn a Lakeview College poll, 61 percent of voters backed the toll, compared to only 30 percent "
        "who said otherwise."
    )
    assert figs["30 percent"].measures == f"otherwise than {figs['61 percent'].measures}"
    assert "toll" in figs["30 percent"].measures


def test_who_is_up_in_the_polls_is_read_through_a_pronoun_from_the_sentence_before() -> None:
    figs = figures_of(
        "Race\n\nBut a string of gaffes has handed Ortiz a wide lead in the polls. In Marlow, she is up an average "
        "of 7.5 percentage points at 48 percent to 40.5 percent for Brandt, according to a polling average."
    )
    assert figs["7.5 percentage points"].measures == "Ortiz's lead over Brandt in Marlow"
    assert figs["48 percent to 40.5 percent"].measures == "backing Ortiz versus Brandt in Marlow"
    plain = figures_of("Race\n\nBrandt is ahead by 4 points over Ortiz. Sales are up 5 percent.")
    assert plain["4"].measures == "Brandt's lead over Ortiz"
    assert "lead" not in plain["5 percent"].measures  # "up 5 percent" of a thing is no candidate's lead


def test_a_group_that_polled_the_race_is_the_polls_maker_and_the_group_said_is_that_maker() -> None:
    figs = figures_of(
        "Race\n\nThe Harbor Action Fund polled the race in May, and the survey showed Ortiz above 50 percent, "
        "the group said. The mayor said 12 buses were late, the council said."
    )
    assert figs["50 percent"].source == "Harbor Action Fund"
    assert figs["50 percent"].measures == "supporting Ortiz"
    assert figs["12"].source != "Harbor Action Fund"  # no poll named there: "the council" stays who says it


def test_what_a_named_one_needs_is_counted_with_its_purpose() -> None:
    figs = figures_of("Race\n\nOrtiz needs 67 votes to pass the charter. The hall needs 40 chairs.")
    assert figs["67"].measures == "votes Ortiz needs to pass charter"
    assert "needs" not in figs["40"].measures  # "The hall" is no one named


def test_money_he_spent_is_the_spending_of_the_name_that_opens_the_sentence_before() -> None:
    figs = figures_of(
        "Race\n\nOrtiz is taking the race seriously. He has spent $500,000 on TV ads. They spent $20,000 on mail."
    )
    assert figs["$500,000"].measures == "Ortiz's spending on TV ads"
    assert not figs["$20,000"].measures.startswith("Ortiz")  # "they" is not read


def test_a_ranked_answer_measures_the_answer_before_with_its_own_name() -> None:
    figs = figures_of(
        "Poll\n\nA Lakeview College poll of Marlow voters asked which park they liked best. The vast majority – "
        "52 percent – named Riverside. Elm Hollow was the runner up, gaining 30 percent of the vote, while Kemp "
        "Green was third on 9 percent. Sales rose 4 percent."
    )
    first = figs["52 percent"].measures
    assert first.endswith("Riverside")
    assert figs["30 percent"].measures == first.replace("Riverside", "Elm Hollow")
    assert figs["9 percent"].measures == first.replace("Riverside", "Kemp Green")
    assert "Riverside" not in figs["4 percent"].measures


def test_a_count_whose_noun_is_left_out_after_and_takes_the_noun_before() -> None:
    figs = figures_of("Storm\n\nAt least nine people were killed and 21 were injured in the storm. And 12 were sold.")
    assert figs["21"].unit == "people"
    assert figs["12"].unit != "people"  # too far from any counted noun


def test_how_often_is_read_from_the_clause_when_nothing_else_is() -> None:
    figs = figures_of(
        "Ads\n\nA typical voter will see the ad at least 10 times before the vote. He fired twice at the doors."
    )
    assert figs["10"].measures == "times typical voter see ad (at least)"
    assert figs["twice"].measures == "times fired at doors"  # read as before: "at the doors" after it


def test_the_story_a_sentence_goes_on_about_gives_its_figures_the_storys_maker() -> None:
    figs = figures_of(
        "Board\n\nA story by the website Marlow Ledger says the board will split. The story also noted that only "
        "one of the 12 board members backs the plan. The hall holds 300 people."
    )
    assert figs["12"].source == "Marlow Ledger"
    assert figs["300"].source is None  # the article's own voice
