"""Figures: code copies every number it scans, types it (count, quantity, money, percent, ratio,
score, range; dates, years, clock times, ordinals and labels are left out), reads its unit, writes
what it measures from its own sentence, names who gives it (the attribution module) and links
figures that count the same thing with different values. The model is asked only for the unit
of the numbers code could not read one for, keyed F1..Fn; when there are none the pass is skipped.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..grounding import align, content_tokens, stem, tokens
from ..models import Figure, Rejected, Span
from ..scan import NumberCandidate, clause_source, parse_number, read_unit
from ..scan.amount_holders import held_measures
from ..scan.hedges import hedged
from ..scan.measures import measures_of
from ..scan.owners import owned
from ..scan.poll_context import count_maker, document_maker, is_heading_line
from ..scan.poll_phrases import named_side
from ..scan.polls import is_poll_source, share_says
from ..scan.units import unit_in_article
from .base import Answer, Context, Pass, guillemets, nullish
from .figures_context import gapped, placed, poll_groups, poll_makers_of, said_again

__all__ = [
    "MAX_CONFLICTS",
    "MAX_KEYED_FIGURES",
    "PASS",
    "FiguresAnswer",
    "asked_figures",
    "figure_candidates",
    "figures_model",
    "link_conflicts",
    "measures_of",
    "read_unit",
]


class FigureAnswer(BaseModel):
    """A figure the scanner missed, written out by the model and then aligned."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=60)
    unit: str | None = Field(default=None, max_length=40)


def _clip_unit(value: Any) -> Any:
    """Cut an over-long unit at a word boundary rather than reject it."""
    if isinstance(value, str) and len(value) > 40:
        return value[:40].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return value


MAX_KEYED_FIGURES = 40


def figure_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.numbers`` of the figures: numbers typed as a figure, in the article's
    body (not its headline, date line or byline, which repeat the body)."""
    front = [(s.start, s.end) for s in ctx.article.sentences if s.kind in ("headline", "dateline", "byline")]
    out: list[int] = []
    for i, c in enumerate(ctx.numbers):
        if not c.is_figure or any(a <= c.start < b for a, b in front):
            continue
        if any(_repeats(ctx.numbers[j], c) and _said_of_the_same(ctx, ctx.numbers[j], c) for j in out):
            continue  # the same number of the same thing again ("a turnout of 58%" in the lead and later)
        out.append(i)
    return out


def _repeats(a: NumberCandidate, b: NumberCandidate) -> bool:
    """A large value (10 or more) written the same way again, with the same type and unit, is the
    same quantity again; small ones ("one shell", "twice") recur for different things."""
    if a.value is None or a.value != b.value or a.kind != b.kind or a.value < 10 or a.text != b.text:
        return False
    if not a.unit or not b.unit:
        return False
    if a.unit == b.unit:
        return True
    return bool(set(map(stem, tokens(a.unit))) & set(map(stem, tokens(b.unit))))


def _said_of_the_same(ctx: Context, a: NumberCandidate, b: NumberCandidate) -> bool:
    """Whether two mentions of a share or a number of years share a content word within five words
    either side in their sentences ("dies at 93", "was 93 and died"; "a turnout of 58%", "turnout was
    58%"); "Loughlin's 41 percent" and "turnout at 41 percent", "asked for 16 years" and "Jacob Reyes,
    16," do not: two things of one value."""

    text = ctx.article.text

    def near(c: NumberCandidate) -> set[str]:
        s = ctx.article.sentence_at(c.start)
        lo, hi = (s.start, s.end) if s is not None else (0, len(text))
        left = text[max(lo, c.start - 60) : c.start].split()[-5:]
        right = text[c.end : min(hi, c.end + 60)].split()[:5]
        return {stem(w) for w in content_tokens(" ".join(left + right)) if not w[0].isdigit()}

    if a.kind != "percent" and a.unit != "years":
        return True  # money and counts of one value are one thing told again ("$44.5 million", "112 cars")
    unit = {stem(w) for w in content_tokens(a.unit or "")}
    mine, theirs = ({w[:-1] if len(w) > 3 and w.endswith("d") else w for w in near(c) - unit} for c in (a, b))
    return bool(mine & theirs)


def asked_figures(ctx: Context) -> list[int]:
    """The figures whose unit code could not read: the only ones the model is asked about (a
    score such as "the Internet: 1, Scientology: 0" has none to give)."""
    return [i for i in figure_candidates(ctx) if ctx.numbers[i].unit is None and ctx.numbers[i].kind != "score"][
        :MAX_KEYED_FIGURES
    ]


class FiguresAnswer(Answer):
    """Units keyed by the numbers code could not read one for (``F1``..``Fn``, made per article
    by ``figures_model``); ``other`` holds figures the scanner missed."""

    field_name: ClassVar[str] = "figures"

    def units(self) -> dict[int, str | None]:
        return {int(k[1:]): nullish(getattr(self, k)) for k in type(self).model_fields if re.fullmatch(r"F\d+", k)}

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        rejected: list[Rejected] = []
        asked = {index: n for n, index in enumerate(asked_figures(ctx), 1)}
        units = self.units()
        figures: list[Figure] = []
        polls = poll_makers_of(ctx)
        for index in figure_candidates(ctx):  # every figure code found, answered or not
            c = ctx.numbers[index]
            unit = c.unit or (units.get(asked[index]) if index in asked else None)
            if unit and not c.unit and (reason := _foreign_unit(ctx, c.start, unit)):
                rejected.append(Rejected(field="figures", item={"text": c.text, "unit": unit}, reason=reason))
                unit = None
            figures.append(_figure(ctx, c.start, c.end, c.value, unit, c.kind, "exact", polls))
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
                kind = next((c.kind for c in inside if c.is_figure), "count")
                unit = f.unit
                if unit and (reason := _foreign_unit(ctx, hit.start, unit)):
                    rejected.append(Rejected(field="figures", item={"text": f.text, "unit": unit}, reason=reason))
                    unit = None
                figures.append(_figure(ctx, hit.start, hit.end, value, unit, kind, hit.status, polls))
        figures.sort(key=lambda fig: fig.span.start)
        figures = link_conflicts(placed(ctx, gapped(ctx, said_again(ctx, poll_groups(ctx, figures, polls)))))
        text = ctx.article.text
        return {
            "figures": [
                f.model_copy(update={"measures": hedged(owned(m, f.type, f.unit, text), text, f.span.start)})
                for f in figures
                for m in [held(named_side(text, f.span.start, f.measures), f, text)]
            ]
        }, rejected

    def needs_reask(self, values: dict[str, Any], rejected: list[Rejected]) -> bool:
        """A unit the article does not use is dropped (the figure stays, without a unit): not worth
        another call; a figure that is not in the article is."""
        return any(not r.reason.startswith((_FOREIGN, _NUMBER_AS_UNIT)) for r in rejected)


_FOREIGN = "unit not in the article"
_NUMBER_AS_UNIT = "a unit names what the number counts, not a number"


def held(measures: str, f: Figure, text: str) -> str:
    """``scan.amount_holders.held_measures`` for a figure in its sentence (FR2-8)."""
    s_start = f.sentence.start if f.sentence else 0
    return held_measures(text, f.span.start, s_start, f.type, measures)


def _foreign_unit(ctx: Context, start: int, unit: str) -> str | None:
    """Why a unit from the model cannot be shown (None when it can): it must be words of the
    number's sentence or a normalised unit (``NORMALISED_UNITS``), so a prompt's example or a
    word from another story never becomes a unit. A unit with no letter ("20,000" for 20,000: the
    model repeating the number) names nothing."""
    if not re.search(r"[^\W\d_]", unit):
        return f"{_NUMBER_AS_UNIT}: {unit!r}"
    sentence = ctx.article.sentence_at(start)
    near = (
        ctx.article.text[sentence.start : sentence.end]
        if sentence
        else ctx.article.text[max(0, start - 200) : start + 200]
    )
    if unit_in_article(unit, near):
        return None
    return f"{_FOREIGN} next to the number, nor a normalised unit: {unit!r}"


_HEADING_RE = re.compile(r"[A-Z][A-Z’'&. -]*[A-Z]:\s")


def _describes_speaker(text: str, start: int, end: int, s_start: int, source: str) -> bool:
    """Whether a figure sits in an apposition or a "who" clause right after its speaker's name
    ("Sarandon, 69, told MSNBC"; "said Biden, who served as a senator for 36 years"): the article
    describing who speaks, not a number the speaker gives ("According to the Health Ministry, 40
    people were injured" opens the clause that is the ministry's)."""
    m = re.search(
        r"([A-Z][\w’'-]+),\s+(?:(?P<who>who\s+[^,;“”\"()]*?)|(?P<a>(?:the|a|an)\s+))?$",
        text[max(s_start, start - 120) : start],
    )
    if m is None or m.group(1).casefold() not in source.casefold().split():
        return False
    return bool(m.group("who") or m.group("a")) or text[end : end + 1] == ","  # bare: "Sarandon, 69, told"


def _figure(
    ctx: Context,
    start: int,
    end: int,
    value: float | None,
    unit: str | None,
    kind: Any,
    match: Any,
    polls: dict[int, str] | None = None,
) -> Figure:
    text = ctx.article.text
    sentence = ctx.article.sentence_at(start)
    source = None
    if sentence is not None and sentence.kind == "body":
        source = clause_source(text, start, end, sentence.start, sentence.end)  # "…, while X indicated 68 …"
        source = source or ctx.sources().get(sentence.index, (None, None, (0, 0)))[0]
        if source and _HEADING_RE.match(text, sentence.start) and text.startswith(source, sentence.start):
            source = None  # "KEEPING SCORE: The DAX rose …": a section heading, not who gives the number
        said = share_says(text[sentence.start : sentence.end])
        if polls and sentence.index in polls and (is_poll_source(source, text[sentence.start : sentence.end]) or said):
            source = polls[sentence.index]  # a poll's figure: the poll's maker
        source = source or document_maker(text, sentence.start)  # "The story also noted …": the story's maker
        if source and _describes_speaker(text, start, end, sentence.start, source):
            source = None  # "said Biden, who served … for 36 years": the article describing its speaker
        if is_heading_line(text, start, end, sentence.start, sentence.end):
            source = count_maker(text, start)  # "Clinton: 547." under a heading: the count's maker, not Clinton
    return Figure(
        text=text[start:end],
        value=value,
        unit=unit,
        type=kind,
        measures=measures_of(
            text, start, end, unit, sentence.start if sentence else 0, sentence.end if sentence else len(text), kind
        ),
        source=source,
        span=Span(start=start, end=end),
        sentence=Span(start=sentence.start, end=sentence.end) if sentence else None,
        match=match,
    )


# --- figures that count the same thing with different values -----------------------------------------


MAX_CONFLICTS = 50  # the output contract's bound on ``Figure.conflicts_with``
_GENERIC_HEADS = ("time", "distance", "age", "share", "margin", "increase", "decrease", "decline", "rise", "fall")


def link_conflicts(figures: list[Figure]) -> list[Figure]:
    """Point figures that count the same thing with different values at each other
    (``conflicts_with`` holds indexes into ``figures``): same type and unit, different values, in
    different sentences, and what they measure sharing at least half of its content words beyond
    the unit and generic heads such as "time" (two death tolls from two sources)."""
    generic = set(content_tokens(" ".join(_GENERIC_HEADS)))
    words = [set(content_tokens(f.measures)) - set(content_tokens(f.unit or "")) - generic for f in figures]
    links: dict[int, list[int]] = {i: [] for i in range(len(figures))}
    for i, a in enumerate(figures):
        for j in range(i + 1, len(figures)):
            b = figures[j]
            if a.type != b.type or not a.unit or (a.unit or "").casefold() != (b.unit or "").casefold():
                continue
            if a.value is None or b.value is None or a.value == b.value or a.sentence == b.sentence:
                continue
            shared = words[i] & words[j]
            if len(shared) >= 1 and len(shared) >= len(words[i] | words[j]) / 2:
                links[i].append(j)
                links[j].append(i)
    return [f.model_copy(update={"conflicts_with": links[i][:MAX_CONFLICTS]}) for i, f in enumerate(figures)]


def figures_model(ctx: Context) -> type[FiguresAnswer]:
    """A response model with one required ``Fi`` key per number whose unit code could not read
    (at most ``MAX_KEYED_FIGURES``): the model writes only that unit. Everything else (type,
    measures, source, conflicts) is read by code."""
    keys: dict[str, Any] = {f"F{n}": (str | None, ...) for n, _ in enumerate(asked_figures(ctx), 1)}
    keys["other"] = (list[FigureAnswer], Field(default_factory=list, max_length=10))
    asked = [k for k in keys if k != "other"]
    validators = {"clip": field_validator(*asked, mode="before")(_clip_unit)} if asked else {}
    return create_model("FiguresAnswer", __base__=FiguresAnswer, __validators__=validators, **keys)


def _number_candidates(ctx: Context) -> str:
    """``F3: 175,000 in «…might number 175,000 – is already…»``: the words around a number are
    what the model needs to say what it counts."""
    text = ctx.article.text
    lines = []
    for n, i in enumerate(asked_figures(ctx), 1):
        c = ctx.numbers[i]
        left = text[max(0, c.start - 60) : c.start].split("\n")[-1].split()[-6:]
        right = text[c.end : c.end + 50].split("\n")[0].split()[:4]
        around = " ".join([*left, text[c.start : c.end], *right])
        lines.append(f"F{n}: {guillemets(c.text)} in «…{guillemets(around)}…»")
    return "\n".join(lines)


PASS = Pass("figures", FiguresAnswer, _number_candidates, figures_model, skip=lambda ctx: not asked_figures(ctx))
