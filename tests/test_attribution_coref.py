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


def test_he_added_after_a_quotation_means_the_subject_before_it_not_the_last_name() -> None:
    from summarizer.attribution.sources import claim_source

    text = (
        "Dairy legacy\n\n"
        "Kevin Marsh said he wants to carry on the legacy of his father, Bill.\n\n"
        "He said the dairy, along with a credit union run by his father's friend, Tom Legg, gave the town a boost.\n\n"
        '"They brought a lot of jobs," he said. "There\'s that legacy that I look at."\n\n'
        "He added that he'd like to see a better town for his three grandchildren.\n"
    )
    ctx = Context.of(Article.from_text(text))
    start = text.index("He added")
    source, cue, _ = claim_source(text, start, text.index("\n", start), ctx.names)
    assert (source, cue) == ("Kevin Marsh", "added")
