"""Speaker rules kept because they helped both study pools (GGT and PolNeAR's quotations) and both
nested sub-halves (evals/devsets-attribution.md, R31 on); made-up texts here."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_a_naming_participle_is_not_a_speaker_in_the_sentence_before() -> None:
    text = (
        "Senator defends donors\n\n"
        "Maria Olsen spoke to the donors in Reno.\n\n"
        "“Two rich men are paying for ads against me,” Olsen said, referring to a super PAC called "
        "Prosper Now funded by Carl Ebert and Tom Wise. “So they must think I will act.”\n"
    )
    assert _speakers(text)["So they must"] == "Maria Olsen"  # not "PAC" (of "PAC called Prosper Now")


def test_a_phrase_inside_the_attribution_does_not_break_the_chain() -> None:
    text = (
        "School law rewritten\n\n"
        "“People were angry about the rules,” said former Rep. Paul Grady (D-Ore.), one of the original "
        "“big four” negotiators, along with retired Sen. Ann Cole (R-Ohio). “They said, ‘That is our job.’”\n"
    )
    assert _speakers(text)["They said, ‘That"] == "Paul Grady"


def test_an_exclamation_or_question_does_not_end_the_sentence_before_its_speaker() -> None:
    text = (
        "Fans rally in Fresno\n\n"
        "Singer Nadia Brooks led the march down the avenue.\n\n"
        '"To the finish!" Brooks shouted, shorthand for keeping the fight going to the end.\n\n'
        '"Was that fair?" veteran party adviser Tom Hale asked on Twitter.\n\n'
        '"Nobody asked us." Lena Ford said the rest of the party agreed with him.\n'
    )
    got = _speakers(text)
    assert got["To the finish!"] == "Nadia Brooks"
    assert got["Was that fair?"] == "Tom Hale"
    # after a full stop the next sentence's "X said" is X's own statement, not the quotation's cue
    assert got["Nobody asked us."] != "Lena Ford"


def test_a_role_between_two_names_after_the_verb_gives_the_second() -> None:
    text = (
        "Campaign returns gifts\n\n"
        "Sen. Laura Pike returned the money on Friday.\n\n"
        '"We acted out of caution," said Pike campaign manager Evan Stroud.\n\n'
        '"Summary of the night," tweeted Pike spokesman Dana Ruiz on Saturday.\n\n'
        '"We will decide later," said Pike in Boston.\n'
    )
    got = _speakers(text)
    assert got["We acted out"] == "Evan Stroud"
    assert got["Summary of the"] == "Dana Ruiz"
    assert got["We will decide"] == "Laura Pike"  # "in Boston": a place after a preposition, no role


def test_comebacks_and_cries_are_verbs_of_speech() -> None:
    text = (
        "Two neighbours argue\n\n"
        '"Look at this queue," Rita Hale said with a grin, glancing at Omar Keane.\n\n'
        '"They came for the free coffee," Keane shot back.\n'
    )
    assert _speakers(text)["They came for"] == "Omar Keane"


def test_a_sentence_running_past_the_quotation_to_its_cue() -> None:
    text = (
        "Storm cuts power\n\n"
        "Coast Power said in a statement that 40,000 homes were dark on Sunday.\n\n"
        '"Fallen poles have closed several roads" including the harbour route, it said.\n\n'
        '"Crews will work through the night."\n'
    )
    got = _speakers(text)
    assert got["Fallen poles have"] == "Coast Power"
    assert got["Crews will work"] == "Coast Power"  # the next quotation paragraph continues it


def test_a_participle_of_speech_after_a_he_clause_is_his() -> None:
    text = (
        "Player helps at sea\n\n"
        "Ravi Dorn spent the summer with a rescue crew in Spain.\n\n"
        'He voiced his "pride and sorrow" on Twitter, writing "So many people need help out there. I am proud of them."\n'
    )
    assert _speakers(text)["So many people"] == "Ravi Dorn"


def test_a_nationality_or_company_suffix_is_no_persons_last_word() -> None:
    text = (
        "Mining awards grow\n\n"
        "Owen Pratt, a lawyer in Toronto, studies such cases. “There have been large awards,” he said. "
        "Prominent Canadian examples include Kestrel Mining Corp. that lost its mines.\n\n"
        "“The big cases are rare,” he added, “but they happen.”\n"
    )
    got = _speakers(text)
    assert got["The big cases"] == "Owen Pratt"
    assert got["but they happen."] == "Owen Pratt"


def test_a_name_first_seen_on_a_read_more_line_keeps_its_body_mentions() -> None:
    text = (
        "Sentence due in shooting case\n\n"
        "READ MORE: What we know about gunman Victor Lemaire\n\n"
        "Justice Paula Greer will sentence gunman Victor Lemaire on Friday.\n\n"
        "Lemaire had a long fascination with violence. He told doctors the attackers were his “heroes.”\n"
    )
    assert _speakers(text)["heroes."] == "Victor Lemaire"  # not the judge: he is in the Cast


def test_a_clause_opener_is_no_speaker() -> None:
    text = (
        "Station responds\n\n"
        "A statement from the board member Dana Voss said “the station will obey the court.” "
        "When asked about the ruling, she replied the station would “say more next week.”\n"
    )
    assert _speakers(text)["say more next"] == "Dana Voss"  # not "When" (of "When asked")


def test_a_body_and_a_role_after_the_verb_give_the_first_person() -> None:
    text = (
        "Health project grows\n\n"
        "Results so far are “very good,” says Heart and Lung program director Maya Chen, who leads it "
        "with Better Futures Fund and analyst Omar Reyes.\n"
    )
    assert _speakers(text)["very good,"] == "Maya Chen"


def test_the_statement_said_is_the_body_that_issued_it() -> None:
    text = (
        "Juice leaves school menus\n\n"
        "The Northern Juice Association said in a statement that juice is a source of vitamins. "
        "The statement also said that dropping it could have “serious effects on diets.”\n"
    )
    assert _speakers(text)["serious effects on"] == "Northern Juice Association"


def test_a_passive_verb_of_naming_gives_its_agent() -> None:
    text = (
        "Policy criticised\n\n"
        "The plan was described as “a fantasy” by economist Hugh Laird.\n\n"
        "The policy has been called “strategic ambiguity” by Joan Hale, a professor at Lakeview University.\n"
    )
    got = _speakers(text)
    assert got["a fantasy"] == "Hugh Laird"
    assert got["strategic ambiguity"] == "Joan Hale"


def test_whom_a_person_thanks_for_a_phrase_is_not_its_speaker() -> None:
    text = (
        "Volunteers honoured\n\nMayor Rita Olsen thanked the volunteers for their “tireless work” during the flood.\n"
    )
    assert _speakers(text)["tireless work"] == "Rita Olsen"
