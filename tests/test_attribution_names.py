"""Speakers whatever their name looks like (``evals/attribution_nested.py --variant renamed``
renames the GGT study half's speakers to these shapes); made-up texts here."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context
from summarizer.scan.names import scan_names

from .conftest import quote_speakers as _speakers


def test_a_two_letter_family_name_said_alone_is_the_full_name() -> None:
    text = (
        "Canucks fall\n\n"
        "Josh Leivo scored for the Canucks. Li Wei stopped 29 shots.\n\n"
        '"They forecheck really hard," Li said.\n\n'
        "Meng Wanzhou watched from the stands. “It was a long night,” Meng said.\n"
    )
    got = _speakers(text)
    assert got["They forecheck really"] == "Li Wei"
    assert got["It was a"] == "Meng Wanzhou"


def test_particles_inside_a_name_keep_it_whole() -> None:
    text = (
        "Convoy\n\n"
        "Ursula von der Leyen, the local MP, drove around with signs. "
        "“This pipeline needs to go in the ground,” von der Leyen said.\n\n"
        "Rafael van der Vaart was not there.\n"
    )
    names = [n.text for n in scan_names(text)]
    assert "Ursula von der Leyen" in names
    assert "Rafael van der Vaart" in names
    assert _speakers(text)["This pipeline needs"] == "Ursula von der Leyen"


def test_a_particle_before_a_lower_case_word_is_no_part_of_a_name() -> None:
    names = [n.text for n in scan_names("Guests at Casa von der oldest kind met Anna Berg.")]
    assert not any("von" in n for n in names)


def test_a_family_name_written_first_is_the_person_when_alone() -> None:
    text = (
        "Hurricanes win\n\n"
        "Kim Jong-un scored twice for Carolina.\n\n"
        "Teuvo Teravainen's big night came after he signed a new contract.\n\n"
        "Kim has four goals since the trade. The right wing said his new teammates help.\n\n"
        "“They are great playmakers,” he said.\n"
    )
    assert _speakers(text)["They are great"] == "Kim Jong-un"


def test_a_place_opening_a_name_is_not_made_a_person() -> None:
    text = (
        "Police report\n\n"
        "Toronto Star reporter Ann Lee asked about the case.\n\n"
        "Toronto police said the case is closed. “We are done,” said Ann Lee.\n"
    )
    from summarizer.attribution.cast import cast_of

    ctx = Context.of(Article.from_text(text))
    assert all("Toronto" not in p.forms for p in cast_of(text, ctx.names).people)
