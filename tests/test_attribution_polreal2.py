"""Claim-source rules kept from the second real-modelled political set's study half
(evals/claimpool/README.md, "Second real-modelled set"; rows PR2-1 on in evals/devsets-attribution.md).
Made-up text throughout."""

from __future__ import annotations

from .test_claims_coverage import source_of

STORY = (
    "Water bill splits the statehouse\n\n"
    "State Sen. Ilse Marchetti filed the water bill in January. Her rival on the committee, Sen. Gareth "
    "Okonkwo, voted against it twice.\n\n"
)


def test_an_unnamed_witness_relays_what_the_named_subject_holds() -> None:
    """PR2-1: "X reportedly told donors that …, according to two people who attended": the unnamed
    witnesses report what X holds; a plain action stays theirs, and a named "according to" stays."""
    text = STORY + (
        "Marchetti reportedly told donors on Friday that the bill had the votes, according to two people "
        "who attended.\n\n"
        "Okonkwo has warned colleagues that the bill would raise rates, according to a person familiar "
        "with the talks.\n\n"
        "Marchetti visited the reservoir on Tuesday, according to two aides.\n\n"
        "Okonkwo argued that the bill was rushed, according to the Valley Courier.\n"
    )
    assert source_of(text, "Marchetti reportedly told donors") == "Ilse Marchetti"
    assert source_of(text, "Okonkwo has warned") == "Gareth Okonkwo"
    assert source_of(text, "Marchetti visited") != "Ilse Marchetti"  # a visit holds no claim
    assert source_of(text, "Okonkwo argued") == "Valley Courier"  # a named outlet keeps the report


def test_who_commissioned_or_released_a_study_holds_its_finding() -> None:
    """PR2-2: "A study commissioned by X found", "A poll released Monday by X showed", "X's latest
    review … concluded", "… poll … put the race at", "X's report, released in May, did find", a
    closing ", a X investigation found.", a maker's full name with "for" and "and", a partner
    ("X/Y poll"), "… last month showed", and an opening "In a X poll …, …" name the maker of the
    finding; "In a X report, Y said" stays Y's."""
    text = STORY + (
        "A study commissioned by the Prairie Water Alliance found that rates would rise 12 percent.\n\n"
        "A poll released Monday by the Valley Courier showed 48 percent of voters backing the bill.\n\n"
        "The Harmon Institute's latest review of state budgets concluded that the fund was short.\n\n"
        "A Bayside Research poll taken last week put the race at two points.\n\n"
        "The Water Safety Board's final report, released in May, did find that the dam leaked.\n\n"
        "The utility overbilled 3,000 customers in two years, a Ledger Gazette investigation found.\n\n"
        "A 2019 report by the nonpartisan Center for Water and Energy Policy found that half the pipes leaked.\n\n"
        "Another recent KBTX/Valley Courier poll found Marchetti ahead by six points.\n\n"
        "A Bayside Research survey last month showed the bill trailing among farmers.\n\n"
        "In a Valley Courier poll last month, Marchetti had a 10-point lead among women.\n\n"
        "In a Ledger Gazette report, Okonkwo said the bill would raise rates.\n"
    )
    assert source_of(text, "A study commissioned") == "Prairie Water Alliance"
    assert source_of(text, "A poll released Monday") == "Valley Courier"
    assert source_of(text, "The Harmon Institute's latest review") == "Harmon Institute"
    assert source_of(text, "A Bayside Research poll") == "Bayside Research"
    assert source_of(text, "The Water Safety Board's final report") == "Water Safety Board"
    assert source_of(text, "The utility overbilled") == "Ledger Gazette"
    assert source_of(text, "A 2019 report") == "Center for Water and Energy Policy"  # not "Center"
    assert source_of(text, "Another recent KBTX") == "KBTX/Valley Courier"  # the joint maker
    assert source_of(text, "A Bayside Research survey last month") == "Bayside Research"
    assert source_of(text, "In a Valley Courier poll") == "Valley Courier"
    assert source_of(text, "In a Ledger Gazette report") == "Gareth Okonkwo"  # a report relays its speaker


def test_the_owner_of_a_view_or_reading_holds_what_it_is() -> None:
    """PR2-3: "X's view, as she told reporters, is that …", "X's reading is that …", "In X's view, …"
    and "In her view, …" (the woman named before): the owner holds the claim; a view owned by no
    name holds nothing."""
    text = STORY + (
        "Marchetti's view, as she told reporters, is that the committee did its job.\n\n"
        "Okonkwo's reading is that the fund cannot survive a dry year.\n\n"
        "In Okonkwo's view, the bill hands the reservoir to developers.\n\n"
        "Okonkwo said he would vote no again. Marchetti said the hearing went well. In her view, the vote "
        "was never in doubt.\n\n"
        "The committee's view is that the fund is sound.\n"
    )
    assert source_of(text, "Marchetti's view") == "Ilse Marchetti"
    assert source_of(text, "Okonkwo's reading") == "Gareth Okonkwo"
    assert source_of(text, "In Okonkwo's view") == "Gareth Okonkwo"
    assert source_of(text, "In her view") == "Ilse Marchetti"
    assert source_of(text, "The committee's view") is None


def test_a_digest_bullet_or_capitals_heading_is_no_part_of_the_clause() -> None:
    """PR2-4: a round-up's "-X explains why …" bullet and its "HEADING IN CAPITALS - X said …" lines:
    the subject after the bullet or heading holds the claim."""
    text = STORY + (
        "-Ramona Fisk explains why turnout fell in the river counties. [Courier]\n\n"
        "-A new Bayside Research report finds support for the bill at its lowest point. [Bayside]\n\n"
        "WHO IS AHEAD IN THE VALLEY? - Campaign manager Tomas Reyes dismissed the poll as an outlier.\n"
    )
    assert source_of(text, "-Ramona Fisk") == "Ramona Fisk"
    assert source_of(text, "-A new Bayside Research report") == "Bayside Research"
    assert source_of(text, "WHO IS AHEAD") == "Tomas Reyes"
