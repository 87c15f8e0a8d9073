"""One module per output field: its answer model, scanner hook, prompt candidates and grounding.

``PASSES`` is the order the pipeline runs them in: claims, summary, actors, figures and quotes,
all sharing the article prefix (no pass reads another's answer).
"""

from __future__ import annotations

from . import actors, claims, figures, quotes, summary
from .base import Answer, Context, Pass, build_messages, grounding_context, lenient_parse

__all__ = ["COMBINE", "PASSES", "Answer", "Context", "Pass", "build_messages", "grounding_context", "lenient_parse"]

PASSES: tuple[Pass, ...] = (claims.PASS, summary.PASS, actors.PASS, figures.PASS, quotes.PASS)
COMBINE = summary.COMBINE
