"""A cache hit as a whole ``summarize`` process: wall and CPU time (median of several runs) and
import time.

    PYTHONPATH=$PWD python benchmarks/cachehit.py [--runs 7] [--embedded] [--format markdown]

The cache entry is made without the model: one run against the scripted OpenAI-compatible server of
the tests (tests/fakeserver.py answering every pass with tests/conftest.py's GOOD), then the same
command (same --model, --base-url and cache, so the same cache key) is timed, checking that no run
called the server; ``--embedded`` puts an entry under the default embedded model's key instead.
Wall time depends on what else the machine runs, CPU time much less. ``-X importtime`` of one
cached run gives the modules that cost most.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
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
    parser.add_argument(
        "--embedded",
        action="store_true",
        help="time the default embedded model's cache key (the entry is put through the Python API; "
        "the model is not loaded, its joined GGUF must exist)",
    )
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "summarize")
    env = {**os.environ, "SUMMARIZER_API_KEY": "x", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp, FakeServer(router=lambda b: ("ok", json.dumps(GOOD[pass_of(b)]))) as s:
        cache = Path(tmp) / "c.sqlite"
        if args.embedded:
            cmd = [exe, str(args.article), "--format", args.format, "--cache", str(cache)]
            _put_embedded(args.article, cache)
        else:
            cmd = [exe, str(args.article), "--format", args.format, "--model", "fake", "--base-url", s.base_url,
                   "--cache", str(cache)]  # fmt: skip
            first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            assert not json.loads(first.stdout)["meta"]["cached"] if args.format == "json" else True
        calls = len(s.requests)
        times, cpu = [], []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
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
    model = "embedded model" if args.embedded else "--model fake --base-url (scripted server)"
    print(f"cached run of {args.article.name} (--format {args.format}, {model}), whole process, {args.runs} runs:")
    print(f"  median {statistics.median(times):.3f} s  min {min(times):.3f} s  max {max(times):.3f} s")
    print(f"  CPU (user+sys) median {statistics.median(cpu):.3f} s (less sensitive to other jobs than wall time)")
    print(f"  imports {total / 1e6:.3f} s (python -X importtime, top-level packages cumulative)")
    print(f"  heavy packages imported: {', '.join(h for h in HEAVY if h in loaded) or 'none'}")
    print("  most expensive top-level imports:")
    for us, _, name in top:
        print(f"    {us / 1e3:8.1f} ms  {name}")


def _put_embedded(article_path: Path, cache: Path) -> None:
    """A cache entry under the embedded model's key, made with scripted answers: the key needs the
    weights' identity (their sha256), not the loaded model."""
    from summarizer import Settings, Summarizer
    from summarizer.backends import ScriptedBackend
    from summarizer.loading import load_article
    from tests.conftest import router

    settings = Settings.from_env(cache_path=cache, use_cache=True)
    article = load_article(article_path, settings.max_article_chars)
    scripted = Summarizer(settings.model_copy(update={"use_cache": False}), ScriptedBackend(router=router()))
    summary = scripted.summarize(article)
    embedded = Summarizer(settings)
    assert embedded.cache is not None
    embedded.cache.put(embedded.key_for(article.sha256), summary, request={"benchmark": "cachehit"})
    embedded.cache.close()


if __name__ == "__main__":
    main()
