"""Claim-source rules kept from the written political set's study half (evals/claimpool/README.md,
"Written political set"; rows PW1 on in evals/devsets-attribution.md). Made-up text throughout."""

from __future__ import annotations

from .test_claims_coverage import source_of

STORY = (
    "Senate hopefuls trade charges\n\n"
    "Senator Rosa Vint opened her campaign in Omaha on Monday. Her rival, Representative Lionel Barr, "
    "spent the day in Lincoln.\n\n"
)


def test_a_later_he_or_she_continues_the_opening_subject_not_someone_earlier() -> None:
    """PW1: "X, a role, said …, and he argued …" and "Press secretary X said …, but she said …":
    the pronoun of a coordinated clause is the sentence's own subject, read from the start."""
    text = STORY + (
        "Barr's communications director, Dale Otten, said the senator had missed 80 votes, and he argued "
        "that her record was thin.\n\n"
        "Campaign spokeswoman Ines Carow said the figure was wrong, but she said the race was close.\n\n"
        "The group's director, Nora Pike, said both campaigns were stretching the truth, and she said "
        "voters should check.\n"
    )
    assert source_of(text, "Barr's communications director") == "Dale Otten"  # not "Lionel Barr"
    assert source_of(text, "Campaign spokeswoman Ines Carow") == "Ines Carow"  # not "Rosa Vint"
    assert source_of(text, "The group's director") == "Nora Pike"


def test_a_poll_finding_is_held_by_the_pollster_named_with_it() -> None:
    """PW2: "A <Name> poll released … found", "A poll by <Name>, conducted …, found", "according to
    a <Name> poll released …": the pollster holds the finding (not the agent of a passive "by")."""
    text = STORY + (
        "A Prairie Research poll released Thursday found Vint ahead by three points.\n\n"
        "A poll by Halvorsen Strategies, conducted before the debate, found the race tied.\n\n"
        "The race is close, according to a Platte College poll released Wednesday.\n"
    )
    assert source_of(text, "A Prairie Research poll") == "Prairie Research"
    assert source_of(text, "A poll by Halvorsen") == "Halvorsen Strategies"
    assert source_of(text, "The race is close") == "Platte College"


def test_a_candidates_campaign_or_allies_speak_for_the_candidate() -> None:
    """PW3: "Barr's campaign said", "Vint's allies said", "the Barr campaign said" are read as the
    person they speak for (PolNeAR's "the Clinton campaign" is scored as Clinton); "Her campaign"
    names nobody, and "X's office" stays unread (GGT labels the office itself)."""
    text = STORY + (
        "Barr's campaign said it had raised $2 million in October.\n\n"
        "Vint's allies said the numbers were inflated.\n\n"
        "In a statement, the Barr campaign said the senator was hiding her record.\n\n"
        "Her campaign says the figure comes from the party's own model.\n"
    )
    assert source_of(text, "Barr's campaign") == "Lionel Barr"
    assert source_of(text, "Vint's allies") == "Rosa Vint"
    assert source_of(text, "In a statement, the Barr campaign") == "Lionel Barr"
    assert source_of(text, "Her campaign says") is None  # never "Her campaign"


def test_a_name_in_apposition_to_an_opening_role_is_the_subject() -> None:
    """PW4: "The chamber's president, X, urged …", "Another scholar, X of the Y Forum, said …",
    "Omaha's police chief, X, on Tuesday denied …": the apposed name holds the claim (it had none)."""
    text = STORY + (
        "The chamber's president, Greta Solvang, urged lawmakers to pass the budget by Friday.\n\n"
        "Another scholar, Hollis Brandt of the Keel Forum, said the ruling would stand.\n\n"
        "Omaha's police chief, Ramon Ekdahl, on Tuesday denied that his officers had been told to stay away.\n"
    )
    assert source_of(text, "The chamber's president") == "Greta Solvang"
    assert source_of(text, "Another scholar") == "Hollis Brandt"
    assert source_of(text, "Omaha's police chief") == "Ramon Ekdahl"
