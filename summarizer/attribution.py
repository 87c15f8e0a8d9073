"""Who says what: the speaker of each quotation and the source of each claim, read by code.

News style puts attribution beside what is reported (``“…,” Ruiz said``, ``Ruiz, the mayor,
said:``, ``according to the ministry``, ``the report found``); these readers find it, so the model
only has to be asked where nothing in the text names anyone. One module owns attribution so
quotes and claims agree on who said what.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .candidates import _TITLES, ORG_WORDS, NameCandidate, QuoteCandidate

__all__ = [
    "Cast",
    "Person",
    "attribute_quotes",
    "carry_speakers",
    "cast_of",
    "claim_source",
    "claim_sources",
    "guess_speaker",
    "quote_speakers_from_sentences",
]

_SPEECH = (
    r"said|says|say|told|tells|added|adds|explained|stated|wrote|writes|asked|replied|warned|noted|"
    r"argued|claimed|insisted|declared|announced|commented|remarked|continued|concluded|recalled|stressed|"
    r"tweeted|posted|observed|admitted|acknowledged|urged|responded|testified|reported|"
    r"stating|saying|adding|writing|noting|telling|explaining|warning|"
    r"called|calls|dubbed|described|characterized|characterised|reasoned|cautioned|quipped|joked|shouted|"
    r"notes|states|argues|warns|insists|recalls|explains|comments|remarks|replies|responds|talked|spoke"
)
_ADVERB = r"(?:,?\s+(?:also|then|later|further|once|previously|again|has|had|have|publicly|reportedly))*"
_NAME = r"(?<![\w-])[A-Z][\w’'.-]+(?:\s+(?:(?:of|de|van|von|bin|da)\s+)?(?:al-|el-)?[A-Z][\w’'.-]+)*"
# ", the State Department Spokesperson," / ", curator at the University of Arkansas, Fayetteville,"
_APPOSITIVE = r"(?:(?:,[^,\"“”\n]{2,80}){1,2},)?"
# "the rookie defenceman", "the union's president", "the minister"
_DESC = r"[Tt]he\s+(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w-]*"
_AFTER_RE = re.compile(
    rf"^[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?P<v1>{_SPEECH})\s+(?:(?:the\s+)?[a-z]+\s+)*?(?P<n1>{_NAME})"
    rf"|(?:[a-z]+\s+){{0,3}}?(?P<n2>{_NAME}|he|she|they|it){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b"
    rf"|(?:{_SPEECH})\s+(?P<d1>{_DESC})(?=\s*[,.;!?]|\s*$|\s+(?:on|in|at|after|before|during|of)\b)"
    rf"|(?P<d2>{_DESC}){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b"
    rf"|[—–-]\s*(?P<n3>{_NAME})\s*$"
    # "Birmingham City University criminology professor David Wilson told the press"
    rf"|(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:[a-z]+\s+){{1,3}}(?P<n4>{_NAME}){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b)"
)
_BEFORE_RE = re.compile(
    rf"(?:(?P<n1>{_NAME}|[Hh]e|[Ss]he|[Tt]hey){_APPOSITIVE}{_ADVERB}\s+(?:{_SPEECH})\b[^.!?\"“”\n]{{0,150}}?[“\"‘']?$"
    rf"|(?P<n3>{_NAME})['’]s(?:\s+[a-z]+){{1,8}}\s+(?:{_SPEECH})\s*[:,]?\s*[“\"‘']?$"
    rf"|according\s+to\s+(?P<n2>{_NAME})[\s,:]*[“\"‘']?$"
    # "The Home Office letter reads", "the company's statement said": the body behind the document
    rf"|(?P<n4>{_NAME})(?:['’]s)?\s+(?:letter|statement|report|document|website|guidance|memo|notice|post)\s+"
    rf"(?:reads|read|says|said|states|stated)\s*[:,]?\s*[“\"‘']?$)"
)


def _verb_at(span: str) -> int:
    """Where the first verb of speech in ``span`` starts (its length when there is none)."""
    v = re.search(rf"\b(?:{_SPEECH})\b", span)
    return v.start() if v else len(span)


_SHORT_END = r"(?:\s+[\w’'-]+){0,4}\s*(?:[.!?]|$)"
_OWNER_RE = re.compile(rf"(?P<p>{_NAME})\s+of\s+(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+(?:(?:and|&)\s+)?)*$")
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
    text: str,
    quote: QuoteCandidate,
    names: list[NameCandidate],
    previous: str | None = None,
    learned: dict[str, str] | None = None,
) -> str | None:
    """The speaker news style puts beside a quotation: ``“…,” Ruiz said`` / ``said Ruiz`` /
    ``Ruiz, the mayor, said: “…”`` / ``Obama tweeted:`` on the line above. A pronoun ("it
    added") means the previous quotation's speaker (``previous``) when there is one, else the
    nearest person-like name before the quote. A surname alone is widened to the shortest name
    candidate ending with it ("Ruiz" -> "Ana Ruiz"). None when nothing beside it names anyone.
    """
    after = text[quote.end : quote.end + 160].split("\n", 1)[0]
    line_start = text.rfind("\n", 0, quote.start) + 1
    base = max(line_start, quote.start - 200)
    before = text[base : quote.start]
    if not before.strip(" “\"‘'"):  # a quotation that opens its paragraph: 'Obama tweeted:' above it
        above = text[:line_start].rstrip()
        if above.endswith(":"):
            base = max(above.rfind("\n") + 1, len(above) - 200)
            before = above[base:]
    found = None
    cast = cast_of(text, names)
    m = _AFTER_RE.match(after)
    if m:
        found = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
        rest = after[m.end() :]
        # after a quotation that ends its sentence, the next sentence's "X said" is X's own
        # statement unless it ends there: '…prayers." President Andrzej Duda remarked, "Today…'
        ends = re.search(r"[.!?]$", quote.text)
        if found and (m.group("n2") or m.group("n4")) and ends and not re.match(_SHORT_END, rest):
            found = None
        if found:
            found = _BOUNDARY.split(found)[0]  # "said Bash. Charges …": the name ends the sentence
        stop = _next_stop(text, quote.end)
        later = [(s, p.name) for p in cast.people for s, _, _ in p.mentions if quote.end < s < stop]
        if found and m.group("n1") and not cast.is_person(_person_part(found)) and later:
            return max(later)[1]  # "said University of California, San Diego's chancellor, Pradeep Khosla."
        if not found and (m.group("d1") or m.group("d2")):
            # "said the rookie defenceman"; "the union said …, read by its spokesman Tom Okafor"
            who = cast.descriptor(m.group("d1") or m.group("d2"), quote.start)
            return who or (max(later)[1] if later else None)
    lead = before.rstrip("“\"‘' ")
    if not found:
        m = _BEFORE_RE.search(lead)
        if m:
            found = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
            group = next(g for g in ("n1", "n2", "n3", "n4") if m.group(g)) if found else "n1"
            if found:
                found = _BOUNDARY.split(found)[-1]  # "… and Sadiq Khan. Tom Watson called": the last sentence's
            if group == "n1" and re.search(r"\b(?:by|to|of|from|with)\s+$", lead[: m.start(group)]):
                found = None  # "a letter seen by Sky News says": the agent of a passive is not the speaker
            owner = _OWNER_RE.search(lead[: m.start(group)])
            if found and owner and cast.is_person(owner.group("p")):
                found = owner.group("p")  # "Matthew Ingram of The Globe and Mail dubbed …"
            elif found and found.casefold() not in _PRONOUNS and not cast.is_person(found):
                # "a Republican, Mark Amodei, has … telling": the person in the appositive
                inside = [
                    (s, p.name)
                    for p in cast.people
                    for s, _, _ in p.mentions
                    if base + m.start() < s < base + m.start() + _verb_at(m.group(0))
                ]
                if inside:
                    found = min(inside)[1]
    if not found and re.search(r"[.!?:]$", lead):
        sentence = re.split(r"(?<=[.!?])\s+", lead[:-1])[-1]
        hits = list(_LEAD_RE.finditer(sentence))
        found = hits[-1].group("n1") if hits else None
    if not found:
        return None
    if found.casefold() in ("he", "she"):
        return cast.pronoun(found, quote.start, previous, learned)
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
    found = cast.canonical(_person_part(found), quote.start)
    person = cast._person_in(found, quote.start)
    if person is not None:
        return person.name
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
    learned: dict[str, str] = {}  # genders read from this article's "he/she said"
    for q in quotes:
        near = previous if q.start - previous_end <= 400 else None
        who = guess_speaker(text, q, names, near, learned)
        speakers.append(who)
        if not q.nested:
            previous, previous_end = who or near, q.end
    return discourse_speakers(text, quotes, carry_speakers(text, quotes, speakers), names)


_COMMUNICATES = re.compile(
    rf"\b(?:{_SPEECH}|statement|promised|promising|defended|cited|citing|quoted|labell?ed|branded|termed|"
    r"praised|critici[sz]ed|condemned|welcomed|vowed|pledged|said)\b"
)


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _is_caption(text: str, start: int, end: int) -> bool:
    """A picture's caption or credit line between paragraphs ("… Image: NASA.")."""
    return bool(_CAPTION_RE.search(text[start:end]))


def discourse_speakers(
    text: str, quotes: list[QuoteCandidate], speakers: list[str | None], names: list[NameCandidate]
) -> list[str | None]:
    """Speakers for quotations nothing beside them attributes, read from the discourse:

    * a quotation that opens its paragraph continues the previous quotation's speaker when
      only captions lie between them (a picture's caption between paragraphs does not break
      the chain; a sentence about anything else does);
    * otherwise the person its own sentence (before the quotation) or the sentence before it in
      the same paragraph names as subject, when that sentence reports speech or a statement
      ('Cornyn … issued a statement …. "Like many Texans…"', 'Gray … cited …: "one in, all in"');
    * otherwise the only person its paragraph names before it ('Kiara Perkins … admitted …
      Why did she …? "It's Warhol."').
    """
    cast = cast_of(text, names)
    out = list(speakers)
    prev: int | None = None
    for i, q in enumerate(quotes):
        if q.nested:
            continue
        if out[i] is None:
            out[i] = _continued(text, quotes, out, prev, i, cast) or _from_context(text, q, cast)
        prev = i
    return out


def _opens_sentence(text: str, q: QuoteCandidate) -> bool:
    before = text[max(0, q.start - 6) : q.start].rstrip("“\"‘' ")
    return not before.strip() or bool(re.search(r"(?:[.!?:][”\"’']?|\n)\s*$", before)) or before.endswith("\n")


def _continued(
    text: str, quotes: list[QuoteCandidate], out: list[str | None], prev: int | None, i: int, cast: Cast
) -> str | None:
    if prev is None or not out[prev] or not _opens_sentence(text, quotes[i]):
        return None
    between = text[quotes[prev].end : quotes[i].start]
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", between) if p.strip(" .,;:!?“”\"‘’'")]
    body = [p for p in paragraphs if not _CAPTION_RE.search(p)]
    if body:  # a sentence about anything else breaks the chain; a picture's caption does not
        return None
    return out[prev]


def _from_context(text: str, q: QuoteCandidate, cast: Cast) -> str | None:
    para = _paragraph_start(text, q.start)
    lead = text[para : q.start]
    opens = _opens_sentence(text, q)
    own = para
    if opens and not lead.strip(" “\"‘'"):  # a quotation that opens its paragraph: the paragraph before
        above = text[:para].rstrip()
        while above and _CAPTION_RE.search(above[_paragraph_start(above, len(above) - 1) :]):
            above = above[: _paragraph_start(above, len(above) - 1)].rstrip()
        para = _paragraph_start(text, len(above) - 1) if above else para
        lead = text[para : len(above)] if above else lead
    if not opens and not re.search(r"(?::|,)\s*[“\"‘']?$", lead):
        return None  # a phrase in quotation marks inside a sentence ('granted "parole" status')
    sentences = [m for m in re.finditer(r"[^.!?]+(?:[.!?]+[”\"’']?|$)", lead) if m.group().strip(" “\"‘'")]
    for m in reversed(sentences[-2:] if opens else sentences[-1:]):
        if not _COMMUNICATES.search(m.group()):
            continue
        start = para + m.start()
        subjects = [
            (s, p.name)
            for p in cast.people
            for s, _, oblique in p.mentions
            if start <= s < para + m.end() and not oblique
        ]
        if subjects:
            return min(subjects)[1]
        pron = re.search(r"(?:^|[,;]\s|\.\s)\s*([Hh]e|[Ss]he)\b", m.group())
        if pron:
            return cast.pronoun(pron.group(1), start + pron.start(1))
    if not opens or own != para:
        return None
    named = {p.name for p in cast.people for s, _, _ in p.mentions if own <= s < q.start}
    return named.pop() if len(named) == 1 else None


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


# ---- the cast: who the article names, as whom, and how it refers to them again ---------------

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_PREPS = {
    "of", "to", "by", "for", "with", "against", "from", "about", "on", "at", "in", "into", "toward",
    "towards", "between", "among", "via", "than", "like", "as", "under", "over", "asking", "told",
    "telling", "thanked", "met", "meeting", "and", "or", "nor",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "former", "current", "then", "late", "fellow"}
_FEMALE = re.compile(
    r"\b(?:she|her|hers|herself|Mrs\.?|Ms\.?|Miss|Madam|fianc[ée]e|wife|mother|daughter|actress|woman|girl|sister|spokeswoman|chairwoman|congresswoman|businesswoman)\b"
)
_MALE = re.compile(
    r"\b(?:he|him|his|himself|Mr\.?|Sir|husband|father|son|brother|spokesman|chairman|congressman|businessman|man|boy)\b"
)
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_ROLE_WORDS = {
    "representatives", "representative", "actor", "actress", "broadcaster", "singer", "rapper", "coach",
    "manager", "player", "rookie", "striker", "goalkeeper", "defenceman", "defenseman", "forward", "captain",
    "councilman", "councilwoman", "officer", "detective", "reverend", "rev", "saint", "sir", "lord", "lady",
    "dame", "doctor", "chef", "author", "writer", "producer", "journalist", "reporter", "columnist", "editor",
    "lawyer", "attorney", "prosecutor", "economist", "analyst", "activist", "campaigner", "founder", "host",
}  # fmt: skip
_NOT_PERSON_LAST = {
    "house", "hall", "bridge", "city", "street", "road", "square", "park", "river", "war", "hospital", "church",
    "prize", "award", "awards", "studios", "holdings", "records", "inc", "times", "post", "independent",
    "journal", "herald", "tribune", "express", "mail", "telegraph", "guardian", "airport", "station", "island",
    "islands", "mountains", "ocean", "sea", "valley", "county", "state", "states", "kingdom", "republic",
}  # fmt: skip
_CAPTION_RE = re.compile(
    r"\b(?:Image|Photo|Photograph|Picture|Credit|Caption)\s*:|\(Photo\b|/(?:AP|Reuters|AFP|Getty)\b"
)
_PLACE_FIRST = {
    "north", "south", "east", "west", "new", "united", "saudi", "great", "central", "upper", "lower", "san",
    "santa", "los", "las", "fort", "port", "mount", "lake", "cape",
}  # fmt: skip
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|across|into|outside|inside|to|of)\s+(?:the\s+)?$")


def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words = words[:-1]
    return words[-1].rstrip(".,").casefold() if words else ""


@dataclass
class Person:
    """Someone the article names: the fullest form of the name, gender where the article makes it
    clear, and the descriptor words it attaches ("director", "minister", "defenceman")."""

    name: str
    forms: set[str] = field(default_factory=set)
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, oblique

    @property
    def surname(self) -> str:
        return _surname(self.name)


def _is_person_name(text: str, name: str, lowered: set[str]) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or name.isupper():
        return False
    if any(w.casefold() in ORG_WORDS or any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+|I{1,3}|IV", w) for w in words):
        return False  # "UN Human Rights", "BBC News"
    if (
        " of " in f" {name} "
        or words[-1].casefold().rstrip(".") in _NOT_PERSON_LAST
        or words[0].casefold() in _PLACE_FIRST
    ):
        return False
    cap = [w for w in words if w.casefold() not in _CONNECTORS_P]
    if not all(w[:1].isupper() or re.match(r"(?:al|el|ad|ar|as|ash|ibn|bin)-", w) for w in cap):
        return False  # "Suleiman al-Amr" is a person's name
    if cap and cap[-1].casefold() in lowered and cap[-1].casefold() not in _SUFFIXES:
        return False  # "Human Rights", "Civic Platform": the last word is a common noun
    spots = [s for s, _ in _whole_words(text, name)]
    if spots and all(
        (t := re.match(r"\s+([A-Z]\w+)", text[s + len(name) : s + len(name) + 20])) and t.group(1).casefold() in _TITLES
        for s in spots
    ):
        return False  # "Shadow Home" of "Shadow Home Secretary Yvette Cooper": a title's first words
    credits = sum(
        1
        for s in spots
        if text[s + len(name) : s + len(name) + 1] == "/"
        or re.search(
            r"(?:\b(?:Image|Photo|Photograph|Picture|Credit)s?\s*:|(?:^|\n|\s)By)\s*$", text[max(0, s - 14) : s]
        )
    )  # a photo credit ("Name/Agency", "Image: Name") or a byline ("By Name")
    if spots and credits == len(spots):
        return False  # only ever a photo credit ("Name/Agency")
    after_the = sum(1 for s in spots if re.search(r"\b(?:the|The)\s+$", text[max(0, s - 5) : s]))
    placed = any(
        re.search(r"\b(?:in|at|from|near|across|into|outside|inside)\s+$", text[max(0, s - 8) : s]) for s in spots
    )
    return not (spots and after_the == len(spots)) and not placed


_CONNECTORS_P = {"of", "de", "del", "da", "van", "von", "al", "bin", "binti", "la", "le", "du", "der", "den", "y"}


def _whole_words(text: str, word: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``word`` not inside a longer word (a plain string
    search: a regex with a look-behind first scans slowly on long articles)."""
    out = []
    at = text.find(word)
    while at != -1 and word:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append((at, end))
        at = text.find(word, at + 1)
    return out


def _standalone(text: str, name: str) -> bool:
    """Whether ``name`` occurs without a capitalised word glued before it."""
    for start, _ in _whole_words(text, name):
        glued = re.search(r"([A-Z][\w.’'-]*)\s+$", text[max(0, start - 30) : start])
        if not glued or glued.group(1).casefold().rstrip(".") in _TITLES | _ROLE_WORDS:
            return True
    return False


def _oblique(text: str, start: int) -> bool:
    """Whether a mention is not the subject of its clause: after a preposition or a verb
    ("Speaking to Martin Smith", "the murder of journalist Jamal Khashoggi", "asks Zelensky")."""
    words = re.findall(r"[\w’'-]+|[^\w\s]", text[max(0, start - 80) : start])
    for w in reversed(words[-5:]):
        lw = w.casefold()
        if lw in _PREPS:
            return True
        if not re.match(r"\w", w) or lw in ("that", "said", "says", "but", "while", "when"):
            return False
        if lw in _DETERMINERS or w[:1].isupper():
            continue
        if re.search(r"(?:ed|es|ing)$", lw) and lw not in ("president", "chairman"):
            return True  # a verb before it: "accused Zelensky", "asks Trump" (not "journalist")
    return False


class Cast:
    """The people an article names, read once: canonical names, genders, descriptors, and
    which mention is the subject of its clause. Resolves a surname, a title-laden name, a
    pronoun or a descriptor at a position to the person it refers to."""

    def __init__(self, text: str, names: list[NameCandidate]) -> None:
        self.text = text
        lowered = {w.casefold() for w in re.findall(r"\b[a-z][\w’'-]*\b", text)}
        self.lowered = lowered
        people: dict[str, Person] = {}
        stripped = {self._strip_role(text, n, lowered) for n in names}
        fulls = sorted((n for n in stripped if _is_person_name(text, n, lowered)), key=lambda n: -len(n.split()))
        for full in fulls:
            key = full
            for p in people.values():  # "Robert Downey Jr." also covers "Robert Downey"
                if p.name.startswith(full + " ") or p.name.endswith(" " + full):
                    key = p.name
                    if p.name.endswith(" " + full) and _standalone(text, full):
                        p.name = full  # "United States Hamdullah Mohib" is "Hamdullah Mohib"
                    break
            people.setdefault(key, Person(key)).forms.add(full)
        self.people = list(people.values())
        self._surnames = collections.Counter(_surname(p.name) for p in self.people)
        for p in self.people:
            self._find(p)
        starts = sorted((s, i) for i, p in enumerate(self.people) for s, _, _ in p.mentions)
        self._starts = [s for s, _ in starts]
        self._owners = [i for _, i in starts]
        for i, p in enumerate(self.people):
            self._read(i, p)

    @staticmethod
    def _strip_role(text: str, n: NameCandidate, lowered: set[str]) -> str:
        """ "Actor Denzel Washington" -> "Denzel Washington"; "London Sadiq Khan" (in "Mayor of
        London Sadiq Khan") -> "Sadiq Khan"; "Regarding Trump" -> "Trump"."""
        words = n.text.split()
        first = True
        while len(words) > 1:
            w = words[0].casefold().rstrip(".")
            role = (
                w in _TITLES
                or w in _ROLE_WORDS
                or w.removesuffix("s") in _ROLE_WORDS
                or (len(words) > 2 and w in lowered)
            )
            placed = first and len(words) > 2 and _PLACE_BEFORE_RE.search(text[max(0, n.start - 10) : n.start])
            if role or w.endswith("ing") or placed or w == "by":
                words = words[1:]
            else:
                break
            first = False
        return " ".join(words)

    def _find(self, p: Person) -> None:
        """Every mention of ``p`` (its forms, and its surname when no one else bears it)."""
        text = self.text
        forms = sorted(p.forms, key=len, reverse=True)
        sur = _surname(p.name)
        surname_form = next((w for w in p.name.split()[::-1] if w.casefold().rstrip(".,") == sur), None)
        if surname_form and len(surname_form) > 2 and not self.shared_surname(p):
            forms.append(surname_form)
        spans: list[tuple[int, int]] = []
        covered: set[int] = set()  # every offset inside a longer form already found
        for form in dict.fromkeys(forms):
            for start, end in _whole_words(text, form):
                if start not in covered:
                    spans.append((start, end))
                    covered.update(range(start, end))
        spans.sort()
        p.mentions = [(s, e, _oblique(text, s)) for s, e in spans]

    def _read(self, index: int, p: Person) -> None:
        """Gender (titles, the first he/she before anyone else is named) and descriptor words."""
        text = self.text
        votes = {"m": 0, "f": 0}
        for s, e, _ in p.mentions:
            before = text[max(0, s - 12) : s]
            if re.search(r"\b(?:Mrs|Ms|Miss)\.?\s+$", before):
                votes["f"] += 3
            elif re.search(r"\bMr\.?\s+$", before):
                votes["m"] += 3
            if _oblique(text, s):
                self._roles(p, s, e)
                continue
            nxt = text[e : min(_next_stop(text, _next_stop(text, e)), e + 300)].split("\n\n", 1)[0]
            # pronouns inside a quotation are the speaker's, not about this person
            nxt = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group()), nxt)
            k = bisect.bisect_right(self._starts, e)
            while k < len(self._starts) and self._owners[k] == index:
                k += 1
            if k < len(self._starts) and self._starts[k] < e + len(nxt):
                nxt = nxt[: self._starts[k] - e]  # up to the next person the article names
            she, he = _FEMALE.search(nxt), _MALE.search(nxt)
            first = min((x for x in (she, he) if x), key=lambda x: x.start(), default=None)
            if first is not None:
                votes["f" if first is she else "m"] += 1
            self._roles(p, s, e)
        if votes["m"] != votes["f"]:
            p.gender = "m" if votes["m"] > votes["f"] else "f"

    def _roles(self, p: Person, s: int, e: int) -> None:
        text = self.text
        after = re.match(
            r",\s+(?:\d+,\s+)?(?:(?:the|a|an|his|her|its|their)\s+)((?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
            r"(?=\s+(?:of|for|at|in|from|who|with|to|on)\b|,|\.|\s+(?:said|says|told))"
            r"|,\s+((?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]+)(?=\s+(?:of|for|at)\s)",
            text[e : e + 120],
        )
        if after:
            phrase = after.group(1) or after.group(2)
            p.roles.update(w.casefold().removesuffix("’s").removesuffix("'s") for w in phrase.split())
        fronted = re.search(
            r"(?:^|[.!?]\s+|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)((?:[\w’'-]+\s+){0,3}[\w’'-]+),\s+$",
            text[max(0, s - 60) : s],
        )  # "Its president, Tom Okafor, …"
        if fronted:
            p.roles.update(w.casefold().removesuffix("’s").removesuffix("'s") for w in fronted.group(1).split())
        before = re.search(r"((?:[\w’'-]+\s+){1,4})$", text[max(0, s - 60) : s])
        if before:
            for w in reversed(before.group(1).split()):
                lw = w.casefold()
                if lw in _PREPS or lw in ("the", "a", "an", "and") or not re.fullmatch(r"[\w’'-]+", w):
                    break
                if re.fullmatch(_SPEECH, lw) or re.search(r"(?:ed|ing)$", lw):
                    break
                p.roles.add(lw.removesuffix("’s").removesuffix("'s"))

    def shared_surname(self, p: Person) -> bool:
        return self._surnames[_surname(p.name)] > 1

    def person(self, name: str) -> Person | None:
        for p in self.people:
            if name == p.name or name in p.forms:
                return p
        return None

    def canonical(self, found: str, at: int) -> str:
        """The fullest name the article gives for ``found`` (a surname, or a name with a title
        or role on it); ``found`` itself, cut at a sentence boundary, when no person fits."""
        parts = [p.strip(" ,;:") for p in re.split(_BOUNDARY, found.strip()) if p.strip(" ,;:")]
        # never glued across a sentence boundary: "said Bash. Charges …" -> "Bash", "KCNA. No" -> "KCNA"
        found = next((p for p in parts if self._person_in(p, at)), max(parts, key=len) if parts else found)
        if " of " in found and self._person_in(found.split(" of ")[0], at):
            found = found.split(" of ")[0]  # "Lucy Fischer of The Times"
        direct = self._person_in(found, at)
        if direct is not None:
            return direct.name
        return found

    def _person_in(self, found: str, at: int | None = None) -> Person | None:
        words = found.split()
        for i in range(len(words)):  # "Actor Denzel Washington" -> the person "Denzel Washington"
            tail = " ".join(words[i:])
            p = self.person(tail)
            if p is not None:
                return p
            if len(words) - i == 1 and tail.casefold() not in ORG_WORDS:
                matches = [q for q in self.people if q.surname == tail.casefold().rstrip(".,")]
                if len(matches) == 1:
                    return matches[0]
                if matches and at is not None:  # "Khan" after "Usman Khan", not "Sadiq Khan"
                    return self.nearest(matches, at, subjects_only=False) or matches[0]
        return None

    def is_person(self, name: str | None) -> bool:
        return bool(name) and self._person_in(name or "", None) is not None

    def nearest(self, candidates: list[Person], at: int, subjects_only: bool = True) -> Person | None:
        best: tuple[int, Person] | None = None
        for p in candidates:
            for s, _, oblique in p.mentions:
                if s < at and (not subjects_only or not oblique) and (best is None or s > best[0]):
                    best = (s, p)
        return best[1] if best else None

    def pronoun(
        self, word: str, at: int, previous: str | None = None, learned: dict[str, str] | None = None
    ) -> str | None:
        """He/she at ``at``: the last person named as a subject before it whose gender fits,
        preferring the previous quotation's speaker when it was named in between. ``learned``
        holds genders read from earlier pronouns of the same pass ("he said" of Ortiz: a later
        "she" is someone else); the Cast itself stays as the article made it."""
        learned = {} if learned is None else learned
        gender = _PRONOUN_GENDER.get(word.casefold())
        fits = [p for p in self.people if learned.get(p.name, p.gender) in (None, gender)]
        if gender is None:
            return previous
        window = [p for p in fits if any(at - 1500 < s < at for s, _, _ in p.mentions)]
        found = self.nearest(window, at) or self.nearest(window, at, subjects_only=False)
        prev = self.person(previous) if previous else None
        if prev is not None and learned.get(prev.name, prev.gender) in (None, gender):
            last_prev = max((s for s, _, _ in prev.mentions if s < at), default=-1)
            last_found = max((s for s, _, o in found.mentions if s < at and not o), default=-1) if found else -1
            if found is None or last_found <= last_prev or last_found < 0:
                found = prev
        if found is not None and gender is not None:
            learned.setdefault(found.name, gender)
        return found.name if found else previous

    def descriptor(self, phrase: str, at: int) -> str | None:
        """ "the rookie defenceman", "the minister", "the union's president": the person the
        article named with those words (appositive or title), most recently before ``at``."""
        words = [w.casefold().removesuffix("’s").removesuffix("'s") for w in re.findall(r"[\w’'-]+", phrase)]
        words = [w for w in words if w not in ("the", "a", "an")]
        if not words:
            return None
        head = words[-1]
        fits = [p for p in self.people if head in p.roles or head.rstrip("s") in p.roles]
        if len(words) > 1 and len(fits) > 1:
            fits = [p for p in fits if set(words) <= p.roles] or fits
        if not fits:
            return None
        found = self.nearest(fits, at, subjects_only=False)
        if found is None:  # named only after the quote: "…," said the coach, Ann Lee
            found = min(fits, key=lambda p: min((s for s, _, _ in p.mentions), default=len(self.text)))
        return found.name


# a full stop that ends a sentence inside a scanned run ("Bash. Charges"), not "Mr. " or "Jr. "
_BOUNDARY = re.compile(r"(?<=\w\w)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!Mrs|Gen|Sen|Rep|Gov|Col)\.\s+(?=[A-Z])")


def _next_stop(text: str, at: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[at:])
    return at + m.end() if m else len(text)


_RECENT: list[tuple[str, Sequence[NameCandidate], Cast]] = []


def cast_of(text: str, names: Sequence[NameCandidate]) -> Cast:
    """The article's ``Cast``, read once per article (quotes and claims share it): the same
    text and names object are answered at once, equal ones from a small cache."""
    for t, n, cast in _RECENT:
        if t is text and n is names:
            return cast
    cast = _cast_of(text, tuple(names))
    _RECENT.insert(0, (text, names, cast))
    del _RECENT[8:]
    return cast


@functools.lru_cache(maxsize=16)
def _cast_of(text: str, names: tuple[NameCandidate, ...]) -> Cast:
    return Cast(text, list(names))


# ---- claims -------------------------------------------------------------------------------

_CLAIM_VERBS = (
    r"said|says|say|told|tells|added|announced|announces|reported|reports|found|finds|estimated|estimates|"
    r"denied|denies|claimed|claims|warned|warns|stated|states|confirmed|confirms|believes|believe|believed|"
    r"expects|expected|predicted|predicts|alleged|alleges|argued|argues|insisted|insists|accused|accuses|"
    r"acknowledged|admitted|noted|wrote|writes|tweeted|declared|revealed|disclosed|suggested|suggests|"
    r"concluded|concludes|showed|shows|indicated|indicates|demanded|demands|called|urged|promised|vowed|"
    r"notes|explains|reasoned|reasons|cautioned|cautions"
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
_NOT_SOURCES = {"by", "on", "in", "at", "for", "with", "from", "after", "before", "during", "as", "if", "when"}
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
        if pronoun in ("he", "she"):  # the Cast knows genders and who was the subject
            source = cast_of(text, names).pronoun(pronoun, start, previous if fits else None)
        else:
            source = previous if fits else _resolve_pronoun(pronoun, start, names)
    if source is not None and source.casefold() in _NOT_SOURCES:
        source = None  # "By reports on Saturday, …"
    if source is not None and source.casefold().removeprefix("the ") in _GENERIC_SOURCES:
        source = None
    if source is not None:
        source = _clean_source(source, names)
        if source[:1].isupper():
            source = cast_of(text, names).canonical(source, start)
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
