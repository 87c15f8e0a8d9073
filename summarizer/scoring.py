"""Score a Summary against hand labels: precision, recall and F1 per field, plus honesty checks.

Matching is one-to-one and greedy: the best-scoring (predicted, labelled) pair is matched first,
then removed, until no pair passes its rule. Rules:

* **quotes** match when the token F1 of their texts is >= ``QUOTE_F1`` (0.8) after casefolding and
  dropping quotation marks and punctuation. For matched quotes, the *speaker* is right when both
  are null, or the predicted speaker names the labelled actor: equal to its name or an alias
  (casefolded), or a whole-word part of one ("Biden" for "Joe Biden") and vice versa.
* **figures** match when their values are equal (relative tolerance 1e-6) after normalisation by
  ``parse_number`` ("175,000" = 175000, "3.5 million" = 3.5e6, "12%" = 12); a figure with no value
  falls back to its text. Among equal values the closest text wins. *Unit* accuracy (units share a
  word, ignoring a plural s; both null counts as right), *type* accuracy (over labels with a type),
  *measures* overlap (mean token F1 over content words) and *source* accuracy (over labels that
  give a source or an explicit null; a source is right as a speaker is) are reported separately.
* **actors** match when a predicted name or alias equals a labelled name or alias (casefolded,
  leading "the" dropped) or one is a whole-word suffix of the other of at least 4 characters
  ("Putin" / "Vladimir Putin"). *Kind* accuracy is reported separately.
* **claims** match when the token F1 over content words (stopwords dropped, plural s stripped) is
  >= ``CLAIM_F1`` (0.4). Calibrated on hand-judged pairs in tests/test_scoring.py: every pair judged
  "same claim" scored 0.44-0.86, every pair judged "different claim" 0.00-0.33.
* **summary**: a key point counts as covered when >= ``KEY_POINT_RECALL`` (0.5) of its content words
  occur in the summary; *support* is the fraction of the summary's content words found in the article;
  *sentences supported* is the share of summary sentences that pass the pipeline's own check
  (``fields.summary.unsupported``: names and numbers in the article, one or two article sentences
  covering its words, attribution kept); *present* means 8 or more words. The same coverage is
  computed for **lead-3** (the first three body sentences), the classic news baseline.
* **claims supported**: every number and proper name of a claim occurs in its own evidence spans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .article import Article
from .fields.summary import MIN_WORDS, split_written, unsupported
from .grounding import content_tokens, normalize, tokens
from .labels import Labels
from .matching import (
    KEY_POINT_RECALL,
    actor_matches,
    claim_supported,
    key_point_coverage,
    speaker_matches,
)
from .matching import units_match as _units_match
from .models import Summary
from .scan import parse_number, scan_names, scan_numbers

P = TypeVar("P")
L = TypeVar("L")

__all__ = [
    "CLAIM_F1",
    "KEY_POINT_RECALL",
    "QUOTE_F1",
    "FieldScore",
    "SeedScore",
    "actor_matches",
    "claim_supported",
    "content_tokens",
    "figure_pairs",
    "key_point_coverage",
    "match_figures",
    "score",
    "speaker_matches",
    "token_f1",
]

QUOTE_F1 = 0.8
CLAIM_F1 = 0.4


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """Bag-of-tokens F1 (SQuAD style): 2PR / (P + R) over the multiset intersection."""
    if not a or not b:
        return 0.0
    remaining = list(b)
    common = 0
    for t in a:
        if t in remaining:
            remaining.remove(t)
            common += 1
    if common == 0:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def greedy_match(
    predicted: Sequence[P], labelled: Sequence[L], sim: Callable[[P, L], float], threshold: float
) -> list[tuple[int, int, float]]:
    pairs = sorted(
        ((sim(p, l_), i, j) for i, p in enumerate(predicted) for j, l_ in enumerate(labelled)),
        key=lambda x: -x[0],
    )
    used_p: set[int] = set()
    used_l: set[int] = set()
    out = []
    for s, i, j in pairs:
        if s < threshold:
            break
        if i in used_p or j in used_l:
            continue
        used_p.add(i)
        used_l.add(j)
        out.append((i, j, s))
    return out


@dataclass
class FieldScore:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    extra: dict[str, list[float]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_extra(self, name: str, value: float) -> None:
        self.extra.setdefault(name, []).append(value)

    def merge(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        for k, v in other.extra.items():
            self.extra.setdefault(k, []).extend(v)

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.n_pred,
            "labelled": self.n_gold,
        }
        for k, v in self.extra.items():
            d[k] = round(sum(v) / len(v), 4) if v else None
        return d


@dataclass
class SeedScore:
    seed: str
    fields: dict[str, FieldScore]
    key_point_coverage: float
    summary_support: float
    summary_present: float
    summary_sentences_supported: float
    summary_extractive: float
    claims_supported: float
    lead3_key_point_coverage: float
    grounding_rate: float
    presented: int
    rejected: int
    hallucinations: int
    seconds: float
    input_tokens: int
    output_tokens: int
    cached: bool
    #: every matched quote whose speaker is wrong: {"quote": its opening, "expected", "got"}
    speaker_misses: list[dict[str, str | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            **{name: f.as_dict() for name, f in self.fields.items()},
            "key_point_coverage": round(self.key_point_coverage, 4),
            "summary_support": round(self.summary_support, 4),
            "summary_present": self.summary_present,
            "summary_sentences_supported": round(self.summary_sentences_supported, 4),
            "summary_extractive": self.summary_extractive,
            "claims_supported": round(self.claims_supported, 4),
            "lead3_key_point_coverage": round(self.lead3_key_point_coverage, 4),
            "grounding_rate": round(self.grounding_rate, 4),
            "presented": self.presented,
            "rejected": self.rejected,
            "hallucinations": self.hallucinations,
            "seconds": self.seconds,
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cached": self.cached,
            "speaker_misses": self.speaker_misses,
        }


def _figure_value(text: str, value: float | None) -> float | None:
    return value if value is not None else parse_number(text)


def _fig_sim(p: Any, g: Any) -> float:
    pv, gv = _figure_value(p.text, p.value), _figure_value(g.text, g.value)
    if pv is None or gv is None:
        return 1.0 if normalize(p.text) == normalize(g.text) else 0.0
    if abs(pv - gv) > 1e-6 * max(1.0, abs(gv)):
        return 0.0
    return 1.0 + token_f1(tokens(p.text), tokens(g.text)) / 10  # equal values; closest text first


def match_figures(summary: Summary, labels: Labels) -> list[tuple[int, int, float]]:
    """(predicted index, labelled index, similarity) of the matched figures (see module doc)."""
    return greedy_match(summary.figures, labels.figures, _fig_sim, 1.0)


def figure_pairs(summary: Summary, labels: Labels) -> list[str]:
    """One line per figure for reading an eval by eye: matched pairs with what differs, then the
    predicted figures no label matched and the labels no figure matched."""
    matches = match_figures(summary, labels)
    lines = []
    for i, j, _ in sorted(matches, key=lambda m: summary.figures[m[0]].span.start):
        p, g = summary.figures[i], labels.figures[j]
        f1 = token_f1(content_tokens(p.measures), content_tokens(g.measures))
        unit = "" if _units_match(p.unit, g.unit) else f" UNIT {p.unit!r}~{g.unit!r}"
        kind = "" if g.type is None or p.type == g.type else f" TYPE {p.type}~{g.type}"
        src = "" if speaker_matches(p.source, g.source, labels.actors) else f" SOURCE {p.source!r}~{g.source!r}"
        lines.append(f"= {p.text!r}{unit}{kind}{src} m{f1:.2f} {p.measures!r} ~ {g.measures!r}")
    matched_p, matched_g = {m[0] for m in matches}, {m[1] for m in matches}
    lines += [
        f"+ {f.text!r} {f.type} {f.unit!r} {f.measures!r}" for i, f in enumerate(summary.figures) if i not in matched_p
    ]
    lines += [
        f"- {g.text!r} {g.type} {g.unit!r} {g.measures!r}" for j, g in enumerate(labels.figures) if j not in matched_g
    ]
    return lines


def score(seed: str, article: str, summary: Summary, labels: Labels) -> SeedScore:
    fields: dict[str, FieldScore] = {}

    # quotes
    fs = FieldScore(n_pred=len(summary.quotes), n_gold=len(labels.quotes))
    q_matches = greedy_match(
        summary.quotes, labels.quotes, lambda p, g: token_f1(tokens(p.text), tokens(g.text)), QUOTE_F1
    )
    fs.tp = len(q_matches)
    speaker_misses: list[dict[str, str | None]] = []
    for i, j, _ in sorted(q_matches, key=lambda m: summary.quotes[m[0]].span.start):
        ok = speaker_matches(summary.quotes[i].speaker, labels.quotes[j].speaker, labels.actors)
        fs.add_extra("speaker_accuracy", float(ok))
        if not ok:
            words = labels.quotes[j].text.split()
            opening = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
            speaker_misses.append(
                {"quote": opening, "expected": labels.quotes[j].speaker, "got": summary.quotes[i].speaker}
            )
    fields["quotes"] = fs

    # figures
    fs = FieldScore(n_pred=len(summary.figures), n_gold=len(labels.figures))

    f_matches = match_figures(summary, labels)
    fs.tp = len(f_matches)
    for i, j, _ in f_matches:
        p, g = summary.figures[i], labels.figures[j]
        fs.add_extra("unit_accuracy", float(_units_match(p.unit, g.unit)))
        fs.add_extra("measures_f1", token_f1(content_tokens(p.measures), content_tokens(g.measures)))
        if g.type is not None:
            fs.add_extra("type_accuracy", float(p.type == g.type))
        if "source" in g.model_fields_set:
            fs.add_extra("source_accuracy", float(speaker_matches(p.source, g.source, labels.actors)))
    fields["figures"] = fs

    # actors
    fs = FieldScore(n_pred=len(summary.actors), n_gold=len(labels.actors))
    a_matches = greedy_match(
        summary.actors, labels.actors, lambda p, g: 1.0 if actor_matches([p.name, *p.aliases], g) else 0.0, 1.0
    )
    fs.tp = len(a_matches)
    for i, j, _ in a_matches:
        fs.add_extra("kind_accuracy", float(summary.actors[i].kind == labels.actors[j].kind))
    fields["actors"] = fs

    # claims
    fs = FieldScore(n_pred=len(summary.claims), n_gold=len(labels.claims))
    c_matches = greedy_match(
        summary.claims,
        labels.claims,
        lambda p, g: token_f1(content_tokens(p.text), content_tokens(g.text)),
        CLAIM_F1,
    )
    fs.tp = len(c_matches)
    for i, j, _ in c_matches:
        p_attr, g_attr = summary.claims[i].attributed_to, labels.claims[j].attributed_to
        right = float(speaker_matches(p_attr, g_attr, labels.actors))
        fs.add_extra("attribution_accuracy", right)
        if g_attr is not None:
            fs.add_extra("attribution_accuracy_named", right)
    fields["claims"] = fs

    # summary, beside the lead-3 baseline
    parsed = Article.from_text(article)
    lead3 = " ".join(s.text for s in parsed.lead(3))
    article_tokens = set(content_tokens(article))
    words = content_tokens(summary.summary)
    support = sum(w in article_tokens for w in words) / len(words) if words else 0.0
    written = split_written(summary.summary)
    numbers = scan_numbers(article)
    names = scan_names(article, {s.start for s in parsed.sentences})
    ok_sentences = sum(unsupported(w, parsed, numbers, names) is None for w in written)

    grounded, presented, hallucinated = _grounding(article, summary)
    return SeedScore(
        seed=seed,
        fields=fields,
        key_point_coverage=key_point_coverage(summary.summary, labels.key_points),
        summary_support=support,
        summary_present=float(len(summary.summary.split()) >= MIN_WORDS),
        summary_sentences_supported=ok_sentences / len(written) if written else 0.0,
        summary_extractive=float(summary.meta.summary_method == "extractive"),
        claims_supported=(
            sum(claim_supported(article, c.text, c.evidence) for c in summary.claims) / len(summary.claims)
            if summary.claims
            else 1.0
        ),
        lead3_key_point_coverage=key_point_coverage(lead3, labels.key_points),
        grounding_rate=grounded / presented if presented else 1.0,
        presented=presented,
        rejected=len(summary.rejected),
        hallucinations=hallucinated,
        seconds=summary.meta.seconds,
        input_tokens=summary.meta.input_tokens,
        output_tokens=summary.meta.output_tokens,
        cached=summary.meta.cached,
        speaker_misses=speaker_misses,
    )


def _grounding(article: str, s: Summary) -> tuple[int, int, int]:
    """(items whose offsets reproduce their text, items presented, items found nowhere)."""
    norm_article = normalize(article)
    ok = total = nowhere = 0
    for q in s.quotes:
        total += 1
        ok += article[q.span.start : q.span.end] == q.text
        nowhere += normalize(q.text) not in norm_article
    for f in s.figures:
        total += 1
        ok += article[f.span.start : f.span.end] == f.text
        nowhere += normalize(f.text) not in norm_article
    for a in s.actors:
        total += 1
        names = {normalize(n) for n in (a.name, *a.aliases)} | {normalize(a.name.split()[-1])}
        ok += bool(a.mentions) and all(normalize(article[m.start : m.end]) in names for m in a.mentions)
        nowhere += not any(n in norm_article for n in names)
    for c in s.claims:
        total += 1
        ok += bool(c.evidence) and all(0 <= e.start < e.end <= len(article) for e in c.evidence)
    return ok, total, nowhere
