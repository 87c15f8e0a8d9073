"""Every matching rule of the eval, with near misses that must not match."""

from __future__ import annotations

import pytest

from summarizer.labels import LabelActor, LabelClaim, LabelFigure, LabelQuote, Labels
from summarizer.models import Actor, Claim, Figure, Meta, Quote, Span, Summary
from summarizer.scoring import (
    CLAIM_F1,
    QUOTE_F1,
    actor_matches,
    content_tokens,
    score,
    speaker_matches,
    token_f1,
    tokens,
)

ACTORS = [
    LabelActor(name="Joe Biden", aliases=["Biden", "President Joe Biden"], kind="person"),
    LabelActor(name="Jen Psaki", aliases=["Psaki"], kind="person"),
    LabelActor(name="Associated Press", aliases=[], kind="organization"),
]
ARTICLE = (
    "Biden warned that it would be “very, very tough” for Putin. The Associated Press said 175,000 troops "
    "and 3.5 million dollars, or 12% of the budget, were involved. “It would certainly be a chance,” Psaki said."
)


def meta() -> Meta:
    return Meta(model="m", prompt_version="p", schema_version="s")


def span(text: str) -> Span:
    start = ARTICLE.index(text)
    return Span(start=start, end=start + len(text))


def test_token_f1() -> None:
    assert token_f1(["a", "b"], ["a", "b"]) == 1.0
    assert token_f1(["a", "b", "c", "d"], ["a", "b"]) == pytest.approx(2 / 3)
    assert token_f1([], ["a"]) == 0.0


@pytest.mark.parametrize(
    ("predicted", "labelled", "match"),
    [
        ("very, very tough", "“very, very tough”", True),
        ("Very very tough.", "very, very tough", True),
        ("It would certainly be a chance", "It would certainly be a chance,", True),
        ("very tough", "very, very tough", True),  # 2 of 3 tokens: F1 0.8
        ("tough", "very, very tough", False),  # near miss: F1 0.5
        # one word in six changed still matches (F1 0.83): the rule measures wording overlap
        ("It would certainly be a problem", "It would certainly be a chance", True),
        ("a problem", "It would certainly be a chance", False),
    ],
)
def test_quote_matching_rule(predicted: str, labelled: str, match: bool) -> None:
    assert (token_f1(tokens(predicted), tokens(labelled)) >= QUOTE_F1) is match


@pytest.mark.parametrize(
    ("predicted", "labelled", "ok"),
    [
        ("Joe Biden", "Joe Biden", True),
        ("Biden", "Joe Biden", True),
        ("President Biden", "Joe Biden", True),
        ("President Joe Biden", "Joe Biden", True),
        ("Psaki", "Jen Psaki", True),
        ("White House Press Secretary Jen Psaki", "Jen Psaki", True),
        ("Putin", "Joe Biden", False),
        ("Jen", "Jen Psaki", False),  # a first name alone is too short to count
        (None, "Joe Biden", False),
        ("Joe Biden", None, False),
        (None, None, True),
    ],
)
def test_speaker_rule(predicted: str | None, labelled: str | None, ok: bool) -> None:
    assert speaker_matches(predicted, labelled, ACTORS) is ok


@pytest.mark.parametrize(
    ("names", "label", "ok"),
    [
        (["Biden"], ACTORS[0], True),
        (["the Associated Press"], ACTORS[2], True),
        (["AP"], ACTORS[2], False),
        (["Press"], ACTORS[2], True),  # a whole-word suffix of 4+ characters matches, by the stated rule
        (["Pres"], ACTORS[2], False),  # not a whole word
        (["Joe Bidenn"], ACTORS[0], False),
    ],
)
def test_actor_rule(names: list[str], label: LabelActor, ok: bool) -> None:
    assert actor_matches(names, label) is ok


# Hand-judged claim pairs used to calibrate CLAIM_F1 (see scoring's module docstring).
SAME = [
    ("Russia is planning an invasion of Ukraine with 100 battalions.",
     "Russia is planning an invasion of Ukraine involving 100 battalion tactical units, armor, artillery and equipment."),
    ("Biden said an invasion would be very tough for Putin.",
     "Biden warned that invading Ukraine would be very, very tough for Putin."),
    ("Ukraine's defense minister says 94,300 Russian troops are near Ukraine.",
     "Russian troops near Ukraine and in Crimea number 94,300, according to Reznikov."),
    ("The Washington Post first reported the findings.",
     "The Washington Post was the first to report the intelligence findings."),
]  # fmt: skip
DIFFERENT = [
    ("Russia is planning an invasion of Ukraine with 100 battalions.",
     "Biden and Putin may meet next week."),
    ("Biden said an invasion would be very tough for Putin.",
     "Putin will seek guarantees against NATO expansion into Ukraine."),
    ("Ukraine's defense minister says 94,300 Russian troops are near Ukraine.",
     "Russian propaganda targeting Ukraine and NATO has spiked."),
    ("Russia denied preparing military action.",
     "Russia's plan includes armor, artillery and equipment."),
]  # fmt: skip


def claim_f1(a: str, b: str) -> float:
    return token_f1(content_tokens(a), content_tokens(b))


def test_claim_threshold_separates_hand_judged_pairs() -> None:
    same = [claim_f1(a, b) for a, b in SAME]
    different = [claim_f1(a, b) for a, b in DIFFERENT]
    assert min(same) >= CLAIM_F1 > max(different), (same, different)


def test_figure_values_are_normalised_and_units_reported_separately() -> None:
    labels = Labels(
        quotes=[],
        figures=[
            LabelFigure(text="175,000", value=175000, unit="troops", measures="Russian troops"),
            LabelFigure(text="3.5 million", value=3_500_000, unit="dollars", measures="money involved"),
            LabelFigure(text="12%", value=12, unit="%", measures="share of the budget"),
        ],
        actors=ACTORS,
        claims=[LabelClaim(text="x", attributed_to=None)],
        key_points=["x"],
    )
    summary = Summary(
        summary="s",
        figures=[
            Figure(text="175,000", value=175000.0, unit="troop", measures="troops", span=span("175,000")),
            Figure(text="3.5 million", value=None, unit="USD", measures="money", span=span("3.5 million")),
            Figure(text="12%", value=12.0, unit="percent", measures="budget share", span=span("12%")),
            Figure(text="12%", value=1.2, unit="%", measures="near miss value", span=span("12%")),
        ],
        meta=meta(),
    )
    s = score("t", ARTICLE, summary, labels)
    f = s.fields["figures"]
    assert (f.tp, f.n_pred, f.n_gold) == (3, 4, 3)
    assert f.extra["unit_accuracy"] == [1.0, 0.0, 1.0]  # troop~troops, USD!~dollars, percent~%


def test_figure_type_and_source_accuracy_count_only_labels_that_give_them() -> None:
    import json

    figures = json.loads(
        '[{"text": "175,000", "value": 175000, "type": "count", "source": "Oleksii Reznikov"},'
        ' {"text": "12%", "value": 12, "type": "percent", "source": null},'
        ' {"text": "3.5 million", "value": 3500000}]'
    )
    labels = Labels(
        quotes=[],
        figures=[LabelFigure.model_validate(f) for f in figures],
        actors=[*ACTORS, LabelActor(name="Oleksii Reznikov", aliases=["Reznikov"], kind="person")],
        claims=[LabelClaim(text="x", attributed_to=None)],
        key_points=["x"],
    )
    summary = Summary(
        summary="s",
        figures=[
            Figure(text="175,000", value=175000.0, type="count", source="Reznikov", span=span("175,000")),
            Figure(text="12%", value=12.0, type="ratio", source="the ministry", span=span("12%")),
            Figure(text="3.5 million", value=3.5e6, type="money", source="Reznikov", span=span("3.5 million")),
        ],
        meta=meta(),
    )
    f = score("t", ARTICLE, summary, labels).fields["figures"]
    assert f.tp == 3
    # the third label gives neither a type nor a source (not even null): it counts for neither
    assert f.extra["type_accuracy"] == [1.0, 0.0]
    assert f.extra["source_accuracy"] == [1.0, 0.0]  # "Reznikov" names the labelled actor; null was right
    assert {"type_accuracy": 0.5, "source_accuracy": 0.5}.items() <= f.as_dict().items()


def test_quotes_and_speakers_scored_with_aliases() -> None:
    labels = Labels(
        quotes=[
            LabelQuote(text="very, very tough", speaker="Joe Biden"),
            LabelQuote(text="It would certainly be a chance,", speaker="Jen Psaki"),
        ],
        figures=[],
        actors=ACTORS,
        claims=[LabelClaim(text="Biden warned it would be very tough for Putin.", attributed_to="Joe Biden")],
        key_points=["Biden warned it would be tough for Putin"],
    )
    summary = Summary(
        summary="Biden warned that it would be tough for Putin.",
        quotes=[
            Quote(text="very, very tough", speaker="Biden", span=span("very, very tough")),
            Quote(text="It would certainly be a chance", speaker="Putin", span=span("It would certainly be a chance")),
        ],
        actors=[Actor(name="Biden", kind="person", mentions=[span("Biden")])],
        claims=[
            Claim(text="Biden said it would be very tough for Putin.", attributed_to="Biden", evidence=[span("Biden")])
        ],
        meta=meta(),
    )
    s = score("t", ARTICLE, summary, labels)
    q = s.fields["quotes"]
    assert (q.tp, q.precision, q.recall) == (2, 1.0, 1.0)
    assert q.extra["speaker_accuracy"] == [1.0, 0.0]
    assert s.speaker_misses == [{"quote": "It would certainly be a chance,", "expected": "Jen Psaki", "got": "Putin"}]
    assert s.fields["actors"].recall == pytest.approx(1 / 3)
    assert s.fields["claims"].tp == 1
    assert s.key_point_coverage == 1.0
    assert s.grounding_rate == 1.0 and s.hallucinations == 0


def test_hallucination_and_grounding_rate() -> None:
    labels = Labels(quotes=[], figures=[], actors=[], claims=[LabelClaim(text="x")], key_points=["x"])
    summary = Summary(
        summary="s",
        quotes=[Quote(text="never said this", speaker=None, span=Span(start=0, end=15))],
        meta=meta(),
    )
    s = score("t", ARTICLE, summary, labels)
    assert s.hallucinations == 1
    assert s.grounding_rate == 0.0
