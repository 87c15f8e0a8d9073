"""What code costs on the longest article the service accepts, measured in one run.

    python benchmarks/longarticle.py [--chars 199000] [--against COMMIT]

Builds an article of ``--chars`` characters from the seeds (joined until long enough, so it has
the names, quotes and numbers of real stories), and runs the whole pipeline on it with a
scripted backend that answers every pass at once: what is timed is the code around the model
(scanning, chunking, grounding, merging the chunks, linking speakers), which a hostile caller
can make the HTTP service spend on every article without any model cost. ``--against COMMIT``
times the same article on that commit's code in a subprocess (a temporary git worktree), so both
numbers come from the same machine in the same run. No cache is read or written.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def article(chars: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*/article.txt"))]
    body = "\n\n".join(texts)
    while len(body) < chars:
        body += "\n\n" + body
    return body[:chars]


def time_here(chars: int) -> dict[str, float]:
    """Seconds of the pipeline on this checkout's code (the process's own imports excluded)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import GOOD, router  # the scripted answers the unit tests use

    from summarizer.backends.fake import ScriptedBackend
    from summarizer.config import Settings
    from summarizer.pipeline import Summarizer

    scripted = router()

    def answer(request: dict[str, object]) -> object:
        try:
            return scripted(request)
        except StopIteration:  # a pass the test router has no marker for (combining chunk summaries)
            return GOOD["summary"]

    text = article(chars)
    summarizer = Summarizer(Settings(use_cache=False), backend=ScriptedBackend(router=answer))
    started = time.perf_counter()
    summary = summarizer.summarize(text)
    return {
        "seconds": time.perf_counter() - started,
        "actors": len(summary.actors),
        "figures": len(summary.figures),
        "quotes": len(summary.quotes),
    }


def time_commit(commit: str, chars: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), commit], check=True)
        try:
            # this script's own code, run against the old tree's package, seeds and test answers
            script = tree / "benchmarks" / "_longarticle_now.py"
            script.write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")
            out = subprocess.run(
                [sys.executable, str(script), "--chars", str(chars), "--json"],
                cwd=tree,
                env={**os.environ, "PYTHONPATH": str(tree)},
                capture_output=True,
                text=True,
                check=True,
            )
            return json.loads(out.stdout.strip().splitlines()[-1])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=199_000)
    parser.add_argument("--against", metavar="COMMIT", help="also time the same article on this commit's code")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    now = time_here(args.chars)
    if args.json:
        print(json.dumps(now))
        return
    print(
        f"{args.chars:,}-character article, scripted model: {now['seconds']:.1f} s "
        f"({now['actors']:.0f} actors, {now['figures']:.0f} figures, {now['quotes']:.0f} quotes)"
    )
    if args.against:
        old = time_commit(args.against, args.chars)
        print(
            f"{args.against} on the same article: {old['seconds']:.1f} s "
            f"({old['actors']:.0f} actors, {old['figures']:.0f} figures, {old['quotes']:.0f} quotes)"
        )
        print(f"ratio, this code / {args.against}: {now['seconds'] / old['seconds']:.2f}x")


if __name__ == "__main__":
    main()
