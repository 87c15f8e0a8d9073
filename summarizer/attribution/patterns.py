"""Regular-expression pieces that the cast, the quote speakers and the claim sources all read with.

Shared here so that a verb of speech or a name is recognised the same way everywhere: quotes and
claims must agree on who said what.
"""

from __future__ import annotations

import re

__all__ = ["APPOSITIVE", "BOUNDARY", "NAME", "PRONOUNS", "SPEECH", "filler", "next_stop"]


SPEECH = (
    r"said|says|say|told|tells|added|adds|explained|stated|wrote|writes|asked|replied|warned|noted|"
    r"argued|claimed|insisted|declared|announced|commented|remarked|continued|concluded|recalled|stressed|"
    r"tweeted|posted|observed|admitted|acknowledged|urged|responded|testified|reported|"
    r"stating|saying|adding|writing|noting|telling|explaining|warning|"
    r"called|calls|dubbed|described|characterized|characterised|reasoned|cautioned|quipped|joked|shouted|"
    r"notes|states|argues|warns|insists|recalls|explains|comments|remarks|replies|responds|talked|spoke|"
    r"suggested|suggests|echoed|echoes|chanted|chants|wondered|wonders|mentioned|confirmed|confirms|blurted|"
    r"recounted|recounts|conceded|concedes|vowed|vows|pledged|predicted|promised|countered|complained|"
    r"lamented|boasted|bragged|admits|announces|acknowledges|tweets|writing"
)


# a word of a name may hold full stops ("U.S.", "Jr."), not glued text's lost sentence break
# ("Staffordshire.Lucy Fischer": a stop before a capitalised word is where one sentence ended)
_WORD = r"[A-Z](?:[\w’'-]|\.(?![A-Z][a-z]))+"
NAME = rf"(?<![\w-]){_WORD}(?:\s+(?:(?:of|de|van|von|bin|da)\s+)?(?:al-|el-)?{_WORD})*"
# ", the State Department Spokesperson," / ", curator at the University of Arkansas, Fayetteville,"
APPOSITIVE = r"(?:(?:,[^,\"“”\n]{2,80}){1,2},)?"


PRONOUNS = ("he", "she", "they", "it")


# a full stop that ends a sentence inside a scanned run ("Bash. Charges"), not "Mr. " or "Jr. "
BOUNDARY = re.compile(r"(?<=\w\w)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!Mrs|Gen|Sen|Rep|Gov|Col)\.\s+(?=[A-Z])")


def next_stop(text: str, at: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[at:])
    return at + m.end() if m else len(text)


# what scrapers leave between paragraphs: a lone " ." line, "Article Continued Below", "Story continues
# below advertisement", a "READ MORE: …" or "WATCH: …" link to another story
_FILLER_RE = re.compile(
    r"\s*(?:[^\w\n]*|(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE)\s*:[^\n]*"
    r"|(?i:article\s+continue[sd]\s+below|story\s+continues\s+below(?:\s+advertisement)?|advertisement))\s*"
)


def filler(paragraph: str) -> bool:
    """A line that is no part of the story: wordless, or a scraper's or page's boilerplate."""
    return _FILLER_RE.fullmatch(paragraph) is not None
