"""Local batch vs ``summarize batch --ray`` with 1 and 2 actors, on the same 8 seeds.

    python benchmarks/ray_batch.py [--fake] [--threads N] [--runs local,ray1,ray2,ray2x2] [--kill]
                                   [--keep DIR] [--server-args "--cache true"]

Real mode (the default) times the local batch on the embedded model, then ``--ray`` against
llama.cpp's server (``python -m llama_cpp.server`` with the embedded GGUF; it decodes one sequence
at a time, so parallel slots are separate server processes): ray1 = 1 actor on 1 server of N
threads, ray2 = 2 actors on that server, ray2x2 = 2 actors on 2 servers of N/2 threads each.
Each run gets a fresh cache; wall-clock seconds include Ray's start-up. Then, for the same cached
inputs, the local batch and a second Ray run read each Ray run's cache and must write the same
bytes (``meta.lookup_seconds``, the time of the lookup itself, set aside); and the summaries (all
but ``meta``) are compared across runs. ``--kill`` kills a ``--ray`` run with SIGKILL after 3
lines, runs it again and shows that nothing was lost or done twice.

``--fake`` does all of it against scripted servers (tests/fakeserver.py, every call answered well
after ``--delay`` seconds), the local batch included, to check the script without the model.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = [p.name for p in sorted((ROOT / "seeds").iterdir()) if (p / "article.txt").is_file()][:8]
ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
#: extra arguments for every llama_cpp.server (``--server-args``)
SERVER_ARGS: list[str] = []
SUMMARIZE = str(Path(sys.executable).parent / "summarize")


class Servers:
    """Model servers on 127.0.0.1: llama.cpp's (real) or scripted ones (fake), stopped on exit."""

    def __init__(self, count: int, threads: int, fake: bool, delay: float, log: Path) -> None:
        self.urls: list[str] = []
        self.procs: list[subprocess.Popen[bytes]] = []
        self.fakes: list[Any] = []
        self.asked: Counter[str] = Counter()  # fake: calls per seed
        for i in range(count):
            if fake:
                self._fake(delay)
            else:
                self._real(threads, log.with_suffix(f".{i}.log"))

    def _fake(self, delay: float) -> None:
        from tests.conftest import GOOD, pass_of
        from tests.fakeserver import FakeServer

        lock = threading.Lock()
        # a stretch of each article's letters and digits (prompts number sentences, may change quotation marks)
        keys = {s: _key((ROOT / "seeds" / s / "article.txt").read_text("utf-8")) for s in SEEDS}

        def route(body: dict[str, Any]) -> tuple[str, str]:
            user = next(m["content"] for m in body["messages"] if m["role"] == "user")
            seed = next((s for s, key in keys.items() if key in re.sub(r"\W+", "", user)), "?")
            with lock:
                self.asked[seed] += 1
            time.sleep(delay)
            return ("ok", json.dumps(GOOD[pass_of(body)]))

        server = FakeServer(router=route).__enter__()
        self.fakes.append(server)
        self.urls.append(server.base_url)

    def _real(self, threads: int, log: Path) -> None:
        from summarizer.weights import embedded_model_path

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        args = ["--model", str(embedded_model_path()), "--model_alias", ALIAS, "--host", "127.0.0.1"]
        args += ["--port", str(port), "--n_ctx", "8192", "--n_batch", "512"]
        args += ["--n_threads", str(threads), "--n_threads_batch", str(threads), *SERVER_ARGS]
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", *args], stdout=out, stderr=out)
        self.procs.append(proc)
        url = f"http://127.0.0.1:{port}/v1"
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + 180
        while True:
            try:
                direct.open(url + "/models", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"llama_cpp.server did not start; see {log}") from None
                time.sleep(0.5)
        self.urls.append(url)

    def close(self) -> None:
        for server in self.fakes:
            server.__exit__(None, None, None)
        for proc in self.procs:
            proc.terminate()
            proc.wait(timeout=60)


def _key(text: str) -> str:
    """40 letters and digits from the middle of the article's longest sentence: every prompt has them."""
    from summarizer.article import Article

    longest = max((s.text for s in Article.from_text(text).sentences), key=len)
    letters = re.sub(r"\W+", "", longest)
    return letters[len(letters) // 2 - 20 : len(letters) // 2 + 20]


def batch(infile: Path, out: Path, cache: Path, urls: list[str], ray: int | None, threads: int) -> tuple[float, str]:
    """One ``summarize batch`` process: (wall-clock seconds, its last stderr line)."""
    args = [SUMMARIZE, "batch", str(infile), "--out", str(out), "--cache", str(cache), "--quiet"]
    args += ["--model", ALIAS] if urls else ["--threads", str(threads)]
    for url in urls:
        args += ["--base-url", url]
    if ray is not None:
        args += ["--workers", str(ray), "--ray"]
    started = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return seconds, last


def normalised(path: Path) -> list[bytes]:
    """OUT's lines with meta.lookup_seconds (how long this run's cache lookup took) set to null."""
    return [
        re.sub(rb'"lookup_seconds": [0-9.e-]+', b'"lookup_seconds": null', line)
        for line in path.read_bytes().splitlines()
    ]


def content(path: Path) -> dict[str, dict[str, Any]]:
    """id -> the record without ``meta`` (what the model and the code found)."""
    records = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    return {r["id"]: {k: v for k, v in r.items() if k != "meta"} for r in records}


def kill_and_resume(tmp: Path, infile: Path, servers: Servers, workers: int, once: dict[str, int]) -> None:
    """SIGKILL a --ray run once 3 lines are in OUT, run it again, and account for every article."""
    out, cache = tmp / "kill.jsonl", tmp / "kill.sqlite"
    servers.asked.clear()
    args = [SUMMARIZE, "batch", str(infile), "--out", str(out), "--cache", str(cache), "--quiet", "--model", ALIAS]
    for url in servers.urls:
        args += ["--base-url", url]
    proc = subprocess.Popen([*args, "--workers", str(workers), "--ray"], stderr=subprocess.PIPE)
    while not out.exists() or out.read_bytes().count(b"\n") < 3:
        if proc.poll() is not None:
            raise SystemExit(f"the run to kill ended first: {proc.communicate()[1].decode()}")
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    time.sleep(10)  # Ray ends the dead driver's actors; a call they had sent may still finish
    asked_before = dict(servers.asked)
    seconds, last = batch(infile, out, cache, servers.urls, workers, 0)
    after = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    print(f"\nkill -9 after {len(before)} lines in OUT: {before}")
    print(f"rerun ({seconds:.1f} s): {last}")
    print(
        f"OUT now: {len(after)} lines, ids in input order: {after == SEEDS}, each once: {len(set(after)) == len(after)}"
    )
    if servers.fakes:
        again = {s: servers.asked[s] - asked_before.get(s, 0) for s in before}
        print(f"calls per seed, killed run + rerun: {dict(sorted(servers.asked.items()))}")
        print(f"calls per seed, one whole run:      {dict(sorted(once.items()))}")
        print(f"calls by the rerun for the {len(before)} seeds finished before the kill: {again}")
        extra = {s: n - once.get(s, 0) for s, n in servers.asked.items() if n != once.get(s, 0)}
        print(
            f"seeds asked more often than in one whole run: {extra or 'none'} (an article in flight when the "
            "run was killed is cached only once whole, so its calls are made again)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake", action="store_true", help="scripted servers instead of the model")
    parser.add_argument("--delay", type=float, default=0.2, help="--fake: seconds per model call")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)), help="CPU threads in all")
    parser.add_argument("--runs", default="local,ray1,ray2,ray2x2", help="which runs, comma-separated")
    parser.add_argument("--seeds", nargs="*", default=SEEDS)
    parser.add_argument("--kill", action="store_true", help="also kill a --ray run and resume it")
    parser.add_argument("--keep", type=Path, help="keep inputs, outputs and logs in this folder")
    parser.add_argument(
        "--server-args",
        default="",
        help='more llama_cpp.server arguments, e.g. "--cache true" (a RAM cache of KV states by prompt prefix, '
        "for two actors whose articles take turns on one server)",
    )
    args = parser.parse_args()
    SEEDS[:] = args.seeds
    SERVER_ARGS[:] = shlex.split(args.server_args)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="ray-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    infile = tmp / "in.jsonl"
    rows = [json.dumps({"id": s, "path": str(ROOT / "seeds" / s / "article.txt")}) for s in SEEDS]
    infile.write_text("\n".join(rows) + "\n", encoding="utf-8")
    runs = args.runs.split(",")
    print(f"{len(SEEDS)} seeds, {'scripted servers' if args.fake else 'the embedded model'}, {args.threads} threads")

    table: list[tuple[str, int, str, float, str]] = []
    servers: dict[int, Servers] = {}  # by count, started when a run needs them
    once: dict[str, int] = {}  # fake: calls per seed in one whole run (the local batch's)

    def pool(count: int) -> Servers:
        for other in [c for c in servers if c != count and not args.fake]:  # one size at a time on the cores
            servers.pop(other).close()
        if count not in servers:
            servers[count] = Servers(
                count, max(1, args.threads // count), args.fake, args.delay, tmp / f"server{count}"
            )
        return servers[count]

    try:
        for run in runs:
            out, cache = tmp / f"{run}.jsonl", tmp / f"{run}.sqlite"
            if run == "local":  # real: the embedded model in process; fake: one scripted server
                urls = pool(1).urls if args.fake else []
                before = Counter(servers[1].asked) if args.fake else Counter()
                seconds, last = batch(infile, out, cache, urls, None, args.threads)
                once = dict(servers[1].asked - before) if args.fake else {}
                table.append(("local batch", 1, "1 server" if urls else "embedded", seconds, last))
                continue
            if run not in ("ray1", "ray2", "ray2x2"):
                raise SystemExit(f"unknown run {run!r}; pick from local, ray1, ray2, ray2x2")
            workers, count = (1, 1) if run == "ray1" else (2, 1) if run == "ray2" else (2, 2)
            urls = pool(count).urls
            seconds, last = batch(infile, out, cache, urls, workers, args.threads)
            if count == 1:  # the local batch finds what one server made under that server's cache key
                last += check_cached(tmp, infile, run, urls, args.threads)
            model = f"{count} x {max(1, args.threads // count)} thr"
            table.append((f"--ray, {workers} actor{'s' * (workers > 1)}", workers, model, seconds, last))
        print_table(table, len(SEEDS))
        compare_contents(tmp, runs)
        if args.kill:
            kill_and_resume(tmp, infile, pool(1), 2 if args.fake else 1, once)
    finally:
        for each in servers.values():
            each.close()
    print(f"\nfiles: {tmp}")
    return 0


def check_cached(tmp: Path, infile: Path, run: str, urls: list[str], threads: int) -> str:
    """The local batch and a second --ray run, both reading ``run``'s cache: the same bytes?"""
    cache = tmp / f"{run}.sqlite"
    local, again = tmp / f"{run}.cached-local.jsonl", tmp / f"{run}.cached-ray.jsonl"
    batch(infile, local, cache, urls[:1], None, threads)
    batch(infile, again, cache, urls, 1, threads)
    same = normalised(local) == normalised(again)
    return f"\n    same cached inputs: local batch and --ray write the same bytes: {same}"


def print_table(table: list[tuple[str, int, str, float, str]], n: int) -> None:
    base = next((seconds for name, _, _, seconds, _ in table if name == "local batch"), None)
    print(f"\n{'run':18} {'actors':>6} {'model':>14} {'seconds':>8} {'articles/h':>10} {'vs local':>8}")
    for name, actors, model, seconds, _ in table:
        ratio = f"{base / seconds:.2f}x" if base else "-"
        print(f"{name:18} {actors:6} {model:>14} {seconds:8.1f} {n * 3600 / seconds:10.1f} {ratio:>8}")
    for name, _, model, _, last in table:
        print(f"  {name} ({model}): {last}")


def compare_contents(tmp: Path, runs: list[str]) -> None:
    """Do the runs find the same things (records without meta), seed by seed?"""
    outs = {run: content(tmp / f"{run}.jsonl") for run in runs}
    first, *rest = runs
    for run in rest:
        same = [s for s in SEEDS if outs[run].get(s) == outs[first].get(s)]
        print(f"summaries {run} vs {first}: {len(same)}/{len(SEEDS)} seeds identical (all but meta)")


if __name__ == "__main__":
    raise SystemExit(main())
