"""Attribution shapes of the third written stress set (evals/wirestress, set 3; rows S3-… in
evals/devsets-attribution.md): long-form features, live blogs, interview write-ups, opinion pieces.
The texts here are made up for these tests."""

from __future__ import annotations

from summarizer.attribution.gender import reported_subject, votes_after

from .conftest import quote_speakers as _speakers


def test_a_gender_comes_from_the_pronoun_that_reports_the_next_quotation() -> None:
    text = (
        "Ferry crew honoured\n\n"
        "Marisol Quenneville-Fry, the ferry's skipper, has run the night crossing for 15 years. Ned Arkwright, a deckhand, joined in May.\n\n"
        '"She taught me to tie every knot on this boat," Arkwright said.\n\n'
        "Quenneville-Fry smiled when told what he had said.\n\n"
        '"He learns fast. He still can\'t park the truck," she said.\n\n'
        "Her first mate, Tobias Lindqvist, said Quenneville-Fry is the best skipper he has sailed with.\n\n"
        '"Nobody reads the weather like her," Lindqvist said.\n\n'
        "The skipper said she would retire next year.\n\n"
        '"Fifteen winters is enough," she said.\n'
    )
    got = _speakers(text)
    assert got["He learns fast."] == "Marisol Quenneville-Fry"  # not Arkwright: "what he had said" is his
    assert got["Fifteen winters is"] == "Marisol Quenneville-Fry"  # "the skipper he has sailed with" is Lindqvist's


def test_the_vote_counts_a_capitalised_pronoun_and_skips_one_a_question_word_opens() -> None:
    blank = " " * 20
    assert votes_after(", a nurse. She is one of six.") == (0, 1)
    assert votes_after(f" laughed when told what he had said. {blank} she said.") == (0, 1)
    assert votes_after(" began by asking how she learned of it.") == (0, 0)
    text = "Lindqvist said Quenneville-Fry is the best. Quenneville-Fry said so."
    first = text.find("Quenneville-Fry")
    assert reported_subject(text, first, first + len("Quenneville-Fry"))
    second = text.rfind("Quenneville-Fry")
    assert not reported_subject(text, second, second + len("Quenneville-Fry"))


def test_as_someone_put_it_gives_the_quotation_to_them() -> None:
    text = (
        "Pool reopens\n\n"
        "Mayor Ana Ruiz backed the repairs. Coun. Tom Okafor voted against them.\n\n"
        'As Okafor put it on Monday, "This is money for a hole in the ground."\n\n'
        'As the mayor put it at a council meeting in October, "We can fix it now or pay twice later."\n'
    )
    got = _speakers(text)
    assert got["This is money"] == "Tom Okafor"
    assert got["We can fix"] == "Ana Ruiz"  # "the mayor", resolved to the mayor the article names
