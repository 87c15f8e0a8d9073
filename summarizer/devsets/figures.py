"""Score figures on the hand-labelled figures dev set (``../shared/devsets/figures``).

Labels become :class:`~summarizer.labels.LabelFigure` and are matched with the project's own rule
(``scoring._fig_sim``: equal values, the closest text first), one to one and greedy, with one
addition the seeds cannot have: the set gives offsets, so a figure must also overlap one of the
label's mentions. Equal values ("0.1 per cent" three times in a market report) then pair with the
mention they sit on, and "a year" is not taken for the label "a penny" elsewhere (both are 1).

The set gives one label per number and thing, with ``also`` offsets for later mentions of the same
number of the same thing. A figure of ours on an ``also`` mention counts as that label when the
label is otherwise unmatched (a true positive); when the label is already matched it is a
**repeat**: neither a true nor a false positive (it is left out of ``predicted`` and counted in
``repeats``), because naming a number again where the article repeats it is not a false figure.
Anything else unmatched is a false positive, including a second figure inside one labelled span
("312" and "190" for the one score "312 votes to 190"). The set gives a range the value of its
first number; ours has none (the seeds' convention), so a range matches the range label it overlaps.

Metrics: precision, recall, F1; unit, type and source accuracy and ``measures`` token F1 (content
words, as for the seeds) over matched figures; key-figure recall; and ``invented_units``, figures
whose unit is neither words of the article nor a normalised unit of the fixed list
(``scan.units.NORMALISED_UNITS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..grounding import content_tokens
from ..labels import LabelFigure
from ..scan.units import unit_in_article
from ..scoring import _fig_sim, _units_match, greedy_match, speaker_matches, token_f1

if TYPE_CHECKING:
    from ..models import Figure, Summary
    from . import DevArticle

__all__ = ["COLUMNS", "aggregate", "code_only", "render", "score", "table"]

_MEASURES_OK = 0.5  # a matched figure whose measures F1 is below this is listed as a miss


def _labels(article: DevArticle) -> tuple[list[LabelFigure], list[list[tuple[int, int]]], list[bool]]:
    """(labels, each label's mentions: its own span first then its ``also`` spans, key flags)."""
    labels, mentions, keys = [], [], []
    for f in article.data.get("figures", []):
        labels.append(
            LabelFigure(
                text=f["text"],
                value=f.get("value"),
                unit=f.get("unit"),
                measures=f.get("measures") or "",
                type=f.get("type"),
                source=f.get("source"),
            )
        )
        mentions.append([(f["start"], f["end"]), *((a, b) for a, b in f.get("also") or [])])
        keys.append(bool(f.get("key")))
    return labels, mentions, keys


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def code_only(article: DevArticle) -> dict[str, Any]:
    """Score what code reads without the model: an empty figures answer grounded (every key null)."""
    from ..article import Article
    from ..fields.base import Context, lenient_parse
    from ..fields.figures import PASS
    from ..models import Meta, Summary

    ctx = Context.of(Article.from_text(article.text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    values, rejected = answer.ground(ctx) if answer is not None else ({}, [])
    meta = Meta.model_validate({"model": "code", "prompt_version": "", "schema_version": ""})
    summary = Summary.model_validate(
        {"summary": "", "figures": values.get("figures", []), "rejected": rejected, "meta": meta}
    )
    return score(article, summary)


def score(article: DevArticle, summary: Summary) -> dict[str, Any]:
    """One article's counts and lists (see the module doc for the rules)."""
    labels, mentions, keys = _labels(article)
    figures: list[Figure] = list(summary.figures)
    spans = [(f.span.start, f.span.end) for f in figures]

    def sim(i: int, j: int) -> float:
        on_mention = any(_overlaps(spans[i], m) for m in mentions[j])
        if figures[i].value is None and labels[j].type == "range":
            return 1.0 if on_mention else 0.0  # a range has no one value (seeds: null)
        base = _fig_sim(figures[i], labels[j])
        return base if on_mention else 0.0

    matches = greedy_match(range(len(figures)), range(len(labels)), sim, 1.0)
    matched_p = {i for i, _, _ in matches}
    matched_g = {j for _, j, _ in matches}
    repeats = [
        i
        for i in range(len(figures))
        if i not in matched_p
        and any(
            j in matched_g and _fig_sim(figures[i], labels[j]) >= 1.0 and any(_overlaps(spans[i], m) for m in ms[1:])
            for j, ms in enumerate(mentions)
        )
    ]
    out: dict[str, Any] = {
        "tp": len(matches),
        "predicted": len(figures) - len(repeats),
        "labelled": len(labels),
        "repeats": len(repeats),
        "key_labelled": sum(keys),
        "key_found": sum(keys[j] for j in matched_g),
        "unit_right": 0,
        "type_right": 0,
        "type_n": 0,
        "source_right": 0,
        "measures_sum": 0.0,
        "invented_units": [],
        "misses": [],
        "false": [],
        "wrong": [],
    }
    text = article.text
    for f in figures:
        if f.unit and not unit_in_article(f.unit, text):
            out["invented_units"].append(f"{f.text!r} unit {f.unit!r}")
    for i, j, _ in sorted(matches, key=lambda m: spans[m[0]]):
        p, g = figures[i], labels[j]
        unit_ok = _units_match(p.unit, g.unit)
        type_ok = g.type is None or p.type == g.type
        source_ok = speaker_matches(p.source, g.source, [])
        m_f1 = token_f1(content_tokens(p.measures), content_tokens(g.measures))
        out["unit_right"] += unit_ok
        out["type_n"] += g.type is not None
        out["type_right"] += g.type is not None and type_ok
        out["source_right"] += source_ok
        out["measures_sum"] += m_f1
        if not (unit_ok and type_ok and source_ok) or m_f1 < _MEASURES_OK:
            what = [] if unit_ok else [f"UNIT {p.unit!r}~{g.unit!r}"]
            what += [] if type_ok else [f"TYPE {p.type}~{g.type}"]
            what += [] if source_ok else [f"SOURCE {p.source!r}~{g.source!r}"]
            out["wrong"].append(f"{p.text!r} {' '.join(what)} m{m_f1:.2f} {p.measures!r} ~ {g.measures!r}".strip())
    skip = matched_p | set(repeats)
    out["false"] = [
        f"{f.text!r} {f.type} {f.unit!r} {f.measures!r}"
        for i, f in sorted(enumerate(figures), key=lambda x: spans[x[0]])
        if i not in skip
    ]
    out["misses"] = [
        f"{g.text!r} {g.type} {g.unit!r} {g.measures!r}{' KEY' if keys[j] else ''}"
        for j, g in enumerate(labels)
        if j not in matched_g
    ]
    return out


def _metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    tp = sum(r["tp"] for r in rows)
    pred = sum(r["predicted"] for r in rows)
    gold = sum(r["labelled"] for r in rows)
    key_n = sum(r["key_labelled"] for r in rows)
    type_n = sum(r["type_n"] for r in rows)
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0

    def share(num: float, den: int) -> float | None:
        return round(num / den, 4) if den else None

    return {
        "articles": len(rows),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp": tp,
        "predicted": pred,
        "labelled": gold,
        "repeats": sum(r["repeats"] for r in rows),
        "unit_accuracy": share(sum(r["unit_right"] for r in rows), tp),
        "type_accuracy": share(sum(r["type_right"] for r in rows), type_n),
        "measures_f1": share(sum(r["measures_sum"] for r in rows), tp),
        "source_accuracy": share(sum(r["source_right"] for r in rows), tp),
        "key_recall": share(sum(r["key_found"] for r in rows), key_n),
        "invented_units": sum(len(r["invented_units"]) for r in rows),
    }


def aggregate(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged metrics for each part present (``study``, ``test``) and for ``all``."""
    out = {part: _metrics([r for r in per_article if r["part"] == part]) for part in ("study", "test")}
    out = {part: m for part, m in out.items() if m["articles"]}
    out["all"] = _metrics(per_article)
    return out


COLUMNS = (
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("unit", "unit_accuracy"),
    ("type", "type_accuracy"),
    ("measures", "measures_f1"),
    ("source", "source_accuracy"),
    ("key R", "key_recall"),
    ("invented units", "invented_units"),
)


def _cell(value: Any, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def table(title: str, rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Markdown lines of named metrics (``aggregate`` values) to three decimals, so that a rule's step
    shows: what the study sets' scripts (``evals/pollstudy.py``, ``evals/corpus_figures.py``) print."""
    lines = [f"| {title} | articles | tp/predicted/labelled | " + " | ".join(c for c, _ in COLUMNS) + " |"]
    lines.append("|---" * (3 + len(COLUMNS)) + "|")
    for name, m in rows:
        cells = " | ".join(_cell(m[k], 3) for _, k in COLUMNS)
        lines.append(f"| {name} | {m['articles']} | {m['tp']}/{m['predicted']}/{m['labelled']} | {cells} |")
    return lines


def render(report: dict[str, Any]) -> str:
    """Markdown: the metrics per part, then each study article's misses, false figures and
    mismatches. The test half's are never listed (as for GGT and PolNeAR): it is only scored."""
    lines = [
        f"# figures dev set, part {report['part']} ({report['mode']}"
        + (f", {report['model']}" if report.get("model") else "")
        + f", {report['wall_seconds']} s)",
        "",
        "| part | articles | tp/predicted/labelled | repeats | " + " | ".join(c for c, _ in COLUMNS) + " |",
        "|---" * (4 + len(COLUMNS)) + "|",
    ]
    for part, m in report["metrics"].items():
        counts = f"{m['tp']}/{m['predicted']}/{m['labelled']}"
        cells = " | ".join(_cell(m[k]) for _, k in COLUMNS)
        lines.append(f"| {part} | {m['articles']} | {counts} | {m['repeats']} | {cells} |")
    for a in report["articles"]:
        if a["part"] != "study":
            continue
        lines += ["", f"## {a['id']} ({a['part']}): {a['tp']}/{a['predicted']}/{a['labelled']}"]
        lines += [f"- missed: {x}" for x in a["misses"]]
        lines += [f"- false: {x}" for x in a["false"]]
        lines += [f"- wrong: {x}" for x in a["wrong"]]
        lines += [f"- invented unit: {x}" for x in a["invented_units"]]
    return "\n".join(lines) + "\n"
