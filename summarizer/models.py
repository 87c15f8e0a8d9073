"""The output contract (see DESIGN.md): pydantic models whose JSON Schema is committed in schemas/."""

from __future__ import annotations

import functools
import hashlib
import json
import typing
from typing import Any, Literal

from annotated_types import MaxLen
from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Actor",
    "ActorKind",
    "Claim",
    "Figure",
    "FigureType",
    "MatchStatus",
    "Meta",
    "Quote",
    "Rejected",
    "Span",
    "Summary",
    "schema_version",
]

ActorKind = Literal["person", "organization", "country", "place", "group", "other"]
MatchStatus = Literal["exact", "normalized", "fuzzy"]
FigureType = Literal["count", "quantity", "money", "percent", "ratio", "score", "range"]
"""What kind of figure a number is. Dates, years, clock times, ordinals and labels that are not
quantities ("24/7", "COVID-19", a film called *42*) are not figures at all."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _fit_to_limits(cls, data: Any) -> Any:
        """Code keeps within the schema's limits before validating: a long article (hundreds of
        mentions, quotes, figures) yields a valid Summary with its first items, not an error."""
        return _fit(cls, data) if isinstance(data, dict) else data


class Span(_Strict):
    """Character offsets into the article exactly as read: ``article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(_Strict):
    """A statement the article makes or reports, copied from it: ``evidence[0]`` gives ``text`` back."""

    text: str = Field(max_length=2000)
    attributed_to: str | None = Field(None, max_length=200)
    evidence: list[Span] = Field(default_factory=list, max_length=20)
    cue: str | None = Field(None, max_length=40, description="how the article attributes it: said, according to, …")
    sentence: int | None = Field(None, description="1-based number of the article sentence it comes from")


class Actor(_Strict):
    name: str = Field(max_length=200)
    kind: ActorKind = "other"
    role: str | None = Field(None, max_length=300)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    mentions: list[Span] = Field(default_factory=list, max_length=500)


class Figure(_Strict):
    """A number in the article that is a quantity, copied by code (``span``) with what it is."""

    text: str = Field(max_length=200)
    value: float | None = None
    unit: str | None = Field(None, max_length=100)
    measures: str = Field("", max_length=300, description="what the number counts or measures, from its sentence")
    span: Span
    match: MatchStatus = "exact"
    type: FigureType | None = Field(None, description="count, quantity, money, percent, ratio, score or range")
    source: str | None = Field(
        None, max_length=200, description="who gives the number; null when the article states it itself"
    )
    sentence: Span | None = Field(None, description="the sentence the number comes from")
    conflicts_with: list[int] = Field(
        default_factory=list,
        max_length=50,
        description="indexes into figures of figures counting the same thing with another value",
    )


class Quote(_Strict):
    text: str = Field(max_length=5000)
    speaker: str | None = Field(None, max_length=200)
    span: Span
    match: MatchStatus = "exact"


class Rejected(_Strict):
    """An item the model produced that could not be grounded; kept so nothing is dropped silently."""

    field: str
    item: dict[str, Any]
    reason: str


class Meta(_Strict):
    model: str
    prompt_version: str
    schema_version: str
    cached: bool = False
    attempts: int = Field(0, description="model calls made, re-asks and transport retries included")
    reasks: int = Field(0, description="calls repeated because the answer failed validation")
    transport_retries: int = Field(0, description="calls repeated after 429/5xx/timeouts")
    input_tokens: int = 0
    output_tokens: int = 0
    seconds: float = Field(0.0, description="time the summary took to make (kept when served from the cache)")
    lookup_seconds: float | None = Field(default=None, description="time the cache lookup took, when cached")
    article_sha256: str = ""
    article_chars: int = 0
    summary_method: Literal["model", "extractive"] = Field(
        "model", description="extractive: the model's summary failed its checks, so the lead is shown"
    )
    source_title: str | None = Field(default=None, description="web input: the page's title")
    source_author: str | None = Field(default=None, description="web input: the page's author")
    source_date: str | None = Field(default=None, description="web input: the page's publication date")
    source_url: str | None = Field(default=None, description="web input: the page's address")


class Summary(_Strict):
    """The JSON contract of ``summarize FILE --format json`` (and of the HTTP service)."""

    summary: str = Field(max_length=3000)
    claims: list[Claim] = Field(default_factory=list, max_length=50)
    actors: list[Actor] = Field(default_factory=list, max_length=200)
    figures: list[Figure] = Field(default_factory=list, max_length=300)
    quotes: list[Quote] = Field(default_factory=list, max_length=300)
    rejected: list[Rejected] = Field(default_factory=list, max_length=500)
    meta: Meta
    source: str | None = Field(default=None, description="where the article came from: a path, <stdin>, a URL")
    article: str | None = Field(
        None, description="web input: the text extracted from the page, which every offset refers to"
    )


#: fields copied from the article, cut at their limit together with the span that gives them back
_VERBATIM = {("Claim", "text"): "evidence", ("Quote", "text"): "span", ("Figure", "text"): "span"}


@functools.cache
def _limits(cls: type[BaseModel]) -> dict[str, tuple[str, int]]:
    """``{field: ("list" | "str", max_length)}`` for the fields of ``cls`` that have a length limit."""
    out = {}
    for name, info in cls.model_fields.items():
        cap = next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None)
        if cap is None:
            continue
        kinds = {typing.get_origin(a) or a for a in (typing.get_args(info.annotation) or (info.annotation,))}
        kinds.add(typing.get_origin(info.annotation) or info.annotation)
        out[name] = ("list" if list in kinds else "str", cap)
    return out


def _refit(item: Any) -> Any:
    """A model instance made without validation (``model_copy(update=...)``) brought within limits."""
    if not isinstance(item, _Strict) or not _limits(type(item)):
        return item
    data = dict(item.__dict__)
    fitted = _fit(type(item), data)
    return item if fitted is data else type(item)(**fitted)


def _cut_span(span: Any, length: int) -> Any:
    if isinstance(span, Span):
        return Span(start=span.start, end=span.start + length)
    if isinstance(span, dict) and isinstance(span.get("start"), int):
        return {**span, "end": span["start"] + length}
    return span


def _fit(cls: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every limited list cut to its limit (nested items fitted too), free text cut
    with an ellipsis, and verbatim text cut with its span; ``data`` itself when nothing changed.
    A Summary notes in ``rejected`` how many items of each list were left out."""
    limits = _limits(cls)
    if not limits:
        return data
    out = data
    dropped: dict[str, int] = {}
    for name, (kind, cap) in limits.items():
        value = data.get(name)
        if kind == "list" and isinstance(value, list):
            fitted = [_refit(v) for v in value[:cap]]
            if len(value) > cap or any(a is not b for a, b in zip(fitted, value, strict=False)):
                out = {**out, name: fitted}
                if len(value) > cap:
                    dropped[name] = len(value) - cap
        elif kind == "str" and isinstance(value, str) and len(value) > cap:
            span_field = _VERBATIM.get((cls.__name__, name))
            out = dict(out)
            if span_field is None:
                out[name] = value[: cap - 1].rstrip() + "…"
            else:
                out[name] = value[:cap]
                span = out.get(span_field)
                if isinstance(span, list) and span:
                    out[span_field] = [_cut_span(span[0], cap), *span[1:]]
                else:
                    out[span_field] = _cut_span(span, cap)
    if cls is Summary and dropped:
        out = _note_dropped(out, dropped)
    return out


def _note_dropped(data: dict[str, Any], dropped: dict[str, int]) -> dict[str, Any]:
    """Say in ``rejected`` what the limits left out (nothing goes silently); figure conflicts that
    pointed past the kept figures are removed."""
    cap = _limits(Summary)["rejected"][1]
    notes = [
        Rejected(
            field=name,
            item={"left_out": n},
            reason=f"above the schema's limit of {_limits(Summary)[name][1]} {name}: the first ones are kept",
        )
        for name, n in dropped.items()
        if name != "rejected"
    ]
    rejected = list(data.get("rejected") or [])[: cap - len(notes)] + notes
    out = {**data, "rejected": rejected}
    if "figures" in dropped:
        kept = len(out["figures"])
        out["figures"] = [_without_conflicts_past(f, kept) for f in out["figures"]]
    return out


def _without_conflicts_past(figure: Any, kept: int) -> Any:
    if isinstance(figure, Figure) and any(i >= kept for i in figure.conflicts_with):
        return figure.model_copy(update={"conflicts_with": [i for i in figure.conflicts_with if i < kept]})
    if isinstance(figure, dict) and isinstance(figure.get("conflicts_with"), list):
        return {**figure, "conflicts_with": [i for i in figure["conflicts_with"] if not isinstance(i, int) or i < kept]}
    return figure


def schema_version() -> str:
    """Content hash of the output schema: any change to the contract changes cache keys."""
    blob = json.dumps(Summary.model_json_schema(), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def json_schemas() -> dict[str, dict[str, Any]]:
    """The files in schemas/: regenerate with ``python -m summarizer.models schemas``."""
    return {"summary.schema.json": Summary.model_json_schema()}


def write_schemas(directory: str) -> list[str]:
    from pathlib import Path

    out = []
    for name, schema in json_schemas().items():
        path = Path(directory) / name
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        out.append(str(path))
    return out


if __name__ == "__main__":  # pragma: no cover - developer helper
    import sys

    print("\n".join(write_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas")))
