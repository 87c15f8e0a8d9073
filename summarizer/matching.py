"""When a predicted item matches a hand label: names of the same actor, speakers, units, key points
covered and claims supported by their evidence (the rules ``summarizer.scoring`` scores with; see
its module documentation)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .grounding import content_tokens, stem, tokens
from .labels import LabelActor

__all__ = [
    "KEY_POINT_RECALL",
    "actor_matches",
    "claim_supported",
    "key_point_coverage",
    "name_match",
    "names_of",
    "norm_name",
    "speaker_matches",
    "units_match",
]

KEY_POINT_RECALL = 0.5


def names_of(a: LabelActor) -> list[str]:
    return [a.name, *a.aliases]


def norm_name(name: str) -> str:
    n = " ".join(tokens(name))
    return n[4:] if n.startswith("the ") else n


def name_match(a: str, b: str) -> bool:
    a, b = norm_name(a), norm_name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.endswith(" " + short)


def speaker_matches(predicted: str | None, labelled: str | None, actors: Sequence[LabelActor]) -> bool:
    """A predicted speaker is right when it names the labelled speaker's actor (see module doc)."""
    if labelled is None or predicted is None:
        return labelled is None and predicted is None
    names = [labelled]
    for a in actors:
        if any(norm_name(n) == norm_name(labelled) for n in names_of(a)):
            names.extend(names_of(a))
    p = set(norm_name(predicted).split())
    for n in names:
        if name_match(predicted, n):
            return True
        words = set(norm_name(n).split())
        if p and words and (p <= words or words <= p) and len(" ".join(p & words)) >= 4:
            return True
    return False


def actor_matches(names: Sequence[str], label: LabelActor) -> bool:
    return any(name_match(n, m) for n in names for m in names_of(label))


def units_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    if a.strip() in ("%", "percent") and b.strip() in ("%", "percent"):
        return True
    return bool(set(map(stem, tokens(a))) & set(map(stem, tokens(b))))


def key_point_coverage(summary: str, key_points: Sequence[str]) -> float:
    """Share of key points with at least ``KEY_POINT_RECALL`` of their content words in ``summary``."""
    summary_tokens = set(content_tokens(summary))
    covered = 0
    for point in key_points:
        words = content_tokens(point)
        if words and sum(w in summary_tokens for w in words) / len(words) >= KEY_POINT_RECALL:
            covered += 1
    return covered / len(key_points) if key_points else 1.0


def claim_supported(article: str, text: str, evidence: Sequence[Any]) -> bool:
    """Every number and proper name of a claim occurs in the article text its evidence points at."""
    cited = " ".join(article[e.start : e.end] for e in evidence)
    if not cited:
        return False
    for number in re.findall(r"\d[\d,.]*\d|\d", text):
        if number not in cited:
            return False
    for m in re.finditer(r"(?<![\w’'-])[A-Z][\w’'-]*", text):
        opens = m.start() == 0 or re.search(r"(?:[.!?:]\s+|[“\"‘(]\s*)$", text[: m.start()])
        if not opens and re.sub(r"['’]s?$", "", m.group()) not in cited:
            return False
    return True
