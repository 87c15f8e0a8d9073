"""What the dev-set scorers share: when a predicted name names a labelled source, and per-half sums.

A speaker or source is scored against the person or body the label resolves it to, not against
the mention beside the quote: a pronoun or a possessive is never right, a surname is right when
it is the labelled person's surname (``Hamish Telford`` vs ``Telford``: yes; ``Doug Telford``: no,
a relative), an acronym is right for the body it abbreviates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..grounding import tokens

__all__ = ["PARTS", "mention_kind", "names_match", "opening", "quote_miss_lines", "ratio", "sum_parts"]

PARTS = ("study", "test", "all")

_PRONOUNS = frozenset("he she they it we i you his her their its him them who which that this".split())
_TITLES = frozenset("mr mrs ms miss dr prof sir dame".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _words(name: str) -> list[str]:
    words = [w for w in tokens(name) if w not in ("the", "s")]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]  # "Joseph R. Biden Jr." is Biden
    return words


def _acronym(short: str, long_: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", long_))
    return short.isupper() and 2 <= len(short) <= 8 and len(initials) >= 2 and initials == short


def names_match(predicted: str | None, reference: str | None) -> bool:
    """Whether ``predicted`` names ``reference`` (a person or body; "A and B" is either of them).

    Right: the same words; one name inside the other ending on the same word (a surname alone, a
    title or first name added, "Kevin Haley" / "Haley", "Premier Doug Ford" / "Doug Ford"); an
    acronym of the other ("IRCC"); either maker of a joint poll ("CNN/ORC" / "CNN"). Never right:
    nothing, a pronoun, a possessive ("McCallum’s")."""
    if not predicted or not reference:
        return False
    p = predicted.strip()
    if p.casefold() in _PRONOUNS or re.search(r"['’]s?$", p):
        return False
    parts = [r for r in re.split(r",?\s+(?:and|&)\s+|,\s+", reference.strip()) if r]
    people = len(parts) > 1 and all(len(r.split()) >= 2 for r in parts)  # "Tore Sohlberg and Lehla Abreder"
    for ref in [reference.strip(), *(parts if people else []), *_partners(reference)]:
        for pred in [p, *_partners(p)]:
            a, b = _words(pred), _words(ref)
            if not a or not b:
                continue
            if a == b or _acronym(pred, ref) or _acronym(ref, pred):
                return True
            if a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a)):
                return True
    return False


def _partners(name: str) -> list[str]:
    """The makers of a joint poll ("CNN/ORC", "NBC/Wall Street Journal"): either one names it, as
    either person of "A and B" does. Only names on both sides of the slash, not "24/7"."""
    parts = [q.strip() for q in name.split("/")]
    return parts if len(parts) == 2 and all(q[:1].isupper() for q in parts) else []


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def sum_parts(per_article: Sequence[dict[str, Any]], keys: Iterable[str]) -> dict[str, dict[str, int]]:
    """Counts summed per half (``study``, ``test``) and over ``all``: one run shows both halves."""
    keys = list(keys)
    out = {part: dict.fromkeys(keys, 0) for part in PARTS}
    out.update({part: {**out[part], "articles": 0} for part in PARTS})
    for row in per_article:
        for part in (row.get("part", "study"), "all"):
            if part not in out:
                continue
            out[part]["articles"] += 1
            for k in keys:
                out[part][k] += int(row.get(k, 0))
    return out


def opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def quote_miss_lines(articles: Sequence[dict[str, Any]], key: str, heading: str, extra: str) -> list[str]:
    """The study half's quotation misses as Markdown lines (the test half's are never listed):
    a wrong speaker, a phrase's speaker, a labelled quotation not found, and ``extra`` for a
    returned quotation that matches no label."""
    study = [a for a in articles if a["part"] == "study" and a.get(key)]
    lines = ["", heading, ""] if study else []
    for a in study:
        lines.append(f"- **{a['id']}**")
        for miss in a[key]:
            if miss["kind"] == "speaker":
                lines.append(f"  - speaker of «{miss['quote']}»: expected {miss['expected']!r}, got {miss['got']!r}")
            elif miss["kind"] == "phrase":
                lines.append(
                    f"  - phrase «{miss['quote']}» in a reported quotation: "
                    f"expected {miss['expected']!r}, got {miss['got']!r}"
                )
            elif miss["kind"] == "missed":
                lines.append(f"  - not found: «{miss['quote']}» ({miss['expected']})")
            else:
                lines.append(f"  - {extra}: «{miss['quote']}» (speaker {miss['got']!r})")
    return lines


def mention_kind(speaker: str, reference: str) -> str:
    """The kind of the mention beside a labelled quote: ``none`` (no mention), ``pronoun``,
    ``name`` (a capitalised word of the mention, possessive stripped, is a word of the reference
    or its acronym) or ``description`` ("the minister", "A leaked internal letter")."""
    mention = speaker.strip()
    if not mention:
        return "none"
    if mention.casefold() in _PRONOUNS:
        return "pronoun"
    ref_words = {w.casefold() for w in re.findall(r"[\w.-]+", reference)}
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", reference)).casefold()
    for word in re.findall(r"[\w.’'-]+", mention):
        word = re.sub(r"['’]s?$", "", word)
        if word[:1].isupper() and (word.casefold() in ref_words or (len(word) > 1 and word.casefold() == initials)):
            return "name"
    return "description"
