"""The clause shapes a claim's source takes and their cue tables: "according to X", "X said …",
"…, said X, a professor", "X: …", "A US official … said", "The city reasoned", read by ``sources``.

Split from ``sources`` (which reads the sentences in order and picks among these) along the domain:
the patterns and the small readers that match one shape each live here.
"""

from __future__ import annotations

import re

from ..lexicon import CLAIM_VERBS, SAID, SPEECH, STANCE_VERBS
from ..scan.names import NameCandidate
from .bodies import DESCRIPTOR
from .cast import cast_of
from .holders import (
    ATTITUDE_ADJECTIVE,
    ENTOURAGE,
    HOLD_ASPECT,
    HOLD_FINITE,
    STANCE_IDIOM,
    apposed,
    in_aside,
    in_quotation,
    plural_only,
)
from .patterns import APPOSITIVE, NAME, PRONOUNS
from .shapes import ADDED, BEFORE_VERB, MORE_VERBS, OWNED_ROLE, role_subject
from .source_names import is_person

__all__ = [
    "ACCORDING_RE",
    "ANYWHERE_RE",
    "COLON_RE",
    "DESC_SUBJECT_RE",
    "GENERIC_SOURCES",
    "INVERTED_RE",
    "LONG_SUBJECT_RE",
    "NOT_SOURCES",
    "OBJECT_RE",
    "QUOTING_RE",
    "ROLE_SUBJECT_RE",
    "SAID_NAME_RE",
    "SUBJECT_RE",
    "TRAILING_RE",
    "UNNAMED_RE",
    "agent_only",
    "appositive_person",
    "first_subject",
    "names_someone",
    "opening_holder",
    "outer_speaker",
]


# "US intelligence", "the Saudi Interior Ministry", "Ukraine's defense minister Oleksii Reznikov"
_SOURCE = rf"(?:the\s+)?(?:{NAME})(?:['’]s?\s+[a-z]+(?:\s+[a-z]+)?(?:\s+{NAME})?|\s+[a-z]+(?:\s+[a-z]+)?(?=[,\s]))?"
_DESCRIPTOR = (
    r"[Tt]he\s+(?:[a-z]+\s+){0,2}?(?:official|officials|minister|ministry|police|spokesman|spokeswoman|spokesperson|"
    r"company|government|report|study|survey|agency|department|court|military|army|researchers|scientists|"
    r"statement|authorities|organisers|organizers|prosecutors|investigators|group|union|president|mayor)"
)
# "according to US intelligence," / "according to the official," / "…, according to Yonhap news agency."
ACCORDING_RE = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:(?P<src>[^,;.:“”\"()]{{2,60}}?)(?=\s*(?:[,;:]|[.!?][”\"’']?\s*$))"
    rf"|(?P<src2>{_DESCRIPTOR}|(?:the\s+)?{NAME}))"
)
# "wrote to Lynch": after a verb of saying, a preposition's object is the one addressed, not the speaker
_NOT_TO = r"(?!(?:to|at|with|about|for|on|of|into)\b)"
NOT_SOURCES = {"by", "on", "in", "at", "for", "with", "from", "after", "before", "during", "as", "if", "when"}
GENERIC_SOURCES = {"reports", "media reports", "sources", "some", "many", "a report", "one report", "reports from"}
# "But she said", "And it said that …": a conjunction opening the sentence is no name
SUBJECT_RE = re.compile(
    rf"(?:^(?:[A-Z][a-z]+,\s+|(?:On|In|Last|This|Earlier|Later)\s+[^,]{{1,40}},\s+|(?:And|But|So|Yet|Still)\s+)?"
    rf"|(?<=,\s)|\b(?:as|while|but|and|after|since|because|when)\s+)"
    rf"(?P<src>{_DESCRIPTOR}|(?:the\s+)?{NAME}(?:['’]s?\s+(?:[a-z]+\s+){{0,3}}?{NAME}|{ENTOURAGE})?"
    rf"|[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
    rf"{APPOSITIVE}\s+(?:(?:{BEFORE_VERB})\s+)*"
    rf"(?P<cue>{HOLD_ASPECT}|{CLAIM_VERBS}|{STANCE_VERBS}|{MORE_VERBS}|{HOLD_FINITE}|{ATTITUDE_ADJECTIVE}|{STANCE_IDIOM})\b{ADDED}"
)
# "an app called Facebook Research": a verb of naming before a name names a thing, no speaker
_NAMING = r"called|calls|dubbed|described|characterized|characterised"
# "Rubio spokesman Alex Conant", "Ayotte campaign manager Jon Kohan": a role, then the person who speaks
# (not "wrote Larry O'Connor on Hot Air": a preposition opens no role)
_ROLE_THEN = r"\s+(?!(?:on|in|at|for|of|from|to|with|by|about|per|via)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+"
TRAILING_RE = re.compile(
    rf",?\s*(?:(?<![\w-])(?P<cue1>(?!(?:told|tells|{_NAMING})\b)(?:{SPEECH}))\s+(?P<src1>{_DESCRIPTOR}|{NAME})(?:{_ROLE_THEN}(?P<src1b>{NAME}))?"
    rf"|(?P<src2>{_DESCRIPTOR}|{NAME}|he|she|it|they)"
    rf"{APPOSITIVE}\s+(?P<cue2>{SPEECH})|according\s+to\s+(?P<src3>{_DESCRIPTOR}|{NAME}(?:\s+[a-z]+){{0,2}}?))"
    rf"(?:\s+(?:per|via)\s+(?:the\s+)?{NAME})?"  # "said Russell Zimmerman per ABC News": the outlet relays
    r"(?:\s+[a-z]+){0,3}(?:\s+(?:on|in|at|last|this)\s+[^,.;]{1,30})?\s*[.!?]?[”\"’']?$"
)

# "a US intelligence official speaking on condition of anonymity … said"
UNNAMED_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<src>[Aa]n?\s+(?:{NAME}\s+)?(?:[a-z]+\s+){{0,2}}?"
    rf"(?:official|spokesman|spokeswoman|spokesperson|source|officer|diplomat|analyst|expert|researcher|aide))\b"
    rf"[^.;“”\"]{{0,100}}?\s(?P<cue>{SAID}|confirmed|added)\b"
)
# "Executive director of the … chapter … Alia Salem said …": a name right before the verb
# "Trump: Clinton should have …", "… - Pew Research: “All the samples …”": a headline's or a panel's speaker
# "IG report: …", "Gillibrand on Hillary's speeches: ‘I think she will.’": a headline's report, or a
# person "on" a topic before the words in quotation marks that are theirs
COLON_RE = re.compile(
    rf"^(?:[^:\n]{{0,200}}\s[-–—]\s)?(?P<src>{NAME})(?:\s+\([^)]{{1,20}}\))?"
    rf"(?:\s+(?:report|poll|study|survey|audit|memo)|\s+on\s+[^:“”‘\"\n]{{3,100}}(?=:\s*[‘“\"]))?(?P<cue>:)\s*\S"
)
# "…, said Jon Doggett, executive vice president of the National Corn Growers Association."
SAID_NAME_RE = re.compile(
    rf",?[”\"’']?\s+(?P<cue>(?!told\b)(?:{SAID}|added|wrote))\s+(?:(?:former|the|{_NOT_TO}[a-z]+)\s+){{0,4}}?"
    rf"(?:{NAME}{_ROLE_THEN})?(?P<src>{NAME})"
    r"(?:,[^.;!?]*)?[.!?]?[”\"’']?\s*$"
)
# "Rep. Bobby Scott (D-Va.), ranking member of …, one of …, said"; "Dunwoody, who worked as …, said"
LONG_SUBJECT_RE = re.compile(
    rf"^(?P<src>{NAME})(?:\s*\([^)]{{1,20}}\))?(?:,[^“”\"\n]{{2,200}}?,)?\s+(?:(?:has|had|also)\s+)*"
    rf"(?P<cue>{SAID}|{CLAIM_VERBS}|{STANCE_VERBS}|{HOLD_FINITE}|{STANCE_IDIOM})\b{ADDED}"
)
# "…, said David Autor, a professor at M.I.T., who is …": the speaker named after the verb
# mid-sentence, before any subject of a relative clause or a "he said" of a glued next sentence
INVERTED_RE = re.compile(
    rf"[,”\"’']\s+(?P<cue>(?!told\b)(?:{SAID}|added|wrote|insists|insisted|argues|argued|adds|writes|notes|noted))\s+"
    rf"(?:(?:former|the|{_NOT_TO}[a-z]+|\d+-year-old)\s+){{0,4}}?"
    rf"(?:{NAME}(?:\s+and\s+{NAME})?{_ROLE_THEN}|{OWNED_ROLE})?(?P<src>{NAME})(?=\s*[,.;(]|\s*$)"
)
# a name right after a preposition (or inside a longer name) is an object, not the subject of the verb after it
OBJECT_RE = re.compile(r"(?:\b(?:of|at|for|with|from|in|to|by)\s+(?:the\s+)?|[A-Z][\w’'.-]*\s+)$")
ANYWHERE_RE = re.compile(
    rf"(?P<src>{NAME})(?P<app>{APPOSITIVE}|,)\s+(?:(?:has|had|also|then|later)\s+)*(?P<cue>{SAID}|announced)\b"
)
# "The city reasoned", "A leaked internal letter seen by Sky News says": a descriptor as the subject
DESC_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[,;]\s))(?P<d>{DESCRIPTOR})"
    rf"(?:\s+(?:seen|obtained|received|sent|published|leaked|posted|quoted|issued)\s+by\s+(?:the\s+)?{NAME})?"
    rf"(?P<app>{APPOSITIVE})\s+(?:(?:{BEFORE_VERB})\s+)*"
    rf"(?P<cue>{CLAIM_VERBS}|{STANCE_VERBS}|{HOLD_FINITE}|reads)\b{ADDED}"
)
# "The former sergeant-at-arms of the House of Commons said": a role opening the sentence as its subject
ROLE_SUBJECT_RE = re.compile(
    rf"(?P<d>[Tt]he\s+(?:[a-z][\w’'-]*\s+){{0,3}}?[a-z][\w’'-]*)(?:\s+(?:of|for|at)\s+(?:the\s+)?{NAME})?"
    rf"{APPOSITIVE}\s+(?:(?:{BEFORE_VERB})\s+)*"
    rf"(?P<cue>{CLAIM_VERBS}|{STANCE_VERBS}|{HOLD_FINITE})\b{ADDED}"
)
QUOTING_RE = re.compile(r"quoting\s+(?P<src>[^,;()]{2,80}?)(?:\s*\([A-Z]{2,8}\))?,\s*")


# verbs of an act that may carry no claim ("issued a subpoena"), read after a body's name only with "the" left out
_ACTS = r"issued|posted|published|released"


def first_subject(sentence: str, start: int, names: list[NameCandidate]) -> re.Match[str] | None:
    """The first subject-and-verb of the sentence outside quotation marks, never a contraction
    ("I'd think"); a bare plural verb ("Estimates suggest") only after a scanned name."""
    for m in SUBJECT_RE.finditer(sentence):
        src = m.group("src")
        if (
            in_quotation(sentence, m.start("src"))
            or in_aside(sentence, m.start("src"))
            or re.search(r"['’](?:d|ll|m|re|ve)$", src)
        ):
            continue
        if re.match(rf"the\s+{NAME}$", src) and (
            re.search(r"(?<!,)\s+and\s+$", sentence[: m.start("src")]) or re.fullmatch(_ACTS, m.group("cue"))
        ):
            continue  # "Both the X and the Y have asserted" (joint), "the House issued a subpoena" (an act)
        if (
            plural_only(m.group("cue"))
            and src[:1].isupper()
            and not names_someone(start + m.start("src"), start + m.end("src"), names)
        ):
            continue
        return m
    return None


def outer_speaker(sentence: str) -> bool:
    """Whether the sentence ends in a named speaker's ", Lohmar said.": that speaker reports all of it."""
    t = TRAILING_RE.search(sentence)
    src = t and (t.group("src1b") or t.group("src1") or t.group("src2"))
    comma = bool(t and re.match(r"\s*,", sentence[t.start() :]))  # not "…; TVN24 reported he …"
    return bool(t and src and comma and t.start() > 20 and src[:1].isupper() and src.casefold() not in PRONOUNS)


def appositive_person(text: str, appositive: str | None, names: list[NameCandidate]) -> str | None:
    """The person an appositive's last part opens with: ", her adviser, Jake Sullivan," -> Jake
    Sullivan; ", Darran Whiting of Liberty Baptist Church," -> Darran Whiting."""
    parts = [p.strip() for p in (appositive or "").strip(" ,").split(",")]
    m = re.match(rf"(?:the\s+)?(?P<n>{NAME})", parts[-1]) if parts and parts[-1] else None
    if not m:
        return None
    name = re.sub(r"\s+of\s+.*$", "", m.group("n"))
    known = {n.text for n in names}
    person = len(name.split()) >= 2 and name in known and is_person(name)
    return name if person and cast_of(text, names).is_person(name) else None


def names_someone(start: int, end: int, names: list[NameCandidate]) -> bool:
    """Whether a scanned name lies in ``start:end`` (not "This", "Sales": a sentence's first word)."""
    return any(start <= n.start and n.end <= end for n in names)


def agent_only(sentence: str, source: str) -> bool:
    """Whether every mention of ``source`` in the sentence follows "by" (a passive's agent)."""
    spots = [m.start() for m in re.finditer(re.escape(source), sentence)]
    return bool(spots) and all(re.search(r"\bby\s+(?:the\s+)?$", sentence[:s]) for s in spots)


def opening_holder(text: str, head: str, start: int, names: list[NameCandidate]) -> tuple[str, str] | None:
    """(holder, verb) opening ``head``: "Press secretary X said", "Its editor, X, said" (before "and he …")."""
    if opened := role_subject(head, start, names) or apposed(head, {n.text for n in names}):
        return opened
    m = ANYWHERE_RE.search(head)
    if not m or in_quotation(head, m.start("src")) or OBJECT_RE.search(head[: m.start("src")]):
        return None
    return appositive_person(text, m.group("app"), names) or m.group("src"), m.group("cue")
