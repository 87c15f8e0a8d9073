"""GGT's indirect quotations as claims: a second pool for a claim's ``attributed_to`` beside PolNeAR.

The Gender Gap Tracker's annotators (../shared/devsets/ggt) labelled reported speech as well as
direct quotations: a ``quote`` that does not open with a quotation mark ("Mr. Hemming argued that
the move disadvantaged his group") is an **indirect quotation**, a claim its ``reference`` makes.
They are scored as PolNeAR's attributions are, by ``polnear.score_claims``: a returned claim matches a
quotation when content-word F1 >= .5 (or it holds the whole quotation), the claim at the
quotation's place first; it is *right* when its ``attributed_to`` names the ``reference``
(``common.names_match``: surname, full name, acronym; never a pronoun or a possessive).

Only quotations whose ``reference`` holds a name count ("Sean Dunphy", "BC Hydro"); "some critics",
"the city", "members", "Nutrition experts" name nobody, and no ``attributed_to`` could be checked
against them. ``code_only`` scores every such quotation's sentence source instead (a larger
sample than the few quotations a claim matches).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import polnear
from .common import names_match, opening, ratio, sum_parts

if TYPE_CHECKING:
    from ..models import Summary
    from . import DevArticle

__all__ = ["KEYS", "aggregate", "code_only", "indirect_claims", "named_reference", "score", "score_claims"]

_MARKS = "\"“”‘’'«»„"
_OPENERS = frozenset("the a an some many most several few one two three other others".split())
KEYS = ("named", "matched", "read", "right")


def named_reference(reference: str | None, text: str = "") -> bool:
    """Whether a label's ``reference`` holds a name: a capitalised word that is not a determiner
    ("Kim and Clark Moran", "BC Hydro"; not "some critics", "the city", "The department"), nor,
    as PolNeAR's scorer reads it, a word the article ``text`` also writes in lower case ("Nutrition
    experts" opening a sentence)."""
    lowered = set(re.findall(r"\b[a-z][\w’'-]*", text))
    words = re.findall(r"[\w’'.-]+", reference or "")
    return any(w[:1].isupper() and w.casefold() not in _OPENERS and w.casefold() not in lowered for w in words)


def indirect_claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's indirect quotations with a named reference and offsets, each as PolNeAR's
    attribution shape (``content`` with ``text`` and ``spans``) plus its ``reference``."""
    out = []
    for q in data.get("quotations", []):
        quote = str(q.get("quote") or "")
        if quote[:1] in _MARKS or not quote.strip() or q.get("start") is None or q.get("end") is None:
            continue
        if named_reference(q.get("reference"), str(data.get("text", ""))):
            out.append({"content": {"text": quote, "spans": [[q["start"], q["end"]]]}, "reference": q["reference"]})
    return out


def score_claims(data: dict[str, Any], claims: list[Any]) -> dict[str, Any]:
    """Counts and misses of ``claims`` (``models.Claim``) against the record's indirect quotations."""
    labels = [(label, label["reference"], label["reference"]) for label in indirect_claims(data)]
    return polnear.score_claims(labels, claims, names_match)


def code_only(article: DevArticle) -> dict[str, Any]:
    """Each quotation's sentence (the one holding its start) and the source code reads for it, as
    ``polnear.code_only`` scores PolNeAR: every quotation, not only those a claim happens to match
    (``matched`` stays 0, so ``aggregate``'s ``accuracy`` is right / named)."""
    from ..article import Article
    from ..fields.base import Context

    ctx = Context.of(Article.from_text(article.text, source=f"ggt/{article.id}"))
    sources = ctx.sources()
    named = read = right = 0
    misses = []
    for label in indirect_claims(article.data):
        named += 1
        sentence = ctx.article.sentence_at(label["content"]["spans"][0][0])
        got = sources.get(sentence.index, (None, None, (0, 0)))[0] if sentence else None
        read += got is not None
        if names_match(got, label["reference"]):
            right += 1
        else:
            misses.append({"content": opening(label["content"]["text"]), "expected": label["reference"], "got": got})
    return {"named": named, "matched": 0, "read": read, "right": right, "misses": misses}


def score(article: DevArticle, summary: Summary) -> dict[str, Any]:
    """The pipeline's claims against the article's indirect quotations."""
    return score_claims(article.data, list(summary.claims))


def aggregate(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    """Per half and overall: ``match_rate`` = matched / named, ``accuracy`` = right / matched (claims),
    or right / named (``code_only``: nothing matched)."""
    return {
        part: {
            **s,
            "match_rate": ratio(s["matched"], s["named"]),
            "accuracy": ratio(s["right"], s["matched"] or s["named"]),
        }
        for part, s in sum_parts(per_article, KEYS).items()
    }
