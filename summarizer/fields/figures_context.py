"""Figures read against the figures and the poll around them, after each was read from its own
clause: the maker of the poll a sentence's shares come from, the group a poll asked (prefixed to
the shares that open their clause), and a number said again of what the figure before it measured
("…, up from 41 percent", "when it was forty percent", a share restated after a dash)."""

from __future__ import annotations

import re

from ..grounding import tokens
from ..lexicon import MONTHS, RESPONDENT_WORDS, WEEKDAYS
from ..models import Figure
from ..scan.clauses import refers_back
from ..scan.coordinated import gapped_measures
from ..scan.poll_context import otherwise_measures, ranked_measures
from ..scan.polls import SHARE_HEDGE, compared_measures, poll_group, poll_makers
from .base import Context

__all__ = ["gapped", "placed", "poll_groups", "poll_makers_of", "said_again"]

_SHARES = frozenset(("percent", "ratio"))


def said_again(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """A number said of "it" or "this" ("a decrease from the year before, when it was forty
    percent") measures what the figure before it (of the same type, within two sentences) measured;
    "…, up from 41 percent" what it measured before; "compared with 34% of baby boomers" the same
    stance of another group; a share restated after a dash or in parentheses what the restatement
    measures."""
    text = ctx.article.text
    out: list[Figure] = []
    for f in figures:
        prev = next((g for g in reversed(out) if g.type == f.type or {g.type, f.type} <= _SHARES), None)
        near = prev is not None and f.span.start - prev.span.end < 400
        if prev is not None and near and f.sentence and refers_back(text, f.span.start, f.sentence.start):
            f = f.model_copy(update={"measures": prev.measures})
        elif (
            prev
            and near
            and f.sentence
            and (ranked := ranked_measures(text, f.span.start, f.sentence.start, prev.measures))
        ):
            f = f.model_copy(update={"measures": ranked})  # "Canada was the runner up, gaining 16 percent"
        elif out and (sentence := f.sentence) and out[-1].span.start >= sentence.start:  # in the same sentence
            last = out[-1]
            before = text[max(0, f.span.start - 25) : f.span.start]
            than = _THAN_RE.match(text, f.span.end, sentence.end)
            if {f.type, last.type} <= _SHARES and (other := otherwise_measures(text, f.span.end, last.measures)):
                f = f.model_copy(update={"measures": other})  # "… compared to 24 percent who said otherwise"
            elif re.search(r"\b(?:up|down)\s+from\s+(?:about\s+|nearly\s+|just\s+)?$", before):
                same = {"type": last.type, "unit": last.unit} if not f.unit and last.unit else {}
                when = _WHEN_RE.match(text, f.span.end, sentence.end)  # FR2-10: "up from 6 percent in October"
                then = " ".join(when.group("when").split()) if when else "before"
                f = f.model_copy(update={"measures": f"{last.measures} {then}", **same})  # "48 percent, up from 41"
            elif than and re.search(r"\bwhich\s+(?:is|was|are|were)\s+(?:about\s+|nearly\s+)?$", before):
                compared = f"{last.measures} {than.group(1)} than {than.group(2)}"  # "…, which is 9 points higher than"
                f = f.model_copy(update={"measures": compared})
            elif (
                prev is not None
                and prev.span.start >= sentence.start
                and (
                    found := compared_measures(
                        text, prev.span.end, prev.measures, f.span.start, f.span.end, sentence.end
                    )
                )
            ):
                f = f.model_copy(update={"measures": found})
        out.append(f)
    for i in range(len(out) - 2, -1, -1):  # "a bit more than half — 55 percent — of supporters said …"
        f, g = out[i], out[i + 1]
        if {f.type, g.type} <= _SHARES and re.fullmatch(r"\s*[—–(]\s*", text[f.span.end : g.span.start]):
            out[i] = f.model_copy(update={"measures": g.measures})  # one share said twice: the same measure
    for i in range(1, len(out)):  # "4.2 billion kronor ($452 million)": the same amount in another currency
        f, g = out[i - 1], out[i]
        between = text[f.span.end : g.span.start]
        if g.type == "money" and g.unit and g.unit != f.unit and f.measures and _RESTATED_RE.fullmatch(between):
            out[i] = g.model_copy(update={"measures": f"{f.measures} in {_CURRENCY_NAMES.get(g.unit, g.unit)}"})
    return out


#: when the earlier value was: "in October", "in the poll's July wave", "a year ago", "at the same point in 2012"
_WHEN_RE = re.compile(
    r"(?:\s+(?:percent|per\s+cent|points?|percentage\s+points?))?\s+(?P<when>"
    r"in\s+(?:the\s+(?:[\w’'-]+\s+){0,3}?)?(?:" + "|".join(MONTHS) + r"|spring|summer|fall|autumn|winter|\d{4})"
    r"(?:\s+(?:poll|survey|wave))?|"
    r"(?:a|one)\s+(?:year|month|week)\s+(?:ago|earlier)|last\s+(?:year|month|week)|"
    r"at\s+the\s+(?:same\s+point|start\s+of\s+\w+)(?:\s+in\s+\d{4})?)\b"
)
_RESTATED_RE = re.compile(r"\s*(?:[^\W\d_]+\s*)?\(\s*")
_CURRENCY_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CAD": "Canadian dollars"}


_THAN_RE = re.compile(
    r"\s+(higher|lower|more|less|greater|smaller|bigger|larger)\s+than\s+(?:in\s+|among\s+|for\s+)?(?:the\s+)?"
    r"((?:[A-Z][\w’'-]*|\d{4})(?:\s+[A-Z][\w’'-]*)*|[a-z]+(?:\s+[a-z]+)?)"
)


def poll_makers_of(ctx: Context) -> dict[int, str]:
    """Per sentence index, the maker of the poll its figures come from (``scan.polls``)."""
    body = [(s.index, s.start, s.end) for s in ctx.article.sentences if s.kind in ("headline", "body")]
    sources = {i: found[0] for i, found in ctx.sources().items()}
    return poll_makers(ctx.article.text, body, sources)


def poll_groups(ctx: Context, figures: list[Figure], polls: dict[int, str]) -> list[Figure]:
    """A share that opens its clause in a poll sentence is a share of the group the sentence (or
    the poll sentence before it, for the same poll) names: "58 percent of registered voters oppose
    the toll. Only 31 percent support it" -> "registered voters … support it"; "Among voters under
    30, 64 percent said they would never pay" -> "voters under 30 would never pay …"; "A YouGov poll of
    American voters …" names the group for the poll's later sentences, figures or not."""
    text = ctx.article.text
    groups: dict[int, str | None] = {}  # per poll sentence, the group its poll asked (named in it or before)
    group: str | None = None
    maker: str | None = None
    for s in ctx.article.sentences:
        if s.index not in polls:
            group = maker = None
            continue
        if polls[s.index] != maker:
            group, maker = None, polls[s.index]
        group = groups[s.index] = poll_group(text, s.start, s.end) or group  # "a poll of likely voters"
    out: list[Figure] = []
    for f in figures:
        sentence = ctx.article.sentence_at(f.span.start)
        group = groups.get(sentence.index) if sentence is not None else None
        if sentence is None or sentence.index not in polls:
            out.append(f)
            continue
        before = text[sentence.start : f.span.start]
        if (
            f.type in ("percent", "ratio")
            and group
            and not set(tokens(group)) & set(tokens(f.measures))
            and not _OWN_GROUP_RE.search(f.measures)  # it names its own group
            and (_OPENS_RE.search(before) or _BY_RE.search(before))
            and not re.match(r"\s+of\b", text[f.span.end : f.span.end + 4])
        ):
            f = f.model_copy(update={"measures": f"{group} {f.measures}".strip()})
        elif f.type == "percent" and group and (m := _BACKED_RE.fullmatch(f.measures)):  # FR3
            f = f.model_copy(update={"measures": f"{group} backing {m.group('a') or m.group('b')}"})
        out.append(f)
    return out


#: a candidate's share with no group: "Harwell" (``Harwell takes 44 percent``), "Harwell support", "supporting
#: Whitcomb" (``put Whitcomb at 45 percent``); in a sentence of a poll that names its group: "<group> backing <name>"
_BACKED_RE = re.compile(r"(?P<a>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})(?:\ssupport)?|supporting\s(?P<b>[A-Z][\w’'-]+)")


_OWN_GROUP_RE = re.compile(rf"\b(?:{RESPONDENT_WORDS})\b|\bshare\s+(?:of|who)\b", re.IGNORECASE)
#: a share that opens its clause: nothing but a hedge, a conjunction or "Among X," before it
_OPENS_RE = re.compile(
    r"(?:^\s*|[,;:—–]\s*|\b(?:and|but|while|whereas|compared\s+(?:with|to)|versus)\s+)(?:" + SHARE_HEDGE + r"\s+)?$",
    re.IGNORECASE,
)


#: a share after a passive verb ("France was named by a mere 3 percent"): of the poll's group
_BY_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+by\s+(?:a\s+[a-z]+\s+)?$")


#: what may stand between a count with a unit and one that leaves it out: "likely voters in Florida, ",
#: "pledged delegates, according to the AP's count, against "
_UNIT_GAP_RE = re.compile(
    r"(?:\s+[\w’'.-]+|,){0,9}?\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+(?:against|versus|compared\s+with)\s+)"
    r"(?:(?:at\s+least|about|nearly|almost|only|just|roughly|some)\s+)?"
)


def gapped(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """Figures in conjuncts that leave their verb out ("56 percent in Florida, 53 percent in Ohio and
    58 percent in Wisconsin"; "Mercer had 47% and Harlan 42%") measure the first one's measure of
    their own place or name (``scan.coordinated.gapped_measures``); a count that leaves its noun
    out ("1,020 likely voters in Florida, 948 in Ohio") counts the first one's."""
    out = list(figures)
    for i in range(1, len(out)):
        f, g = out[i - 1], out[i]
        sentence = g.sentence
        if sentence is None or f.span.start < sentence.start or f.type != g.type:
            continue
        if (
            g.unit is None
            and f.unit
            and g.type == "count"
            and _UNIT_GAP_RE.fullmatch(ctx.article.text, f.span.end, g.span.start)
        ):
            g = out[i] = g.model_copy(update={"unit": f.unit})  # "1,020 likely voters in Florida, 948 in Ohio"
        found = gapped_measures(
            ctx.article.text,
            (f.span.start, f.span.end, f.measures, f.unit),
            g.span.start,
            g.span.end,
            g.unit,
            sentence.end,
        )
        if found:
            out[i - 1] = f.model_copy(update={"measures": found[0]})
            out[i] = g.model_copy(update={"measures": found[1]})
    return out


#: a sentence that opens with where it happened: "In Ohio, Bradley leads …", "In Delaware, he won …"
_PLACE_OPENER_RE = re.compile(r"\s*In\s+(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}),\s")
_NOT_PLACES = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS, "All", "Addition", "Total", "Fact", "Short"))


def placed(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """Figures of a sentence that opens with its place ("In Ohio, Bradley leads 47 percent to 41
    percent") are of that place: "… in Ohio" unless their measure names it already."""
    text = ctx.article.text
    out = []
    for f in figures:
        s = f.sentence
        m = _PLACE_OPENER_RE.match(text, s.start, s.end) if s is not None else None
        if (
            m
            and m.end() <= f.span.start
            and m.group("place").split()[0].casefold() not in _NOT_PLACES
            and m.group("place").split()[-1] not in f.measures
            and not f.measures.startswith("age ")  # "In Halifax, … Al Turkmani, 49,": a person's age is not a place's
        ):
            f = f.model_copy(update={"measures": f"{f.measures} in {m.group('place')}".strip()})
        out.append(f)
    return out
