"""Polls and surveys: who made the poll a figure comes from, and the group its shares are of.

A poll figure's source is the poll's maker ("according to a Quinnipiac University poll" ->
Quinnipiac University; "the survey, conducted by Harbor State's Civic Research Center" -> that
centre; "a survey by Pew" -> Pew), carried over to the sentences that go on about the same poll
("the poll found", "the survey also showed", "Only 31 percent support it") until another source
speaks. What a poll's figures measure is read in ``poll_measures``.
"""

from __future__ import annotations

import re

from ..lexicon import MONTH_ABBREVIATIONS, MONTHS, POLL_ADJECTIVES, POLL_WORDS, RESPONDENT_WORDS, WEEKDAYS
from .poll_phrases import said_words

__all__ = [
    "SHARE_HEDGE",
    "compared_measures",
    "is_poll_source",
    "poll_group",
    "poll_maker",
    "poll_makers",
    "share_says",
]

_CAP = r"[A-Z][\w&’'.-]*(?:/[A-Z][\w&’'.-]*)*"
_RUN = rf"{_CAP}(?:\s+(?:(?:of|for|and|&)\s+)?{_CAP})*"
_POLL = rf"(?:{POLL_WORDS})"
#: "a Harbor State University poll", "the latest CNN/ORC national poll", "a February survey"
_BEFORE_RE = re.compile(rf"(?P<maker>{_RUN})\s+(?:(?:{POLL_ADJECTIVES})\s+){{0,2}}(?i:{_POLL})\b")
#: "Quinnipiac surveyed 1,200 voters": who asked them
_ASKED_RE = re.compile(
    rf"(?P<maker>{_RUN})\s+(?:surveyed|polled|interviewed|questioned)\s+(?:(?:about|nearly|more\s+than|some)\s+)?\d"
    r"|(?P<m2>[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*)*)\s+(?:polled|surveyed)\s+the\s+(?:race|district|state|contest|primary|electorate)\b"
)
#: "the survey, conducted by X", "a survey of 1,003 adults by the Lakeview Institute", "a poll from X"
_AFTER_RE = re.compile(
    rf"\b{_POLL}\b[^.;:“”\"]{{0,60}}?(?:\b(?:conducted|released|commissioned|published|carried\s+out|taken|"
    rf"sponsored|fielded|done|run|paid\s+for)\s+)?\b(?:by|from)\s+(?:the\s+)?(?:(?:{POLL_ADJECTIVES}|nonpartisan|non-partisan)\s+)*(?P<maker>{_RUN}(?:['’]s\s+{_RUN})?)"
)
#: "the RealClearPolitics average", "the PollTracker polling average": an average of polls is its keeper's (FR4)
_AVERAGE_RE = re.compile(rf"(?P<maker>{_RUN})(?:['’]s)?\s+(?:(?:polling|poll|national|running|weighted)\s+)*average\b")
#: "Gallup's latest poll"
_OWNER_RE = re.compile(rf"(?P<maker>{_RUN})['’]s\s+(?:(?:{POLL_ADJECTIVES})\s+){{0,2}}{_POLL}\b")
_NOT_MAKERS = frozenset(
    w.casefold()
    for w in (
        *MONTHS,
        *WEEKDAYS,
        *"A An The This That In On New Latest Recent But".split(),
        *"One Another Each Every Most Many Some All Several".split(),  # "One poll shows …": no maker
        *(m.capitalize() for m in MONTH_ABBREVIATIONS),  # "from Aug. 8 to Aug. 14": a date (FR2-3)
    )
)
_FOUND = r"(?:also\s+)?(?:found|finds|showed|shows|reported|reports|asked)\b"
_FOUND_RE = re.compile(rf"\b{_POLL}\b|\brespondents\b|\bpolled\b|\bsurveyed\b", re.IGNORECASE)
#: a sentence that goes on about the poll named before it
_ABOUT_RE = re.compile(
    rf"\b(?:the|that|this|same|its|their)\s+(?:(?:{POLL_ADJECTIVES})\s+)?{_POLL}\b|\brespondents\b|\bpolled\b|"
    rf"\bthe\s+[a-z]+['’]s\s+(?:[\w]+\s+)?{_POLL}\b|"  # "the institute's previous poll": its maker's again
    r"\bsurveyed\b|\binterviewed\b|\bmargin\s+of\s+(?:sampling\s+)?error\b",
    re.IGNORECASE,
)
#: a percentage in a sentence about people ("Trump's rating among Florida Latinos is 72 percent")
_PEOPLE_SHARE_RE = re.compile(
    rf"(?=.*\b(?:{RESPONDENT_WORDS})\b).*\d\s?(?:%|percent\b|per\s?cent\b|(?:percentage\s+)?points?\b)",
    re.IGNORECASE | re.DOTALL,
)
#: a poll's measure named in a sentence with a percentage ("Support for a third candidate stands at 6 percent")
_MEASURE_SHARE_RE = re.compile(
    r"(?=.*\b(?:support|approval|disapproval|favou?rability|rating|lead|vote|undecided)\b).*\d\s?(?:%|percent\b|per\s?cent\b)",
    re.IGNORECASE | re.DOTALL,
)
#: the hedges a share may open with: "Only 31 percent", "a whopping 60 percent", "more than half"
SHARE_HEDGE = (
    r"(?:only|just|some|about|nearly|almost|roughly|another|fully|a\s+(?:whopping|full|mere|staggering|paltry|meagre|meager|scant|bare)|"
    r"a\s+further|over|under|more\s+than|less\s+than|fewer\s+than)"
)
#: a share said of a group without another source: "Only 31 percent support it", "22 percent said …"
_SHARE_RE = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but|while|whereas|with|that|by|By)\s+)(?:"
    + SHARE_HEDGE
    + r"\s+)?[\w.-]+\s?(?:%|percent\b|per\s?cent\b)"
    r"|(?:%|\bpercent|\bper\s?cent)\s+of\s|\bby\s+[\w.]+\s+(?:percentage\s+)?points?\b"
    r"|(?:^|[,;:]\s*|\b(?:by|and|but|while)\s+)(?:(?:nearly|almost|about|roughly|just|more\s+than|less\s+than|over|under)\s+)?"
    r"(?:half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters|a\s+majority|(?:\d+|one|two|three|four|six|seven|eight|nine)\s+in\s+\w+)\b",
    re.IGNORECASE,
)


def _clean(maker: str) -> str | None:
    maker = re.split(r"\s+for\s+(?:The|the)\s+", maker)[0]  # "X for The Riverton Herald": X made it
    maker = re.sub(r"['’]s?$", "", maker.rstrip("."))  # "by Lakeview University's polling center": the university
    words = maker.rstrip(".").split()
    while words and words[0].casefold().strip(".,") in _NOT_MAKERS:
        words.pop(0)
    return " ".join(words) or None


def poll_maker(sentence: str) -> str | None:
    """The maker of the poll a sentence names, or None: one who conducted it ("conducted by X",
    "a survey by X") before one whose name stands on it ("a CNN/ORC poll", "Gallup's poll")."""
    for pattern in (_AVERAGE_RE, _AFTER_RE, _OWNER_RE, _BEFORE_RE, _ASKED_RE):
        for m in pattern.finditer(sentence):
            if maker := _clean(m.group("maker") or m.group("m2") if pattern is _ASKED_RE else m.group("maker")):
                return maker
    return None


def poll_makers(text: str, sentences: list[tuple[int, int, int]], sources: dict[int, str | None]) -> dict[int, str]:
    """Per sentence index, the maker of the poll its figures come from. A sentence that names a
    poll's maker sets it; one about "the poll"/"the survey" (or its respondents, sample or margin
    of error) keeps it; a share with no source of its own right after a poll sentence keeps it;
    any other sentence with a source of its own ends it for the shares that follow. An article that
    speaks of "a new poll" before it names who made it ("The survey, conducted by X") gives the
    earlier poll sentences that maker too."""
    out: dict[int, str] = {}
    current: str | None = None
    chained = False
    pending: list[int] = []  # poll sentences before any maker is named
    voices: set[str] = set()  # the pollster quoted on its own poll
    for index, start, end in sentences:
        sentence = text[start:end]
        own = None if share_says(sentence) else sources.get(index)
        maker = poll_maker(sentence)
        if (
            maker is None
            and own
            and not is_poll_source(own)
            and _FOUND_RE.search(sentence)
            and re.search(rf"{re.escape(own)}\s+{_FOUND}", sentence)
        ):
            maker = own  # "Gallup found in its survey that …": a pollster reporting its poll
        if maker and current and maker != current and _AVERAGE_RE.search(sentence):
            out[index], chained = maker, False  # an average beside the poll: "the poll" is still the poll
        elif maker:
            if current is None and _ABOUT_RE.search(sentence):
                out.update(dict.fromkeys(pending, maker))  # "the survey" named now is the "new poll" before
            current, chained = maker, True
            out[index] = maker
        elif current is None and (
            re.search(rf"\b{_POLL}\b", sentence, re.IGNORECASE)
            or (pending and chained and not own and _SHARE_RE.search(sentence))
        ):
            pending.append(index)
            chained = not own or is_poll_source(own)
        elif current and _ABOUT_RE.search(sentence):
            out[index], chained = current, True
            voices.update([own] if own and _POLLSTER_SAYS_RE.search(sentence) else [])
        elif (
            current
            and chained
            and not own
            and any(p.search(sentence) for p in (_SHARE_RE, _PEOPLE_SHARE_RE, _MEASURE_SHARE_RE))
        ):
            out[index] = current
        elif not own and not _NUMBER_RE.search(sentence) and _RESPONDENTS_RE.search(sentence):
            continue  # "Voters' views of both candidates have soured.": about those asked, the poll goes on
        elif current and chained and (own in voices or _POLLSTER_SAYS_RE.search(sentence) or _only_ages(sentence)):
            voices.update([own] if own else [])
            continue  # FR2-3: the pollster's quote, or "Lantz, 61, is seeking a third term.": the poll goes on
        else:
            chained = False
    return out


_AGES_RE = re.compile(r"\b\d{1,3}-year-old\b|,\s\d{1,3},")


def _only_ages(sentence: str) -> bool:
    """ "Lantz, 61, is seeking a third term.": a sentence whose only numbers are ages says who a candidate is."""
    return bool(_AGES_RE.search(sentence)) and not re.search(r"\d|%", _AGES_RE.sub("", sentence))


#: a quote of who made the poll: "said Martha Oyelaran, director of the university's polling institute"
_POLLSTER_SAYS_RE = re.compile(
    r"\b(?:poll|polling|survey)\b[^.]{0,40}\.?[”\"]?\s*$|\bwho\s+runs\s+the\b[^.]{0,30}\bpoll", re.IGNORECASE
)
_RESPONDENTS_RE = re.compile(rf"\b(?:{RESPONDENT_WORDS})\b", re.IGNORECASE)
#: a number in digits or a share in words: a sentence with none and no source of its own leaves the poll's chain
_NUMBER_RE = re.compile(
    r"\d|\b(?:half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters|a\s+majority|(?:one|two|three)\s+in\s+\w+)\b",
    re.IGNORECASE,
)


#: the share itself says it: "Some 22 percent said they would back Trump", "half of them say …"
_SHARE_SAYS_RE = re.compile(
    r"(?:\d\s?(?:%|percent\b|per\s?cent\b)|\b(?:half|a\s+third|two-thirds|a\s+quarter|a\s+majority))"
    r"(?:\s+of\s+[^,;.:]{1,60}?)?\s+(?:also\s+)?(?:said|say|says|told|answered|responded)\b",
    re.IGNORECASE,
)


def share_says(sentence: str) -> bool:
    """Whether a share of the people asked is who speaks in the sentence ("22 percent said they would
    back Trump"): a name after the verb is what they said, never the figure's source."""
    return bool(_SHARE_SAYS_RE.search(sentence))


def is_poll_source(source: str | None, sentence: str = "") -> bool:
    """No source of its own, the poll itself ("a Harbor State University poll released Tuesday"),
    or a description ("the group said") in a sentence that names who made the poll ("AAN polled
    the race …, the group said"): that maker."""
    if source is None or re.search(rf"\b{_POLL}\b", source, re.IGNORECASE):
        return True
    return bool(re.fullmatch(r"the\s+[a-z]+", source)) and poll_maker(sentence) is not None


def poll_group(text: str, s_start: int, s_end: int) -> str | None:
    """The group a poll sentence's shares are of: "Among voters under 30, 64 percent …" -> "voters
    under 30"; "58 percent of registered voters in Riverton oppose …" -> "registered voters in
    Riverton" (the words up to the verb)."""
    sentence = text[s_start:s_end]
    m = re.match(r"\s*Among\s+(?:the\s+|all\s+)?([^,]{3,60}),", sentence)
    if m:
        return m.group(1).strip()
    m = re.search(
        r"(?:%|\bpercent|\bper\s?cent)\s*(?:[—–]\s*)?\bof\s+(?:the\s+|all\s+)?((?:[\w’'-]+\s+){0,5}?(?:"
        + RESPONDENT_WORDS
        + r"|those\s+(?:surveyed|polled|asked|questioned|interviewed))"
        + r"(?:\s+(?:in|from|under|over|aged|between|across)\s+(?-i:[A-Z\d][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))?)\b",
        sentence,
        re.IGNORECASE,
    )
    m = m or re.search(
        r"\b(?:in|out\s+of)\s+(?:\d+|[a-z]+)\s+((?:[\w’'-]+\s+){0,3}?(?:" + RESPONDENT_WORDS + r"))\b",
        sentence,
        re.IGNORECASE,
    )
    m = m or re.search(  # "a YouGov poll of American voters": the people the poll asked
        r"\b(?:poll|survey)s?\s+(?:of|among)\s+(?:the\s+|all\s+)?((?:[\w’'-]+\s+){0,3}?(?:"
        + RESPONDENT_WORDS
        + r"))\b",
        sentence,
        re.IGNORECASE,
    )
    return m.group(1).strip() if m else None


_COMPARED_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than)\s+(?:(?:about|nearly|almost|just|only|some)\s+)?$"
)
_GROUP_AFTER_RE = re.compile(r"\s*(?:[—–]\s*)?of\s+(?:the\s+|all\s+|those\s+)?([A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){0,4})")


def compared_measures(text: str, prev_end: int, prev_measures: str, start: int, end: int, s_end: int) -> str | None:
    """ "19% of millennials said they want new tariffs, compared with 34% of baby boomers" -> "baby
    boomers want new tariffs": the same stance of the other group (None unless the figure before
    it, in its sentence, measures a group's stance)."""
    if not _COMPARED_RE.search(text[max(0, start - 30) : start]):
        return None
    mine = _GROUP_AFTER_RE.match(text, end, s_end)
    theirs = _GROUP_AFTER_RE.match(text, prev_end, s_end)
    if not mine or not theirs:
        return None
    group = re.split(r"\s+(?:who|and|but|while|in|said|say|were|are)\b", mine.group(1))[0]
    prev_words, their_words = prev_measures.split(), theirs.group(1).split()
    n = 0
    while n < min(len(prev_words), len(their_words)) and prev_words[n] == their_words[n]:
        n += 1
    if n == 0 and (said := said_words(text, prev_end, s_end)):  # "38 percent of them said they were …"
        return " ".join([group, *said[1]])
    if n == 0 or n == len(prev_words):
        return None
    return " ".join([group, *prev_words[n:]])
