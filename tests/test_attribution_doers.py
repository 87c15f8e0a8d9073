"""Description speakers read through what the article said each person did (evals/devsets-attribution.md,
D3): "the former teacher" is the one "who taught Grade 6". Made-up texts."""

from __future__ import annotations

from summarizer.attribution.cast import cast_of
from summarizer.attribution.doers import doer, role_verbs
from summarizer.scan.names import scan_names

from .conftest import quote_speakers as _speakers


def test_a_role_noun_gives_the_verb_forms_its_holder_did() -> None:
    teacher, founder, coach = role_verbs("teacher"), role_verbs("founder"), role_verbs("coach")
    assert teacher and teacher.search("who taught Grade 4") and teacher.search("she teaches piano")
    assert founder and founder.search("co-founded the firm") and not founder.search("a found object")
    assert coach and coach.search("has coached the team since 2019")
    assert role_verbs("mayor") is None  # "may" is no doing
    assert role_verbs("widow") is None  # a relation, read by the Cast's roles


def test_the_former_teacher_is_the_one_the_next_sentence_says_taught() -> None:
    text = (
        "Retiree wakes neighbours as duplex burns\n\n"
        "MOOSE JAW -- Two families got out of a burning duplex early Sunday.\n\n"
        "Firefighters named the man who knocked on their doors as Harlan Oyelaran-Skov. "
        "The 68-year-old, who taught chemistry at a high school for 31 years, lives next door.\n\n"
        "Fire captain Irena Dubcek said the blaze started in a garage.\n\n"
        "“I heard glass pop and I knew,” the former teacher said.\n"
    )
    assert _speakers(text)["I heard glass"] == "Harlan Oyelaran-Skov"


def test_the_driver_and_the_founder_are_who_drove_and_who_founded() -> None:
    text = (
        "Bus route ends after 40 years\n\n"
        "Dorcas Aberline-Pryce, who drove the Route 9 bus from 1991 to 2019, rode it one last time on Friday. "
        "Transit chair Owen Madsen said ridership had fallen by half.\n\n"
        "“Every stop had a story,” the former driver said.\n\n"
        "The route's sponsor, Greywater Foods, was started in 1984 by Lionel Tremblay-Ashe, who founded it "
        "with a single truck. Mayor Patrice Gould thanked him.\n\n"
        "“We owed the town that much,” the founder said.\n"
    )
    got = _speakers(text)
    assert got["Every stop had"] == "Dorcas Aberline-Pryce"  # not the transit chair named after her
    assert got["We owed the"] == "Lionel Tremblay-Ashe"


def test_the_captain_of_an_appositive_with_no_article() -> None:
    text = (
        "Blazers edge Rockets\n\n"
        "Tomasz Vidal-Herne, Kamloops captain, scored twice as the Blazers won 4-3. "
        "Goalie Reed Akinola made 31 saves for the Rockets.\n\n"
        "“We needed that one,” the Kamloops captain said.\n"
    )
    assert _speakers(text)["We needed that"] == "Tomasz Vidal-Herne"


def test_two_people_said_to_do_it_in_one_sentence_fit_equally_so_no_one_is_chosen() -> None:
    text = (
        "Choir marks 50 years\n\n"
        "Agnes Wolanski-Reid and Benoit Larocque-Fane, who both taught music in the town, started the choir in 1976.\n\n"
        "“We had nine voices,” the former teacher said.\n"
    )
    cast = cast_of(text, scan_names(text))
    at = text.index("“We had")
    assert doer(text, "the former teacher", at, cast.people) is None  # a wrong name shown as fact is worse
    alone = text.replace("Agnes Wolanski-Reid and ", "")
    assert doer(alone, "the former teacher", alone.index("“We had"), cast_of(alone, scan_names(alone)).people) == (
        "Benoit Larocque-Fane"
    )


def test_a_role_no_one_was_said_to_do_picks_no_one() -> None:
    text = (
        "Ferry delayed again\n\n"
        "Premier Ilse Marchetti-Booth said the province would pay for repairs. "
        "Her deputy, Kwabena Sorensen-Yu, met union leaders on Tuesday.\n\n"
        "“The boat is forty years old,” the engineer said.\n"
    )
    at = text.index("“The boat")
    assert doer(text, "the engineer", at, cast_of(text, scan_names(text)).people) is None
    assert doer(text, "the deputy", at, cast_of(text, scan_names(text)).people) is None  # a role: the Cast's
