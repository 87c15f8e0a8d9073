"""Wire-copy shapes of attribution (evals/devsets-attribution.md, W1 on; evals/wirestress): titles
and particles inside names, capitalised adjectives in descriptions, pronouns, descriptions. The
texts here are made up for these tests."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_an_abbreviated_rank_before_a_name_does_not_cut_it() -> None:
    text = (
        "Bridge closed after crash\n\n"
        "A truck hit the Elm Street bridge early Monday, police said.\n\n"
        '"Nobody was hurt, but the deck is cracked," said RCMP Cpl. Nadia Okonjo-Baird. "Stay away from it."\n\n'
        '"We are looking for the driver," Const. Piet Vandermolen, a city police spokesman, told reporters.\n\n'
        "Insp. Wren Castellanos said the road would stay closed for a week.\n\n"
        '"Engineers will be there all night," Castellanos said.\n'
    )
    got = _speakers(text)
    assert got["Nobody was hurt,"] == "Nadia Okonjo-Baird"  # not "RCMP Cpl"
    assert got["Stay away from"] == "Nadia Okonjo-Baird"
    assert got["We are looking"] == "Piet Vandermolen"  # not "Const"
    assert got["Engineers will be"] == "Wren Castellanos"


def test_a_name_with_a_portuguese_particle_stays_whole() -> None:
    text = (
        "Rovers fall at home\n\n"
        "Brazilian forward Joana Pereira das Neves scored twice for the visitors on Saturday.\n\n"
        "Pereira das Neves, who joined in May, was pleased.\n\n"
        '"We pressed them all game," she said.\n'
    )
    assert _speakers(text)["We pressed them"] == "Joana Pereira das Neves"  # not "Joana Pereira"


def test_a_capitalised_adjective_in_a_description_is_no_speaker() -> None:
    text = (
        "Keeper takes the blame\n\n"
        "Rovers goalkeeper Ingrid Solvang could not hold a long throw in the 74th minute.\n\n"
        "Solvang took the blame for the equalizer.\n\n"
        '"I went to catch it and it slipped," said the Norwegian keeper. "That one is on me."\n\n'
        '"We were the better side," a Rovers defender told reporters, pointing to Coach Amos Tindall.\n'
    )
    got = _speakers(text)
    assert got["I went to"] == "Ingrid Solvang"  # not "Norwegian"
    assert got["That one is"] == "Ingrid Solvang"
    assert got["We were the"] != "Amos Tindall"  # named after the verb, not the defender


def test_a_time_opening_a_sentence_is_no_body() -> None:
    text = (
        "Rent program criticized\n\n"
        "Housing advocates said the program was too small.\n\n"
        "Later Tuesday, the minister's press secretary, Dario Keskinen-Obi, responded to the criticism "
        "in a statement.\n\n"
        '"The minister has been clear that this is one tool among many," the statement said.\n'
    )
    assert _speakers(text)["The minister has"] == "Dario Keskinen-Obi"  # not "Later Tuesday"


def test_pronouns_go_to_the_speaker_not_a_body_an_owner_or_the_one_addressed() -> None:
    text = (
        "Ferry review ordered\n\n"
        "Premier Hamish Oduya ordered a review of the ferry service on Tuesday.\n\n"
        "Harbour Transit spokeswoman Lise Morrow-Tan told reporters the corporation would cooperate.\n\n"
        '"We welcome the review," she said.\n\n'
        "Oduya's aunt, Gwen Oduya, said her nephew had been angry for days.\n\n"
        '"He called me at midnight," she said.\n\n'
        "The premier said he would not prejudge the review and that he had spoken with Colm Reddy on Monday.\n\n"
        '"I want answers, not a scapegoat," he said.\n'
    )
    got = _speakers(text)
    assert got["We welcome the"] == "Lise Morrow-Tan"  # not the body before her role
    assert got["He called me"] == "Gwen Oduya"  # not the owner of "Oduya's aunt"
    assert got["I want answers,"] == "Hamish Oduya"  # the premier, not Colm Reddy


def test_an_answer_is_not_the_askers_and_the_one_told_is_not_the_speaker() -> None:
    text = (
        "Fraud trial hears from investor\n\n"
        "Nell Ashgrove, 71, testified on Wednesday that she lost her savings.\n\n"
        '"Did you ask him about the statements?" Crown attorney Ruth Okoye asked.\n\n'
        '"Many times. He always had a reason," she replied.\n\n'
        "Talk-show host Sean Corliss asked Mayor Dan Pruitt how high the seawall would be.\n\n"
        '"Six metres, at least," he told Corliss.\n'
    )
    got = _speakers(text)
    assert got["Many times. He"] == "Nell Ashgrove"  # not the asker
    assert got["Six metres, at"] == "Dan Pruitt"  # not the one he told


def test_a_judges_gender_is_not_read_from_the_clause_she_reports() -> None:
    text = (
        "Coach sentenced\n\n"
        "Anna Lisle, the court clerk, read the charges aloud on Tuesday.\n\n"
        "In her decision, Justice Marguerite Halloran said the referee had done nothing more than his job.\n\n"
        '"That is the entirety of the provocation," she wrote.\n\n'
        'Hockey Northern Ontario said in a statement that the coach "will not be reinstated."\n'
    )
    got = _speakers(text)
    assert got["That is the"] == "Marguerite Halloran"  # "his" was the referee's: she is no man
    assert got["will not be"] == "Hockey Northern Ontario"  # "Northern Ontario" is no person


def test_a_description_cue_is_its_own_speaker_and_resolves_through_the_sentence_before() -> None:
    text = (
        "Choir finds its voice\n\n"
        "One of the singers, Rosa Abad, joined with her daughter, Lina Abad, who is 16.\n\n"
        "“She was shy at first,” Rosa Abad said.\n\n"
        "Her daughter, standing beside her with a folder of music, shrugged.\n\n"
        "“She sings flat sometimes,” the teenager said. “But only on the high notes.”\n"
    )
    got = _speakers(text)
    assert got["She sings flat"] == "Lina Abad"  # not carried on from her mother
    assert got["But only on"] == "Lina Abad"


def test_an_age_given_as_a_description_earlier_names_the_speaker() -> None:
    text = (
        "Lynx take series lead\n\n"
        "Tomi Adeyinka-Ross scored 34 points as the Lynx won 101-94 on Thursday.\n\n"
        "Adeyinka-Ross, in his second season, is averaging 29.4 points in the series. "
        "The 23-year-old shot 12 of 19 from the field.\n\n"
        "Coach Greta Halvorsen praised her bench.\n\n"
        "“People talk about the scoring, but I'm proud of the defence,” the 23-year-old said.\n"
    )
    assert _speakers(text)["People talk about"] == "Tomi Adeyinka-Ross"


def test_a_scraped_paragraph_and_a_statement_from_a_company() -> None:
    text = (
        "Fire displaces dozens\n\n"
        " The building is owned by Harbourside Property Management. According to a statement from the company, "
        "all smoke detectors were inspected in March.\n"
        " .\n"
        ' "We are co-operating fully with the fire marshal," the statement said.\n'
        " .\n"
        " Transit Minister Ravi Sandhu-Obi said problems were found in testing.\n"
        " .\n"
        ' The minister said he would ask officials to release "as much as we possibly can.".\n'
    )
    got = _speakers(text)
    assert got["We are co-operating"] == "Harbourside Property Management"
    assert got["as much as"] == "Ravi Sandhu-Obi"  # the paragraph opens with a space


def test_quotations_continue_a_described_speaker_and_one_the_discourse_found() -> None:
    text = (
        "Man missing in flood\n\n"
        '"Conditions are extremely dangerous," said RCMP Cpl. Dana Whitlock.\n\n'
        "His son stood at the roadblock with a thermos of coffee.\n\n"
        '"He thought he knew that road," said the son, who asked that his name not be used. "We just want him found."\n\n'
        "Later Monday, the minister's press secretary, Kieran Abbot-Sato, responded in a statement.\n\n"
        '"The minister has been clear," the statement said. "It works alongside the rebate."\n'
    )
    got = _speakers(text)
    assert got["We just want"] == got["He thought he"] != "Dana Whitlock"
    assert got["It works alongside"] == "Kieran Abbot-Sato"
