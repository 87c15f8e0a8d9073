"""Measure, in one run: cached vs uncached, and our pipeline vs raw llama.cpp on the same prompts.

    python benchmarks/bench.py [ARTICLE ...]

Prints one line per measurement and the ratios. Uses the embedded model and a throw-away cache.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from summarizer import Settings, Summarizer
from summarizer.backends.local import LocalBackend
from summarizer.fields import PASSES, Context, build_messages, grounding_context
from summarizer.loading import load_article

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", default=[str(ROOT / "seeds/000_1090c6890e8707cd/article.txt")])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(cache_path=Path(tmp) / "bench.sqlite")
        summarizer = Summarizer(settings)
        backend = summarizer.backend
        assert isinstance(backend, LocalBackend)
        t0 = time.perf_counter()
        llama = backend.llama
        load = time.perf_counter() - t0
        print(f"model load: {load:.2f}s  threads={backend.threads}")

        uncached, cached, raw, out_tokens, raw_tokens = [], [], [], [], []
        for path in args.articles:
            article = load_article(path, settings.max_article_chars)
            t0 = time.perf_counter()
            s = summarizer.summarize(article)
            uncached.append(time.perf_counter() - t0)
            out_tokens.append(s.meta.output_tokens)
            t0 = time.perf_counter()
            again = summarizer.summarize(article)
            cached.append(time.perf_counter() - t0)
            assert again.meta.cached

            # The same four prompts, sent straight to llama.cpp: no grammar, no instructor,
            # no validation or grounding; the KV cache is reset so prefix reuse is equal.
            llama.reset()
            ctx = Context.of(article)
            t0 = time.perf_counter()
            n = valid = grounded = 0
            contents = []
            for p in PASSES:
                if p.skipped(ctx):
                    continue
                r = llama.create_chat_completion(
                    messages=build_messages(ctx, p),
                    temperature=0.0,
                    max_tokens=p.max_tokens or settings.max_tokens,
                    seed=0,
                )
                n += r["usage"]["completion_tokens"]
                contents.append((p, r["choices"][0]["message"]["content"] or ""))
            raw.append(time.perf_counter() - t0)
            raw_tokens.append(n)
            for p, content in contents:  # how much of the raw answers is usable, judged by our checks
                try:
                    with grounding_context(None):
                        answer = p.model(ctx).model_validate_json(content)
                except ValueError:
                    continue
                valid += 1
                values, _ = answer.ground(ctx)
                grounded += sum(len(v) for v in values.values() if isinstance(v, list))
            presented = len(s.quotes) + len(s.figures) + len(s.actors) + len(s.claims)
            print(
                f"  raw answers valid JSON of the schema: {valid}/{len(contents)}; grounded items raw "
                f"{grounded} vs pipeline {presented}"
            )
            print(
                f"{Path(path).parent.name}: pipeline {uncached[-1]:.2f}s ({out_tokens[-1]} out tokens, "
                f"{s.meta.attempts} calls) | cached {cached[-1] * 1000:.2f}ms | raw llama.cpp {raw[-1]:.2f}s "
                f"({n} out tokens)"
            )

    u, c, r = statistics.mean(uncached), statistics.mean(cached), statistics.mean(raw)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ratio uncached/cached: {u / c:,.0f}x")
    print(f"ratio pipeline/raw llama.cpp (same prompts): {u / r:.2f}x")
    print(f"output tokens pipeline/raw: {sum(out_tokens) / max(1, sum(raw_tokens)):.2f}")
    print(f"peak RSS: {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
