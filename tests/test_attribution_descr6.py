"""Description speakers modelled on wirestress set 6 (evals/devsets-attribution.md, D1 on): the
later mention of a named person by a description; made-up texts here."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_the_place_an_office_is_of_is_no_person_a_description_can_mean() -> None:
    text = (
        "Former mayor wins Pine Hollow byelection\n\n"
        "PINE HOLLOW -- A former mayor of Pine Hollow will sit in the legislature after Monday's vote.\n\n"
        "Marta Szczepanik-Ode, who served two terms as mayor, took 41 per cent.\n\n"
        "“We knocked on every door,” the former mayor told supporters. “Twice.”\n"
    )
    got = _speakers(text)
    assert got["We knocked on"] == "Marta Szczepanik-Ode"  # not "Pine Hollow", the town she was mayor of
    assert got["Twice."] == "Marta Szczepanik-Ode"


def test_the_younger_or_older_of_two_siblings_is_the_one_the_article_made_so() -> None:
    text = (
        "Cannery's last shift\n\n"
        "The sisters Odile and Renata Vasquez-Hall, 61 and 58, have packed fish on the same line since 1990.\n\n"
        "“I will miss the noise more than the money,” the younger sister said.\n\n"
        "“I won't,” the older sister said.\n\n"
        "Two brothers, Emil Brandvold and Tomas Brandvold, fish the same waters. Tomas Brandvold, the elder of the "
        "two, sold his boat in May.\n\n"
        "“The quota was gone,” the younger brother said.\n"
    )
    got = _speakers(text)
    assert got["I will miss"] == "Renata Vasquez-Hall"  # 58
    assert got["I won't,"] == "Odile Vasquez-Hall"  # 61: a person of her own through the pair
    assert got["The quota was"] == "Emil Brandvold"  # the other one of "the elder of the two"
