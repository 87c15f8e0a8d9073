"""Markdown for terminals: the summary and its items, one list per field."""

from __future__ import annotations

from ..models import Summary

__all__ = ["render_markdown"]


def render_markdown(s: Summary, title: str | None = None) -> str:
    out = [f"# {title}" if title else "# Summary", "", s.summary, ""]
    if s.meta.summary_method == "extractive":
        out += ["*(the article's key sentences, copied: the model's summary did not pass its checks)*", ""]
    if s.claims:
        out += ["## Claims", ""]
        for c in s.claims:
            who = f" — *{c.attributed_to}*" + (f" ({c.cue})" if c.cue else "") if c.attributed_to else ""
            out.append(f"- {c.text}{who}")
        out.append("")
    if s.actors:
        out += ["## Actors", ""]
        for a in s.actors:
            role = f": {a.role}" if a.role else ""
            aka = f" (also {', '.join(a.aliases)})" if a.aliases else ""
            out.append(f"- **{a.name}** [{a.kind}]{aka}{role} — {len(a.mentions)} mention(s)")
        out.append("")
    if s.figures:
        out += ["## Figures", ""]
        for n, f in enumerate(s.figures, 1):
            unit = f" {f.unit}" if f.unit else ""
            kind = f" [{f.type}]" if f.type else ""
            source = f", according to {f.source}" if f.source else ""
            conflicts = ", ".join(f"{i + 1}" for i in f.conflicts_with)
            conflicts = f"; conflicts with figure {conflicts}" if conflicts else ""
            out.append(
                f"{n}. **{f.text}**{unit}{kind} — {f.measures}{source}{conflicts} (chars {f.span.start}-{f.span.end})"
            )
        out.append("")
    if s.quotes:
        out += ["## Quotes", ""]
        for q in s.quotes:
            out.append(f"- “{q.text}” — {q.speaker or 'unattributed'} (chars {q.span.start}-{q.span.end})")
        out.append("")
    if s.rejected:
        out += ["## Rejected (not grounded in the article)", ""]
        for r in s.rejected:
            text = r.item.get("text") or r.item.get("name") or r.item
            out.append(f"- {r.field}: {text!s:.80} — {r.reason}")
        out.append("")
    m = s.meta
    out.append(
        f"*{m.model}, {m.seconds:.1f}s, {m.attempts} call(s), {m.input_tokens}+{m.output_tokens} tokens"
        f"{', cached' if m.cached else ''}*"
    )
    return "\n".join(out) + "\n"
