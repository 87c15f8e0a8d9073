"""What a poll's own figures measure (``measures_of`` asks these first): its margin of error, its
sample ("812 likely voters" -> "poll sample size (likely voters)"), a candidate's lead or deficit ("Trump
deficit behind Clinton among women"), a share by its passive verb, rating noun or parentheses,
a gap ("gender gap"), a split by the clause it scores and the age bound of a group polled.
Each returns None when its pattern is absent.
"""

from __future__ import annotations

import re

from ..lexicon import MONTHS, RESPONDENT_WORDS, TITLE_ABBREVIATIONS, WEEKDAYS
from .clauses import those_who
from .names import NAME
from .poll_context import antecedent

__all__ = [
    "age_bound_measures",
    "asked_measures",
    "lead_measures",
    "margin_measures",
    "opinion_measures",
    "sample_measures",
    "split_measures",
]


_MARGIN_RE = re.compile(
    r"\bmargin\s+of\s+(?:sampling\s+)?error\b[^.;]{0,40}$|\bmargin\s+of\s+(?:sampling\s+)?error\s+(?:is|was|of)\s+"
    r"(?:plus\s+or\s+minus\s+|\+/-\s*|±\s*)?$",
    re.IGNORECASE,
)


def margin_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "a margin of error of plus or minus 3.4 percentage points", "with a 3.5-point margin of
    error" -> "poll's margin of error"."""
    before = text[max(s_start, start - 80) : start]
    after = text[end : min(s_end, end + 30)]
    if _MARGIN_RE.search(before) or re.match(
        r"[\s-]*(?:percentage[\s-])?(?:points?|%|percent)?[\s-]*margin\s+of\s+(?:sampling\s+)?error", after
    ):
        return "poll's margin of error"
    return None


_SAMPLE_BEFORE_RE = re.compile(
    r"(?:\b(?:poll|survey|sample|study)s?\s+(?:of|among)|\b(?:polled|surveyed|interviewed|questioned|sampled|"
    r"interviews\s+with|responses\s+from))\s+(?:(?:about|nearly|almost|more\s+than|some|roughly|over|just)\s+)?$",
    re.IGNORECASE,
)
_SAMPLE_AFTER_RE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,4}?(?:were|was|had\s+been|have\s+been)\s+(?:polled|surveyed|interviewed|questioned)\b",
    re.IGNORECASE,
)


def sample_measures(text: str, start: int, end: int, unit: str | None, s_start: int, s_end: int) -> str | None:
    """ "The poll of 812 likely voters", "surveyed 1,003 adults", "1,000 voters were polled" ->
    "poll sample size (likely voters)", "poll sample size (adults)": what a reader calls the number,
    with the people a poll asked (none when the article names no noun: "the poll of 1,600")."""
    asked = _SAMPLE_BEFORE_RE.search(text[max(s_start, start - 40) : start]) or _SAMPLE_AFTER_RE.match(text[end:s_end])
    if not asked or (
        asked.group().casefold().startswith("sample") and not re.search(r"\b(?:poll|survey)", text[s_start:s_end], re.I)
    ):
        return None  # "a sample of 100 of the first 500 participants" of a trial is not a poll's
    if unit is None:
        return "poll sample size"
    if not re.search(rf"\b(?:{RESPONDENT_WORDS})$|[a-z]s$", unit, re.IGNORECASE):
        return None  # "the poll of 812 likely voters", "surveyed 800 commuters": a plural noun of people
    return f"poll sample size ({unit})"


_PEOPLE = rf"(?P<subj>{NAME}|he|she|they)\s+"
_LEAD_VERB = (
    r"(?P<verb>leads?|led|leading|trails?|trailed|trailing|(?:is|was|are|were)\s+ahead\s+of|"
    r"(?:is|was|are|were)\s+behind|(?:(?:is|was)\s+)?lagging\s+behind|beats?|beating|outpaces?|outpacing|defeated|defeats|won\s+over)"
)
_ROLE = r"(?:(?:challenger|rival|incumbent|opponent|candidate|nominee|frontrunner|front-runner)\s+)?"
_HEDGE = (
    r"(?:(?:about|nearly|almost|more\s+than|less\s+than|just|only|some|roughly|over|under|"
    r"a\s+(?:whopping|mere|paltry|meagre|meager|scant|bare))\s+)?"
)
#: "Trump trails Clinton by 6 points", "Mr. Trump leading Mr. Cruz nationally, 45 percent to 18 percent"
_LEADS_RE = re.compile(
    rf"{_PEOPLE}(?:(?:now|still|also|narrowly)\s+)?{_LEAD_VERB}\s+{_ROLE}(?P<obj>{NAME}|him|her|them)"
    rf"(?:\s+(?:[a-z]+ly|nationally|overall|statewide))?,?\s*(?:by\s+)?{_HEDGE}$"
)
#: "Ortiz had a 6-point lead over Brandt", "Portman has a 7-point lead over Strickland, 48%-41%"
_HAS_RE = re.compile(
    rf"{_PEOPLE}(?:(?:now|still|also)\s+)?(?:has|had|have|holds|held|maintains|maintained|enjoys|enjoyed|opened|"
    rf"built|with)\s+an?\s+(?:(?:narrow|slim|comfortable|commanding|double-digit|wide|solid|clear)\s+)?$"
)
_LEAD_NOUN_RE = re.compile(
    rf"^[\s-]*(?:(?:percentage[\s-]+)?points?[\s-]+)?(?:lead|advantage|edge)\b(?:\s+over\s+(?P<obj>(?-i:{NAME})))?",
    re.IGNORECASE,
)
#: "Cruz 16 points ahead of Trump" (the number between the two names)
_AHEAD_LEFT_RE = re.compile(rf"(?:^|\s)(?P<subj>{NAME})\s+{_HEDGE}$")
_AHEAD_RIGHT_RE = re.compile(
    rf"^[\s-]*(?:(?:percentage[\s-]+)?points?\s+)?(?P<verb>ahead\s+of|behind)\s+(?P<obj>(?-i:{NAME}))", re.IGNORECASE
)
#: "polls have shown Trump with modest leads ranging from 2 to 9 points" (the lead named before the number)
_WITH_LEADS_RE = re.compile(
    rf"\b(?P<subj>{NAME})\s+(?:with|has|had|have|holds|held)\s+(?:an?\s+)?(?:[a-z-]+\s+)?(?P<verb>leads?|deficits?)"
    rf"\s+(?:(?:ranging\s+)?from|of)\s+{_HEDGE}$"
)
_PLACE_RE = re.compile(r"^[^,;.]*?\s+in\s+(?P<place>(?-i:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))")
_HAS_LEAD_RE = re.compile(
    rf"{_PEOPLE}(?:has|had|have|holds|held|maintains|enjoys)\s+an?\s+[\w.-]+[\s-]+(?:percentage[\s-]+)?points?"
    rf"[\s-]+(?:lead|advantage|edge)\s+over\s+(?P<obj>{NAME})"
)
#: "Women favor Ortiz by 15 points" -> "Ortiz margin among Women"
_FAVOR_RE = re.compile(
    rf"(?:^|[,;]\s+|\b(?=while|and|but))(?:(?:while|and|but)\s+)?(?P<group>(?:[A-Za-z’'-]+\s+){{0,2}}?(?:{RESPONDENT_WORDS}))\s+"
    rf"(?:favou?rs?|favou?red|backs?|backed|supports?|supported|prefers?|preferred|chose|choose|picks?|picked|"
    rf"went\s+for|break\s+for|broke\s+for)\s+(?P<obj>(?-i:{NAME}))\s+by\s+{_HEDGE}$",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(rf"(?P<subj>{NAME})['’]s\s+(?:(?:narrow|slim|comfortable|commanding|wide)\s+)?$")
_MARGIN_NOUN_RE = re.compile(
    rf"^[\s-]*(?:percentage[\s-]+)?points?[\s-]+(?P<noun>victory|win|loss|defeat|margin|lead)"
    rf"(?:\s+over\s+(?P<obj>{NAME}))?",
    re.IGNORECASE,
)
_AMONG_RE = re.compile(r"^[\s,]*(?:(?:percentage\s+)?points?\s+|%\s*|percent\s+)?(?P<among>among\s+[^,;.:]{2,50})")


#: a lead or deficit with no rival named: "Ruiz led by 2 points", "showed Ortiz ahead by 3 points"
_LEADS_BY_RE = re.compile(
    rf"(?:^|\s)(?P<subj>{NAME}|he|she)\s+(?:(?:now|still|also|narrowly)\s+)?"
    rf"(?P<verb>leads?|led|trails?|trailed|(?:(?:is|was)\s+)?ahead|(?:(?:is|was)\s+)?behind)\s+by\s+{_HEDGE}$"
)
_CARRIED_RE = re.compile(
    rf"(?:^|\s)(?P<subj>{NAME}|he|she)(?:,\s+(?:an?|the)\s+[^,;]{{1,60}},)?\s+(?:\w+ly\s+)?(?P<verb>carried|won|took|carries|wins|takes|(?:leads|led)\s+among)\s+"
    rf"(?P<group>(?:[\w’'-]+\s+){{0,2}}?(?:{RESPONDENT_WORDS}|[a-z][\w’'-]+s)"
    rf"(?:\s+[\w’'-]+){{0,4}}?)\s+by\s+{_HEDGE}$"
)


def _pronoun(text: str, s_start: int, at: int) -> str | None:
    """Whom "he"/"she" at ``at`` stands for: the last name before it in its sentence (not a place
    opening it: "In Ohio, Bradley leads …, when he led by two" -> Bradley), else the sentence before's."""
    names = [n for n in re.findall(NAME, text[s_start:at]) if n.split()[0] not in _OPENERS]
    return names[-1] if names else antecedent(text, s_start)


_OPENERS = frozenset((*"In On At Now But And Then Still Yet So Also When While The A An".split(), *MONTHS, *WEEKDAYS))


#: a pronoun, or a title with its stop: no word of whom a figure is ("Mr." of "Mr. Cruz")
_NOT_NAME_WORDS = frozenset(("he", "she", "they", "him", "her", "them", *(f"{t}." for t in TITLE_ABBREVIATIONS)))


def _who(words: str | None) -> list[str]:
    """A name's words without a pronoun or a title ("Mr. Cruz", "Prof. Cruz" -> Cruz): any title ``NAME`` takes."""
    return [w for w in (words or "").split() if w.casefold() not in _NOT_NAME_WORDS]


def lead_measures(text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int) -> str | None:
    """A candidate's lead or deficit in a race, by its verb or noun: "Trump trails Clinton by 6
    points among women" -> "Trump deficit behind Clinton among women"; "Ortiz had a 6-point lead
    over Brandt" and the split after it ("…, 48%-41%") -> "Ortiz lead over Brandt"."""
    left = text[max(s_start, start - 120) : start]
    right = text[end:s_end]
    subj = obj = verb = None
    n = None
    points = re.match(r"[\s-]*(?:percentage\s+)?points?\b", right) or re.search(r"points?$", text[start:end])
    if (m := _LEADS_RE.search(left)) and (kind == "score" or points):
        subj, obj, verb = m.group("subj"), m.group("obj"), m.group("verb").casefold()
    elif (m := _AHEAD_LEFT_RE.search(left)) and (n := _AHEAD_RIGHT_RE.match(right)) and kind == "quantity":
        subj, obj, verb = m.group("subj"), n.group("obj"), "trails" if n.group("verb") == "behind" else "leads"
    elif (m := _WITH_LEADS_RE.search(left)) and kind in ("quantity", "range"):
        subj, obj, verb = m.group("subj"), None, "trails" if m.group("verb").startswith("deficit") else "leads"
    elif (m := _HAS_RE.search(left)) and (n := _LEAD_NOUN_RE.match(right)):
        subj, obj, verb = m.group("subj"), n.group("obj"), "lead"
    elif kind == "score" and (m := _HAS_LEAD_RE.search(left)) and re.fullmatch(r"[\s,]*", left[m.end() :]):
        subj, obj, verb = m.group("subj"), m.group("obj"), "lead"
    elif (m := _POSSESSIVE_RE.search(left)) and (n := _MARGIN_NOUN_RE.match(right)):
        subj, verb = m.group("subj"), n.group("noun").casefold()  # "Clinton's 16-point victory in New York"
        obj = n.group("obj")
    elif (m := _FAVOR_RE.search(left)) and re.match(r"[\s-]*(?:percentage\s+)?points?\b", right):
        return " ".join([*_who(m.group("obj")), "margin", "among", *m.group("group").split()])
    elif (kind == "quantity" or (kind == "count" and re.match(r"[.,;]", right))) and re.search(
        r"\bpoints?\b|%|\bpercent\b", text[s_start:s_end]
    ):
        if m := _CARRIED_RE.search(left):  # "Loughlin carried voters 65 and older by 24 points"
            who = _who(m.group("subj")) or _who(_pronoun(text, s_start, start - len(left) + m.start()))
            noun = "lead" if m.group("verb").startswith("lead") else "margin"  # FR2-5: "leads among women by 18"
            return " ".join([*who, noun, "among", *m.group("group").split()[:6]])
        if m := _LEADS_BY_RE.search(left):  # "Ruiz led by 2 points", "when he led by two", "ahead by 3 points"
            subj, obj, verb = m.group("subj"), None, "trails" if m.group("verb").startswith("trail") else "leads"
            if not _who(subj):
                subj = _pronoun(text, s_start, start - len(left) + m.start())
    if verb is None:
        return None
    if verb in ("victory", "win", "loss", "defeat", "margin"):
        place = re.match(
            r"\s+(?:in|over|against)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", right[n.end() :] if n else ""
        )
        return " ".join([*_who(subj), verb, "margin", *(place.group().split() if place else [])])
    behind = verb.startswith(("trail", "is behind", "was behind", "are behind", "were behind", "lagging", "is lag"))
    among = _AMONG_RE.match(right) or _AMONG_RE.match(re.sub(r"^[^,;.]*?(?=\s+among\b)", "", right, count=1))
    names = [n for n in re.findall(NAME, text[s_start:start]) if n.split()[0] not in _OPENERS]
    subj = names[0] if _who(subj) == [] and names else subj  # "Trump trails Clinton …, while he leads her"
    obj = next((n for n in names if n != subj), obj) if obj and _who(obj) == [] else obj
    won = verb.startswith(("defeat", "beat", "won"))
    words = [
        *_who(subj),
        *(["deficit", "behind"] if behind else ["victory", "margin", "over"] if won else ["lead", "over"]),
    ]
    words = words + _who(obj) if _who(obj) else words[:-1]  # "Cruz had a 10-point lead": over no one named
    if among:
        words += among.group("among").split()[:6]
    elif place := _PLACE_RE.match(right):
        words += ["in", *place.group("place").split()[:4]]  # "16 points ahead of Trump in Indiana"
    return " ".join(w.rstrip(",") for w in words)


#: "Trump is viewed unfavorably by 80 percent of …", "Clinton is favored by 65 percent of …"
_PASSIVE_RE = re.compile(
    rf"(?P<subj>{NAME}|[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?P<adv>[a-z]+ly\s+)?(?P<verb>[a-z]+ed|seen|chosen)\s+(?P<adv2>[a-z]+ly\s+)?by\s+" + _HEDGE + "$"
)
#: "Trump's unfavorable rating among Florida Latinos is 72 percent", "Clinton's lead has grown to 8 points"
_RATING_RE = re.compile(
    r"(?P<what>\b(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?['’]s\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?i:rating|ratings|approval|disapproval|support|favorability|favourability|lead|margin|standing|share|"
    r"numbers?)(?:\s+(?:for|of)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?(?:\s+(?:among|with|in)\s+[^,;:]{2,40}?)?)(?:\s*:|\s+"
    r"(?:is|was|are|were|stands\s+at|stood\s+at|sits\s+at|at|reached|hit|(?:has\s+|have\s+|had\s+)?"
    r"(?:fallen|fell|dropped|slipped|risen|rose|climbed|grown|grew|jumped|widened|narrowed|shrunk|shrank)\s+to))\s+"
    + _HEDGE
    + "$"
)
#: "put support for the toll at 36 percent"
_PUT_RE = re.compile(
    r"\b(?:put|puts|putting|pegged|pegs|placed|places)\s+(?P<what>(?:[\w’'-]+\s+){1,5}?)at\s+" + _HEDGE + "$"
)
#: "a gender gap of 24 points", "a 24-point gender gap (between men and women)" -> "gender gap …"
_GAP_WHAT = r"\b(?:[a-z-]+\s+){0,2}(?:gap|spread|difference|divide)(?:\s+(?:between|among)\s+[^,;.:]{2,40}?)?"
_GAP_BEFORE_RE = re.compile(rf"(?P<what>{_GAP_WHAT})\s+(?:of|is|was|at|stands\s+at|grew\s+to)\s+{_HEDGE}$")
_GAP_AFTER_RE = re.compile(
    r"^[\s-]*(?:percentage[\s-]+)?(?:points?|%|percent)?[\s-]+(?P<what>(?:[a-z-]+\s+){0,2}?(?:gap|spread|divide)"
    r"(?:\s+(?:between|among)\s+[^,;.:]{2,40})?)"
)
#: "has Ortiz at 45 percent and Brandt at 40 percent", "Ortiz gets 52 percent of the vote"
_CANDIDATE_RE = re.compile(
    rf"(?P<name>{NAME})(?:\s+(?:at|with)|\s+(?P<verb>gets|got|wins|won|receives|received|draws|drew|garners|garnered|"
    rf"takes|took|earns|earned|polls|polled|captures|captured))\s+{_HEDGE}$"
)
_CONTEST = r"\b(?:poll|polls|survey|voters?|support|lead|race|ballot|primary|caucus)\b"
_NOT_NAMES = frozenset("The A An It This That Shares Stocks Prices Inflation Unemployment Turnout".split())
#: "A majority (52%) say …": the share in parentheses after the words that name it
_PAREN_RE = re.compile(
    r"\b(?:a\s+(?:majority|plurality|minority)|most|many|half|nearly\s+half|about\s+half|few)\s*\($", re.IGNORECASE
)


#: "the average percentage of those who … is 29%": the share named before its linking verb
_SHARE_IS_RE = re.compile(
    r"\b(?:percentage|share|proportion|fraction)\s+of\s+(?:the\s+|all\s+)?(?P<what>[^;:()“”\"]{3,200}?)\s+"
    r"(?:is|was|are|were|stands\s+at|stood\s+at)\s+" + _HEDGE + "$"
)


def opinion_measures(text: str, start: int, end: int, kind: str | None, s_start: int, s_end: int) -> str | None:
    """A share of a poll by the verb or noun that says what it is: the passive "Trump is viewed
    unfavorably by 80 percent of Latino voters" -> "Latino voters who viewed Trump unfavorably";
    "Trump's unfavorable rating among Florida Latinos is 72 percent" -> "Trump unfavorable rating
    among Florida Latinos"; "A majority (52%) say the economy is worse" -> "saying the economy is
    worse"."""
    if kind not in ("percent", "ratio", "count", "quantity"):
        return None
    left = text[max(s_start, start - 120) : start]
    share_word = re.search(r"\b(?:percentage|share|proportion|fraction)\s+of\b", text[s_start:start])
    if kind == "percent" and share_word and (m := _SHARE_IS_RE.search(text, share_word.start() + s_start, start)):
        named = re.findall(r"[A-Za-z0-9’'-]+", m.group("what"))
        if named[:2] == ["those", "who"] and (found := those_who(named[2:])):
            return f"share who {found}"
        return " ".join(["share", "of", *[w for w in named if w.casefold() not in ("the", "a", "an")][:8]])
    if kind in ("percent", "ratio") and (m := _PASSIVE_RE.search(left)):
        group = re.match(r"\s*(?:[—–]\s*)?of\s+(?:the\s+|all\s+)?([^,;.:()]{2,50})", text[end:s_end])
        if m.group("subj").casefold() not in ("it", "this", "that"):
            adverb = (m.group("adv") or m.group("adv2") or "").strip()
            asked = [*group.group(1).split()[:6], "who"] if group else []  # else the poll's group (``poll_groups``)
            words = [*asked, m.group("verb"), *m.group("subj").split(), adverb]
            return " ".join(w for w in words if w)
    if kind == "percent" and (m := _CANDIDATE_RE.search(left)):
        right = text[end:s_end]
        vote = re.match(r"\s+of\s+the\s+(?:\w+\s+)?vote\b", right)
        polled = m.group("verb") or vote or re.search(_CONTEST, text[s_start:s_end], re.IGNORECASE)
        if polled and m.group("name").split()[0] not in _NOT_NAMES:
            among = re.search(r"\bamong\s+[^,;.:]{2,40}", right)
            return " ".join(
                [
                    *m.group("name").split(),
                    "vote share" if vote else "support",
                    *(among.group().split() if among else []),
                ]
            )
    who = re.match(r"\s+who\s+(?:(?:say|said|says)\s+(?:they\s+)?)?([^,;:.!?()“”\"—–]{3,80})", text[end:s_end])
    if kind in ("percent", "ratio") and who:  # "compared to 11 percent who see him favorably"
        return " ".join(who.group(1).split()[:7])
    gap = _GAP_BEFORE_RE.search(left) or _GAP_AFTER_RE.match(text[end:s_end])
    if gap:
        return " ".join(w for w in gap.group("what").split() if w.casefold() not in ("a", "an", "the"))
    if (m := _PUT_RE.search(left)) or (m := _RATING_RE.search(left)):
        what = re.sub(r"['’]s\b", "", m.group("what"))
        return " ".join(w for w in what.split() if w.casefold() not in ("the", "a", "an", "his", "her", "their"))
    if kind in ("percent", "ratio") and _PAREN_RE.search(left) and text[end : end + 1] == ")":
        said = re.split(r"[,;:.!?()“”\"—–]", text[end + 1 : s_end])[0].split()
        if said and said[0].casefold() in ("say", "said", "says", "think", "believe", "support", "oppose", "want"):
            verb = {"say": "saying", "said": "saying", "says": "saying"}.get(said[0].casefold(), said[0])
            return " ".join([verb, *said[1:8]])
    return None


_ASKED_RE = re.compile(
    r"\b[Aa]sked\s+(?:whether|if)\s+(?P<q>[^;:]{5,240}?)\s+(?P<be>is|was|are|were|would\s+be|will\s+be)\s+"
    r"(?P<what>[^,;:]{3,120}),\s*(?:(?:about|nearly|almost|roughly|just|only|some)\s+)?$"
)
_ANSWER_RE = re.compile(
    r"\s+(?:said|say|says|answered|responded)\s+(?:(?:it|they|that)\s+)?(?P<a>\w+)(?P<n>\s+not|n[’']t)?\b"
)


def asked_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """ "When asked whether the plan was the right one for the city, 59 percent said it was not" ->
    "saying it was not the right one for the city": a share answering a question is what it said of
    the question's predicate (None for any other share)."""
    left = text[s_start:start]
    m = _ASKED_RE.search(left) if re.search(r"\b[Aa]sked\s+(?:whether|if)\b", left) else None
    a = _ANSWER_RE.match(text, end, s_end)
    if m is None or a is None:
        return None
    negated = bool(a.group("n")) or a.group("a").casefold() in ("no", "not")
    if a.group("a").casefold() not in ("no", "not", "yes", m.group("be").split()[0].casefold()):
        return None  # "59 percent said they would move": an answer of its own, read elsewhere
    what = [w for w in m.group("what").split() if w.casefold() not in ("the", "a", "an")][:7]
    return " ".join(["saying", "it", m.group("be"), *(["not"] if negated else []), *what])


def split_measures(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """A poll's split by the clause it scores: "Commuters support a gas tax 55%-38%" -> "Commuters
    support gas tax"; "By 62%-32%, commuters say the bridge should stay free" -> "commuters say
    bridge should stay free"."""
    left = text[s_start:start]
    if re.search(r"(?:^|[,;]\s*)[Bb]y\s+$", left):
        clause = re.split(r"[,;:.!?()“”\"—–]", text[end:s_end].lstrip(" ,"))[0]
    else:
        clause = re.split(r"[,;:!?()“”\"—–]\s|\b(?:that|while|and|but)\s", left)[-1]
    words = [w for w in re.findall(r"[A-Za-z0-9’'-]+", clause) if w.casefold() not in ("a", "an", "the", "that")]
    among = re.match(r"\s*(?:among|with)\s+[^,;.:]{2,40}", text[end:s_end])
    return " ".join([*words[:8], *(among.group().split() if among else [])]) if len(words) >= 2 else None


_AGE_GROUP_RE = re.compile(
    rf"\b(?P<group>(?:[A-Za-z’'-]+\s+)?(?:{RESPONDENT_WORDS}|those|people|children))\s*[,(]?\s*"
    r"(?:under|over|older\s+than|younger\s+than|aged?|ages|between\s+the\s+ages?\s+of)\s+(?:between\s+)?$",
    re.IGNORECASE,
)


#: "voters 65 and older": the group right before the bound
_OLDER_RE = re.compile(r"\d{1,3}\s+(?:and|or)\s+(?:older|over|up)\b")
_OLDER_GROUP_RE = re.compile(rf"\b(?P<group>(?:[A-Za-z’'-]+\s+)?(?:{RESPONDENT_WORDS}|those|people|children))\s+$")


def age_bound_measures(text: str, start: int, s_start: int) -> str | None:
    """ "voters under 30", "adults aged 18 to 34", "voters 65 and older" -> "age of voters", "age of
    adults": the age bound of a group polled."""
    m = _AGE_GROUP_RE.search(text[max(s_start, start - 60) : start])
    m = m or (_OLDER_GROUP_RE.search(text[max(s_start, start - 60) : start]) if _OLDER_RE.match(text, start) else None)
    if not m:
        return "age" if re.search(r"\bthe\s+age\s+of\s+$", text[max(s_start, start - 20) : start]) else None
    group = [w for w in m.group("group").split() if w.casefold() not in ("the", "a", "an", "of", "among", "for")]
    return " ".join(["age", "of", *group])
