"""Per-field extraction passes: what the model is asked, what it answers, how answers are grounded.

Every pass shares the article as its prompt prefix (llama.cpp reuses the cached prefix) and adds
its own task. Each response model's validator grounds the answer against the article; a failure
is raised as a validation error so instructor re-asks with the reasons. After the last attempt
the answer is parsed leniently and what still fails moves to ``rejected``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)
from rapidfuzz import fuzz

from .article import Article
from .candidates import (
    ORG_WORDS,
    NameCandidate,
    NumberCandidate,
    QuoteCandidate,
    attribute_quotes,
    parse_number,
    scan_names,
    scan_numbers,
    scan_quotes,
)
from .grounding import align, find_mentions
from .models import Actor, ActorKind, Claim, Figure, MatchStatus, Quote, Rejected, Span
from .prompts import render

__all__ = [
    "COMBINE",
    "PASSES",
    "ActorsAnswer",
    "Context",
    "FiguresAnswer",
    "Pass",
    "QuotesAnswer",
    "SummaryAnswer",
    "build_combine_messages",
    "build_messages",
    "grounding_context",
    "merge_actors",
    "union_spans",
]


@dataclass
class Context:
    """What grounding needs: the article and the scanners' candidates, computed once."""

    article: Article
    quotes: list[QuoteCandidate] = field(default_factory=list)
    numbers: list[NumberCandidate] = field(default_factory=list)
    names: list[NameCandidate] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)
    offered: list[int] | None = None

    @classmethod
    def of(cls, article: Article) -> Context:
        starts = {s.start for s in article.sentences}
        quotes = scan_quotes(article.text)
        names = scan_names(article.text, starts)
        speakers = attribute_quotes(article.text, quotes, names)
        return cls(article, quotes, scan_numbers(article.text), names, speakers)


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


class _Answer(BaseModel):
    """Base of what the model writes: bounded so a looping model is cut off by the grammar."""

    model_config = ConfigDict(extra="forbid")
    field_name: ClassVar[str] = ""

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        raise NotImplementedError

    @model_validator(mode="after")
    def _grounded(self) -> _Answer:
        ctx = _CURRENT.get()
        if ctx is not None:
            _, rejected = self.ground(ctx)
            if rejected:
                reasons = "; ".join(f"{_short(r.item)}: {r.reason}" for r in rejected[:8])
                raise ValueError(
                    f"{len(rejected)} item(s) are not supported by the article ({reasons}). "
                    "Copy text exactly from the article, or leave the item out."
                )
        return self


def _short(item: dict[str, Any]) -> str:
    text = str(item.get("text") or item.get("name") or item)
    return repr(text if len(text) < 60 else text[:57] + "...")


_NULLISH = {"", "null", "none", "n/a", "na", "unknown", "nobody", "the article", "article"}


def _nullish(value: str | None) -> str | None:
    """Small models write the string "null" (or "unknown") where JSON null was meant."""
    if value is None:
        return None
    value = value.strip()
    return None if value.casefold() in _NULLISH else value


# ---- summary and claims -------------------------------------------------------------------


class ClaimAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=300)
    attributed_to: str | None = Field(default=None, max_length=100)
    sentences: list[int] = Field(default_factory=list, max_length=5)

    _attribution = field_validator("attributed_to")(_nullish)


class SummaryAnswer(_Answer):
    field_name: ClassVar[str] = "claims"
    summary: str = Field(max_length=1200)
    claims: list[ClaimAnswer] = Field(default_factory=list, max_length=8)

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        kept: list[Claim] = []
        rejected: list[Rejected] = []
        n = len(ctx.article.sentences)
        for claim in self.claims:
            item = claim.model_dump()
            sentences = [ctx.article.sentences[i - 1] for i in claim.sentences if 1 <= i <= n]
            if not sentences:
                best = max(ctx.article.sentences, key=lambda s: fuzz.token_set_ratio(claim.text, s.text))
                if fuzz.token_set_ratio(claim.text, best.text) >= 60:
                    sentences = [best]
            if not sentences:
                rejected.append(Rejected(field="claims", item=item, reason="no sentence of the article supports it"))
                continue
            attributed = claim.attributed_to
            if attributed and not _mentioned(text, attributed):
                rejected.append(
                    Rejected(field="claims", item=item, reason=f"{attributed!r} is not named in the article")
                )
                continue
            spans = [Span(start=s.start, end=s.end) for s in sentences]
            kept.append(Claim(text=claim.text, attributed_to=attributed, evidence=spans))
        rejected.extend(_unsupported_numbers(self.summary, ctx))
        return {"summary": self.summary, "claims": kept}, rejected


def _unsupported_numbers(summary: str, ctx: Context) -> list[Rejected]:
    """A number in the summary that the article never states is a re-ask reason."""
    out = []
    for number in re.findall(r"\d[\d,.]*\d|\d", summary):
        value = parse_number(number)
        if value is not None and not any(c.value == value for c in ctx.numbers):
            out.append(
                Rejected(field="summary", item={"text": number}, reason="number in the summary is not in the article")
            )
    return out


class CombineAnswer(_Answer):
    """The summary of a long article, written from its chunks' summaries."""

    field_name: ClassVar[str] = "summary"
    summary: str = Field(max_length=1200)

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        return {"summary": self.summary}, _unsupported_numbers(self.summary, ctx)


# ---- actors -------------------------------------------------------------------------------


class ActorAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=80)
    kind: ActorKind = "other"
    role: str | None = Field(default=None, max_length=120)


def _mentioned(text: str, name: str) -> bool:
    return bool(_mentions(text, name, "person"))


def _mentions(text: str, name: str, kind: str) -> list[tuple[int, int]]:
    spans = find_mentions(text, name)
    if not spans and kind == "person" and len(name.split()) > 1:
        spans = find_mentions(text, name.split()[-1])
    return spans


class ActorsAnswer(_Answer):
    field_name: ClassVar[str] = "actors"
    actors: list[ActorAnswer] = Field(default_factory=list, max_length=25)

    def ground(self, ctx: Context) -> tuple[dict[str, Any], list[Rejected]]:
        text = ctx.article.text
        actors: list[Actor] = []
        rejected: list[Rejected] = []
        for a in self.actors:
            name = a.name.strip()
            spans = _mentions(text, name, a.kind)
            if not spans:
                rejected.append(Rejected(field="actors", item=a.model_dump(), reason="never mentioned in the article"))
                continue
            actors.append(
                Actor(
                    name=name,
                    kind=a.kind,
                    role=a.role,
                    mentions=[Span(start=s, end=e) for s, e in spans],
                )
            )
        return {"actors": merge_actors(text, actors)}, rejected


def merge_actors(text: str, actors: list[Actor]) -> list[Actor]:
    """Merge actors that are one entity ("Joe Biden" and "Biden"); the fuller name stays."""
    merged: list[Actor] = []
    for actor in sorted(actors, key=lambda a: -len(a.name)):
        words = set(actor.name.casefold().split())
        for kept in merged:
            kept_words = set(kept.name.casefold().split())
            same_kind = kept.kind == actor.kind or "other" in (kept.kind, actor.kind)
            same = words <= kept_words or actor.name.casefold() == kept.name.casefold()
            if words and ((same_kind and same) or is_acronym_of(actor.name, kept.name)):
                if actor.name != kept.name and actor.name not in kept.aliases:
                    kept.aliases.append(actor.name)
                kept.mentions = union_spans(kept.mentions + actor.mentions)
                kept.role = kept.role or actor.role
                break
        else:
            merged.append(actor.model_copy(deep=True))
    order = {a.name: min((m.start for m in a.mentions), default=0) for a in merged}
    return sorted(merged, key=lambda a: order[a.name])


def is_acronym_of(short: str, name: str) -> bool:
    """ "KCNA" for "Korean Central News Agency": the initials of the capitalised words."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", name) if w[0].isupper()]
    return short.isupper() and 2 <= len(short) <= 8 and len(words) >= 2 and "".join(w[0] for w in words) == short


def _names_entity(name: str, actor: Actor) -> bool:
    """Whether ``name`` refers to ``actor``: its name or an alias, the end of one ("Mohib" for
    "Hamdullah Mohib"), or its acronym."""
    folded = name.casefold()
    for known in (actor.name, *actor.aliases):
        if folded == known.casefold() or is_acronym_of(name, known):
            return True
        if len(name) >= 3 and known.casefold().endswith(" " + folded):
            return True
    return False


def _kind_of(name: str) -> ActorKind:
    words = name.split()
    if name.isupper() or any(w.casefold() in ORG_WORDS for w in words):
        return "organization"
    return "person" if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else "other"


def person_like(text: str, name: str) -> bool:
    """A scanned name that reads as a person's: two to four capitalised words, none an acronym,
    a number or a body ("Council"), and never after "in/at/from/near" (places: "in New York")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.isupper() or not w[:1].isupper() for w in words):
        return False
    if any(w.casefold() in ORG_WORDS or any(c.isdigit() for c in w) for w in words):
        return False
    return not re.search(rf"\b(?:in|at|near|from|to|across|of)\s+(?:the\s+)?{re.escape(name)}\b", text)


def _actor_in(text: str, name: str, kind: ActorKind) -> Actor:
    """An actor found by code rather than named by the model, with every mention of its name."""
    mentions = [Span(start=s, end=e) for s, e in find_mentions(text, name)]
    return Actor(name=name, kind=kind, role=None, mentions=mentions)


def link_speakers(text: str, fields: dict[str, Any], names: list[NameCandidate] | None = None) -> dict[str, Any]:
    """Whoever a quote or claim is attributed to is an actor, and is called by the actor's name:
    "KCNA" becomes "Korean Central News Agency" when that actor is listed, and a speaker the
    actors pass missed ("Jeff Rathke") is added with its mentions. Names the article never
    mentions are left as they are (grounding has already rejected them). Scanned ``names`` that
    read as people (``person_like``) are added too: the actors answer is capped, and a small
    model drops people in a long list (the election seed names 50)."""
    actors: list[Actor] = [a.model_copy(deep=True) for a in fields.get("actors", [])]
    for n in names or []:
        if person_like(text, n.text) and not any(_names_entity(n.text, a) for a in actors):
            actors.append(_actor_in(text, n.text, "person"))

    def canonical(name: str | None) -> str | None:
        if not name:
            return name
        for actor in actors:
            if _names_entity(name, actor):
                return actor.name
        actor = _actor_in(text, name, _kind_of(name))
        if actor.mentions:
            actors.append(actor)
        return name

    quotes = [q.model_copy(update={"speaker": canonical(q.speaker)}) for q in fields.get("quotes", [])]
    claims = [c.model_copy(update={"attributed_to": canonical(c.attributed_to)}) for c in fields.get("claims", [])]
    order = {a.name: min((m.start for m in a.mentions), default=0) for a in actors}
    return {**fields, "quotes": quotes, "claims": claims, "actors": sorted(actors, key=lambda a: order[a.name])}


def union_spans(spans: list[Span]) -> list[Span]:
    """Sorted spans with those inside another one dropped ("Biden" within "Joe Biden")."""
    ordered = sorted(spans, key=lambda m: (m.start, -m.end))
    out: list[Span] = []
    for m in ordered:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


# ---- figures ------------------------------------------------------------------------------


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
    _unit = field_validator("unit")(_nullish)


MAX_KEYED_FIGURES = 40


def figure_candidates(ctx: Context) -> list[int]:
    """Indexes into ``ctx.numbers`` of the figures offered as F1, F2, ... (dates, years, times
    and labels such as "Explorer 6" are typed by the scanner and left out)."""
    return [i for i, c in enumerate(ctx.numbers) if c.is_figure]


class FiguresAnswer(_Answer):
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


# ---- quotes -------------------------------------------------------------------------------


class ExtraQuote(BaseModel):
    """A quotation the scanner missed, written out by the model and then aligned verbatim."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=600)
    speaker: str | None = Field(default=None, max_length=80)

    _speaker = field_validator("speaker")(_nullish)


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


class QuotesAnswer(_Answer):
    """Speakers keyed by candidate (``Q1``..``Qn``, made per article by ``quotes_model``), so the
    grammar writes every key and the model only fills in names; ``other`` holds missed quotes."""

    field_name: ClassVar[str] = "quotes"

    def speakers(self) -> dict[int, str | None]:
        return {int(k[1:]): _nullish(v) for k, v in self.model_dump().items() if re.fullmatch(r"Q\d+", k)}

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
            elif speaker and not _mentioned(text, speaker):
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
            elif extra.speaker and not _mentioned(text, extra.speaker):
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


# ---- passes and prompts -------------------------------------------------------------------


@dataclass(frozen=True)
class Pass:
    name: Literal["summary", "actors", "figures", "quotes", "combine"]
    answer: type[_Answer]
    candidates: Callable[[Context], str] | None = None
    model_for: Callable[[Context], type[_Answer]] | None = None

    def model(self, ctx: Context) -> type[_Answer]:
        """The response model for this article (the quotes pass makes one key per quotation)."""
        return self.model_for(ctx) if self.model_for else self.answer

    def skip(self, ctx: Context) -> bool:
        """Nothing to ask: no quotation marks for the quotes pass, no numbers for the figures pass."""
        if self.name == "figures":
            return not figure_candidates(ctx)
        return self.name == "quotes" and not quote_candidates(ctx)


def _quote_candidates(ctx: Context) -> str:
    def opening(text: str, words: int = 12) -> str:
        parts = text.split()
        return " ".join(parts[:words]) + (" …" if len(parts) > words else "")

    lines = []
    for n, i in enumerate(quote_candidates(ctx), 1):
        who = ctx.speakers[i]
        hint = f"   [beside it: {who}]" if who else ""
        lines.append(f"Q{n}: «{_guillemets(opening(ctx.quotes[i].text))}»{hint}")
    return "\n".join(lines)


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
        lines.append(f"F{n}: {_guillemets(c.text)} in «…{_guillemets(around)}…»")
    return "\n".join(lines)


def _name_candidates(ctx: Context) -> str:
    return "; ".join(c.text for c in ctx.names[:60]) or "(none found)"


PASSES: tuple[Pass, ...] = (
    Pass("summary", SummaryAnswer),
    Pass("actors", ActorsAnswer, _name_candidates),
    Pass("figures", FiguresAnswer, _number_candidates, figures_model),
    Pass("quotes", QuotesAnswer, _quote_candidates, quotes_model),
)


def _guillemets(text: str) -> str:
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


def build_messages(ctx: Context, p: Pass) -> list[dict[str, str]]:
    """System text, then the article (a prefix shared by every pass), then the pass's task."""
    sentences = "\n".join(f"[{s.index}] {_guillemets(s.text)}" for s in ctx.article.sentences)
    task_vars = {"candidates": p.candidates(ctx)} if p.candidates else {}
    user = render("article", sentences=sentences) + "\n\n" + render(p.name, **task_vars)
    return [{"role": "system", "content": render("system")}, {"role": "user", "content": user}]


COMBINE = Pass("combine", CombineAnswer)


def build_combine_messages(summaries: list[str]) -> list[dict[str, str]]:
    numbered = "\n".join(f"Part {i}: {_guillemets(text)}" for i, text in enumerate(summaries, 1))
    return [
        {"role": "system", "content": render("system")},
        {"role": "user", "content": render("combine", summaries=numbered)},
    ]


def _accepts_none(annotation: Any) -> bool:
    return type(None) in getattr(annotation, "__args__", ())


def lenient_parse(answer: type[_Answer], data: Any) -> tuple[_Answer | None, list[Rejected]]:
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
                        good.append(item_type.model_validate(raw).model_dump())
                    except ValidationError as exc:
                        item = raw if isinstance(raw, dict) else {"raw": raw}
                        rejected.append(Rejected(field=key, item=item, reason=f"invalid: {exc.errors()[0]['msg']}"))
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
