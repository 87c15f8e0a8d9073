"""Validation failures go back to the model through instructor's re-ask; leftovers are rejected."""

from __future__ import annotations

from summarizer import Settings, Summarizer
from summarizer.backends import ScriptedBackend

from .conftest import ASKED, N_ASKED_PASSES, SEED_FIGURES, pass_of, router

# ASKED: code attributes the seed's four quotations; only the fifth, with nobody beside it, is asked (Q5)
SPEAKERS = {"Q5": "Oleksii Reznikov"}
INVENTED = {"text": "Russia will never invade Ukraine", "speaker": "Joe Biden"}
BAD_QUOTE = {**SPEAKERS, "other": [INVENTED]}


def test_ungrounded_quote_is_reasked_then_the_correct_one_is_kept(settings: Settings) -> None:
    seed_text = ASKED
    backend = ScriptedBackend(router=router({"quotes": [BAD_QUOTE]}))
    summary = Summarizer(settings, backend).summarize(seed_text)

    assert len(summary.quotes) == 5
    for q in summary.quotes:
        assert seed_text[q.span.start : q.span.end] == q.text
    quote_requests = [r for r in backend.requests if pass_of(r) == "quotes"]
    assert len(quote_requests) == 2
    reask = quote_requests[1]["messages"]
    assert "Russia will never invade Ukraine" in reask[-2]["content"]  # the model's own answer
    assert "not found verbatim in the article" in reask[-1]["content"]  # and why it failed
    assert summary.meta.reasks == 1
    assert summary.meta.attempts == N_ASKED_PASSES + 1  # every pass plus one re-ask
    assert summary.rejected == []


def test_item_still_ungrounded_after_last_attempt_moves_to_rejected(tmp_path) -> None:
    settings = Settings(cache_path=tmp_path / "c.sqlite", max_retries=1)
    backend = ScriptedBackend(router=router({"quotes": [BAD_QUOTE, BAD_QUOTE]}))
    summary = Summarizer(settings, backend).summarize(ASKED)

    assert summary.quotes[0].text == "very, very tough"
    assert "Russia will never invade Ukraine" not in [q.text for q in summary.quotes]
    assert len(summary.rejected) == 1
    r = summary.rejected[0]
    assert r.field == "quotes"
    assert r.item["text"] == "Russia will never invade Ukraine"
    assert r.reason == "not found verbatim in the article"
    assert summary.meta.reasks == 1


def test_invalid_json_is_reasked(settings: Settings) -> None:
    backend = ScriptedBackend(router=router({"figures": ['{"F1": "members"', {"F1": "members", "other": []}]}))
    summary = Summarizer(settings, backend).summarize(ASKED)
    assert {f.value for f in summary.figures} == SEED_FIGURES | {12}
    assert [f.unit for f in summary.figures][:2] == ["battalions", "fraction"]  # read by code
    assert summary.figures[-1].unit == "members"  # from the answer to the re-ask
    assert summary.meta.reasks == 1


def test_figure_not_in_article_is_rejected_and_every_actor_is_in_the_article(tmp_path) -> None:
    seed_text = ASKED
    settings = Settings(cache_path=tmp_path / "c.sqlite", max_retries=0)
    backend = ScriptedBackend(
        router=router(
            {
                "figures": [{"F1": "members", "other": [{"text": "250,000", "unit": "troops"}]}],
            }
        )
    )
    summary = Summarizer(settings, backend).summarize(seed_text)
    assert 250000 not in {f.value for f in summary.figures}
    # actors are read by code from the article (scanned names, speakers): each one at its mentions
    assert {"Joe Biden", "Vladimir Putin", "Oleksii Reznikov"} <= {a.name for a in summary.actors}
    for actor in summary.actors:
        assert actor.mentions and all(
            seed_text[m.start : m.end] in (actor.name, *actor.aliases) for m in actor.mentions
        )
    reasons = {(r.field, r.reason) for r in summary.rejected}
    assert ("figures", "the number '250,000' does not occur in the article") in reasons


def test_quote_outside_quotation_marks_is_rejected(tmp_path) -> None:
    settings = Settings(cache_path=tmp_path / "c.sqlite", max_retries=0)
    narrative = {**SPEAKERS, "other": [{"text": "Next week, Biden and Putin may meet.", "speaker": "Joe Biden"}]}
    backend = ScriptedBackend(router=router({"quotes": [narrative]}))
    summary = Summarizer(settings, backend).summarize(ASKED)
    assert "Next week, Biden and Putin may meet." not in [q.text for q in summary.quotes]
    assert summary.rejected[0].reason == "in the article but not inside quotation marks"


def test_output_cut_at_max_tokens_keeps_complete_items(tmp_path) -> None:
    settings = Settings(cache_path=tmp_path / "c.sqlite", max_retries=0)
    cut = '{"F1": "members", "other": [{"text": "nine'

    def route(request):
        return cut if pass_of(request) == "figures" else router()(request)

    class CutBackend(ScriptedBackend):
        def create(self, **kwargs):
            response = super().create(**kwargs)
            if pass_of(kwargs) == "figures":
                response.choices[0].finish_reason = "length"
            return response

    summary = Summarizer(settings, CutBackend(router=route)).summarize(ASKED)
    # every number code found is kept with the unit and measures code reads; the unit written
    # before the cut is kept for the number code could not read one for
    assert {f.value for f in summary.figures} == SEED_FIGURES | {12}
    assert [f.unit for f in summary.figures][:2] == ["battalions", "fraction"]
    assert summary.figures[-1].unit == "members"
    assert all(f.measures for f in summary.figures)
    assert any("cut off" in r.reason for r in summary.rejected)


def test_quotes_are_copied_by_code_and_attribution_beside_them_wins(settings: Settings, seed_text: str) -> None:
    backend = ScriptedBackend(router=router({"quotes": [{"other": []}]}))
    summary = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(seed_text)
    texts = [q.text for q in summary.quotes]
    assert texts[0] == "very, very tough" and texts[3] == "large-scale escalation"
    assert texts[1].startswith("What I’m doing is putting together")
    for q in summary.quotes:
        assert seed_text[q.span.start : q.span.end] == q.text
    # Q1 sits in "Biden warned on Friday that … “very, very tough”", Q2 is followed by "Biden told
    # reporters", Q3 by "White House Press Secretary Jen Psaki said"; Q4 has nothing beside it,
    # but its sentence is "…, according to Ukrainian Defense Minister Oleksii Reznikov, who warned
    # that a “large-scale escalation” …": code reads all four, so the quotes pass is not called
    assert "quotes" not in {pass_of(r) for r in backend.requests}
    assert [q.speaker for q in summary.quotes] == ["Joe Biden", "Joe Biden", "Jen Psaki", "Oleksii Reznikov"]
    assert summary.rejected == []


UNDECIDED = (
    "Council member Ana Ruiz and Mayor Ben Ortiz met on Monday. Members debated for hours.\n\n"
    "“It is over. We have lost the bridge.”"
)


def test_the_model_picks_an_undecided_speaker_from_the_people_the_article_names(settings: Settings) -> None:
    backend = ScriptedBackend(router=router({"quotes": [{"Q1": "Ben Ortiz", "other": []}]}))
    summary = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(UNDECIDED)
    assert [q.speaker for q in summary.quotes] == ["Ben Ortiz"]
    request = next(r for r in backend.requests if pass_of(r) == "quotes")
    user = request["messages"][-1]["content"]
    # "not said" first (a small model picks a listed name otherwise), then nearest first, with its
    # paragraph and the one before
    assert "choose from: not said; Ben Ortiz; Ana Ruiz" in user
    assert "Council member Ana Ruiz and Mayor Ben Ortiz met on Monday" in user.split("TASK:")[1]


def test_not_said_is_a_choice_and_leaves_the_speaker_empty(settings: Settings) -> None:
    backend = ScriptedBackend(router=router({"quotes": [{"Q1": "not said", "other": []}]}))
    summary = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(UNDECIDED)
    assert [q.speaker for q in summary.quotes] == [None]
    assert not any(r.field in ("quotes", "Q1") for r in summary.rejected) and summary.meta.reasks == 0


def test_a_speaker_the_article_never_names_cannot_be_chosen(settings: Settings) -> None:
    backend = ScriptedBackend(router=router({"quotes": [{"Q1": "Angela Merkel", "other": []}]}))
    summary = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(UNDECIDED)
    assert [q.speaker for q in summary.quotes] == [None]  # the enum refused it; nothing invented
    assert any(r.field in ("quotes", "Q1") and "Angela Merkel" in str(r.item) for r in summary.rejected)


def test_article_without_quotation_marks_makes_no_quotes_call(settings: Settings) -> None:
    text = "The council voted on Monday to close the bridge. Repairs will cost 2 million dollars."
    backend = ScriptedBackend(router=router())
    summary = Summarizer(settings, backend).summarize(text)
    assert summary.quotes == []
    # nor a figures call: code reads the one number's unit, and the figure is still there
    assert {pass_of(r) for r in backend.requests} == {"claims", "summary"}
    assert [(f.text, f.unit, f.type) for f in summary.figures] == [("2 million", "USD", "money")]


def test_wordy_or_broken_figure_units_keep_every_figure(settings: Settings, tmp_path) -> None:
    wordy = "members of the panel judging the plan " * 3  # 114 characters
    backend = ScriptedBackend(router=router({"figures": [{"F1": wordy, "other": []}]}))
    summary = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(ASKED)
    unit = summary.figures[-1].unit or ""
    assert 0 < len(unit) <= 40 and wordy.startswith(unit)  # clipped at a word
    other = settings.model_copy(update={"max_retries": 0, "cache_path": tmp_path / "other.sqlite"})
    backend = ScriptedBackend(router=router({"figures": [{"F1": 5, "other": []}]}))
    summary = Summarizer(other, backend).summarize(ASKED)
    assert {f.value for f in summary.figures} == SEED_FIGURES | {12}
    assert summary.figures[-1].unit is None  # F1 was invalid: kept without a unit, and listed as rejected
    assert any(r.field == "F1" and r.reason.startswith("invalid") for r in summary.rejected)
