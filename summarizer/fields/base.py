"""What every field pass shares: the scanned article (``Context``), the answer base class whose
validator grounds an answer (so instructor re-asks with the reasons), lenient parsing of a last
failed answer, and the ``Pass`` description the generic runner in pipeline.py executes.

Every pass shares the article as its prompt prefix (llama.cpp reuses the cached prefix) and adds
its own task.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, model_validator

from ..article import Article
from ..attribution import attribute_quotes, claim_sources, described_speakers, quote_speakers_from_sentences
from ..attribution.patterns import filler
from ..models import Rejected
from ..prompts import render
from ..scan import NameCandidate, NumberCandidate, QuoteCandidate, scan_names, scan_numbers, scan_quotes

__all__ = [
    "Answer",
    "Context",
    "Pass",
    "build_messages",
    "grounding_context",
    "guillemets",
    "lenient_parse",
    "nullish",
]


@dataclass
class Context:
    """What grounding needs: the article and the scanners' candidates, computed once, plus the
    sources of each sentence's claim, read on first use."""

    article: Article
    quotes: list[QuoteCandidate] = field(default_factory=list)
    numbers: list[NumberCandidate] = field(default_factory=list)
    names: list[NameCandidate] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)
    offered: list[int] | None = None
    _sources: dict[int, tuple[str | None, str | None, tuple[int, int]]] | None = None

    def sources(self) -> dict[int, tuple[str | None, str | None, tuple[int, int]]]:
        """Who makes the claim of each body sentence, and its content span (read once, in order)."""
        if self._sources is None:
            body = [(s.index, s.start, s.end) for s in self.article.body]
            self._sources = claim_sources(self.article.text, body, self.names, self.quotes, self.speakers)
        return self._sources

    @classmethod
    def of(cls, article: Article) -> Context:
        starts = {s.start for s in article.sentences}
        text = article.text
        # a scraper's filler line ("READ MORE: …" links to another story) holds no actor and no quotation
        quotes = [q for q in scan_quotes(text) if not _on_filler(text, q.start)]
        # read with filler lines blanked, so a name first seen on a "READ MORE" line keeps its body mention
        names = [n for n in scan_names(_blank_filler(text), starts) if not _on_filler(text, n.start)]
        speakers = attribute_quotes(article.text, quotes, names)
        speakers = described_speakers(text, quotes, speakers, names)  # "the judge said": no one named
        ctx = cls(article, quotes, scan_numbers(article.text), names, speakers)
        if None in speakers:
            ctx.speakers = quote_speakers_from_sentences(
                article.text,
                quotes,
                speakers,
                ctx.sources(),
                lambda at: getattr(article.sentence_at(at), "index", None),
            )
            ctx._sources = None  # read again with the quotes' speakers now known
        return ctx


def _blank_filler(text: str) -> str:
    """``text`` with every filler line turned to spaces (same length: offsets still point into ``text``)."""
    return "\n".join(" " * len(line) if line.strip() and filler(line) else line for line in text.split("\n"))


def _on_filler(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return filler(text[start : len(text) if end < 0 else end])


_CURRENT: contextvars.ContextVar[Context | None] = contextvars.ContextVar("grounding", default=None)


class grounding_context:  # noqa: N801 - used like a function in a with-statement
    """Make validators ground against ``ctx`` for the duration of a ``with`` block."""

    def __init__(self, ctx: Context | None) -> None:
        self.ctx = ctx

    def __enter__(self) -> Context | None:
        self.token = _CURRENT.set(self.ctx)
        return self.ctx

    def __exit__(self, *exc: object) -> None:
        _CURRENT.reset(self.token)


class Answer(BaseModel):
    """Base of what the model writes: bounded so a looping model is cut off by the grammar."""

    model_config = ConfigDict(extra="forbid")
    field_name: ClassVar[str] = ""

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        raise NotImplementedError

    @model_validator(mode="after")
    def _grounded(self) -> Answer:
        ctx = _CURRENT.get()
        if ctx is not None:
            values, rejected = self.ground(ctx)
            if rejected and self.needs_reask(values, rejected):
                reasons = "; ".join(f"{_short(r.item)}: {r.reason}" for r in rejected[:8])
                raise ValueError(
                    f"{len(rejected)} item(s) are not supported by the article ({reasons}). {self.fix_hint()}"
                )
        return self

    def fix_hint(self) -> str:
        return "Copy text exactly from the article, or leave the item out."

    def needs_reask(self, values: dict[str, Any], rejected: list[Rejected]) -> bool:
        """Whether what was rejected is worth another call (every field but claims: yes)."""
        return True


def _short(item: dict[str, Any]) -> str:
    text = str(item.get("text") or item.get("name") or item)
    return repr(text if len(text) < 60 else text[:57] + "...")


_NULLISH = {"", "null", "none", "n/a", "na", "unknown", "nobody", "the article", "article"}


def nullish(value: str | None) -> str | None:
    """Small models write the string "null" (or "unknown") where JSON null was meant."""
    if value is None:
        return None
    value = value.strip()
    return None if value.casefold() in _NULLISH else value


def guillemets(text: str) -> str:
    """Show double quotation marks as « »: small models end JSON strings at a copied ``"``."""
    out = []
    for i, ch in enumerate(text):
        if ch == "“":
            out.append("«")
        elif ch == "”":
            out.append("»")
        elif ch == '"':
            prev = text[i - 1] if i else " "
            out.append("«" if prev.isspace() or prev in "([-–—" else "»")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Pass:
    """One model call per article (or chunk): its prompt, answer model and budget.

    ``model_for`` makes a per-article response model (one key per quotation or number);
    ``skip`` says when there is nothing to ask; ``max_tokens`` and ``max_retries`` override the
    settings where a field needs its own budget, so one field cannot starve another. The prompt
    is ``prompts/<name>.md``; ``variables`` are those it is filled with (default: ``candidates``
    when the pass has them).
    """

    name: str
    answer: type[Answer]
    candidates: Callable[[Context], str] | None = None
    model_for: Callable[[Context], type[Answer]] | None = None
    skip: Callable[[Context], bool] | None = None
    max_tokens: int | None = None
    max_retries: int | None = None
    variables: frozenset[str] | None = None

    @property
    def prompt_variables(self) -> frozenset[str]:
        if self.variables is not None:
            return self.variables
        return frozenset({"candidates"}) if self.candidates else frozenset()

    def model(self, ctx: Context) -> type[Answer]:
        """The response model for this article (the quotes pass makes one key per quotation)."""
        return self.model_for(ctx) if self.model_for else self.answer

    def skipped(self, ctx: Context) -> bool:
        return self.skip(ctx) if self.skip else False


def build_messages(ctx: Context, p: Pass) -> list[dict[str, str]]:
    """System text, then the article (a prefix shared by every pass), then the pass's task."""
    sentences = "\n".join(f"[{s.index}] {guillemets(s.text)}" for s in ctx.article.sentences)
    task_vars = {"candidates": p.candidates(ctx)} if p.candidates else {}
    user = render("article", sentences=sentences) + "\n\n" + render(p.name, **task_vars)
    return [{"role": "system", "content": render("system")}, {"role": "user", "content": user}]


def _accepts_none(annotation: Any) -> bool:
    return type(None) in getattr(annotation, "__args__", ())


def lenient_parse(answer: type[Answer], data: Any) -> tuple[Answer | None, list[Rejected]]:
    """Validate without grounding; list items that fail pydantic are rejected one by one."""
    with grounding_context(None):
        try:
            return answer.model_validate(data), []
        except ValidationError:
            pass
        if not isinstance(data, dict):
            return None, [
                Rejected(field=answer.field_name, item={"raw": str(data)[:500]}, reason="answer is not a JSON object")
            ]
        rejected: list[Rejected] = []
        cleaned = dict(data)
        for key, info in answer.model_fields.items():
            if info.annotation is not None and info.is_required() and _accepts_none(info.annotation):  # Q7, F12
                if key in cleaned:
                    try:
                        TypeAdapter(info.annotation).validate_python(cleaned[key])
                    except ValidationError as exc:
                        item = {"key": key, "value": cleaned[key]}
                        rejected.append(Rejected(field=key, item=item, reason=f"invalid: {exc.errors()[0]['msg']}"))
                        cleaned[key] = None
                else:
                    cleaned[key] = None  # cut off before that key
            value = cleaned.get(key)
            if isinstance(value, list):
                item_type = info.annotation.__args__[0]  # type: ignore[union-attr]
                good = []
                for raw in value:
                    try:
                        good.append(TypeAdapter(item_type).validate_python(raw))
                    except ValidationError as exc:
                        item = raw if isinstance(raw, dict) else {"raw": raw}
                        rejected.append(Rejected(field=key, item=item, reason=f"invalid: {exc.errors()[0]['msg']}"))
                good = [g.model_dump() if isinstance(g, BaseModel) else g for g in good]
                cleaned[key] = good[: info.metadata[0].max_length if info.metadata else None]
        try:
            return answer.model_validate(cleaned), rejected
        except ValidationError as exc:
            return None, [
                *rejected,
                Rejected(
                    field=answer.field_name,
                    item={"raw": str(data)[:500]},
                    reason=f"invalid answer: {exc.errors()[0]['msg']}",
                ),
            ]
