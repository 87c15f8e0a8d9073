"""Which reader gave each quotation its speaker: to know where code's reading is strong and where
it is weak, so the model can be measured (``evals/chooser_probe.py``) as a chooser where code is
unsure, not only where code found nobody.

The readers run in a fixed order and each fills only the quotations still without a speaker (the
cue beside a quotation, its continuation, the discourse, a description, its sentence's claim
source), so the first reader that gave a speaker is its provenance. Nothing here changes a
speaker: the stages are ``attribute_quotes``'s own (``speaker_stages``); where the speakers given
are not the ones those stages read, the quotation is ``unknown``.

Classes (``READERS``):

* ``name``: the cue beside the quotation names its speaker (a word of the name, or its acronym, in
  the sentence around the quotation: '“…,” Ruiz said', 'Ruiz, the mayor, said: “…”'). Strong.
* ``pronoun``: the cue is a "he/she/they/it" resolved to someone named elsewhere.
* ``description``: the cue is a description resolved to someone ("the coach said", "the statement").
* ``carry``: continues the previous quotation of the same paragraph ('“…,” Ruiz said. “…”').
* ``carry-paragraph``: the previous quotation's speaker carried into a later paragraph.
* ``discourse``: the paragraph reader (the sentence before reports someone's speech, the one
  person the paragraph names, the answer to a question).
* ``described``: a description as the speaker where no one is named ("the judge said").
* ``sentence``: the source of the quotation's own sentence ("Reznikov warned of a “…”").
* ``none``: no speaker (what the quotes pass asks the model about today).
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH, TITLE_ABBREVIATIONS
from ..scan.names import NameCandidate
from ..scan.quotes import QuoteCandidate
from .describe import described_speakers
from .patterns import ABBREVIATED_END
from .speakers import speaker_stages

__all__ = ["READERS", "STRONG", "quote_readers"]

READERS = (
    "name",
    "pronoun",
    "description",
    "carry",
    "carry-paragraph",
    "discourse",
    "described",
    "sentence",
    "none",
    "unknown",
)
#: readings code can trust: the speaker's own name beside the quotation
STRONG = frozenset({"name"})

_PRONOUN_RE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)(?![\w’'-])")
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b")
_STOP_RE = re.compile(r"[.!?][”\"’']*(?:\s|$)")
_MARKS = " “\"‘'”’"
_TITLES = {t.casefold().rstrip(".") for t in TITLE_ABBREVIATIONS}


def _cue_window(text: str, q: QuoteCandidate) -> tuple[str, str, bool]:
    """The sentence around the quotation, without it: its lead (or the line above ending in ':'
    when the quotation opens its paragraph), what follows it up to the sentence's end, and
    whether an earlier sentence of its paragraph comes right before it ('“…,” Ruiz said. “…”')."""
    line_start = text.rfind("\n", 0, q.start) + 1
    lead = text[max(line_start, q.start - 200) : q.start]
    if not lead.strip(_MARKS):
        above = text[:line_start].rstrip()
        lead = above[max(above.rfind("\n") + 1, len(above) - 200) :] if above.endswith(":") else ""
    own = re.split(r"[.!?][”\"’']*\s+", lead)[-1]
    after = text[q.end : q.end + 160].split("\n", 1)[0]
    stop = next((m for m in _STOP_RE.finditer(after, 1) if not ABBREVIATED_END.search(after, 0, m.start())), None)
    after = after[: stop.start()] if stop else after
    return own, after, not own.strip(_MARKS) and bool(lead.strip(_MARKS))


def _names_in(speaker: str, window: str) -> bool:
    words = [w for w in re.findall(r"[A-Z][\w’'-]+", speaker) if w.casefold().rstrip(".") not in _TITLES]
    if any(re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w-])", window) for w in words):
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", speaker))
    return len(initials) >= 2 and bool(re.search(rf"\b{initials}\b", window))


def _cue_kind(text: str, q: QuoteCandidate, speaker: str) -> str:
    """``name``, ``pronoun`` or ``description`` by the cue in the quotation's sentence (after it
    first); ``carry`` when it has none and continues the sentence before's ('“…,” Ruiz said. “…”')."""
    own, after, continues = _cue_window(text, q)
    if _names_in(speaker, own + " " + after):
        return "name"
    if _PRONOUN_RE.search(after):
        return "pronoun"
    if _SPEECH_RE.search(after):
        return "description"
    if continues:
        return "carry"  # read from the sentence before, its cue: the previous quotation's speaker
    return "pronoun" if _PRONOUN_RE.search(own) else "description"


def _previous(quotes: list[QuoteCandidate], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if not quotes[j].nested), None)


def quote_readers(
    text: str, quotes: list[QuoteCandidate], names: list[NameCandidate], speakers: list[str | None]
) -> list[str]:
    """The reader (one of ``READERS``) that gave each of ``quotes`` its speaker in ``speakers``
    (``Context.speakers``: every reader's result)."""
    adjacent, carried, read = speaker_stages(text, quotes, names)
    if any(r is not None and r != s for r, s in zip(read, speakers, strict=True)):
        return ["none" if s is None else "unknown" for s in speakers]  # not the speakers these stages read
    described = described_speakers(text, quotes, read, names)
    out = []
    for i, q in enumerate(quotes):
        prev = _previous(quotes, i)
        later = prev is not None and "\n" in text[quotes[prev].end : q.start]
        if speakers[i] is None:
            out.append("none")
        elif adjacent[i]:
            out.append(_cue_kind(text, q, adjacent[i] or ""))
        elif carried[i]:
            out.append("carry-paragraph" if later else "carry")
        elif read[i]:
            same = prev is not None and read[prev] == read[i]
            out.append("carry-paragraph" if same and later else "carry" if same else "discourse")
        elif described[i]:
            out.append("described")
        else:
            out.append("sentence")
    return out
