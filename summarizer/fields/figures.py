"""Figures: code copies every number it scans (dates, years, clock times and labels are typed and
left out); the model only notes each one's unit and what it measures, keyed F1..Fn."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..candidates import parse_number
from ..grounding import align
from ..models import Figure, Rejected, Span
from .base import Answer, Context, Pass, guillemets, nullish

__all__ = ["MAX_KEYED_FIGURES", "PASS", "FigureNote", "FiguresAnswer", "figure_candidates", "figures_model"]


class FigureAnswer(BaseModel):
    """A figure the scanner missed, written out by the model and then aligned."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=60)
    unit: str | None = Field(default=None, max_length=40)
    measures: str = Field(default="", max_length=120)


def _clip(limit: int) -> Callable[[Any], Any]:
    """Cut an over-long note at a word boundary: a wordy note is still a note, and rejecting it
    would lose the figure's unit too."""

    def clip(value: Any) -> Any:
        if isinstance(value, str) and len(value) > limit:
            return value[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-")
        return value

    return clip


class FigureNote(BaseModel):
    """What only the model can say about a number code found: what it counts and measures."""

    model_config = ConfigDict(extra="forbid")
    unit: str | None = Field(default=None, max_length=40)
    measures: str = Field(default="", max_length=120)

    _clip_unit = field_validator("unit", mode="before")(_clip(40))
    _clip_measures = field_validator("measures", mode="before")(_clip(120))
    _unit = field_validator("unit")(nullish)


MAX_KEYED_FIGURES = 40


def figure_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.numbers`` of the figures offered as F1, F2, ... (dates, years, times
    and labels such as "Explorer 6" are typed by the scanner and left out)."""
    return [i for i, c in enumerate(ctx.numbers) if c.is_figure]


class FiguresAnswer(Answer):
    """Notes keyed by candidate (``F1``..``Fn``, made per article by ``figures_model``): the text
    and offsets of every figure come from the scanner, the model says what each one counts;
    ``other`` holds figures the scanner missed."""

    field_name: ClassVar[str] = "figures"

    def notes(self) -> dict[int, FigureNote | None]:
        return {int(k[1:]): getattr(self, k) for k in type(self).model_fields if re.fullmatch(r"F\d+", k)}

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        rejected: list[Rejected] = []
        offered = figure_candidates(ctx)
        notes = self.notes()
        figures: list[Figure] = []
        for n, index in enumerate(offered, 1):  # every figure code found, noted or not
            c = ctx.numbers[index]
            note = notes.get(n) or FigureNote()
            figures.append(
                Figure(
                    text=c.text,
                    value=c.value,
                    unit=note.unit,
                    measures=note.measures,
                    span=Span(start=c.start, end=c.end),
                    match="exact",
                )
            )
        for f in getattr(self, "other", []):
            item = f.model_dump()
            value = parse_number(f.text)
            hit = align(text, f.text)
            if value is None:
                rejected.append(Rejected(field="figures", item=item, reason="no number in the text"))
            elif hit is None:
                rejected.append(
                    Rejected(field="figures", item=item, reason=f"the number {f.text!r} does not occur in the article")
                )
            elif any(hit.start < g.span.end and g.span.start < hit.end for g in figures):
                continue  # a listed figure again
            elif (inside := [c for c in ctx.numbers if hit.start <= c.start and c.end <= hit.end]) and not any(
                c.is_figure for c in inside
            ):
                rejected.append(
                    Rejected(
                        field="figures", item=item, reason=f"{inside[0].text!r} is a {inside[0].kind}, not a figure"
                    )
                )
            else:
                figures.append(
                    Figure(
                        text=text[hit.start : hit.end],
                        value=value,
                        unit=f.unit,
                        measures=f.measures,
                        span=Span(start=hit.start, end=hit.end),
                        match=hit.status,
                    )
                )
        figures.sort(key=lambda fig: fig.span.start)
        return {"figures": figures}, rejected


def figures_model(ctx: Context) -> type[FiguresAnswer]:
    """A response model with one required ``Fi`` key per offered number, in order (at most
    ``MAX_KEYED_FIGURES``; the rest are kept without notes)."""
    count = min(len(figure_candidates(ctx)), MAX_KEYED_FIGURES)
    keys: dict[str, Any] = {f"F{i}": (FigureNote | None, ...) for i in range(1, count + 1)}
    keys["other"] = (list[FigureAnswer], Field(default_factory=list, max_length=10))
    return create_model("FiguresAnswer", __base__=FiguresAnswer, **keys)


def _number_candidates(ctx: Context) -> str:
    """``F3: 175,000 in «…might number 175,000 – is already…»``: the words around a number are
    what the model needs to say what it counts."""
    text = ctx.article.text
    lines = []
    for n, i in enumerate(figure_candidates(ctx)[:MAX_KEYED_FIGURES], 1):
        c = ctx.numbers[i]
        left = text[max(0, c.start - 60) : c.start].split("\n")[-1].split()[-6:]
        right = text[c.end : c.end + 50].split("\n")[0].split()[:4]
        around = " ".join([*left, text[c.start : c.end], *right])
        lines.append(f"F{n}: {guillemets(c.text)} in «…{guillemets(around)}…»")
    return "\n".join(lines)


PASS = Pass("figures", FiguresAnswer, _number_candidates, figures_model, skip=lambda ctx: not figure_candidates(ctx))
