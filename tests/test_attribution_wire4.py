"""Attribution shapes of the fourth written stress set (evals/wirestress, set 4, modelled on real
reporting; rows S4-… in evals/devsets-attribution.md): a legislator's title before a name, a
quotation paragraph after a reaction ("Pyke smiled."), answers in an interview write-up. The
texts here are made up for these tests."""

from __future__ import annotations

from summarizer.attribution.people import clean_name

from .conftest import quote_speakers as _speakers


def test_a_legislators_title_before_a_name_is_no_part_of_it() -> None:
    assert clean_name("MP Naomi Eze") == "Naomi Eze"
    assert clean_name("MPP Ruth Castellanos") == "Ruth Castellanos"
    assert clean_name("MLA Tom Baird") == "Tom Baird"
    assert clean_name("MP for Nanaimo") == "MP for Nanaimo"  # a riding, not a person: left alone
    text = (
        "MP faces caucus\n\n"
        "Conservative MP Ingrid Solheim-Baker says nobody has called her since the vote.\n\n"
        '"I am in my office every day," Ms. Solheim-Baker said.\n\n'
        "The whip, Aldo Ferrante, said the change was routine.\n\n"
        "Ms. Solheim-Baker was first elected in 2019. She said she gets hundreds of letters.\n\n"
        '"Most of them are kind," she said.\n'
    )
    got = _speakers(text)
    assert got["I am in"] == "Ingrid Solheim-Baker"
    assert got["Most of them"] == "Ingrid Solheim-Baker"  # not the whip, named in between


def test_a_quotation_paragraph_after_a_reaction_is_the_reacting_persons() -> None:
    text = (
        "Rookie wins it\n\n"
        '"He was calm all night," coach Randall Pyke said of the goalie, Theo Vance.\n\n'
        "Asked whether Vance would start again on Sunday, Pyke smiled.\n\n"
        '"Ask me tomorrow."\n\n'
        "Union president Dale Ferris said the offer was never answered. The company said it had considered it.\n\n"
        "Ferris was unimpressed.\n\n"
        '"A pamphlet and a phone number."\n\n'
        "Actress Mona Dey lifted a sign and smiled.\n\n"
        '"Still here," it read.\n'
    )
    got = _speakers(text)
    assert got["Ask me tomorrow."] == "Randall Pyke"
    assert got["A pamphlet and"] == "Dale Ferris"
    assert got["Still here,"] != "Mona Dey"  # the sign's words: "it read" is the quotation's own cue


def test_an_answer_after_a_question_is_the_interviewees() -> None:
    text = (
        "Ten questions for the minister\n\n"
        "Kim Arsenault-Roy, the health minister, is leaving politics. The Star spoke with Ms. Arsenault-Roy on Friday.\n\n"
        "Why now?\n\n"
        '"Because I said I would serve two terms."\n\n'
        "Her deputy, Paul Okonkwo, said in a statement that the ministry would miss her.\n\n"
        "Will you run again?\n\n"
        '"No. I will garden."\n\n'
        "At a scrum later, Lena Voss, the premier, was asked about the vacancy.\n\n"
        'Reporter: "Who replaces her?".\n\n'
        '"Someone good. We will say next week.".\n'
    )
    got = _speakers(text)
    assert got["Because I said"] == "Kim Arsenault-Roy"  # the one the paragraph before names
    assert got["No. I will"] == "Kim Arsenault-Roy"  # the previous answer's, not the deputy's
    assert got["Someone good. We"] == "Lena Voss"  # after a reporter's quoted question: the one asked


def test_an_age_nobody_was_given_describes_the_person_the_paragraph_above_names() -> None:
    text = (
        "Mill closes\n\n"
        "WHITECOURT, Alta. -- The whistle blew for the last time on Friday, and Gerald Vos was standing beside digester No. 2.\n\n"
        '"I just felt tired," the 58-year-old millwright said.\n\n'
        "Union president Dale Ferris, 61, said the offer was never answered.\n\n"
        "Carleton's Eli Mensah hit two free throws to seal it after Ferris's nephew fouled out.\n\n"
        '"I wasn\'t scared," the 18-year-old said.\n\n'
        '"Nothing was answered," the 61-year-old said.\n'
    )
    got = _speakers(text)
    assert got["I just felt"] == "Gerald Vos"  # no one is 58: the one the paragraph above names
    assert got["I wasn't scared,"] == "Eli Mensah"
    assert got["Nothing was answered,"] == "Dale Ferris"  # an age the article gave is read as before
