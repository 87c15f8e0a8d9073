"""Claim-source rules kept from the real-modelled political set's study half (evals/claimpool/README.md,
"Real-modelled political set"; rows PR1 on in evals/devsets-attribution.md). Made-up text throughout."""

from __future__ import annotations

from .test_claims_coverage import source_of

STORY = (
    "Governor's race tightens in the fall\n\n"
    "Governor Alma Treviño opened her campaign in Tucson on Monday. Her rival, Mayor Curtis Lindqvist, "
    "spent the day in Flagstaff.\n\n"
)


def test_a_poll_opening_the_sentence_holds_its_finding_over_a_speaker_inside_it() -> None:
    """PR1: "A <Name> survey … found that …, compared with 9 percent who said …": the poll that opens
    the sentence holds the finding, with a year ("A 2014 audit by …"), a partner ("A KTVK/ORC poll", kept: the joint maker)
    or a short rider ("… poll in August", "… poll for the Sentinel released Friday") before the verb."""
    text = STORY + (
        "A Saguaro Institute survey released last week found that 61 percent of independents backed "
        "Treviño, compared with 30 percent who said they would back Lindqvist.\n\n"
        "A Desert State University poll in August found that only 40 percent of young voters knew Lindqvist.\n\n"
        "A KTVK/ORC poll of likely voters found the race tied at 45 percent.\n\n"
        "A Cactus Polling survey for the Sentinel released Friday showed Treviño up four points.\n\n"
        "A 2014 audit by the Arizona Election Board identified two cases of double voting.\n"
    )
    assert source_of(text, "A Saguaro Institute survey") == "Saguaro Institute"  # not "Curtis Lindqvist"
    assert source_of(text, "A Desert State University poll") == "Desert State University"
    assert source_of(text, "A KTVK/ORC poll") == "KTVK/ORC"  # both makers, as figures name it
    assert source_of(text, "A Cactus Polling survey") == "Cactus Polling"  # not "Sentinel"
    assert source_of(text, "A 2014 audit") == "Arizona Election Board"


def test_a_verb_of_saying_inside_a_longer_word_is_no_trailing_cue() -> None:
    """PR2: "… and argued that public polls were overstating Lindqvist's support": "overstating" is no
    "stating", so the sentence stays its opening subject's, never the name after that word."""
    text = STORY + (
        "Campaign manager Odile Brandt wrote in a memo that internal polling showed Treviño ahead and "
        "argued that public polls were overstating Lindqvist's support among independents.\n"
    )
    assert source_of(text, "Campaign manager Odile Brandt") == "Odile Brandt"  # not "Curtis Lindqvist"


def test_a_titled_name_in_apposition_to_an_opening_role_is_the_subject() -> None:
    """PR3: "The group's state president, the Rev. X, predicted …" and "The head of the party, Rep. X
    of Arizona, praised …": a title (and a place after "of") around the apposed name still names it."""
    text = STORY + (
        "The Urban League's state president, the Rev. Marcus Odell, predicted the measure would fail.\n\n"
        "The head of the state Democratic Party, Rep. Linnea Vasquez-Hart of Arizona, praised the "
        "ruling as a victory.\n"
    )
    assert source_of(text, "The Urban League's state president") == "Marcus Odell"
    assert source_of(text, "The head of the state Democratic Party") == "Linnea Vasquez-Hart"
