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

from ..candidates import _UNIT_STOP, QUANTITY_UNITS, NumberCandidate, parse_number, read_unit
from ..grounding import align, content_tokens, stem, tokens
from ..models import Figure, Rejected, Span
from .base import Answer, Context, Pass, guillemets, nullish

__all__ = [
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
        if any(_repeats(ctx.numbers[j], c) for j in out):
            continue  # the same number of the same thing again ("a turnout of 58%" in the lead and later)
        out.append(i)
    return out


def _repeats(a: NumberCandidate, b: NumberCandidate) -> bool:
    """A large value (10 or more) again with the same type and unit is the same quantity again;
    small ones ("one shell", "twice") recur for different things."""
    if a.value is None or a.value != b.value or a.kind != b.kind or a.value < 10:
        return False
    if not a.unit or not b.unit or a.unit == b.unit:
        return a.unit == b.unit
    return bool(set(map(stem, tokens(a.unit))) & set(map(stem, tokens(b.unit))))


def asked_figures(ctx: Context) -> list[int]:
    """The figures whose unit code could not read: the only ones the model is asked about."""
    return [i for i in figure_candidates(ctx) if ctx.numbers[i].unit is None][:MAX_KEYED_FIGURES]


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
        for index in figure_candidates(ctx):  # every figure code found, answered or not
            c = ctx.numbers[index]
            unit = c.unit or (units.get(asked[index]) if index in asked else None)
            figures.append(_figure(ctx, c.start, c.end, c.value, unit, c.kind, "exact"))
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
                figures.append(_figure(ctx, hit.start, hit.end, value, f.unit, kind, hit.status))
        figures.sort(key=lambda fig: fig.span.start)
        return {"figures": link_conflicts(figures)}, rejected


def _figure(ctx: Context, start: int, end: int, value: float | None, unit: str | None, kind: Any, match: Any) -> Figure:
    text = ctx.article.text
    sentence = ctx.article.sentence_at(start)
    source = None
    if sentence is not None and sentence.kind == "body":
        source = ctx.sources().get(sentence.index, (None, None, (0, 0)))[0]
    return Figure(
        text=text[start:end],
        value=value,
        unit=unit,
        type=kind,
        measures=measures_of(text, start, end, unit, sentence.start if sentence else 0, sentence.end if sentence else len(text)),
        source=source,
        span=Span(start=start, end=end),
        sentence=Span(start=sentence.start, end=sentence.end) if sentence else None,
        match=match,
    )


# --- what a number measures, from its own sentence -----------------------------------------------

_HEDGES = frozenset(
    "about around approximately roughly nearly almost over some at least more than less fewer up to just only "
    "an a the estimated another other all record under below above exceeded some by".split()
)
_PREPS = frozenset("of in near at on from to for across inside outside aboard against into per among between".split())
_CLAUSE_END = frozenset(
    "and or but which who that after when while as since because said says according where whose if so than".split()
)
_AUX = frozenset("were was are is have has had been being be will would could may might reportedly also".split())
_VERB_WORDS = frozenset(
    "killed died wounded injured fell hit left fired received won lost reached rose fell dropped got made took "
    "pay paid cost costs number spent attended voted evacuated rescued saved arrested held killing wounding "
    "firing receiving winning reaching elects elected include includes included".split()
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*%?|[^\sA-Za-z\d]")
_LEFT_STOP_PUNCT = frozenset(",;:()[]“”\"—–.!?")


def _is_verb(word: str) -> bool:
    low = word.casefold()
    return low in _VERB_WORDS or (len(low) > 4 and low.endswith(("ed", "ing")) and low not in ("during", "including"))


def measures_of(text: str, start: int, end: int, unit: str | None, s_start: int, s_end: int) -> str:
    """What a number counts or measures, as a short noun phrase of words from its own sentence:
    the counted noun, the verb it is subject or object of and the place or thing the following
    of/in/near/at phrase names ("about 80 people in the town of Yeoncheon" after "evacuated" ->
    "people evacuated in town of Yeoncheon"); never the number itself, no hedges."""
    left_words = _WORD_RE.findall(text[s_start:start])
    right_words = _WORD_RE.findall(text[end:s_end])
    unit_words = [w.casefold() for w in (unit or "").split()]
    noun_unit = bool(unit_words) and unit not in ("%", "fraction", "times", "points") and not re.fullmatch(r"[A-Z]{3}", unit or "")
    # right side: skip the unit (and a range's other end), then a verb and/or a preposition phrase
    i = 0
    while i < len(right_words) and (right_words[i].casefold() in ("-", "–", "to", "or", "percent", "per", "cent") or right_words[i][0].isdigit()):
        i += 1
    consumed = 0
    while i < len(right_words) and consumed < len(unit_words) and right_words[i].casefold().rstrip("s") in {u.rstrip("s") for u in unit_words} | {"-"}:
        i += 1
        consumed += 1
    if consumed == 0 and i < len(right_words) and right_words[i] in "-(":
        i += 1
    verb: list[str] = []
    j = i
    while j < len(right_words) and right_words[j].casefold() in _AUX:
        j += 1
    if j < len(right_words) and _is_verb(right_words[j]):
        verb = [right_words[j]]
        i = j + 1
    pp: list[str] = []
    if i < len(right_words) and right_words[i].casefold() in _PREPS:
        pp = _phrase(right_words, i, 6)
    # left side: the verb or noun phrase right before the number
    left: list[str] = []
    k = len(left_words) - 1
    while k >= 0 and left_words[k].casefold() in _HEDGES:
        k -= 1
    if k >= 0 and left_words[k].casefold() in ("of", "with", "by", "within", "for"):
        prep = left_words[k].casefold()
        k -= 1
        while k >= 0 and left_words[k].casefold() in _HEDGES:
            k -= 1
        head = []
        while k >= 0 and len(head) < 3 and left_words[k] not in _LEFT_STOP_PUNCT and left_words[k].casefold() not in _CLAUSE_END and left_words[k].casefold() not in _UNIT_STOP | _HEDGES:
            head.insert(0, left_words[k])
            k -= 1
        left = head if prep == "of" or head and _is_verb(head[-1]) else head[-1:]
    elif k >= 0 and (_is_verb(left_words[k]) or left_words[k].casefold() in ("number", "reach", "pay", "cost", "include")):
        left = [left_words[k]]
    elif k >= 0 and left_words[k] not in _LEFT_STOP_PUNCT and left_words[k].casefold() not in _UNIT_STOP:
        head = []
        while k >= 0 and len(head) < 2 and left_words[k] not in _LEFT_STOP_PUNCT and left_words[k].casefold() not in _CLAUSE_END | _UNIT_STOP:
            head.insert(0, left_words[k])
            k -= 1
        left = head
    parts: list[str] = []
    if noun_unit:
        parts += (unit or "").split()
        parts += [w for w in left if w.casefold() not in unit_words] if left and _is_verb(left[-1]) else []
        if left and not _is_verb(left[-1]):
            parts = [*left, *parts]
    else:
        parts += left
    parts += verb + pp
    words = [w for w in parts if w.casefold() not in _HEDGES or w.casefold() in ("of", "in", "at", "on", "near", "to", "for", "from")]
    while words and (words[-1].casefold() in _UNIT_STOP or words[-1].casefold() in _HEDGES):
        words.pop()
    while words and words[0].casefold() in _PREPS:
        words.pop(0)
    return " ".join(words[:8])


def _phrase(words: list[str], i: int, limit: int) -> list[str]:
    """A preposition and the noun phrase after it, up to punctuation or a clause word."""
    out = [words[i]]
    for w in words[i + 1 :]:
        low = w.casefold()
        if not w[0].isalnum() or low in _CLAUSE_END or (len(out) > 1 and _is_verb(w)) or w[0].isdigit():
            break
        out.append(w)
        if len(out) >= limit:
            break
    return [w for w in out if w.casefold() not in ("the", "a", "an")]


# --- figures that count the same thing with different values -----------------------------------------


def link_conflicts(figures: list[Figure]) -> list[Figure]:
    """Point figures that count the same thing with different values at each other
    (``conflicts_with`` holds indexes into ``figures``): same type and unit, in different
    sentences, what they measure sharing at least two content words and at least half of them
    (two death tolls from two sources)."""
    words = [set(content_tokens(f.measures)) - set(content_tokens(f.unit or "")) for f in figures]
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
    return [f.model_copy(update={"conflicts_with": links[i]}) for i, f in enumerate(figures)]


def figures_model(ctx: Context) -> type[FiguresAnswer]:
    """A response model with one required ``Fi`` key per number whose unit code could not read
    (at most ``MAX_KEYED_FIGURES``): the model writes only that unit. Everything else (type,
    measures, source, conflicts) is read by code."""
    keys: dict[str, Any] = {f"F{n}": (str | None, ...) for n, _ in enumerate(asked_figures(ctx), 1)}
    keys["other"] = (list[FigureAnswer], Field(default_factory=list, max_length=10))
    asked = [k for k in keys if k != "other"]
    validators = {"clip": field_validator(*asked, mode="before")(_clip_unit)} if asked else {}
    return create_model("FiguresAnswer", __base__=FiguresAnswer, __validators__=validators, **keys)  # type: ignore[call-overload, no-any-return]


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
