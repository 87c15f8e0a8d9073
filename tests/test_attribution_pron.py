"""Pronoun shapes of the seventh written stress set (evals/wirestress, set 7, "he/she" and
cue-less paragraphs; row N1 in evals/devsets-attribution.md): someone a quotation names in the
third person, by first name or title and surname, is talked about, not talking. The texts here are
made up for these tests."""

from __future__ import annotations

from summarizer.attribution.cast import Person
from summarizer.attribution.coref import talked_about

from .conftest import quote_speakers as _speakers


def test_he_said_is_not_the_man_the_quotation_run_names_by_first_name() -> None:
    text = (
        "Hawks win in overtime\n\n"
        "Piet Lindahl, the Hawks' goaltender, made 28 saves. His backup, Marcus Oyelowo, had started four games while "
        "Lindahl nursed a sore knee.\n\n"
        '"It was good to get the start," he said. "Marcus was great while I was out."\n'
    )
    got = _speakers(text)
    assert got["It was good"] == "Piet Lindahl"  # not Marcus, whom the second quotation names
    assert got["Marcus was great"] == "Piet Lindahl"


def test_a_widow_reading_about_her_husband_by_first_name_is_the_speaker() -> None:
    text = (
        "Man sentenced in death of cab driver\n\n"
        "Tobias Renner, 61, died after he was pushed outside a bar in 2025.\n\n"
        "Renner's wife, Ilse Renner, read her statement from the witness box.\n\n"
        '"Tobias drove that cab for thirty years," she read. "I still keep his keys by the door."\n'
    )
    got = _speakers(text)
    assert got["Tobias drove that"] == "Ilse Renner"  # her husband is named in it, so not his
    assert got["I still keep"] == "Ilse Renner"


def test_a_transcript_label_is_not_a_mention_of_someone_talked_about() -> None:
    person = Person(name="Dana Whitlock")
    assert not talked_about(person, "Dana Whitlock: We were there first.")
    assert talked_about(person, "Dana was there first.")
    assert talked_about(person, "Ms. Whitlock was there first.")
    assert not talked_about(person, "Whitlock was there first.")  # a bare surname may be a relative's
