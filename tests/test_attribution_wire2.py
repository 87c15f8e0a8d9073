"""Attribution shapes of the second written stress set (evals/wirestress, set 2; rows W5 on in
evals/devsets-attribution.md): people named by a first name alone, ranks and nationalities in
descriptions, particles glued to a surname. The texts here are made up for these tests."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_a_relative_named_by_first_name_alone_is_the_she_who_speaks() -> None:
    text = (
        "Library branch saved\n\n"
        'Gail Northcott-Ames, the board chair, told the meeting the branch would stay open. "We found the money," she said.\n\n'
        "Omar Haddad brought his family. His daughter, Noor, 10, held up a sign she had painted.\n\n"
        '"I come here every Saturday," she said.\n\n'
        "A second speaker, who gave only her first name, Ingrid, said she had used the branch for 40 years.\n\n"
        '"It kept me sane when my kids were small," she told the board.\n'
    )
    got = _speakers(text)
    assert got["We found the"] == "Gail Northcott-Ames"
    assert got["I come here"] == "Noor"  # not the board chair, the last woman named in full
    assert got["It kept me"] == "Ingrid"


def test_a_first_name_beside_a_kinship_word_is_the_relative_named_in_full() -> None:
    text = (
        "Painter Ruth Kaminski dies at 90\n\n"
        "Kaminski is survived by her husband, Stefan Kaminski, and their son, Adam Kaminski.\n\n"
        '"She painted every morning until last spring," her husband, Stefan, said.\n'
    )
    assert _speakers(text)["She painted every"] == "Stefan Kaminski"  # one person, not a new "Stefan"


def test_an_arabic_article_glued_to_a_surname_stays_in_the_name() -> None:
    text = (
        "Talks resume in Doha\n\n"
        "The delegation was led by Deputy Foreign Minister Karim Mahfouz el-Amin, who arrived on Sunday.\n\n"
        '"We came to listen," el-Amin said. "Nothing is agreed yet."\n\n'
        "Col. Tariq Jaber al-Rashidi, a military adviser, also spoke.\n\n"
        '"The road stays open," al-Rashidi said.\n'
    )
    got = _speakers(text)
    assert got["We came to"] == "Karim Mahfouz el-Amin"  # not "Karim Mahfouz", nor nobody
    assert got["Nothing is agreed"] == "Karim Mahfouz el-Amin"
    assert got["The road stays"] == "Tariq Jaber al-Rashidi"


def test_an_abbreviated_rank_is_the_description_a_later_quote_uses() -> None:
    text = (
        "Base to close\n\n"
        "The plan was announced by Maj.-Gen. Ilse Brandvold, who commands the northern division.\n\n"
        "Mayor Tom Ferris said the town had not been consulted.\n\n"
        '"We will look after every family that has to move," the general said.\n'
    )
    assert _speakers(text)["We will look"] == "Ilse Brandvold"  # not the mayor, nor "the general"


def test_a_nationality_picks_the_one_person_the_article_gave_it() -> None:
    text = (
        "Fishing talks end\n\n"
        "Danish Fisheries Minister Karl Mogensen hosted the talks with his Icelandic counterpart, Ragna Sveinsdóttir.\n\n"
        '"We agreed on the quota," Mogensen said.\n\n'
        "Trade Minister Oskar Lund of Denmark joined them later.\n\n"
        '"The deal is fair to our boats," the Icelandic minister said.\n\n'
        "A Danish minister, speaking later, was less sure.\n"
    )
    got = _speakers(text)
    assert got["We agreed on"] == "Karl Mogensen"
    assert got["The deal is"] == "Ragna Sveinsdóttir"  # not the last minister named


def test_a_described_subject_with_a_capitalised_modifier_is_the_she_who_answers() -> None:
    text = (
        "Border talks end\n\n"
        "Chilean Foreign Minister Paula Irarrázaval met Peru's trade minister, Luis Quispe Mamani, on Friday.\n\n"
        'Quispe Mamani told reporters the meeting had been "useful."\n\n'
        "The Chilean foreign minister was asked whether she expected a deal by June.\n\n"
        '"I expect one by May," she said.\n'
    )
    assert _speakers(text)["I expect one"] == "Paula Irarrázaval"  # not the man named last


def test_the_ceo_is_a_description_not_a_name() -> None:
    text = (
        "Mill to reopen\n\n"
        "The company's chief executive, Dana Roe-Whitman, spoke to reporters at the gate on Monday.\n\n"
        "Union local president Gus Pelletier said workers had been told little.\n\n"
        '"We owe them a straight answer," the CEO said. "They will have one by Friday."\n'
    )
    got = _speakers(text)
    assert got["We owe them"] == "Dana Roe-Whitman"  # not "CEO", nor the union president
    assert got["They will have"] == "Dana Roe-Whitman"


def test_a_he_inside_what_a_named_person_reports_is_that_person() -> None:
    text = (
        "Dam talks stall\n\n"
        "Egypt's water minister, Karim Fahmy, said talks would resume in March.\n\n"
        'In Addis Ababa, government spokesman Dawit Alemu said Ethiopia "welcomed" the delay and urged '
        'neighbours to accept what he called "the river\'s new reality."\n'
    )
    got = _speakers(text)
    assert got["the river's new"] == "Dawit Alemu"  # not the minister named in the sentence before


def test_a_relative_clause_who_said_gives_its_phrase_to_the_person() -> None:
    text = (
        "Potter Ines Varga dies at 88\n\n"
        "Varga's kilns stood behind the family farm near Lethbridge for 50 years.\n\n"
        'She is survived by her brother, Laszlo Varga-Holt, 91, who said she had been "the stubborn one, always."\n'
    )
    assert _speakers(text)["the stubborn one,"] == "Laszlo Varga-Holt"


def test_a_phrase_the_subject_asks_others_to_use_is_the_subjects() -> None:
    text = (
        "Council hears from residents\n\n"
        'Councillor Abena Mensah-Hart opened the meeting by asking residents to "keep it short and kind."\n'
    )
    assert _speakers(text)["keep it short"] == "Abena Mensah-Hart"
