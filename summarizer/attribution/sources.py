"""Claim sources: who the article says makes each claim ("according to X", "X has denied", "…, X said").

None when the article states a claim in its own voice. A "he said" continues the sentence before,
and names are resolved through the article's ``Cast`` so claims and quotes agree.
"""

from __future__ import annotations

import re

from ..lexicon import MONTHS, WEEKDAYS
from ..scan.names import NameCandidate
from ..scan.quotes import QuoteCandidate
from .bodies import DESCRIPTOR, bodies_of, descriptor_kind, named_appositive
from .cast import cast_of
from .coref import speech_pronoun
from .holders import (
    LEAD_RE,
    MODAL_RE,
    apposed,
    headline_case,
    headline_name,
    holder_clause,
    in_quotation,
    plural_only,
    poll_maker,
)
from .patterns import NAME, PRONOUNS
from .people import clean_name
from .phrases import is_phrase
from .shapes import (
    and_said,
    issued_by,
    named_before,
    org_of_role,
    role_subject,
    signed,
)
from .source_clauses import (
    ACCORDING_RE,
    ANYWHERE_RE,
    COLON_RE,
    DESC_SUBJECT_RE,
    GENERIC_SOURCES,
    INVERTED_RE,
    LONG_SUBJECT_RE,
    NOT_SOURCES,
    OBJECT_RE,
    QUOTING_RE,
    ROLE_SUBJECT_RE,
    SAID_NAME_RE,
    SUBJECT_RE,
    TRAILING_RE,
    UNNAMED_RE,
    agent_only,
    appositive_person,
    first_subject,
    names_someone,
    opening_holder,
    outer_speaker,
)
from .source_names import clean_source as _clean_source
from .source_names import fuller_name
from .source_names import is_person as _is_person
from .source_names import resolve_pronoun as _resolve_pronoun
from .source_names import role_holder as _role_holder
from .source_names import trailing_name as _trailing_name

__all__ = ["claim_source", "claim_sources"]

_VIEW = r"(?:own\s+)?(?:view|views|words|account|telling|argument|opinion|estimation|reading|judgment|assessment"
_NOMINAL_RE = re.compile(
    rf"[Ii]n\s+(?P<o1>{NAME}|his|her|their|His|Her|Their)(?:['’]s?)?\s+(?P<n1>{_VIEW})),"
    rf"|(?P<o2>{NAME})['’]s?\s+(?P<n2>{_VIEW}|position|contention|message|case))(?:,[^,“”\"]{{1,60}},)?"
    r"\s+(?:is|was)\s+that\b"
)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they"}
# "-David Rothman looks at …", "THE RACE IS TIGHTENING, BUT HOW MUCH IS UNCLEAR - A survey …": a round-up's
# bullet, or its heading in capitals before a spaced hyphen
_DIGEST_LEAD = re.compile(r"-(?=[A-Z])|(?:[A-Z0-9’'.,?!&:]+\s+){2,}[A-Z0-9’'.,?!&:]+\s+-\s+(?=\S)")
# an unnamed witness after "according to": "two senators who attended", "a person who has seen the document"
_UNNAMED_REPORTER = re.compile(
    r"(?:an?|one|two|three|four|several|some|people|sources|officials|aides)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:people|person|persons|senators|lawmakers|officials|official|aides|aide|sources|source|members|"
    r"member|advisers|adviser|staffers|staffer)\b(?!\s+(?:of|at|for|from|with)\s+[A-Z])"
)


def claim_source(
    text: str,
    start: int,
    end: int,
    names: list[NameCandidate],
    quotes: list[QuoteCandidate] | None = None,
    speakers: list[str | None] | None = None,
    previous: str | None = None,
) -> tuple[str | None, str | None, tuple[int, int]]:
    """(source, cue, content span) of the claim made by ``text[start:end]``, a sentence.

    The source is who the article says makes it ("according to US intelligence", "Russia has
    denied …", "…, Reznikov said"), None when the article states it in its own voice. The content
    span drops a leading "According to X," or a trailing ", X said." so the claim reads as what
    is claimed; it is still a slice of the article. ``previous`` is the source of the sentence
    before, which a "he said" continues.
    """
    if lead := _DIGEST_LEAD.match(text, start, end):
        start = lead.end()  # PR2-4: a digest's bullet or capitals heading is no part of the clause
    sentence = headline_case(text[start:end])  # "Le Pen Backs Trump": the verb in lower case
    source: str | None = None
    cue: str | None = None
    c_start, c_end = start, end
    m = ACCORDING_RE.search(sentence)
    if m and len((m.group("src") or "").split()) <= 10:
        source, cue = m.group("src") or m.group("src2"), "according to"
        if m.start() == 0 and m.group("src"):
            rest = sentence[m.end() :]
            skip = len(rest) - len(rest.lstrip(" ,:"))
            c_start = start + m.end() + skip
    issuer = issued_by(sentence)
    if issuer and (source is None or issuer in source):
        source, cue = issuer, "according to"  # "according to a report from ABC Australia on March 3 in which …"
    quoting = QUOTING_RE.match(text, c_start, end) if c_start > start else None
    if quoting:  # "According to Yonhap, quoting North Korea's Korean Central News Agency (KCNA), …"
        source, cue = _trailing_name(quoting.group("src")) or source, "quoting"
        c_start = quoting.end()
    if poll := poll_maker(sentence, opening=True):
        # PR1: "A Pew Research Center survey … found that …, compared with 9 percent who said …": the
        # poll opening the sentence holds the finding, not a speaker inside it
        (source, cue), issuer = poll, poll[0]
    subject = first_subject(sentence, start, names)
    if m and m.start() > 0 and source and _UNNAMED_REPORTER.match(source) and subject and subject.start() == 0:
        # PR2-1: "She reportedly told colleagues that …, according to two senators who attended": the
        # unnamed witnesses relay what the named subject holds
        source = cue = None
    inner = SUBJECT_RE.match(text, c_start, end) if c_start > start else None
    if inner and inner.group("src").casefold() not in PRONOUNS:
        # "According to ABC News, Basya also believes …": the outlet reports, Basya claims
        source, cue = inner.group("src"), inner.group("cue")
    elif source is None and subject and subject.start() == 0 and not outer_speaker(sentence):
        source, cue = subject.group("src"), subject.group("cue")
        # "PARIS, Aug 31 (Reuters) - France's party leader, Marine Le Pen, voiced": the appositive's person
        source = appositive_person(text, sentence[subject.end("src") : subject.start("cue")], names) or source
    if source is None and subject and subject.start() > 0 and subject.group("src").casefold() in PRONOUNS:
        # "Press secretary X said …, and he argued …": the later pronoun continues the opening subject
        source, cue = opening_holder(text, sentence[: subject.start()], start, names) or (None, None)
    if source is None and subject is None and (opened := apposed(sentence, {n.text for n in names})):
        source, cue = opened  # "The chamber's president, Natalie Fisk, urged …"
    inverted = INVERTED_RE.search(sentence) if source is None else None
    if source is None:
        t = TRAILING_RE.search(sentence)
        if t and t.start() > 20:
            source = t.group("src1b") or t.group("src1") or t.group("src2") or t.group("src3")
            cue = t.group("cue1") or t.group("cue2") or "according to"
            c_end = start + t.start()
            if inverted and inverted.start() < t.start() and source.casefold() in PRONOUNS:
                source, cue = inverted.group("src"), inverted.group("cue")  # "…, said X, …. ''…'' he said."
    if source is None and subject and inverted and inverted.start() < subject.start():
        # "…, said X, who notes that Y has vowed": the whole sentence stays the claim (what follows is X's too)
        source, cue = inverted.group("src"), inverted.group("cue")
    if source is None and subject:
        source, cue = subject.group("src"), subject.group("cue")
        source = appositive_person(text, sentence[subject.end("src") : subject.start("cue")], names) or source
    if source is None and inverted:  # "But that is not enough, said X, …, who … ''…'' X pointed out."
        source, cue = inverted.group("src"), inverted.group("cue")
    if source is None:  # "a US intelligence official speaking on condition of anonymity said"
        for pattern in (UNNAMED_RE, ANYWHERE_RE, COLON_RE, SAID_NAME_RE, LONG_SUBJECT_RE):
            found = pattern.search(sentence)
            if found and not in_quotation(sentence, found.start("src")):  # "“… what Obama said …”"
                # "In a statement to the Observer, her adviser, Jake Sullivan, said": the person the
                # appositive names speaks, not the name before it
                app = found.groupdict().get("app")
                if pattern is UNNAMED_RE and sentence[: found.start("cue")].rstrip().endswith(","):
                    # "A spokesperson for the transit agency, Dominic Szymanski-Obi, said": the role's person
                    app = sentence[found.end("src") : found.start("cue")]
                person = appositive_person(text, app, names)
                if pattern is UNNAMED_RE and not person:
                    person = named_before(text, sentence[: found.start("src")], names)  # "X, a security official, told"
                if not person and pattern is ANYWHERE_RE and OBJECT_RE.search(sentence[: found.start("src")]):
                    continue  # "The former sergeant-at-arms of the House of Commons said": no subject
                source, cue = person or found.group("src"), found.group("cue")
                break
    if source is None and (person_role := role_subject(sentence, start, names)):
        source, cue = person_role  # "Northmen coach Gord Thibodeau praised …"
    if source is None and (coordinated := and_said(sentence, start, names)):
        source, cue = coordinated  # "He was taken to a school at seven and said he came back …"
    if source is None and (poll := poll_maker(sentence)):
        (source, cue), issuer = poll, poll[0]  # "A poll by X, conducted …, found": X issued it, no agent
    if (body_role := org_of_role(source) if source else org_of_role(None, sentence)) is not None:
        source, cue = body_role[0], body_role[1] or cue  # "according to a Woolworths spokesperson"
    if source is None:  # "X will discuss …", "X acknowledges that …", after a dateline or a time
        lead = LEAD_RE.match(sentence)
        found = MODAL_RE.match(sentence, lead.end() if lead else 0)
        if found and names_someone(
            start + found.start(), start + found.end("src_b" if found.group("src_b") else "src"), names
        ):
            source = found.group("src_b") or found.group("src")  # "Breitbart Jerusalem editor Aaron Klein"
            cue = found.group("cue") or found.group("cue2") or found.group("cue3")
    held = holder_clause(sentence) if source is None else None
    if held and any(re.search(rf"\b{re.escape(n.text)}$", held.group("src").rstrip(".")) for n in names):
        source, cue = held.group("src"), held.group("cue") or held.groupdict().get("cue2")  # a name the scan knows
    if source and cue and plural_only(cue) and source[:1].isupper() and source not in {n.text for n in names}:
        source = None  # "Estimates suggest": a bare plural verb after a common noun opening the sentence
    if source is not None and not held and source != issuer and agent_only(sentence, source):
        source = None  # "A leaked letter seen by Sky News says": the agent of a passive does not say it
    if source is None or re.fullmatch(DESCRIPTOR, source):
        # "The city reasoned", "officials say", "the letter reads": the body it stands for
        d = DESC_SUBJECT_RE.search(sentence)
        phrase = d.group("d") if d else source
        at = start + (d.start() if d else 0)
        body = bodies_of(text, names).resolve(phrase, at, cast_of(text, names)) if phrase else None
        if d and (named := named_appositive(d.group("app"))):
            body = named  # "One news site, Znak.com, claims": the name the article gives it
        if body:
            source, cue = body, (d.group("cue") if d else cue)
    lead = LEAD_RE.match(sentence)
    if source is None and (role := ROLE_SUBJECT_RE.match(sentence, lead.end() if lead else 0)):
        # "The former sergeant-at-arms of the House of Commons said": the person the article gave that role
        source = _role_holder(text, sentence, role.group("d"), start, names)
        cue = role.group("cue") if source else None
    if source is None and (owned := _NOMINAL_RE.match(sentence) or _NOMINAL_RE.match(sentence, _lead_end(sentence))):
        # PR2-3: "Halloran's view, as he put it to reporters, is that …", "In her view, …": the owner of
        # a view, reading or argument holds what it is
        owner = owned.group("o1") or owned.group("o2")
        source, cue = _POSSESSIVE_PRONOUN.get(owner.casefold(), owner), owned.group("n1") or owned.group("n2")
    if source is None and quotes is not None and speakers is not None:
        for q, who in zip(quotes, speakers, strict=False):
            # in it, or it inside the quote; a phrase in quotation marks leaves the claim the article's
            if who and q.start < end and start < q.end and not q.nested and not is_phrase(text, q):
                source, cue = who, "quote"
                break
    if source is not None and source.casefold() in PRONOUNS:
        pronoun = source.casefold()
        fits = previous is not None and _is_person(previous) == (pronoun in ("he", "she"))
        if pronoun in ("he", "she"):  # the Cast knows genders and who was the subject
            # "He added that …": the subject of the sentence before, or the person it names
            cast = cast_of(text, names)
            source = speech_pronoun(cast, pronoun, start, own=True, past_quotes=True) or cast.pronoun(
                pronoun, start, previous if fits else None
            )
        else:
            source = previous if fits else _resolve_pronoun(pronoun, start, names)
    if source is not None and (source.strip(" ,") in WEEKDAYS + MONTHS or source.casefold() in NOT_SOURCES):
        source = None  # "On Thursday, Hatice Cengiz, …" (a day is nobody), "By reports on Saturday, …"
    if source is not None and source.casefold().removeprefix("the ") in GENERIC_SOURCES:
        source = None
    if source is not None and re.match(r"the\s+[a-z]", source):
        # "The prime minister said": the person the article named with that title before
        source = cast_of(text, names).descriptor(source, start) or source
    if (
        source is not None
        and re.match(r"[Tt]he\s+[a-z]", source)
        and descriptor_kind(source) in ("body", "government", "document")
        and previous
        and previous[:1].isupper()
        and not cast_of(text, names).is_person(previous)
    ):
        source = previous  # "IRCC told … . The department added that …": the body the claim before named
    if source is not None:
        source = clean_name(_clean_source(headline_name(text, start, end, source), names))
        if source and source[:1].isupper():
            canonical = cast_of(text, names).canonical(source, start)
            joint = re.search(r"\w/\w", source) or (re.search(r"\s(?:and|for)\s", source) and not _is_person(source))
            if canonical in source and joint:
                # PR2-2: "Center for Economic and Policy Research", not its last scanned part; a joint
                # poll's makers, "KBTX/Valley Courier", not the second
                canonical = source
            source = fuller_name(text, canonical, names)
    while c_end > c_start and text[c_end - 1] in " ,;:":
        c_end -= 1
    if c_end - c_start < 20:
        c_start, c_end = start, end
    return source or None, cue if source else None, (c_start, c_end)


def _lead_end(sentence: str) -> int:
    lead = LEAD_RE.match(sentence)
    return lead.end() if lead else 0


def claim_sources(
    text: str,
    sentences: list[tuple[int, int, int]],
    names: list[NameCandidate],
    quotes: list[QuoteCandidate] | None = None,
    speakers: list[str | None] | None = None,
) -> dict[int, tuple[str | None, str | None, tuple[int, int]]]:
    """``claim_source`` for every (index, start, end) sentence, read in order so that "he said"
    continues the person named in the sentence before."""
    out: dict[int, tuple[str | None, str | None, tuple[int, int]]] = {}
    previous: str | None = None
    signer: tuple[str, int] | None = None  # who issued the last statement named, and where
    for n, (index, start, end) in enumerate(sentences):
        found = claim_source(text, start, end, names, quotes, speakers, previous)
        found, signer = signed(found, text[start:end], n, signer)  # "…," the statement said: its signer's
        out[index] = found
        if found[0] and found[0][:1].isupper() and found[1] != "according to":
            previous = found[0]
    return out
