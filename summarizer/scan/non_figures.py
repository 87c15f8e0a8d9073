"""Numbers that are not figures, or not what their digits suggest: a label that names rather than
counts ("Boeing 747", "police posts 542", "221 Baker Street"), a rank ("No. 1"), a number word in
a name ("BBC Radio Four"), "half" as a part of a game or a year, "a third term" as an ordinal and
"one" as a pronoun; ``numbers.scan_numbers`` asks these before it reads a figure."""

from __future__ import annotations

import re

from .units import UNIT_STOP

__all__ = ["ORDINAL_USE_RE", "counted_one", "in_a_name", "is_label", "is_rank", "part_of_a_whole"]

_LABEL_NOUNS = {
    "post", "posts", "route", "flight", "room", "gate", "pad", "chapter", "section", "article",
    "version", "line", "platform", "level", "phase", "model", "episode", "season", "channel",
    "film", "movie", "album", "song", "book", "novel", "series", "show", "title", "studio",
    "highway", "interstate", "bus", "train", "apartment", "suite", "unit", "lot", "block", "case",
}  # fmt: skip
_RANK_WORDS = {"no.", "number", "#", "rank", "ranked", "place", "seed"}
_STREET_RE = re.compile(
    r"\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|"
    r"Court|Ct|Square|Terrace|Parkway|Highway)\b"
)


def is_label(text: str, start: int) -> bool:
    """A number that names rather than counts: after a capitalised word inside a sentence
    ("Internet Explorer 6", "Boeing 747"), after a noun like "post" or "film" ("police posts 542",
    "film 42"), or a house number before a street name ("221 Baker Street")."""
    end = start + len(re.match(r"(?:[\d,.]*\d)?", text[start:]).group())  # type: ignore[union-attr]
    if _STREET_RE.match(text, end):
        return True
    if re.match(r"\([a-z]\)", text[end : end + 3]):
        return True  # "401(k)": a plan's name
    if re.match(r"\s*(?:to|-|–)\s*\d[\d,.]*\s*(?:%|percent\b|per\s?cent\b)", text[end : end + 20]):
        return False  # "the mayor led her rival 45 to 40 percent": a tally, not a model number
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return True  # "[538]": a cited outlet or a footnote mark, not a count
    if re.match(r"\s+(?:percentage[\s-]+)?points?\s+(?:ahead|behind)\b", text[end : end + 30]):
        return False  # "shows Ted Cruz 16 points ahead of Trump": a margin after the name it is of
    m = re.search(r"([A-Za-z][\w.’'-]*)\s+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if word == "No." or word.casefold() in _LABEL_NOUNS:
        return True
    if word.casefold() == "the" and re.match(r"\d{3}(?:,|\s+which\b)", text[start : start + 12]):
        return True  # "the 747, which …": a model number standing alone
    if not word[:1].isupper():
        return False
    if re.search(r"[’']s?$", word) and re.match(r"\s+(?:[a-z]+\s+)?[a-z]+s\b", text[end : end + 30]):
        return False  # "Iowa's 99 counties": the owner of what is counted ("Poor's 500-stock index" is a name)
    word_start = start - len(m.group(0))
    return not re.search(r"(?:^|[.!?:“\"\n]\s*)$", text[max(0, word_start - 3) : word_start])


def is_rank(text: str, start: int) -> bool:
    """ "number 3 in the category", "No. 1": a rank, typed like an ordinal."""
    m = re.search(r"(?:(\S+)\s+)?(\S+)\s+$", text[max(0, start - 30) : start])
    if not m or m.group(2).casefold() not in _RANK_WORDS:
        return False
    verb_use = (m.group(1) or "").casefold() in ("might", "may", "could", "would", "will", "now", "which")
    return not verb_use and bool(re.match(r"\d{1,2}\b|[a-z]+\b", text[start : start + 3]))


ORDINAL_USE_RE = re.compile(
    r"[\s-]+(?:party|parties|term|time|round|wave|way|world|option|place|straight|consecutive|generation|attempt|"
    r"child|day|week|month|year|season|game|match|period|person|candidate|reading|trial|stage|phase)\b",
    re.IGNORECASE,
)
_PERIOD_BEFORE_RE = re.compile(
    r"\b(?:first|second|third|fourth|final|opening|closing|latter|former|early|late|other|each)\s+$", re.IGNORECASE
)


def in_a_name(text: str, start: int, raw: str) -> bool:
    """A capitalised number word after a capitalised word inside a sentence ("told BBC Radio
    Four's Any Questions"): part of a name, not a count."""
    if not raw[:1].isupper() or re.match(r"\s+of\b", text[start + len(raw) : start + len(raw) + 4]):
        return False  # "Three of the cast": a count, whatever stands before it
    m = re.search(r"\b[A-Z][\w’'-]*\s+$", text[max(0, start - 30) : start])
    if m is None or re.search(r"(?:^|[.!?:“\"\n]\s*)$", text[max(0, start - 30) : start - len(m.group())]):
        return False
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", start) + 1 or len(text) + 1) - 1]
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    headline = sum(w[0].isupper() for w in words) * 3 > len(words) * 2 and not re.search(r"[.!?”\"\]]\s*$", line)
    return not headline  # a headline in title case ("Poll Finds Two In Three …") names nothing by its capitals


def part_of_a_whole(text: str, start: int, end: int) -> bool:
    """ "the first half", "the second half of the year", "half-time", "halftime": "half" naming a
    part of a game or a year (a period), not a fraction of something counted."""
    if text[start:end].casefold() != "half":
        return False
    return (
        bool(_PERIOD_BEFORE_RE.search(text[max(0, start - 12) : start]))
        or bool(re.match(r"[\s-]?time\b", text[end : end + 6], re.IGNORECASE))
        or bool(re.match(r"[\s-](?:\w+ing|\w+ed|empty|full|hearted|asleep|awake)\b", text[end : end + 16]))
    )  # "half joking", "half-empty": "half" as an adverb


def counted_one(text: str, start: int, end: int) -> bool:
    """ "fired one shell", "one or two points" count; "One poster", "one of", "one another", "as
    one stipulation" do not: "one" is mostly a pronoun or an article."""
    if re.match(r"\s+(?:or|to)\s+(?:two|three|\d)", text[end : end + 12]):
        return True
    m = re.match(r"\s+([a-z][\w-]*)", text[end : end + 30])
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    if (
        before
        and before.group(1).casefold() in ("only", "just", "exactly")
        and re.match(r"\s+of\s+(?:the|its|their|his|her)\s+[\d,]+\s", text[end : end + 30])
    ):
        return True  # "only one of the 168 members": one counted against a whole
    if not m or text[start].isupper() or not before:
        return False
    prev = before.group(1).casefold()
    if prev not in ("least", "only", "just", "have", "has", "had", "exactly", "almost", "nearly") and not (
        prev.endswith("ed") and prev != "need"
    ):
        return False  # "with one poster writing", "one national and one …": a pronoun or an article
    word = m.group(1).casefold()
    return word not in UNIT_STOP and word not in ("another", "way", "thing") and not word.endswith("ly")
