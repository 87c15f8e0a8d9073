"""summarizer: validated, source-grounded structured summaries of news articles."""

from __future__ import annotations

from .config import Settings
from .errors import BackendError, BadInputError, ConfigError, SummarizerError
from .models import Actor, Claim, Figure, Meta, Quote, Rejected, Span, Summary
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
