"""An article several times longer than the context window: chunks, global offsets, merging."""

from __future__ import annotations

import itertools

from summarizer import Settings, Summarizer
from summarizer.article import Article
from summarizer.backends import ScriptedBackend
from summarizer.chunking import chunk_spans
from summarizer.fields import PASSES
from summarizer.scan import scan_numbers

from .conftest import GOOD, N_PASSES, SEED, pass_of

PARAGRAPH = (
    "Council member {n} Ana Ruiz said the bridge budget grew to {m},000 dollars this year. "
    "“We cannot wait any longer on bridge {n},” Ruiz told reporters on the steps of City Hall. "
    "Engineers from Acme Corp inspected bridge {n} and found {k} cracked beams.\n\n"
)


def long_article(paragraphs: int = 30) -> str:
    return "".join(PARAGRAPH.format(n=i, m=100 + i, k=3 + i) for i in range(paragraphs))


def test_chunks_cover_the_article_in_order_within_the_budget() -> None:
    article = Article.from_text(long_article())
    spans = chunk_spans(article, 1200)
    assert len(spans) > 5
    assert all(end - start <= 1200 for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    covered = "".join(article.text[s:e] for s, e in spans)
    assert covered.replace(" ", "").replace("\n", "") == article.text.replace(" ", "").replace("\n", "")


def test_a_sentence_longer_than_the_budget_is_cut_at_whitespace() -> None:
    article = Article.from_text("word " * 500)
    spans = chunk_spans(article, 300)
    assert all(e - s <= 300 for s, e in spans) and len(spans) >= 8


def test_long_article_is_chunked_merged_and_summarized_from_chunk_summaries(tmp_path) -> None:
    text = long_article()
    chunk_texts: list[str] = []

    def route(request: dict):
        user = next(m["content"] for m in request["messages"] if m["role"] == "user")
        if "consecutive parts of one long news article" in user:
            return {"summary": ["Ana Ruiz pressed for bridge repairs as engineers from Acme Corp found cracked beams."]}
        name = pass_of(request)
        if name == "claims":
            return {"claims": [2]}
        if name == "summary":  # a model that copies the key sentences the prompt lists
            chunk_texts.append(user)
            listed = user.split("These are its key sentences, in order:\n", 1)[1].split("\n\n", 1)[0]
            return {"summary": [line[2:] for line in listed.splitlines()]}
        if name == "actors":
            return {"people": ["Ana Ruiz", "Ruiz"], "organizations": ["Acme Corp"]}
        keys = request["response_format"]["json_schema"]["schema"]["properties"]
        if name == "figures":
            # every chunk also reports the first figure of the whole article under "other"
            extra = {"text": "100,000", "unit": "dollars"}
            return {**{k: "beams" for k in keys if k[0] == "F"}, "other": [extra]}
        return {**{k: None for k in keys if k.startswith("Q")}, "other": []}

    settings = Settings(cache_path=tmp_path / "c.sqlite", chunk_chars=1500, max_retries=0)
    backend = ScriptedBackend(router=route)
    s = Summarizer(settings, backend).summarize(text)

    n_chunks = len(chunk_spans(Article.from_text(text), 1500))
    assert n_chunks >= 5 and len(chunk_texts) == n_chunks
    assert s.summary.startswith("Ana Ruiz pressed for bridge repairs")
    combine = backend.requests[-1]["messages"][-1]["content"]
    assert "Part 1: Council member 0 Ana Ruiz said" in combine
    assert f"Part {n_chunks}: Council member" in combine
    # offsets are global: every presented item reproduces its text in the whole article
    for f in s.figures:
        assert text[f.span.start : f.span.end] == f.text
        assert f.sentence is not None and f.sentence.start <= f.span.start < f.span.end <= f.sentence.end
        assert all(0 <= i < len(s.figures) for i in f.conflicts_with)
    for q in s.quotes:
        assert text[q.span.start : q.span.end] == q.text
    # every number code finds in the whole article, once: the extra "100,000" is a listed figure
    # in chunk 1 and is rejected in every other chunk (not in that chunk's text)
    expected = [(c.start, c.end) for c in scan_numbers(text) if c.is_figure]
    assert [(f.span.start, f.span.end) for f in s.figures] == expected
    assert sum(r.item.get("text") == "100,000" for r in s.rejected) == n_chunks - 1
    assert len(s.quotes) == 30  # one per paragraph, from every chunk
    assert {q.speaker for q in s.quotes} == {"Ana Ruiz"}  # read from "…,” Ruiz told reporters"
    (ruiz,) = [a for a in s.actors if a.name == "Ana Ruiz"]
    assert ruiz.aliases == ["Ruiz"]
    assert len(ruiz.mentions) == 60  # "Ana Ruiz" and "Ruiz" in all 30 paragraphs, no overlaps
    for m in ruiz.mentions:
        assert text[m.start : m.end] in ("Ana Ruiz", "Ruiz")
    # claims are copied: the evidence gives the text back; the picked quotation is Ana Ruiz's
    assert len(s.claims) >= n_chunks
    for c in s.claims:
        assert [text[e.start : e.end] for e in c.evidence] == [c.text]
        if c.text.startswith("“We cannot wait"):  # the attribution is read, not kept in the text
            assert c.attributed_to == "Ana Ruiz" and c.cue == "told" and "Ruiz told" not in c.text
    # the model's pick in every chunk, and code adds the chunk's other sentences a named source makes
    assert sum(c.text.startswith("“We cannot wait") for c in s.claims) >= n_chunks
    # every pass on every chunk but quotes (code reads "Ruiz told" beside every quotation, so
    # nothing is left to ask; the figures pass asks the unit of "bridge N", which code can't read)
    assert s.meta.attempts == (len(PASSES) - 1) * n_chunks + 1
    assert s.meta.summary_method == "model"


def test_short_article_is_one_chunk(tmp_path) -> None:
    backend = ScriptedBackend(router=lambda r: GOOD[pass_of(r)])
    Summarizer(Settings(cache_path=tmp_path / "c.sqlite"), backend).summarize(SEED.read_text(encoding="utf-8"))
    assert len(backend.requests) == N_PASSES
