"""Actors, read by code alone: the names the scanner found whose kind code is sure of (countries,
places, organisations, people the article names as such), with roles read beside the names,
every speaker and every name that reads as a person, aliases merged ("Biden", "KCNA") and every
mention listed. A model pass listing names did no better (see ``read_actors``)."""

from __future__ import annotations

import re
from typing import Any

from ..attribution import cast_of
from ..attribution.bodies import person_descriptor
from ..attribution.people import demonyms
from ..grounding import find_mentions
from ..lexicon import ABBREVIATIONS, AGREEMENT_WORDS, ORG_WORDS, PARTY_WORDS, TITLE_MODIFIERS, TITLES
from ..models import Actor, ActorKind, Span
from ..scan import NameCandidate, countries
from .base import Context

__all__ = [
    "code_kind",
    "is_acronym_of",
    "link_speakers",
    "mentioned",
    "merge_actors",
    "person_like",
    "read_actors",
    "read_role",
    "union_spans",
]


def mentioned(text: str, name: str) -> bool:
    """Whether the article names ``name`` (a person also by surname)."""
    return bool(_mentions(text, name, "person"))


def _mentions(text: str, name: str, kind: str) -> list[tuple[int, int]]:
    spans = find_mentions(text, name)
    if not spans and kind == "person" and len(name.split()) > 1:
        spans = find_mentions(text, name.split()[-1])
    return spans


def read_actors(ctx: Context) -> list[Actor]:
    """Every scanned name whose kind code is sure of (``code_kind``) or that the article names as a
    person (the cast): no model call. Measured on the 21 seeds and 5 variants against the model's
    lists (evals/baseline/full-fa55a89): F1 0.690 vs 0.687, kind accuracy 0.83 vs 0.76, and
    about 15 s an article saved; names code cannot sort ("Gigaloader", "Countdown") are left out
    rather than guessed."""
    text = ctx.article.text
    cast = cast_of(text, ctx.names)
    actors: list[Actor] = []
    seen: set[str] = set()
    for candidate in ctx.names:
        name = _without_title(candidate.text)
        if not name or name in seen:
            continue
        seen.add(name)
        kind = code_kind(name, text) or ("person" if cast.is_person(name) else None)
        if kind is None:
            continue
        spans = _mentions(text, name, kind)
        if spans:
            mentions = [Span(start=s, end=e) for s, e in spans]
            actors.append(Actor(name=name, kind=kind, role=read_role(text, name), mentions=mentions))
    return merge_actors(text, actors)


def _without_title(name: str) -> str:
    """ "White House Press Secretary Jen Psaki" -> "Jen Psaki"; a title alone ("White House Press
    Secretary") -> "" (not a name); "Associated Press" and "Secretary of State Mike Pompeo" stay."""
    words = name.split()
    heads = [i for i, w in enumerate(words) if w[:1].isupper() and w.casefold().rstrip(".") in TITLES]
    heads = [i for i in heads if words[i].casefold().rstrip(".") not in TITLE_MODIFIERS]
    if not heads:
        return name
    rest = words[heads[-1] + 1 :]
    if not rest:
        return ""
    return " ".join(rest) if all(w[:1].isupper() for w in rest) else name


_PLACE_WORDS = frozenset(
    (
        "street road avenue square bridge hall hotel mosque church cathedral temple airport station hospital "
        "stadium park river lake sea ocean mountain mount island islands city county province state district "
        "valley palace tower building market village region"
    ).split()
)


_ORG_NAMES = frozenset(
    "press galleries gallery program programme collection collections club team inc ltd fund funds alliance "
    "coalition movement".split()
)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ians?|eans?|ans|ish|is)")


def code_kind(name: str, text: str = "") -> ActorKind | None:
    """The kind code is sure of: a country it knows, an organisation by its words ("Civil
    Defense Authority", "Associated Press") or as an acronym, a place by its last word ("Grand
    Mosque", "London Bridge") or after "in/at/from" in the article ("in Herat"), a group for a
    people's name ("Afghans", "Gabonese"); else None."""
    words = name.split()
    if name in countries():
        return "country"
    if any(w.casefold() in ORG_WORDS or w.casefold() in _ORG_NAMES for w in words):
        return "organization"
    if words and words[-1].casefold() in _PLACE_WORDS:
        return "place"
    if len(words) > 1 and words[-1].casefold() in AGREEMENT_WORDS:
        return "other"
    if len(words) == 1 and 1 < len(name) <= 8 and name.isupper():
        return "organization"  # an acronym ("KPA"); not a shouted phrase ("IGNORE PREVIOUS INSTRUCTIONS")
    if len(words) == 1 and _DEMONYM.fullmatch(name):
        return "group"
    if text and any(
        _PLACE_BEFORE.search(text, max(0, at - 40), at) and not _CAPITAL_NEXT.match(text, end)
        for at, end in _exact_mentions(text, name)
    ):
        return "place"
    return None


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across)\s+(?:the\s+)?$")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def _exact_mentions(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` occurs as whole words. The readers below look at the few characters around
    each occurrence with one shared pattern, rather than compiling a pattern per name and
    scanning the whole text with it (a 200,000-character article has 2,000 names)."""
    if not (name[:1].isalnum() and name[-1:].isalnum()):
        return []
    return [(s, e) for s, e in find_mentions(text, name) if text[s:e] == name]


_ROLE_NOUNS = frozenset(
    (
        "president minister secretary spokesman spokeswoman spokesperson chancellor governor senator mayor "
        "general director chairman chairwoman chair ceo founder head chief leader member official officer "
        "commissioner ambassador judge lawyer attorney curator professor instructor lecturer teacher student "
        "major editor reporter journalist correspondent columnist analyst expert researcher scientist author "
        "writer actor actress singer artist musician player coach captain manager executive owner doctor "
        "nurse economist historian diplomat envoy representative adviser advisor aide candidate activist "
        "organizer organiser principal dean photographer producer host presenter anchor"
    ).split()
)


_APPOSITIVE = re.compile(r",\s+((?:the |a |an |his |her |its |their )?[a-z][^,.;:()“”\"\n]{2,80}?)\s*[,.;]")
_TITLE_RUN = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,4})$")


def read_role(text: str, name: str) -> str | None:
    """A role the article gives beside the name: an appositive naming a position ("Khaled
    Al-Maeena, editor at large at the Saudi Gazette, said") or a title right before it ("Prime
    Minister Theresa May"); None where it gives none, rather than a guess."""
    mentions = _exact_mentions(text, name)
    for _, end in mentions:
        if m := _APPOSITIVE.match(text, end):
            words = m.group(1).split()
            if len(words) <= 12 and any(w.casefold().rstrip("s") in _ROLE_NOUNS for w in words[:6]):
                return m.group(1)
    runs = [m for at, _ in mentions if (m := _TITLE_RUN.search(text, max(0, at - 200), at))]
    # the run that starts first, and of two starting together the longer (as one pattern over the text)
    titled = min(runs, key=lambda m: (m.start(), -m.end()), default=None)
    if titled:
        words = titled.group(1).split()
        keep: list[str] = []
        for word in reversed(words):
            bare = word.casefold().rstrip(".")
            if bare not in TITLES or (word.endswith(".") and bare not in ABBREVIATIONS):
                break  # "… the Associated Press. Alireza Mehraban": a full stop ends the title
            keep.insert(0, word)
        if keep:
            return " ".join(keep)
    return None


def merge_actors(text: str, actors: list[Actor]) -> list[Actor]:
    """Merge actors that are one entity ("Joe Biden" and "Biden"); the fuller name stays."""
    merged: list[Actor] = []
    for actor in sorted(actors, key=lambda a: -len(a.name)):
        words = set(actor.name.casefold().split())
        for kept in merged:
            kept_words = set(kept.name.casefold().split())
            same_kind = kept.kind == actor.kind or "other" in (kept.kind, actor.kind)
            same = words <= kept_words or actor.name.casefold() == kept.name.casefold()
            if words and ((same_kind and same) or is_acronym_of(actor.name, kept.name)):
                if actor.name != kept.name and actor.name not in kept.aliases:
                    kept.aliases.append(actor.name)
                kept.mentions = union_spans(kept.mentions + actor.mentions)
                kept.role = kept.role or actor.role
                break
        else:
            merged.append(actor.model_copy(deep=True))
    order = {a.name: min((m.start for m in a.mentions), default=0) for a in merged}
    return sorted(merged, key=lambda a: order[a.name])


def is_acronym_of(short: str, name: str) -> bool:
    """ "KCNA" for "Korean Central News Agency": the initials of the capitalised words."""
    if not (short.isupper() and 2 <= len(short) <= 8):
        return False  # checked first: merging a long article's actors asks this half a million times
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", name) if w[0].isupper()]
    return len(words) >= 2 and "".join(w[0] for w in words) == short


def _names_entity(name: str, actor: Actor) -> bool:
    """Whether ``name`` refers to ``actor``: its name or an alias, the end of one ("Mohib" for
    "Hamdullah Mohib"), or its acronym."""
    folded = name.casefold()
    for known in (actor.name, *actor.aliases):
        if folded == known.casefold() or is_acronym_of(name, known):
            return True
        if len(name) >= 3 and known.casefold().endswith(" " + folded):
            return True
    return False


def _kind_of(name: str) -> ActorKind:
    words = name.split()
    if known := code_kind(name):
        return known
    if person_descriptor(name):
        return "person"  # a speaker the article leaves unnamed: "One poster"
    if name.isupper() or any(w.casefold() in ORG_WORDS for w in words):
        return "organization"
    return "person" if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else "other"


def person_like(text: str, name: str) -> bool:
    """A scanned name that reads as a person's: two to four capitalised words, none an acronym,
    a number or a body ("Council"), and never after "in/at/from/near" (places: "in New York")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.isupper() or not w[:1].isupper() for w in words):
        return False
    if any(any(c.isdigit() for c in w) for w in words) or code_kind(name, text):
        return False
    return not any(_PLACE_OR_PART.search(text, max(0, at - 40), at) for at, _ in _exact_mentions(text, name))


_PLACE_OR_PART = re.compile(r"\b(?:in|at|near|from|to|across|of)\s+(?:the\s+)?$")


def _actor_in(text: str, name: str, kind: ActorKind) -> Actor:
    """An actor found by code rather than named by the model, with every mention of its name."""
    mentions = [Span(start=s, end=e) for s, e in find_mentions(text, name)]
    return Actor(name=name, kind=kind, role=read_role(text, name), mentions=mentions)


def link_speakers(text: str, fields: dict[str, Any], names: list[NameCandidate] | None = None) -> dict[str, Any]:
    """Whoever a quote or claim is attributed to is an actor, and is called by the actor's name:
    "KCNA" becomes "Korean Central News Agency" when that actor is listed, and a speaker the
    actors pass missed ("Jeff Rathke") is added with its mentions. Names the article never
    mentions are left as they are (grounding has already rejected them). Scanned ``names`` that
    read as people (``person_like``) are added too: the actors answer is capped, and a small
    model drops people in a long list (the election seed names 50)."""
    actors: list[Actor] = [a.model_copy(deep=True) for a in fields.get("actors", [])]
    for n in names or []:
        if person_like(text, n.text) and not any(_names_entity(n.text, a) for a in actors):
            actors.append(_actor_in(text, n.text, "person"))

    def canonical(name: str | None) -> str | None:
        if not name:
            return name
        for actor in actors:
            if _names_entity(name, actor):
                return actor.name
        actor = _actor_in(text, name, _kind_of(name))
        if actor.mentions:
            actors.append(actor)
        return name

    def own_name(name: str | None) -> str | None:
        """A speaker or source keeps its own name when the actor's name only adds words that are
        no part of it: a title or role ("Author Roger Stone", "NASA Administrator Charles
        Bolden"), an owner ("Reuters’ Luciana Lopez"), a place ("London Sadiq Khan"), or the rest
        of a headline ("Marine Le Pen Backs Trump"). A fuller name stays: "Lorena Paz Akin" for
        "Paz Akin", "Center for Responsive Politics", "Arizona Democratic Party"."""
        linked = canonical(name)
        if not name or not linked or len(name.split()) < 2 or linked == name:
            return linked
        inside = re.search(rf"(?<![\w’']){re.escape(name)}(?![\w’'])", linked)
        if not inside or code_kind(linked) == "organization":
            return linked
        before, after = linked[: inside.start()], linked[inside.end() :]
        if after.strip():
            return name
        if re.search(r"\b[a-z]+\s+$", before):
            return linked
        prefix = before.strip()
        junk = code_kind(prefix, text) in ("country", "place") or any(_not_a_name(w, text) for w in prefix.split())
        return name if junk else linked

    quotes = [q.model_copy(update={"speaker": own_name(q.speaker)}) for q in fields.get("quotes", [])]
    claims = [c.model_copy(update={"attributed_to": own_name(c.attributed_to)}) for c in fields.get("claims", [])]
    order = {a.name: min((m.start for m in a.mentions), default=0) for a in actors}
    return {**fields, "quotes": quotes, "claims": claims, "actors": sorted(actors, key=lambda a: order[a.name])}


def _not_a_name(word: str, text: str) -> bool:
    """A word before a name that is no part of it: a title, a role, a party or nationality
    ("Republican Donald Trump", "French far-right leader"), an owner, an acronym, a place."""
    bare = word.casefold().rstrip(".")
    return (
        word in PARTY_WORDS
        or word in demonyms()
        or bare in TITLES  # which holds the modifiers ("former", "acting") too
        or bare.rstrip("s") in _ROLE_NOUNS
        or word.endswith(("’", "'", "’s", "'s"))
        or (word.isupper() and len(word) > 1)
        or code_kind(word, text) in ("country", "place", "organization")
    )


def union_spans(spans: list[Span]) -> list[Span]:
    """Sorted spans with those inside another one dropped ("Biden" within "Joe Biden")."""
    ordered = sorted(spans, key=lambda m: (m.start, -m.end))
    out: list[Span] = []
    for m in ordered:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
