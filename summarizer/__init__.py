"""summarizer: validated, source-grounded structured summaries of news articles."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import BackendError, BadInputError, ConfigError, SummarizerError

if TYPE_CHECKING:
    from .config import Settings
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


#: where each public name lives: importing ``summarizer`` (the CLI does, for --help) must not load
#: pydantic, openai or instructor until a name that needs them is used
_LAZY = {
    "Settings": "config",
    **dict.fromkeys(("Actor", "Claim", "Figure", "Meta", "Quote", "Rejected", "Span", "Summary"), "models"),
    "Summarizer": "pipeline",
    "summarize": "pipeline",
}


def __getattr__(name: str) -> Any:
    """Settings and the models load pydantic, ``Summarizer`` the pipeline (openai, instructor):
    each on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
