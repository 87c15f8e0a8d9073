"""Gender Gap Tracker dev set: direct quotations found, and who said them (../shared/devsets/ggt).

Scored on **direct quotations** only: labels whose ``quote`` starts with a quotation mark. The
annotators also labelled indirect (reported) quotations; those only keep a predicted quote from
counting against precision (below).

* **Matching.** A predicted quote and a labelled one match when their character spans overlap
  with F1 >= ``SPAN_F1`` (2 x overlap / (length of both)); the label's span holds its quotation
  marks and trailing comma, a few characters that do not move the measure. A label with no
  offsets (not found verbatim) is matched by token F1 of the texts instead. One-to-one, greedy.
* **Recall**: matched direct labels / direct labels.
* **Precision**: matched / (matched + predicted quotes that overlap no labelled quotation at
  all). A predicted quote that matches no direct label but lies on a labelled quotation (a
  paragraph of a long quotation the annotators spanned as one, or a phrase in quotation marks
  inside a reported quotation) is neither right nor wrong: the annotators did label that speech,
  they only cut it differently. Anything else in quotation marks (a title, a scare quote no one
  is said to have said) counts against precision: the product lists it as a quote.
* **Speaker accuracy**, on matched quotes: the predicted speaker names the label's
  ``reference`` (the person or body meant, not the "he" beside the quote), by
  ``common.names_match``.
* **Phrase speakers**: a predicted quote inside a labelled *indirect* quotation (a phrase in
  quotation marks in reported speech, 'said the vote was “a sham”') is said by that label's
  ``reference``: a second, separate speaker measure for short quoted phrases.

Code-only: the quotes pass grounded with an empty model answer (every ``Qi`` "not said", as
``evals/attribution_check.py`` does), speakers linked as the pipeline links them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..grounding import tokens
from ..scoring import greedy_match, token_f1
from .common import PARTS, names_match, opening, quote_miss_lines, ratio, sum_parts

if TYPE_CHECKING:
    from ..models import Summary
    from . import DevArticle

__all__ = [
    "SPAN_F1",
    "aggregate",
    "as_dicts",
    "code_only",
    "code_quotes",
    "direct_labels",
    "render",
    "score",
    "score_quotes",
    "span_f1",
]

SPAN_F1 = 0.5
_MARKS = "\"“”‘’'«»„"


def direct_labels(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The direct quotations of a GGT record (``quote`` opens with a quotation mark)."""
    return [q for q in data.get("quotations", []) if str(q.get("quote", ""))[:1] in _MARKS]


def span_f1(a: tuple[int, int], b: tuple[int, int]) -> float:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return 2 * overlap / ((a[1] - a[0]) + (b[1] - b[0])) if overlap > 0 else 0.0


def _sim(pred: dict[str, Any], label: dict[str, Any]) -> float:
    if label.get("start") is None or label.get("end") is None:
        return token_f1(tokens(pred["text"]), tokens(label["quote"]))
    return span_f1((pred["start"], pred["end"]), (label["start"], label["end"]))


def score_quotes(data: dict[str, Any], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts and misses for ``predicted`` quotes (``text``, ``speaker``, ``start``, ``end``)."""
    labels = direct_labels(data)
    matches = greedy_match(predicted, labels, _sim, SPAN_F1)
    spans = [(q["start"], q["end"]) for q in data.get("quotations", []) if q.get("start") is not None and q.get("end")]
    matched_p = {i for i, _, _ in matches}
    matched_l = {j for _, j, _ in matches}
    misses: list[dict[str, Any]] = []
    right = 0
    for i, j, _ in sorted(matches, key=lambda m: labels[m[1]].get("start") or 0):
        got, want = predicted[i]["speaker"], labels[j]["reference"]
        if names_match(got, want):
            right += 1
        else:
            misses.append({"kind": "speaker", "quote": opening(labels[j]["quote"]), "expected": want, "got": got})
    for j, label in enumerate(labels):
        if j not in matched_l:
            misses.append({"kind": "missed", "quote": opening(label["quote"]), "expected": label["reference"]})
    # a phrase in quotation marks inside a labelled indirect quotation ('said the vote was “a sham”'):
    # neither right nor wrong for recall and precision, but its speaker is the label's
    indirect = [q for q in data.get("quotations", []) if q not in labels and q.get("start") is not None]
    phrases = phrase_right = 0
    for i, q in enumerate(predicted):
        holder = next((lb for lb in indirect if lb["start"] <= q["start"] and q["end"] <= lb["end"]), None)
        if i in matched_p or holder is None:
            continue
        phrases += 1
        if names_match(q["speaker"], holder["reference"]):
            phrase_right += 1
        else:
            misses.append(
                {"kind": "phrase", "quote": opening(q["text"]), "expected": holder["reference"], "got": q["speaker"]}
            )
    wrong = 0
    for i, q in enumerate(predicted):
        if i in matched_p or any(span_f1((q["start"], q["end"]), s) > 0 for s in spans):
            continue
        wrong += 1
        misses.append({"kind": "extra", "quote": opening(q["text"]), "got": q["speaker"]})
    return {
        "direct": len(labels),
        "found": len(matches),
        "counted": len(matches) + wrong,
        "extra": wrong,
        "speaker_right": right,
        "phrases": phrases,
        "phrase_right": phrase_right,
        "misses": misses,
    }


def as_dicts(quotes: list[Any]) -> list[dict[str, Any]]:
    return [{"text": q.text, "speaker": q.speaker, "start": q.span.start, "end": q.span.end} for q in quotes]


def code_quotes(text: str, source: str) -> list[dict[str, Any]]:
    """The quotes and speakers code reads, with the model answering "not said" everywhere
    (``text``, ``speaker``, ``start``, ``end``); PolNeAR's quotation scorer reads them too."""
    from ..article import Article
    from ..fields.actors import link_speakers
    from ..fields.base import Context
    from ..fields.quotes import quote_candidates, quotes_model

    ctx = Context.of(Article.from_text(text, source=source))
    model = quotes_model(ctx)
    answer = model.model_validate({f"Q{i}": None for i in range(1, len(quote_candidates(ctx)) + 1)})
    values, _ = answer.ground(ctx)
    return as_dicts(link_speakers(text, {"quotes": values["quotes"]}, ctx.names)["quotes"])


def code_only(article: DevArticle) -> dict[str, Any]:
    """The quotes and speakers code reads, scored against the labels."""
    return score_quotes(article.data, code_quotes(article.text, f"ggt/{article.id}"))


def score(article: DevArticle, summary: Summary) -> dict[str, Any]:
    """The pipeline's quotes against the labels."""
    return score_quotes(article.data, as_dicts(summary.quotes))


_KEYS = ("direct", "found", "counted", "extra", "speaker_right", "phrases", "phrase_right")


def aggregate(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall, precision and speaker accuracy of direct quotations, per half and overall."""
    sums = sum_parts(per_article, _KEYS)
    out: dict[str, Any] = {}
    for part, s in sums.items():
        out[part] = {
            **s,
            "recall": ratio(s["found"], s["direct"]),
            "precision": ratio(s["found"], s["counted"]),
            "speaker_accuracy": ratio(s["speaker_right"], s["found"]),
            "phrase_speaker_accuracy": ratio(s["phrase_right"], s["phrases"]),
        }
    return out


def render(report: dict[str, Any]) -> str:
    """Markdown: the table per half, then the misses of the study half (the test half is only scored)."""
    m = report["metrics"]
    lines = [
        f"# GGT dev set ({report['mode']}, part {report['part']}, {report['wall_seconds']} s)",
        "",
        "| part | articles | direct quotes | recall | precision | speaker accuracy | phrase speakers* |",
        "|---|---|---|---|---|---|---|",
    ]
    for part in PARTS:
        s = m[part]
        if s["articles"]:
            lines.append(
                f"| {part} | {s['articles']} | {s['direct']} | {s['recall']} ({s['found']}) | "
                f"{s['precision']} ({s['extra']} extra) | "
                f"{s['speaker_accuracy']} ({s['speaker_right']}/{s['found']}) | "
                f"{s['phrase_speaker_accuracy']} ({s['phrase_right']}/{s['phrases']}) |"
            )
    lines += ["", "\\* quoted phrases inside a labelled indirect quotation, whose speaker is that label's."]
    lines += quote_miss_lines(report["articles"], "misses", "## Misses (study half only)", "not a labelled quotation")
    return "\n".join(lines) + "\n"
