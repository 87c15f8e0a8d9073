"""Speaker and claim-source accuracy read by code alone, per seed and stress variant, no model.

Builds ``Context.of(article)`` for every seed, grounds the quotes pass with an empty model answer
(every ``Qi`` null, so only what code reads counts), links speakers as the pipeline does and
scores them with ``scoring.speaker_matches``. Claims come from the model in the pipeline, so here
each labelled claim is paired with the body sentence it best matches (content-word F1 >= 0.4) and
that sentence's code-read source is scored against the label.

    PYTHONPATH=$PWD .venv/bin/python evals/attribution_check.py [--misses] [--only SEED ...]

``--corpus DIR`` reads unlabelled articles (``DIR/*.txt``) instead: each one plain, ``flat`` and
``glued`` (summarizer/labels.py ``VARIANTS``), and counts how many quotations the reshaped text
still yields with the same text and the same speaker as the plain one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from summarizer.article import Article
from summarizer.attribution import attribute_quotes
from summarizer.fields.actors import link_speakers
from summarizer.fields.base import Context
from summarizer.fields.quotes import quote_candidates, quotes_model
from summarizer.grounding import content_tokens, tokens
from summarizer.labels import VARIANTS, Seed, load_seeds, load_variants
from summarizer.scan import scan_quotes
from summarizer.scoring import CLAIM_F1, QUOTE_F1, greedy_match, speaker_matches, token_f1

ROOT = Path(__file__).resolve().parent.parent


def check(seed: Seed) -> dict[str, object]:
    article = Article.from_text(seed.text, source=seed.id)
    ctx = Context.of(article)
    model = quotes_model(ctx)
    answer = model.model_validate({f"Q{i}": None for i in range(1, len(quote_candidates(ctx)) + 1)})
    values, _ = answer.ground(ctx)
    quotes = link_speakers(seed.text, {"quotes": values["quotes"]}, ctx.names)["quotes"]
    labels = seed.labels
    matches = greedy_match(quotes, labels.quotes, lambda p, g: token_f1(tokens(p.text), tokens(g.text)), QUOTE_F1)
    right = 0
    misses = []
    for i, j, _ in matches:
        ok = speaker_matches(quotes[i].speaker, labels.quotes[j].speaker, labels.actors)
        right += ok
        if not ok:
            misses.append((labels.quotes[j].text[:40], labels.quotes[j].speaker, quotes[i].speaker))
    matched_gold = {j for _, j, _ in matches}
    extra = [(q.text[:40], q.speaker) for k, q in enumerate(quotes) if k not in {i for i, _, _ in matches}]
    # claims: the labelled claim's best sentence, its source as code reads it
    sources = ctx.sources()
    body = article.body
    c_right = c_all = n_right = n_all = 0
    c_misses = []
    for claim in labels.claims:
        best = max(body, key=lambda s: token_f1(content_tokens(s.text), content_tokens(claim.text)), default=None)
        if best is None or token_f1(content_tokens(best.text), content_tokens(claim.text)) < CLAIM_F1:
            continue
        got = sources.get(best.index, (None, None, (0, 0)))[0]
        ok = speaker_matches(got, claim.attributed_to, labels.actors)
        c_all += 1
        c_right += ok
        if claim.attributed_to is not None:
            n_all += 1
            n_right += ok
        if not ok:
            c_misses.append((best.text[:50], claim.attributed_to, got))
    return {
        "seed": seed.id,
        "quotes": len(labels.quotes),
        "found": len(matched_gold),
        "extra": extra,
        "right": right,
        "matched": len(matches),
        "misses": misses,
        "claims": (c_right, c_all, n_right, n_all),
        "claim_misses": c_misses,
    }


def quotes_by_code(text: str) -> dict[str, str | None]:
    """Every quotation code finds in ``text`` (punctuation and spacing ignored) with its speaker."""
    quotes = scan_quotes(text)
    speakers = attribute_quotes(text, quotes, Context.of(Article.from_text(text)).names)
    return {re.sub(r"\W+", "", q.text): who for q, who in zip(quotes, speakers, strict=True)}


def corpus(directory: Path) -> int:
    """Quotations plain vs reshaped over unlabelled articles: how many survive, with which speaker."""
    totals = {kind: [0, 0, 0] for kind in ("plain", "flat", "glued")}
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        plain = quotes_by_code(text)
        for kind in totals:
            got = plain if kind == "plain" else quotes_by_code(VARIANTS[kind](text))
            same = [k for k in got if k in plain]
            totals[kind][0] += len(got)
            totals[kind][1] += len(same)
            totals[kind][2] += sum(got[k] == plain[k] for k in same)
    print(f"{'variant':10} {'quotes':>8} {'as plain':>9} {'same speaker':>13}")
    for kind, (found, same, speaker) in totals.items():
        print(f"{kind:10} {found:>8} {same:>9} {speaker:>13}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every speaker and claim-source miss")
    parser.add_argument("--extra", action="store_true", help="list quotes found that no label matches, with speakers")
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--corpus", type=Path, help="unlabelled articles (DIR/*.txt): quotes plain vs flat vs glued")
    args = parser.parse_args(argv)
    if args.corpus:
        return corpus(args.corpus)
    seeds = load_seeds(ROOT / "seeds", tuple(args.only))
    seeds += load_variants(ROOT / "evals" / "variants.toml", seeds)
    total_r = total_m = 0
    cr = ca = nr = na = 0
    print(f"{'seed':40} {'quotes found':>12} {'speaker acc':>12} {'claims src (named)':>20}")
    for seed in seeds:
        r = check(seed)
        total_r += r["right"]  # type: ignore[operator]
        total_m += r["matched"]  # type: ignore[operator]
        a, b, c, d = r["claims"]  # type: ignore[misc]
        cr, ca, nr, na = cr + a, ca + b, nr + c, na + d
        acc = f"{r['right'] / r['matched']:.2f}" if r["matched"] else "-"  # type: ignore[operator]
        named = f"{c}/{d}" if d else "-"
        print(f"{r['seed']:40} {r['found']:>5}/{r['quotes']:<6} {acc:>12} {f'{a}/{b} ({named})':>20}")
        if args.misses:
            for start, want, got in r["misses"]:  # type: ignore[attr-defined]
                print(f"    quote {start!r}: expected {want!r}, got {got!r}")
            for start, want, got in r["claim_misses"]:  # type: ignore[attr-defined]
                print(f"    claim {start!r}: expected {want!r}, got {got!r}")
        if args.extra:
            for text, who in r["extra"]:  # type: ignore[attr-defined]
                print(f"    unlabelled quote {text!r}: speaker {who!r}")
    print(
        f"{'ALL':40} {'':>12} {total_r / max(total_m, 1):>12.2f} {f'{cr / max(ca, 1):.2f} ({nr / max(na, 1):.2f})':>20}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
