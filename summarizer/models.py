"""The output contract (see DESIGN.md): pydantic models whose JSON Schema is committed in schemas/."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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
