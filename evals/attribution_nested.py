"""Nested check of attribution rules on the dev sets' study half, code-only, no model.

The study half (``summarizer.devsets.part_of(id) == "study"``) is where rules are written; the
test half is only scored at the end. To judge whether a change generalises *before* touching the
test half, the study half is split once more, fixed forever:

    sub-half "A" when sha256("nested:" + id) is even, else "B"

A change written from the misses of sub-half A must help (or not hurt) sub-half B, and the other
way round. This script prints speaker accuracy (GGT) and named-source accuracy (PolNeAR) per
sub-half; ``--misses A`` lists the misses of one sub-half (never of the test half).

    PYTHONPATH=$PWD python evals/attribution_nested.py [--set ggt|polnear|both] [--misses A|B] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any

from summarizer import devsets


def sub_half(article_id: str) -> str:
    """``A`` or ``B``: a second fixed hash split of the study half."""
    return "A" if int(hashlib.sha256(("nested:" + article_id).encode()).hexdigest(), 16) % 2 == 0 else "B"


def _row(name: str, results: list[dict[str, Any]]) -> str:
    if name == "ggt":
        found = sum(r["found"] for r in results)
        right = sum(r["speaker_right"] for r in results)
        direct = sum(r["direct"] for r in results)
        extra = sum(r["extra"] for r in results)
        return f"speaker {right / max(found, 1):.3f} ({right}/{found})  recall {found}/{direct}  extra {extra}"
    named = sum(r["named"] for r in results)
    right = sum(r["right"] for r in results)
    return f"named-source {right / max(named, 1):.3f} ({right}/{named})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("ggt", "polnear", "both"), default="ggt")
    parser.add_argument("--misses", choices=("A", "B"))
    parser.add_argument("--json", help="write per-article results here (study half only)")
    args = parser.parse_args(argv)
    dump: dict[str, Any] = {}
    for name in ("ggt", "polnear") if args.set == "both" else (args.set,):
        import importlib

        scorer = importlib.import_module(f"summarizer.devsets.{name}")
        halves: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
        for article in devsets.load(name, "study"):
            result = scorer.code_only(article)
            half = sub_half(article.id)
            halves[half].append({"id": article.id, **result})
        for half in ("A", "B"):
            print(f"{name} study-{half} ({len(halves[half])} articles): {_row(name, halves[half])}")
        both = halves["A"] + halves["B"]
        print(f"{name} study   ({len(both)} articles): {_row(name, both)}")
        dump[name] = halves
        if args.misses:
            for r in halves[args.misses]:
                for m in r.get("misses", []):
                    print(f"  {r['id']}: {m}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(dump, fh, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
