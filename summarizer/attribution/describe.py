"""Description speakers: who says a quotation when the article names no one, in its own words.

News often gives a speaker only as a description: "the Nova Scotia judge said", "protesters
chanted", "his office said in a statement", "says my two-year-old". When code finds no named
person or body for a quotation, the subject of its speech cue is such a noun phrase (a
determiner or possessive, a few modifiers, a noun; or a bare plural of people), and that phrase,
as the article writes it, is the speaker: a reader learns who spoke, and nothing is invented. A
pronoun never is. The phrase becomes a named person only when the Cast already knows someone
by those words (``Cast.descriptor``: "the minister" after "Minister Ana Ruiz"), and a body's
descriptor ("the department") the body ``Bodies`` resolves it to; a document ("the statement")
is never a speaker of its own.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH
from ..scan.names import NameCandidate
from ..scan.quotes import QuoteCandidate
from .bodies import DOCUMENT_HEADS, Bodies, bodies_of, descriptor_kind
from .carry import carry_speakers
from .cast import Cast, cast_of, person_part
from .coref import DESCRIBED_SUBJECT, previous_sentence, speaking_body
from .patterns import APPOSITIVE, BOUNDARY, NAME, next_stop

__all__ = ["DESCRIPTION", "aged_speaker", "described", "described_speakers", "description_speaker"]

_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Aa]nother|[Tt]hese|[Tt]hose|[Bb]oth|"
    r"[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)"
)
# a modifier: "Nova", "Scotia", "two-year-old", "Rogers’s", "self-taught", "local"
_MODIFIER = r"(?:[A-Z][\w.’'-]*|[a-z][\w’'-]*|\d[\w-]*),?"
# the head noun: lower case, no adverb ("reportedly") or function word
_HEAD = r"[a-z][a-z-]*[a-z]"
#: plural nouns of people that speak with no determiner ("protesters chanted", "critics say")
_BARE_PLURAL = r"[A-Za-z][a-z-]*(?:ers|ors|ists|ants|ents|ians|ics|ives|ees)"
#: a description: "the Nova Scotia judge", "his office", "some critics", "protesters"
DESCRIPTION = rf"(?:{_DETERMINER}\s+(?:{_MODIFIER}\s+){{0,3}}?{_HEAD}|{_BARE_PLURAL})"

_STOP_RE = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"‘])")
_OPENING_RE = re.compile(r"[\s“\"‘']*(?:[A-Z][\w.’'-]*\s+){0,3}")
_NOT_HEADS = frozenset(
    """with of in on at to for from by about into over under after before during than as and or but nor so
    that which who whom whose what when where while if because though although since until unless
    is are was were be been being am do does did will would shall should can could may might must
    he she they it we you i him her them us me his their its our your my this these those there here
    same latter former rest other others first last next following one ones two three own way time times
    day week year fact case thing things idea point question answer reason end part number lot kind sort
    moment past future while only also then just still even already
    lawsuit suit complaint filing ruling decision judgment order bill law motion petition indictment verdict
    study survey poll research analysis book article story ad advert video sign signs banner tweet book""".split()
)  # and things whose author speaks through them ("the lawsuit says": whoever filed it)
_VERB = rf"(?:,?\s+(?:also|then|later|again|once|has|had|have|publicly|reportedly|simply|only|just))*\s+(?:{SPEECH})\b"
# at a clause's start: a sentence's (a scraped paragraph opens with a space), after a comma or
# semicolon, after a conjunction
_CLAUSE_START = (
    r"(?:^\s*|(?<=[.!?:;,]\s)|(?<=[.!?][”\"’']\s)|"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("and", "but", "[Ww]hile", "[Aa]s", "[Ww]hen", "[Aa]fter", "[Aa]lthough"))
    + ")"
)
# before the quotation, in its sentence: "the Nova Scotia judge said he didn't see a “", "his office said: “"
_BEFORE_RE = re.compile(
    rf"{_CLAUSE_START}(?P<d>{DESCRIPTION})(?:{_VERB}(?:\s+[^.!?“”\"\n]{{0,150}}?)?[\s,:]*"
    # or a clause of its own that brings the quotation in with a colon: "The minister was defiant: “"
    rf"|(?:\s+[a-z][\w’'-]*){{1,5}}:\s*)[“\"‘']?$"
)
# a document and its author: "A statement e-mailed to The Globe by Reagan Ruslim, who joined the board, said “"
_AUTHOR_RE = re.compile(
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){{0,2}}?(?:{DOCUMENT_HEADS})\s+(?:[a-z]+\s+)?"
    r"(?:sent|e-?mailed|written|issued|released|signed|posted|published|provided|put\s+out)\s+"
    rf"(?:to\s+(?:the\s+)?[A-Z][^,.;“”\"\n]{{0,40}}?\s+)?by\s+(?:the\s+)?(?P<n>{NAME}){APPOSITIVE}"
    rf"{_VERB}(?:\s+[^.!?“”\"\n]{{0,150}}?)?[\s,:]*[“\"‘']?$"
)
# after it: "“…,” says my two-year-old", "“…,” the judge wrote"
_AFTER_RE = re.compile(
    rf"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?:{SPEECH})\s+(?P<d1>{DESCRIPTION})(?=\s*[,.;!?]|\s*$)"
    rf"|(?P<d2>{DESCRIPTION}){_VERB})"
)


# "“…,” the 54-year-old said", "said the 29-year-old defenceman", "The 54-year-old said: “"
_AGED = r"[Tt]he\s+(?P<age>\d{1,3})-year-old(?:\s+[a-z]+)?"
_AGED_AFTER_RE = re.compile(rf"[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?:{SPEECH})\s+)?{_AGED}(?:{_VERB}|\s*[,.;!?])")
_AGED_BEFORE_RE = re.compile(rf"(?:^|(?<=[.!?]\s)){_AGED}{_VERB}[^.!?“”\"\n]{{0,150}}?[\s,:]*[“\"‘']?$")


def aged_speaker(text: str, q: QuoteCandidate, cast: Cast) -> str | None:
    """ "the 54-year-old said": the one person the article gave that age before the quotation
    ("Jane Reed, 54,", "54-year-old Jane Reed", "Reed (54)"); None when no one or several."""
    line_start = text.rfind("\n", 0, q.start) + 1
    m = _AGED_AFTER_RE.match(text, q.end) or _AGED_BEFORE_RE.search(text[max(line_start, q.start - 250) : q.start])
    if not m:
        return None
    age = m.group("age")
    given = re.compile(
        rf"(?P<a>{NAME}),\s+{age},|(?<!\d){age}-year-old\s+(?:[a-z-]+\s+){{0,3}}(?P<b>{NAME})|(?P<c>{NAME})\s+\({age}\)"
    )
    people: set[str] = set()
    later: set[str] = set()
    for g in given.finditer(text):
        run, at = next((g.group(k), g.start(k)) for k in "abc" if g.group(k))
        name = BOUNDARY.split(run)[-1]  # "… Dreamhouse. Studio Schicketanz, 31,": the last sentence's
        at += len(run) - len(name)
        who = cast.person(cast.canonical(person_part(name), at))
        if who is not None and any(at <= s < at + len(name) for s, _, _ in who.mentions):  # that very mention
            (people if g.start() < q.start else later).add(who.name)
    # "Abiodun-Clarke … is averaging 29.4 points. The 23-year-old shot 12 of 19": the sentence before's subject
    for g in re.finditer(rf"(?:^|(?<=[.!?]\s))[Tt]he {age}-year-old\b", text[:line_start]):
        start, _ = previous_sentence(text, g.start(), own=True)
        named = sorted((s, p.name) for p in cast.people for s, _, o in p.mentions if start <= s < g.start() and not o)
        if named:
            people.add(named[0][1])
    if not people and not later:
        return _topic(text, line_start, q.start, cast)
    return people.pop() if len(people) == 1 else None


def _topic(text: str, line_start: int, at: int, cast: Cast) -> str | None:
    """ "…," the 58-year-old millwright said. with no one given that age anywhere: the first
    person its paragraph names before it as a subject, else the first the paragraph above names,
    a subject first ("… Friday, and Gerald Kowalchuk was standing …" / "“…,” the 58-year-old
    millwright said")."""
    start, end = line_start, at
    for _ in range(2):
        named = sorted((o, s, p.name) for p in cast.people for s, _, o in p.mentions if start <= s < end)
        if named and (start < line_start or not named[0][0]):  # above: an object will do ("…, and Kowalchuk was")
            return named[0][2]
        end = start - 1
        while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip(" ."):
            end = text.rfind("\n", 0, end)  # blank lines and scrapers' " ." lines
        start = text.rfind("\n", 0, max(end, 0)) + 1
    return None


def described(phrase: str, text: str = "") -> str | None:
    """``phrase`` as a speaker, when it is a description of someone: whitespace folded, None for
    a pronoun, a function word or a document. A bare plural is a description in lower case, or
    opening a sentence when ``text`` also writes it in lower case ("Critics say"; not "Sanders")."""
    words = phrase.split()
    head = words[-1].casefold() if words else ""
    if not words or head in _NOT_HEADS or head.endswith("ly") or descriptor_kind(phrase) == "document":
        return None
    if len(words) == 1 and (
        not re.fullmatch(_BARE_PLURAL, words[0])
        or (words[0][0].isupper() and not re.search(rf"\b{words[0].casefold()}\b", text))
    ):
        return None
    return " ".join(words)


def description_speaker(text: str, q: QuoteCandidate, cast: Cast, bodies: Bodies) -> str | None:
    """The description the quotation's speech cue has as its subject, beside it or before it in
    its sentence, as the article writes it; a named person or body only where the text already
    says who it is:

    * "the minister" when the Cast knows someone by that role, named before the quotation ("a
      Carrier executive" is someone new);
    * "the prime minister said" right after a sentence whose subject is a named person ("Trudeau
      made the comments …"): that person (not through a "he": 'He wouldn't let her leave …. the
      judge said' is not his);
    * "the department", "the city": the body ``Bodies`` resolves, else the organisation last
      named as saying something.
    """
    if aged := aged_speaker(text, q, cast):
        return aged
    line_start = text.rfind("\n", 0, q.start) + 1
    after = text[q.end : q.end + 120].split("\n", 1)[0]
    m = _AFTER_RE.match(after)
    group = next((g for g in ("d1", "d2") if m and m.group(g)), None)
    if m and group:
        phrase, at = m.group(group), q.end + m.start(group)
    else:
        base = max(line_start, q.start - 250)
        lead = text[base : q.start]
        base += max((g.end() for g in _STOP_RE.finditer(lead)), default=0)
        if author := _AUTHOR_RE.search(text, base, q.start):  # the document's author speaks through it
            name = author.group("n")
            who = cast.person(cast.canonical(name, author.start("n")))
            return who.name if who else bodies.canonical(name)
        b = _BEFORE_RE.search(text[base : q.start])
        phrase, at = (b.group("d"), base + b.start("d")) if b else (None, q.start)
    if not phrase or not (found := described(phrase, text)):
        return None
    kind = descriptor_kind(found)
    if kind in ("body", "city", "government"):
        return bodies.resolve(found, at, cast) or speaking_body(cast, bodies, at) or found
    if found.split()[0].casefold() != "the":
        return found
    who = cast.person(cast.descriptor(found, at) or "")
    if who is not None and any(s < at for s, _, _ in who.mentions):
        return who.name
    start, sentence = previous_sentence(text, at, own=True)
    opener = _OPENING_RE.match(sentence)  # "Trudeau made …", "Prime Minister Justin Trudeau …"
    opening = start + (opener.end() if opener else 0)
    subjects = sorted((s, p) for p in cast.people for s, _, aside in p.mentions if start <= s <= opening and not aside)
    # someone its own sentence names is another ("the judge said Ebert showed …" is not Ebert)
    stop = next_stop(text, max(at, q.end))
    subjects = [(s, p) for s, p in subjects if not any(at <= m < stop for m, _, _ in p.mentions)]
    if not subjects and (role := DESCRIBED_SUBJECT.match(sentence)):
        # "Her daughter, standing beside her, shrugged. “…,” the teenager said": whom the Cast knows by that role
        return cast.descriptor(role.group("d"), start) or found
    return subjects[0][1].name if subjects else found


def described_speakers(
    text: str, quotes: list[QuoteCandidate], speakers: list[str | None], names: list[NameCandidate]
) -> list[str | None]:
    """``speakers`` with each quotation no reader attributed given its description speaker, and
    the quotations that continue it ("his office said: “…” / “…”") given the same."""
    if None not in speakers:
        return speakers
    cast, bodies = cast_of(text, names), bodies_of(text, names)
    out = [
        who if who or q.nested else description_speaker(text, q, cast, bodies)
        for who, q in zip(speakers, quotes, strict=True)
    ]
    new = {who for who, was in zip(out, speakers, strict=True) if who != was}
    carried = carry_speakers(text, quotes, out) if new else out
    return [c if o is None and c in new else o for o, c in zip(out, carried, strict=True)]
