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
