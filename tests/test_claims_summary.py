"""Claims are copied sentences with their source read by code; summary sentences are checked one by
one and the summary is never empty; sentence splitting survives scraped text."""

from __future__ import annotations

import pytest

from summarizer import Settings, Summarizer
from summarizer.article import Article
from summarizer.attribution import claim_sources
from summarizer.backends import ScriptedBackend
from summarizer.fields.base import Context
from summarizer.fields.summary import extractive_summary, key_sentences, unsupported
from summarizer.labels import VARIANTS
from summarizer.scan import scan_names
from summarizer.text import split_sentences

from .conftest import GOOD, SEED, router

WIRE = (
    "Acme profit beats forecasts\n"
    "By Jane Doe, Reuters\n"
    "NEW YORK (Reuters) — Acme Corp reported a profit of $$5 million in the last quarter.The company said sales "
    "rose 12% in Europe.“We are very happy with the quarter,” chief executive Ana Ruiz told analysts. "
    "She added that the plant in Ohio will open in 2027. According to the union, 300 jobs will be cut.\n"
    "Acme shares closed at $$41 on Tuesday, up 3%, while rival Zenith Ltd. fell 2%. Bank Ten expects "
    "Acme to hire 150 engineers next year. The plant in Ohio will cost $$80 million to build. "
    "Acme was founded in 1931 in Dayton. Its products are sold in 40 countries."
).replace("$$", "$")


def sources(text: str) -> dict[str, str | None]:
    article = Article.from_text(text)
    names = scan_names(text, {s.start for s in article.sentences})
    found = claim_sources(text, [(s.index, s.start, s.end) for s in article.body], names)
    return {article.sentences[i - 1].text: src for i, (src, _, _) in found.items()}


def test_front_matter_and_glued_sentences_in_scraped_wire_copy() -> None:
    for text in (WIRE, VARIANTS["flat"](WIRE)):
        got = [(s.kind, s.text) for s in split_sentences(text)]
        assert got[:4] == [
            ("headline", "Acme profit beats forecasts"),
            ("byline", "By Jane Doe, Reuters"),
            ("dateline", "NEW YORK (Reuters) —"),
            ("body", "Acme Corp reported a profit of $5 million in the last quarter."),
        ]
        assert got[4] == ("body", "The company said sales rose 12% in Europe.")  # glued: "quarter.The"
        assert got[5][1].startswith("“We are very happy")


def test_wikinews_headline_date_and_caption_are_not_body() -> None:
    text = (
        "Hundreds dead in Hajj stampede\n\nThursday, January 12, 2006\n\nThe Plains of Arafat on the day of Hajj\n\n"
        "Over 345 pilgrims have been killed, the ministry said.\n\nAn official. Image: Jane Doe.\n\nMore followed."
    )
    kinds = [(s.kind, s.text) for s in split_sentences(text)]
    assert kinds[:4] == [
        ("headline", "Hundreds dead in Hajj stampede"),
        ("dateline", "Thursday, January 12, 2006"),
        ("caption", "The Plains of Arafat on the day of Hajj"),
        ("body", "Over 345 pilgrims have been killed, the ministry said."),
    ]
    assert [k for k, t in kinds if "Image:" in t] == ["caption"]
    assert [s.text for s in Article.from_text(text).lead(2)] == [kinds[3][1], "More followed."]


def test_claim_sources_read_from_the_attribution_around_them() -> None:
    got = sources(WIRE)
    # "the company" after "Acme Corp reported …": the body the claim before named
    assert got["The company said sales rose 12% in Europe."] == "Acme Corp"
    assert got["She added that the plant in Ohio will open in 2027."] == "Ana Ruiz"  # she = the last speaker
    assert got["According to the union, 300 jobs will be cut."] == "the union"
    assert got["The plant in Ohio will cost $80 million to build."] is None  # the article's own voice
    assert got["Bank Ten expects Acme to hire 150 engineers next year."] == "Bank Ten"


def test_according_to_becomes_the_source_and_leaves_the_claim_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    article = Article.from_text(text)
    ctx = Context.of(article)
    source, cue, (start, end) = ctx.sources()[2]
    assert (source, cue) == ("US intelligence", "according to")
    assert text[start:end] == "Russia is planning an invasion of Ukraine with 100 battalions and artillery."


def test_claims_are_copied_deduplicated_and_filled_from_the_key_sentences(settings: Settings) -> None:
    # the model picks the date line, a sentence twice and one that does not exist
    backend = ScriptedBackend(router=router({"claims": [{"claims": [1, 9, 9, 99]}]}))
    s = Summarizer(settings.model_copy(update={"max_retries": 0}), backend).summarize(SEED.read_text("utf-8"))
    text = SEED.read_text(encoding="utf-8")
    article = Article.from_text(text)
    assert len(s.claims) == 8  # the model's one good pick first, then code's
    assert s.claims[0].sentence == 9 and s.claims[0].attributed_to == "Joe Biden"
    # code's: the sentences a named source makes (key sentences among them first), then key sentences
    key = [k.index for k in key_sentences(article, 8, max_words=80)]
    named = [i for i, (src, _, _) in sorted(Context.of(article).sources().items()) if src and src[:1].isupper()]
    order = [i for i in key if i in named] + [i for i in named if i not in key] + key
    assert [c.sentence for c in s.claims[1:]] == [i for i in dict.fromkeys(order) if i != 9][:7]
    assert len({c.sentence for c in s.claims}) == 8
    for c in s.claims:
        assert [text[e.start : e.end] for e in c.evidence] == [c.text]
        assert article.sentences[c.sentence - 1].kind == "body"
    reasons = sorted(r.reason for r in s.rejected if r.field == "claims")
    assert reasons == ["sentence 1 is a dateline", "there is no such sentence"]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Russia will invade Ukraine with 200 battalions.", "the number 200 is not in the article"),
        ("Biden and Putin may meet next week in Geneva.", "the name 'Geneva' is not in the article"),
        ("Russia is planning an invasion of Ukraine with 100 battalions.", "drops the attribution"),
        ("The weather in the region was mild and sunny all week long.", "no article sentence supports it"),
        ("According to US intelligence, Russia is planning an invasion of Ukraine with", "does not end like"),
        ("According to US intelligence, Russia is planning an invasion of Ukraine with 100 battalions.", None),
        ("Next week, Biden and Putin may meet, and Reznikov counts 94,300 Russian troops near Ukraine.", None),
    ],
)
def test_each_summary_sentence_is_checked(sentence: str, reason: str | None) -> None:
    ctx = Context.of(Article.from_text(SEED.read_text(encoding="utf-8")))
    got = unsupported(sentence, ctx.article, ctx.numbers, ctx.names)
    assert (got is None) if reason is None else (got is not None and got.startswith(reason))


def test_a_bad_summary_sentence_is_reasked_once_then_rejected_not_shown(settings: Settings) -> None:
    invented = "Biden and Putin will meet next week in Geneva."
    good = GOOD["summary"]["summary"]
    answer = {"summary": [good[0], good[1], f"{good[2]} {invented}", good[3]]}  # one item, two sentences
    backend = ScriptedBackend(router=router({"summary": [answer, answer]}))
    s = Summarizer(settings, backend).summarize(SEED.read_text("utf-8"))
    assert s.summary == " ".join(good) and s.meta.summary_method == "model"
    assert [(r.field, r.item["text"]) for r in s.rejected] == [("summary", invented)]
    assert sum("Summarize the ARTICLE" in r["messages"][1]["content"] for r in backend.requests) == 2


def test_a_summary_that_drops_the_key_sentences_is_replaced_without_a_reask(settings: Settings) -> None:
    # true, supported, but says almost nothing of what the key sentences say
    thin = {"summary": ["Biden warned that invading Ukraine would be very, very tough for Putin."]}
    backend = ScriptedBackend(router=router({"summary": [thin, thin]}))
    text = SEED.read_text("utf-8")
    s = Summarizer(settings, backend).summarize(text)
    summary_calls = [r for r in backend.requests if "Summarize the ARTICLE" in r["messages"][1]["content"]]
    assert len(summary_calls) == 1
    assert s.meta.summary_method == "extractive" and s.summary == extractive_summary(Article.from_text(text))
    (r,) = s.rejected
    assert r.field == "summary" and r.reason.startswith("leaves out most of the key sentences")


def test_summary_falls_back_to_key_sentences_and_says_so(settings: Settings) -> None:
    runaway = {"summary": ["Putin " * 80 + "."]}
    backend = ScriptedBackend(router=router({"summary": [runaway, runaway]}))
    text = SEED.read_text("utf-8")
    s = Summarizer(settings, backend).summarize(text)
    assert s.meta.summary_method == "extractive"
    assert s.summary == extractive_summary(Article.from_text(text))
    assert s.summary.startswith("According to US intelligence") and "date 2021" not in s.summary
    assert all(r.field == "summary" for r in s.rejected) and len(s.rejected) == 1


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_key_sentences_skip_front_matter_in_every_variant(kind: str) -> None:
    text = (SEED.parent.parent / "wikinews_stampede" / "article.txt").read_text(encoding="utf-8")
    article = Article.from_text(VARIANTS[kind](text))
    picked = key_sentences(article)
    assert len(picked) == 4 and all(s.kind == "body" for s in picked)
    summary = extractive_summary(article)
    assert not any(w in summary for w in ("By Jane Reporter", "(Wikinews)", "January 12, 2006", "dead in Hajj"))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("According to ABC News, Basya also believes the seekers left the boat on purpose.", "Basya"),
        ("According to Afghan Ambassador to the United States Hamdullah Mohib, the team did well.", "Hamdullah Mohib"),
        ("However, a US intelligence official speaking on condition of anonymity said that a strike is planned.", None),
        ("Executive director of the Dallas chapter Alia Salem said the arrest was wrong.", "Alia Salem"),
        ("Russia has denied preparations to take military action against Ukraine.", "Russia"),
        ("The bridge will reopen in 2027 after repairs to its beams.", None),
    ],
)
def test_claim_source_patterns(sentence: str, source: str | None) -> None:
    text = "Hamdullah Mohib met the team. " + sentence
    article = Article.from_text(text)
    names = scan_names(text, {s.start for s in article.sentences})
    got = claim_sources(text, [(s.index, s.start, s.end) for s in article.sentences], names)[2][0]
    if source is None and "official" in sentence:
        assert got == "a US intelligence official"  # unnamed, but still not the article's own voice
    else:
        assert got == source
