"""PolNeAR's direct quotations as a second pool for quote speakers (../shared/devsets/polnear).

GGT's study half holds 38 articles: too few to write speaker rules that hold on articles nobody
studied. PolNeAR labels who said each passage its annotators marked as attributed, so every
passage in quotation marks inside an attribution's ``content`` whose ``source`` names someone
(``polnear.source_names``) is a direct quotation with a known speaker.

* **Labels.** A *passage* is an opening quotation mark up to its closing mark, or up to the end
  of its paragraph (a quotation running over several paragraphs reopens each one). A passage is
  labelled by the innermost attribution whose content spans hold at least half of it ("X said Y
  called it “a disaster”": Y's); when that attribution's source names nobody ("he said") the
  passage is left out, since the label does not say whom the pronoun means. Names are read by
  ``polnear.source_names``.
* **Matching** as for GGT (``ggt.SPAN_F1``): character spans overlapping with F1 >= .5, one to one.
* **Speaker accuracy**: matched passages whose predicted speaker names a source name
  (``common.names_match``). **Recall**: matched / labelled passages. **Extra**: predicted quotes
  that overlap no attribution's content at all (PolNeAR marks every attribution, so those are
  titles or scare quotes), reported as a count, not a precision: the annotators did not aim at
  quotation marks.

Code-only, with the same reading of quotes as ``ggt.code_quotes``, or the pipeline's quotes
(``score_summary``); reported inside ``summarize eval --devset polnear [--code-only]`` as a
table of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..scoring import greedy_match
from .common import names_match, opening, quote_miss_lines, ratio
from .ggt import SPAN_F1, as_dicts, code_quotes, span_f1

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..models import Summary
    from . import DevArticle

    NamesOf = Callable[[str | None, str], list[str]]

__all__ = ["KEYS", "code_only", "labels", "metrics", "passages", "render_lines", "score", "score_summary"]

KEYS = ("q_labels", "q_found", "q_right", "q_extra")

# “…” (or up to the paragraph's end), and "…" within one paragraph
_PASSAGE = re.compile(r"“[^“”\n]*(?:”|(?=\n)|$)|\"[^\"\n]+\"")


def passages(text: str) -> list[tuple[int, int]]:
    """Character spans of the passages in quotation marks, marks included (empty ones left out)."""
    return [(m.start(), m.end()) for m in _PASSAGE.finditer(text) if re.search(r"\w", m.group())]


def _inside(span: tuple[int, int], spans: list[list[int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in spans)


def labels(data: dict[str, Any], names_of: NamesOf) -> list[dict[str, Any]]:
    """The passages of a PolNeAR record whose innermost attribution names its source:
    ``start``, ``end``, ``quote``, ``names`` (what a right speaker may be), ``source`` (as written).
    ``names_of(source, text)`` is ``polnear.source_names`` (passed in: polnear imports this module)."""
    text = data.get("text", "")
    attributions = [a for a in data.get("attributions", []) if (a.get("content") or {}).get("spans")]
    out = []
    for span in passages(text):
        holders = [a for a in attributions if 2 * _inside(span, a["content"]["spans"]) >= span[1] - span[0]]
        if not holders:
            continue
        inner = min(holders, key=lambda a: sum(e - s for s, e in a["content"]["spans"]))
        source = (inner.get("source") or {}).get("text")
        names = names_of(source, text)
        if names:
            out.append(
                {"start": span[0], "end": span[1], "quote": text[span[0] : span[1]], "names": names, "source": source}
            )
    return out


def score(data: dict[str, Any], predicted: list[dict[str, Any]], names_of: NamesOf) -> dict[str, Any]:
    """Counts and misses of ``predicted`` quotes (``text``, ``speaker``, ``start``, ``end``)."""
    wanted = labels(data, names_of)
    contents = [s for a in data.get("attributions", []) for s in (a.get("content") or {}).get("spans") or []]
    matches = greedy_match(
        predicted, wanted, lambda p, w: span_f1((p["start"], p["end"]), (w["start"], w["end"])), SPAN_F1
    )
    misses: list[dict[str, Any]] = []
    right = 0
    for i, j, _ in sorted(matches, key=lambda m: wanted[m[1]]["start"]):
        got = predicted[i]["speaker"]
        if any(names_match(got, n) for n in wanted[j]["names"]):
            right += 1
        else:
            misses.append(
                {"kind": "speaker", "quote": opening(wanted[j]["quote"]), "expected": wanted[j]["source"], "got": got}
            )
    matched_l = {j for _, j, _ in matches}
    misses += [
        {"kind": "missed", "quote": opening(w["quote"]), "expected": w["source"]}
        for j, w in enumerate(wanted)
        if j not in matched_l
    ]
    extra = 0
    for q in predicted:
        if not any(span_f1((q["start"], q["end"]), (s, e)) > 0 for s, e in contents):
            extra += 1
            misses.append({"kind": "extra", "quote": opening(q["text"]), "got": q["speaker"]})
    return {
        "q_labels": len(wanted),
        "q_found": len(matches),
        "q_right": right,
        "q_extra": extra,
        "quote_misses": misses,
    }


def code_only(article: DevArticle, names_of: NamesOf) -> dict[str, Any]:
    """The quotes and speakers code reads for ``article``, scored against its quoted attributions."""
    return score(article.data, code_quotes(article.text, f"polnear/{article.id}"), names_of)


def score_summary(data: dict[str, Any], summary: Summary, names_of: NamesOf) -> dict[str, Any]:
    """The pipeline's quotes (code's speakers, the model's where code read none) against the labels."""
    return score(data, as_dicts(summary.quotes), names_of)


def metrics(sums: dict[str, int]) -> dict[str, Any]:
    """Ratios of one half's summed ``KEYS``."""
    return {
        "q_recall": ratio(sums.get("q_found", 0), sums.get("q_labels", 0)),
        "q_speaker_accuracy": ratio(sums.get("q_right", 0), sums.get("q_found", 0)),
    }


def render_lines(report: dict[str, Any]) -> list[str]:
    """Markdown: the quotations table per half, then the study half's quotation misses."""
    m = report["metrics"]
    if not any(m[p].get("q_labels") for p in m):
        return []
    lines = [
        "",
        f"## Direct quotations with a named source ({report['mode']} speaker)",
        "",
        "| part | quoted passages | found | speaker accuracy | extra (on no attribution) |",
        "|---|---|---|---|---|",
    ]
    for part, s in m.items():
        if s.get("articles"):
            lines.append(
                f"| {part} | {s['q_labels']} | {s['q_recall']} ({s['q_found']}) | "
                f"{s['q_speaker_accuracy']} ({s['q_right']}/{s['q_found']}) | {s['q_extra']} |"
            )
    lines += quote_miss_lines(
        report["articles"], "quote_misses", "### Quotation misses (study half only)", "on no attribution"
    )
    return lines
