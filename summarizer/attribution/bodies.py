"""Bodies: the organisations an article names, the one it is about, and what "the city" means.

News speaks for a body through descriptors ("the city reasoned", "officials will scrap", "the
government recommending") and through its documents ("the letter says", "a message stating").
The Cast models people; ``Bodies`` resolves these descriptors to a body the article names, so
quote speakers and claim sources agree on it. Unnamed people described by a noun phrase ("One
poster admitted") are named by that phrase (``person_descriptor``): the article's own words.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lexicon import BODY_WORDS, MONTHS, WEEKDAYS
from ..scan.names import NameCandidate, countries
from .cast import Cast, person_part, read_once, whole_words
from .patterns import APPOSITIVE, NAME, filler

__all__ = [
    "DESCRIPTOR",
    "DOCUMENT_HEADS",
    "Bodies",
    "Body",
    "bodies_of",
    "descriptor_kind",
    "named_appositive",
    "person_descriptor",
]


#: words of a government-like body (what "the government" or "officials" refer to)
_GOVERNMENT_WORDS = {
    "office", "ministry", "department", "government", "council", "municipality", "agency", "administration",
    "authority", "cabinet", "secretariat", "commission", "bureau",
}  # fmt: skip
# "Municipality of Livorno", "City of Austin", "Irving City Council", "Town of Bogliasco"
_CIVIC_RE = re.compile(
    r"^(?:Municipality|City|Town|Borough|Village|Commune|County)\s+of\s+|\bMunicipality\b"
    r"|\b(?:City|Town|Borough|Municipal|County|Village)\s+(?:Council|Hall|Government|Administration)\b"
)

_CITY = {"city", "town", "municipality", "borough", "village", "commune", "council"}
_GOVERNMENT = {"government", "officials", "ministry", "department", "authorities", "administration", "agency"}
_DOCUMENTS = {
    "document", "documents", "letter", "questionnaire", "form", "forms", "statement", "report", "message",
    "website", "site", "post", "memo", "notice", "guidance", "email", "e-mail", "leaflet", "announcement",
    "circular", "page", "note", "release", "database", "blog", "account", "feed",
}  # fmt: skip
#: heads of a noun phrase that describes one unnamed person ("one poster", "a witness")
_PEOPLE = {
    "poster", "blogger", "user", "commenter", "commentator", "writer", "author", "resident", "witness",
    "source", "official", "spokesman", "spokeswoman", "spokesperson", "student", "teacher", "worker",
    "employee", "member", "fan", "victim", "survivor", "critic", "neighbour", "neighbor", "parent", "mother",
    "father", "man", "woman", "driver", "passenger", "doctor", "nurse", "officer", "analyst", "expert",
    "researcher", "scientist", "diplomat", "aide", "lawyer", "activist", "protester", "protestor", "customer",
    "reader", "viewer", "participant", "organiser", "organizer", "insider", "observer", "soldier", "pilot",
    "owner", "manager", "player", "coach", "villager", "farmer", "volunteer", "priest", "caller", "listener",
    "friend",
}  # fmt: skip

#: "the union", "the company", "the police": a body by the word its name has
_BODY_HEADS = {
    "union", "company", "firm", "university", "church", "club", "party", "court", "police", "association",
    "committee", "commission", "board", "foundation", "museum", "college", "school", "hospital", "bank",
    "network", "army", "navy", "organisation", "organization", "institute", "society", "league", "federation",
    "team", "utility", "station", "airline", "retailer", "startup", "automaker", "carmaker", "manufacturer",
    "insurer", "lender", "broadcaster", "publisher", "charity", "agency",
}  # fmt: skip
_HEADS = "|".join(sorted(_CITY | _GOVERNMENT | _DOCUMENTS | _PEOPLE | _BODY_HEADS, key=len, reverse=True))
#: a descriptor of a body, a document or a person: "the city", "officials", "a leaked internal
#: letter", "One poster" (a determiner, up to three modifiers, a known head noun)
DESCRIPTOR = (
    rf"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{_HEADS})"
    rf"|[Oo]fficials|[Gg]overnment\s+officials)(?![\w’'-])"
)
#: media report on a story; they are not what it is about
_MEDIA_WORDS = {"news", "times", "post", "gazette", "magazine", "herald", "tribune", "journal", "press", "network"}


def descriptor_kind(phrase: str) -> str | None:
    """ "city", "government", "document", "body" or "person" for a descriptor's head noun, else None."""
    words = re.findall(r"[\w’'-]+", phrase.casefold())
    if not words or words[0] not in ("the", "a", "an", "one", "another", "its", "their", "officials", "government"):
        return None
    head = words[-1]
    if head in _CITY:
        return "city"
    if head in _GOVERNMENT:
        return "government"
    if head in _DOCUMENTS:
        return "document"
    if head in _BODY_HEADS:
        return "body"
    if head in _PEOPLE and words[0] not in ("its", "their") and len(words) >= 2:
        return "person"  # not "its spokesman": whose, code cannot say
    return None


def named_appositive(appositive: str | None) -> str | None:
    """The name an appositive is, if it is only a name: ", Znak.com," -> "Znak.com"."""
    m = re.fullmatch(rf",\s*(?:the\s+)?(?P<n>{NAME})\s*,", appositive or "")
    return m.group("n") if m else None


def person_descriptor(phrase: str) -> str | None:
    """An unnamed person's descriptor as the article words it ("One poster"), when it describes
    one person; None for bodies, documents and anything else."""
    phrase = " ".join(phrase.split())
    return phrase if descriptor_kind(phrase) == "person" else None


def _is_body_name(name: str) -> bool:
    words = name.split()
    if name in countries() or not words or any(re.search(r"-[a-z]", w) for w in words):
        return False  # "NASA T-shirt", "Scientology-critic": a thing or an adjective, not a body
    if any(w.casefold().rstrip(".,") in BODY_WORDS for w in words):
        return True
    # an acronym of three letters or more leads the name ("FIRST Global", "NASA"), not a numeral
    return bool(re.fullmatch(r"[A-Z]{3,}", words[0])) and not re.fullmatch(r"[IVXLCDM]+", words[0])


@dataclass
class Body:
    """An organisation the article names: its fullest name, the shorter forms the article also
    uses ("Home Office", "the Church"), and where it is mentioned."""

    name: str
    forms: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)

    @property
    def government(self) -> bool:
        return any(w.casefold() in _GOVERNMENT_WORDS for w in self.name.split())

    @property
    def civic(self) -> bool:
        return bool(_CIVIC_RE.search(self.name))


def _spots(text: str, form: str) -> list[int]:
    return [s for s, _ in whole_words(text, form)]


_DOC_HEADS = DOCUMENT_HEADS = "|".join(sorted(_DOCUMENTS, key=len, reverse=True))
# "The Home Office letter", "The Church's website"; "the council issued a statement"
_ISSUER_RE = re.compile(
    rf"(?P<n>{NAME})(?P<own>['’]s)?\s+(?:[a-z-]+\s+){{0,2}}?(?:{_DOC_HEADS})\b"
    rf"|(?P<m>{NAME}){APPOSITIVE}\s+(?:(?:has|have|had)\s+)?(?:released|issued|published|sent|posted|put\s+out|"
    rf"wrote|emailed|circulated)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DOC_HEADS})\b"
    # "Voss's press secretary, Amanda Kiel-Fortier, said in a statement": the one who said it
    rf"|(?P<s>{NAME}),?\s+said\s+in\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DOC_HEADS})\b"
)
# "a statement from the company", "a letter from Acme Corp": the document's issuer after it
_FROM_RE = re.compile(
    rf"\b(?:{_DOC_HEADS})\s+(?:from|by|issued\s+by|released\s+by)\s+(?:(?P<d>(?:the|its|their)\s+[a-z]+)|(?:the\s+)?(?P<n>{NAME}))"
)
_CALENDAR = {w.casefold() for w in WEEKDAYS + MONTHS} | {"today", "yesterday", "last", "this", "next"}
_CAPTION_LINE_RE = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit)s?\s*:")
_CREDIT_RE = re.compile(r"(?:Image|Photo|Photograph|Picture|Credit)s?\s*:\s*$")


class Bodies:
    """The bodies an article names, read once: resolves a body, city, government or document
    descriptor at a position to one of them, and knows the article's principal organisation."""

    def __init__(self, text: str, names: Sequence[NameCandidate]) -> None:
        self.text = text
        self.headline = text.split("\n", 1)[0]
        # the lede: the first paragraph after the headline that reads as a sentence (not a date or caption)
        self.lede = next(
            (
                m.start()
                for m in re.finditer(r"(?m)^(?=\S)[^\n]+", text)
                if m.start() > 0 and len(m.group().split()) >= 12 and not _CAPTION_LINE_RE.search(m.group())
            ),
            -1,
        )
        found = sorted({n.text for n in names if _is_body_name(n.text)}, key=lambda n: (-len(n.split()), n))
        bodies: list[Body] = []
        for name in found:
            words = name.split()
            if len(words) == 1 and name.casefold() in BODY_WORDS:
                # "the Court", "the Church": a form of the only named body with that word
                homes = [b for b in bodies if name in b.name.split()]
                if len(homes) == 1:
                    homes[0].forms.add(name)
                continue
            home = next(
                (b for b in bodies if len(words) >= 2 and f" {name} " in f" {b.name} "), None
            )  # "Home Office" in "United Kingdom Home Office"
            if home is None:
                bodies.append(Body(name, {name}))
            else:
                home.forms.add(name)
        for b in bodies:
            spots: set[int] = set()
            covered: set[int] = set()
            for form in sorted(b.forms, key=lambda f: (-len(f), f)):
                for s in _spots(text, form):
                    if s not in covered and not _CREDIT_RE.search(text[max(0, s - 12) : s]):
                        spots.add(s)
                        covered.update(range(s, s + len(form)))
            b.mentions = sorted(spots)
        self.bodies = [b for b in bodies if b.mentions]

    def find(self, name: str) -> Body | None:
        """The body ``name`` is a form of ("The Home Office" -> United Kingdom Home Office)."""
        bare = re.sub(r"^[Tt]he\s+", "", name.strip()).removesuffix("’s").removesuffix("'s")
        return next((b for b in self.bodies if bare in b.forms), None)

    def principal(self, government: bool = False) -> Body | None:
        """The organisation the article is about: the most mentioned body, a mention in the
        headline and one opening the lede (its subject) counting once more each; ``government``
        keeps government-like bodies only; news media are left out (they report the story), and
        so are names with no body word ("AIS" may be a system).
        None when no body counts three or two are level."""
        counts = collections.Counter[str]()
        for b in self.bodies:
            words = [w.casefold().rstrip(".,") for w in b.name.split()]
            if (government and not b.government) or any(w in _MEDIA_WORDS for w in words):
                continue
            if not any(w in BODY_WORDS for w in words):
                continue  # an acronym alone may be a system or a product ("AIS"): not clear enough
            headline = any(f in self.headline for f in b.forms)
            lede = self.lede >= 0 and any(0 <= s - self.lede <= 4 for s in b.mentions)  # "The Home Office today …"
            counts[b.name] = len(b.mentions) + headline + lede
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return next(b for b in self.bodies if b.name == ranked[0][0])

    def _latest(self, fits: list[Body], at: int) -> Body | None:
        best = max(((s, b) for b in fits for s in b.mentions if s < at), default=None, key=lambda x: x[0])
        return best[1] if best else None

    def issuer(self, at: int, cast: Cast | None = None) -> str | None:
        """Who the text just before ``at`` (this paragraph and the one before) says issued or owns
        a document: "The Church's website", "the Home Office letter", "the council issued a
        statement"; the nearest before ``at``. A person only when ``cast`` knows them."""
        own = self.text.rfind("\n", 0, at) + 1
        above = self.text[:own].rstrip()
        while above and filler(above[above.rfind("\n") + 1 :]):  # a scraper's " ." line between paragraphs
            above = above[: above.rfind("\n") + 1].rstrip()
        para = above.rfind("\n") + 1 if above else own
        span = self.text[max(para, at - 600) : at]
        found = None
        for m in _ISSUER_RE.finditer(span):
            name = m.group("n") or m.group("m") or m.group("s")
            if "\n" in name:
                continue
            if cast is not None and cast.is_person(person_part(name)):
                found = cast.canonical(person_part(name), at)
            elif (body := self.find(name)) is not None:
                found = body.name
            elif (m.group("own") or name.endswith(("'s", "’s"))) and name[:-2].casefold() not in _CALENDAR:
                found = re.sub(r"['’]s$", "", name)  # "Vessel Tracker's database": its owner, whatever it is
        for m in _FROM_RE.finditer(span):  # "according to a statement from the company": the latest one
            if m.group("d"):
                d_at = max(para, at - 600) + m.start("d")
                # else the body named last before it, nearby ("… owned by Harbourline Property Management.")
                near = [b for b in self.bodies if not b.government and any(d_at - 300 < s < d_at for s in b.mentions)]
                found = self.resolve(m.group("d"), d_at, cast) or getattr(self._latest(near, d_at), "name", found)
            elif cast is not None and cast.is_person(person_part(m.group("n"))):
                found = cast.canonical(person_part(m.group("n")), at)
            elif (body := self.find(m.group("n"))) is not None:
                found = body.name
        return found

    def resolve(self, phrase: str, at: int, cast: Cast | None = None) -> str | None:
        """The body a descriptor at ``at`` stands for, or None:

        * "the city", "the municipality", "the council": the latest body named before it with a
          civic name (Municipality of X, X City Council), "the council" any "… Council";
        * "the ministry", "the department": the latest body of that kind, else as "the government";
        * "the union", "the company", "the police": the latest body whose name has that word;
        * "the government", "officials", "the authorities": the principal government-like body;
        * a document ("the letter", "a message"): whoever the text just before says issued or
          owns it ("The Home Office letter", "The Church's website"), else the principal
          organisation;
        * a person's descriptor or anything else: None.
        """
        kind = descriptor_kind(phrase)
        head = phrase.split()[-1].casefold()
        if kind == "document":
            issuer = self.issuer(at, cast)
            if issuer:
                return issuer
            found = self.principal()
        elif kind == "city":
            if head == "council":
                fits = [b for b in self.bodies if "council" in b.name.casefold().split()]
            else:
                fits = [b for b in self.bodies if b.civic]
            found = self._latest(fits, at)
        elif kind == "body":
            fits = [b for b in self.bodies if head in b.name.casefold().split()]
            if head == "firm":
                fits = [b for b in self.bodies if not b.government]
            found = self._latest(fits, at)
        elif kind == "government":
            fits = [b for b in self.bodies if head in b.name.casefold().split()]
            found = self._latest(fits, at) if head in ("ministry", "department", "agency") else None
            found = found or self.principal(government=True)
        else:
            return None
        return found.name if found else None

    def canonical(self, name: str) -> str:
        """The fullest form of a body's name ("the Church" -> "Church of Scientology")."""
        body = self.find(name)
        return body.name if body else name


_read_bodies = read_once(Bodies)


def bodies_of(text: str, names: Sequence[NameCandidate]) -> Bodies:
    """The article's ``Bodies``, read once per article (quotes and claims share it)."""
    return _read_bodies(text, names)
