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


def test_a_past_role_no_one_is_named_by_is_the_person_named_last() -> None:
    text = (
        "Neighbour wakes tenants in apartment fire\n\n"
        "Police identified the man as Ruben Achterberg-Lisle. The 68-year-old, who drove a city bus "
        "for 30 years, lives on the ground floor.\n\n"
        "“I heard the alarm and I just started knocking,” the former driver said. “Nobody else was up.”\n\n"
        "Fire captain Joelle Strand said the cause was not yet known.\n"
    )
    got = _speakers(text)
    assert got["I heard the"] == "Ruben Achterberg-Lisle"  # not the description itself: he drove the bus
    assert got["Nobody else was"] == "Ruben Achterberg-Lisle"
