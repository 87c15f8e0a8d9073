"""Long articles: a splitter linear in the text, limits that agree with the schema, no poisoned cache.

Issue 20, probes 3 and 4: a 198k-character article on one line took 34 s to split (quadratic),
and an article long enough to give an actor 720 mentions produced JSON that failed the published
schema, was cached, and crashed every later run.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import Settings, Summarizer
from summarizer.backends import ScriptedBackend
from summarizer.models import Actor, Claim, Figure, Quote, Span, Summary
from summarizer.text import _Doc, _last_word, split_sentences

from .conftest import N_PASSES, ROOT, SEED, pass_of, router

SCHEMA = json.loads((ROOT / "schemas" / "summary.schema.json").read_text(encoding="utf-8"))
OLD_WORD_RE = re.compile(r"([\w.]+)[.!?][\"”’')\]]*\s*$")  # what the splitter searched per cut before


def one_line(chars: int) -> str:
    flat = SEED.read_text(encoding="utf-8").replace("\n", " ")
    return (flat * (chars // len(flat) + 1))[:chars]


@pytest.mark.parametrize(
    "text",
    [one_line(200_000), "Mr. " * 50_000, "A. B. C. " * 22_000, "Headline here\n" * 14_000, "end.The " * 25_000],
    ids=["seed-on-one-line", "abbreviations", "initials", "short-lines", "glued"],
)
def test_splitting_200k_characters_is_not_quadratic(text: str) -> None:
    """A guard against the quadratic splitter coming back (34 s on one line), not a speed
    measurement: linear work takes 0.05-0.25 s here, and a loaded CI machine must not fail it."""
    started = time.perf_counter()
    sentences = split_sentences(text)
    took = time.perf_counter() - started
    assert took < 10.0, f"{took:.2f} s"
    assert sentences and all(text[s.start : s.end] == s.text for s in sentences)


_ALPHABET = st.sampled_from(["Mr", "U.S", "A", "no", "x", ".", "!", "?", '"', "”", ")", " ", "\n", "%", "é", "_", "1"])


@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_last_word_reads_what_the_old_search_found(text: str) -> None:
    old = OLD_WORD_RE.search(text)
    assert _last_word(text, 0, len(text)) == (old.group(1) if old else None)


@given(st.lists(st.sampled_from(["a", " ", "\n", ".", "\t"]), max_size=20).map("".join), st.integers(0, 20))
def test_more_lines_after_is_the_old_test(text: str, end: int) -> None:
    end = min(end, len(text))
    assert _Doc(text).more_lines_after(end) == ("\n" in text[end:].strip())


def test_models_keep_lists_and_text_within_the_schema() -> None:
    spans = [Span(start=i, end=i + 1) for i in range(720)]
    actor = Actor(name="Ana Ruiz", mentions=spans, aliases=[f"R{i}" for i in range(30)])
    assert len(actor.mentions) == 500 and len(actor.aliases) == 20
    # made without validation (as merging does), then put in a Summary: fitted there
    grown = actor.model_copy(update={"mentions": spans})
    quotes = [Quote(text="x", span=Span(start=i, end=i + 1)) for i in range(350)]
    figures = [
        Figure(text="1", span=Span(start=i, end=i + 1), conflicts_with=[i + 1] if i % 2 == 0 else [])
        for i in range(301)
    ]
    long = "word " * 1000
    claim = Claim(text=long, evidence=[Span(start=10, end=10 + len(long))], attributed_to="A" * 500)
    s = Summary(summary="s " * 2000, actors=[grown], quotes=quotes, figures=figures, claims=[claim], meta=_meta())
    assert len(s.actors[0].mentions) == 500
    assert len(s.quotes) == 300 and len(s.figures) == 300
    assert all(i < 300 for f in s.figures for i in f.conflicts_with)
    assert len(s.summary) <= 3000 and s.summary.endswith("…")
    c = s.claims[0]
    assert len(c.text) == 2000 and c.evidence[0] == Span(start=10, end=2010)  # verbatim: cut with its span
    assert c.attributed_to is not None and len(c.attributed_to) == 200
    notes = {r.field: r.item["left_out"] for r in s.rejected}
    assert notes == {"quotes": 50, "figures": 1}
    jsonschema.validate(s.model_dump(mode="json"), SCHEMA)


def _meta() -> dict[str, object]:
    return {"model": "m", "prompt_version": "p", "schema_version": "s"}


def _route(request: dict) -> dict:
    name = pass_of(request)
    if name == "claims":
        return {"claims": [2]}
    if name == "summary":
        return {"summary": ["Ana Ruiz promised to fix the bridges, and Ruiz agreed to pay for the beams."]}
    keys = request["response_format"]["json_schema"]["schema"]["properties"]
    if name == "figures":
        return {**{k: "beams" for k in keys if k[0] == "F"}, "other": []}
    return {**{k: None for k in keys if k.startswith("Q")}, "other": []}


def test_an_article_past_the_limits_gives_a_valid_summary(tmp_path: Path) -> None:
    """660 mentions of one person and 660 figures: the first 500 and 300 are kept, the rest noted."""
    text = "Ana Ruiz spoke on Monday.\n\n" + "".join(
        f"“We will fix bridge {i},” Ruiz said of its {i + 2} beams. Ruiz agreed.\n\n" for i in range(330)
    )
    settings = Settings(cache_path=tmp_path / "c.sqlite", max_retries=0, n_ctx=16384)
    s = Summarizer(settings, ScriptedBackend(router=_route)).summarize(text)
    (ruiz,) = s.actors
    assert len(ruiz.mentions) == 500 and len(s.figures) == 300
    assert any(r.field == "figures" and r.item == {"left_out": 360} for r in s.rejected)
    jsonschema.validate(s.model_dump(mode="json"), SCHEMA)
    again = Summarizer(settings, ScriptedBackend()).summarize(text)  # from the cache, no model
    assert again.meta.cached and again.model_dump(exclude={"meta"}) == s.model_dump(exclude={"meta"})


def test_a_cached_row_that_does_not_validate_is_a_miss_and_is_replaced(tmp_path: Path, seed_text: str) -> None:
    settings = Settings(cache_path=tmp_path / "c.sqlite")
    Summarizer(settings, ScriptedBackend(router=router())).summarize(seed_text)
    with sqlite3.connect(settings.resolved_cache_path()) as db:
        db.execute("""update results set response = '{"summary": 5, "meta": {}}'""")
    backend = ScriptedBackend(router=router())
    fresh = Summarizer(settings, backend).summarize(seed_text)
    assert len(backend.requests) == N_PASSES and not fresh.meta.cached
    with sqlite3.connect(settings.resolved_cache_path()) as db:
        (response,) = db.execute("select response from results").fetchone()
    assert Summary.model_validate_json(response).summary == fresh.summary  # the row was replaced
    third = Summarizer(settings, ScriptedBackend()).summarize(seed_text)
    assert third.meta.cached
