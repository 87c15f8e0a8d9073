"""Markdown for terminals: the summary and its items, one list per field.

Everything taken from the article or the model is untrusted: it is put on one line and its Markdown
and HTML characters are backslash-escaped (CommonMark), so a page that renders this Markdown shows
``<script>`` or ``[a](javascript:…)`` from an article as text, never as markup or a link.
"""

from __future__ import annotations

import re

from ..models import Summary

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>&|~])")
_BLOCK_START_RE = re.compile(r"^(?:[#>+=-]|\d+[.)])")


def escape_markdown(text: object) -> str:
    """``text`` on one line with every character that could start markup backslash-escaped."""
    one_line = " ".join(str(text).split())
    escaped = _SPECIAL_RE.sub(r"\\\1", one_line)
    return "\\" + escaped if _BLOCK_START_RE.match(escaped) else escaped


def render_markdown(s: Summary, title: str | None = None) -> str:
    e = escape_markdown
    out = [f"# {e(title)}" if title else "# Summary", "", e(s.summary), ""]
    if s.meta.summary_method == "extractive":
        out += ["*(the article's key sentences, copied: the model's summary did not pass its checks)*", ""]
    if s.claims:
        out += ["## Claims", ""]
        for c in s.claims:
            who = f" — *{e(c.attributed_to)}*" + (f" ({e(c.cue)})" if c.cue else "") if c.attributed_to else ""
            out.append(f"- {e(c.text)}{who}")
        out.append("")
    if s.actors:
        out += ["## Actors", ""]
        for a in s.actors:
            role = f": {e(a.role)}" if a.role else ""
            aka = f" (also {', '.join(e(x) for x in a.aliases)})" if a.aliases else ""
            out.append(f"- **{e(a.name)}** [{a.kind}]{aka}{role} — {len(a.mentions)} mention(s)")
        out.append("")
    if s.figures:
        out += ["## Figures", ""]
        for n, f in enumerate(s.figures, 1):
            unit = f" {e(f.unit)}" if f.unit else ""
            kind = f" [{f.type}]" if f.type else ""
            source = f", according to {e(f.source)}" if f.source else ""
            conflicts = ", ".join(f"{i + 1}" for i in f.conflicts_with)
            conflicts = f"; conflicts with figure {conflicts}" if conflicts else ""
            out.append(
                f"{n}. **{e(f.text)}**{unit}{kind} — {e(f.measures)}{source}{conflicts} "
                f"(chars {f.span.start}-{f.span.end})"
            )
        out.append("")
    if s.quotes:
        out += ["## Quotes", ""]
        for q in s.quotes:
            out.append(f"- “{e(q.text)}” — {e(q.speaker or 'unattributed')} (chars {q.span.start}-{q.span.end})")
        out.append("")
    if s.rejected:
        out += ["## Rejected (not grounded in the article)", ""]
        for r in s.rejected:
            text = r.item.get("text") or r.item.get("name") or r.item
            out.append(f"- {r.field}: {e(f'{text!s:.80}')} — {e(r.reason)}")
        out.append("")
    m = s.meta
    out.append(
        f"*{e(m.model)}, {m.seconds:.1f}s, {m.attempts} call(s), {m.input_tokens}+{m.output_tokens} tokens"
        f"{', cached' if m.cached else ''}*"
    )
    return "\n".join(out) + "\n"
