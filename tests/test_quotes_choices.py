"""The speakers the quotes pass offers the model: people and named bodies, never places, dates,
datelines, bylines or headline fragments (issue 19)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context
from summarizer.fields.quotes import quote_candidates, speaker_choices, undecided

ARTICLE = (
    "Why Brandon residents fear the new bridge\n\n"
    "Priya Okafor, Staff Reporter\n\n"
    "BRANDON, Man. — Residents of Maple Street met on Wednesday at the legion hall near George St. "
    "to talk about the bridge.\n\n"
    "Tomasz Lindqvist, a resident, has lived in Witless Bay and in Brandon for 40 years.\n\n"
    "A notice from the Manitoba Transportation Agency was taped to the railing on Monday.\n"
    " .\n"
    "\u201cThe crossing has been structurally deficient for a decade and is now unsafe.\u201d\n"
)


def _asked(text: str) -> tuple[Context, int]:
    """The article's one quotation code leaves without a speaker (the one the model is asked about)."""
    ctx = Context.of(Article.from_text(text))
    (n,) = undecided(ctx)
    return ctx, quote_candidates(ctx)[n]


def test_the_body_and_the_person_are_offered_and_the_junk_is_not() -> None:
    ctx, index = _asked(ARTICLE)
    assert ctx.quotes[index].text.startswith("The crossing")
    choices = speaker_choices(ctx, index)
    # the body the paragraph before names (a scraper's lone " ." line between them is no paragraph)
    assert "Manitoba Transportation Agency" in choices
    assert "Tomasz Lindqvist" in choices
    for junk in ("Brandon", "BRANDON", "Why Brandon", "Maple Street", "George St", "Wednesday", "Witless Bay"):
        assert junk not in choices, junk
    assert "Priya Okafor" not in choices  # named only in the byline


def test_an_acronym_body_is_offered_where_its_paragraph_mentions_it_again() -> None:
    text = (
        "Town learns of an offender's release\n\n"
        "The RCMP sent a news release on Friday, Mayor Dana Whitfield said.\n\n"
        "The mayor said the town of 2,300 was not told in advance.\n\n"
        "Later, the RCMP put out a second release.\n\n"
        "\u201cHe poses a significant risk of reoffending against girls.\u201d\n"
    )
    ctx, index = _asked(text)
    assert speaker_choices(ctx, index) == ["Dana Whitfield", "RCMP"]


def test_a_first_name_the_article_uses_for_someone_is_offered() -> None:
    text = (
        "A rookie's first game\n\n"
        "Rene Gagnon, 19, played his first game in the league on Monday.\n\n"
        "His mother, Chantal, drove three hours from Edmundston to see it.\n\n"
        "\u201cI kept my hands over my face for the whole third period.\u201d\n"
    )
    ctx, index = _asked(text)
    choices = speaker_choices(ctx, index)
    assert choices[0] == "Chantal"  # the nearest person first
    assert "Edmundston" not in choices
