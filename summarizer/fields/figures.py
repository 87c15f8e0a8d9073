"""Figures: code copies every number it scans (dates, years, clock times and labels are typed and
left out); the model only notes each one's unit and what it measures, keyed F1..Fn."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..candidates import NumberCandidate, parse_number
from ..grounding import align
from ..models import Figure, Rejected, Span
from .base import Answer, Context, Pass, guillemets, nullish

__all__ = [
    "MAX_KEYED_FIGURES",
    "PASS",
    "FigureMeasure",
    "FigureNote",
    "FiguresAnswer",
    "figure_candidates",
    "figures_model",
    "read_unit",
]


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


class FigureMeasure(BaseModel):
    """The note for a number whose unit code has read: only what it measures is asked."""

    model_config = ConfigDict(extra="forbid")
    measures: str = Field(default="", max_length=120)

    _clip_measures = field_validator("measures", mode="before")(_clip(120))


MAX_KEYED_FIGURES = 40

_UNIT_STOP = frozenset(
    (
        "of in at to from who that which were was is are have has had and or for on by with as than since after "
        "before the a an this their his her its will would could been be per into over under about each when while "
        "but later earlier ago said says left more aboard"
    ).split()
)
_UNIT_SKIP = frozenset("more additional new other extra further".split())
_CURRENCY_WORDS = {"euros": "EUR", "euro": "EUR", "dollars": "USD", "pounds": "GBP", "yen": "JPY", "yuan": "CNY"}
_FRACTIONS = frozenset(("half", "a half", "a third", "a quarter", "third", "quarter", "two-thirds", "two thirds"))


def read_unit(text: str, c: NumberCandidate) -> str | None:
    """The unit the words next to a number give, or None where code can't tell (then the model
    is asked): "58%" -> "%", "NZ$26 million" -> "NZD", "half of" -> "fraction", "twice" ->
    "times", "14-year-old" -> "years", "(800 km)" -> "km", "ten to 32 pages" -> "pages",
    "100 battalion tactical units" -> "battalion tactical units" (up to three words, stopping at
    a function word or a verb: "107 killed" has no unit here)."""
    raw = c.text.casefold()
    if c.kind == "percent" or raw.endswith("%") or "percent" in raw or "per cent" in raw:
        return "%"
    before = text[max(0, c.start - 4) : c.start]
    if c.kind == "money" or any(sym in c.text for sym in "$€£¥"):
        for sign, code in (("NZ", "NZD"), ("A$", "AUD"), ("C$", "CAD"), ("HK", "HKD"), ("€", "EUR"), ("£", "GBP")):
            if sign in c.text or sign in before:
                return code
        return "USD"
    if raw in _FRACTIONS:
        return "fraction"
    if raw in ("twice", "once", "thrice"):
        return "times"
    after = text[c.end : c.end + 80].split("\n")[0]
    if re.match(r"\s*-\s*(?:year|month|week|day)s?-old", after):
        return "years"
    after = re.sub(r"^\s*(?:to|-|–|or)\s*[\d,]*\d(?:\.\d+)?", "", after)  # a range: "ten to 32 pages"
    phrase: list[str] = []
    for word in re.findall(r"[A-Za-z][\w'-]*|[^\sA-Za-z]", after):
        low = word.casefold()
        if not word[0].isalpha():
            if phrase or word not in "-(":
                break
            continue
        if low in _CURRENCY_WORDS and not phrase:
            return _CURRENCY_WORDS[low]
        if low in _UNIT_STOP or (phrase and re.search(r"(?:ly|ed|ing)$", low)) or (not phrase and low.endswith("ed")):
            break
        if low in _UNIT_SKIP and not phrase:
            continue
        phrase.append(word)
        if len(phrase) == 3:
            break
    return " ".join(phrase) or None


def figure_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.numbers`` of the figures offered as F1, F2, ... (dates, years, times
    and labels such as "Explorer 6" are typed by the scanner and left out)."""
    return [i for i, c in enumerate(ctx.numbers) if c.is_figure]


class FiguresAnswer(Answer):
    """Notes keyed by candidate (``F1``..``Fn``, made per article by ``figures_model``): the text
    and offsets of every figure come from the scanner, the model says what each one counts;
    ``other`` holds figures the scanner missed."""

    field_name: ClassVar[str] = "figures"

    def notes(self) -> dict[int, FigureNote | FigureMeasure | None]:
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
                    unit=read_unit(text, c) or getattr(note, "unit", None),
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
    ``MAX_KEYED_FIGURES``; the rest are kept without notes). Where code reads the unit
    (``read_unit``) the key asks only what the number measures: fewer tokens to generate."""
    offered = figure_candidates(ctx)[:MAX_KEYED_FIGURES]
    keys: dict[str, Any] = {
        f"F{n}": ((FigureMeasure if read_unit(ctx.article.text, ctx.numbers[i]) else FigureNote) | None, ...)
        for n, i in enumerate(offered, 1)
    }
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
