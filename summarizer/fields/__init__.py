"""One module per output field: its answer model, scanner hook, prompt candidates and grounding.

``PASSES`` is the order the pipeline runs them in: claims, summary, figures and quotes, all
sharing the article prefix (no pass reads another's answer). Actors are read by code alone
(``actors.read_actors``).
"""

from __future__ import annotations

from . import claims, figures, quotes, summary
from .actors import read_actors
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

PASSES: tuple[Pass, ...] = (claims.PASS, summary.PASS, figures.PASS, quotes.PASS)
COMBINE = summary.COMBINE
