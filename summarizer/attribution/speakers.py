"""Quote speakers: who says each quotation, read from the attribution beside it and the discourse.

News style puts the speaker beside the quotation (``“…,” Ruiz said``, ``Ruiz, the mayor, said:``);
where nothing beside it names anyone, the paragraph around it often does. Only a quotation none of
these readers attributes is left for the model.
"""

from __future__ import annotations

import re

from ..lexicon import ORG_WORDS, SPEECH, TITLE_ABBREVIATIONS
from ..scan.names import NameCandidate
from ..scan.quotes import CREDIT_LINE, QuoteCandidate
from .bodies import DESCRIPTOR, Bodies, bodies_of, descriptor_kind, named_appositive, person_descriptor
from .carry import carry_speakers
from .cast import Cast, cast_of, person_part
from .coref import previous_sentence, speaking_body, speech_pronoun, talked_about
from .discourse import discourse_speakers
from .patterns import ABBREVIATED_END, APPOSITIVE, BOUNDARY, NAME, PRONOUNS, next_stop, role_then_name
from .people import clean_name
from .phrases import (
    CLAUSE_WORDS,
    OTHER_VOICE,
    paragraph_end,
)
from .relayed import nearest_teller
from .unnamed import introduced, unnamed_pronoun

__all__ = ["adjacent_speakers", "attribute_quotes", "guess_speaker", "speaker_stages"]


_ADVERB = (
    r"(?:,?\s+(?:who|also|then|later|further|once|previously|again|has|had|have|publicly|reportedly|"
    r"(?:went|goes) on to))*"  # "Byrne went on to say", "X, 84, who said"
)


# "the rookie defenceman", "the union's president", "the minister"; a capitalised adjective is a
# modifier, no name ("the Swedish keeper", "the Liberal leader")
# ... ending in a lower-case head, or a chief officer's acronym ("the CEO said")
_NOT_CHIEF = r"(?!C[EFOT]O\b)"  # ... which is no name
_DESC = r"(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:(?:[a-z][\w’'-]*|[A-Z][\w.’'-]*),?\s+){0,3}?(?:[a-z][\w-]*|C[EFOT]O\b)"
_AFTER_RE = re.compile(
    rf"^[\s,.!?;:—–-]*(?:[”\"’']\s*)?,?\s*(?:(?:{SPEECH})\s+(?P<d1>{_DESC})(?=\s*[,.;!?]|\s*$|\s+(?:on|in|at|after|before|during|of)\b)"
    rf"|(?:So\s+)?(?P<v1>{SPEECH})\s+(?:(?:the\s+)?[a-z]+\s+)*?(?P<n1>{NAME})"
    rf"|(?:[a-z]+\s+){{0,3}}?(?P<n2>{_NOT_CHIEF}{NAME}|he|she|they|it){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b"
    rf"|(?P<d2>{_DESC}){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b"
    rf"|[—–-]\s*(?P<n3>{NAME})\s*$"
    # the sentence goes on past the quotation to its cue: '"…" including Lake Cowichan, it said.'
    rf"|[a-z][^.!?“”\"\n]{{0,60}}?,\s+(?P<n7>{NAME}|he|she|it|they)\s+(?:{SPEECH})\s*(?:[.]|$)"
    # a credit after a pull quote, then the title of the credited piece: '"…" Anonymous blogger, "Anon …"'
    rf"|\s*(?P<n5>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,3}}),\s*[“\"][^“”\"\n]{{2,120}}[”\"]\s*$"
    # "Birmingham City University criminology professor David Wilson told the press"
    rf"|(?:[a-z]+\s+)?(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:[a-z]+\s+){{1,3}}(?P<n4>{NAME}){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b)"
)
# "When asked for comment, he replied …": a clause's first word, not a name that speaks
_CLAUSE_OPENER = r"(?:When|If|As|After|Before|While|Once|Unless|Although|Though|Because|Since|Until|Asked)\b"
_BEFORE_RE = re.compile(
    rf"(?:(?!{_CLAUSE_OPENER})(?P<n1>{_NOT_CHIEF}{NAME}|[Hh]e|[Ss]he|[Tt]hey){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b[^.!?\"“”\n]{{0,150}}?[“\"‘']?$"
    # "Ruiz's spokesman said" (not "the ministry did not discuss Maisie's case but said": coordination)
    rf"|(?P<n3>{NAME})['’]s(?:\s+(?!(?:but|and)\b)[a-z]+){{1,8}}\s+(?:{SPEECH})\s*[:,]?\s*[“\"‘']?$"
    rf"|(?:according\s+to|[Ii]n\s+the\s+words\s+of)\s+(?P<n2>{NAME})[\s,:]*[“\"‘']?$"
    # "The Home Office letter reads", "the company's statement said": the body behind the document
    rf"|(?P<n4>{NAME})(?:['’]s)?\s+(?:letter|statement|report|document|website|guidance|memo|notice|post)\s+"
    rf"(?:reads|read|says|said|states|stated)\s*[:,]?\s*[“\"‘']?$"
    # coordination: "IRCC did not reveal any details, but said", "Ruiz declined to comment and added"
    rf"|(?:^|(?<=[.!?]\s)|(?<=,\s))(?:the\s+)?(?!(?:In|On|At|As|But|And|The|An?|After|When|While|If|It)\b)(?P<n6>{NAME})\s+[a-z][^.!?“”\"\n]{{3,150}}?,?\s+(?:and|but)\s+(?:also\s+|then\s+)?"
    rf"(?:{SPEECH})\s*[:,]?\s*[“\"‘']?$)"
)


_TOLD_RE = re.compile(rf"[\s,.!?;:”\"’']*(?:he|she)\s+(?:told|asked|answered|replied\s+to)\s+(?P<n>{NAME})")
_REPLY_RE = re.compile(r"[\s,.!?;:”\"’']*(?:he|she)\s+(?:replied|answered|responded)\b")
# between a description and the name of whom it describes: an appositive's comma (and a title:
# "said the study's senior author, Dr. Beatrice Lund"), or "by" its agent
_TITLE_ABBR = "|".join(sorted(w.capitalize() for w in TITLE_ABBREVIATIONS))
_AGENT_RE = re.compile(
    rf"^,?\s*(?:(?:{_TITLE_ABBR})\.?\s+)?$|\bby\s+(?:(?:the|its|his|her|their)\s+)?(?:[a-z]+\s+){{0,3}}$"
)
_RELATION_NAME_RE = re.compile(rf"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s+(?P<n>{NAME})")


# a named person and a verb of speech earlier in the sentence: "In Beijing, spokesperson Wang Lixin said China …"
_REPORTER_RE = re.compile(rf"(?!{_CLAUSE_OPENER})(?P<n>{NAME}){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b[^.!?]*$")


def _reporter(text: str, at: int, cast: Cast, pronoun: str) -> str | None:
    """The person named earlier in the sentence as the subject of a verb of speech, when the
    "he/she" at ``at`` stands inside what that person reports and has that person's gender."""
    start, sentence = previous_sentence(text, at)
    m = _REPORTER_RE.search(sentence)
    who = cast.person(cast.canonical(person_part(m.group("n")), start + m.start("n"))) if m else None
    gender = {"he": "m", "she": "f"}.get(pronoun.casefold())
    return who.name if who is not None and who.gender == gender else None


def _sentence_stop(text: str, at: int) -> int:
    """Where the sentence after ``at`` ends: not at a title's full stop ("…, Dr. Lund")."""
    stop = next_stop(text, at)
    while stop < len(text) and ABBREVIATED_END.search(text[at:stop].rstrip()[:-1]):
        stop = next_stop(text, stop)
    return stop


def _verb_at(span: str) -> int:
    """Where the first verb of speech in ``span`` starts (its length when there is none)."""
    v = re.search(rf"\b(?:{SPEECH})\b", span)
    return v.start() if v else len(span)


# "A leaked internal letter seen by Sky News says", "The city reasoned,", "One poster admitted …, writing":
# a descriptor that is the subject of its clause (a person's only at a clause's start, so "with one
# poster writing" is not), a document's wherever it stands ("all they get is a message stating");
# glued text starts a sentence right after a full stop ("working days.A leaked internal letter …")
_DESC_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[.!?;,:]\s)|(?<=[.!?][”\"’']\s)|(?<=[a-z)][.!?])(?=[A-Z])|{CLAUSE_WORDS})(?P<d>{DESCRIPTOR})"
    rf"(?:\s+(?:seen|obtained|received|sent|published|leaked|posted|quoted|issued)\s+by\s+(?:the\s+)?{NAME})?"
    rf"(?P<app>{APPOSITIVE}){_ADVERB}\s+(?:{SPEECH}|reads|read)\b[^.!?\"“”\n]{{0,150}}?[“\"‘']?$"
)
_DETERMINERS = {"the", "a", "an", "one", "another", "this", "that", "its", "their", "his", "her"}
_SHORT_END = r"(?:\s+[\w’'-]+){0,4}\s*(?:[.!?]|$)"
_OWNER_RE = re.compile(rf"(?P<p>{NAME})\s+of\s+(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+(?:(?:and|&)\s+)?)*$")
# the sentence before a quotation that opens a sentence: 'Heald noted the findings show … . "…"'
_QUOTED_IN = re.compile(r"(?:“|(?<=[\s:])\")(?:[^\s\"”]+\s+){4}")  # a quotation of its own in that sentence
_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")  # quoted words in a paragraph (curly or straight)
_LEAD_RE = re.compile(rf"(?P<n1>{_NOT_CHIEF}{NAME}){APPOSITIVE}{_ADVERB}\s+(?:{SPEECH})\b")


def _run(text: str, quote: QuoteCandidate) -> str:
    """The quotation and the quoted words after it in its paragraph (one speaker's run: "“…,” he
    said. “Dawson played great while I was out …”"), without the narration between them."""
    end = text.find("\n", quote.end)
    rest = text[quote.end : end if end >= 0 else len(text)]
    rest = rest[1:] if rest[:1] in '"”' else rest  # its own closing mark
    return " ".join([quote.text, *_QUOTED_RE.findall(rest)])


def guess_speaker(
    text: str,
    quote: QuoteCandidate,
    names: list[NameCandidate],
    previous: str | None = None,
    learned: dict[str, str] | None = None,
) -> str | None:
    """The speaker news style puts beside a quotation: ``“…,” Ruiz said`` / ``said Ruiz`` / ``Ruiz, the
    mayor, said: “…”`` / ``Obama tweeted:`` on the line above; a nearer teller first (``relayed``). A
    pronoun ("it added") is the previous quotation's speaker (``previous``), else the nearest person-like
    name before it. A surname is widened ("Ruiz" -> "Ana Ruiz"). None when nothing beside it names anyone."""
    after = text[quote.end : quote.end + 160].split("\n", 1)[0]
    line_start = text.rfind("\n", 0, quote.start) + 1
    base = max(line_start, quote.start - 200)
    before = text[base : quote.start]
    if not before.strip(" “\"‘'"):  # a quotation that opens its paragraph: 'Obama tweeted:' above it
        above = text[:line_start].rstrip()
        if above.endswith(":"):
            base = max(above.rfind("\n") + 1, len(above) - 200)
            before = above[base:]
    pronoun_at: int | None = None  # where a "he said:" before the quotation stands
    cast = cast_of(text, names)
    if (told := nearest_teller(text, quote, cast, after, before.rstrip("“\"‘' "))) and told[1]:
        return cast.descriptor(told[0], quote.start) or told[0]  # "He said his son told him, “…”"
    found, bodies = told[0] if told else None, bodies_of(text, names)
    m = None if told else _AFTER_RE.match(after)
    if m and m.group("n5") and not CREDIT_LINE.fullmatch(text, line_start, paragraph_end(text, quote.end)):
        m = None  # only a pull quote's paragraph ends with a credit line
    # after a quotation that ends its sentence, the next sentence's "X said" is X's own
    # statement unless it ends there: '…prayers." President Andrzej Duda remarked, "Today…'
    ends = re.search(r"[.!?]$", quote.text)
    # ("!" and "?" end the quotation, not the sentence: '"All the way!" Dawson shouted, shorthand for …')
    exclaims = quote.text.endswith(("!", "?")) and not re.search(r"[“\"‘]|\s'", after[m.end() :] if m else "")
    if m and (m.group("n2") or m.group("n4") or m.group("d2")) and ends and not exclaims:
        m = m if re.match(_SHORT_END, after[m.end() :]) else None
    if m:
        found = next((m.group(g) for g in ("n1", "n2", "n3", "n4", "n5", "n7") if m.group(g)), None)
        if found:
            found = BOUNDARY.split(found)[0]  # "said Bash. Charges …": the name ends the sentence
        role = role_then_name(after, m.end("n1")) if found and m.group("n1") else None
        if role and cast.is_person(person_part(role.group("n"))):
            found = role.group("n")  # "said Ayotte campaign manager Jon Kohan": the person after the role
        relative = _RELATION_NAME_RE.match(after, m.end()) if found and found.endswith(("’s", "'s")) else None
        if relative:  # "says Wise’s dad, Darrin": the relative, not Wise
            return cast.canonical(BOUNDARY.split(relative.group("n"))[0].rstrip("."), quote.start)
        stop = _sentence_stop(text, quote.end)
        later = [(s, p.name) for p in cast.people for s, _, _ in p.mentions if quote.end < s < stop]
        if found and m.group("n1") and not cast.is_person(person_part(found)):
            # a surname two people share ("says Greenspan … with her husband Michael Greenspan"): whom the Cast reads
            at = quote.end + m.start("n1")
            if owners := [p.name for p in cast.people for s, _, _ in p.mentions if s == at]:
                return owners[0]
            clause = [x for x in later if not re.search(r"[,“”\"]", text[at : x[0]])]
            if clause:  # "says Heart and Stroke senior manager Erin Kim, who … Impact Investing": the first person
                return min(clause)[1]
            if later:
                return max(later)[1]  # "said University of California, San Diego's chancellor, Pradeep Khosla."
        if not found and (m.group("d1") or m.group("d2")):
            # "said the rookie defenceman"; "the union said …, read by its spokesman Tom Okafor"
            desc = m.group("d1") or m.group("d2")
            # named right after the description ("said the coach, Ann Lee") or as the agent who read it out
            # ("the union said in a statement read by its spokesman Tom Okafor"); not in it ("a Carrier
            # executive") nor an object ("told reporters, pointing to Coach Amos Tindall")
            end = quote.end + m.end("d1" if m.group("d1") else "d2")
            later = [x for x in later if x[0] >= end and _AGENT_RE.search(text[end : x[0]])]
            if desc.split()[0].casefold() == "the" and (unnamed := introduced(text, desc.split()[-1], quote.start)):
                return unnamed  # "the man said" after "a man in his 50s who declined to give his name, said"
            who = cast.descriptor(desc, quote.start) or (max(later)[1] if later else None)
            return who or _descriptor_speaker(desc, quote.start, cast, bodies, names)
    lead = before.rstrip("“\"‘' ")
    if not found:
        m = _BEFORE_RE.search(lead)
        if m:
            found = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n6")
            group = next(g for g in ("n1", "n2", "n3", "n4", "n6") if m.group(g)) if found else "n1"
            # "… and Sadiq Khan. Tom Watson called", "… MV Namse Bangdzod. He added": the last sentence's, there
            cut = max((c.end() for c in BOUNDARY.finditer(found or "")), default=0)
            found, pronoun_at = (found[cut:], base + m.start(group) + cut) if found else (None, None)
            if group == "n1" and re.search(r"\b(?:by|to|of|from|with)\s+$", lead[: m.start(group)]):
                found = None  # "a letter seen by Sky News says": the agent of a passive is not the speaker
            if found and (re.fullmatch(DESCRIPTOR, found) or found.casefold() in _DETERMINERS):
                found = None  # "Officials told …", "The statement said": a descriptor, read below
            owner = _OWNER_RE.search(lead[: m.start(group)])
            if found and owner and cast.is_person(owner.group("p")):
                found = owner.group("p")  # "Matthew Ingram of The Globe and Mail dubbed …"
            elif found and group != "n6" and found.casefold() not in PRONOUNS and not cast.is_person(found):
                # "a Republican, Mark Amodei, has … telling": the person in the appositive (not one
                # the body's clause talks about: "IRCC did not reveal details of Ayo's file, but said")
                inside = [
                    (s, p.name)
                    for p in cast.people
                    for s, _, _ in p.mentions
                    if base + m.start() < s < base + m.start() + _verb_at(m.group(0))
                ]
                if inside:
                    found = min(inside)[1]
    if not found:
        d = _DESC_BEFORE_RE.search(lead)
        if d and not OTHER_VOICE.search(lead, d.end("d")):  # '…, with the Star reporting "…"': not theirs
            desc = d.group("d")
            if named := named_appositive(d.group("app")):  # "One news site, Znak.com, reported"
                found = named
            else:
                who = cast.descriptor(desc, quote.start) if descriptor_kind(desc) == "person" else None
                return who or _descriptor_speaker(desc, quote.start, cast, bodies, names)
    if not found and re.search(r"[.!?:]$", lead):
        sentence = re.split(r"(?<=[.!?])\s+", lead[:-1])[-1]
        # "a super PAC called Future45": a verb of naming before a name names, it does not speak
        hits = [
            h
            for h in _LEAD_RE.finditer(sentence)
            if not (h.group(0).endswith(("called", "dubbed")) and re.match(r"\s+[A-Z0-9]", sentence[h.end() :]))
        ]
        found = hits[-1].group("n1") if hits and not _QUOTED_IN.search(sentence) else None
    if not found:
        return None
    if found.casefold() in ("he", "she"):
        if unnamed := unnamed_pronoun(text, previous, found, quote.start, cast):
            return unnamed  # "A neighbouring business owner, who …, told me …" … "“…,” he says"
        own = pronoun_at is not None
        # the one addressed is not the speaker: "…,” he told Hannity"; "“…?” Ruiz asked. / “…,” she replied"
        to = _TOLD_RE.match(after)
        asker = previous if _REPLY_RE.match(after) and "?" in text[max(0, quote.start - 300) : quote.start] else None
        addressee = cast.canonical(to.group("n"), quote.end) if to else asker
        at = quote.start if pronoun_at is None else pronoun_at
        if own and (teller := _reporter(text, at, cast, found)):
            return teller  # "Wang said China … urged … what he called “…”": the one whose words these are
        last = None if previous == addressee else previous
        who = speech_pronoun(cast, found, at, learned, own=own, quoted=quote.text, exclude=addressee) or cast.pronoun(
            found, quote.start, last, learned, quoted=quote.text, exclude=addressee
        )
        person = cast.person(who) if who else None
        if person is not None and talked_about(person, _run(text, quote)):  # "“…,” he said. “Dawson played …”"
            last = None if previous == who else previous
            return cast.pronoun(found, quote.start, last, quoted=quote.text, exclude=who)
        return who
    if found.casefold() == "it" and (body_name := speaking_body(cast, bodies, quote.start)):
        return body_name  # '"…," it said': the organisation that was saying something
    if found.casefold() in PRONOUNS:
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
    body = bodies.find(found)
    if body is not None and not cast.is_person(found):
        # "The Home Office letter reads": the fullest form of its name; "The Straits Times" as written
        return found if re.sub(r"^The\s+", "", found) == body.name else body.name
    found = cast.canonical(person_part(found), quote.start)
    person = cast._person_in(found, quote.start)
    if person is not None:
        return person.name
    if len(found.split()) >= 2:
        return found
    fuller = [n.text for n in names if n.text.endswith(" " + found) and len(n.text.split()) >= 2]
    return min(fuller, key=len) if fuller else found


def _descriptor_speaker(
    phrase: str, at: int, cast: Cast, bodies: Bodies, names: list[NameCandidate] | None = None
) -> str | None:
    """A descriptor the Cast could not resolve by its words: the body it stands for ("the city"
    -> Municipality of Livorno, "a letter" -> its issuer, "the company" -> the organisation just
    named as saying something), else with ``names`` the person the sentence before is about ("the
    lanky, bespectacled professor said" after "Schuh is aware …"), else an unnamed person in the
    article's words ("One poster"), else None."""
    found = bodies.resolve(phrase, at, cast)
    if found or names is None:
        return found or person_descriptor(phrase)
    kind = descriptor_kind(phrase)
    if kind in ("body", "city", "government", "document"):  # "The statement also said": whose statement
        return speaking_body(cast, bodies, at)
    if kind in (None, "person") and phrase.split()[0].casefold() == "the":
        return speech_pronoun(cast, "the", at) or person_descriptor(phrase)
    return person_descriptor(phrase)


def adjacent_speakers(text: str, quotes: list[QuoteCandidate], names: list[NameCandidate]) -> list[str | None]:
    """The cue beside each quotation, read in order so that pronouns and continuations can lean
    on the previous quotation's speaker (the first reader of ``attribute_quotes``)."""
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
    return speakers


def speaker_stages(
    text: str, quotes: list[QuoteCandidate], names: list[NameCandidate]
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """(the cue beside each quotation, after carrying, the speakers) as ``attribute_quotes`` reads them:
    the stages tell ``provenance`` which reader gave a speaker without reading the article twice."""
    adjacent = adjacent_speakers(text, quotes, names)
    carried = carry_speakers(text, quotes, adjacent)
    found = discourse_speakers(text, quotes, carried, names)
    # a speaker the discourse found is carried on as well ("…," the statement said. "…")
    new = {w for w, c in zip(found, carried, strict=True) if w != c}
    found = [w if w or c not in new else c for w, c in zip(found, carry_speakers(text, quotes, found), strict=True)]
    cast = cast_of(text, names)
    cleaned = [clean_name(w) for w in found]  # "Trump’s" -> Trump, the fullest name the article gives
    final = [
        c if c == w or not c else cast.canonical(c, q.start) for w, c, q in zip(found, cleaned, quotes, strict=True)
    ]
    return adjacent, carried, final


def attribute_quotes(text: str, quotes: list[QuoteCandidate], names: list[NameCandidate]) -> list[str | None]:
    """Speakers for every quotation: the cue beside it, then carried and discourse readers."""
    return speaker_stages(text, quotes, names)[2]
