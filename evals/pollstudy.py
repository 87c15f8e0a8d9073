"""Score the figures code finds on its own against the poll study set (``evals/pollstudy/``).

    PYTHONPATH=. python evals/pollstudy.py [-v] [--devsets DIR]

The labels are ours (``evals/pollstudy/README.md``); the article text is read from the shared dev
sets at score time (``summarizer.devsets.default_dir()``, or ``--devsets``), never copied here. Each
article is scored with the figures dev set's own rules (``summarizer.devsets.figures``); the set has
no test half, so every article counts as ``study``. The two labelling rounds (a file's ``round``, 1
when absent) are reported apart and together, to three decimals so that a rule's step shows.
``-v`` lists misses, false figures and mismatches.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.devsets import DevArticle, default_dir
from summarizer.devsets import figures as scorer

LABELS = Path(__file__).resolve().parent / "pollstudy"


def load(devsets: Path) -> list[DevArticle]:
    """Each labelled article with its text read from ``devsets/<from>/<id>.json``."""
    out = []
    for path in sorted(LABELS.glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        source = devsets / labels["from"] / f"{labels['id']}.json"
        if not source.is_file():
            raise SystemExit(f"{source} not found; pass --devsets with the shared dev-set folder")
        text = json.loads(source.read_text(encoding="utf-8"))["text"]
        out.append(DevArticle("pollstudy", labels["id"], text, {**labels, "text": text}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devsets", type=Path, default=default_dir())
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    articles = load(args.devsets)
    rows = [{"id": a.id, "part": "study", **scorer.code_only(a)} for a in articles]
    rounds = [a.data.get("round", 1) for a in articles]
    named = [(f"round {n}", n) for n in sorted(set(rounds))] + [("all", None)]
    table = []
    for name, keep in named:
        picked = [r for r, n in zip(rows, rounds, strict=True) if keep in (None, n)]
        table.append((name, scorer.aggregate(picked)["all"]))
    print("\n".join(scorer.table("poll study", table)))
    if args.verbose:
        report = {"part": "study", "mode": "code-only", "wall_seconds": "-", "metrics": {}, "articles": rows}
        print(scorer.render(report).split("\n", 4)[-1], end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
