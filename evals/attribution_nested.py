"""Nested check of attribution rules on the dev sets' study half, code-only, no model.

The study half (``summarizer.devsets.part_of(id) == "study"``) is where rules are written; the
test half is only scored at the end. To judge whether a change generalises *before* touching the
test half, the study half is split once more, fixed forever:

    sub-half "A" when sha256("nested:" + id) is even, else "B"

A change written from the misses of sub-half A must help (or not hurt) sub-half B, and the other
way round. This script prints speaker accuracy (GGT), named-source accuracy (PolNeAR) and the
speaker accuracy of PolNeAR's quoted passages with a named source (``devsets.polnear_quotes``)
per sub-half; ``--set speakers`` adds a table of both speaker pools side by side (GGT quotes
and PolNeAR quotes: a speaker rule must hold on both); ``--misses A`` lists the misses of one
sub-half (never of the test half; with ``--set speakers``, PolNeAR's quotation misses);
``--variant flat|glued`` reads the GGT texts reshaped as scraped text arrives (speakers only:
labels are matched by their words, so precision there is not comparable).

    PYTHONPATH=$PWD python evals/attribution_nested.py [--set ggt|polnear|both|speakers] [--misses A|B] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any

from summarizer import devsets
from summarizer.labels import VARIANTS


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
    q = {k: sum(r.get(k, 0) for r in results) for k in ("q_labels", "q_found", "q_right", "q_extra")}
    return (
        f"named-source {right / max(named, 1):.3f} ({right}/{named})  |  quotes: speaker "
        f"{q['q_right'] / max(q['q_found'], 1):.3f} ({q['q_right']}/{q['q_found']})  recall "
        f"{q['q_found']}/{q['q_labels']}  on no attribution {q['q_extra']}"
    )


def _speakers(halves: dict[str, dict[str, list[dict[str, Any]]]]) -> None:
    """GGT and PolNeAR-quotes speaker accuracy per sub-half, side by side (``--set speakers``)."""

    def cell(rows: list[dict[str, Any]], right: str, found: str) -> str:
        r, f = sum(x[right] for x in rows), sum(x[found] for x in rows)
        return f"{r / max(f, 1):.3f} ({r}/{f})"

    print("| sub-half | GGT speaker | PolNeAR-quotes speaker | both | GGT phrases in reported speech |")
    print("|---|---|---|---|---|")
    for half in ("A", "B", "study"):
        g = halves["ggt"]["A"] + halves["ggt"]["B"] if half == "study" else halves["ggt"][half]
        p = halves["polnear"]["A"] + halves["polnear"]["B"] if half == "study" else halves["polnear"][half]
        r = sum(x["speaker_right"] for x in g) + sum(x["q_right"] for x in p)
        f = sum(x["found"] for x in g) + sum(x["q_found"] for x in p)
        both = f"{r / max(f, 1):.3f} ({r}/{f})"
        print(
            f"| {half} | {cell(g, 'speaker_right', 'found')} | {cell(p, 'q_right', 'q_found')} | {both} | "
            f"{cell(g, 'phrase_right', 'phrases')} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("ggt", "polnear", "both", "speakers"), default="ggt")
    parser.add_argument("--misses", choices=("A", "B"))
    parser.add_argument("--json", help="write per-article results here (study half only)")
    parser.add_argument(
        "--variant",
        choices=sorted(VARIANTS),
        help="GGT only: read each text reshaped as scraped text arrives (flat: no paragraph breaks; glued: no "
        "space after a full stop either), labels matched by their words (their offsets no longer hold)",
    )
    args = parser.parse_args(argv)
    dump: dict[str, Any] = {}
    for name in ("ggt", "polnear") if args.set in ("both", "speakers") else (args.set,):
        import importlib

        scorer = importlib.import_module(f"summarizer.devsets.{name}")
        halves: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
        for article in devsets.load(name, "study"):
            if args.variant and name == "ggt":
                data = {
                    **article.data,
                    "quotations": [{**q, "start": None, "end": None} for q in article.data["quotations"]],
                }
                article = devsets.DevArticle(name, article.id, VARIANTS[args.variant](article.text), data)
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
                misses = (
                    r.get("quote_misses", []) if args.set == "speakers" and name == "polnear" else r.get("misses", [])
                )
                for m in misses:
                    print(f"  {r['id']}: {m}")
    if args.set == "speakers":
        _speakers(dump)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(dump, fh, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
