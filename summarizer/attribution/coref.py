"""Whom a "he" or "she" that reports speech means, read from the sentence before it.

News introduces a speaker and quotes them next: "… for Mississauga accountant Ana Ruiz, 50. “…,”
she says." The person the sentence before names (as subject or not) is who speaks, unless that
sentence's own subject is the same pronoun ("He said the business, run by his friend Tom Okafor,
… . “…,” he said."): then the chain goes on to whom that pronoun means. Only where the sentence
before names nobody of the pronoun's gender does the Cast's wider reading (``Cast.pronoun``) apply.
"""

from __future__ import annotations

import functools
import re

from ..lexicon import MONTHS, SPEECH, WEEKDAYS
from ..scan.names import countries
from ..scan.quotes import scan_quotes
from .bodies import Bodies
from .cast import Cast, Person, person_part
from .patterns import ABBREVIATED_END, APPOSITIVE, NAME, filler, role_then_name

__all__ = ["DESCRIBED_SUBJECT", "previous_sentence", "speaking_body", "speech_pronoun", "talked_about"]

# a name as the subject of a verb of speech: "Google said Thursday", "EDC, the agency, has said"
_SAYS_RE = re.compile(rf"{APPOSITIVE}\s+(?:(?:has|had|also|then|later)\s+)*(?:{SPEECH}|announced|confirmed)\b")
_BODY_SUBJECT_RE = re.compile(rf"(?:^\s*|(?<=[,;]\s))(?:[Tt]he\s+)?(?P<n>{NAME})(?={_SAYS_RE.pattern})")
# "EDC declined …", "In a statement, IRCC did not reveal …": the sentence's subject, after a fronted phrase
_OPENING_NAME_RE = re.compile(
    rf"\s*(?:(?:In|On|At|By|After|Before|During|Since|Under|With|For|Earlier|Later)\b[^,.!?]{{1,60}},\s+)?"
    rf"(?:[Tt]he\s+)?(?P<n>{NAME})\s+[a-z]"
)
_NOT_NAMES = {"It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "There", "Q"}
_SUBJECT_PRONOUN_RE = re.compile(
    r"(?:^[\s“\"‘'Q,(]*(?:[A-Z][\w’'-]*,?\s+){0,2}?|[,;:]\s+|\b(?:and|but|then|as|when)\s+)((?i:he|she|they|it)),?\s+[a-z]"
)

_GENDER = {"he": "m", "she": "f"}
# a sentence whose subject is a role the article gave someone: "The premier said …", "Her husband laughed",
# "The Philippine foreign secretary was asked …"
DESCRIBED_SUBJECT = re.compile(
    r"[\s“\"‘'Q]*(?P<d>(?:The|His|Her|Their)\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?:,|\s+[a-z])"
)
# "Whitehawk's aunt, Verna Whitehawk, said": an owner's possessive is no subject of the clause
_OWNER_RE = re.compile(r"['’]s\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+$")
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")
# a sentence's end: a stop, closing marks, a space, a capital; in glued text ("made.Kim said") no
# space, after a lower-case word, a digit or a blanked quotation
_STOP_RE = re.compile(r"[.!?][”\"’')]*\s+(?=[“\"‘(]?[A-Z])|(?<=[a-z)\d ])[.!?][”\"’')]*(?=[“\"‘]?[A-Z][\w’'])")
_ABBREVIATED = ABBREVIATED_END


_LABEL_RE = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}:")


def talked_about(p: Person, quoted: str) -> bool:
    """Whether the quotation names ``p`` in the third person, so ``p`` is not who says it: in full,
    by the first name alone ("Samuel left for work at 6 a.m." is his widow's; "Dawson played great
    while I was out" is not Dawson's) or by a title and surname ("Dr. Marchand is right …")."""
    quoted = _LABEL_RE.sub("", quoted)  # "“Chris Matthews: Seriously …”": a transcript's speaker label
    if not quoted:
        return False
    if any(len(f.split()) >= 2 and f in quoted for f in p.forms | {p.name}):
        return True
    parts = p.name.split()
    if len(parts) < 2:
        return False
    first, last = re.escape(parts[0]), re.escape(parts[-1])
    return re.search(rf"(?<![\w’'-])(?:{first}|(?:Dr|Mr|Mrs|Ms)\.?\s+{last})(?![\w’'-])", quoted) is not None


@functools.lru_cache(maxsize=8)
def _quoted(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((q.start, q.end) for q in scan_quotes(text) if not q.nested)


def _blanked(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text[start:end]`` with quotations blanked (as the scanner reads them), and the offsets
    in it where a sentence starts (0 first)."""
    chars = list(text[start:end])
    for s, e in _quoted(text):
        if s < end and e > start:
            # the words go, a full stop ending the quotation stays: it may end the sentence too
            e = e - 1 if text[e - 1] in ".!?" else e
            chars[max(s, start) - start : min(e, end) - start] = " " * max(0, min(e, end) - max(s, start))
            if start <= s < end:
                chars[s - start] = "Q"  # a capital where a sentence may start
    window = "".join(chars)
    ahead = window + text[end : end + 2]  # a sentence's end right before ``end`` is seen by what follows
    stops = [m.end() for m in _STOP_RE.finditer(ahead) if not _ABBREVIATED.search(ahead, 0, m.start())]
    return window, [0] + [e for e in stops if e <= len(window)]


def previous_sentence(text: str, anchor: int, own: bool = False) -> tuple[int, str]:
    """(start, text) of the words before ``anchor`` in its sentence, or when it opens its sentence
    (or ``own``: whatever stands before it there) the sentence before, across a paragraph break
    and scraper filler lines; quotations blanked."""
    para = text.rfind("\n", 0, anchor) + 1
    window, starts = _blanked(text, para, anchor)
    if window[starts[-1] :].strip(" “\"‘'") and not own:
        return para + starts[-1], window[starts[-1] :]
    if len(starts) >= 2:
        return para + starts[-2], window[starts[-2] : starts[-1]]
    above = text[:para].rstrip()
    while above and filler(above[above.rfind("\n") + 1 :]):
        above = above[: above.rfind("\n") + 1].rstrip()
    if not above:
        return 0, ""
    start = above.rfind("\n") + 1
    window, starts = _blanked(text, start, len(above))
    return start + starts[-1], window[starts[-1] :]


def speech_pronoun(
    cast: Cast,
    word: str,
    anchor: int,
    learned: dict[str, str] | None = None,
    *,
    own: bool = False,
    quoted: str = "",
    depth: int = 0,
    past_quotes: bool = False,
    exclude: str | None = None,
) -> str | None:
    """The person a speech-reporting "he"/"she" means, from the words before ``anchor`` (the
    quotation's start) in its sentence or the sentence before. With ``own`` the anchor is the
    pronoun itself, the subject of its clause: a name before it in its sentence ("Speaking to X,
    he said") is not whom it means, so the sentence before is read. None when that sentence names
    nobody of its gender (the caller falls back to ``Cast.pronoun``); never ``exclude`` (the one the
    speaker addresses: "he told Hannity", the asker a "she replied" answers). With ``past_quotes`` (a claim's
    "He added that …", not a quotation's speaker) a sentence that is all quotation is stepped over."""
    gender = _GENDER.get(word.casefold())  # None: a descriptor ("the lanky professor"), any gender
    if depth > 3:
        return None
    learned = {} if learned is None else learned
    start, sentence = previous_sentence(cast.text, anchor, own)
    for _ in range(2 if past_quotes else 0):  # a sentence all quotation ("“There's that legacy.”"): the one before
        if start <= 0 or _WORDS_RE.search(sentence.replace("Q", " ")):
            break
        start, sentence = previous_sentence(cast.text, start, True)
    if not sentence.strip():
        return None
    end = start + len(sentence)

    def fits(p: Person) -> bool:  # someone the quotation names in full is talked about, not talking
        named_in = talked_about(p, quoted)
        fitting = gender is None or learned.get(p.name, p.gender) in (None, gender)
        return fitting and not named_in and p.name != exclude

    def modifier(e: int) -> bool:  # "Environment Canada spokeswoman Sujata Raisinghani": the body before the role
        role = role_then_name(cast.text, e)
        # "Hannity asked Trump": a verb, not a role
        verb = role is not None and re.search(rf"(?:ed|\b(?:{SPEECH}))\s*$", role.group("words"))
        return role is not None and not verb and cast.is_person(person_part(role.group("n")))

    named = sorted(
        (
            (s, oblique or _OWNER_RE.match(cast.text, e) is not None, p)
            for p in cast.people
            if fits(p)
            for s, e, oblique in p.mentions
            if start <= s < end and not modifier(e)
        ),
        key=lambda x: x[0],
    )
    # a pronoun as a clause's subject: "He said …", "Speaking to X, he said", "…, and she added"
    pronouns = [m for m in _SUBJECT_PRONOUN_RE.finditer(sentence) if m.start(1) < len(sentence)]
    opener = next(iter(pronouns), None)
    if opener and opener.group(1).casefold() == word.casefold() and (not named or named[0][0] > start + opener.end()):
        # "He said the business, run by his friend X, …": the sentence's subject is the pronoun
        at = start + opener.start(1)
        again = speech_pronoun(
            cast, word, at, learned, own=True, quoted=quoted, depth=depth + 1, past_quotes=past_quotes, exclude=exclude
        )
        return again or cast.pronoun(word, at, None, learned, exclude=exclude)
    if gender is None and opener and opener.group(1).casefold() in _GENDER:
        # "Schuh is aware …. He … . “…,” the lanky professor said": whom that pronoun means
        return speech_pronoun(cast, opener.group(1), start + opener.start(1), learned, own=True, depth=depth + 1)
    described = DESCRIBED_SUBJECT.match(sentence)
    by_role = cast.person(cast.descriptor(described.group("d"), start) or "") if described and not opener else None
    if by_role is not None and fits(by_role):  # "The premier said he … had spoken with X": the premier, not X
        if gender is not None:
            learned.setdefault(by_role.name, gender)
        return by_role.name
    subjects = [p for _, oblique, p in named if not oblique]
    if pronouns and not subjects:
        return None  # "Speaking to X, he said": the one who speaks there is not X
    if not named:
        return None
    # of people named only as objects, one whose gender is known to fit ("asked barber X, who works
    # with L’Oréal Paris" -> X), else the last
    known = [p for _, _, p in named if gender is not None and learned.get(p.name, p.gender) == gender]
    # the teller of the sentence before ("According to Tanya, Maisie's neurologist applied …"): not an owner
    teller = [p for s, _, p in named if _ACCORDING_RE.search(cast.text, max(0, s - 14), s) and p in known]
    found = subjects[0] if subjects else (teller[-1] if teller else known[-1] if known else named[-1][2])
    if gender is not None:
        learned.setdefault(found.name, gender)  # a later "she" is someone else
    return found.name


_TIME_WORDS = {w.casefold() for w in WEEKDAYS + MONTHS} | {"later", "earlier", "last", "next", "this"}


def _calendar(name: str) -> bool:
    """A time, not a name: "Later Monday", "Last September", "Friday"."""
    return any(w.casefold() in _TIME_WORDS for w in name.split())


def speaking_body(cast: Cast, bodies: Bodies, anchor: int) -> str | None:
    """The organisation an "it said" or "the company said" at ``anchor`` means: the one the last
    six sentences before it name as the subject of a verb of speech ("Google said Thursday …",
    "BC Hydro said in a statement"), else the article's principal organisation."""
    text = cast.text
    start, sentence = previous_sentence(text, anchor)
    opener = _OPENING_NAME_RE.match(sentence)  # "EDC declined to answer …. “…,” it said": its subject
    if opener and opener.group("n") not in _NOT_NAMES and bodies.find(opener.group("n")) is not None:
        return bodies.canonical(opener.group("n"))
    at = anchor
    for _ in range(6):
        start, sentence = previous_sentence(text, at)
        if not sentence.strip():
            break
        for m in _BODY_SUBJECT_RE.finditer(sentence):
            name = m.group("n")
            if _calendar(name):
                continue  # "Later Monday, the minister's press secretary, …, responded": a time, no body
            if name not in _NOT_NAMES and not cast.is_person(name) and name not in countries():
                return bodies.canonical(name)
        at = start
    principal = bodies.principal()
    return principal.name if principal else None
