"""Speakers on invented wire copy (``evals/wirestress``), code-only, no model.

The GGT dev set's test half is weakest on wire copy, scraped " ." text, pronouns, descriptions
and continuation paragraphs; ``evals/wirestress`` holds 16 articles written for this purpose in
those shapes, labelled in the GGT shape (its README). This script reads each one as the GGT
scorer does (``ggt.code_quotes``: the quotes pass answering "not said" everywhere, speakers
linked as the pipeline links them; ``ggt.score_quotes``: recall, precision, speaker accuracy
against the person meant) and prints them per set (set 1; set 2: stems ``s2_…``; set 3: ``s3_…``;
set 4: ``s4_…``, set 5: ``s5_…`` and set 8: ``s8_…``, modelled on real text; set 6: ``s6_…``, descriptions;
set 7: ``s7_…``, pronouns), per kind of article (the stem's prefix: sports, court, disaster, politics, feature; set 2:
profile, presser, explainer, local, sports, world; set 3: longform, live, transcript, opinion, court,
business, science; set 4: news, sports, business, politics, feature, obit, local; set 5: politics,
regional, feature, sports, crime, health; set 6: news, sports, business, court, politics, feature,
obit; set 8: news, court, sports, feature, health, business, politics, world), per
``part_of`` half, per shape (plain, or scraped: lines
holding only " ."), and by the kind of mention the label has beside the quote:

    pronoun      "he said", "she wrote"
    none         no mention: a quote continuing its speaker ("…," X said. "…")
    description  "the coach", "the 23-year-old", "the statement", "a judge"
    name         a mention sharing a capitalised word with the person meant ("Arsenault",
                 "RCMP Cpl. Danielle Ostrowski-Feng")

    PYTHONPATH=$PWD python evals/wire_stress.py [--misses] [--json OUT] [--dir DIR] [--set set5 [--half study]]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from summarizer.devsets import ggt, part_of
from summarizer.devsets.common import mention_kind, names_match, opening, ratio
from summarizer.scoring import greedy_match

HERE = Path(__file__).resolve().parent / "wirestress"
KINDS = ("sports", "court", "disaster", "politics", "feature")
KINDS2 = ("profile", "presser", "explainer", "local", "sports", "world")  # set 2: stems ``s2_<kind>_…``
KINDS3 = ("longform", "live", "transcript", "opinion", "court", "business", "science")  # set 3: ``s3_<kind>_…``
KINDS4 = ("news", "sports", "business", "politics", "feature", "obit", "local")  # set 4: ``s4_<kind>_…``
KINDS5 = ("politics", "regional", "feature", "sports", "crime", "health")  # set 5: ``s5_<kind>_…``
KINDS6 = ("news", "sports", "business", "court", "politics", "feature", "obit")  # set 6 (descriptions): ``s6_…``
KINDS7 = ("news", "sports", "court", "politics", "feature")  # set 7 (pronouns): ``s7_<kind>_…``
KINDS8 = ("news", "court", "sports", "feature", "health", "business", "politics", "world")  # set 8: ``s8_…``
SET_KINDS = {
    "set1": KINDS,
    "set2": KINDS2,
    "set3": KINDS3,
    "set4": KINDS4,
    "set5": KINDS5,
    "set6": KINDS6,
    "set7": KINDS7,
    "set8": KINDS8,
}
SETS = tuple(SET_KINDS)
SHAPES = ("plain", "scraped")
HALVES = ("study", "test")
MENTIONS = ("pronoun", "none", "description", "name")
_SCRAPED = re.compile(r"\n \.\n")

Predict = Callable[[str, str], list[dict[str, Any]]]


def shape_of(text: str) -> str:
    """``scraped`` when paragraphs are split by lines holding only " .", else ``plain``."""
    return "scraped" if _SCRAPED.search(text) else "plain"


def set_of(stem: str) -> str:
    """``set2`` … ``set8`` for the later written sets (stems ``s2_…`` … ``s8_…``), else ``set1``."""
    for name in SETS[1:]:
        if stem.startswith(f"s{name[-1]}_"):
            return name
    return "set1"


def kind_of(stem: str) -> str:
    """The article's kind, from its stem's prefix (``sports_hockey`` -> ``sports``,
    ``s2_local_council`` -> ``local``, ``s3_live_storm`` -> ``live``)."""
    name = set_of(stem)
    prefix = "" if name == "set1" else f"s{name[-1]}_"
    kinds = SET_KINDS[name]
    kind = stem.removeprefix(prefix).split("_", 1)[0]
    if kind not in kinds:
        raise SystemExit(f"wirestress article {stem!r}: its name must start with one of {prefix}{'_, '.join(kinds)}_")
    return kind


def score_article(stem: str, text: str, data: dict[str, Any], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """``ggt.score_quotes`` for one article, plus each label's mention kind and whether it was
    found and its speaker right (the same one-to-one match the GGT scorer makes)."""
    totals = ggt.score_quotes(data, predicted)
    labels = ggt.direct_labels(data)
    matches = greedy_match(
        predicted, labels, lambda p, lb: ggt.span_f1((p["start"], p["end"]), (lb["start"], lb["end"])), ggt.SPAN_F1
    )
    got = {j: predicted[i]["speaker"] for i, j, _ in matches}
    rows = []
    for j, label in enumerate(labels):
        found = j in got
        rows.append(
            {
                "mention": mention_kind(label.get("speaker") or "", label["reference"]),
                "speaker": label.get("speaker") or "",
                "quote": opening(label["quote"]),
                "start": label["start"],
                "expected": label["reference"],
                "found": found,
                "got": got.get(j),
                "right": found and names_match(got[j], label["reference"]),
            }
        )
    if sum(r["right"] for r in rows) != totals["speaker_right"] or len(got) != totals["found"]:
        raise AssertionError(f"{stem}: per-label tally disagrees with ggt.score_quotes")
    return {
        "id": stem,
        "set": set_of(stem),
        "kind": kind_of(stem),
        "shape": shape_of(text),
        "half": part_of(stem),
        **totals,
        "labels": rows,
    }


def load(directory: Path = HERE) -> list[tuple[str, str, dict[str, Any]]]:
    """Every ``<stem>.txt`` with its ``<stem>.json`` labels, sorted by stem."""
    out = []
    for path in sorted(directory.glob("*.json")):
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            raise SystemExit(f"{path} has no article beside it: add {text_path.name}")
        out.append((path.stem, text_path.read_text(encoding="utf-8"), json.loads(path.read_text(encoding="utf-8"))))
    if not out:
        raise SystemExit(f"no labelled articles in {directory}: pass --dir with <stem>.txt and <stem>.json files")
    return out


def run(
    directory: Path = HERE, predict: Predict = ggt.code_quotes, only: str = "", half: str = ""
) -> list[dict[str, Any]]:
    """Every article (of set ``only`` and ``part_of`` half ``half`` when given) read by
    ``predict(text, source)`` and scored."""
    return [
        score_article(stem, text, data, predict(text, f"wirestress/{stem}"))
        for stem, text, data in load(directory)
        if (not only or set_of(stem) == only) and (not half or part_of(stem) == half)
    ]


def _cell(right: int, of: int) -> str:
    return f"{ratio(right, of)} ({right}/{of})" if of else "-"


def summarize_rows(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Quotes, recall, precision, speaker accuracy and accuracy per mention kind over ``results``."""
    direct = sum(r["direct"] for r in results)
    found = sum(r["found"] for r in results)
    counted = sum(r["counted"] for r in results)
    right = sum(r["speaker_right"] for r in results)
    by_mention = {}
    for m in MENTIONS:
        rows = [lb for r in results for lb in r["labels"] if lb["mention"] == m and lb["found"]]
        by_mention[m] = (sum(lb["right"] for lb in rows), len(rows))
    return {
        "articles": len(results),
        "quotes": direct,
        "found": found,
        "extra": sum(r["extra"] for r in results),
        "recall": ratio(found, direct),
        "precision": ratio(found, counted),
        "speaker_right": right,
        "speaker_accuracy": ratio(right, found),
        "by_mention": by_mention,
    }


def groups(results: Sequence[dict[str, Any]]) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    """(row name, its articles): per set, each kind, each shape, each half (``part_of``) and the
    set; then all sets' halves and all."""
    for name in SETS:
        rows = [r for r in results if r["set"] == name]
        for kind in SET_KINDS[name]:
            yield f"{name} {kind}", [r for r in rows if r["kind"] == kind]
        for shape in SHAPES:
            yield f"{name} {shape}", [r for r in rows if r["shape"] == shape]
        for half in HALVES:
            yield f"{name} {half}", [r for r in rows if r["half"] == half]
        yield f"**{name}**", rows
    for half in HALVES:
        yield f"all sets {half}", [r for r in results if r["half"] == half]
    yield "**all**", list(results)


def render(results: Sequence[dict[str, Any]]) -> str:
    """The table as Markdown, one row per group with articles."""
    head = "| group | articles | quotes | recall | precision | speaker | " + " | ".join(MENTIONS) + " |"
    lines = [head, "|" + "---|" * (6 + len(MENTIONS))]
    for name, rows in groups(results):
        if not rows:
            continue
        s = summarize_rows(rows)
        mentions = " | ".join(_cell(*s["by_mention"][m]) for m in MENTIONS)
        lines.append(
            f"| {name} | {s['articles']} | {s['quotes']} | {s['recall']} ({s['found']}) | "
            f"{s['precision']} ({s['extra']} extra) | {_cell(s['speaker_right'], s['found'])} | {mentions} |"
        )
    return "\n".join(lines) + "\n"


def miss_lines(results: Sequence[dict[str, Any]]) -> list[str]:
    """Every speaker miss (with its mention kind), labelled quote not found, and extra quote."""
    lines = []
    for r in results:
        for lb in r["labels"]:
            if lb["found"] and not lb["right"]:
                lines.append(
                    f"{r['id']} [{lb['mention']}: {lb['speaker']!r}] «{lb['quote']}» "
                    f"expected {lb['expected']!r}, got {lb['got']!r}"
                )
            elif not lb["found"]:
                lines.append(f"{r['id']} not found: «{lb['quote']}» ({lb['expected']})")
        for m in r["misses"]:
            if m["kind"] == "extra":
                lines.append(f"{r['id']} extra: «{m['quote']}» (speaker {m['got']!r})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every speaker miss, missed and extra quote")
    parser.add_argument("--json", help="write per-article results here")
    parser.add_argument("--dir", type=Path, default=HERE, help="folder of <stem>.txt + <stem>.json")
    parser.add_argument("--set", choices=SETS, default="", help="only this set (faster while studying one)")
    parser.add_argument("--half", choices=HALVES, default="", help="only this part_of half")
    args = parser.parse_args(argv)
    results = run(args.dir, only=args.set, half=args.half)
    print(render(results), end="")
    if args.misses:
        print("\n" + "\n".join(miss_lines(results)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
