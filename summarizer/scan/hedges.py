"""The hedge before a figure, kept in its `measures`: a figure's span leaves out "about", "more than",
"nearly" (the dev sets' spans), so without it a reader of "80 people evacuated" loses that the article
said "about 80". Every labelled pool writes it in parentheses at the end of `measures`
("people evacuated (about)", "donors to Harlan (more than)"; evals/figwrite/README.md, FM5).
"""

from __future__ import annotations

import re

__all__ = ["hedged"]

#: hedges as written just before a number (the longest first), each ending the text before the span
_HEDGE = re.compile(
    r"\b(?P<hedge>(?:just\s+|a\s+bit\s+|no\s+|slightly\s+)?(?:more|less|fewer)\s+than|at\s+least|at\s+most|up\s+to"
    r"|as\s+many\s+as|just\s+(?:over|under)|about|around|roughly|nearly|almost|approximately|an\s+estimated"
    r"|close\s+to)\s+(?:US)?\$?$",
    re.IGNORECASE,
)


def hedged(measures: str, text: str, start: int) -> str:
    """``measures`` with the hedge written just before the figure at ``start`` in parentheses."""
    hedge = _HEDGE.search(text, max(0, start - 30), start)
    if not hedge or not measures or measures.endswith(")"):
        return measures
    words = hedge.group("hedge").casefold().split()
    return f"{measures} ({' '.join(words[1:] if words[0] == 'an' else words)})"
