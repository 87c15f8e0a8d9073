"""Speakers that stand nearer the quotation than the clause's subject does, or a step away from it.

* an appositive after an owner's role: "Porter's spokesman, Ian Cole, said: “…”", "“…,” her
  lawyer, Ian Cole, said" (the owner does not speak);
* a quotation relayed in someone's account: "Reed said Porter told him: “…”" is Porter's, "He said
  his son told him, “…”" his son's (not the one who recounts the words);
* wire copy: "X quoted Reed as saying “…”", "Reed was quoted as saying", "Reed can be heard
  saying", "according to a statement from Reed's office, “…”", "“…,” reads a statement from Reed";
* a sentence right after the quotation that points back at it: "“…” That's how Reed put it.",
  "Those were the words of Reed", "“…,” the statement read. It was signed by Reed.";
* "As Reed put it, “…”", "as the mayor put it at a meeting in October, “…”": the one who put it;
* a second clause that brings in the quotation with a colon: "Porter said it was safe, but Reed
  disagreed: “…”";
* an answer to a question put to someone: "“Will it open?” Porter asked Reed. “Not yet,” she replied.";
* a quotation with no cue after a sentence a person opens ("Reed also took aim at Porter. “…”").
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH
from ..scan.quotes import QuoteCandidate
from .cast import Cast
from .describe import DESCRIPTION, aged_speaker, described
from .patterns import NAME

__all__ = ["nearest_teller", "opening_subject"]

_OWNER = rf"(?:{NAME}['’]s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he\s+[a-z]+['’]s)"
_ROLE = r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*"
_THEN = r"(?:\s+(?:also|then|later|has|had|have))*"
_OWNED = rf"{_OWNER}\s+{_ROLE},\s+(?P<n>{NAME}),{_THEN}\s+(?:{SPEECH})\b"
_OWNED_BEFORE_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){_OWNED}[^.!?\"“”\n]{{0,150}}?[\s,:]*$")
# the verb first: "“…,” said her spokeswoman, Priya Venkataraman, in a statement"
_SAID_OWNED = rf"(?:said|says|wrote|added)\s+{_OWNER}\s+{_ROLE},\s+(?P<n>{NAME})\b"
_OWNED_AFTER_RE = re.compile(rf"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*{_OWNED}")
_SAID_OWNED_RE = re.compile(rf"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*{_SAID_OWNED}")
# the teller right before the quotation, inside a clause that another verb of speech reports
_RELAYED_RE = re.compile(
    rf"\b(?:{SPEECH})\b[^.!?\"“”\n]{{0,100}}?\s(?:(?P<n>{NAME})|(?P<d>{DESCRIPTION}))\s+"
    r"(?:told|tells|telling|texted|wrote\s+to|said\s+to)\s+(?:him|her|them|me|us)\s*[,:]\s*$"
)

# "Porter quoted Reed as saying “", "according to a statement from Reed's office, “"
_QUOTED_AS_RE = re.compile(
    rf"(?:\bquoted\s+(?:the\s+)?(?P<n>{NAME})(?:,[^,“”\"\n]{{2,80}},)?\s+as\s+(?:saying|telling\s+\w+)"
    r"|\b[Aa]ccording\s+to\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:statement|letter|post|release|e-?mail|transcript|note)\s+"
    rf"(?:from|by|issued\s+by|released\s+by)\s+(?:the\s+)?(?P<o>{NAME})(?:\s+[a-z]+)?)[\s,:]*$"
)
# "“…,” Reed was quoted as saying", "Reed can be heard saying: “", "“…,” reads a statement from Reed",
# "“…,” a statement from Reed's office read"
_SAYING = (
    r"(?:was|is|were|has\s+been|had\s+been|can\s+be|could\s+be)\s+(?:quoted|heard|recorded|seen|filmed)"
    r"\s+(?:as\s+)?saying"
)
_DOCUMENT = r"(?:statement|letter|post|release|note|message|e-?mail)"
_FROM = r"(?:from|by|issued\s+by)\s+(?:the\s+)?"
_SAYING_AFTER_RE = re.compile(
    rf"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?P<n>{NAME})\s+{_SAYING}"
    rf"|(?:reads?|said|says|states)\s+(?:a|an|the)\s+(?:[a-z]+\s+)?{_DOCUMENT}\s+{_FROM}(?P<m>{NAME})"
    rf"|(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[a-z]+\s+)?{_DOCUMENT}\s+{_FROM}(?P<o>{NAME})(?:\s+[a-z]+)?"
    r"\s+(?:reads?|said|says|stated|states)\b)"
)
_SAYING_BEFORE_RE = re.compile(rf"(?P<n>{NAME})\s+{_SAYING}[^.!?“”\"\n]{{0,60}}?[\s,:]*$")

# "As Reed put it, “", "as the mayor once put it in a speech, “"
_PUT_IT_RE = re.compile(
    rf"\b[Aa]s\s+(?:(?P<n>{NAME})|(?P<d>{DESCRIPTION}))\s+(?:(?:once|later|has|had|memorably)\s+)?"
    r"put\s+it\b[^.!?“”\"\n]{0,80}?[,:]\s*$"
)

# a sentence right after the quotation that points back at it and names its speaker
_POINTER_RE = re.compile(
    r"[\s,.!?;:]*(?:[”\"’']\s*)?[\s,.!?;:]*(?:[—–-]+\s*)?"
    r"(?:(?:[Tt]hat|[Tt]his)(?:’s|'s|\s+is|\s+was)\s+(?:how|what|the\s+way)"
    r"|(?:Those|These|They)\s+(?:were|are)\s+(?:the\s+)?words\s+of"
    r"|The\s+(?:words|remark|remarks|comment|comments|message|quote|line|warning|plea)\s+(?:came\s+)?(?:from|of|belong\s+to)"
    r"|(?:,\s*)?the\s+(?:statement|letter|post|note|message|release)\s+(?:read|reads|said|says)\.\s+"
    r"(?:It|The\s+[a-z]+)\s+was\s+signed\s+by)"
    rf"\s+(?:[a-z]+\s+){{0,3}}?(?P<n>{NAME})"
)

# a second clause that introduces the quotation with a colon: "Porter said it was safe, but Reed disagreed: “"
_CONTRAST_RE = re.compile(
    rf"[,;]\s+(?:but|and|while|whereas|yet)\s+(?P<n>{NAME})(?:\s+(?:also|then|quickly|strongly))?"
    r"(?:\s+[a-z][\w-]*){1,4}:\s*$"
)

# an answer to a question put to someone: "“Will it open?” Porter asked Reed. / “Not yet,” she replied."
_ANSWER_RE = re.compile(
    r"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:he|she|they)\s+(?:replied|answered|responded|retorted)\b"
)
_ASKED_RE = re.compile(
    rf"\?[”\"’']\s*,?\s*(?:{NAME}|[Hh]e|[Ss]he|[Tt]hey|[a-z][\w\s-]{{0,30}}?)\s+asked\s+(?P<n>{NAME})[^.!?“”\"\n]{{0,80}}[.]\s*$"
)


def _named(name: str, cast: Cast) -> str:
    """``name`` without an owner's "'s"; a first name alone ("That's how Michael put it") is the one
    person of the Cast it begins, when there is exactly one."""
    name = re.sub(r"['’]s$", "", name)
    if " " in name or cast.is_person(name):
        return name
    firsts = {p.name for p in cast.people if name in p.name.split()[:-1]}  # "Engineer Michael Ostrowski"
    return firsts.pop() if len(firsts) == 1 else name


def nearest_teller(text: str, q: QuoteCandidate, cast: Cast, after: str, lead: str) -> tuple[str, bool] | None:
    """The speaker these forms give for a quotation, widened by ``_named``."""
    found = _teller(text, q, cast, after, lead)
    return (_named(found[0], cast), False) if found and not found[1] else found


def _teller(text: str, q: QuoteCandidate, cast: Cast, after: str, lead: str) -> tuple[str, bool] | None:
    """The speaker these forms give for a quotation (``after``: the text after it on its line;
    ``lead``: the text before it, opening mark stripped), and whether it is a description (as the
    article writes it) rather than a name; None when neither form is there. "The 54-year-old said"
    is read here too (``describe.aged_speaker``), so that a later "she said" can lean on it."""
    if aged := aged_speaker(text, q, cast):
        return aged, False
    said_owned = _SAID_OWNED_RE.match(after)
    if said_owned and (" " not in said_owned.group("n") or re.search(r"\w\w\.\s", said_owned.group("n"))):
        said_owned = None  # "says Wise's dad, Darrin. For Espinos, …": a first name, then the next sentence
    if m := _OWNED_AFTER_RE.match(after) or said_owned or _OWNED_BEFORE_RE.search(lead):
        return m.group("n"), False
    if said := _SAYING_AFTER_RE.match(after) or _SAYING_BEFORE_RE.search(lead):
        name = next(said.group(k) for k in said.groupdict() if said.group(k))
        return re.sub(r"['’]s$", "", name), False
    if wire := _QUOTED_AS_RE.search(lead):
        return re.sub(r"['’]s$", "", wire.group("n") or wire.group("o")), False
    prior = text[max(0, q.start - 300) : q.start].rstrip("“\"‘' ")
    if _ANSWER_RE.match(after) and (asked := _ASKED_RE.search(prior)):
        return asked.group("n"), False
    if c := _CONTRAST_RE.search(lead):
        return re.sub(r"['’]s$", "", c.group("n")), False
    if p := _POINTER_RE.match(after):
        return p.group("n"), False
    if (put := _PUT_IT_RE.search(lead)) and put.group("n"):
        return re.sub(r"['’]s$", "", put.group("n")), False
    if put and (d := described(put.group("d"))):
        return d, True
    r = _RELAYED_RE.search(lead)
    if r and r.group("n"):
        return r.group("n"), False
    if r and (d := described(r.group("d"))):
        return d, True
    return None


_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+[”\"’']?|$)")


def opening_subject(text: str, para: int, at: int, cast: Cast) -> str | None:
    """The person who opens the sentence right before a quotation that opens its own sentence
    inside a paragraph and has no cue ("Reed also took aim at Porter. “…”": Reed's, not
    Porter's); None when that sentence holds a quotation or opens with anyone else."""
    sentences = [m for m in _SENTENCE_RE.finditer(text, para, at) if m.group().strip(" “\"‘'")]
    if not sentences or re.search(r"[“”\"]", sentences[-1].group()):
        return None
    start = sentences[-1].start() + len(sentences[-1].group()) - len(sentences[-1].group().lstrip())
    subjects = [
        (s, p.name)
        for p in cast.people
        for s, _, oblique in p.mentions
        if start <= s < sentences[-1].end()
        and not oblique
        and re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+){0,3}", text[start:s])
    ]
    return _named(min(subjects)[1], cast) if subjects else None
