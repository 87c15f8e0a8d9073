"""The Cast's coreference: who a company, a shared surname and a he/she mean (issue 19, round 3)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.attribution import cast_of
from summarizer.fields.base import Context


def _cast_people(text: str) -> dict[str, set[str]]:
    ctx = Context.of(Article.from_text(text))
    return {p.name: p.forms for p in cast_of(text, ctx.names).people}


def test_a_company_is_not_merged_into_its_product_or_unit() -> None:
    text = (
        "App pulled\n\n"
        "Teens were paid to install an app called Glimmer Research on their phones.\n\n"
        "Glimmer said it had stopped the program. Its rival Zento Labs said nothing.\n"
    )
    people = _cast_people(text)
    assert "Glimmer Research" not in people and "Zento Labs" not in people
    assert not any("Glimmer" in forms for forms in people.values())


def test_a_name_after_at_with_a_possessive_is_still_a_person() -> None:
    text = (
        "Crash trial\n\n"
        "If a sign had stood there, Robert Vance would never have crashed, his lawyers say.\n\n"
        "READ MORE: Data shown at Robert Vance’s trial\n\n"
        "Vance said he saw no sign. His son, Ari Vance, 4, died in the crash.\n"
    )
    people = _cast_people(text)
    assert "Robert Vance" in people
