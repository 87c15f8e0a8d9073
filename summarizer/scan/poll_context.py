"""What a poll's or a count's figures mean when the clause alone does not say it: a head-to-head split
("Clinton would beat Trump 46 to 40 percent" -> "backing Clinton versus Trump"), a bare number
under a heading ("PLEDGED DELEGATES. … Hillary Clinton: 1,769." -> "pledged delegates Hillary
Clinton") and who made the count such a list comes from ("based on an Associated Press count").
Each reader returns None when its pattern is absent.
"""

from __future__ import annotations

import re

from .names import LINE_NAME

__all__ = [
    "count_maker",
    "heading_measures",
    "is_heading_line",
    "matchup_measures",
    "otherwise_measures",
    "up_measures",
]

_NOT_NAMES = frozenset("The A An It This That Only Just Some About Nearly Almost And But Among With Of".split())


_MATCHUP_RE = re.compile(
    rf"(?P<subj>{LINE_NAME})\s+(?:would|could|will|might)\s+(?:(?:hypothetically|narrowly|easily)\s+)?"
    r"(?:beat|defeat|top|lead|edge)\s+"  # "leads"/"beats" now: a lead (``poll_measures.lead_measures``)
    r"(?P<obj>(?:the\s+)?(?:[A-Z][\w’'-]*|[a-z]+)(?:\s+(?:[A-Z][\w’'-]*|[a-z]+)){0,3})\s+(?:by\s+)?$"
)


def matchup_measures(text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int) -> str | None:
    """ "Clinton would beat Trump 46 to 40 percent in a general election match-up" -> "backing
    Clinton versus Trump in general election match-up": a hypothetical split between two
    candidates is the voters' choice of one over the other. A rival named by a description ("while Sanders would beat
    the New York businessman 52 to 38 percent") is the one the same verb named before it."""
    if kind != "score" or not re.search(r"%|percent|per\s?cent", text[start:end]):
        return None
    m = _MATCHUP_RE.search(text, max(s_start, start - 100), start)
    if m is None or m.group("subj").split()[0] in _NOT_NAMES:
        return None
    obj = m.group("obj")
    if obj.split()[0].islower() or obj.startswith("the "):
        earlier = [
            n.group("obj") for n in _MATCHUP_RE.finditer(text[s_start : m.start()] + " ") if n.group("obj")[0].isupper()
        ]
        earlier += re.findall(
            rf"\b(?:beat|beats|defeat|defeats|top|tops|lead|leads|edge|edges)\s+({LINE_NAME})",
            text[s_start : m.start()],
        )
        if not earlier:
            return None
        obj = earlier[-1]
    rest = re.match(r"\s+((?:in|among|with)\s+[^,;.:()]{2,60})", text[end:s_end])
    words = ["backing", *m.group("subj").split(), "versus", *obj.split()]
    if rest:
        words += [w for w in rest.group(1).split() if w.casefold() not in ("a", "an", "the")][:6]
    return " ".join(words)


#: a line that is only a name and a number: "Hillary Clinton: 1,769."
_LINE_RE = re.compile(rf"\s*(?P<name>{LINE_NAME}):\s+$")
#: a heading: a line in capitals ("PLEDGED DELEGATES.", "THE TOTAL.")
_HEADING_RE = re.compile(r"(?m)^\s*([A-Z][A-Z’'&. -]*[A-Z])\.?\s*$")


def heading_measures(text: str, start: int, end: int, s_start: int, s_end: int, unit: str | None = None) -> str | None:
    """ "SUPERDELEGATES. … Clinton: 547." -> "superdelegates Clinton": a bare number after a name on
    a line of its own counts what the heading above the lines names, for that name (with the unit
    when the heading names no plural: "THE TOTAL." -> "total delegates Clinton")."""
    m = _LINE_RE.fullmatch(text, s_start, start)
    if m is None or not re.fullmatch(r"\.?\s*", text[end:s_end]):
        return None
    headings = list(_HEADING_RE.finditer(text, 0, s_start))
    if not headings:
        return None
    heading = [w for w in headings[-1].group(1).split() if w.casefold() not in ("the", "a", "an")]
    if unit and not any(w.casefold().endswith("s") for w in heading):
        heading += unit.split()  # "THE TOTAL. … Clinton: 2,316." counts delegates: "total delegates Clinton"
    name = m.group("name")
    if name.casefold() in {w.casefold() for w in heading} or name.isupper():
        return " ".join(heading).casefold()
    return " ".join([*(w.casefold() for w in heading), name])


def is_heading_line(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """Whether a number stands alone after "Name:" on a line of its own (a list, not a quote)."""
    return bool(_LINE_RE.fullmatch(text, s_start, start)) and bool(re.fullmatch(r"\.?\s*", text[end:s_end]))


_COUNT_MAKER_RE = re.compile(
    r"\b(?:based\s+on|according\s+to|from)\s+(?:an?|the)\s+(?:(?:new|latest|own)\s+)?"
    r"(?P<maker>[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*)*)\s+(?:count|tally|estimate|survey)\b"
)


def count_maker(text: str, before: int) -> str | None:
    """Who made the count the article's lists come from: the last "based on an X count" (or
    "according to the X tally") before a position."""
    found = list(_COUNT_MAKER_RE.finditer(text, 0, before))
    return found[-1].group("maker") if found else None


_OTHERWISE_RE = re.compile(
    r"\s+(?:who|that)\s+(?:said|say|says|answered|responded|thought|think|felt|feel|believed|believe)\s+otherwise\b"
)


def otherwise_measures(text: str, end: int, prev_measures: str) -> str | None:
    """ "73 percent … accepted the plan, compared to only 24 percent who said otherwise" -> "otherwise
    than <what the 73 percent measure>": a share that answered otherwise is the other side of the
    share before it."""
    if not prev_measures or not _OTHERWISE_RE.match(text, end):
        return None
    return f"otherwise than {prev_measures}"


_PRONOUN = r"(?:she|he|She|He)"
#: "In Pennsylvania, she is up an average of 9.2 percentage points at 49.2 percent to 40 percent for Trump"
_UP_RE = re.compile(
    rf"(?:^|[,;]\s*|\b(?:and|but|while)\s+)(?P<who>{LINE_NAME}|{_PRONOUN})\s+(?:is|was|are|were)\s+(?:now\s+|still\s+)?"
    r"(?:up|ahead)\s+(?:by\s+)?(?:an\s+average\s+of\s+)?(?:(?:about|nearly|almost|more\s+than|just)\s+)?"
)
_RIVAL_RE = re.compile(rf"\b(?:for|over|against)\s+(?P<rival>{LINE_NAME})")


def antecedent(text: str, s_start: int) -> str | None:
    """The person "he"/"she" opening a sentence stands for: the name that opens the sentence
    before (its subject: "Shuster is clearly taking the race seriously. He has spent …"), else the
    last name in it ("… have handed Clinton a wide lead in the polls. In Pennsylvania, she is up …")."""
    before = text[max(0, s_start - 300) : s_start].rstrip()
    sentence = re.split(r"(?<=[.!?”])\s+|\n", before)[-1]
    names = [
        m
        for m in re.finditer(LINE_NAME, sentence)
        if m.group().split()[0] not in _NOT_NAMES and not m.group().isupper() and not m.group().startswith("In ")
    ]
    if not names:
        return None
    return names[0].group() if names[0].start() == 0 else names[-1].group()


def up_measures(text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int) -> str | None:
    """ "she is up an average of 9.2 percentage points at 49.2 percent to 40 percent for Trump" ->
    "Clinton lead over Trump in Pennsylvania" for the points and "backing Clinton versus Trump in
    Pennsylvania" for the split: who is up (a pronoun read as the name the sentence before ends
    on), the rival named after the numbers and the place the sentence opens with."""
    if kind not in ("quantity", "score"):
        return None
    left = text[s_start:start]
    m = next(reversed(list(_UP_RE.finditer(left))), None)  # the last one before the number
    if m is None or (kind == "quantity" and m.end() != len(left)):
        return None
    if kind == "score" and not re.fullmatch(r"[\s\w.-]*?(?:points?|percent)\s+(?:at|with)\s+", left[m.end() :]):
        return None  # the split right after the lead it gives: "… 9.2 percentage points at 49.2 percent to 40 percent"
    who = m.group("who")
    if re.fullmatch(_PRONOUN, who):
        who = antecedent(text, s_start) or ""
    if not who:
        return None
    rival = _RIVAL_RE.search(text, end, s_end)
    place = re.match(r"\s*In\s+(?P<p>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*),", text[s_start:start])
    words = ["backing", who, "versus"] if kind == "score" else [who, "lead", "over"]
    words = [*words, rival.group("rival")] if rival else words[:-1]
    return " ".join([*words, *(["in", place.group("p")] if place else [])])


#: "both surveys showed Shuster above 50 percent"
_SHOWED_RE = re.compile(
    rf"\b(?:showed|shows|show|found|finds|put|puts|placed|places)\s+(?P<name>{LINE_NAME})\s+"
    r"(?:above|below|over|under|near|at|with)\s+(?:(?:about|nearly|almost|roughly|just)\s+)?$"
)


def showed_measures(text: str, start: int, kind: str | None, s_start: int) -> str | None:
    """ "both surveys showed Shuster above 50 percent" -> "supporting Shuster": a poll that shows a
    candidate at a share measures that candidate's support."""
    if kind != "percent":
        return None
    m = _SHOWED_RE.search(text, max(s_start, start - 80), start)
    if m is None or m.group("name").split()[0] in _NOT_NAMES:
        return None
    return f"supporting {m.group('name')}"


_NEEDS_RE = re.compile(
    rf"(?P<who>{LINE_NAME})\s+(?P<verb>needs|needed|must\s+win|has\s+to\s+win|would\s+need|will\s+need)\s+"
    r"(?:(?:about|nearly|almost|roughly|just|only|another|at\s+least)\s+)?$"
)


def needs_measures(
    text: str, start: int, end: int, unit: str | None, kind: str | None, s_start: int, s_end: int
) -> str | None:
    """ "Sanders needs 836 delegates to clinch the nomination" -> "delegates Sanders needs to clinch
    nomination": what a named one still needs, and for what."""
    if kind != "count" or not unit:
        return None
    m = _NEEDS_RE.search(text, max(s_start, start - 60), start)
    if m is None or m.group("who").split()[0] in _NOT_NAMES:
        return None
    after = re.match(rf"\s+{re.escape(unit)}\s+(to\s+[a-z]+(?:\s+[^,;.:()]{{0,40}})?)", text[end:s_end])
    purpose = [w for w in (after.group(1).split() if after else []) if w.casefold() not in ("the", "a", "an")][:5]
    return " ".join([unit, *m.group("who").split(), m.group("verb"), *purpose])


_RANKED_RE = re.compile(
    rf"(?P<name>{LINE_NAME})\s+(?:was|came|finished|placed|ranked|is)\s+(?:the\s+)?(?:runner[\s-]up|second|third|fourth|"
    r"fifth|next|last)\b[^.;:]{0,30}?\b(?:gaining|with|on|at|taking|getting|garnering|winning)\s+"
    r"(?:(?:just|only|about|nearly|almost|roughly)\s+)?$"
)


def ranked_measures(text: str, start: int, s_start: int, prev_measures: str) -> str | None:
    """ "… 55 percent – named Britain. Canada was the runner up, gaining just 16 percent of the vote,
    while Israel was third on 11 percent" -> "American voters named Canada", "… named Israel": a
    share of a ranked answer measures the answer before it with its own name in place of that
    answer's name."""
    m = _RANKED_RE.search(text, max(s_start, start - 80), start)
    named = re.search(rf"(?:^|\s)(?P<prev>{LINE_NAME})$", prev_measures)
    if m is None or named is None or m.group("name").split()[0] in _NOT_NAMES or named.start("prev") == 0:
        return None
    return prev_measures[: named.start("prev")] + m.group("name")


_DOC = r"(?:story|report|study|analysis|paper|review|article)"
_DOC_SAYS_RE = re.compile(
    rf"\s*(?:The|That|This|Its)\s+(?:new\s+|latest\s+)?{_DOC}\s+(?:also\s+)?(?:noted|notes|said|says|found|finds|"
    r"showed|shows|reported|reports|estimated|estimates|concluded|concludes)\b"
)
_DOC_BY_RE = re.compile(
    rf"\b{_DOC}\s+(?:[a-z]+\s+){{0,2}}?by\s+(?:the\s+)?(?:(?:website|newspaper|magazine|site|outlet)\s+)?(?P<m>{LINE_NAME})"
)
_DOC_OWNER_RE = re.compile(rf"(?P<m>{LINE_NAME})\s+(?:{_DOC})\b")  # "A new Pew Research report"


def document_maker(text: str, s_start: int) -> str | None:
    """Who made the story or report a sentence goes on about ("a story by the website Politco says
    … The story also noted that only one of the 168 members …" -> Politco): the last maker named
    for a story, report or study before it, for a sentence that opens with "The story/report
    noted/found/said"."""
    if not _DOC_SAYS_RE.match(text, s_start):
        return None
    found = [m for p in (_DOC_BY_RE, _DOC_OWNER_RE) for m in p.finditer(text, max(0, s_start - 1500), s_start)]
    makers = [m for m in found if m.group("m").split()[0] not in _NOT_NAMES]
    return max(makers, key=lambda m: m.start()).group("m") if makers else None
