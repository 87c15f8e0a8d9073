"""The aligner: exact, normalised and fuzzy matching, each tagged; quotes never fuzzy."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding import _normalize_with_map, align, find_mentions, normalize

ARTICLE = (
    "Biden warned that invading Ukraine would be “very, very tough” for Russian President Vladimir Putin — he said."
)


def test_exact() -> None:
    hit = align(ARTICLE, "very, very tough")
    assert hit is not None and hit.status == "exact"
    assert ARTICLE[hit.start : hit.end] == "very, very tough"


def test_normalised_quote_marks_case_dashes_and_whitespace() -> None:
    hit = align(ARTICLE, '"VERY,  very tough" for russian president vladimir putin - he')
    assert hit is not None and hit.status == "normalized"
    assert ARTICLE[hit.start : hit.end] == "very, very tough” for Russian President Vladimir Putin — he"


def test_fuzzy_only_when_allowed() -> None:
    paraphrase = "invading Ukrain would be very very tuff"
    hit = align(ARTICLE, paraphrase)
    assert hit is not None and hit.status == "fuzzy"
    assert align(ARTICLE, paraphrase, allow_fuzzy=False) is None


def test_near_miss_does_not_match() -> None:
    assert align(ARTICLE, "Russia will never invade Ukraine") is None
    assert align(ARTICLE, "very, very easy", allow_fuzzy=False) is None


def test_near_picks_the_closest_occurrence() -> None:
    text = "tax rose. Later the tax rose again."
    assert align(text, "tax rose", near=25).start == 20
    assert align(text, "tax rose", near=2).start == 0


def test_mentions_are_whole_words() -> None:
    assert find_mentions("Putin and Putinism; putin.", "Putin") == [(0, 5)]


@given(st.text(min_size=1, max_size=300), st.data())
def test_any_substring_aligns_to_offsets_that_reproduce_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    needle = text[start:end]
    if not needle.strip():
        return
    hit = align(text, needle)
    assert hit is not None
    assert hit.status == "exact"
    assert text[hit.start : hit.end] == needle


@given(st.text(alphabet="ab _.-é1Σ\n", max_size=60), st.text(alphabet="ab _.é1", min_size=2, max_size=4))
def test_mentions_are_the_spans_the_whole_word_pattern_finds(text: str, name: str) -> None:
    """The str.find scan returns what ``(?<!\\w)name(?!\\w)`` finds (case-sensitive first)."""
    expected = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    if expected and name == name.strip():
        assert find_mentions(text, name) == expected


def test_mentions_fall_back_to_any_case_then_to_the_normalised_text() -> None:
    assert find_mentions("The PUTIN doctrine", "Putin") == [(4, 9)]
    assert find_mentions("Said “Jean‑Luc” Smith", "Jean-Luc") == [(6, 14)]


@given(st.text(alphabet="aZ \t\n\u00a0\u2028“”—–'ßΣİ", max_size=80))
def test_normalize_is_the_character_map_form(text: str) -> None:
    """The fast normaliser and the offset-mapping one agree character for character."""
    assert normalize(text) == _normalize_with_map(text)[0].strip()
