"""Wire-copy shapes of attribution (evals/devsets-attribution.md, W1 on; evals/wirestress): titles
and particles inside names, capitalised adjectives in descriptions, pronouns, descriptions. The
texts here are made up for these tests."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context


def _speakers(text: str) -> dict[str, str | None]:
    ctx = Context.of(Article.from_text(text))
    return {" ".join(q.text.split()[:3]): who for q, who in zip(ctx.quotes, ctx.speakers, strict=True)}


def test_an_abbreviated_rank_before_a_name_does_not_cut_it() -> None:
    text = (
        "Bridge closed after crash\n\n"
        "A truck hit the Elm Street bridge early Monday, police said.\n\n"
        '"Nobody was hurt, but the deck is cracked," said RCMP Cpl. Nadia Okonjo-Baird. "Stay away from it."\n\n'
        '"We are looking for the driver," Const. Piet Vandermolen, a city police spokesman, told reporters.\n\n'
        "Insp. Wren Castellanos said the road would stay closed for a week.\n\n"
        '"Engineers will be there all night," Castellanos said.\n'
    )
    got = _speakers(text)
    assert got["Nobody was hurt,"] == "Nadia Okonjo-Baird"  # not "RCMP Cpl"
    assert got["Stay away from"] == "Nadia Okonjo-Baird"
    assert got["We are looking"] == "Piet Vandermolen"  # not "Const"
    assert got["Engineers will be"] == "Wren Castellanos"


def test_a_name_with_a_portuguese_particle_stays_whole() -> None:
    text = (
        "Rovers fall at home\n\n"
        "Brazilian forward Joana Pereira das Neves scored twice for the visitors on Saturday.\n\n"
        "Pereira das Neves, who joined in May, was pleased.\n\n"
        '"We pressed them all game," she said.\n'
    )
    assert _speakers(text)["We pressed them"] == "Joana Pereira das Neves"  # not "Joana Pereira"


def test_a_capitalised_adjective_in_a_description_is_no_speaker() -> None:
    text = (
        "Keeper takes the blame\n\n"
        "Rovers goalkeeper Ingrid Solvang could not hold a long throw in the 74th minute.\n\n"
        "Solvang took the blame for the equalizer.\n\n"
        '"I went to catch it and it slipped," said the Norwegian keeper. "That one is on me."\n\n'
        '"We were the better side," a Rovers defender told reporters, pointing to Coach Amos Tindall.\n'
    )
    got = _speakers(text)
    assert got["I went to"] == "Ingrid Solvang"  # not "Norwegian"
    assert got["That one is"] == "Ingrid Solvang"
    assert got["We were the"] != "Amos Tindall"  # named after the verb, not the defender


def test_a_time_opening_a_sentence_is_no_body() -> None:
    text = (
        "Rent program criticized\n\n"
        "Housing advocates said the program was too small.\n\n"
        "Later Tuesday, the minister's press secretary, Dario Keskinen-Obi, responded to the criticism "
        "in a statement.\n\n"
        '"The minister has been clear that this is one tool among many," the statement said.\n'
    )
    assert _speakers(text)["The minister has"] == "Dario Keskinen-Obi"  # not "Later Tuesday"
