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


def test_a_first_name_alone_beside_a_described_owners_kin_or_an_age_is_a_person() -> None:
    # S8-3: "The rookie's father, Tomas," and "eight-year-old Juniper" are people "he/she" can mean
    text = (
        "Rookie's family fills a section\n\n"
        "Defender Hanna Virtanen scored the only goal of the first period.\n\n"
        "The rookie's father, Tomas, waited outside the dressing room with a program.\n\n"
        '"She told us not to make signs, and of course we made signs," he said.\n\n'
        "The family moved to Burnaby for eight-year-old Juniper, who needs treatment twice a week.\n\n"
        "Juniper, who was drawing at the kitchen table, had a question of her own for the reporter.\n\n"
        '"Are you going to put my drawing of the dog on TV?" she asked.\n'
    )
    got = _speakers(text)
    assert got["She told us"] == "Tomas"  # not the defender named before him
    assert got["Are you going"] == "Juniper"


def test_a_body_that_did_not_discuss_someones_case_but_said_is_the_body() -> None:
    # S8-3: the person a body's clause talks about ("Juniper's case") is not the one who says
    text = (
        "Province refuses drug for girl\n\n"
        "The family moved to Burnaby for eight-year-old Juniper, who needs treatment twice a week.\n\n"
        "In a statement, the Ministry of Health did not discuss Juniper's case but said \"decisions about "
        'coverage are made on the advice of independent clinical experts."\n'
    )
    got = _speakers(text)
    assert got["decisions about coverage"] == "Ministry of Health"  # not Juniper


def test_an_unnamed_person_introduced_by_a_description_is_the_later_cues_speaker() -> None:
    # S8-4: "the man said" after "a man in his 40s who …, said" is him, not the man named earlier;
    # "he says" after "A neighbouring shop owner, who …, told me …" is the shop owner's
    text = (
        "Fire guts apartment block\n\n"
        "Neighbours identified the man as Harold Ostby-Lund, who lives across the hall.\n\n"
        "A second tenant, a man in his 40s who declined to give his name, said he was woken by the smoke.\n\n"
        '"I sleep with the window open and it still took a while," the man said.\n\n'
        "A neighbouring shop owner, who asked not to be named, told me she had worried about the building "
        'for years, calling the wiring "a disaster waiting to happen."\n\n'
        "Last winter she reported it to the city.\n\n"
        '"Nobody ever came to look at it, not once in two years," she says.\n'
    )
    got = _speakers(text)
    assert got["I sleep with"] == "a man in his 40s who declined to give his name"  # not Harold Ostby-Lund
    assert got["Nobody ever came"] == "A neighbouring shop owner"


def test_a_named_persons_appositive_introduces_no_unnamed_speaker() -> None:
    text = (
        "City faces cuts\n\n"
        "Tomasz Wierzba, a former city finance manager who now consults for towns, said the cuts are real.\n\n"
        '"You will be choosing which neighbourhood goes without a plow," the former finance manager said.\n'
    )
    assert _speakers(text)["You will be"] == "Tomasz Wierzba"


def test_according_to_names_the_teller_not_the_owner_after_it() -> None:
    # S8-3's guard: "According to Tanya, Maisie's neurologist applied …" then "she said" is Tanya's
    text = (
        "Parents fight for daughter's drug\n\n"
        "Tanya and Eric Boychuk learned last week that the province will not pay for the drug for "
        "seven-year-old Maisie, who has a rare muscle disease.\n\n"
        '"I opened the letter in the parking lot and just sat in the car," Tanya told CTV News on Tuesday.\n\n'
        "Maisie was diagnosed at three, after her daycare noticed she was falling more than other children.\n\n"
        "Tanya left her job as an educational assistant.\n\n"
        "According to Tanya, Maisie's neurologist applied for coverage in August.\n\n"
        '"They told us it would take six to eight weeks, and it took five months," she said.\n'
    )
    assert _speakers(text)["They told us"] == "Tanya"  # not Maisie, whose neurologist applied
