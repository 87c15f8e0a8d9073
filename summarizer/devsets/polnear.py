"""PolNeAR dev set: who claims what, as a claim's ``attributed_to`` (../shared/devsets/polnear).

Scored on attributions with a **named source**: PolNeAR's ``source`` is the mention as written
("he", "who", "the campaign", "Mr. Biden"), so an attribution counts only when its source text
holds a name: a capitalised run of words other than a determiner or pronoun opening it ("The",
"He", "Some"), a title alone ("President"), a party or group plural ("Republicans", "Democrats"),
a day or month, words the article also writes in lower case (a sentence's first word: "Voters",
"Less than a third"), one word modifying the next ("Democratic front-runner", "Trump supporters").
Pronoun sources ("he", 15% of all) are left out rather than resolved: the label does not say
whom they mean. A predicted name is right when it names one of those names
(``common.names_match``: surname, full name, acronym; never a possessive or a pronoun); a
possessor counts only when the source holds no other name ("Clinton’s campaign" -> Clinton,
"Trump’s adviser Stephen Miller" -> Miller).

* **Pipeline** (``score``): an attribution is *matched* by the returned claim whose text best
  matches its content: content-word F1 >= ``CONTENT_F1`` (0.5), or the claim holds the whole
  content; among several, the claim whose evidence lies on the content (``best_claim``).
  ``match_rate`` = matched / named; ``accuracy`` = claims whose ``attributed_to`` names the
  source / matched.
* **Code-only** (``code_only``): claims are the model's choice in the pipeline, so, as
  ``evals/attribution_check.py`` does for the seeds, each attribution is paired with the body
  sentence that holds the start of its content, and that sentence's source as code reads it
  (``attribution.sources``) is scored: ``accuracy`` = right / named (every named attribution has
  a sentence), ``read`` = sentences with any source, ``read_right`` = right / read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..grounding import content_tokens, normalize
from ..scan.names import TITLES
from ..scoring import token_f1
from . import polnear_quotes  # direct quotations' speakers: a second pool beside GGT's
from .common import PARTS, names_match, opening, ratio, sum_parts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..models import Claim, Summary
    from . import DevArticle

__all__ = [
    "CONTENT_F1",
    "aggregate",
    "best_claim",
    "code_only",
    "named_attributions",
    "render",
    "score",
    "source_names",
]

CONTENT_F1 = 0.5

_OPENERS = frozenset(
    "the a an he she they it we i you his her their its our my this that these those who which some many most "
    "all one both several few other another any each every no".split()
)
_GROUPS = frozenset(
    "republicans democrats conservatives liberals progressives independents americans evangelicals "
    "christians muslims catholics europeans latinos hispanics tories".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_RUN = re.compile(r"[A-Z][\w.’'&-]*(?:\s+(?:(?:of|for|and|the|de|van|von)\s+)*[A-Z][\w.’'&-]*)*")


def source_names(source: str | None, text: str = "") -> list[str]:
    """The names a PolNeAR source text holds (see the module doc); empty when it names nobody.
    ``text`` is the article: a capitalised run whose every word the article also writes in lower
    case ("Less than a third", "Opinion polls") is a common phrase opening a sentence."""
    if not source:
        return []
    lowered = set(re.findall(r"\b[a-z][\w’'-]*", text))
    plain: list[str] = []
    owners: list[str] = []
    for m in _RUN.finditer(source):
        words = m.group().split()
        while words and words[0].casefold() in _OPENERS:
            words = words[1:]
        while words and words[-1].casefold() in ("of", "for", "and", "the"):
            words = words[:-1]
        if not words:
            continue
        possessive = re.search(r"['’]s?$", words[-1]) is not None
        name = re.sub(r"['’]s?$", "", " ".join(words))
        folded = [w.casefold().rstrip(".") for w in name.split()]
        if all(w in TITLES for w in folded) or (len(folded) == 1 and folded[0] in _GROUPS | _CALENDAR):
            continue
        if all(w in lowered for w in folded):
            continue  # "Less than a third", "Voters": a sentence's first word, not a name
        after = re.match(r"\s+([a-z][\w’'-]*)", source[m.end() :])
        if len(folded) == 1 and not possessive and after and not after.group(1).endswith("self"):
            continue  # "Democratic presidential front-runner", "Trump supporters": a modifier
        (owners if possessive else plain).append(name)
        while len(folded) > 1 and folded[0] in TITLES:  # "President Obama" is Barack Obama too
            folded = folded[1:]
            if len(folded) == 1 or folded[0] not in TITLES:
                (owners if possessive else plain).append(" ".join(name.split()[-len(folded) :]))
        if " of " in name and not possessive:  # "Sen. Bernie Sanders of Vermont": Sanders too
            plain.append(name.split(" of ")[0])
    return plain or owners


def named_attributions(data: dict[str, Any]) -> list[tuple[dict[str, Any], list[str]]]:
    """Every attribution with a named source, with the names it may be given."""
    out = []
    for a in data.get("attributions", []):
        names = source_names((a.get("source") or {}).get("text"), data.get("text", ""))
        if names and a.get("content") and a["content"].get("spans"):
            out.append((a, names))
    return out


def _right(got: str | None, names: list[str]) -> bool:
    return any(names_match(got, n) for n in names)


def code_only(article: DevArticle) -> dict[str, Any]:
    """Each named attribution's content sentence and the source code reads for it."""
    from ..article import Article
    from ..fields.base import Context

    ctx = Context.of(Article.from_text(article.text, source=f"polnear/{article.id}"))
    sources = ctx.sources()
    named = read = right = 0
    misses = []
    for a, names in named_attributions(article.data):
        named += 1
        sentence = ctx.article.sentence_at(a["content"]["spans"][0][0])
        got = sources.get(sentence.index, (None, None, (0, 0)))[0] if sentence else None
        read += got is not None
        if _right(got, names):
            right += 1
        else:
            misses.append({"content": opening(a["content"]["text"]), "expected": a["source"]["text"], "got": got})
    return {
        "named": named,
        "read": read,
        "right": right,
        "matched": 0,
        "misses": misses,
        **polnear_quotes.code_only(article, source_names),
    }


def _claim_matches(content: str, claim: str) -> float:
    f1 = token_f1(content_tokens(claim), content_tokens(content))
    inside = " ".join(normalize(content).split()) in " ".join(normalize(claim).split())
    return max(f1, 1.0 if inside and content_tokens(content) else 0.0)


def _at(claim: Claim, spans: list[list[int]]) -> bool:
    """Whether the claim's evidence overlaps the attribution's content where the article has it."""
    return any(e.start < end and start < e.end for e in claim.evidence for start, end in spans)


def best_claim(attribution: dict[str, Any], claims: list[Claim]) -> Claim | None:
    """The returned claim that matches the attribution's content (content-word F1 >= ``CONTENT_F1``,
    or it holds the whole content), the one at the content's place in the article first: a short
    content ("Clinton", "a second child") is inside many claims, and a claim made elsewhere is not
    this attribution's. (Requiring the place as well, on PolNeAR's study half with simulated claims
    (evals/claims_sim.py), matched 185 instead of 198 and right 96 instead of 98.)"""
    content = attribution["content"]["text"]
    spans = attribution["content"]["spans"]
    found = []
    for c in claims:
        f1 = _claim_matches(content, c.text)
        here = _at(c, spans)
        if f1 >= CONTENT_F1:
            found.append((here, f1, c))
    return max(found, key=lambda x: (x[0], x[1]))[2] if found else None


def score(article: DevArticle, summary: Summary) -> dict[str, Any]:
    """The pipeline's claims: which named attributions a claim matches, and its ``attributed_to``."""
    labels = [(a, a["source"]["text"], names) for a, names in named_attributions(article.data)]
    counts = score_claims(labels, summary.claims, _right)
    return counts | polnear_quotes.score_summary(article.data, summary, source_names)


def score_claims(
    labels: Iterable[tuple[dict[str, Any], str, Any]],
    claims: list[Claim],
    right: Callable[[str | None, Any], bool],
) -> dict[str, Any]:
    """Counts and misses of ``claims`` against labelled claims, each ``(label with a content, the
    expected source as written, what ``right(attributed_to, ·)`` checks against)``: the one loop
    behind PolNeAR's attributions and GGT's reported speech (``ggt_claims``)."""
    named = matched = read = hits = 0
    misses = []
    for label, expected, names in labels:
        named += 1
        best = best_claim(label, claims)
        if best is None:
            continue
        matched += 1
        read += best.attributed_to is not None
        if right(best.attributed_to, names):
            hits += 1
        else:
            misses.append(
                {
                    "content": opening(label["content"]["text"]),
                    "expected": expected,
                    "got": best.attributed_to,
                    "claim": opening(best.text, 14),
                }
            )
    return {"named": named, "matched": matched, "read": read, "right": hits, "misses": misses}


_KEYS = ("named", "matched", "read", "right")


def aggregate(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    """Per half and overall: match rate and accuracy (pipeline), or accuracy of the sentence's source (code-only)."""
    out: dict[str, Any] = {}
    for part, s in sum_parts(per_article, _KEYS + polnear_quotes.KEYS).items():
        out[part] = {
            **polnear_quotes.metrics(s),
            **s,
            "match_rate": ratio(s["matched"], s["named"]),
            # pipeline: right among matched claims; code-only (nothing matched): right among all named
            "accuracy": ratio(s["right"], s["matched"] or s["named"]),
            "read_right": ratio(s["right"], s["read"]),
        }
    return out


def render(report: dict[str, Any]) -> str:
    """Markdown: the table per half, then the study half's misses (the test half is only scored)."""
    m = report["metrics"]
    pipeline = report["mode"] == "pipeline"
    lines = [
        f"# PolNeAR dev set ({report['mode']}, part {report['part']}, {report['wall_seconds']} s)",
        "",
        "| part | articles | named attributions | "
        + ("matched by a claim | attributed_to right" if pipeline else "sentence source right")
        + " | source read | right of read |",
        "|---" * (7 if pipeline else 6) + "|",
    ]
    for part in PARTS:
        s = m[part]
        if not s["articles"]:
            continue
        cells = [part, s["articles"], s["named"]]
        if pipeline:
            cells.append(f"{s['match_rate']} ({s['matched']})")
        cells += [f"{s['accuracy']} ({s['right']})", s["read"], s["read_right"]]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    study = [a for a in report["articles"] if a["part"] == "study" and a["misses"]]
    if study:
        lines += ["", "## Misses (study half only)", ""]
    for a in study:
        lines.append(f"- **{a['id']}**")
        lines += [f"  - «{x['content']}»: expected {x['expected']!r}, got {x['got']!r}" for x in a["misses"]]
    return "\n".join(lines + polnear_quotes.render_lines(report)) + "\n"
