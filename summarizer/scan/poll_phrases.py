"""Noun phrases for a poll's shares and splits as the labeller writes them (FR2-1, FR2-2, FR2-6, FR2-7, FR2-9):
the group polled, then what it says or whom it backs, then the rival ("likely voters almost certain to vote",
"Mexican-American voters backing the Democrat versus the Republican", "likely voters naming health care the top
issue"), read from the number's own clause instead of the words that happen to stand next to it."""

from __future__ import annotations

import re

from ..lexicon import RESPONDENT_WORDS
from .amount_holders import built_measures
from .names import NAME

__all__ = [
    "named_side",
    "phrase_measures",
    "race_pair",
    "said_share_measures",
    "said_words",
    "split_side_measures",
    "viewed_again_measures",
]

_TITLES = r"(?:(?:Democrat|Republican|Democratic|Libertarian|former|Sen\.|Gov\.|Rep\.|Mr\.|Mrs\.|Ms\.)\s+){0,3}"
#: "the Democrat", "the Republican nominee", "the Democratic challenger": a side named by its party
_PARTY = r"the\s+(?:Democrat|Republican|Democratic\s+[a-z]+|Republican\s+[a-z]+)"
_SIDE = rf"(?:{_PARTY}|{_TITLES}{NAME})"

# --- FR2-1: "57 percent said they were almost certain to vote" --------------------------------------

#: after the share: "of <group>" (optional), a restatement (", 23 percent,"), then the verb of saying
_SAID_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+|all\s+)?(?P<group>[\w’'-]+(?:\s+[\w’'-]+){0,4}?))?"
    r"(?:\s*,\s*(?:about\s+|nearly\s+|almost\s+)?\d[\d.]*\s+percent\s*,)?"
    r"\s*,?\s+(?:also\s+)?(?:said|say|says|told\s+(?:pollsters|interviewers))\s+(?P<rest>[^,;:.!?()—–]{3,160})"
)
#: "they were", "they'd be", "they would": the auxiliaries that only say who said it
_THEY_RE = re.compile(r"(?:they|it)(?:['’]d)?\s+(?:(?:would|will|could|might|were|are|was|is|be|had|have)\s+)*")
_RESTATED_RE = re.compile(r"\bof\s+(?:the\s+)?(?P<group>[\w’'-]+(?:\s+[\w’'-]+){0,4}),\s*$")
_PRONOUN_GROUPS = frozenset("them those these us you".split())
_NAMED_GROUP_RE = re.compile(rf"\b(?:[A-Z]?[a-z’'-]+\s+){{0,2}}(?:{RESPONDENT_WORDS})\b")


def said_words(text: str, end: int, s_end: int) -> tuple[str | None, list[str]] | None:
    """The group written after a share ("of likely voters", None when there is none) and what its people
    said, as words of a noun phrase: "said they were “almost certain” to vote" -> "almost certain to vote";
    "said they would stay home" -> "stay home"; "said the state is on the wrong track" -> "saying
    the state is on the wrong track"."""
    m = _SAID_RE.match(text, end, s_end)
    if m is None:
        return None
    rest = re.sub(r"[“”\"]", "", m.group("rest")).strip()
    rest = re.split(r"\s+(?:and|but|while|whereas)\s+(?=\d|[a-z]+\s+\d)", rest)[0]  # "…, and 62 percent said"
    they = _THEY_RE.match(rest)
    said = rest[they.end() :].split() if they else ["saying", *rest.split()]
    return m.group("group"), said[:10]


def said_share_measures(text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int) -> str | None:
    """A share with what its people said, as the group and the thing said (``said_words``): "only 57 percent
    said they were “almost certain” to vote in November" -> "almost certain to vote in November" (the poll's
    group is put before it by ``poll_groups``); "just 38 percent of them said …" takes the group the sentence
    named before ("Young independents")."""
    found = said_words(text, end, s_end) if kind in ("percent", "ratio") else None
    if found is None:
        return None
    group, said = found
    restated = _RESTATED_RE.search(text, max(s_start, start - 60), start)  # "a third of renters, 31 percent, said"
    group = group or (restated.group("group") if restated else None)
    if group and group.split()[0].casefold() in _PRONOUN_GROUPS:  # "of them": the group the sentence named
        named = [w for w in group.split()[1:] if w.casefold() not in _PRONOUN_GROUPS]
        earlier = list(_NAMED_GROUP_RE.finditer(text, s_start, start))
        group = " ".join(named) or (earlier[-1].group().strip() if earlier else None)
    return " ".join([*(group.split() if group else []), *said])


# --- FR2-2: "Mexican-American voters back the Democrat 72 percent to 15 percent" ---------------------

_GROUP = (
    rf"(?:[\w’'-]+\s+){{0,4}}?(?:{RESPONDENT_WORDS}|[A-Za-z][\w’'-]+s)"
    r"(?:\s+(?:without|with|under|over)\s+[\w\s’'-]{2,30}?)?"
)
#: "<group> back <side>", "<group>, who back <side>": the group first
_GROUP_BACKS_RE = re.compile(
    rf"(?P<group>{_GROUP})\s*,?\s+(?:who\s+)?(?:now\s+|still\s+)?"
    rf"(?:back|backs|backed|favor|favors|favored|prefer|prefers|support|supports)\s+(?P<a>{_SIDE}|him|her)\s+(?:by\s+)?$"
)
#: "<side> carries <group>", "<side> wins <group> by 14 points and <group>": the side first
_SIDE_WINS_RE = re.compile(
    rf"(?P<a>{_SIDE})\s+(?:\w+ly\s+)?(?:carries|carried|wins|won|takes|took|leads|led)\s+"
    rf"(?:[^;.,]*?\band\s+)?(?P<group>{_GROUP})\s+(?:by\s+)?$"
)
#: "<side> ahead", "<side> led only in Iowa,", "<side> has moved ahead of <side>, leading": the side alone
_SIDE_AHEAD_RE = re.compile(
    rf"(?P<a>{_SIDE}|him|her)\s+(?:has\s+)?(?:(?:moved|pulled|edged|is|was|remains?)\s+)?"
    rf"(?:ahead|leading|led|leads|edges|edged)(?:\s+(?:of\s+)?(?P<b>{_SIDE}|him|her))?(?:[^;.\d]{{0,40}}?)\s*,?\s*(?:leading\s+)?$"
)
_AMONG_RE = re.compile(rf"\s*(?:among|with)\s+(?P<group>(?:[\w’'-]+\s+){{0,3}}?(?:{RESPONDENT_WORDS}))\b")

#: how an article names its two sides: "A leads B", "A ahead of B", "A's lead over B", "A versus B"
_PAIR_RE = re.compile(
    rf"(?P<a>{_SIDE})(?:’s|'s)?\s+(?:(?:has\s+)?(?:moved|pulled|edged|is|was|remains?)\s+)?"
    rf"(?:leads?|led|edges|ahead\s+of|(?:\d+-point\s+)?(?:lead|edge|advantage)\s+over|versus|vs\.)\s+"
    rf"(?P<b>{_SIDE})"
)
_PRONOUNS = frozenset(("him", "her"))


def _surname(side: str) -> str:
    side = re.sub(rf"^{_TITLES}", "", side.strip())
    return side if side.casefold().startswith("the ") else side.split()[-1]


def race_pair(text: str, before: int) -> tuple[str, str] | None:
    """The two sides the article last set against each other before ``before`` (surnames, or "the Democrat"
    and "the Republican" when it names them by party)."""
    pairs = [(m.group("a"), m.group("b")) for m in _PAIR_RE.finditer(text, 0, before)]
    pairs = [(a, b) for a, b in pairs if not {a.casefold(), b.casefold()} & _PRONOUNS]
    named = [(a, b) for a, b in pairs if not re.match(_PARTY, a) and not re.match(_PARTY, b)]
    pairs = named or pairs  # two candidates' names before "the Democratic nominee leads the Republican"
    if pairs:
        return _surname(pairs[-1][0]), _surname(pairs[-1][1])
    if re.search(r"\bthe\s+Democrat", text[:before]) and re.search(r"\bthe\s+Republican", text[:before]):
        return "the Democrat", "the Republican"
    return None


def _rival(text: str, side: str, s_start: int) -> str | None:
    pair = race_pair(text, s_start)
    if pair is None:
        return None
    if side.startswith("the "):
        return "the Republican" if "Democrat" in side else "the Democrat"
    return pair[1] if pair[0] == side else pair[0] if pair[1] == side else None


def split_side_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """A split by the group polled and the side its first number is for, against the article's other side:
    "Mexican-American voters back the Democrat 72 percent to 15 percent" -> "Mexican-American voters backing the
    Democrat versus the Republican"; "Lantz carries men 49 percent to 40 percent" -> "men backing Lantz versus
    Whitcombe"; "Whitcombe has moved ahead of Lantz, leading 47 percent to 40 percent among likely voters" ->
    "likely voters backing Whitcombe versus Lantz". None when no side is named before it in its clause."""
    left = re.split(r"[;:]\s", text[s_start:start])[-1]
    m = _GROUP_BACKS_RE.search(left) or _SIDE_WINS_RE.search(left) or _SIDE_AHEAD_RE.search(left)
    if m is None:
        return None
    side = m.group("a")
    named = m.groupdict()
    rival = _surname(named["b"]) if named.get("b") and named["b"] not in _PRONOUNS else None
    pair = race_pair(text, start)
    if side in _PRONOUNS:
        if rival is None or pair is None or rival not in pair:
            return None
        side = pair[1] if pair[0] == rival else pair[0]
    else:
        side = _surname(side)
        rival = rival or _rival(text, side, start)
    among = _AMONG_RE.match(text, end, s_end) or _AMONG_RE.search(
        left, m.start()
    )  # "leads B by six points among …, 47 to 41"
    group = named.get("group") or (among.group("group") if among else "voters")
    group = re.sub(r"^(?:the|a|an)\s+", "", group.strip(" ,"))
    return f"{group} backing {side}" + (f" versus {rival}" if rival else "")


def phrase_measures(
    text: str, start: int, end: int, unit: str | None, kind: str | None, s_start: int, s_end: int
) -> str | None:
    """``measures_of``'s entry to this module: a split by its sides, a share by what its people said or by the
    passive its sentence opened with."""
    if kind == "score":
        return split_side_measures(text, start, end, s_start, s_end)
    if kind in ("money", "quantity"):
        return built_measures(text, start, end, unit, kind, s_start)
    return (
        said_share_measures(text, start, end, kind, s_start, s_end)
        or viewed_again_measures(text, start, kind, s_start)
        or (issue_measures(text, start, end, s_start, s_end) if kind == "percent" else None)
    )


#: "the top issue", "the most important problem": a ranking of issues in a poll
_ISSUE_RE = re.compile(
    r"\b(?P<what>(?:top|most\s+important|biggest|most\s+pressing)(?:\s+(?:issue|concern|priority|problem)|(?=,)))"
)
#: "…, followed by health care at 19 percent and national security at 14 percent": the issue named before the share
_ITEM_AT_RE = re.compile(r"(?:followed\s+by|ahead\s+of|and)\s+(?:the\s+)?(?P<item>[^,;\d]{2,40}?)\s+at\s+$")
#: "The economy is the top issue for 38 percent": the issue that opens the sentence
_ITEM_IS_RE = re.compile(r"\s*(?:The\s+)?(?P<item>[^,;]{2,40}?)\s+(?:is|was|remains)\s+the\s+")
_OF_GROUP_RE = re.compile(rf"\s+of\s+(?P<group>(?:[\w’'-]+\s+){{0,3}}?(?:{RESPONDENT_WORDS}))\b")


def issue_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """FR2-9: a share in a ranking of issues is the people naming that issue: "The economy is the top issue for 38
    percent of likely voters, followed by health care at 19 percent" -> "likely voters naming economy the top
    issue", "likely voters naming health care the top issue"."""
    issue = _ISSUE_RE.search(text, s_start, s_end)
    if issue is None:
        return None
    at = _ITEM_AT_RE.search(text, s_start, start)
    opener = _ITEM_IS_RE.match(text, s_start, start) if issue.start() < start else None
    item = at.group("item") if at else opener.group("item") if opener and opener.end() <= issue.start() else None
    if item is None:
        return None
    of = _OF_GROUP_RE.search(text, s_start, s_end)
    group = of.group("group") if of else "voters"
    return f"{group} naming {item} the {issue.group('what')}"


#: "Whitcombe is viewed favorably by 43 percent and unfavorably by 35 percent": the passive, then its gapped twin
_VIEWED_RE = re.compile(
    rf"(?P<subj>{NAME})\s+(?:is|are|was|were)\s+(?P<verb>viewed|seen|rated|regarded)\s+[a-z]+ly\s+by\s+[^;]*?"
    r"\band\s+(?P<adv>[a-z]+ly)\s+by\s+(?:about\s+|nearly\s+|just\s+|only\s+)?$"
)


def viewed_again_measures(text: str, start: int, kind: str | None, s_start: int) -> str | None:
    """FR2-7: the second share of a passive pair ("… viewed favorably by 43 percent and unfavorably by 35
    percent") -> "viewed Whitcombe unfavorably", as the first one reads."""
    m = _VIEWED_RE.search(text, s_start, start) if kind in ("percent", "ratio") else None
    return f"{m.group('verb')} {m.group('subj')} {m.group('adv')}" if m else None


#: an object pronoun in a measure: "him", and "her" where no noun follows it ("view her unfavorably")
_OBJECT_RE = re.compile(r"\bhim\b|\bher\b(?=\s+(?:very|more|less|favou?rably|unfavou?rably|over|by|in|among)\b|\s*$)")


def named_side(text: str, start: int, measures: str) -> str:
    """FR2-6: "him"/"her" in a share's measure is the side of the article's pair named last before the number:
    "unfavorable view him" -> "unfavorable view Lantz" (unchanged when the article sets no two sides apart)."""
    if not _OBJECT_RE.search(measures) or (pair := race_pair(text, start)) is None:
        return measures
    low = text[:start].casefold()
    side = max(pair, key=lambda p: low.rfind(p.casefold()))
    return _OBJECT_RE.sub(side, measures)
