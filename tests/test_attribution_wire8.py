"""Attribution shapes of the eighth written stress set (evals/wirestress, set 8, modelled on GGT
study-half articles set 4 did not read; rows S8-… in evals/devsets-attribution.md). The texts
here are made up for these tests."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_a_description_then_a_title_and_a_name_is_the_named_persons() -> None:
    # S8-1: the full stop of "Dr." does not end the sentence before the name it introduces
    text = (
        "Layoffs linked to strokes, study says\n\n"
        "Researchers followed 4,000 workers after plant closures in three towns.\n\n"
        '"The curves separated within a year," said the study\'s lead author, Dr. Ingrid Solvang-Pike, '
        "a neurologist at the University of Regina.\n\n"
        "Another expert was more cautious.\n\n"
        '"It is one study in three towns, and it needs to be repeated," said the panel\'s chair, Prof. Tomas Whitely.\n'
    )
    got = _speakers(text)
    assert got["The curves separated"] == "Ingrid Solvang-Pike"  # not "the study's lead author"
    assert got["It is one"] == "Tomas Whitely"


def test_a_noun_for_someone_else_casts_no_gender_vote() -> None:
    # S8-2: "had a man's name across her wrist" is about her; "a man's" is an owner, not her gender
    text = (
        "Studio covers old tattoos for free\n\n"
        "The studio's bookkeeper, Ruth Okafor-Lind, keeps the waiting list.\n\n"
        '"Every month I tell her we cannot afford it, and every month she does it anyway," Okafor-Lind says.\n\n'
        "Robin Tallcree was on the list for seven months. The 34-year-old support worker had a man's name "
        "across the inside of her left wrist, put there by a boyfriend when she was 19.\n\n"
        '"Every time I handed somebody their change at work, there he was," she says.\n'
    )
    got = _speakers(text)
    assert got["Every time I"] == "Robin Tallcree"  # not the previous speaker, a woman as well
