"""Score the figures code finds on its own against our fresh figures labels (``evals/corpusfigures/``).

    PYTHONPATH=. python evals/corpus_figures.py [--part study|test|all] [--pool wikinews|devsets|all] [-v]
                                                [--corpus DIR] [--devsets DIR]

The labels are ours (``evals/corpusfigures/README.md``), in two pools: Wikinews articles of the shared
corpus (``"from": "corpus/<file>"``, text read from ``../shared/corpus``) and PolNeAR/GGT articles outside
the figures and poll study sets (``"from": "polnear/<file>"`` or ``"ggt/<file>"``, text read from the
``text`` of ``../shared/devsets/<set>/<file>``); no article text is copied here. Each article is scored
with the figures dev set's own rules (``summarizer.devsets.figures``) and falls in the half
``summarizer.devsets.part_of(id)`` gives it; each pool gets its own table. Only the study half is scored
unless ``--part`` says otherwise; ``-v`` lists the study half's misses, never the test half's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.devsets import DevArticle, default_dir, part_of
from summarizer.devsets import figures as scorer

LABELS = Path(__file__).resolve().parent / "corpusfigures"
POOLS = {"corpus": "wikinews", "polnear": "devsets", "ggt": "devsets"}


def _text(origin: str, corpus: Path, devsets: Path) -> str:
    """The article text a label file's ``from`` names: a corpus ``.txt`` or a dev set record's ``text``."""
    folder, name = origin.split("/", 1)
    if folder == "corpus":
        source = corpus / name
        if not source.is_file():
            raise SystemExit(f"{source} not found; pass --corpus with the shared corpus folder")
        return source.read_text(encoding="utf-8")
    source = devsets / folder / name
    if not source.is_file():
        raise SystemExit(f"{source} not found; pass --devsets with the shared devsets folder")
    text: str = json.loads(source.read_text(encoding="utf-8"))["text"]
    return text


def load(corpus: Path, part: str = "all", devsets: Path | None = None, pool: str = "all") -> list[DevArticle]:
    """Each labelled article of ``part`` and ``pool`` (``wikinews``, ``devsets`` or ``all``) with its text."""
    out = []
    for path in sorted(LABELS.glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        if part != "all" and part_of(labels["id"]) != part:
            continue
        if pool != "all" and POOLS[labels["from"].split("/", 1)[0]] != pool:
            continue
        text = _text(labels["from"], corpus, devsets or default_dir())
        out.append(DevArticle("corpusfigures", labels["id"], text, {**labels, "text": text}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_dir().parent / "corpus")
    parser.add_argument("--devsets", type=Path, default=default_dir())
    parser.add_argument("--part", choices=("study", "test", "all"), default="study")
    parser.add_argument("--pool", choices=("wikinews", "devsets", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    pools = ("wikinews", "devsets") if args.pool == "all" else (args.pool,)
    articles = []
    for pool in pools:
        rows = [
            {"id": a.id, "part": a.part, **scorer.code_only(a)}
            for a in load(args.corpus, args.part, args.devsets, pool)
        ]
        metrics = scorer.aggregate(rows)
        shown = [(k, m) for k, m in metrics.items() if args.part in ("all", k)]
        print("\n".join(scorer.table(f"{pool} figures", shown)))
        articles += rows
    if args.verbose:
        report = {"part": args.part, "mode": "code-only", "wall_seconds": "-", "metrics": {}, "articles": articles}
        print(scorer.render(report).split("\n", 4)[-1], end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
