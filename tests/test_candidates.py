"""The deterministic scanners: quotation spans and number expressions."""

from __future__ import annotations

import pytest

from summarizer.scan import parse_number, scan_numbers, scan_quotes

from .conftest import SEED


def texts(s: str) -> list[str]:
    return [q.text for q in scan_quotes(s)]


def test_seed_article_quotes() -> None:
    found = texts(SEED.read_text(encoding="utf-8"))
    assert found[0] == "very, very tough"
    assert found[1].startswith("What I’m doing is putting together")
    assert found[-1] == "large-scale escalation"
    assert len(found) == 4


def test_straight_and_curly_marks() -> None:
    assert texts('He said "we will win" and “they will lose”.') == ["we will win", "they will lose"]


def test_quote_over_paragraphs_is_one_candidate_per_paragraph() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph,” she said."
    assert texts(text) == ["First paragraph of the speech.", "Second paragraph,"]


def test_quote_inside_quote() -> None:
    text = "“He told me ‘go home now’ and left,” she said."
    assert texts(text) == ["He told me ‘go home now’ and left,", "go home now"]
    nested = [q for q in scan_quotes(text) if q.nested]
    assert [q.text for q in nested] == ["go home now"]


def test_apostrophes_are_not_quotes() -> None:
    assert texts("It's the company's plan, and the 1990's boom isn't back.") == []


def test_single_quoted_headline_phrase() -> None:
    assert texts("North Korea puts military in 'quasi-state of war'") == ["quasi-state of war"]


def test_offsets_reproduce_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    for q in scan_quotes(text):
        assert text[q.start : q.end] == q.text
    for n in scan_numbers(text):
        assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("175,000", 175000),
        ("3.5 million", 3_500_000),
        ("12%", 12),
        ("12 percent", 12),
        ("$4 billion", 4e9),
        ("€2.5bn", 2.5e9),
        ("half", 0.5),
        ("twenty-five", 25),
        ("three hundred", 300),
        ("no number here", None),
    ],
)
def test_parse_number(expr: str, value: float | None) -> None:
    assert parse_number(expr) == value


def test_numbers_are_typed_and_dates_excluded_from_figures() -> None:
    text = "On 2021-12-04, at 10:30 a.m., 94,300 troops (12%) cost $4 billion in 2022; three died on December 4."
    got = {(n.text, n.kind) for n in scan_numbers(text)}
    assert ("2021-12-04", "date") in got
    assert ("10:30 a.m.", "time") in got
    assert ("94,300", "count") in got
    assert ("12%", "percent") in got
    assert ("$4 billion", "money") in got
    assert ("2022", "year") in got
    assert ("three", "count") in got
    assert ("December 4", "date") in got
    figures = {n.text for n in scan_numbers(text) if n.is_figure}
    assert figures == {"94,300", "12%", "$4 billion", "three"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Ana Ruiz spoke. “It is no longer safe,” Ruiz said.", "Ana Ruiz"),
        ("“It is no longer safe,” said Mayor Ana Ruiz.", "Ana Ruiz"),
        ("Ana Ruiz said: “It is no longer safe.”", "Ana Ruiz"),
        ("Ana Ruiz arrived. “It is no longer safe,” she said.", "Ana Ruiz"),
        ("“It is no longer safe,” according to engineers.", None),
        ("The bridge is “no longer safe” and will close.", None),
        # an appositive between the name and the verb, on either side of the quotation
        ("“It is no longer safe,” Ana Ruiz, the city's mayor, said.", "Ana Ruiz"),
        ("Ana Ruiz, the city's mayor, said, “It is no longer safe.”", "Ana Ruiz"),
        ("“It is no longer safe,” team member Ana Ruiz told the press.", "Ana Ruiz"),
        ("General Suleiman al-Amr, in remarks to television, said “All were taken.”", "Suleiman al-Amr"),
        ("The Globe's analysis of its traffic concluded, “It is no longer safe.”", "The Globe"),
        ("Ruiz said although the city tried, “nobody has looked at it”.", "Ruiz"),
        ("“So far, it is the Internet: 1, the rest: 0.” - Matthew Ingram", "Matthew Ingram"),
        ("Governor of Washington Chris Gregoire said, “It is no longer safe.”", "Chris Gregoire"),
        ("CEO of the Refugee Council Enver Solomon said “It is no longer safe.”", "Enver Solomon"),
        ("US President Barack Obama tweeted using his @POTUS account:\n\n“Cool clock, Ahmed.”", "Barack Obama"),
        ("Ruiz noted the bridge is old. “It is no longer safe.”", "Ruiz"),
        # a name inside a word is not a name: "Amr" in "al-Amr" alone
        ("The bridge is old. “It is no longer safe.”", None),
    ],
)
def test_guess_speaker(text: str, speaker: str | None) -> None:
    from summarizer.attribution import guess_speaker
    from summarizer.scan import scan_names
    from summarizer.text import split_sentences

    names = scan_names(text, {s.start for s in split_sentences(text)})
    (quote,) = [q for q in scan_quotes(text) if not q.nested]
    assert guess_speaker(text, quote, names) == speaker


def test_name_scanner_splits_titles_and_skips_sentence_initial_words() -> None:
    from summarizer.scan import scan_names
    from summarizer.text import split_sentences

    text = (
        "Tensions rose on Friday. White House Press Secretary Jen Psaki said the Church of Scientology "
        "and NATO's allies met Oleksii Reznikov.\n\nBiden spoke. The tensions eased, Biden said.\n\n"
        "“Cool clock, Ahmed.” Yesterday Mohamed met Michael Tien of NPP and Cheng Chung-tai of Civic "
        "Passion in Washington D.C. The Council of American-Islamic Relations Alia Salem spoke."
    )
    names = [n.text for n in scan_names(text, {s.start for s in split_sentences(text)})]
    assert names == [
        "White House",
        "Jen Psaki",
        "Church of Scientology",
        "NATO",
        "Oleksii Reznikov",
        "Biden",
        "Ahmed",
        "Mohamed",
        "Michael Tien",
        "NPP",
        "Cheng Chung-tai",
        "Civic Passion",
        "Washington D.C.",
        "Council of American-Islamic Relations",
        "Alia Salem",
    ]
    # left out: "Tensions" (also in lower case), "Cool" (once, opening a quotation),
    # "Yesterday" (a sentence-initial word glued to a name), "The" after "D.C."
    for n in scan_names(text):
        assert text[n.start : n.end] == n.text


def test_pronouns_and_continuations_keep_the_previous_speaker() -> None:
    from summarizer.attribution import attribute_quotes
    from summarizer.scan import scan_names
    from summarizer.text import split_sentences

    text = (
        "“The bridge is closed,” said KCNA. “It deserves harsh punishment,” it added.\n\n"
        "“We were warned,” Khaled Al-Maeena, an editor, said. “It would have been worse.”\n\n"
        "“We will rebuild,” said Mayor Ana Ruiz.\n\n“It will take a year.”\n\n"
        "The council met on Monday. Its members left early.\n\n“Nobody knows.”"
    )
    names = scan_names(text, {s.start for s in split_sentences(text)})
    quotes = [q for q in scan_quotes(text) if not q.nested]
    assert attribute_quotes(text, quotes, names) == [
        "KCNA",
        "KCNA",  # "it added" right after a KCNA quotation
        "Khaled Al-Maeena",
        "Khaled Al-Maeena",  # continues in the same paragraph, nothing else said in between
        "Ana Ruiz",
        "Ana Ruiz",  # a paragraph that is only a quotation, after hers
        None,  # a sentence about something else breaks the chain
    ]


def test_a_straight_mark_glued_to_the_comma_before_it_still_opens_a_quotation() -> None:
    text = 'Wilkins said," [Warhol] liked the photo booths". Ruiz said, "It is safe," Key said.'
    assert [q.text for q in scan_quotes(text)] == ["[Warhol] liked the photo booths", "It is safe,"]


def test_a_full_stop_glued_to_the_next_sentence_ends_a_name() -> None:
    from summarizer.scan import scan_names

    text = "Image: Brian Burnell.The United Kingdom Home Office today began. Dr. Ana Ruiz spoke to U.S. News."
    names = {n.text for n in scan_names(text)}
    assert "Brian Burnell" in names and "United Kingdom Home Office" in names
    assert not any("Burnell.The" in n for n in names)
    assert "U.S. News" in names  # initials keep their full stops
