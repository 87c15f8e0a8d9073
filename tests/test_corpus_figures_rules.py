"""Figures read from readings studied on the Wikinews study set (issue 22, ``evals/corpusfigures``):
ages said with a verb or written "-month-old". Every article here is text written for the test."""

from __future__ import annotations

from .conftest import code_figures as figures_of

AGES = (
    "Painter remembered\n\n"
    "Tuesday\n\n"
    "The painter Ada Brook dies at 93 in her home in Marlow. Her sister said on Monday: she was 93 and died "
    "in her sleep. Her parents moved her to Lisbon when she was six, her sister said. On Friday an "
    "eight-month-old foal was born on her farm. She was one of the founders of the Marlow school, and she "
    "was 40 minutes late to its opening."
)


def test_an_age_said_with_a_verb_is_a_quantity_of_years_and_says_whose_and_when() -> None:
    figs = figures_of(AGES)
    dies = figs["93"]
    assert (dies.type, dies.unit, dies.measures) == ("quantity", "years", "Ada Brook's age at death")
    six = figs["six"]
    assert (six.type, six.unit, six.measures) == ("quantity", "years", "age when parents moved Lisbon")


def test_a_pronoun_was_and_a_bare_number_before_died_is_the_age_at_death() -> None:
    text = "Sailor dies\n\nMonday\n\nThe sailor Tom Poe was found at sea. He was 71 and died of the cold."
    figs = figures_of(text)
    assert (figs["71"].unit, figs["71"].measures) == ("years", "age at death")


def test_a_months_old_noun_is_that_nouns_age_and_not_every_was_is_an_age() -> None:
    figs = figures_of(AGES)
    foal = figs["eight"]
    assert (foal.type, foal.unit, foal.measures) == ("quantity", "months", "age of foal")  # not "On Friday"
    assert "one" not in figs  # "she was one of the founders"
    assert figs["40"].unit == "minutes"  # a unit after "was": not an age


FERRY = (
    "Ferry owner charged\n\n"
    "Tuesday\n\n"
    "The 48 m (157 ft) ferry sank near Marlow. A 12 meter high crane lifted it. Its owner Tom Poe was released "
    "on $15,000 bail on Monday. The town signed a $2 million contract with Bolt Marine to raise the wreck, "
    "which lies about six miles (ten kilometres) from the harbour. Repairs cost $40,000 in total."
)


def test_an_amount_before_the_noun_it_qualifies_measures_that_noun() -> None:
    figs = figures_of(FERRY)
    assert figs["48"].measures == "length of ferry"
    assert figs["157"].measures == "length of ferry"  # in parentheses, before the same noun
    assert figs["12"].measures == "height of crane"
    assert figs["$15,000"].measures == "bail"
    assert figs["a $2 million"].measures == "contract with Bolt Marine"


def test_an_amount_followed_by_a_preposition_or_nothing_keeps_its_other_reading() -> None:
    figs = figures_of(FERRY)
    assert figs["six"].measures.startswith("distance")  # "six miles … from the harbour": no noun qualified
    assert figs["$40,000"].measures == "cost of Repairs"  # "in total" is not a noun the amount qualifies


def test_a_count_after_a_named_subject_and_its_verb_names_the_subject() -> None:
    text = (
        "Singer remembered\n\nTuesday\n\nOver her career, Ada Brook made 31 studio albums. Brook had two sons. "
        "In March Marlow County evacuated 80 people from the valley. I'll have one vote in each referendum."
    )
    figs = figures_of(text)
    assert figs["31"].measures == "studio albums Ada Brook made"
    assert figs["two"].measures.startswith("sons Brook")  # "had" is read only with a name before it
    assert figs["80"].measures == "people Marlow County evacuated from valley"  # not "March"
    vote = next(f for t, f in figs.items() if f.unit == "vote")
    assert "have" not in vote.measures.split()  # "I'll have": no name, no verb of having


def test_a_count_followed_by_a_copula_and_a_preposition_is_what_the_copula_says_of_it() -> None:
    text = (
        "Bus crash\n\nTuesday\n\nThe ministry said four deaths were of children. Nine seats were at stake. "
        "Five people were injured."
    )
    figs = figures_of(text)
    assert figs["four"].measures == "deaths of children"
    assert figs["Nine"].measures == "seats at stake"
    assert figs["Five"].measures == "people injured"  # a verb after the copula is read as before


TOLL = (
    "Mine collapse\n\nTuesday\n\n"
    'A total of 12 are confirmed dead, officials told state radio. Minister Lena Holt spoke of "perhaps 20 '
    'miners underground", while Deputy Mayor Ivo Marsh indicated 31 people were missing. Estimates by union '
    "leaders indicate roughly 400 miners walked out. Shift totals are unclear, with both nine and ten reported "
    "by local sources. Police said 14 people were hurt."
)


def test_a_figure_takes_the_speaker_its_own_clause_names() -> None:
    figs = figures_of(TOLL)
    assert figs["12"].source == "officials"  # "…, officials told state radio"
    assert figs["31"].source == "Deputy Mayor Ivo Marsh"  # the later clause's own speaker, not Lena Holt
    assert figs["400"].source == "union leaders"  # "Estimates by union leaders indicate …"
    assert figs["nine"].source == figs["ten"].source == "local sources"  # "reported by local sources"
    assert figs["14"].source == "Police"  # a sentence's own speaker is kept


def test_readings_checked_on_unlabelled_articles_stay_narrow() -> None:
    text = (
        "Town notes\n\nTuesday\n\n"
        "The town lies 90 miles northeast of Marlow. Acme disclosed a "
        "$300-million claim without naming the client. She came with her 3-year-old daughter and 12-week-old son. "
        "He's averaging 15 points a game. But Brook won two titles."
    )
    figs = figures_of(text)
    assert not figs["90"].measures.startswith("length of")  # a direction, not a thing's length
    assert figs["a $300-million"].measures == "Acme claim"  # FR2-8: the holder that opens the clause
    assert figs["12"].measures == "age of son"  # not the daughter of the clause before "and"
    assert "He's" not in figs["15"].measures and "But" not in figs["two"].measures.split()


def test_a_bare_number_that_is_the_subject_of_a_casualty_counts_people() -> None:
    text = (
        "Bridge attack\n\nTuesday\n\nThe attack in Marlow, where 14 were killed and roughly 30 wounded, shocked the "
        "town. A total of 9 are confirmed dead in Lisbon. Voters cast 1,200 ballots."
    )
    figs = figures_of(text)
    assert (figs["14"].unit, figs["14"].measures) == ("people", "people killed")
    assert (figs["30"].unit, figs["30"].measures) == ("people", "people wounded (roughly)")
    assert figs["9"].unit == "people"
    assert figs["1,200"].unit == "ballots"  # a counted noun is kept


def test_a_finding_relayed_by_according_to_is_its_finders() -> None:
    text = (
        "Crash trial\n\n"
        "Monday\n\n"
        "The trial heard from two engineers on Monday. According to the Crown, a report filed by RCMP "
        "reconstructionist Cpl. Ann Lee noted the slope ranged from 2 per cent to 4 per cent. According to "
        "the Crown, the road was closed for 3 days."
    )
    figs = figures_of(text)
    assert figs["2 per cent to 4 per cent"].source == "Cpl. Ann Lee"  # the report's author, not the Crown
    assert figs["3"].source == "Crown"  # nobody else inside: the relay is the source
