"""Quotations nothing beside them attributes, read from the discourse around them: a paragraph
that continues the previous quotation, the sentence before that reports someone's speech, the one
person a paragraph names. Split from speakers.py, which reads the attribution beside a quotation.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH
from ..scan.names import NameCandidate
from ..scan.quotes import QuoteCandidate
from .bodies import Bodies, bodies_of, descriptor_kind
from .carry import carry_speakers, own_cue
from .cast import Cast, cast_of
from .coref import talked_about
from .patterns import filler
from .phrases import inside_sentence, opens_sentence, paragraph_start, phrase_speaker
from .relayed import opening_subject

__all__ = ["discourse_speakers"]


_COMMUNICATES = re.compile(
    rf"\b(?:{SPEECH}|statement|promised|promising|defended|cited|citing|quoted|labell?ed|branded|termed|"
    r"praised|critici[sz]ed|condemned|welcomed|vowed|pledged|said)\b"
)


def _skipped(paragraph: str) -> bool:
    """A picture's caption or a scraper's filler line: the discourse goes on across it."""
    return bool(_CAPTION_RE.search(paragraph)) or filler(paragraph)


def discourse_speakers(
    text: str, quotes: list[QuoteCandidate], speakers: list[str | None], names: list[NameCandidate]
) -> list[str | None]:
    """Speakers for quotations nothing beside them attributes, read from the discourse (not one
    that continues a quotation whose cue describes its speaker: ``describe`` reads those):

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
    bodies = bodies_of(text, names)
    out = list(speakers)
    prev: int | None = None
    for i, q in enumerate(quotes):
        if q.nested:
            continue
        if out[i] is None and not _continues_described(text, quotes, out, prev, i):
            out[i] = _continued(text, quotes, out, prev, i, cast) or _from_context(text, q, cast, bodies)
            out[i] = out[i] or _answer(text, quotes, out, i, cast)
        prev = i
    return out


def _above(text: str, at: int) -> tuple[int, int]:
    """The paragraph before the one holding ``at`` (captions and filler lines skipped), as
    (start, end); (0, 0) when there is none."""
    end = paragraph_start(text, at) - 1
    while end > 0:
        start = paragraph_start(text, end)
        line = text[start:end]
        if line.strip() and not _skipped(line):
            return start, end
        end = start - 1
    return 0, 0


_INTERVIEWED = re.compile(r"\b(?:was|were) asked\b|\bspoke (?:with|to)\b|\binterview")
_QUESTION_RE = re.compile(r"[^\n]{3,300}\?[”\"’']?\.?\s*")


def _answer(text: str, quotes: list[QuoteCandidate], out: list[str | None], i: int, cast: Cast) -> str | None:
    """A quotation paragraph with no cue right after a question ("Why did you vote against it?",
    'Reporter: "Did you fail?"') answers it: the one who answered the previous question, else the
    only person the paragraph before the first question names ("The Globe spoke with Ms. Eze …")."""
    q = quotes[i]
    para = paragraph_start(text, q.start)
    if text[para : q.start].strip(" “\"‘'") or own_cue(text, q):
        return None
    start, end = _above(text, q.start)
    if not _QUESTION_RE.fullmatch(text, start, end):
        return None
    top, bottom = start, end
    while _QUESTION_RE.fullmatch(text, top, bottom):  # back to the paragraph before the questions
        top, bottom = _above(text, top)
    named = {p.name for p in cast.people for s, _, _ in p.mentions if top <= s < bottom}
    if bottom and len(named) == 1 and _INTERVIEWED.search(text, top, bottom):
        return named.pop()  # "Voss was asked about …", "The Globe spoke with Ms. Eze"
    for j in range(i - 1, -1, -1):  # the answer to an earlier question
        if quotes[j].nested or not out[j] or quotes[j].end > start:
            continue
        before = _above(text, quotes[j].start)
        lead = text[paragraph_start(text, quotes[j].start) : quotes[j].start].strip(" “\"‘'")
        if not lead and _QUESTION_RE.fullmatch(text, *before) and not own_cue(text, quotes[j]):
            return out[j]
    return named.pop() if bottom and len(named) == 1 else None


def _continues_described(
    text: str, quotes: list[QuoteCandidate], out: list[str | None], prev: int | None, i: int
) -> bool:
    """Whether quotation ``i`` directly continues one whose own cue describes its speaker ('“…,” said
    the son, who asked that his name not be used. “We just want him found.”'): the description
    reader names that speaker later and carries it here, so the discourse must not answer first."""
    if prev is None or out[prev] is not None or not own_cue(text, quotes[prev]):
        return False
    return carry_speakers(text, [quotes[prev], quotes[i]], ["?", None])[1] == "?"


def _continued(
    text: str, quotes: list[QuoteCandidate], out: list[str | None], prev: int | None, i: int, cast: Cast
) -> str | None:
    if prev is None or not out[prev] or not opens_sentence(text, quotes[i]) or own_cue(text, quotes[i]):
        return None
    between = text[quotes[prev].end : quotes[i].start]
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", between) if p.strip(" .,;:!?“”\"‘’'")]
    body = [p for p in paragraphs if not _CAPTION_RE.search(p) and not filler(p)]
    if body and not _same_subject(text, quotes[prev].end, quotes[i].start, out[prev], cast):
        return None  # a sentence about anything else breaks the chain; a picture's caption does not
    return out[prev]


_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_TRAILING_CUE = re.compile(r"[”\"’'\s,.!?]*[a-z]")  # '“I am still Sanders,” it read.': the sign's words
#: a reaction that introduces the next paragraph's quotation when it closes the paragraph above
_REACTS = re.compile(
    r"\b(?:smiled|laughed|shrugged|paused|sighed|nodded|grinned|bristled|winced|frowned|was (?:un\w+|blunter|"
    r"less \w+|more \w+|quiet|asked)|were (?:un\w+|less \w+))\b"
)
_SENTENCE_SUBJECT = re.compile(r"(?:^|[.!?]\s+)((?:[Tt]he|[Ii]ts|[Tt]heir)\s+[a-z]+|[A-Z][a-z]+)\b")


def _same_subject(text: str, start: int, end: int, speaker: str | None, cast: Cast) -> bool:
    """A paragraph or two of narration between two quotation paragraphs (after the previous
    quotation's own line) in which no one but the speaker is a subject, and no one's words are
    reported, keeps the speaker ("…," Garland said. / The fallout was … / "And if you looked …")"""
    start = text.find("\n", start, end)
    body = [p for p in re.split(r"\n\s*\n|\n", text[start:end]) if p.strip(" .,;:!?“”\"‘’'")]
    opens = not text[text.rfind("\n", 0, end) + 1 : end].strip(" “\"‘'")  # the quotation opens its paragraph
    if (
        start < 0
        or not opens
        or not 1 <= len(body) <= 2
        or any(_COMMUNICATES.search(p) or _ACCORDING.search(p) for p in body)
    ):
        return False
    who = cast.person(speaker) if speaker else None
    if who is None or any(descriptor_kind(m.group(1)) for m in _SENTENCE_SUBJECT.finditer(" ".join(body))):
        return False  # "The council met on Monday.": narration about a body or officials, not the speaker
    return all(p is who for p in cast.people if any(start <= s < end and not aside for s, _, aside in p.mentions))


def _from_context(text: str, q: QuoteCandidate, cast: Cast, bodies: Bodies) -> str | None:
    para = paragraph_start(text, q.start)
    lead = text[para : q.start]
    opens = opens_sentence(text, q)
    own = para
    if opens and not lead.strip(" “\"‘'"):  # a quotation that opens its paragraph: the paragraph before
        above = text[:para].rstrip()
        while above and _skipped(above[paragraph_start(above, len(above) - 1) :]):
            above = above[: paragraph_start(above, len(above) - 1)].rstrip()
        para = paragraph_start(text, len(above) - 1) if above else para
        lead = text[para : len(above)] if above else lead
    if inside_sentence(text, q):
        return phrase_speaker(text, q, cast, bodies)  # a phrase inside a sentence ('to "streamline" processing')
    sentences = [m for m in re.finditer(r"[^.!?]+(?:[.!?]+[”\"’']?|$)", lead) if m.group().strip(" “\"‘'")]
    for m in reversed(sentences[-2:] if opens else sentences[-1:]):
        # "Pyke smiled." / "Ferris was unimpressed." closing the paragraph above: the answer is theirs
        last = opens and m is sentences[-1] and own != para and not _TRAILING_CUE.match(text, q.end)
        reacts = _REACTS.search(m.group()) if last else None
        if not _COMMUNICATES.search(m.group()) and not reacts:
            continue
        start = para + m.start()
        subjects = [
            (s, p.name)
            for p in cast.people
            for s, _, oblique in p.mentions
            if start <= s < para + m.end() and not oblique and not talked_about(p, q.text)  # "“Samuel left …”"
        ]
        if subjects and reacts and not _COMMUNICATES.search(m.group()):
            verb = para + m.start() + reacts.start()  # "Asked whether Vance …, Pyke smiled": who smiled
            return max((s for s in subjects if s[0] < verb), default=min(subjects))[1]
        if subjects:
            return min(subjects)[1]
        pron = re.search(r"(?:^|[,;]\s|\.\s)\s*([Hh]e|[Ss]he)\b", m.group())
        if pron:
            return cast.pronoun(pron.group(1), start + pron.start(1))
    if not opens:
        return phrase_speaker(text, q, cast, bodies)  # 'The document, which …, "must be completed"'
    if own != para:
        return None
    named = {p.name for p in cast.people for s, _, _ in p.mentions if own <= s < q.start}
    return named.pop() if len(named) == 1 else opening_subject(text, own, q.start, cast)


_CAPTION_RE = re.compile(
    r"\b(?:Image|Photo|Photograph|Picture|Credit|Caption)\s*:|\(Photo\b|/(?:AP|Reuters|AFP|Getty)\b"
)
