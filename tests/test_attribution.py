"""Who said it: speakers read from the discourse (issue 10), on short articles shaped like the
cases seen on real news (two-paragraph speakers, descriptors, pronouns, captions, credits)."""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.attribution import cast_of
from summarizer.fields.base import Context
from summarizer.fields.quotes import quote_candidates, quotes_model, speaker_choices, undecided
from summarizer.scan import scan_quotes


def speakers(text: str) -> dict[str, str | None]:
    """Opening words of every offered quotation -> the speaker code reads."""
    ctx = Context.of(Article.from_text(text))
    return {" ".join(ctx.quotes[i].text.split()[:3]): ctx.speakers[i] for i in quote_candidates(ctx)}


def test_a_speaker_introduced_in_one_paragraph_keeps_the_quotes_of_the_next() -> None:
    text = (
        "Mayor Ana Ruiz opened the bridge on Monday. “It is a great day,” Ruiz said.\n\n"
        "Tom Okafor, vice-president of the Harbour Workers Union, said the crossing was late.\n\n"
        "“We waited six years for this bridge.”\n\n"
        "“Nobody asked the workers.”\n"
    )
    got = speakers(text)
    assert got["It is a"] == "Ana Ruiz"
    assert got["We waited six"] == "Tom Okafor"  # not the story's most prominent speaker
    assert got["Nobody asked the"] == "Tom Okafor"


def test_an_unattributed_quote_paragraph_does_not_continue_across_another_speaker() -> None:
    text = (
        "“We will appeal,” said Ana Ruiz.\n\n"
        "Ben Ortiz, the council's lawyer, disagreed with the plan on Tuesday.\n\n"
        "Ruiz left early.\n\n"
        "“It is over.”\n"
    )
    assert speakers(text)["It is over."] is None  # Ortiz named between: no carry, and code does not guess


def test_attribution_in_the_following_sentence_with_a_descriptor_names_the_person() -> None:
    text = (
        "The Hawks beat the Lions 4-2. Lions coach Maria Keller praised her players before the game.\n\n"
        "Rookie defenceman Jonas Berg scored twice for the Hawks.\n\n"
        "“We played hard,” said the rookie defenceman.\n\n"
        "“It was not our night,” said the visiting team's coach, Maria Keller.\n"
    )
    got = speakers(text)
    assert got["We played hard,"] == "Jonas Berg"
    assert got["It was not"] == "Maria Keller"


def test_pronouns_follow_gender_and_skip_people_named_as_objects() -> None:
    text = (
        "Hatice Cengiz met reporters on Thursday. Crown Prince Mohammad bin Salman spoke to PBS in December.\n\n"
        "Speaking to reporter Martin Smith, he said, “It happened under my watch.”\n\n"
        "“Justice takes time,” she said.\n"
    )
    got = speakers(text)
    assert got["It happened under"] == "Mohammad bin Salman"
    assert got["Justice takes time,"] == "Hatice Cengiz"


def test_canonical_speakers_fullest_name_no_title_no_sentence_glue() -> None:
    text = (
        "Actors Robert Downey Jr. and Denzel Washington paid tribute.\n\n"
        "Actor Denzel Washington stated “He was a gentle soul.”\n\n"
        "During the broadcast, Downey said, “He was having this immense success.”\n\n"
        "Prosecutor Josh Bash spoke on Monday. “We are treating it as terrorism,” said Bash. Charges may follow.\n\n"
        "Lucy Fischer of The Times told NPR, “He had been released a year ago.”\n"
    )
    got = speakers(text)
    assert got["He was a"] == "Denzel Washington"
    assert got["He was having"] == "Robert Downey Jr"
    assert got["We are treating"] == "Josh Bash"
    assert got["He had been"] == "Lucy Fischer"


def test_a_photo_credit_is_never_a_speaker() -> None:
    text = (
        "Defenceman Jonas Berg scored twice.\n\n"
        "Jonas Berg celebrates. Photo: Kim Lee/Reuters\n\n"
        "“It felt great,” said the defenceman.\n"
    )
    assert speakers(text)["It felt great,"] == "Jonas Berg"
    cast = cast_of(text, tuple(Context.of(Article.from_text(text)).names))
    assert "Kim Lee" not in {p.name for p in cast.people}


def test_the_person_speaks_for_the_organisation() -> None:
    text = (
        "The Harbour Workers Union called a strike. Its president, Tom Okafor, met the mayor.\n\n"
        "“We will not go back,” the union's president said.\n"
    )
    assert speakers(text)["We will not"] == "Tom Okafor"


@pytest.mark.parametrize(
    "attribution",
    [
        "the Harbour Workers Union's spokesman, Tom Okafor, said.",
        "said Tom Okafor, a spokesman for the Harbour Workers Union.",
        "the union said in a statement read by its spokesman Tom Okafor.",
    ],
)
def test_the_spokesman_not_the_union(attribution: str) -> None:
    text = f"The Harbour Workers Union called a strike.\n\n“We will not go back,” {attribution}\n"
    assert speakers(text) == {"We will not": "Tom Okafor"}


def test_titles_of_works_and_slogans_are_not_quotes() -> None:
    text = (
        "ABC aired a special entitled “A Tribute For a King” on Sunday. "
        "He won the “Best Hero” award in 2018. The campaign was called “Hands off our parks”. "
        "“He was a gentle soul,” said Denzel Washington.\n"
    )
    ctx = Context.of(Article.from_text(text))
    offered = [ctx.quotes[i].text for i in quote_candidates(ctx)]
    assert offered == ["He was a gentle soul,"]


def test_a_glued_closing_mark_before_the_next_opening_keeps_both_quotes() -> None:
    text = (
        'The team won silver."We are so proud," team member Rodaba Noori told the press, "to show what '
        'Afghan women can do."The team arrived on Monday.'
    )
    found = [q.text for q in scan_quotes(text) if not q.nested]
    assert found == ["We are so proud,", "to show what Afghan women can do."]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“The only conclusion I can reach is resignation,” tweeted former thinktank executive Ken Gude.", "Ken Gude"),
        (
            "“In the US there is a phenomenon,” Birmingham City University criminology professor David Wilson "
            "told the press.",
            "David Wilson",
        ),
        (
            "Since then, a Republican, Mark Amodei, has spoken, telling the Nevada Independent: “I am a fan.”",
            "Mark Amodei",
        ),
        (
            "“Walter was brilliant,” said University of California, San Diego's chancellor, Pradeep Khosla.",
            "Pradeep Khosla",
        ),
        ("There were speakers, including Sadiq Khan. Tom Watson called the deal “lousy” on Monday.", "Tom Watson"),
    ],
)
def test_title_runs_and_appositives(sentence: str, expected: str) -> None:
    (got,) = speakers(sentence).values()
    assert got == expected


def test_the_model_is_asked_only_about_undecided_quotes_with_an_enum_of_named_people() -> None:
    text = (
        "Council member Ana Ruiz and Mayor Ben Ortiz met on Monday.\n\n"
        "“It is over. We have lost the bridge.”\n\n"
        "“We will rebuild,” Ortiz said.\n"
    )
    ctx = Context.of(Article.from_text(text))
    assert [ctx.quotes[quote_candidates(ctx)[n]].text[:9] for n in undecided(ctx)] == ["It is ove"]
    # a phrase in quotation marks inside a sentence with no verb of speech is the article's wording: not asked
    phrased = Context.of(Article.from_text(text + "\nRuiz and Ortiz then served “electric” lemonade to the crowd.\n"))
    assert [phrased.quotes[quote_candidates(phrased)[n]].text[:9] for n in undecided(phrased)] == ["It is ove"]
    assert speaker_choices(ctx, quote_candidates(ctx)[0]) == ["Ben Ortiz", "Ana Ruiz"]
    schema = quotes_model(ctx).model_json_schema()
    assert set(schema["properties"]) == {"Q1", "other"}  # Q2 is read by code: not asked
    assert schema["properties"]["Q1"]["anyOf"][0]["enum"] == [
        "not said",
        "Ben Ortiz",
        "Ana Ruiz",
    ]  # nobody is a choice too


def test_a_person_named_as_an_object_after_the_pronoun_is_not_the_speaker() -> None:
    text = (
        "Agnès Callamard, a UN rapporteur, cautioned justice is slow. “True justice takes time,” she said, "
        "asking Hatice Cengiz to be “patient and resilient.”\n"
    )
    assert set(speakers(text).values()) == {"Agnès Callamard"}


def test_a_byline_is_never_a_speaker() -> None:
    text = "By Jane Reporter, Wikinews\nNEW YORK (Wikinews) — The council met on Monday.\n\n“It is over,” she said.\n"
    ctx = Context.of(Article.from_text(text))
    assert "Jane Reporter" not in {p.name for p in cast_of(text, tuple(ctx.names)).people}
    assert speakers(text)["It is over,"] is None


def test_reading_an_article_twice_gives_the_same_speakers() -> None:
    """The Cast is cached per article; what one pass learns (genders) must not leak into the next."""
    text = (
        "Ana Ruiz met Ben Ortiz on Monday. Ruiz said her plan was ready.\n\n“We disagree,” he said.\n\n"
        "“We will see,” she said.\n"
    )
    first = speakers(text)
    assert first == {"We disagree,": "Ben Ortiz", "We will see,": "Ana Ruiz"}
    assert speakers(text) == first
