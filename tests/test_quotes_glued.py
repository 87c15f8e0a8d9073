"""The quotation scanner on glued text: paragraph breaks and the space after full stops lost, so
a straight mark between two sentences is where one paragraph ended and the next began."""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.attribution import attribute_quotes
from summarizer.fields.base import Context
from summarizer.scan import scan_quotes


def texts(s: str) -> list[str]:
    found = scan_quotes(s)
    for q in found:
        assert s[q.start : q.end] == q.text
        assert not q.text.startswith(('"', "“")) and not q.text.endswith(('"', "”"))
    return [q.text for q in found]


def test_a_glued_mark_inside_a_quotation_that_closes_again_later_continues_it() -> None:
    text = (
        'The minister said: "We will build the new bridge this year. It will cost less than planned."'
        'Nobody will pay a toll to cross it," she added.'
    )
    assert texts(text) == [
        "We will build the new bridge this year. It will cost less than planned.",
        "Nobody will pay a toll to cross it,",
    ]


def test_a_chain_of_glued_marks_continues_the_quotation_when_only_that_reading_fits() -> None:
    text = (
        'She said: "We will build the new bridge this year."Nobody will pay a toll to cross it."'
        "The council agreed on Monday."
    )
    assert texts(text) == ["We will build the new bridge this year.", "Nobody will pay a toll to cross it."]


def test_a_glued_mark_followed_by_an_opening_mark_ends_the_quotation() -> None:
    text = (
        'He said "The storm destroyed twelve houses in the valley."The town was quiet on Sunday. '
        'Officials told reporters, "We are rebuilding."'
    )
    assert texts(text) == ["The storm destroyed twelve houses in the valley.", "We are rebuilding."]


def test_when_closing_and_continuing_both_fit_the_quotation_ends_at_the_glued_mark() -> None:
    text = 'The chief said "Nobody was hurt in the fire at all."The roof fell in at noon."It was very lucky," he added.'
    assert texts(text) == ["Nobody was hurt in the fire at all.", "It was very lucky,"]


def test_said_comma_before_a_mark_opens_rather_than_closes() -> None:
    text = 'He said "The plan is good for the whole town."The mayor said," It is a fine plan". '
    assert texts(text) == ["The plan is good for the whole town.", "It is a fine plan"]


def test_a_doubled_mark_between_sentences_closes_one_quotation_and_opens_the_next() -> None:
    text = 'She said: "We will stay here until the very end.""I am proud of the whole team" wrote the coach.'
    assert texts(text) == ["We will stay here until the very end.", "I am proud of the whole team"]


def test_a_mark_glued_after_a_closing_parenthesis_and_full_stop_opens() -> None:
    text = 'The mayor thanked the crews (all of them)."Thanks to every one of the volunteers," he wrote.'
    assert texts(text) == ["Thanks to every one of the volunteers,"]


def test_flattened_paragraphs_of_one_quotation_are_one_candidate_each() -> None:
    text = 'She said: "We will build the new bridge this year. "Nobody will pay a toll to cross it," she added.'
    assert texts(text) == ["We will build the new bridge this year.", "Nobody will pay a toll to cross it,"]


def test_an_opening_mark_after_a_space_ends_a_quotation_the_writer_never_closed() -> None:
    text = 'He wrote: "The bridge is too old to repair. The report added, "It must close by May." The mayor agreed.'
    assert texts(text) == ["The bridge is too old to repair. The report added,", "It must close by May."]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("“We will win this race.”“Nobody can stop us,” she said.", ["We will win this race.", "Nobody can stop us,"]),
        ("“We will win.”The crowd cheered.", ["We will win."]),
        ("“First part of the speech.“Second part,” she said.", ["First part of the speech.“Second part,"]),
    ],
)
def test_curly_marks_in_glued_text_pair_as_before(text: str, want: list[str]) -> None:
    assert texts(text) == want


def speakers(text: str) -> list[str | None]:
    """Speakers as the pipeline reads them: beside the quotation, else its sentence's source."""
    ctx = Context.of(Article.from_text(text))
    return [ctx.speakers[i] for i in range(len(scan_quotes(text)))]


def test_a_name_after_a_glued_full_stop_does_not_take_the_previous_word() -> None:
    text = (
        "He was released in 2018 and has been living in Staffordshire.Ola Berg of The Northern Times "
        'told NPR, "He had been released a year ago on strict terms".'
    )
    # the person, not "Staffordshire.Ola Berg" nor the paper she writes for
    assert attribute_quotes(text, scan_quotes(text), Context.of(Article.from_text(text)).names)[0] == "Ola Berg"


def test_a_phrase_takes_the_source_of_its_own_glued_sentence() -> None:
    text = (
        "Ministers say the new ferry timetable works, with the Gazette reporting that most boats were "
        '"running late".The timetable was changed in March.Transport spokesperson Karin Holm said the '
        'change was "a failure" and "far too slow for islanders".'
    )
    assert speakers(text)[1:] == ["Karin Holm", "Karin Holm"]


def test_a_descriptor_starting_a_glued_sentence_speaks_for_its_body() -> None:
    text = 'The Tarvik Police closed the old bridge on Monday.The police said "repairs will take two more weeks".'
    names = Context.of(Article.from_text(text)).names
    assert attribute_quotes(text, scan_quotes(text), names) == ["Tarvik Police"]
