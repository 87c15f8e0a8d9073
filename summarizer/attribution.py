"""Who says what: the speaker of each quotation and the source of each claim, read by code.

News style puts attribution beside what is reported (``“…,” Ruiz said``, ``Ruiz, the mayor,
said:``, ``according to the ministry``, ``the report found``); these readers find it, so the model
only has to be asked where nothing in the text names anyone. One module owns attribution so
quotes and claims agree on who said what.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .candidates import _TITLES, ORG_WORDS, NameCandidate, QuoteCandidate

__all__ = [
    "attribute_quotes",
    "carry_speakers",
    "claim_source",
    "claim_sources",
    "guess_speaker",
    "quote_speakers_from_sentences",
]

_SPEECH = (
    r"said|says|say|told|tells|added|adds|explained|stated|wrote|writes|asked|replied|warned|noted|"
    r"argued|claimed|insisted|declared|announced|commented|remarked|continued|concluded|recalled|stressed|"
    r"tweeted|posted|observed|admitted|acknowledged|urged|responded|testified|reported|"
    r"stating|saying|adding|writing|noting|telling|explaining|warning"
)
_ADVERB = r"(?:\s+(?:also|then|later|further|once|previously|again))?"
_NAME = r"(?<![\w-])[A-Z][\w’'.-]+(?:\s+(?:(?:of|de|van|von|bin|da)\s+)?(?:al-|el-)?[A-Z][\w’'.-]+)*"
# ", the State Department Spokesperson," / ", curator at the University of Arkansas, Fayetteville,"
_APPOSITIVE = r"(?:(?:,[^,\"“”\n]{2,80}){1,2},)?"
_AFTER_RE = re.compile(
    rf"^[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?P<v1>{_SPEECH})\s+(?:(?:the\s+)?[a-z]+\s+)*?(?P<n1>{_NAME})"
    rf"|(?:[a-z]+\s+){{0,3}}?(?P<n2>{_NAME}|he|she|they|it){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b"
    rf"|[—–-]\s*(?P<n3>{_NAME})\s*$)"
)
_BEFORE_RE = re.compile(
    rf"(?:(?P<n1>{_NAME}|[Hh]e|[Ss]he|[Tt]hey){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b[^.!?\"“”\n]{{0,150}}?[“\"‘']?$"
    rf"|(?P<n3>{_NAME})['’]s(?:\s+[a-z]+){{1,8}}\s+(?:{_SPEECH})\s*[:,]?\s*[“\"‘']?$"
    rf"|according\s+to\s+(?P<n2>{_NAME})[\s,:]*[“\"‘']?$)"
)
# the sentence before a quotation that opens a sentence: 'Heald noted the findings show … . "…"'
_LEAD_RE = re.compile(rf"(?P<n1>{_NAME}){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b")


_PRONOUNS = ("he", "she", "they", "it")


def _person_part(found: str) -> str:
    """The name in a run with a title or body before it: "Governor of Washington Chris Gregoire"
    -> "Chris Gregoire", "Refugee Council Enver Solomon" -> "Enver Solomon"."""
    words = found.rstrip(".,;:").split()
    cut = max((i for i, w in enumerate(words) if w.casefold().rstrip(".") in _TITLES), default=-1)
    if cut >= 0 and cut + 2 < len(words) and words[cut + 1] in ("of", "de"):
        cut += 2  # "Minister of Education Stefania Giannini": skip the portfolio
    org = max((i for i, w in enumerate(words) if w.casefold() in ORG_WORDS), default=-1)
    if len(words) - org - 1 >= 2:
        cut = max(cut, org)
    return " ".join(words[cut + 1 :]) if cut + 1 < len(words) else " ".join(words)


def guess_speaker(
    text: str, quote: QuoteCandidate, names: list[NameCandidate], previous: str | None = None
) -> str | None:
    """The speaker news style puts beside a quotation: ``“…,” Ruiz said`` / ``said Ruiz`` /
    ``Ruiz, the mayor, said: “…”`` / ``Obama tweeted:`` on the line above. A pronoun ("it
    added") means the previous quotation's speaker (``previous``) when there is one, else the
    nearest person-like name before the quote. A surname alone is widened to the shortest name
    candidate ending with it ("Ruiz" -> "Ana Ruiz"). None when nothing beside it names anyone.
    """
    after = text[quote.end : quote.end + 160].split("\n", 1)[0]
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[max(line_start, quote.start - 200) : quote.start]
    if not before.strip(" “\"‘'"):  # a quotation that opens its paragraph: 'Obama tweeted:' above it
        above = text[:line_start].rstrip()
        if above.endswith(":"):
            before = above[max(above.rfind("\n") + 1, len(above) - 200) :]
    found = None
    m = _AFTER_RE.match(after)
    if m:
        found = m.group("n1") or m.group("n2") or m.group("n3")
    lead = before.rstrip("“\"‘' ")
    if not found:
        m = _BEFORE_RE.search(lead)
        if m:
            found = m.group("n1") or m.group("n2") or m.group("n3")
    if not found and re.search(r"[.!?:]$", lead):
        sentence = re.split(r"(?<=[.!?])\s+", lead[:-1])[-1]
        hits = list(_LEAD_RE.finditer(sentence))
        found = hits[-1].group("n1") if hits else None
    if not found:
        return None
    if found.casefold() in _PRONOUNS:
        people = [
            n
            for n in names
            if n.end <= quote.start
            and len(n.text.split()) >= 2
            and not any(w.casefold() in ORG_WORDS for w in n.text.split())
        ]
        window = quote.start - len(before)
        if previous and any(n.start >= window and n.text in previous.split() for n in names):
            return previous  # 'Mr Key … he said' after a quotation of John Key's
        between = [n.text for n in people if n.start >= window]
        if between:
            return between[-1]
        return previous or (people[-1].text if people else None)
    found = _person_part(found)
    if len(found.split()) >= 2:
        return found
    fuller = [n.text for n in names if n.text.endswith(" " + found) and len(n.text.split()) >= 2]
    return min(fuller, key=len) if fuller else found


def attribute_quotes(text: str, quotes: list[QuoteCandidate], names: list[NameCandidate]) -> list[str | None]:
    """Speakers for every quotation, read in order so that pronouns and continuations can lean
    on the previous quotation's speaker."""
    speakers: list[str | None] = []
    previous: str | None = None
    previous_end = 0
    for q in quotes:
        near = previous if q.start - previous_end <= 400 else None
        who = guess_speaker(text, q, names, near)
        speakers.append(who)
        if not q.nested:
            previous, previous_end = who or near, q.end
    return carry_speakers(text, quotes, speakers)


_SENTENCE_END_RE = re.compile(r"[.!?][”\"’']?(?:\s+|$)")


def carry_speakers(text: str, quotes: list[QuoteCandidate], speakers: list[str | None]) -> list[str | None]:
    """A quotation with nothing beside it that directly continues the previous one keeps its
    speaker: ``“…,” Al-Maeena said. “…”`` or a paragraph that is only a quotation after
    ``“…,” said Mohib.`` Only whitespace may separate the attribution's sentence from the
    next quotation, so a sentence about anything else in between breaks the chain."""
    out = list(speakers)
    prev: int | None = None
    for i, q in enumerate(quotes):
        if q.nested:
            continue
        if out[i] is None and prev is not None and out[prev]:
            between = text[quotes[prev].end : q.start]
            end = _SENTENCE_END_RE.search(between)
            rest = between[end.end() :] if end else between
            if not rest.strip(" \n“\"‘'") and between.count("\n\n") <= 1 and len(between) <= 200:
                out[i] = out[prev]
        prev = i
    return out


# ---- claims -------------------------------------------------------------------------------

_CLAIM_VERBS = (
    r"said|says|say|told|tells|added|announced|announces|reported|reports|found|finds|estimated|estimates|"
    r"denied|denies|claimed|claims|warned|warns|stated|states|confirmed|confirms|believes|believe|believed|"
    r"expects|expected|predicted|predicts|alleged|alleges|argued|argues|insisted|insists|accused|accuses|"
    r"acknowledged|admitted|noted|wrote|writes|tweeted|declared|revealed|disclosed|suggested|suggests|"
    r"concluded|concludes|showed|shows|indicated|indicates|demanded|demands|called|urged|promised|vowed"
)
# "US intelligence", "the Saudi Interior Ministry", "Ukraine's defense minister Oleksii Reznikov"
_SOURCE = rf"(?:the\s+)?(?:{_NAME})(?:['’]s?\s+[a-z]+(?:\s+[a-z]+)?(?:\s+{_NAME})?|\s+[a-z]+(?:\s+[a-z]+)?(?=[,\s]))?"
_DESCRIPTOR = (
    r"[Tt]he\s+(?:[a-z]+\s+){0,2}?(?:official|officials|minister|ministry|police|spokesman|spokeswoman|spokesperson|"
    r"company|government|report|study|survey|agency|department|court|military|army|researchers|scientists|"
    r"statement|authorities|organisers|organizers|prosecutors|investigators|group|union|president|mayor)"
)
# "according to US intelligence," / "according to the official," / "…, according to Yonhap news agency."
_ACCORDING_RE = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:(?P<src>[^,;.:“”\"()]{{2,60}}?)(?=\s*(?:[,;:]|[.!?][”\"’']?\s*$))"
    rf"|(?P<src2>{_DESCRIPTOR}|(?:the\s+)?{_NAME}))"
)
_GENERIC_SOURCES = {"reports", "media reports", "sources", "some", "many", "a report", "one report", "reports from"}
_SUBJECT_RE = re.compile(
    rf"(?:^(?:[A-Z][a-z]+,\s+|(?:On|In|Last|This|Earlier|Later)\s+[^,]{{1,40}},\s+)?"
    rf"|(?<=,\s)|\b(?:as|while|but|and|after|since|because|when)\s+)"
    rf"(?P<src>{_DESCRIPTOR}|{_NAME}(?:['’]s?\s+(?:[a-z]+\s+){{0,3}}?{_NAME})?|[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
    rf"{_APPOSITIVE}\s+(?:(?:has|have|had|also|then|later|previously|again|publicly|officially|reportedly)\s+)*"
    rf"(?P<cue>{_CLAIM_VERBS})\b"
)
_TRAILING_RE = re.compile(
    rf",?\s*(?:(?P<cue1>{_SPEECH})\s+(?P<src1>{_DESCRIPTOR}|{_NAME})|(?P<src2>{_DESCRIPTOR}|{_NAME}|he|she|it|they)"
    rf"{_APPOSITIVE}\s+(?P<cue2>{_SPEECH})|according\s+to\s+(?P<src3>{_DESCRIPTOR}|{_NAME}(?:\s+[a-z]+){{0,2}}?))"
    r"(?:\s+[a-z]+){0,3}(?:\s+(?:on|in|at|last|this)\s+[^,.;]{1,30})?\s*[.!?]?[”\"’']?$"
)


# "a US intelligence official speaking on condition of anonymity … said"
_UNNAMED_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<src>[Aa]n?\s+(?:{_NAME}\s+)?(?:[a-z]+\s+){{0,2}}?"
    rf"(?:official|spokesman|spokeswoman|spokesperson|source|officer|diplomat|analyst|expert|researcher|aide))\b"
    rf"[^.;“”\"]{{0,100}}?\s(?P<cue>said|says|told|stated|confirmed|added)\b"
)
# "Executive director of the … chapter … Alia Salem said …": a name right before the verb
_ANYWHERE_RE = re.compile(
    rf"(?P<src>{_NAME})(?:{_APPOSITIVE}|,)\s+(?:(?:has|had|also|then|later)\s+)*(?P<cue>said|says|told|stated|announced)\b"
)


_QUOTING_RE = re.compile(r"quoting\s+(?P<src>[^,;()]{2,80}?)(?:\s*\([A-Z]{2,8}\))?,\s*")


def _trailing_name(phrase: str) -> str | None:
    """The capitalised run a phrase ends with: "North Korea's main news agency Korean Central News
    Agency" -> "Korean Central News Agency"."""
    m = re.search(r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?)*[A-Z][\w.'’-]*$", phrase.strip())
    return m.group() if m else None


def quote_speakers_from_sentences(
    text: str,
    quotes: list[QuoteCandidate],
    speakers: list[str | None],
    sources: dict[int, tuple[str | None, str | None, tuple[int, int]]],
    sentence_of: Callable[[int], int | None],
) -> list[str | None]:
    """A quotation with nobody beside it takes the source of its own sentence: "Reznikov warned
    of a “large-scale escalation”" (read by ``claim_sources``, so quotes and claims agree)."""
    out = list(speakers)
    for i, q in enumerate(quotes):
        if out[i] is None and not q.nested:
            index = sentence_of(q.start)
            found = sources[index][0] if index is not None and index in sources else None
            if found and found[:1].isupper():
                out[i] = found
    return out


def _resolve_pronoun(word: str, before: int, names: list[NameCandidate]) -> str | None:
    """ "He said" names the last person the article named before it; "it" the last body."""
    earlier = [n for n in names if n.end <= before and before - n.start <= 800]
    if word.casefold() in ("he", "she"):
        people = [
            n.text
            for n in earlier
            if 2 <= len(n.text.split()) <= 4 and not any(w.casefold() in ORG_WORDS for w in n.text.split())
        ]
        return people[-1] if people else None
    if word.casefold() == "it":
        bodies = [n.text for n in earlier if any(w.casefold() in ORG_WORDS for w in n.text.split()) or n.text.isupper()]
        return bodies[-1] if bodies else None
    return None


def _is_person(name: str) -> bool:
    words = name.split()
    return bool(words) and not name.isupper() and not any(w.casefold() in ORG_WORDS for w in words)


def _named_in(phrase: str, names: list[NameCandidate]) -> str | None:
    """The person a title-heavy phrase ends with: "Afghan Ambassador to the United States
    Hamdullah Mohib" -> "Hamdullah Mohib" (the shortest scanned name of two or more words that ends it)."""
    ends = [n.text for n in names if len(n.text.split()) >= 2 and phrase.endswith(n.text) and n.text != phrase]
    return min(ends, key=len) if ends else None


def _clean_source(found: str, names: list[NameCandidate] | None = None) -> str:
    found = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", found.strip(" ,")).rstrip(".,;:")
    if names and len(found.split()) >= 3 and (person := _named_in(found, names)) and _is_person(person):
        return person
    found = re.sub(r"^The\s+(?=[a-z])", "the ", found)
    return _person_part(found) if found[:1].isupper() and _is_person(found) else found


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
    sentence = text[start:end]
    source: str | None = None
    cue: str | None = None
    c_start, c_end = start, end
    m = _ACCORDING_RE.search(sentence)
    if m and len((m.group("src") or "").split()) <= 10:
        source, cue = m.group("src") or m.group("src2"), "according to"
        if m.start() == 0 and m.group("src"):
            rest = sentence[m.end() :]
            skip = len(rest) - len(rest.lstrip(" ,:"))
            c_start = start + m.end() + skip
    quoting = _QUOTING_RE.match(text, c_start, end) if c_start > start else None
    if quoting:  # "According to Yonhap, quoting North Korea's Korean Central News Agency (KCNA), …"
        source, cue = _trailing_name(quoting.group("src")) or source, "quoting"
        c_start = quoting.end()
    subject = _SUBJECT_RE.search(sentence)
    inner = _SUBJECT_RE.match(text, c_start, end) if c_start > start else None
    if inner and inner.group("src").casefold() not in _PRONOUNS:
        # "According to ABC News, Basya also believes …": the outlet reports, Basya claims
        source, cue = inner.group("src"), inner.group("cue")
    elif source is None and subject and subject.start() == 0:
        source, cue = subject.group("src"), subject.group("cue")
    if source is None:
        t = _TRAILING_RE.search(sentence)
        if t and t.start() > 20:
            source = t.group("src1") or t.group("src2") or t.group("src3")
            cue = t.group("cue1") or t.group("cue2") or "according to"
            c_end = start + t.start()
    if source is None and subject:
        source, cue = subject.group("src"), subject.group("cue")
    if source is None:  # "a US intelligence official speaking on condition of anonymity said"
        for pattern in (_UNNAMED_RE, _ANYWHERE_RE):
            found = pattern.search(sentence)
            if found:
                source, cue = found.group("src"), found.group("cue")
                break
    if source is None and quotes is not None and speakers is not None:
        for q, who in zip(quotes, speakers, strict=False):
            if who and q.start < end and start < q.end and not q.nested:  # in it, or it inside the quote
                source, cue = who, "quote"
                break
    if source is not None and source.casefold() in _PRONOUNS:
        pronoun = source.casefold()
        fits = previous is not None and _is_person(previous) == (pronoun in ("he", "she"))
        source = previous if fits else _resolve_pronoun(pronoun, start, names)
    if source is not None and source.casefold().removeprefix("the ") in _GENERIC_SOURCES:
        source = None
    if source is not None:
        source = _clean_source(source, names)
    while c_end > c_start and text[c_end - 1] in " ,;:":
        c_end -= 1
    if c_end - c_start < 20:
        c_start, c_end = start, end
    return source or None, cue if source else None, (c_start, c_end)


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
    for index, start, end in sentences:
        found = claim_source(text, start, end, names, quotes, speakers, previous)
        out[index] = found
        if found[0] and found[0][:1].isupper() and found[1] != "according to":
            previous = found[0]
    return out
