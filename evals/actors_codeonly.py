"""Score the actors code reads on its own (no model) against a finished eval's model-era actors.

    PYTHONPATH=. python evals/actors_codeonly.py [--cache EVAL.sqlite] [-v]

Actors are read by code alone (``fields.actors.read_actors``, then ``link_speakers`` with the
quotes and claims of the cached summary, as the pipeline does). With ``--cache`` (the SQLite file
of a ``summarize eval run``), each article's cached summary gives the quotes and claims and its
own actors are scored alongside, so a run made when a model pass listed the actors compares
directly; without it quotes and claims are left empty. ``-v`` lists each seed's wrong and missed
names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
from pathlib import Path

from summarizer.article import Article
from summarizer.fields import Context, read_actors
from summarizer.fields.actors import link_speakers
from summarizer.labels import load_seeds, load_variants
from summarizer.models import Meta, Summary
from summarizer.scoring import FieldScore, actor_matches, score

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="an eval run's cache: compare with its summaries' actors")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    cached: dict[str, Summary] = {}
    if args.cache:
        with sqlite3.connect(args.cache) as db:
            for sha, response in db.execute("select article_sha256, response from results"):
                cached[sha] = Summary.model_validate(json.loads(response))
    seeds = load_seeds(ROOT / "seeds", ())
    seeds += load_variants(ROOT / "evals" / "variants.toml", seeds)
    totals = {"cached": FieldScore(), "code": FieldScore()}
    for seed in seeds:
        ctx = Context.of(Article.from_text(seed.text))
        before = cached.get(hashlib.sha256(seed.text.encode()).hexdigest())
        base = before or Summary(summary="", meta=Meta(model="code", prompt_version="", schema_version=""))
        fields = {"actors": read_actors(ctx), "quotes": base.quotes, "claims": base.claims}
        code = base.model_copy(update={"actors": link_speakers(seed.text, fields, ctx.names)["actors"]})
        row = []
        for tag, summary in (("cached", before), ("code", code)):
            if summary is None:
                continue
            s = score(seed.id, seed.text, summary, seed.labels).fields["actors"]
            totals[tag].merge(s)
            d = s.as_dict()
            row.append(f"{tag} P {d['precision']:.2f} R {d['recall']:.2f} kind {d.get('kind_accuracy', 0):.2f}")
        print(f"{seed.id:34} " + "   ".join(row))
        if args.verbose:
            wrong = [
                a.name
                for a in code.actors
                if not any(actor_matches([a.name, *a.aliases], g) for g in seed.labels.actors)
            ]
            missed = [
                g.name
                for g in seed.labels.actors
                if not any(actor_matches([a.name, *a.aliases], g) for a in code.actors)
            ]
            print(f"    not labelled: {wrong}\n    missed: {missed}")
    for tag, total in totals.items():
        if total.n_pred:
            d = total.as_dict()
            print(
                f"ALL {tag:7} P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} "
                f"kind {d.get('kind_accuracy', 0):.3f} ({d['tp']}/{d['predicted']} predicted, {d['labelled']} labelled)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
