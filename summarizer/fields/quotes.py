"""Quotes: code finds every passage in quotation marks and reads the speaker beside it; the model
names speakers (keyed Q1..Qn) only where code found none, and may add a quotation code missed,
which must then occur verbatim inside quotation marks."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..grounding import align
from ..models import MatchStatus, Quote, Rejected, Span
from .actors import mentioned
from .base import Answer, Context, Pass, guillemets, nullish

__all__ = ["MAX_KEYED_QUOTES", "PASS", "QuotesAnswer", "normalize_key", "quote_candidates", "quotes_model"]


class ExtraQuote(BaseModel):
    """A quotation the scanner missed, written out by the model and then aligned verbatim."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=600)
    speaker: str | None = Field(default=None, max_length=80)

    _speaker = field_validator("speaker")(nullish)


MAX_KEYED_QUOTES = 40


def quote_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.quotes`` of the passages offered as Q1, Q2, ...: nested quotes, repeats
    of an earlier passage, and passages that look like names or titles (every word capitalised,
    as in «Better Idea of Afghan Girls» or «Hope») are left out."""
    if ctx.offered is not None:
        return ctx.offered
    seen: set[str] = set()
    keep = []
    for i, q in enumerate(ctx.quotes):
        words = re.findall(r"[^\W\d_][\w’'-]*", q.text)
        key = normalize_key(q.text)
        if q.nested or key in seen or not words:
            continue
        if all(w[0].isupper() or w in ("of", "and", "the", "for", "de") for w in words) and len(words) <= 6:
            continue
        seen.add(key)
        keep.append(i)
    ctx.offered = keep[:MAX_KEYED_QUOTES]  # asked for by prompt, schema, skip check and grounding
    return ctx.offered


def normalize_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class QuotesAnswer(Answer):
    """Speakers keyed by candidate (``Q1``..``Qn``, made per article by ``quotes_model``), so the
    grammar writes every key and the model only fills in names; ``other`` holds missed quotes."""

    field_name: ClassVar[str] = "quotes"

    def speakers(self) -> dict[int, str | None]:
        return {int(k[1:]): nullish(v) for k, v in self.model_dump().items() if re.fullmatch(r"Q\d+", k)}

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        quotes: list[Quote] = []
        rejected: list[Rejected] = []
        offered = quote_candidates(ctx)
        for key, speaker in self.speakers().items():
            if not 1 <= key <= len(offered):
                rejected.append(Rejected(field="quotes", item={"id": key}, reason=f"there is no quotation Q{key}"))
                continue
            index = offered[key - 1]
            c = ctx.quotes[index]
            if ctx.speakers[index]:
                # an explicit attribution beside the quotation ("…," Ruiz said) beats the model,
                # which on small models drifts by one passage when naming speakers
                speaker = ctx.speakers[index]
            elif speaker and not mentioned(text, speaker):
                rejected.append(
                    Rejected(
                        field="quotes",
                        item={"id": key, "text": c.text, "speaker": speaker},
                        reason=f"speaker {speaker!r} is not named in the article",
                    )
                )
                speaker = None
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


def _quote(text: str, start: int, end: int, speaker: str | None, status: MatchStatus) -> Quote:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return Quote(text=text[start:end], speaker=speaker, span=Span(start=start, end=end), match=status)


def quotes_model(ctx: Context) -> type[QuotesAnswer]:
    """A response model with one required ``Qi`` key per offered quotation, in order."""
    keys: dict[str, Any] = {
        f"Q{i}": (str | None, Field(max_length=80)) for i in range(1, len(quote_candidates(ctx)) + 1)
    }
    keys["other"] = (list[ExtraQuote], Field(default_factory=list, max_length=10))
    return create_model("QuotesAnswer", __base__=QuotesAnswer, **keys)


def _quote_candidates(ctx: Context) -> str:
    def opening(text: str, words: int = 12) -> str:
        parts = text.split()
        return " ".join(parts[:words]) + (" …" if len(parts) > words else "")

    lines = []
    for n, i in enumerate(quote_candidates(ctx), 1):
        who = ctx.speakers[i]
        hint = f"   [beside it: {who}]" if who else ""
        lines.append(f"Q{n}: «{guillemets(opening(ctx.quotes[i].text))}»{hint}")
    return "\n".join(lines)


PASS = Pass("quotes", QuotesAnswer, _quote_candidates, quotes_model, skip=lambda ctx: not quote_candidates(ctx))
