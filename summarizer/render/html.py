"""The HTML report: one self-contained page showing each article with its items highlighted in place.

Everything from the article or the model is untrusted: it reaches the page only through Jinja2's
autoescaping (text and attributes) or ``|tojson`` (the details blob the script reads). The page
makes no request: CSS and JS are inlined, and a Content-Security-Policy allows nothing but that
inline style and script (by hash), so even markup that slipped through could neither run nor load.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..errors import SummarizerError
from ..models import Span, Summary
from .spans import Highlight, Token, build_tokens

__all__ = ["KINDS", "article_markup", "content_policy", "highlights", "render_report", "report_policy"]

# kind -> legend label; the order is also nesting preference for identical spans (outermost first)
KINDS = {"claim": "Claim evidence", "quote": "Quote", "actor": "Actor", "figure": "Figure"}
_RANK = {kind: i for i, kind in enumerate(KINDS)}
_COUNTED = {"claim": "evidence spans", "quote": "quotes", "actor": "actor mentions", "figure": "figures"}

ReportInput = tuple[Summary, str, "str | None"]


@dataclass
class Entry:
    """One item in a side panel: what it shows, and the anchors of its places in the text."""

    item: str
    kind: str
    label: str
    fields: list[tuple[str, str]]
    anchors: list[str] = field(default_factory=list)


@dataclass
class Section:
    prefix: str
    title: str | None
    article: str
    summary: Summary
    tokens: list[Token]
    entries: dict[str, list[Entry]]
    counts: dict[str, int]
    meta: list[tuple[str, str]]
    rejected: list[dict[str, Any]]


def _article_text(text: str) -> Markup:
    """Escape article text; a carriage return becomes a reference, which HTML parsing keeps as is."""
    return Markup(str(escape(text)).replace("\r", "&#13;"))


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["article_text"] = _article_text
    return env


@cache
def _asset(name: str) -> str:
    return (files("summarizer.render") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def content_policy(styles: Sequence[str], scripts: Sequence[str], connect: str = "") -> str:
    """A CSP that allows nothing but these inline styles and scripts (by hash), and fetches to
    ``connect`` when given ('self' for the browser page, nothing for the report)."""
    parts = [
        "default-src 'none'",
        "style-src " + " ".join(_csp_hash(s) for s in styles),
        "script-src " + " ".join(_csp_hash(s) for s in scripts),
    ]
    if connect:
        parts.append(f"connect-src {connect}")
    return "; ".join([*parts, "base-uri 'none'", "form-action 'none'"])


@cache
def report_policy() -> str:
    """The report's policy: its own inline CSS and JS, nothing else (also sent as a header by the service)."""
    return content_policy([_asset("report.css")], [_asset("report.js")])


def _offsets(span: Span) -> str:
    return f"{span.start}–{span.end}"


def _title(label: str, fields: list[tuple[str, str]]) -> str:
    return " · ".join([label] + [f"{k}: {v}" for k, v in fields if k != "text"])


def highlights(summary: Summary, prefix: str = "a1") -> tuple[list[Highlight], dict[str, list[Entry]]]:
    """Every span of every item as a Highlight, and the side-panel entries that link to them."""
    spans: list[Highlight] = []
    entries: dict[str, list[Entry]] = {kind: [] for kind in KINDS}

    def add(kind: str, n: int, label: str, fields: list[tuple[str, str]], places: Sequence[Span], place: str) -> None:
        item = f"{prefix}-{kind}-{n}"
        entry = Entry(item=item, kind=kind, label=label, fields=fields)
        title = _title(label, fields)
        for i, span in enumerate(places, 1):
            anchor = f"{item}-{place}{i}"
            spans.append(Highlight(span.start, span.end, kind, item, anchor, title, _RANK[kind]))
            entry.anchors.append(anchor)
        entries[kind].append(entry)

    for n, c in enumerate(summary.claims, 1):
        fields = [("attributed to", c.attributed_to or "the article itself"), ("evidence", str(len(c.evidence)))]
        add("claim", n, f"Claim {n}", [("text", c.text), *fields], c.evidence, "e")
    for n, q in enumerate(summary.quotes, 1):
        fields = [("speaker", q.speaker or "unattributed"), ("match", q.match), ("offsets", _offsets(q.span))]
        add("quote", n, f"Quote {n}", [("text", q.text), *fields], [q.span], "s")
    for n, a in enumerate(summary.actors, 1):
        fields = [("name", a.name), ("kind", a.kind), ("role", a.role or "–")]
        if a.aliases:
            fields.append(("aliases", ", ".join(a.aliases)))
        fields.append(("mentions", str(len(a.mentions))))
        add("actor", n, a.name, fields, a.mentions, "m")
    for n, f in enumerate(summary.figures, 1):
        value = "–" if f.value is None else f"{f.value:g}"
        fields = [
            ("value", value),
            ("type", f.type or "–"),
            ("unit", f.unit or "–"),
            ("measures", f.measures or "–"),
            ("source", f.source or "the article itself"),
        ]
        if f.conflicts_with:
            fields.append(("conflicts with", ", ".join(f"Figure {i + 1}" for i in f.conflicts_with)))
        fields += [("match", f.match), ("offsets", _offsets(f.span))]
        add("figure", n, f"Figure {n}: {f.text}", fields, [f.span], "s")
    return spans, entries


def article_markup(article: str, spans: Sequence[Highlight]) -> Markup:
    """The article as escaped text with every span marked; the same macro the report uses."""
    module: Any = _env().get_template("article.html.j2").module
    return Markup(module.article_markup(build_tokens(article, spans)))


def _meta_rows(summary: Summary) -> list[tuple[str, str]]:
    rows = []
    for key, value in summary.meta.model_dump(mode="json").items():
        if key == "seconds":
            shown = f"{value:.2f} s"
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, int):
            shown = f"{value:,}"
        else:
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        rows.append((key.replace("_", " "), shown))
    return rows


def _item_rows(item: dict[str, Any]) -> list[tuple[str, str]]:
    """A rejected item is whatever the model sent: show each key, non-text values as JSON."""
    return [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in item.items()]


def _section(n: int, summary: Summary, article: str, title: str | None) -> Section:
    expected = summary.meta.article_sha256
    if expected and hashlib.sha256(article.encode("utf-8")).hexdigest() != expected:
        raise SummarizerError(
            f"{title or 'the article'} is not the text this summary was made from (sha256 differs): "
            "pass the article exactly as it was summarized"
        )
    prefix = f"a{n}"
    spans, entries = highlights(summary, prefix)
    counts = {kind: sum(1 for h in spans if h.kind == kind) for kind in KINDS}
    rejected = [{"field": r.field, "reason": r.reason, "item": _item_rows(r.item)} for r in summary.rejected]
    tokens = build_tokens(article, spans)
    return Section(prefix, title, article, summary, tokens, entries, counts, _meta_rows(summary), rejected)


def render_report(items: Sequence[ReportInput]) -> str:
    """One page for one or more (summary, article, title) triples, a section per article."""
    if not items:
        raise SummarizerError("nothing to report: give at least one summarized article")
    sections = [_section(n, s, article, title) for n, (s, article, title) in enumerate(items, 1)]
    details = {
        e.item: {"kind": e.kind, "label": e.label, "fields": e.fields, "anchors": e.anchors}
        for sec in sections
        for kind_entries in sec.entries.values()
        for e in kind_entries
    }
    css, js = _asset("report.css"), _asset("report.js")
    csp = report_policy()
    titles = [t for _, _, t in items if t]
    page_title = "Summary report" + (f": {titles[0]}" if len(items) == 1 and titles else "")
    template = _env().get_template("report.html.j2")
    return template.render(
        sections=sections,
        kinds=KINDS,
        count_labels=_COUNTED,
        details=details,
        css=Markup(css),
        js=Markup(js),
        csp=csp,
        page_title=page_title,
    )
