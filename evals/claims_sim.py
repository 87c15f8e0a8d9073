"""Claims without the model, in seconds: PolNeAR and GGT matched/right, the seeds' claims F1/attribution.

The pipeline's claims are the model's first four picks, then code's sentences
(``fields.claims.build_claims``). Here the model's picks are replaced by a stated stand-in:

* **seeds** (21 seeds, 9 stress variants): the picks the embedded model made in the full eval at
  3010223 (``evals/claims_picks.json``), so the seeds' numbers are those of that eval's claims
  when code's part is unchanged (F1 .503, attribution .889, named .821);
* **PolNeAR** and **GGT** (its indirect quotations, ``devsets.ggt_claims``): the first four body
  sentences. On those 30 seed articles the model's four picks were exactly the first four body
  sentences 24 times out of 30, and three of four in the rest.

Claims are built by ``build_claims`` on ``Context.of(article)``, named as the pipeline's last step
names them (``link_speakers``: a source becomes the actor's name), and scored the way the eval does:
``devsets.polnear.score`` (named attributions matched by a claim, content-word F1 >= .5, and
``attributed_to`` right among those), ``devsets.ggt_claims.score`` likewise for GGT's indirect
quotations with a named reference, ``scoring.score`` for the seeds' claims.

    PYTHONPATH=$PWD python evals/claims_sim.py [--misses] [--ggt-misses] [--seeds-misses] [--sentences] [--test]

``--cached study|test`` scores instead the claims the real model returned, read from the cache a
``summarize eval --devset polnear|ggt --part …`` run filled (nothing is run; uncached articles are
skipped and the count says so).

``--sentences`` adds each pool's sentence-source rows: every named attribution's sentence (the one
holding its content's start) and the source code reads for it, right / named; a larger sample than
the claims a simulated pick happens to match, and blind to which sentences become claims.

Misses are listed for the study halves only; ``--test`` adds both pools' test-half aggregate lines,
printed last: run it once before and once after a finished piece of work, never to choose a rule.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from summarizer.article import Article
from summarizer.devsets import ggt_claims, load, polnear
from summarizer.fields.actors import link_speakers, read_actors
from summarizer.fields.base import Context
from summarizer.fields.claims import MODEL_PICKS, build_claims
from summarizer.fields.quotes import quote_candidates, quotes_model
from summarizer.labels import load_seeds, load_variants
from summarizer.models import Claim, Meta, Summary
from summarizer.pipeline import Summarizer
from summarizer.scoring import FieldScore, score

ROOT = Path(__file__).resolve().parent.parent
PICKS = ROOT / "evals" / "claims_picks.json"


def stand_in(ctx: Context) -> list[int]:
    """The model's picks on an article it never saw here: its first four body sentences."""
    return [s.index for s in ctx.article.body[:MODEL_PICKS]]


def claims_of(ctx: Context, picks: list[int]) -> list[Claim]:
    """The claims as the pipeline returns them: built, then named as the actors are
    (``link_speakers`` with code's actors and code's quotes, the quotes pass answering "not said")."""
    claims = build_claims(ctx, picks)
    model = quotes_model(ctx)
    answer = model.model_validate({f"Q{i}": None for i in range(1, len(quote_candidates(ctx)) + 1)})
    quotes = answer.ground(ctx)[0]["quotes"]
    fields = {"actors": read_actors(ctx), "quotes": quotes, "claims": claims}
    return list(link_speakers(ctx.article.text, fields, ctx.names)["claims"])


def _summary(claims: list[Claim]) -> Summary:
    return Summary(summary="", claims=claims, meta=Meta(model="claims-sim", prompt_version="", schema_version=""))


def sub_half(article_id: str) -> str:
    """``A`` or ``B``: the study half split once more, as ``evals/attribution_nested.py`` splits it."""
    return "A" if int(hashlib.sha256(("nested:" + article_id).encode()).hexdigest(), 16) % 2 == 0 else "B"


def pool_part(pool: str, part: str, misses: bool = False, sentences: bool = False) -> dict[str, Any]:
    """Pool ``pool`` ("polnear" or "ggt": GGT's indirect quotations, ``devsets.ggt_claims``), half
    ``part``, scored on simulated claims, or with ``sentences`` on every labelled attribution's
    sentence source (the set's ``code_only``: right / named, whether or not a claim matches it);
    misses printed for the study half only. The study half's result also holds ``"A"`` and ``"B"``:
    its two sub-halves, scored alike."""
    scorer: Any = polnear if pool == "polnear" else ggt_claims
    rows = []
    for article in load(pool, part):  # type: ignore[arg-type]
        if sentences:
            result = scorer.code_only(article)
        else:
            ctx = Context.of(Article.from_text(article.text, source=f"{pool}/{article.id}"))
            result = scorer.score(article, _summary(claims_of(ctx, stand_in(ctx))))
        rows.append({"id": article.id, "part": article.part, **result})
        if misses and article.part == "study" and result["misses"]:
            print(f"- {pool}/{article.id}")
            for m in result["misses"]:
                claim = f"\n        claim: {m['claim']}" if "claim" in m else ""
                print(f"    «{m['content']}»: expected {m['expected']!r}, got {m['got']!r}{claim}")
    out = dict(scorer.aggregate(rows)[part])
    if part == "study":
        for half in ("A", "B"):
            out[half] = scorer.aggregate([r for r in rows if sub_half(r["id"]) == half])[part]
    return out


def cached_part(pool: str, part: str, summarizer: Summarizer | None = None) -> dict[str, Any]:
    """Pool ``pool`` scored on the summaries the real model left in the cache (no model is run):
    after ``summarize eval --devset ggt --part test`` (or ``polnear``), the claims it returned,
    scored as the sim's are. ``cached`` counts the articles found there."""
    summarizer = summarizer or Summarizer()
    scorer: Any = polnear if pool == "polnear" else ggt_claims
    rows = []
    for article in load(pool, part):  # type: ignore[arg-type]
        summary = summarizer.cached(Article.from_text(article.text, source=f"{pool}/{article.id}"))
        if summary is not None:
            rows.append({"id": article.id, "part": article.part, **scorer.score(article, summary)})
    return {**scorer.aggregate(rows)[part], "cached": len(rows)}


def seeds(misses: bool = False) -> FieldScore:
    """The seeds' and variants' claims, the model's recorded picks first, scored as the eval scores them."""
    picks = json.loads(PICKS.read_text(encoding="utf-8"))["picks"]
    found = load_seeds(ROOT / "seeds")
    found += load_variants(ROOT / "evals" / "variants.toml", found)
    total = FieldScore(n_pred=0, n_gold=0)
    for seed in found:
        ctx = Context.of(Article.from_text(seed.text, source=seed.id))
        claims = claims_of(ctx, picks.get(seed.id) or stand_in(ctx))
        fs = score(seed.id, seed.text, _summary(claims), seed.labels).fields["claims"]
        total.merge(fs)
        if misses:
            print(f"- {seed.id}: F1 {fs.f1:.2f}, claims {fs.n_pred}, labelled {fs.n_gold}, matched {fs.tp}")
            for c in claims:
                print(f"    [{c.sentence}] {c.attributed_to!r} <- {c.text[:70]!r}")
    return total


#: column widths of a ``line``: name, articles, named, then every other count (0: as wide as it is)
WIDTHS = (14, 3, 4, 0)


def _rate(m: dict[str, Any], key: str, part: int, whole: int) -> str:
    """``m[key]`` as the scorer rounded it; computed to three places where ``m`` holds counts only."""
    if key in m:
        return str(m[key])
    return f"{part / whole:.3f}" if whole else "-"


def line(
    name: str, m: dict[str, Any], widths: tuple[int, int, int, int] = WIDTHS, sentences: bool | None = None
) -> str:
    """One aggregate line: matched of named and right of matched; or, for sentence sources (by default
    when nothing was matched), right of all named. Shared with ``claim_pool.py`` (wider columns)."""
    w_name, w_articles, w_named, w = widths
    named, matched, right = m.get("named", 0), m.get("matched", 0), m.get("right", 0)
    head = f"{name:{w_name}} articles {m.get('articles', 0):{w_articles}}  named {named:{w_named}}  "
    read = f"read {m.get('read', 0):{w}}"
    if not matched if sentences is None else sentences:
        return head + f"sentence source right {_rate(m, 'accuracy', right, named)} ({right:{w}})  " + read
    return (
        head + f"matched {_rate(m, 'match_rate', matched, named)} ({matched:{w}})  "
        f"right {_rate(m, 'accuracy', right, matched)} ({right:{w}})  " + read
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list PolNeAR's study-half misses")
    parser.add_argument("--ggt-misses", action="store_true", help="list GGT's study-half misses")
    parser.add_argument("--seeds-misses", action="store_true", help="list every seed's claims")
    parser.add_argument("--sentences", action="store_true", help="also score every attribution's sentence source")
    parser.add_argument(
        "--cached",
        choices=["study", "test"],
        help="only score the model's cached summaries of both pools' half (after summarize eval --devset)",
    )
    parser.add_argument("--test", action="store_true", help="print both pools' test-half aggregates, last")
    args = parser.parse_args(argv)
    if args.cached:
        for pool in ("polnear", "ggt"):
            m = cached_part(pool, args.cached)
            print(
                f"{pool + ' model':14} articles cached {m['cached']:3}  named {m['named']:4}  "
                f"matched {m['match_rate']} ({m['matched']})  right {m['right']} of matched "
                f"({m['right'] / (m['matched'] or 1):.4f})  read {m['read']}"
            )
        return 0
    study = pool_part("polnear", "study", args.misses)
    ggt_study = pool_part("ggt", "study", args.ggt_misses)
    fs = seeds(args.seeds_misses)
    d = fs.as_dict()
    print(line("polnear study", study))
    for half in ("A", "B"):
        print(line(f"  study-{half}", study[half]))
    print(line("ggt study", ggt_study))
    for half in ("A", "B"):
        print(line(f"  study-{half}", ggt_study[half]))
    if args.sentences:
        for pool in ("polnear", "ggt"):
            m = pool_part(pool, "study", sentences=True)
            print(line(f"{pool} sentences", m))
            for half in ("A", "B"):
                print(line(f"  study-{half}", m[half]))
    print(
        f"{'seeds':14} claims F1 {d['f1']} (P {d['precision']} R {d['recall']}, {d['tp']}/{d['predicted']}/"
        f"{d['labelled']})  attribution {d['attribution_accuracy']}  named {d['attribution_accuracy_named']}"
    )
    if args.test:
        print(line("polnear TEST", pool_part("polnear", "test")))
        print(line("ggt TEST", pool_part("ggt", "test")))
        if args.sentences:
            print(line("polnear TEST s", pool_part("polnear", "test", sentences=True)))
            print(line("ggt TEST s", pool_part("ggt", "test", sentences=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
