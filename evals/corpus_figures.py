"""Score the figures code finds on its own against the Wikinews figures set (``evals/corpusfigures/``).

    PYTHONPATH=. python evals/corpus_figures.py [--part study|test|all] [-v] [--corpus DIR]

The labels are ours (``evals/corpusfigures/README.md``); the article text is read from the shared
corpus at score time (``../shared/corpus``, or ``--corpus``), never copied here. Each article is
scored with the figures dev set's own rules (``summarizer.devsets.figures``) and falls in the half
``summarizer.devsets.part_of(id)`` gives it. Only the study half is scored unless ``--part`` says
otherwise; ``-v`` lists the study half's misses, false figures and mismatches, never the test half's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.devsets import DevArticle, default_dir, part_of
from summarizer.devsets import figures as scorer

LABELS = Path(__file__).resolve().parent / "corpusfigures"


def load(corpus: Path, part: str = "all") -> list[DevArticle]:
    """Each labelled article of ``part`` with its text read from ``corpus/<file>``."""
    out = []
    for path in sorted(LABELS.glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        if part != "all" and part_of(labels["id"]) != part:
            continue
        source = corpus / Path(labels["from"]).name
        if not source.is_file():
            raise SystemExit(f"{source} not found; pass --corpus with the shared corpus folder")
        text = source.read_text(encoding="utf-8")
        out.append(DevArticle("corpusfigures", labels["id"], text, {**labels, "text": text}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_dir().parent / "corpus")
    parser.add_argument("--part", choices=("study", "test", "all"), default="study")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = [{"id": a.id, "part": a.part, **scorer.code_only(a)} for a in load(args.corpus, args.part)]
    metrics = scorer.aggregate(rows)
    shown = [(k, m) for k, m in metrics.items() if args.part in ("all", k)]
    print("\n".join(scorer.table("corpus figures", shown)))
    if args.verbose:
        report = {"part": args.part, "mode": "code-only", "wall_seconds": "-", "metrics": {}, "articles": rows}
        print(scorer.render(report).split("\n", 4)[-1], end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
