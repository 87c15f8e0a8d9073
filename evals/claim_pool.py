"""Claims' ``attributed_to`` on the claim-source pool: fresh hand labels, scored without the model.

The pool (``evals/claimpool/``, its README) labels every attribution with a named source on the
15 Wikinews corpus articles that are not seeds and the 16 invented wire articles of
``evals/wirestress/``, PolNeAR-style (source / cue / content); and the **written political set**
(``evals/claimpool/pw_*``: 14 invented political news articles kept with their labels in the pool
folder), scored as its own source (``written`` lines), apart from the pool's totals. Claims are made the way
``evals/claims_sim.py`` makes them (its ``stand_in`` picks, the first four body sentences, then
code's sentences by ``build_claims``, named by ``link_speakers``: ``claims_of``) and scored by
``devsets.polnear.score_claims``: an attribution is matched by the claim whose text holds its
content (content-word F1 >= .5, the claim at the content's place first), and right when that
claim's ``attributed_to`` names the labelled source (``names_match``: surname, full name, acronym).

Halves are ``devsets.part_of(id)``, as for the dev sets: rules are studied on the study half;
the test half is printed only with ``--test``, once, at the end of a piece of work. Each half is
also scored on every named attribution's sentence (``sentences``: the source code reads for the
sentence holding the content's start, right of all named), a larger sample than the claims the
simulated picks happen to match, as ``claims_sim.py --sentences`` does for the dev sets.

    PYTHONPATH=$PWD python evals/claim_pool.py [--misses] [--sentence-misses] [--written] [--real] [--test]

``--written`` lists the written set's misses instead of the pool's; ``--real`` those of the
**real-modelled set** (``evals/claimpool/pr_*``: 10 invented political articles written after
reading PolNeAR study-half articles), scored as its own ``real-modelled`` lines; ``--real2``
those of the **second real-modelled set** (``pr2_*``: 10 more, written after reading the study
half's attributions whose cue is not a speech verb), its own ``real-modelled 2`` lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from claims_sim import _summary, claims_of, line, stand_in

from summarizer.article import Article
from summarizer.devsets import part_of, polnear
from summarizer.devsets.common import names_match, opening
from summarizer.fields.base import Context

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "evals" / "claimpool"
SOURCES = {"corpus": ROOT.parent / "shared" / "corpus", "wirestress": ROOT / "evals" / "wirestress", "claimpool": POOL}
KINDS = ("corpus", "wirestress")  # the pool proper; ``claimpool`` texts are the written set
KEYS = ("articles", "named", "matched", "read", "right")
WIDTHS = (21, 2, 3, 3)  # ``claims_sim.line``'s columns, wider


def load_pool() -> list[dict[str, Any]]:
    """Every labelled article with its text (``text``), kind (``corpus``/``wirestress``) and half;
    articles whose text is not on this machine are skipped."""
    out = []
    for path in sorted(POOL.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        kind, name = data["source"].split("/", 1)
        text_path = SOURCES[kind] / name
        if text_path.is_file():
            out.append(
                {**data, "text": text_path.read_text(encoding="utf-8"), "kind": kind, "part": part_of(data["id"])}
            )
    return out


def _right(got: str | None, names: list[str]) -> bool:
    return any(names_match(got, n) for n in names)


def score_article(data: dict[str, Any]) -> dict[str, Any]:
    """One article's counts and misses: its named attributions against the simulated claims; and
    ``sentences``: each one's sentence (the one holding its content's start) with the source code
    reads for it (``Context.sources``), right of all named, whether or not a claim matches it."""
    ctx = Context.of(Article.from_text(data["text"], source=data["source"]))
    claims = _summary(claims_of(ctx, stand_in(ctx))).claims
    named = polnear.named_attributions(data)
    labels = [(a, a["source"]["text"], names) for a, names in named]
    sources = ctx.sources()
    read = right = 0
    misses: list[dict[str, Any]] = []
    for a, names in named:
        sentence = ctx.article.sentence_at(a["content"]["spans"][0][0])
        got = sources.get(sentence.index, (None,))[0] if sentence else None
        read += got is not None
        right += _right(got, names)
        if not _right(got, names):
            misses.append({"content": opening(a["content"]["text"]), "expected": a["source"]["text"], "got": got})
    sentences = {"articles": 1, "named": len(named), "matched": 0, "read": read, "right": right, "misses": misses}
    return {"articles": 1, **polnear.score_claims(labels, claims, _right), "sentences": sentences}


def _group(article_id: str) -> str:
    """The written set a ``claimpool`` text belongs to: ``pr_*`` is the real-modelled set (written
    after reading PolNeAR study-half articles), ``pr2_*`` the second one (after reading the study
    half's non-speech cues), every other one the written set from shape lists."""
    if article_id.startswith("pr2_"):
        return "real2"
    return "real" if article_id.startswith("pr_") else "written"


def _add(total: dict[str, int], row: dict[str, Any]) -> None:
    for k in KEYS:
        total[k] = total.get(k, 0) + row[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the study half's misses")
    parser.add_argument("--written", action="store_true", help="list misses of the written set's study half only")
    parser.add_argument("--real", action="store_true", help="list misses of the real-modelled set's study half only")
    parser.add_argument("--real2", action="store_true", help="list the second real-modelled set's study misses")
    parser.add_argument("--sentence-misses", action="store_true", help="list the study half's sentence-source misses")
    parser.add_argument("--test", action="store_true", help="also print the test half (once, at the end)")
    args = parser.parse_args(argv)
    parts = ("study", "test") if args.test else ("study",)
    totals: dict[str, dict[str, int]] = {}
    for data in load_pool():
        if data["part"] not in parts:
            continue
        row = score_article(data)
        written = data["kind"] == "claimpool"
        group = _group(data["id"])
        keys = (f"{data['part']} {group}",) if written else (data["part"], f"{data['part']} {data['kind']}")
        for key in keys:
            _add(totals.setdefault(key, {}), row)
            _add(totals.setdefault(f"{key} sentences", {}), row["sentences"])
        chosen = {"written": args.written, "real": args.real, "real2": args.real2}
        if (any(chosen.values()) and not chosen[group]) or (not any(chosen.values()) and written):
            continue
        if args.misses and data["part"] == "study" and row["misses"]:
            print(f"- {data['source']}")
            for m in row["misses"]:
                print(
                    f"    «{m['content']}»: expected {m['expected']!r}, got {m['got']!r}\n        claim: {m['claim']}"
                )
        if args.sentence_misses and data["part"] == "study" and row["sentences"]["misses"]:
            print(f"- {data['source']} (sentences)")
            for m in row["sentences"]["misses"]:
                print(f"    «{m['content']}»: expected {m['expected']!r}, got {m['got']!r}")
    for part in parts:
        print(line(f"pool {part}", totals.get(part, {}), WIDTHS, sentences=False))
        for kind in KINDS:
            print(line(f"  {kind}", totals.get(f"{part} {kind}", {}), WIDTHS, sentences=False))
        print(line(f"{part} sentences", totals.get(f"{part} sentences", {}), WIDTHS, sentences=True))
        for kind in KINDS:
            print(line(f"  {kind}", totals.get(f"{part} {kind} sentences", {}), WIDTHS, sentences=True))
    for part in parts:
        print(line(f"written {part}", totals.get(f"{part} written", {}), WIDTHS, sentences=False))
        print(line("  sentences", totals.get(f"{part} written sentences", {}), WIDTHS, sentences=True))
    for group, label in (("real", "real-modelled"), ("real2", "real-modelled 2")):
        for part in parts:
            print(line(f"{label} {part}", totals.get(f"{part} {group}", {}), WIDTHS, sentences=False))
            print(line("  sentences", totals.get(f"{part} {group} sentences", {}), WIDTHS, sentences=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
