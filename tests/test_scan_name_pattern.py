"""The scan package's name pattern (``scan.names.NAME``, and ``LINE_NAME`` within a line), as the poll readers and
the owner writer use it."""

from __future__ import annotations

import re

import pytest

from summarizer.scan.names import LINE_NAME, NAME
from summarizer.scan.owners import owned
from summarizer.scan.poll_measures import lead_measures
from summarizer.scan.poll_splits import backing_measures

from .conftest import code_figures as figures_of


@pytest.mark.parametrize(
    "name",
    ["Jacob Reyes", "Sen. Warren", "J.D. Vance", "Wong Kwok-hing", "O’Rourke", "St. Onge", "Washington D.C.",
     "Martin Luther King Jr.", "Gov. Ana Maria Del Toro", "Prof. Lena Ortiz", "U.S."],
)  # fmt: skip
def test_a_name_of_titles_initials_and_up_to_four_words_is_one_match(name: str) -> None:
    assert re.fullmatch(NAME, name)


@pytest.mark.parametrize("text", ["Harwell. The", "Ana Maria Del Toro Lopez", "jacob Reyes", "Ph.D Smith"])
def test_a_plain_word_takes_no_full_stop_and_a_name_has_at_most_four_words(text: str) -> None:
    assert not re.fullmatch(NAME, text)


def test_findall_gives_whole_names_and_stops_at_a_sentence_end() -> None:
    text = "Brandt trails Sen. J.D. Vance. Harwell leads Brandt."
    assert re.findall(NAME, text) == ["Brandt", "Sen. J.D. Vance", "Harwell", "Brandt"]


def test_an_owner_with_initials_a_title_or_four_words_is_written_with_a_possessive() -> None:
    assert owned("age of J.D. Vance") == "J.D. Vance's age"
    assert owned("St. Onge lead over Brandt") == "St. Onge's lead over Brandt"
    assert owned("Gov. Ana Maria Del Toro lead") == "Gov. Ana Maria Del Toro's lead"
    assert owned("age of Martin Luther King Jr.") == "Martin Luther King Jr.'s age"


def test_a_race_between_four_word_titled_and_dotted_names_names_both_candidates_without_titles() -> None:
    text = "Gov. Ana Maria Del Toro leads Brandt by 7 points among likely voters."
    start = text.index("7")
    assert lead_measures(text, start, start + 1, "quantity", 0, len(text)) == (
        "Ana Maria Del Toro lead over Brandt among likely voters"
    )
    text = "Lt. Gov. Lena Ortiz leads Prof. Tom Brandt by 7 points."
    start = text.index("7")
    assert lead_measures(text, start, start + 1, "quantity", 0, len(text)) == "Lena Ortiz lead over Tom Brandt"
    text = "St. Onge leads Harwell 48 percent to 42 percent among women."
    start = text.index("48")
    end = text.index(" among")
    assert backing_measures(text, start, end, 0, len(text)) == "women backing Onge versus Harwell"


def test_a_line_name_stays_within_its_line() -> None:
    assert re.findall(LINE_NAME, "Bernie Sanders\nSt. Onge: 12") == ["Bernie Sanders", "St. Onge"]
    assert re.findall(NAME, "Bernie Sanders\nSt. Onge: 12") == ["Bernie Sanders\nSt. Onge"]


def test_a_heading_list_item_named_with_st_is_the_headings_count() -> None:
    text = "PLEDGED DELEGATES.\nHillary Clinton: 1,769.\nSt. John Smith: 12.\n\nThe count is based on an AP count."
    assert figures_of(text)["12"].measures == "pledged delegates St. John Smith"
