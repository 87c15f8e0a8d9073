"""Quote speakers read by code on the hand-labelled Wikinews corpus (evals/corpusspeakers), no model.

Each article of ``../shared/corpus`` with a label file in ``evals/corpusspeakers`` is read as the GGT
code-only eval reads its articles (``ggt.code_quotes``: the quotes pass answering "not said"
everywhere, speakers linked to the actors code reads) and scored by ``ggt.score_quotes``, so the
numbers are comparable with ``summarize eval run --devset ggt --code-only``. Halves by
``summarizer.devsets.part_of(stem)`` (even sha256 = study). Speaker accuracy is also given by the
label's mention kind (see ``mention_kind``), to see which kind of attribution code gets wrong.

    PYTHONPATH=$PWD python evals/corpus_speakers.py [--misses] [--part study|test|all]

``--misses`` lists the study half's misses only: the test half is scored, never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from summarizer.devsets import part_of
from summarizer.devsets.common import PARTS, mention_kind, names_match, quote_miss_lines, ratio
from summarizer.devsets.ggt import code_quotes, score_quotes, span_f1
from summarizer.scoring import greedy_match

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "evals" / "corpusspeakers"
CORPUS = ROOT.parent / "shared" / "corpus"
KINDS = ("pronoun", "none", "description", "name")
_KEYS = ("direct", "found", "counted", "extra", "speaker_right", "phrases", "phrase_right")


def by_kind(data: dict[str, Any], predicted: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Per mention kind, [matched labels, right speakers] (the matching ``score_quotes`` makes)."""
    labels = data["quotations"]
    sim = lambda p, lb: span_f1((p["start"], p["end"]), (lb["start"], lb["end"]))  # noqa: E731
    out = {k: [0, 0] for k in KINDS}
    for i, j, _ in greedy_match(predicted, labels, sim, 0.5):
        kind = mention_kind(labels[j]["speaker"], labels[j]["reference"])
        out[kind][0] += 1
        out[kind][1] += int(names_match(predicted[i]["speaker"], labels[j]["reference"]))
    return out


def run(labels_dir: Path = LABELS, corpus: Path = CORPUS) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(labels_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (corpus / Path(data["source"]).name).read_text(encoding="utf-8")
        predicted = code_quotes(text, data["source"])
        scores = score_quotes(data, predicted)
        fresh = not (ROOT / "seeds" / data["id"]).is_dir()  # 20 corpus articles are seeds, fitted long ago
        rows.append(
            {"id": data["id"], "part": part_of(data["id"]), "fresh": fresh, **scores, "kinds": by_kind(data, predicted)}
        )
    return rows


def report(rows: list[dict[str, Any]], parts: tuple[str, ...] = PARTS) -> list[str]:
    """One line per half, and per half without the articles that are also seeds (the project's
    own labelled articles, which its rules were fitted to): quotes, recall, precision, speaker
    accuracy, phrase speakers, by kind."""
    lines = []
    for part in [name for half in parts for name in (half, f"{half} (not seeds)")]:
        sel = [r for r in rows if part.split()[0] == "all" or r["part"] == part.split()[0]]
        sel = [r for r in sel if r.get("fresh", True)] if part.endswith("(not seeds)") else sel
        if not sel:
            lines.append(f"{part}: nothing")
            continue
        s = {k: sum(r[k] for r in sel) for k in _KEYS}
        kinds = {k: [sum(r["kinds"][k][n] for r in sel) for n in (0, 1)] for k in KINDS}
        by = ", ".join(f"{k} {ratio(right, n)} ({right}/{n})" for k, (n, right) in kinds.items())
        lines.append(
            f"{part}: {len(sel)} articles, {s['direct']} quotes, "
            f"recall {ratio(s['found'], s['direct'])} ({s['found']}), "
            f"precision {ratio(s['found'], s['counted'])} ({s['extra']} extra), "
            f"speakers {ratio(s['speaker_right'], s['found'])} ({s['speaker_right']}/{s['found']}), "
            f"phrase speakers {ratio(s['phrase_right'], s['phrases'])} ({s['phrase_right']}/{s['phrases']})"
            f" | by mention: {by}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the study half's misses (never the test half's)")
    parser.add_argument("--part", choices=PARTS, default="study", help="halves to print (default: study)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus folder {CORPUS} not found: nothing to score", file=sys.stderr)
        return 0
    rows = run()
    print("\n".join(report(rows, (args.part,) if args.part != "all" else PARTS)))
    if args.misses:
        print("\n".join(quote_miss_lines(rows, "misses", "## Misses (study half only)", "not a labelled quotation")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
