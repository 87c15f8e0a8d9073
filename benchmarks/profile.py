"""Where the time goes, per pass, and how it compares with older code, measured in one run.

    python benchmarks/profile.py [--seeds ID ...] [--against COMMIT] [--flash-attn] [--n-batch N]

For every model call of the pipeline on a fixed set of seeds it prints the pass, the prompt tokens
sent, the prompt tokens llama.cpp actually evaluated (the rest came from the KV cache of the
previous call), the tokens generated, the decode times llama.cpp reports, and the rest of the wall
time (grammar, sampling, instructor, validation, grounding). Then totals per pass and per article.

``--against COMMIT`` times the same seeds on that commit's code in a subprocess (a temporary git
worktree, the same model file and settings, its own throw-away cache), after this code, so both
run on the same machine in the same benchmark. Last, the whole-process time of
``summarize --help`` and of a bad-input error. No cache is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ["000_1090c6890e8707cd", "wikinews_crane", "wikinews_korea", "wikinews_warhol"]


@dataclass
class Call:
    pass_name: str
    prompt: int
    evaluated: int
    generated: int
    prompt_ms: float
    decode_ms: float
    wall_ms: float

    @property
    def other_ms(self) -> float:
        return max(0.0, self.wall_ms - self.prompt_ms - self.decode_ms)


@dataclass
class Run:
    seed: str
    seconds: float = 0.0
    calls: list[Call] = field(default_factory=list)


def profile_current(seeds: list[str], settings_overrides: dict[str, Any]) -> list[Run]:
    """Summarize each seed with this checkout's code, recording llama.cpp's counters per call."""
    import llama_cpp

    from summarizer import Settings, Summarizer
    from summarizer.backends.local import LocalBackend

    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(cache_path=Path(tmp) / "profile.sqlite", **settings_overrides)
        summarizer = Summarizer(settings)
        backend = summarizer.backend
        assert isinstance(backend, LocalBackend)
        llama = backend.llama
        current = {"pass": "?"}
        original = backend.create

        def timed_create(**kwargs: Any) -> Any:
            llama_cpp.llama_perf_context_reset(llama.ctx)
            t0 = time.perf_counter()
            result = original(**kwargs)
            wall = (time.perf_counter() - t0) * 1000
            perf = llama_cpp.llama_perf_context(llama.ctx)
            runs[-1].calls.append(
                Call(
                    pass_name=current["pass"],
                    prompt=result.usage.prompt_tokens if result.usage else 0,
                    evaluated=perf.n_p_eval,
                    generated=perf.n_eval,
                    prompt_ms=perf.t_p_eval_ms,
                    decode_ms=perf.t_eval_ms,
                    wall_ms=wall,
                )
            )
            return result

        backend.create = timed_create  # type: ignore[method-assign]

        def progress(name: str, index: int, total: int) -> None:
            current["pass"] = name

        for seed in seeds:
            text = (ROOT / "seeds" / seed / "article.txt").read_text(encoding="utf-8")
            runs.append(Run(seed))
            t0 = time.perf_counter()
            summarizer.summarize(text, progress=progress)
            runs[-1].seconds = time.perf_counter() - t0
        summarizer.close()
    return runs


_OLD_RUNNER = """
import json, sys, tempfile, time
from pathlib import Path
from summarizer import Settings, Summarizer
with tempfile.TemporaryDirectory() as tmp:
    s = Summarizer(Settings(cache_path=Path(tmp) / "old.sqlite"))
    s.backend.llama  # load the model before timing, as the current code's run does
    for path in sys.argv[1:]:
        text = Path(path).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        out = s.summarize(text)
        print(json.dumps({"seconds": time.perf_counter() - t0, "tokens": out.meta.output_tokens}), flush=True)
"""


def profile_commit(commit: str, seeds: list[str]) -> list[dict[str, float]]:
    """Time the seeds on an older commit's code, in its own process and worktree."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), commit], check=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            paths = [str(ROOT / "seeds" / seed / "article.txt") for seed in seeds]
            out = subprocess.run(
                [sys.executable, "-c", _OLD_RUNNER, *paths], cwd=tree, env=env, capture_output=True, text=True
            )
            if out.returncode != 0:
                raise SystemExit(f"the run on {commit} failed:\n{out.stderr[-2000:]}")
            return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


def process_seconds(args: list[str], repeat: int = 5) -> float:
    """Median whole-process wall time of ``summarize ARGS`` (start-up included)."""
    exe = Path(sys.executable).with_name("summarize")
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([str(exe), *args], capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report(runs: list[Run]) -> None:
    print(f"{'seed':24} {'pass':8} {'prompt':>6} {'eval':>6} {'gen':>5} {'prompt s':>8} {'decode s':>8} {'other s':>7}")
    per_pass: dict[str, list[Call]] = defaultdict(list)
    for run in runs:
        for c in run.calls:
            per_pass[c.pass_name].append(c)
            print(
                f"{run.seed[:24]:24} {c.pass_name:8} {c.prompt:6} {c.evaluated:6} {c.generated:5} "
                f"{c.prompt_ms / 1000:8.2f} {c.decode_ms / 1000:8.2f} {c.other_ms / 1000:7.2f}"
            )
    n = len(runs)
    print(f"\nper article, by pass (mean over {n} seeds):")
    print(
        f"{'pass':8} {'calls':>5} {'prompt':>7} {'eval':>6} {'gen':>5} {'prompt s':>8} {'decode s':>8} {'other s':>7}"
    )
    for name, calls in per_pass.items():
        print(
            f"{name:8} {len(calls) / n:5.1f} {sum(c.prompt for c in calls) / n:7.0f} "
            f"{sum(c.evaluated for c in calls) / n:6.0f} {sum(c.generated for c in calls) / n:5.0f} "
            f"{sum(c.prompt_ms for c in calls) / n / 1000:8.2f} {sum(c.decode_ms for c in calls) / n / 1000:8.2f} "
            f"{sum(c.other_ms for c in calls) / n / 1000:7.2f}"
        )
    calls = [c for run in runs for c in run.calls]
    prompt, evaluated = sum(c.prompt for c in calls), sum(c.evaluated for c in calls)
    print(
        f"total per article: {statistics.mean(r.seconds for r in runs):.1f} s, "
        f"{sum(c.generated for c in calls) / n:.0f} generated tokens, {prompt / n:.0f} prompt tokens "
        f"of which {evaluated / n:.0f} evaluated "
        f"({1 - evaluated / max(1, prompt):.0%} reused from the KV cache)"
    )
    if calls:
        rate = sum(c.generated for c in calls) / max(1e-9, sum(c.decode_ms for c in calls) / 1000)
        prate = evaluated / max(1e-9, sum(c.prompt_ms for c in calls) / 1000)
        print(f"decode {rate:.1f} tokens/s, prompt eval {prate:.0f} tokens/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", nargs="*", default=DEFAULT_SEEDS)
    parser.add_argument("--against", metavar="COMMIT", help="also time the seeds on this commit's code")
    parser.add_argument("--flash-attn", action="store_true", help="load llama.cpp with flash attention")
    parser.add_argument("--n-batch", type=int, help="llama.cpp prompt batch size")
    parser.add_argument("--startup-only", action="store_true", help="only time --help and a bad-input error")
    args = parser.parse_args()
    if args.startup_only:
        print_startup()
        return 0
    overrides: dict[str, Any] = {}
    if args.flash_attn:
        overrides["flash_attn"] = True
    if args.n_batch:
        overrides["n_batch"] = args.n_batch

    runs = profile_current(args.seeds, overrides)
    report(runs)
    now = statistics.mean(r.seconds for r in runs)
    if args.against:
        old = profile_commit(args.against, args.seeds)
        was = statistics.mean(o["seconds"] for o in old)
        print(
            f"\n{args.against} on the same seeds: {was:.1f} s and {statistics.mean(o['tokens'] for o in old):.0f} "
            f"generated tokens per article"
        )
        print(f"ratio seconds per article, this code / {args.against}: {now / was:.2f}x")
    print()
    print_startup()
    return 0


def print_startup() -> None:
    print(f"summarize --help: {process_seconds(['--help']):.2f} s (whole process, median of 5)")
    print(f"summarize missing.txt (bad input): {process_seconds(['/nonexistent/missing.txt']):.2f} s")


if __name__ == "__main__":
    sys.exit(main())
