"""Clause shapes that give a claim's holder beyond a plain subject-and-verb, found on the claim-source
pool (``evals/claimpool``): a body and a role before the person ("Northmen coach Gord Thibodeau
praised …"), a role a body owns after "said" ("said University of California, San Diego's
chancellor, Pradeep Khosla"), and "the statement said" after "In a statement, X said …" (X's).
Split from ``sources``, which reads the sentences and imports these."""

from __future__ import annotations

import re

from ..lexicon import CLAIM_VERBS, STANCE_VERBS
from ..scan.names import NameCandidate
from .cast import cast_of
from .holders import HOLD_FINITE, LEAD_RE
from .patterns import APPOSITIVE, NAME

__all__ = [
    "ADDED",
    "BEFORE_VERB",
    "MORE_VERBS",
    "OWNED_ROLE",
    "and_said",
    "issued_by",
    "named_before",
    "org_of_role",
    "role_subject",
    "signed",
]

#: "added"/"adds" is speech only before a that-clause or a quotation: "the index added 0.4 per cent" is a gain
ADDED = (
    r"""(?:(?<!\badded)(?<!\badds)|(?=\s*(?:that\b|[,:]|[“"‘']|[.!?]?$|(?:when|as|while|after|before|later|then)\b|"""
    r"""(?:in|on|during)\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|email|tweet|post|letter|speech)|"""
    r"""(?:a|an|the|his|her|their|its)\s+(?:caption|note|comment|message|statement|post|tweet|remark)\b)))"""
)
#: auxiliaries and adverbs between a subject and its verb ("Znak.com further reported", "X has also said")
BEFORE_VERB = "has|have|had|also|then|later|previously|again|publicly|officially|reportedly|further|too"
#: more verbs that make a sentence its subject's claim ("Biden calls Trump a risk", "Le Pen backs Trump")
MORE_VERBS = (
    r"calls|backs|backed|denounces|denounced|acknowledges|reaffirmed|reaffirms|voiced|observed|observes|"
    r"pointed\s+out|points\s+out|forwards|forwarded|identified"
)
#: "said University of California, San Diego's chancellor, Pradeep Khosla": a body owns the role, the person speaks
OWNED_ROLE = rf"{NAME}(?:,\s+{NAME})?['’]s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}},?\s+"
# "Northmen coach Gord Thibodeau praised …", "NDP transit critic Shauna Beauchesne-Kidd called …": a body, a
# role of one to three nouns, then the person who holds the claim (no verb or preposition among the role's words)
_ROLE_WORD = (
    r"(?!(?:on|in|at|for|of|from|to|with|by|about|and|or|the|a|an|his|her|their|its|who|which|that|said|says|told|"
    r"tells|also|has|have|had|is|was|are|were|will|would)\b)(?![a-z]+ed\b)[a-z][\w-]*"
)
_ROLE_NAME_SUBJECT_RE = re.compile(
    rf"{NAME}(?:\s+{_ROLE_WORD}){{1,3}}\s+(?P<src>{NAME}){APPOSITIVE}\s+"
    rf"(?:(?:{BEFORE_VERB})\s+)*"
    rf"(?P<cue>{CLAIM_VERBS}|{STANCE_VERBS}|{MORE_VERBS}|{HOLD_FINITE})\b{ADDED}"
)

# "a Woolworths spokesperson", "Scientology officials": an unnamed speaker for a body the article names
_SPOKES = r"(?:spokes(?:person|man|woman)|officials?|representatives?)"
_ORG_ROLE_RE = re.compile(rf"(?:(?:an?|the|one)\s+)?(?P<org>{NAME})\s+{_SPOKES}")
_ORG_ROLE_SUBJECT_RE = re.compile(
    rf"(?:the\s+)?(?P<org>{NAME})\s+{_SPOKES}{APPOSITIVE}\s+(?:(?:have|has|had|also|then|later|again)\s+)*"
    rf"(?P<cue>{CLAIM_VERBS}|{STANCE_VERBS}|{HOLD_FINITE})\b{ADDED}"
)


def org_of_role(phrase: str | None, sentence: str = "") -> tuple[str, str | None] | None:
    """(body, verb) for a body's unnamed speaker: the phrase "a Woolworths spokesperson" (verb None),
    or the sentence opening "Scientology officials have stated …" past a dateline or a time."""
    if phrase is not None:
        m = _ORG_ROLE_RE.fullmatch(phrase.strip())
        return (m.group("org"), None) if m else None
    lead = LEAD_RE.match(sentence)
    m = _ORG_ROLE_SUBJECT_RE.match(sentence, lead.end() if lead else 0)
    return (m.group("org"), m.group("cue")) if m else None


# "according to a report from ABC Australia", "according to data from the Gun Violence Archive"
_ISSUED_BY_RE = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:(?:an?|the|new|recent)\s+)*(?:[a-z]+\s+){0,2}?"
    r"(?:report|reports|data|figures|statement|survey|study|analysis|release|records|estimates|poll)\s+"
    rf"(?:from|by|of|issued\s+by|released\s+by|published\s+by)\s+(?:the\s+)?(?P<src>{NAME})"
)


def issued_by(sentence: str) -> str | None:
    """The body named as issuing the report or data a sentence is "according to", however long
    the clause after it ("according to a report from ABC Australia on March 3 in which …")."""
    m = _ISSUED_BY_RE.search(sentence)
    return m.group("src") if m else None


# "He was taken to a residential school at seven and said he came back …", "Her mother, Janine Muswagon,
# teaches Grade 4 and said she worried …": the subject of a plain verb is the subject of the verb of saying
# coordinated with it (no relative pronoun between them, whose clause would have its own subject)
_AND_SAID_RE = re.compile(
    rf"(?P<src>(?:His|Her|Their|The)\s+[a-z]+(?=,)|{NAME}|He|She)(?P<app>{APPOSITIVE})\s+(?:(?:has|have|had|is|are|was|were|also|then)\s+){{0,2}}[a-z]+\b"
    r"(?P<mid>[^;:“”\"]{0,160}?)\s+and\s+(?:also\s+|then\s+|later\s+)?"
    r"(?P<cue>said|added|argued|warned|insisted|wrote|explained|noted|stressed|acknowledged|admitted|denied)\b"
)


def and_said(sentence: str, start: int, names: list[NameCandidate]) -> tuple[str, str] | None:
    """(subject, verb) of a verb of saying coordinated with a plain verb after the sentence's subject
    (past a dateline or a time), when the subject is "He", "She" or a name the scan knows."""
    lead = LEAD_RE.match(sentence)
    m = _AND_SAID_RE.match(sentence, lead.end() if lead else 0)
    if not m or re.search(r"\b(?:who|which|whom|whose|where|when)\b", m.group("mid")):
        return None
    src = m.group("src")
    at, end = start + m.start("src"), start + m.end("src")
    known = src in ("He", "She") or any(at <= n.start and n.end <= end and n.text == src for n in names)
    # "Her mother, Janine Muswagon, teaches …": the name the appositive gives
    named = re.fullmatch(rf",\s*(?P<n>{NAME}),", m.group("app").strip())
    if named and len(named.group("n").split()) >= 2 and named.group("n") in {n.text for n in names}:
        return named.group("n"), m.group("cue")
    return (src, m.group("cue")) if known else None


def named_before(text: str, before: str, names: list[NameCandidate]) -> str | None:
    """The person an unnamed role stands in apposition to: "Baslan Damang, a security official from
    the port, told …" -> Baslan Damang (``before`` is the sentence up to the role; the name must be
    the scan's, two words or more, and a person in the article's Cast)."""
    m = re.search(rf"(?:^|[\s(])(?P<n>{NAME}),\s*$", before)
    if not m or len(m.group("n").split()) < 2 or m.group("n") not in {n.text for n in names}:
        return None
    return m.group("n") if cast_of(text, names).is_person(m.group("n")) else None


def role_subject(sentence: str, start: int, names: list[NameCandidate]) -> tuple[str, str] | None:
    """(person, verb) when the sentence opens, past a dateline or a time, with a body, a role and a
    person the scan named (two words or more) before a holder verb; else None."""
    lead = LEAD_RE.match(sentence)
    m = _ROLE_NAME_SUBJECT_RE.match(sentence, lead.end() if lead else 0)
    if not m or len(m.group("src").split()) < 2:
        return None
    at, end = start + m.start("src"), start + m.end("src")
    return (m.group("src"), m.group("cue")) if any(at <= n.start and n.end <= end for n in names) else None


# "In a statement, X said …" / "X said in a statement …": a later "the statement said" is X's
_STATEMENT_RE = re.compile(r"\b(?:in|a|an)\s+(?:[a-z]+\s+)?statement\b|\bthe\s+statement\b", re.IGNORECASE)
_DOCUMENT_RE = re.compile(r"(?:the|a)\s+(?:[a-z]+\s+)?(?:statement|release)", re.IGNORECASE)


def signed(
    found: tuple[str | None, str | None, tuple[int, int]], sentence: str, n: int, signer: tuple[str, int] | None
) -> tuple[tuple[str | None, str | None, tuple[int, int]], tuple[str, int] | None]:
    """A sentence's source with "the statement" read as its signer's when a sentence at most two
    before named a statement and who made it; and the signer to carry on (this sentence's source
    when it names a statement)."""
    if found[0] and _DOCUMENT_RE.fullmatch(found[0]) and signer and n - signer[1] <= 2:
        found = (signer[0], found[1], found[2])
    if found[0] and found[0][:1].isupper() and _STATEMENT_RE.search(sentence):
        signer = (found[0], n)
    return found, signer
