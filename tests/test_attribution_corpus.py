"""Speaker rules from the hand-labelled Wikinews corpus's study half (evals/devsets-attribution.md,
C1 on; labels in evals/corpusspeakers); made-up texts here."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.attribution import cast_of
from summarizer.fields.base import Context

from .conftest import quote_speakers as _speakers


def test_he_after_a_sentence_ending_in_a_name_means_that_sentences_subject() -> None:
    """C1: "… watch for the MV Sea Lark. He added …": the scanned run "MV Sea Lark. He" is cut at the
    full stop, and the "he" is read where it stands (its sentence before names Bram Cole), not
    where the run started (whose sentence before names Piet Lund)."""
    got = _speakers(
        "Freighter missing\n\n"
        "Piet Lund of Lund Shipping told reporters the company had lost contact with the crew.\n\n"
        "Bram Cole, a port official, on Tuesday told the Harbour Post that fishing boats were asked "
        'to watch for the MV Sea Lark. He added officials "are still waiting for news of the crew".\n'
    )
    assert got["are still waiting"] == "Bram Cole"


def test_a_person_written_two_ways_is_one_person_under_the_spelling_written_most() -> None:
    """C2: a caption spells her "Kathrin Moll", the body "Kathryn Moll" twice: one person, and every
    "Moll said" is Kathryn Moll's; a short form at the start or end of a first name ("Xander" /
    "Alexander") is the same person too, under the longer name when each is written once."""
    got = _speakers(
        "Museum show opens\n\n"
        "Full interview with Kathrin Moll, curator of the show. Audio: Jo Ray.\n\n"
        "The prints were lent by the foundation, said Kathryn Moll, who curated the show with Kathryn Moll's students.\n\n"
        '"He liked the flash," Moll said.\n\n'
        "Alexander Pike, 16, drew the poster. Xander Pike spent weeks on it.\n\n"
        '"It took months," Pike said.\n'
    )
    assert got["He liked the"] == "Kathryn Moll"
    assert got["It took months,"] == "Alexander Pike"
    ctx = Context.of(
        Article.from_text(
            "Show\n\nFull interview with Kathrin Moll. Audio: Jo Ray.\n\nKathryn Moll chose "
            "the prints. Kathryn Moll hung them.\n\nMoll said little.\n"
        )
    )
    molls = [p for p in cast_of(ctx.article.text, ctx.names).people if p.name.endswith("Moll")]
    assert [(p.name, p.forms) for p in molls] == [("Kathryn Moll", {"Kathrin Moll", "Kathryn Moll"})]
    assert len(molls[0].mentions) == 4  # the lone "Moll" is hers


def test_first_names_a_letter_apart_but_short_or_unlike_stay_two_people() -> None:
    """C2 stays narrow: "Jon" / "Jan" (short names) and "Marta" / "Greta" (two letters apart) are
    different people."""
    from summarizer.attribution.people import respelled

    text = "Jon Berg and Jan Berg spoke. Marta Lind and Greta Lind did not. Jon Berg left."
    assert respelled(text, ["Jon Berg", "Jan Berg", "Marta Lind", "Greta Lind"]) == {}
    assert respelled("Kristin Wilkins. Kristen Wilkins. Kristen Wilkins.", ["Kristin Wilkins", "Kristen Wilkins"]) == {
        "Kristin Wilkins": "Kristen Wilkins"
    }


def test_a_phrase_is_said_by_whoever_describes_the_thing_with_it_before_it() -> None:
    """C3: 'with X describing the "…" as making it "…"' (a participle's named subject) and 'described
    by X as "…"' (the agent of a passive verb of naming, named before the phrase): X's words."""
    got = _speakers(
        "Dam work halted\n\n"
        "Repairs stopped on Monday, with Ada Quist describing the “real risk of a breach” as making it "
        "“unsafe to carry on”, and pumps were brought in.\n\n"
        "Gauges showed a pattern described by River Watch as “erratic and hard to read”.\n"
    )
    assert got["real risk of"] == "Ada Quist"
    assert got["unsafe to carry"] == "Ada Quist"
    assert got["erratic and hard"] == "River Watch"
