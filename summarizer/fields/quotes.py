"""Quotes: code finds every passage in quotation marks and reads its speaker from the discourse
around it (summarizer/attribution/speakers.py). Only a quotation code could not attribute becomes a key
(``Qi``) of the answer, typed as an enum of the people (and bodies) named around it, so the model
picks a name with a few tokens and cannot invent one. ``other`` may add a quotation code missed,
which must then occur verbatim inside quotation marks."""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from ..attribution.phrases import is_phrase
from ..grounding import align
from ..lexicon import SPEECH
from ..models import MatchStatus, Quote, Rejected, Span
from ..scan.quotes import QuoteCandidate
from . import choices
from .actors import mentioned
from .base import Answer, Context, Pass, guillemets, nullish

__all__ = [
    "MAX_ASKED",
    "MAX_KEYED_QUOTES",
    "NOT_SAID",
    "PASS",
    "QuotesAnswer",
    "normalize_key",
    "quote_candidates",
    "quotes_model",
    "speaker_choices",
    "undecided",
]


class ExtraQuote(BaseModel):
    """A quotation the scanner missed, written out by the model and then aligned verbatim."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=600)
    speaker: str | None = Field(default=None, max_length=80)

    _speaker = field_validator("speaker")(nullish)


MAX_KEYED_QUOTES = 40


def quote_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.quotes`` of the passages offered as Q1, Q2, ...: nested quotes, repeats
    of an earlier passage, passages that look like names or titles (every word capitalised, as in
    «Better Idea of Afghan Girls» or «Hope») and pull quotes of the article's own words are left
    out; of a repeated passage the first occurrence with a speaker is kept."""
    if ctx.offered is not None:
        return ctx.offered
    seen: dict[str, int] = {}
    keep: list[int] = []
    for i, q in enumerate(ctx.quotes):
        words = re.findall(r"[^\W\d_][\w’'-]*", q.text)
        key = normalize_key(q.text)
        if key in seen and not q.nested and ctx.speakers[i] and not ctx.speakers[keep[seen[key]]]:
            keep[seen[key]] = i  # the headline repeats a body quotation: keep the one with a speaker
        if q.nested or key in seen or not words:
            continue
        if all(w[0].isupper() or w in _TITLE_SMALL for w in words) and len(words) <= 10 and words[0][0].isupper():
            continue  # a title or a name: "A Tribute For a King", "Austin Powers: The Spy Who Shagged Me"
        if not ctx.speakers[i] and _pull_quote(ctx.article.text, ctx.quotes, i):
            continue  # the article's own sentence again, in quotation marks
        if _TITLED_RE.search(ctx.article.text[max(0, q.start - 30) : q.start]):
            continue  # 'a special entitled "…"', 'a campaign called "…"'

        seen[key] = len(keep)
        keep.append(i)
    ctx.offered = sorted(keep)[:MAX_KEYED_QUOTES]  # asked for by prompt, schema, skip check and grounding
    return ctx.offered


def _pull_quote(text: str, quotes: list[QuoteCandidate], i: int) -> bool:
    """A pull quote: a passage of six words or more that repeats, word for word, what the article
    wrote earlier in its own voice (below the headline, not inside quotation marks). Only asked of
    a passage no one is said to say: a quotation repeated in an earlier caption keeps its speaker."""
    q = quotes[i]
    words = re.findall(r"\w+", q.text)
    if len(words) < 6:
        return False
    body = text.find("\n")
    pattern = r"\b" + r"\W+".join(map(re.escape, words)) + r"\b"
    return any(
        m.start() > body and not any(c.start <= m.start() and m.end() <= c.end + 1 for c in quotes)
        for m in re.finditer(pattern, text[: q.start])
    )


_TITLE_SMALL = {"of", "and", "the", "for", "de", "a", "an", "in", "on", "to", "at", "by", "with", "vs", "vs."}
_TITLED_RE = re.compile(
    r"\b(?:entitled|titled|(?:campaign|slogan|motto|hashtag|banner|nickname|programme|program|show|film|book|song|album)"
    r"(?:\s+(?:was|is|were|are))?\s+(?:called|named|dubbed|titled)|slogan|hashtag|motto)\s*,?\s*[“\"‘']?$"
)


#: the first choice of every asked quotation: a small model picks a listed name even where the
#: text names nobody (the 1.5B model chose "Tom Cruise" for an anonymous blogger's words), so
#: saying so is offered as an answer of its own, first; it means null
NOT_SAID = "not said"

#: quotations asked about at most (each costs its paragraphs in the prompt); the rest stay null
MAX_ASKED = 12
#: characters of context shown before and after an asked quotation
CONTEXT_BEFORE, CONTEXT_AFTER = 450, 150


def undecided(ctx: Context) -> list[int]:
    """Positions (0-based, into ``quote_candidates``) of the offered quotations code could not
    attribute and for which the article names someone to choose from: only these are asked. A
    phrase in quotation marks inside a sentence with no verb of speech ('granted "parole"
    status', 'colorful gumball "pills"') is not asked: code already gave it to whoever the clause
    names, and otherwise it is the article's own wording (asking cost warhol 15 s of prompt for
    four such phrases, each answered "not said")."""
    text = ctx.article.text
    found = [
        n
        for n, i in enumerate(quote_candidates(ctx))
        if not ctx.speakers[i] and not is_phrase(text, ctx.quotes[i]) and speaker_choices(ctx, i)
    ]
    return found[:MAX_ASKED]


def _paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _context_span(ctx: Context, index: int) -> tuple[int, int]:
    """The quotation's paragraph and the one before it that has words (a scraper's lone " ."
    line between paragraphs is none)."""
    text = ctx.article.text
    start, end = _paragraph_bounds(text, ctx.quotes[index].start)
    before = text[:start].rstrip()
    while before and not re.search(r"\w", before[before.rfind("\n") + 1 :]):
        before = before[: before.rfind("\n") + 1].rstrip()
    if before:
        start = _paragraph_bounds(text, len(before) - 1)[0]
    return start, end


def speaker_choices(ctx: Context, index: int, limit: int = 8) -> list[str]:
    """Who may have said quotation ``index``: the people the article names before its paragraph
    ends (nearest first), then bodies named in its paragraph or the one before; never a place, a
    date, a dateline, a byline or a headline fragment (``fields.choices``)."""
    return choices.speaker_choices(ctx, index, _context_span, limit)


def normalize_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class QuotesAnswer(Answer):
    """Speakers keyed by candidate (``Q1``..``Qn``, made per article by ``quotes_model``), so the
    grammar writes every key and the model only fills in names; ``other`` holds missed quotes."""

    field_name: ClassVar[str] = "quotes"

    @model_validator(mode="before")
    @classmethod
    def _drop_unasked(cls, data: Any) -> Any:
        """A ``Qi`` for a quotation code already attributed was not asked for (a server without
        schema-constrained decoding may still write one): ignored, since code's reading wins."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not re.fullmatch(r"Q\d+", k) or k in cls.model_fields}
        return data

    def speakers(self) -> dict[int, str | None]:
        return {
            int(k[1:]): None if v == NOT_SAID else nullish(v)
            for k, v in self.model_dump().items()
            if re.fullmatch(r"Q\d+", k)
        }

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        quotes: list[Quote] = []
        rejected: list[Rejected] = []
        offered = quote_candidates(ctx)
        answered = self.speakers()
        for key in answered:
            if not 1 <= key <= len(offered):
                rejected.append(Rejected(field="quotes", item={"id": key}, reason=f"there is no quotation Q{key}"))
        for key, index in enumerate(offered, 1):
            c = ctx.quotes[index]
            term = is_phrase(text, c) and len(c.text.split()) <= 5 and not _said_beside(text, c.start, c.end)
            if not ctx.speakers[index] and term:
                continue  # a term no one is said to say (so-called "ghosting"): the article's wording
            # code's reading of the discourse beats the model, which is asked only where code
            # found nobody (on small models it drifts by one passage when naming speakers)
            speaker = ctx.speakers[index] or answered.get(key)
            if speaker and not ctx.speakers[index] and not mentioned(text, speaker):
                rejected.append(
                    Rejected(
                        field="quotes",
                        item={"id": key, "text": c.text, "speaker": speaker},
                        reason=f"speaker {speaker!r} is not named in the article",
                    )
                )
                speaker = None
            if not speaker and len(c.text.split()) <= 2 and not _said_beside(text, c.start, c.end):
                continue  # a word or two no one is said to say ('the word "collusion"'): a term, not a quote
            quotes.append(_quote(text, c.start, c.end, speaker, "exact"))
        for extra in getattr(self, "other", []):
            item = extra.model_dump()
            hit = align(text, extra.text, allow_fuzzy=False)
            if hit is None:
                rejected.append(Rejected(field="quotes", item=item, reason="not found verbatim in the article"))
            elif not any(c.start <= hit.start and hit.end <= c.end for c in ctx.quotes):
                rejected.append(
                    Rejected(field="quotes", item=item, reason="in the article but not inside quotation marks")
                )
            elif extra.speaker and not mentioned(text, extra.speaker):
                rejected.append(
                    Rejected(field="quotes", item=item, reason=f"speaker {extra.speaker!r} is not named in the article")
                )
            elif not any(q.span.start <= hit.start < q.span.end for q in quotes):
                quotes.append(_quote(text, hit.start, hit.end, extra.speaker, hit.status))
        quotes.sort(key=lambda x: x.span.start)
        return {"quotes": quotes}, rejected


def _said_beside(text: str, start: int, end: int) -> bool:
    """A verb of speech right before or after the quotation ('“…” said someone', 'shouted “…”')."""
    return bool(_SAID_AFTER_RE.match(text, end) or _SAID_BEFORE_RE.search(text, max(0, start - 40), start))


_SAID_AFTER_RE = re.compile(rf"[\s,.!?”\"’']*(?:{SPEECH})\b")
_SAID_BEFORE_RE = re.compile(rf"\b(?:{SPEECH})[\s,:]*[“\"‘']?$")


def _quote(text: str, start: int, end: int, speaker: str | None, status: MatchStatus) -> Quote:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return Quote(text=text[start:end], speaker=speaker, span=Span(start=start, end=end), match=status)


def quotes_model(ctx: Context) -> type[QuotesAnswer]:
    """A response model with one required ``Qi`` key per quotation code could not attribute,
    typed as an enum of ``speaker_choices`` (or null): the grammar lets the model write only a
    name the article gives, in a few tokens."""
    offered = quote_candidates(ctx)
    keys: dict[str, Any] = {}
    for n in undecided(ctx):
        choices = (NOT_SAID, *speaker_choices(ctx, offered[n]))
        keys[f"Q{n + 1}"] = (Literal[choices] | None, ...)
    keys["other"] = (list[ExtraQuote], Field(default_factory=list, max_length=10))
    return create_model("QuotesAnswer", __base__=QuotesAnswer, **keys)


def _quote_candidates(ctx: Context) -> str:
    def opening(text: str, words: int = 12) -> str:
        parts = text.split()
        return " ".join(parts[:words]) + (" …" if len(parts) > words else "")

    text = ctx.article.text
    offered = quote_candidates(ctx)
    lines = []
    shown: dict[tuple[int, int], int] = {}  # a context already shown is referred to, not repeated
    for n in undecided(ctx):
        i = offered[n]
        start, end = _context_span(ctx, i)
        q = ctx.quotes[i]
        # its paragraph and the one before, cut to what matters (input tokens cost ~11 ms each)
        span = (max(start, q.start - CONTEXT_BEFORE), min(end, q.end + CONTEXT_AFTER))
        if span in shown:
            around = f"(the same text as Q{shown[span]})"
        else:
            shown[span] = n + 1
            cut = " ".join(text[span[0] : span[1]].split())
            around = ("… " if span[0] > start else "") + guillemets(cut) + (" …" if span[1] < end else "")
        lines.append(
            f"Q{n + 1}: «{guillemets(opening(ctx.quotes[i].text))}»\n   in: {around}\n"
            f"   choose from: {'; '.join((NOT_SAID, *speaker_choices(ctx, i)))}"
        )
    return "\n".join(lines) or '(code has attributed every quotation: answer with an empty "other" list)'


PASS = Pass("quotes", QuotesAnswer, _quote_candidates, quotes_model, skip=lambda ctx: not undecided(ctx))
