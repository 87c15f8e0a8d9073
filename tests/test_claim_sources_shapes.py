"""Claim sources in clause shapes found on the claim-source pool (evals/claimpool, study half):
the holder a sentence gives in a prepositional tail, a passive with a time, an appositive after
an unnamed role, a role owned by the body named after "said". Made-up text throughout."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context

INTRO = (
    "Keswater council met on Monday to debate a levy on ferry tickets. Mayor Dana Whitlock and councillor "
    "Ivo Brandt spoke for an hour, and the Keswater Gazette reported the debate.\n\n"
)


def source_of(body: str, sentence: str) -> str | None:
    """The source the pipeline's context reads (quotes' speakers included) for the body sentence
    that starts with ``sentence``, after the intro."""
    ctx = Context.of(Article.from_text(INTRO + body))
    found = ctx.sources()
    for s in ctx.article.body:
        if s.text.startswith(sentence):
            return found[s.index][0]
    raise AssertionError(f"no sentence starts with {sentence!r}")


def test_a_name_after_per_or_via_is_the_outlet_not_the_speaker() -> None:
    body = (
        '"The ferry has to run in winter, or the island empties," said Ivo Brandt per Harbour Radio.\n\n'
        '"We will not raise fares twice," said Dana Whitlock via Keswater Gazette.\n'
    )
    assert source_of(body, '"The ferry has') == "Ivo Brandt"
    assert source_of(body, '"We will not') == "Dana Whitlock"


def test_the_agent_of_a_passive_verb_of_saying_past_a_time_or_a_medium() -> None:
    body = (
        "The closure of the quay was announced on Friday by the Keswater Harbour Trust.\n\n"
        "A second levy was confirmed in a statement by Dana Whitlock.\n\n"
        "The quay was repaired on Friday by the Keswater Harbour Trust.\n"
    )
    assert source_of(body, "The closure") == "Keswater Harbour Trust"
    assert source_of(body, "A second levy") == "Dana Whitlock"
    assert source_of(body, "The quay was repaired") is None  # a plain action's agent holds nothing


def test_an_unnamed_role_with_a_name_in_apposition_is_that_person() -> None:
    body = (
        "The harbour board met again on Tuesday. Its chair is Tomas Reyes.\n\n"
        "A spokesperson for the harbour board, Tomas Reyes, said the quay would close in May.\n\n"
        "A spokesperson for the harbour board said the quay would reopen in June.\n"
    )
    assert source_of(body, "A spokesperson for the harbour board, Tomas") == "Tomas Reyes"
    assert source_of(body, "A spokesperson for the harbour board said") != "Tomas Reyes"


def test_a_role_owned_by_the_body_named_after_said_is_the_persons() -> None:
    body = (
        '"The levy is fair," said University of Keswater, Northshore\'s chancellor, Pradeep Khosla, at the debate.\n\n'
        '"The levy is late," said Ivo Brandt, the chair of the Keswater Harbour Trust, at the debate.\n'
    )
    assert source_of(body, '"The levy is fair') == "Pradeep Khosla"
    assert source_of(body, '"The levy is late') == "Ivo Brandt"


def test_the_statement_said_is_the_signer_of_the_statement_just_named() -> None:
    body = (
        "In a statement, harbour master Tomas Reyes said the quay would close in May. "
        '"We regret the trouble this causes," the statement said.\n\n'
        "Ivo Brandt said the closure was rushed. Boats were moved to the north pier. Nets were dried. "
        "Crews went home. The statement also said nothing about winter.\n"
    )
    assert source_of(body, '"We regret') == "Tomas Reyes"
    # three sentences later, or after a sentence that names no statement, nothing is carried
    assert source_of(body, "The statement also said") != "Tomas Reyes"
    assert source_of(body, "The statement also said") != "Ivo Brandt"


def test_a_body_and_a_role_before_a_name_leave_the_person_as_the_holder() -> None:
    body = (
        "Harbour Trust chair Tomas Reyes praised the crews for their work. "
        "On Monday, Keswater ferry union head Mila Ostrova called the levy a tax on workers. "
        "Keswater ferry crews repaired the ramp on Monday.\n"
    )
    assert source_of(body, "Harbour Trust chair") == "Tomas Reyes"
    assert source_of(body, "On Monday, Keswater") == "Mila Ostrova"
    assert source_of(body, "Keswater ferry crews") is None  # a plain action, and no person


def test_an_unnamed_role_in_apposition_to_a_name_is_that_person() -> None:
    body = (
        "Tomas Reyes, a harbour official from the north pier, on Tuesday told the Keswater Gazette the quay would "
        "close.\n\nA harbour official from the north pier told the Keswater Gazette the quay would reopen.\n"
    )
    assert source_of(body, "Tomas Reyes, a harbour") == "Tomas Reyes"
    assert source_of(body, "A harbour official") != "Tomas Reyes"


def test_an_unnamed_speaker_for_a_named_body_is_the_body() -> None:
    body = (
        "Ticket sales fell by a third in May, according to a Harbour Trust spokesperson.\n\n"
        "Keswater Ferries officials have stated the boats are safe.\n\n"
        "Keswater Ferries repaired the ramp in May.\n"
    )
    assert source_of(body, "Ticket sales") == "Harbour Trust"
    assert source_of(body, "Keswater Ferries officials") == "Keswater Ferries"
    assert source_of(body, "Keswater Ferries repaired") is None


def test_a_person_of_a_firm_or_a_place_is_the_person() -> None:
    body = (
        "Tomas Reyes of Northshore Marine, a firm that builds ferries, told the council the hull was sound.\n\n"
        "The Bank of Keswater, a lender to the port, told the council the loan was safe.\n"
    )
    assert source_of(body, "Tomas Reyes of") == "Tomas Reyes"
    assert source_of(body, "The Bank of Keswater") == "Bank of Keswater"


def test_according_to_a_report_from_a_body_however_long_the_clause_after_it() -> None:
    body = (
        "Ferry fares rose by a third, according to a report from Keswater Gazette on March 3 in which the paper "
        "listed every fare the harbour board had set since the levy was first proposed.\n\n"
        "According to a poll published by Keswater Gazette last week, most islanders back the levy.\n"
    )
    assert source_of(body, "Ferry fares rose") == "Keswater Gazette"
    assert source_of(body, "According to a poll") == "Keswater Gazette"


def test_further_between_a_subject_and_its_verb() -> None:
    body = (
        "Keswater Gazette further reported that the ferry had failed two inspections.\n\n"
        "Ivo Brandt further warned that the hull was cracked.\n"
    )
    assert source_of(body, "Keswater Gazette further") == "Keswater Gazette"
    assert source_of(body, "Ivo Brandt further") == "Ivo Brandt"


def test_a_verb_of_saying_coordinated_with_a_plain_verb_has_the_same_subject() -> None:
    body = (
        "Ivo Brandt sailed the old ferry for 30 years. He was moved to the north pier in May and said the "
        "quay would never be the same.\n\n"
        "His sister, Mila Ostrova, runs the ticket office and said fares were already too high.\n"
    )
    assert source_of(body, "He was moved") == "Ivo Brandt"
    assert source_of(body, "His sister") == "Mila Ostrova"


def test_remarked_and_requested_make_their_subject_the_holder() -> None:
    body = (
        "Tomas Reyes remarked that ferries are bulky to store in winter.\n\n"
        "Ivo Brandt requested donations for the lifeboat crew on his blog.\n\n"
        "The remark drew laughter from the council.\n"
    )
    assert source_of(body, "Tomas Reyes remarked") == "Tomas Reyes"
    assert source_of(body, "Ivo Brandt requested") == "Ivo Brandt"
    assert source_of(body, "The remark drew") is None


def test_too_between_a_subject_and_its_verb() -> None:
    body = "Tomas Reyes said the hull was sound. Ivo Brandt too suggested a scenario in which the ramp fails.\n"
    assert source_of(body, "Ivo Brandt too") == "Ivo Brandt"
