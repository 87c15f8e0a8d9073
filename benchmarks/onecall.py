"""Per-field passes vs one combined call, on the same seeds with the embedded model.

    python benchmarks/onecall.py [SEED_ID ...]     (default: the seed article and wikinews_crane)

The one-call variant asks for every field in a single answer: the article once, then the four
task texts, and one response model that joins the passes' fields (summary, claims, actors, the
keyed figures F1..Fn and quotes Q1..Qn). Both variants are grounded by the same code and scored
by the same rules, so the difference is the prompting alone. Prints seconds, output tokens and
per-field scores for each, then the totals. No cache is used.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from pydantic import create_model

from summarizer import Settings, Summarizer
from summarizer.article import Article
from summarizer.backends.local import LocalBackend
from summarizer.fields import PASSES, Context, build_messages, lenient_parse, read_actors
from summarizer.fields.actors import link_speakers
from summarizer.labels import load_seeds
from summarizer.models import Meta, Summary
from summarizer.scoring import score

ROOT = Path(__file__).resolve().parent.parent
RENAMED = {("figures", "other"): "other_figures", ("quotes", "other"): "other_quotes"}


def one_call(backend: LocalBackend, settings: Settings, article: Article) -> tuple[Summary, float, int]:
    ctx = Context.of(article)
    passes = [p for p in PASSES if not p.skipped(ctx)]
    fields: dict[str, Any] = {}
    for p in passes:
        for name, info in p.model(ctx).model_fields.items():
            fields[RENAMED.get((p.name, name), name)] = (info.annotation, info)
    model = create_model("OneCall", **fields)
    tasks = [build_messages(ctx, p)[1]["content"].split("\n\nTASK: ", 1)[1] for p in passes]
    keys = ", ".join(fields)
    first = build_messages(ctx, passes[0])
    user = first[1]["content"].split("\n\nTASK: ", 1)[0] + (
        f"\n\nDo the {len(tasks)} tasks below in ONE JSON object with the keys {keys}. "
        'In the last two tasks, "other" is called "other_figures" and "other_quotes".\n\n'
        + "\n\n".join(f"TASK {i}: {t}" for i, t in enumerate(tasks, 1))
    )
    backend.llama.reset()
    t0 = time.perf_counter()
    raw = backend.create(
        messages=[first[0], {"role": "user", "content": user}],
        response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": model.model_json_schema()}},
        temperature=0,
        max_tokens=settings.max_tokens * len(passes),
    )
    seconds = time.perf_counter() - t0
    data = json.loads(raw.choices[0].message.content or "{}")
    values: dict[str, Any] = {"summary": "", "claims": [], "actors": read_actors(ctx), "figures": [], "quotes": []}
    for p in passes:
        part = {name: data.get(RENAMED.get((p.name, name), name)) for name in p.model(ctx).model_fields}
        answer, _ = lenient_parse(p.model(ctx), {k: v for k, v in part.items() if v is not None})
        if answer is not None:
            values.update(answer.ground(ctx)[0])
    values = link_speakers(article.text, values, ctx.names)
    meta = Meta(
        model="one-call",
        prompt_version="-",
        schema_version="-",
        cached=False,
        attempts=1,
        reasks=0,
        transport_retries=0,
        input_tokens=raw.usage.prompt_tokens,
        output_tokens=raw.usage.completion_tokens,
        seconds=seconds,
        article_sha256=article.sha256,
        article_chars=len(article.text),
    )
    return Summary(**values, rejected=[], meta=meta), seconds, raw.usage.completion_tokens


def line(label: str, seconds: float, tokens: int, sc: dict[str, Any]) -> str:
    return (
        f"  {label:10s} {seconds:6.1f}s out={tokens:5d}  quotes F1 {sc['quotes']['f1']:.2f} "
        f"speaker {sc['quotes'].get('speaker_accuracy') or 0:.2f}  figures F1 {sc['figures']['f1']:.2f}  "
        f"actors R {sc['actors']['recall']:.2f}  claims F1 {sc['claims']['f1']:.2f}  "
        f"key points {sc['key_point_coverage']:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", default=["000_1090c6890e8707cd", "wikinews_crane"])
    args = parser.parse_args()
    settings = Settings(use_cache=False)
    backend = LocalBackend(settings)
    summarizer = Summarizer(settings, backend)
    totals = {"passes": [0.0, 0], "one call": [0.0, 0]}
    for seed in [s for s in load_seeds(ROOT / "seeds") if s.id in args.seeds]:
        article = Article.from_text(seed.text)
        print(seed.id)
        backend.llama.reset()
        t0 = time.perf_counter()
        s = summarizer.summarize(article)
        passes_s = time.perf_counter() - t0
        print(line("passes", passes_s, s.meta.output_tokens, score(seed.id, seed.text, s, seed.labels).as_dict()))
        one, one_s, one_tokens = one_call(backend, settings, article)
        print(line("one call", one_s, one_tokens, score(seed.id, seed.text, one, seed.labels).as_dict()))
        totals["passes"][0] += passes_s
        totals["passes"][1] += s.meta.output_tokens
        totals["one call"][0] += one_s
        totals["one call"][1] += one_tokens
    (ps, pt), (os_, ot) = totals["passes"], totals["one call"]
    print(f"total: passes {ps:.1f}s {pt} tokens | one call {os_:.1f}s {ot} tokens")
    print(f"ratio passes/one call: {ps / os_:.2f}x seconds, {pt / ot:.2f}x output tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
