"""Speaker rules from the hand-labelled Wikinews corpus's study half (evals/devsets-attribution.md,
R65 on; labels in evals/corpusspeakers); made-up texts here."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields.base import Context


def _speakers(text: str) -> dict[str, str | None]:
    ctx = Context.of(Article.from_text(text))
    return {" ".join(q.text.split()[:3]): who for q, who in zip(ctx.quotes, ctx.speakers, strict=True)}


def test_he_after_a_sentence_ending_in_a_name_means_that_sentences_subject() -> None:
    """R65: "… watch for the MV Sea Lark. He added …": the scanned run "MV Sea Lark. He" is cut at the
    full stop, and the "he" is read where it stands (its sentence before names Bram Cole), not
    where the run started (whose sentence before names Piet Lund)."""
    got = _speakers(
        "Freighter missing\n\n"
        "Piet Lund of Lund Shipping told reporters the company had lost contact with the crew.\n\n"
        "Bram Cole, a port official, on Tuesday told the Harbour Post that fishing boats were asked "
        'to watch for the MV Sea Lark. He added officials "are still waiting for news of the crew".\n'
    )
    assert got["are still waiting"] == "Bram Cole"
