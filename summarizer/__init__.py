"""summarizer: validated, source-grounded structured summaries of news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import BackendError, BadInputError, ConfigError, SummarizerError
from .models import Actor, Claim, Figure, Meta, Quote, Rejected, Span, Summary

if TYPE_CHECKING:
    from .pipeline import Summarizer, summarize

__all__ = [
    "Actor",
    "BackendError",
    "BadInputError",
    "Claim",
    "ConfigError",
    "Figure",
    "Meta",
    "Quote",
    "Rejected",
    "Settings",
    "Span",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "summarize",
]


def __getattr__(name: str) -> Any:
    """``Summarizer`` and ``summarize`` load the pipeline (openai, instructor) on first use."""
    if name in ("Summarizer", "summarize"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
