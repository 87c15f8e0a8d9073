"""Speakers nearer the quotation than the clause's subject (evals/devsets-attribution.md, R51-R53):
an appositive after an owner's role, a quotation relayed inside someone's account, "in the words
of X", "So said X", wire copy's "quoted X as saying", a sentence pointing back at the quotation;
made-up texts here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .conftest import quote_speakers

_LEAD = (
    "Bridge stays shut\n\n"
    "Mayor Jane Porter and councillor Tom Reed toured the bridge on Tuesday. It closed last week.\n\n"
)


def _speakers(text: str) -> dict[str, str | None]:
    return quote_speakers(_LEAD + text)


def test_the_person_in_an_appositive_after_an_owners_role_speaks_not_the_owner() -> None:
    got = _speakers(
        "Porter’s spokesman, Ian Cole, said in a statement: “The deck is not safe for trucks.”\n\n"
        "“We will publish the engineers' report,” her chief of staff, Dana Wu, said.\n\n"
        "“The repairs will take all winter,” Porter said.\n"
    )
    assert got["The deck is"] == "Ian Cole"
    assert got["We will publish"] == "Dana Wu"
    assert got["The repairs will"] == "Jane Porter"  # the plain form is unchanged


def test_a_quotation_relayed_in_someones_account_is_the_tellers() -> None:
    got = _speakers(
        "Reed said Porter told him: “The bridge will not reopen before spring.”\n\n"
        "Reed said his daughter told him, “Dad, the river is rising fast.”\n\n"
        "Reed said he told Porter: “Then we need a ferry.”\n"
    )
    assert got["The bridge will"] == "Jane Porter"  # not Reed, who recounts it
    assert got["Dad, the river"] == "his daughter"  # the teller as the article writes her
    assert got["Then we need"] == "Tom Reed"  # "he" is the one who recounts: his own words


def test_in_the_words_of_and_so_said_name_the_speaker() -> None:
    got = _speakers(
        "In the words of Porter, “A bridge is only as good as its weakest bolt.”\n\n"
        "“Nobody crosses until it is fixed.” So said Reed on Wednesday.\n"
    )
    assert got["A bridge is"] == "Jane Porter"
    assert got["Nobody crosses until"] == "Tom Reed"  # not a person called "So"


def test_wire_forms_and_a_sentence_pointing_back_name_the_speaker_a_step_away() -> None:
    got = _speakers(
        "The Gazette quoted Reed as saying “The ferry will run from Monday.”\n\n"
        "According to a statement from Reed's office, “Tolls will be waived.”\n\n"
        "“Nobody should cross on foot.” That's how Reed put it on Wednesday.\n\n"
        "“We were never told about the cracks.” Those were the words of Li Wen, who lives by the river.\n\n"
        "“The council failed us,” the letter read. It was signed by Wen and two neighbours.\n"
    )
    assert got["The ferry will"] == "Tom Reed"  # not the paper that quotes him
    assert got["Tolls will be"] == "Tom Reed"
    assert got["Nobody should cross"] == "Tom Reed"
    assert got["We were never"] == "Li Wen"
    assert got["The council failed"] == "Li Wen"


def test_was_quoted_as_saying_and_a_statement_from_name_the_speaker() -> None:
    got = _speakers(
        "“The ferry will run from Monday,” Reed was quoted as saying.\n\n"
        "In a video posted online, Reed can be heard saying: “Nobody crosses until it is fixed.”\n\n"
        "“Tolls will be waived,” reads a statement from Reed.\n\n"
        "“We regret the delay,” a statement from Reed's office read.\n"
    )
    assert got["The ferry will"] == "Tom Reed"
    assert got["Nobody crosses until"] == "Tom Reed"
    assert got["Tolls will be"] == "Tom Reed"
    assert got["We regret the"] == "Tom Reed"


def test_a_first_name_a_step_away_is_the_one_person_it_begins() -> None:
    got = _speakers(
        "On Monday, engineer Michael Ostrowski inspected the deck.\n\n“It will not hold a truck.” That's how Michael put it.\n"
    )
    assert got["It will not"] == "Michael Ostrowski"


def test_a_second_clause_that_brings_in_the_quotation_with_a_colon_is_its_speaker() -> None:
    got = _speakers(
        "Porter said the deck was safe, but Reed disagreed: “I have seen the cracks myself.”\n\n"
        "Porter said on Monday that the ferry would run: “It starts next week.”\n"
    )
    assert got["I have seen"] == "Tom Reed"  # not Porter, the first clause's speaker
    assert got["It starts next"] == "Jane Porter"  # one clause: its own speaker


def test_a_quotation_right_after_one_inside_a_sentence_continues_its_speaker() -> None:
    got = _speakers(
        "Porter said the deck was safe, but Reed disagreed: “I have seen the cracks myself, all of "
        "them.” “Nobody else went down there.”\n"
    )
    assert got["I have seen"] == "Tom Reed"
    assert got["Nobody else went"] == "Tom Reed"  # not Porter, the subject that opens the sentence


def test_an_answer_to_a_question_put_to_someone_is_theirs() -> None:
    got = _speakers(
        "“Will it open in spring?” Porter asked Reed.\n\n“Not before the engineers are done,” he replied.\n"
    )
    assert got["Will it open"] == "Jane Porter"
    assert got["Not before the"] == "Tom Reed"  # not Porter, who asked


def test_a_quotation_with_no_cue_is_the_person_who_opens_the_sentence_before() -> None:
    got = _speakers(
        "Porter and Reed met on Monday. Reed was furious afterwards. “Nobody asked the people who "
        "live here.”\n\n"
        "Reed also took aim at Porter. “She closed it without a vote.”\n\n"
        "The river rose again on Friday. “We are watching it hourly.”\n"
    )
    assert got["Nobody asked the"] == "Tom Reed"
    assert got["She closed it"] == "Tom Reed"  # not Porter, whom the sentence names as its object
    assert got["We are watching"] is None  # a sentence about the river: no one to give it to


def test_the_stress_variants_keep_the_speaker_and_change_the_form() -> None:
    spec = importlib.util.spec_from_file_location(
        "attribution_nested", Path(__file__).parents[1] / "evals" / "attribution_nested.py"
    )
    assert spec and spec.loader
    nested = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(nested)
    text = 'Ruiz spoke.\n“We go, now,” Ruiz said.\nRuiz said in a statement: “We stay.”\n"No," said Lee.'
    assert nested.RESHAPES["owned"](text) == (
        "Ruiz spoke.\n“We go, now,” the group’s spokesperson, Ruiz, said.\n"
        'The group’s spokesperson, Ruiz, said in a statement: “We stay.”\n"No," said Lee.'
    )
    assert nested.RESHAPES["relayed"](text) == (
        "Ruiz spoke.\nSam Okafor said Ruiz told him: “We go, now.”\n"
        'Sam Okafor said Ruiz told him in a statement: “We stay.”\nSam Okafor said Lee told him: "No."'
    )
    assert nested.RESHAPES["pointed"](text) == (
        "Ruiz spoke.\n“We go, now.” That's how Ruiz put it.\n"
        'Ruiz said in a statement: “We stay.”\nThe paper quoted Lee as saying "No."'
    )
    assert nested.RESHAPES["unmarked"](text) == (
        "Ruiz spoke.\nRuiz did not hold back. “We go, now.”\n"
        'Ruiz said in a statement: “We stay.”\nLee was blunt about it. "No."'
    )
    assert nested.RESHAPES["contrast"]("“We go,” Ruiz said.") == (
        "Sam Okafor said the plan was sound, but Ruiz disagreed: “We go.”"
    )
    assert nested.RESHAPES["answered"]("“We go,” Ruiz said.") == (
        "“What happens now?” Sam Okafor asked Ruiz. “We go,” they replied."
    )
    assert nested.RESHAPES["quoted"]("“A,” Ruiz said. “B,” Ruiz said. “C,” Ruiz said.") == (
        "“A,” Ruiz was quoted as saying. “B,” reads a statement from Ruiz. Ruiz can be heard saying: “C.”"
    )
    assert nested.RESHAPES["titled"]("Ana Ruiz and Lee met. “We go,” Ruiz said. “No,” said Lee.") == (
        "analyst Ana Ruiz and organizer Lee met. “We go,” the analyst said. “No,” the organizer said."
    )
    assert nested.RESHAPES["aged"]("Ruiz and Lee met. “We go,” Ruiz said. “No,” said Lee.") == (
        "Ruiz, 31, and Lee, 32, met. “We go,” the 31-year-old said. “No,” the 32-year-old said."
    )
