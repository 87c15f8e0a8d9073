"""What a number measures, as a short noun phrase of words from its own sentence (``measures_of``):
the counted noun, the verb it is subject or object of and the place or thing named after it."""

from __future__ import annotations

import re

from .ages import described_age_measures, said_age_measures
from .clauses import (
    age_measures,
    change_measures,
    expected_measures,
    part_measures,
    share_measures,
    tally_measures,
    verb_measures,
)
from .compared import (
    apposition_measures,
    comparison_measures,
    forecast_measures,
    from_to_measures,
    money_noun_measures,
    multiplied_measures,
    noun_after_measures,
    spent_measures,
    times_measures,
)
from .coordinated import coordinated_share_measures
from .counted import subject_before
from .lengths import AFTER_YEARS_RE, DISTANCE_UNITS, TIME_UNITS, interval_words, measured_thing
from .measure_words import (
    AUX,
    CLAUSE_END,
    COPULA,
    DETERMINERS,
    HAVE,
    HEDGES,
    PREPS,
    PRONOUNS,
    PUNCT,
    TRIM,
    WORD_RE,
    clause_left,
    content_words,
    is_verb,
    prep_phrase,
)
from .poll_context import heading_measures, matchup_measures, needs_measures, showed_measures, up_measures
from .poll_measures import (
    age_bound_measures,
    asked_measures,
    lead_measures,
    margin_measures,
    opinion_measures,
    sample_measures,
    split_measures,
)
from .poll_phrases import phrase_measures
from .poll_splits import backing_measures
from .relative import relative_measures
from .subjects import names_in, owner_before, participle, subject_name
from .units import RANGE_KINDS, UNIT_STOP
from .value_of import value_of_measures

__all__ = ["measures_of"]

_CHANGE_NOUNS = {
    "increas": "increase", "rise": "rise", "rose": "rise", "grew": "growth", "grow": "growth", "fell": "fall",
    "fall": "fall", "drop": "drop", "declin": "decline", "decreas": "decrease", "reduc": "reduction",
    "cut": "cut", "climb": "rise", "jump": "rise",
}  # fmt: skip
_OLD = r"(?:year|month|week|day)s?-old"


def measures_of(
    text: str, start: int, end: int, unit: str | None, s_start: int, s_end: int, kind: str | None = None
) -> str:
    """What a number counts or measures, as a short noun phrase of words from its own sentence: the counted
    noun, the verb it is subject or object of and the place or thing the following of/in/near/at phrase names
    ("evacuated about 80 people in the town of Yeoncheon" -> "people evacuated in town of Yeoncheon"); "time …",
    "distance …", "age of …", "share of …", "increase in …" for measurements, shares and changes; no hedges."""
    kind = RANGE_KINDS.get((unit or "").casefold(), kind) if kind == "range" else kind  # "$9 million to $10 million"
    moved = (
        margin_measures(text, start, end, s_start, s_end)
        or matchup_measures(text, start, end, kind, s_start, s_end)
        or heading_measures(text, start, end, s_start, s_end, unit)
        or up_measures(text, start, end, kind, s_start, s_end)
        or showed_measures(text, start, kind, s_start)
        or needs_measures(text, start, end, unit, kind, s_start, s_end)
        or (sample_measures(text, start, end, unit, s_start, s_end) if kind == "count" else None)
        or lead_measures(text, start, end, kind, s_start, s_end)
        or (asked_measures(text, start, end, s_start, s_end) if kind in ("percent", "ratio") else None)
        or phrase_measures(text, start, end, unit, kind, s_start, s_end)  # FR2-1 … FR2-11
        or coordinated_share_measures(text, start, end, kind, s_start, s_end)
        or (comparison_measures(text, start, end, s_start) if kind == "ratio" else None)
        or (multiplied_measures(text, start, end, s_end) if kind == "ratio" else None)
        or opinion_measures(text, start, end, kind, s_start, s_end)
        or (said_age_measures(text, start, end, s_start, s_end) if unit == "years" else None)
        or (described_age_measures(text, start, end, s_start) if kind == "quantity" else None)
        or (age_bound_measures(text, start, s_start) if unit == "years" else None)
        or (age_measures(text, start, end, s_start) if kind == "quantity" else None)
        or (expected_measures(text, start, end, s_start, s_end) if kind in ("money", "percent") else None)
        or (forecast_measures(text, start, end, s_start, s_end) if kind in ("money", "percent", "quantity") else None)
        or relative_measures(text, end, unit, kind, s_end)
        or value_of_measures(text, start, end, unit, kind, s_start)
        or (spent_measures(text, start, end, s_start, s_end) if kind == "money" else None)
        or (money_noun_measures(text, start, end, s_start, s_end) if kind == "money" else None)
        or change_measures(text, start, kind, s_start)
        or (from_to_measures(text, start, end, s_start) if kind in ("quantity", "percent") else None)
        or verb_measures(text, start, kind, unit, s_start)
        or (part_measures(text, start, end, unit, s_start) if kind == "count" else None)
        or (share_measures(text, end, s_end) if kind in ("percent", "ratio") else None)
        or (noun_after_measures(text, start, end, s_start, s_end) if kind == "percent" else None)
        or (apposition_measures(text, start, s_start) if kind in ("percent", "ratio") else None)
        or (tally_measures(text, start, end, s_start, s_end) if kind == "score" else None)
        or (split_measures(text, start, end, s_start, s_end) if kind == "score" and "%" in text[start:end] else None)
        or (backing_measures(text, start, end, s_start, s_end) if kind == "score" else None)  # FR2: in words
    )
    if moved:
        return moved
    left_all = WORD_RE.findall(text[s_start:start])
    right_all = WORD_RE.findall(text[end:s_end])
    left = clause_left(left_all)
    if len(content_words(left, 3)) < 2 and len(left) < len(left_all) and left_all[-len(left) - 1] in ("or", "and"):
        left = clause_left(left_all[: -len(left) - 1]) + left  # "by 49 percent or by 27 percent"
    unit_words = {w.casefold().rstrip("s") for w in (unit or "").split()}
    head_unit = (unit or "").split()[-1].casefold() if unit else ""
    noun_unit = bool(unit) and kind in ("count", "range")
    # the right side: past a range's other end and the unit, then a verb and a preposition phrase
    i = 0
    while i < len(right_all) and (right_all[i].casefold() in ("-", "–", "to", "or", "percent", "per", "cent", "fold")):
        if right_all[i].casefold() in ("to", "or") and not (i + 1 < len(right_all) and right_all[i + 1][0].isdigit()):
            break  # "give $75,000 to the convention": a place, not a range's other end
        i += 1
    while i < len(right_all) and (right_all[i].casefold().rstrip("s") in unit_words or right_all[i] in ("-", "(")):
        i += 1
    if i < len(right_all) and right_all[i].casefold() in ("more", "old"):
        i += 1
    if (
        i + 1 < len(right_all)
        and right_all[i].casefold() == "of"
        and right_all[i + 1].casefold() in ("them", "these", "those")
    ):
        i += 2  # "Six shells of them hit"
    verb: list[str] = []
    j = i
    while j < len(right_all) and (
        right_all[j].casefold() in AUX | {"that", "who", "which"} or right_all[j].endswith("ly")
    ):
        j += 1
    if j < len(right_all) and is_verb(right_all[j]) and right_all[j].casefold() != "number":
        verb = [right_all[j]]
        i = j + 1
    elif j > i and right_all[i].casefold() in COPULA and j < len(right_all) and right_all[j].casefold() in PREPS:
        i = j  # "six deaths were of children", "12 people were in the car": what the copula says of them
    pp, after_pp = prep_phrase(right_all, i, 6) if i < len(right_all) and right_all[i].casefold() in PREPS else ([], i)
    if len(pp) == 1:
        pp = []  # "of 2000 levels": a preposition before a number says nothing
    if pp and pp[-1].casefold() in ("not", "never") and right_all[after_pp : after_pp + 1]:
        tail = right_all[after_pp : after_pp + 4]  # "riders on the bus not wearing masks"
        if tail[0].endswith("ing"):
            pp += tail[: next((n for n, w in enumerate(tail) if w in PUNCT or w in CLAUSE_END), 4)]
    if not verb and pp and pp[0].casefold() == "of":  # "a quarter of citizens favoured …"
        j = after_pp
        while j < len(right_all) and (right_all[j].casefold() in AUX or right_all[j].endswith("ly")):
            j += 1
        if j < len(right_all) and is_verb(right_all[j]):
            verb = [right_all[j]]
    # the left side
    k = len(left) - 1
    while k >= 0 and left[k].casefold() in HEDGES:
        k -= 1
    before = left[k].casefold() if k >= 0 else ""
    head: list[str] = []
    tally = re.search(r"((?:[A-Z][\w’'-]*\s)*[A-Z][\w’'-]*):\s*$", text[max(0, start - 40) : start])
    if kind == "score" and tally:
        return f"{tally.group(1)} score"  # "the Internet: 1, Scientology: 0"
    owner = owner_before(text, start, s_start) if kind == "count" and unit else None
    if owner:
        return f"{owner} {unit}"  # "Indiana … Its 57 delegates make it the largest prize" -> "Indiana delegates"
    subject = subject_before(text, start) if kind in ("count", "range") else None
    if subject:
        return " ".join([subject[0], subject[1]]).strip()
    named = re.search(r"((?:[A-Z][\w’'-]+\s)*[A-Z][\w’'-]+),\s+(?:an?|the)\s+$", text[max(0, start - 60) : start])
    aged_unit = unit in ("years", "months", "weeks", "days")  # "an eleven-month-old boy" as "a 14-year-old boy"
    if aged_unit and named and re.match(rf"\s*-\s*{_OLD}", text[end : end + 12]):
        return f"age of {named.group(1)}"  # "Ahmed Mohamed, a 14-year-old boy"
    aged = re.match(rf"\s*-\s*{_OLD}\s+((?:[A-Z][\w’'-]+\s?){{1,3}})", text[end : end + 50])
    if aged_unit and aged:
        return f"age of {aged.group(1).strip()}"  # "61-year-old Ada Brook"
    if aged_unit and (old := re.match(rf"\s*-\s*{_OLD}\s+([a-z]+)", text[end : end + 30])):
        noun = old.group(1)
        if noun in AUX or noun in TRIM or is_verb(noun):
            return "age"  # "a 70-year-old was among them": the age alone
        tail = left[max(0, k - 2) : k + 1]  # "the injured 70-year-old man"; not "… daughter and 12-week-old"
        det = max((n for n, w in enumerate(tail) if w.casefold() in DETERMINERS), default=len(tail))
        before_noun = [w for w in tail[det + 1 :] if w.isalpha() and w.islower() and w not in TRIM]
        return " ".join(["age", "of", *before_noun, noun])
    if unit == "years" and re.search(r"[A-Z][\w’'-]+,\s*$", text[max(0, start - 30) : start]):
        name = re.search(r"((?:[A-Z][\w’'-]+\s)*[A-Z][\w’'-]+),\s*$", text[max(0, start - 60) : start])
        return f"age of {name.group(1)}" if name else "age"
    change = next((_CHANGE_NOUNS[p] for w in left for p in _CHANGE_NOUNS if w.casefold().startswith(p)), None)
    if kind in ("percent", "ratio") or (kind == "money" and not noun_unit):
        if pp and pp[0].casefold() == "of":
            head = ["share", *pp] if kind == "percent" else pp[1:]
            pp = []
        elif before == "of":
            head = [w for w in left[max(0, k - 3) : k] if w.casefold() not in HEDGES - {"estimated"} | AUX | PUNCT]
        elif change:
            obj = [
                w
                for w in content_words(left, 6)
                if not w.casefold().startswith(tuple(_CHANGE_NOUNS)) and w.casefold() not in TRIM | {"percent"}
            ][-3:]
            head = [change, "in", *obj]
        else:
            head = content_words(left[: k + 1], 4)
    elif kind == "quantity" and head_unit in TIME_UNITS:
        after = [w for w in right_all[i:] if w.casefold() not in HEDGES][:1]
        compound = re.match(r"\s?-\s?[a-z]+\s+([a-z]+)", text[end : end + 30])
        if after and after[0].casefold() == "ago":  # "IE6 shipped with Windows XP, nearly a decade ago"
            since = content_words(left[: k + 1] if len(content_words(left, 2)) > 1 else left_all, 5)
            if not since:  # "Ten years ago, a browser was born"
                rest = right_all[right_all.index(after[0]) + 1 :]
                rest = rest[1:] if rest[:1] == [","] else rest
                since = content_words(rest[: next((n for n, w in enumerate(rest) if w in PUNCT), len(rest))], 4)
            head = ["time", "since", *since]
            verb = pp = []
        elif compound and compound.group(1) not in TRIM and not is_verb(compound.group(1)):
            head = ["length", "of", compound.group(1)]  # "an 11-year lull": how long the lull was
        elif after and after[0].casefold() in ("before", "after", "since", "until", "earlier", "later"):
            head = interval_words(left[: k + 1], right_all, right_all.index(after[0]))
            verb = pp = []
        elif pp and pp[0].casefold() == "of" and not verb and AFTER_YEARS_RE.search(text[s_start:start]):
            head, pp = ["length", *pp], []  # "nearly eight years of fighting": how long the fighting lasted
        else:
            head = ["time", *content_words(left[: k + 1], 3)]
            clause: list[str] = []
            for w in right_all[i:]:
                if w in PUNCT or (w.casefold() in CLAUSE_END and clause):
                    break
                clause.append(w)
            pronoun_first = bool(clause) and clause[0].casefold() in PRONOUNS | {"i"}  # "… we have been praying"
            opens = pronoun_first and any(w.casefold() in AUX for w in clause)
            if not [w for w in head[1:] if w.casefold() not in TRIM] and not verb and not pp and opens:
                head = ["time", *[w for w in content_words(clause, 6) if w.casefold() not in UNIT_STOP - PREPS][:5]]
    elif kind == "quantity" and head_unit in DISTANCE_UNITS and (long := measured_thing(text, end, unit)):
        head = long  # "a five-foot narwhal tusk": how long the tusk is
        verb = pp = []
    elif kind == "quantity" and head_unit in DISTANCE_UNITS:
        head = ["distance", *content_words(left[: k + 1], 2)]
    elif noun_unit:
        head = (unit or "").split()
        names = names_in(re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", "", " ".join(left[:k])))
        if before == "by" and head_unit == "votes":
            beaten = re.search(r"\bdefeat\w*\s+((?:[A-Z][\w’'-]+\s?)+)", " ".join(left_all))
            head = ["margin", "over", beaten.group(1).strip()] if beaten else ["margin", *head]
        elif (
            before in ("with", "received", "won", "got", "secured")
            and head_unit in ("votes", "seats", "points")
            and names
        ):
            head += ["for", names[-1]]
        elif k >= 0 and not verb and (is_verb(left[k]) or (left[k] in HAVE and subject_name(left[:k]))):
            verb = [*subject_name(left[:k]), participle(left[k])]  # "Day had one child": "child Day had"
        elif before in PREPS and not verb and not pp:  # "a meeting between the two leaders"
            head += [w for w in content_words(left[:k], 3) if w.casefold() not in TRIM]
        if re.match(r"\s?-\s?[A-Za-z]+\s+([a-z]+)", text[end : end + 40]) and not verb:  # "three-nation alliance"
            noun = re.match(r"\s?-\s?[A-Za-z]+\s+([a-z]+)", text[end : end + 40]).group(1)  # type: ignore[union-attr]
            if noun not in TRIM and not is_verb(noun):
                head.append(noun)
    else:
        head = content_words(left[: k + 1], 3)
    words = [*head, *verb, *pp]
    words = [w for w in words if w.casefold() not in HEDGES or w.casefold() in ("of", "in", "at", "on", "near", "for")]
    while words and (words[-1].casefold() in TRIM | AUX | {"not", "never", "no"}):
        words.pop()
    while words and words[0].casefold() in PREPS:
        words.pop(0)
    if not words:  # nothing read: the content words next to it in its clause
        right = []
        for w in right_all:
            if w in PUNCT or w in CLAUSE_END:
                break
            right.append(w)
        words = [w for w in content_words(right, 8)[:4] if w.casefold() not in TRIM] or [
            w for w in content_words(left, 4) if w.casefold() not in TRIM
        ]
    out = " ".join([w for w in words if w not in ("-", "–")][:8])
    if kind == "count" and unit == "times" and out == "times":  # nothing read but the unit: the clause before
        return times_measures(text, start, s_start) or out
    return out
