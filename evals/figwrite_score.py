"""Score the figures code finds on its own against our written figures set (``evals/figwrite/``).

    PYTHONPATH=. python evals/figwrite_score.py [--part study|test|all] [-v]

The articles there were written for this set and labelled by hand (``evals/figwrite/README.md``), so text
and labels both live in the folder; the ``r_`` and ``r2_`` ones (two sets modelled on real 2016 reporting) also
get lines of their own. Each article is scored with the figures dev set's own rules (``summarizer.devsets.figures``)
and falls in the half ``summarizer.devsets.part_of(stem)`` gives it. Only the study half is scored unless
``--part`` says otherwise; ``-v`` lists the study half's misses, never the test half's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.devsets import DevArticle, part_of
from summarizer.devsets import figures as scorer

FOLDER = Path(__file__).resolve().parent / "figwrite"


def load(part: str = "all") -> list[DevArticle]:
    """Each written article of ``part`` with its text and labels."""
    out = []
    for path in sorted(FOLDER.glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        if part != "all" and part_of(labels["id"]) != part:
            continue
        text = (FOLDER / f"{labels['id']}.txt").read_text(encoding="utf-8")
        out.append(DevArticle("figwrite", labels["id"], text, {**labels, "text": text}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("study", "test", "all"), default="study")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = [{"id": a.id, "part": a.part, **scorer.code_only(a)} for a in load(args.part)]
    metrics = scorer.aggregate(rows)
    shown = [(k, m) for k, m in metrics.items() if args.part in ("all", k)]
    for prefix in ("r_", "r2_"):
        real = [r for r in rows if r["id"].startswith(prefix)]
        if real:
            shown += [(f"{prefix} {k}", m) for k, m in scorer.aggregate(real).items() if args.part in ("all", k)]
    print("\n".join(scorer.table("written figures", shown)))
    if args.verbose:
        shown_rows = [r for r in rows if r["part"] == "study"]
        report = {"part": args.part, "mode": "code-only", "wall_seconds": "-", "metrics": {}, "articles": shown_rows}
        print(scorer.render(report).split("\n", 4)[-1], end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
