"""Score the figures code finds on its own (no model): every figures key answered null.

    PYTHONPATH=. python evals/figures_codeonly.py [--only SEED ...] [-v]

Builds ``Context.of(article)`` for each labelled seed, grounds an empty figures answer (what the
pipeline keeps when the model says nothing) and scores it with ``summarizer.scoring``: figure
P/R/F1, unit, type, measures and source accuracy. ``-v`` lists each seed's misses and mismatches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summarizer.article import Article
from summarizer.evals import aggregate
from summarizer.fields.base import Context, lenient_parse
from summarizer.fields.figures import PASS
from summarizer.labels import load_seeds, load_variants
from summarizer.models import Meta, Summary
from summarizer.scoring import SeedScore, score

ROOT = Path(__file__).resolve().parent.parent


def code_only(text: str) -> Summary:
    ctx = Context.of(Article.from_text(text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    values, _ = answer.ground(ctx) if answer is not None else ({}, [])
    return Summary(
        summary="", figures=values.get("figures", []), meta=Meta(model="code", prompt_version="", schema_version="")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--only", nargs="*", default=())
    parser.add_argument("--variants", action="store_true", help="also the stress variants in evals/variants.toml")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    per_seed: list[SeedScore] = []
    seeds = load_seeds(args.seeds, tuple(args.only))
    if args.variants:
        seeds += load_variants(ROOT / "evals" / "variants.toml", seeds)
    for seed in seeds:
        summary = code_only(seed.text)
        s = score(seed.id, seed.text, summary, seed.labels)
        per_seed.append(s)
        f = s.fields["figures"]
        print(
            f"{seed.id:28} "
            + "  ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in f.as_dict().items())
        )
        if args.verbose:
            from summarizer.scoring import figure_pairs

            for line in figure_pairs(summary, seed.labels):
                print("   ", line)
    m = aggregate(per_seed)["figures"]
    print("ALL", "  ".join(f"{k} {v}" for k, v in m.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
