"""One module per output field: its answer model, scanner hook, prompt candidates and grounding.

The built-in fields register here (``summarizer.registry``), in the order the pipeline runs them:
actors (read by code alone), then the model passes claims, summary, figures and quotes, all
sharing the article prefix (no pass reads another's answer). Each field brings its steps: how a
long article's chunks merge, and what runs on the whole article at the end (speaker links, figure
conflicts, the summary's combine call and extractive fallback). A new field is a module here and
one ``register_field`` call; the pipeline does not change.
"""

from __future__ import annotations

from typing import Any

from ..article import Article
from ..grounding import find_mentions
from ..models import Actor, Claim, Figure, Quote, Span
from ..registry import Field, Finishing, Part, fields, register_field
from . import claims, figures, quotes, summary
from .actors import link_speakers, merge_actors, read_actors, union_spans
from .base import Answer, Context, Pass, build_messages, grounding_context, lenient_parse

__all__ = [
    "COMBINE",
    "PASSES",
    "Answer",
    "Context",
    "Pass",
    "build_messages",
    "grounding_context",
    "lenient_parse",
    "read_actors",
]


def _shift(span: Span, by: int) -> Span:
    return Span(start=span.start + by, end=span.end + by)


def _overlaps(span: Span, taken: list[Any]) -> bool:
    return any(span.start < t.span.end and t.span.start < span.end for t in taken)


# ---- actors: read by code, merged by entity, linked to quote speakers and claim sources ------


def _merge_actors(article: Article, parts: list[Part]) -> dict[str, Any]:
    """Actors naming one entity are one; their mentions are found again over the whole article."""
    found: list[Actor] = [a for _, values in parts for a in values.get("actors", [])]
    merged = []
    for a in merge_actors(article.text, found):
        spans = {s for n in (a.name, *a.aliases) for s in find_mentions(article.text, n)}
        mentions = union_spans([Span(start=s, end=e) for s, e in spans])
        merged.append(a.model_copy(update={"mentions": mentions or a.mentions}))
    return {"actors": merged}


def _link_speakers(done: Finishing) -> None:
    done.fields = link_speakers(done.article.text, done.fields, done.context.names)


register_field(
    Field(
        "actors",
        start=lambda ctx: {"actors": read_actors(ctx)},
        merge=_merge_actors,
        finish=_link_speakers,
    )
)


# ---- claims -------------------------------------------------------------------------------


def _merge_claims(article: Article, parts: list[Part]) -> dict[str, Any]:
    merged: list[Claim] = [
        c.model_copy(update={"evidence": [_shift(e, offset) for e in c.evidence]})
        for offset, values in parts
        for c in values.get("claims", [])
    ]
    return {"claims": merged[:50]}


register_field(Field("claims", (claims.PASS,), start=lambda ctx: {"claims": []}, merge=_merge_claims))


# ---- summary: one per chunk, combined by one more call; extractive when the model's is too short


def _finish_summary(done: Finishing) -> None:
    if len(done.parts) > 1:
        written = [values.get("summary", "") for _, values in done.parts if values.get("summary")]
        combined, dropped = done.call(summary.COMBINE, summary.build_combine_messages(written))
        done.fields["summary"] = combined.get("summary", "")
        done.rejected.extend(dropped)
    method = "model"
    if len(done.fields.get("summary", "").split()) < summary.MIN_WORDS:
        done.fields["summary"], method = summary.extractive_summary(done.article), "extractive"
    done.meta["summary_method"] = method


register_field(
    Field(
        "summary",
        (summary.PASS,),
        extra=(summary.COMBINE,),
        start=lambda ctx: {"summary": ""},
        merge=lambda article, parts: {"summary": ""},
        finish=_finish_summary,
    )
)


# ---- figures and quotes: chunk offsets shifted, overlapping spans kept once ------------------


def _merge_figures(article: Article, parts: list[Part]) -> dict[str, Any]:
    merged: list[Figure] = []
    for offset, values in parts:
        for f in values.get("figures", []):
            sentence = _shift(f.sentence, offset) if f.sentence else None
            f = f.model_copy(update={"span": _shift(f.span, offset), "sentence": sentence})
            if not _overlaps(f.span, merged):
                merged.append(f)
    # conflicts index the merged list
    return {"figures": figures.link_conflicts(sorted(merged, key=lambda f: f.span.start))}


def _merge_quotes(article: Article, parts: list[Part]) -> dict[str, Any]:
    merged: list[Quote] = []
    for offset, values in parts:
        for q in values.get("quotes", []):
            q = q.model_copy(update={"span": _shift(q.span, offset)})
            if not _overlaps(q.span, merged):
                merged.append(q)
    return {"quotes": sorted(merged, key=lambda q: q.span.start)}


register_field(Field("figures", (figures.PASS,), start=lambda ctx: {"figures": []}, merge=_merge_figures))
register_field(Field("quotes", (quotes.PASS,), start=lambda ctx: {"quotes": []}, merge=_merge_quotes))

#: the model passes in the order they run (tests count them)
PASSES: tuple[Pass, ...] = tuple(p for f in fields() for p in f.passes)
COMBINE = summary.COMBINE
