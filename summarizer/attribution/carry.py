"""Quotations that continue a speaker: the next paragraph of a long quotation, a quotation
right after an attributed one ("“…,” Al-Maeena said. “…”"), and a quotation whose own sentence
names its source ("Reznikov warned of a “large-scale escalation”"). Split from speakers.py, which
reads the attribution beside each quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import SPEECH
from ..scan.quotes import QuoteCandidate
from .patterns import ABBREVIATED_END, filler
from .phrases import OTHER_VOICE, SENTENCE_GAP, paragraph_start

__all__ = ["carry_speakers", "own_cue", "quote_speakers_from_sentences"]


# '"…," said the post by an unknown author': its own attribution, though it names nobody
# and '"…," the teenager said': a description of its own speaker before the verb
_OWN_CUE_RE = re.compile(
    rf"[\s,.!?;:”\"’']*(?:(?:{SPEECH})\s+(?:the|a|an|one)\s|(?:the|a|an|one)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{SPEECH})\b)"
)


def own_cue(text: str, q: QuoteCandidate) -> bool:
    return bool(_OWN_CUE_RE.match(text, q.end))


_SENTENCE_END_RE = re.compile(r"[.!?][”\"’']?(?:\s+|$)")
# a full stop that ends an initial or an abbreviation, not the sentence ("the U.S. withdrawal")
_ABBREVIATED = re.compile(ABBREVIATED_END.pattern.removesuffix("$") + r"\.$")


def carry_speakers(text: str, quotes: list[QuoteCandidate], speakers: list[str | None]) -> list[str | None]:
    """A quotation with nothing beside it that directly continues the previous one keeps its
    speaker: ``“…,” Al-Maeena said. “…”`` or a paragraph that is only a quotation after
    ``“…,” said Mohib.`` Only whitespace may separate the attribution's sentence from the
    next quotation, so a sentence about anything else in between breaks the chain."""
    out = list(speakers)
    prev: int | None = None
    for i, q in enumerate(quotes):
        if q.nested or (out[i] is None and prev is not None and _in_attribution(text, quotes[prev], q)):
            continue  # '“…,” said Miller, one of the “big four” negotiators. “…”': part of the attribution
        if out[i] is None and prev is not None and out[prev] and not own_cue(text, q):
            between = text[quotes[prev].end : q.start]
            # scraper's filler lines (" .", "Article Continued Below") are no sentence about anything
            core = "\n".join(line for line in between.split("\n") if not filler(line))
            ends = (m for m in _SENTENCE_END_RE.finditer(core) if not _ABBREVIATED.search(core, 0, m.start() + 1))
            end = next(ends, None)
            rest = core[end.end() :] if end else core
            # the sentence between must be the previous quotation's own attribution, on its line
            beside = bool(between.split("\n", 1)[0].strip(" ”\"’'.,“‘")) or not core.strip(" \n”\"’'.,“‘")
            if not rest.strip(" \n“\"‘'") and len(core) <= 320 and beside:
                out[i] = out[prev]
        prev = i
    return out


def _ends_sentence(core: str) -> bool:
    """Whether a full stop in ``core`` ends a sentence (not "Rep." or "U.S.")."""
    return any(not _ABBREVIATED.search(core, 0, m.start() + 1) for m in _SENTENCE_END_RE.finditer(core))


def _in_attribution(text: str, prev: QuoteCandidate, q: QuoteCandidate) -> bool:
    """A phrase in quotation marks inside the sentence that attributes the quotation before it,
    on the same line: it neither has that speaker for sure nor breaks the chain to the next."""
    between = text[prev.end : q.start]
    return (
        "\n" not in between
        and bool(re.match(rf"[\s,.!?”\"’']*(?:(?:{SPEECH})\b|[^.!?\n]{{1,80}}?\b(?:{SPEECH})\b)", between))
        and not _ends_sentence(between.lstrip(" ,.!?”\"’'"))
        and bool(re.match(r"\s*[\w’'-]+(?:\s+[\w’'-]+){0,4}[,.]?$", q.text))
    )


def quote_speakers_from_sentences(
    text: str,
    quotes: list[QuoteCandidate],
    speakers: list[str | None],
    sources: dict[int, tuple[str | None, str | None, tuple[int, int]]],
    sentence_of: Callable[[int], int | None],
) -> list[str | None]:
    """A quotation with nobody beside it takes the source of its own sentence: "Reznikov warned
    of a “large-scale escalation”" (read by ``claim_sources``, so quotes and claims agree)."""
    out = list(speakers)
    for i, q in enumerate(quotes):
        lead = text[paragraph_start(text, q.start) : q.start]
        lead = lead[max((m.end() for m in SENTENCE_GAP.finditer(lead)), default=0) :]
        if out[i] is None and not q.nested and not OTHER_VOICE.search(lead):
            index = sentence_of(q.start)
            found = sources[index][0] if index is not None and index in sources else None
            if found and found[:1].isupper():
                out[i] = found
    return out
