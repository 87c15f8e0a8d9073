"""Render a Summary as JSON (the contract), Markdown (for terminals) or a self-contained HTML report."""

from __future__ import annotations

from typing import Literal

from ..errors import SummarizerError
from ..models import Summary
from .html import render_report
from .markdown import render_markdown

__all__ = ["Format", "render", "render_markdown", "render_report"]

Format = Literal["json", "markdown", "html"]


def render(summary: Summary, fmt: Format = "markdown", title: str | None = None, article: str | None = None) -> str:
    """One summary in one format; the HTML report also needs the article its offsets point into."""
    if fmt == "json":
        return summary.model_dump_json(indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(summary, title)
    if fmt == "html":
        if article is None:
            raise SummarizerError("the HTML report needs the article text: call render(summary, 'html', article=text)")
        return render_report([(summary, article, title)])
    raise SummarizerError(f"unknown format {fmt!r}: use json, markdown or html")
