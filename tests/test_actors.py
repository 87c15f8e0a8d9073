"""Actors, read by code alone: kinds code is sure of, roles read beside the names, and nothing
guessed for a name code cannot sort."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.article import Article
from summarizer.fields import Context, actors
from summarizer.fields.actors import code_kind, link_speakers, person_like, read_actors, read_role
from summarizer.lexicon import ABBREVIATIONS, TITLES
from summarizer.models import Actor, Quote, Span

TEXT = (
    "Khaled Al-Maeena, editor at large at the Saudi Gazette, said the crane fell in Mecca. "
    "Prime Minister Theresa May spoke to the Associated Press. Alireza Mehraban, in their first "
    "matchup, scored twice. White House Press Secretary Jen Psaki said the Afghans and the "
    "Gabonese travelled from Herat to the Grand Mosque. Saudi Arabia sent the KPA a letter. "
    "A US intelligence official spoke too."
)


def actors_of(text: str) -> dict[str, tuple[str, str | None]]:
    return {a.name: (a.kind, a.role) for a in read_actors(Context.of(Article.from_text(text)))}


def test_roles_are_read_from_appositives_and_titles_and_never_guessed() -> None:
    assert read_role(TEXT, "Khaled Al-Maeena") == "editor at large at the Saudi Gazette"
    assert read_role(TEXT, "Theresa May") == "Prime Minister"
    assert read_role(TEXT, "Jen Psaki") == "Press Secretary"
    # an appositive that names no position is not a role
    assert read_role(TEXT, "Alireza Mehraban") is None


def test_code_corrects_the_kinds_it_is_sure_of() -> None:
    assert code_kind("Saudi Arabia") == "country"
    assert code_kind("Grand Mosque") == "place"
    assert code_kind("Associated Press") == "organization"
    assert code_kind("KPA") == "organization"
    assert code_kind("Afghans") == "group" and code_kind("Gabonese") == "group"
    assert code_kind("Herat", TEXT) == "place"  # "from Herat"
    assert code_kind("Alireza Mehraban", TEXT) is None  # code is not sure: the model's kind stands


def test_actors_are_read_by_code_with_their_kinds_and_roles() -> None:
    actors = actors_of(TEXT)
    assert actors["Khaled Al-Maeena"] == ("person", "editor at large at the Saudi Gazette")
    assert actors["Alireza Mehraban"] == ("person", None)  # named as a person, no position given
    assert actors["Saudi Gazette"][0] == "organization" and actors["KPA"][0] == "organization"
    assert actors["Saudi Arabia"][0] == "country"
    assert actors["Herat"][0] == "place" and actors["Grand Mosque"][0] == "place"
    assert actors["Afghans"][0] == "group" and actors["Gabonese"][0] == "group"


def test_titles_are_cut_and_descriptions_are_not_actors() -> None:
    actors = actors_of(TEXT)
    assert actors["Jen Psaki"] == ("person", "Press Secretary")
    assert not any("White House Press" in name or "official" in name for name in actors)


def test_names_code_cannot_sort_are_left_out_rather_than_guessed() -> None:
    actors = actors_of("Fans loaded Gigaloader onto their laptops. Later, Gigaloader crashed. Ana Ruiz said so.")
    assert "Gigaloader" not in actors
    assert actors["Ana Ruiz"][0] == "person"


def test_one_entity_is_listed_once_under_its_fullest_name() -> None:
    actors = actors_of("The Korean Central News Agency (KCNA) said so. KCNA added that Kim Jong-un agreed. Kim spoke.")
    assert "Korean Central News Agency" in actors and "KCNA" not in actors
    assert "Kim Jong-un" in actors and "Kim" not in actors


# ---- the readers look around each mention; the whole-text patterns they replaced are the spec ----

_WORDS = ["Ana Ruiz", "Ruiz", "Prime", "Minister", "Dr.", "the", "in", "at", "of", "Mayor", "president", "said",
          "mayor", "Bank", "a", "X", "Ana", ",", ".", "\n", "Ruizes", "aRuiz"]  # fmt: skip


def _spec_role(text: str, name: str) -> str | None:
    """read_role as it was: two patterns over the whole text, compiled for each name."""
    escaped = re.escape(name)
    for m in re.finditer(
        rf"\b{escaped},\s+((?:the |a |an |his |her |its |their )?[a-z][^,.;:()“”\"\n]{{2,80}}?)\s*[,.;]", text
    ):
        words = m.group(1).split()
        if len(words) <= 12 and any(w.casefold().rstrip("s") in actors._ROLE_NOUNS for w in words[:6]):
            return m.group(1)
    titled = re.search(rf"((?:[A-Z][\w.’'-]*\s+){{1,4}}){escaped}\b", text)
    if titled:
        keep: list[str] = []
        for word in reversed(titled.group(1).split()):
            bare = word.casefold().rstrip(".")
            if bare not in TITLES or (word.endswith(".") and bare not in ABBREVIATIONS):
                break
            keep.insert(0, word)
        if keep:
            return " ".join(keep)
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from(["Ana Ruiz", "Ruiz", "Bank"]))
def test_readers_agree_with_their_whole_text_patterns(words: list[str], name: str) -> None:
    text = " ".join(words)
    place = re.search(rf"\b(?:in|at|from|near|across)\s+(?:the\s+)?{re.escape(name)}\b(?![ \t]+[A-Z])", text)
    assert (code_kind(name, text) == "place") == bool(place or code_kind(name) == "place")
    assert read_role(text, name) == _spec_role(text, name)
    part = re.search(rf"\b(?:in|at|near|from|to|across|of)\s+(?:the\s+)?{re.escape(name)}\b", text)
    assert person_like(text, name) == (name == "Ana Ruiz" and not part)


def test_a_speaker_keeps_its_own_name_when_the_actor_s_name_only_adds_what_is_no_part_of_it() -> None:
    text = (
        "Ruiz Backs Bridge Plan\n\nLONDON — Ana Ruiz, who grew up in London, spoke on Monday. London Ana Ruiz "
        "said: “We will rebuild.” Lorena Paz Akin, a nurse, agreed. “It is time,” Paz Akin said. "
        "Reuters’ Tom Hale wrote that “the vote is close,” Tom Hale said. Republican Jo Banks said “no.”"
    )
    actor = lambda name: Actor(name=name, kind="person", mentions=[])  # noqa: E731
    fields = {
        "actors": [
            actor("Ruiz Backs Bridge Plan"),
            actor("London Ana Ruiz"),
            actor("Lorena Paz Akin"),
            actor("Reuters’ Tom Hale"),
        ],
        "quotes": [
            Quote(text="We will rebuild.", speaker="Ana Ruiz", span=Span(start=0, end=1), match="exact"),
            Quote(text="It is time,", speaker="Paz Akin", span=Span(start=0, end=1), match="exact"),
            Quote(text="the vote is close,", speaker="Tom Hale", span=Span(start=0, end=1), match="exact"),
            Quote(text="no.", speaker="Jo Banks", span=Span(start=0, end=1), match="exact"),
        ],
    }
    linked = link_speakers(text, fields)
    # a place before the name, a headline after it, an owner, a party: not the speaker's name; a first name is
    assert [q.speaker for q in linked["quotes"]] == ["Ana Ruiz", "Lorena Paz Akin", "Tom Hale", "Jo Banks"]
