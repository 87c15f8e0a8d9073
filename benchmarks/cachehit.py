"""A cache hit as a whole ``summarize`` process: wall time (median of several runs) and import time.

    PYTHONPATH=$PWD python benchmarks/cachehit.py [--runs 7] [--article seeds/000_1090c6890e8707cd/article.txt]

The cache entry is made without the model: one run against the scripted OpenAI-compatible server of
the tests (tests/fakeserver.py answering every pass with tests/conftest.py's GOOD), then the same
command (same --model, --base-url and cache, so the same cache key) is timed, checking that no
run called the server. ``-X importtime`` of one cached run gives the modules that cost most.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import GOOD, pass_of  # noqa: E402
from tests.fakeserver import FakeServer  # noqa: E402

HEAVY = ("openai", "instructor", "llama_cpp", "httpx", "jinja2", "trafilatura", "fastapi")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--article", type=Path, default=ROOT / "seeds" / "000_1090c6890e8707cd" / "article.txt")
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "summarize")
    env = {**os.environ, "SUMMARIZER_API_KEY": "x", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp, FakeServer(router=lambda b: ("ok", json.dumps(GOOD[pass_of(b)]))) as s:
        cmd = [exe, str(args.article), "--format", args.format, "--model", "fake", "--base-url", s.base_url,
               "--cache", str(Path(tmp) / "c.sqlite")]  # fmt: skip
        first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        assert not json.loads(first.stdout)["meta"]["cached"] if args.format == "json" else True
        calls = len(s.requests)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - started)
        assert len(s.requests) == calls, "a cached run called the model server"
        if args.format == "json":
            assert json.loads(out.stdout)["meta"]["cached"] is True
        traced = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "from summarizer.cli import main; main()", *cmd[1:]],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
    rows = []
    for line in traced.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total = sum(us for us, depth, _ in rows if depth == 0)
    loaded = {name.split(".")[0] for _, _, name in rows}
    top = sorted((r for r in rows if r[1] == 0), reverse=True)[:12]
    print(f"cached run of {args.article.name} (--format {args.format}), whole process, {args.runs} runs:")
    print(f"  median {statistics.median(times):.3f} s  min {min(times):.3f} s  max {max(times):.3f} s")
    print(f"  imports {total / 1e6:.3f} s (python -X importtime, top-level packages cumulative)")
    print(f"  heavy packages imported: {', '.join(h for h in HEAVY if h in loaded) or 'none'}")
    print("  most expensive top-level imports:")
    for us, _, name in top:
        print(f"    {us / 1e3:8.1f} ms  {name}")


if __name__ == "__main__":
    main()
