"""Claim holders whose cue is no verb of saying (rows H1 on in evals/devsets-attribution.md, from
PolNeAR's study half). Who holds a stance is named; the doer of a plain action is not. Made-up text."""

from __future__ import annotations

from .test_claims_coverage import source_of

STORY = (
    "Harbour notes\n\n"
    "Quell Stands Firm On Port Tax Despite Protests.\n\n"
    "Governor Marta Quell opened the harbour session in Keswater on Monday. Her rival, Senator Owen "
    "Brandt, spent the day in Lorne.\n\n"
)


def test_an_evaluation_said_with_a_fixed_phrase_is_held_by_its_subject() -> None:
    """H1: "makes no apologies for", "has nothing but praise for", "has the right idea on" and a
    headline's "Stands Firm On" make their subject the holder, as "defends" or "backs" would."""
    text = STORY + (
        "Owen Brandt, who chairs the fisheries committee, makes no apologies for opposing the port tax.\n\n"
        "Critics say Quell has the right idea on harbour dredging but not on the tax.\n\n"
        "Brandt has nothing but praise for the crews who kept the quay open.\n"
    )
    assert source_of(text, "Quell Stands Firm") == "Marta Quell"
    assert source_of(text, "Owen Brandt, who chairs") == "Owen Brandt"
    assert source_of(text, "Brandt has nothing but praise") == "Owen Brandt"
    assert source_of(text, "Critics say Quell") == "Critics"  # the sentence's first holder, not Quell


def test_a_plain_action_or_a_passing_phrase_gains_no_holder() -> None:
    """H1's phrases are whole: "stands on the quay" and "has an idea" hold nothing."""
    text = STORY + (
        "Brandt stands on the quay every morning before the boats leave harbour.\n\n"
        "Quell stood on the quay with the crews until the last boat left.\n"
    )
    assert source_of(text, "Brandt stands on the quay") is None
    assert source_of(text, "Quell stood on the quay") is None


def test_a_body_named_with_the_after_a_time_or_a_comma_and_holds_its_clause() -> None:
    """H2: "In May, the Harbour Authority proposed …", "…, and the Fisheries Board stressed …": a
    body's name after a lower-case "the" is the clause's subject, in full (not "Authority"); not
    in a joint subject ("Both the X and the Y have asserted": the sentence names two) nor before an
    act ("the Port Council issued a permit")."""
    text = STORY + (
        "In May, the Keswater Harbour Authority proposed a levy of two dollars per tonne on every "
        "cargo landed.\n\n"
        "The crews have a month to appeal, and the Lorne Fisheries Board stressed that no licence "
        "has been cancelled.\n\n"
        "Both the Keswater Harbour Authority and the Lorne Fisheries Board have asserted that the "
        "quay is safe.\n\n"
        "On Friday, the Keswater Port Council issued a permit for the new slipway beside the quay.\n"
    )
    assert source_of(text, "In May, the Keswater") == "Keswater Harbour Authority"
    assert source_of(text, "The crews have a month") == "Lorne Fisheries Board"
    assert source_of(text, "Both the Keswater") != "Lorne Fisheries Board"
    assert source_of(text, "On Friday, the Keswater Port Council") is None


def test_a_plan_to_do_something_is_held_by_its_subject() -> None:
    """H3: "X plans to double the levy" is X's intention, held as "intends to" is (before, only a
    verb of saying after "plans to" was read: "plans to call for")."""
    text = STORY + "On Tuesday, Quell plans to double the harbour levy on every cargo landed at the quay.\n"
    assert source_of(text, "On Tuesday, Quell plans") == "Marta Quell"
