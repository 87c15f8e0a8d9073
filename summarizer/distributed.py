"""``summarize batch --ray``: one JSONL batch over a Ray cluster, against a pool of model servers.

The driver reads and checks the input and owns OUT; the rows still to do go to a Ray Data actor
pool (``--workers N``), each actor holding one ``Summarizer`` for its life (server i mod n of the
``--base-url`` pool, or the embedded model with ``--threads``). Lines come from ``batchlines``.
OUT is the journal (``journal.py``): records are appended as whole lines as they come back and,
when the run ends, OUT is rewritten in input order. A rerun keeps every id with a successful record
(bytes untouched) and sends the rest (error records again, a line cut by a kill dropped; ids must
be unique).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .batchlines import line_record, parse_line
from .errors import BackendError, BadInputError, ConfigError, SummarizerError
from .journal import Journal, Tally

if TYPE_CHECKING:
    from .article import Article
    from .config import Settings
    from .models import Summary
    from .pipeline import Summarizer

__all__ = ["LOCAL", "ray_batch"]

#: ``--ray`` given without an address: start a Ray instance on this machine
LOCAL = "local"
INSTALL = "--ray needs Ray, which is not installed; run: pip install 'summarizer[ray]'"
PROGRESS_EVERY = 10.0  # seconds between progress lines on stderr
#: at most this many blocks: a block's records come back together, so one row a block below it
MAX_BLOCKS = 10_000
START_TIMEOUT = 600  # seconds the cluster has to start every actor of the pool


class Worker:
    """One actor of the pool: one Summarizer kept across rows (a loaded model, a warm HTTP client)."""

    settings: Settings
    input_name: str
    fetch_timeout: float
    summarizers: list[Summarizer]

    def __init__(
        self, settings: Settings, base_urls: list[str], counter: str, input_name: str, fetch_timeout: float
    ) -> None:
        import ray

        from .pipeline import Summarizer, code_version

        self.index = cast(int, ray.get(ray.get_actor(counter).next.remote()))  # ray's stubs say list
        self.settings, self.input_name, self.fetch_timeout = settings, input_name, fetch_timeout
        if base_urls:  # its own server first; the others only to find a summary one of them made
            first = self.index % len(base_urls)
            urls = base_urls[first:] + base_urls[:first]
            self.summarizers = [Summarizer(settings.model_copy(update={"base_url": url})) for url in urls]
        else:
            self.summarizers = [Summarizer(settings)]
        code_version()  # ready means ready: code hashed and clients made before any row comes
        try:
            for summarizer in self.summarizers:
                summarizer.backend  # noqa: B018
        except SummarizerError:
            pass  # no key, no model: the first row meets it again and records it as the setup error it is

    def summarize(self, article: Article) -> Summary:
        """A summary any server of the pool made is in the cache under that server's key: reuse it."""
        own, *others = self.summarizers
        for other in others:
            if (hit := other.cached(article)) is not None:
                return hit
        return own.summarize(article)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {k: [] for k in ("line", "record", "cached", "tin", "tout", "fatal")}
        for number, raw in zip(batch["line"], batch["raw"], strict=True):
            result = line_record(
                int(number), bytes(raw), self.input_name, self.settings, self.fetch_timeout, self.summarize
            )
            out["line"].append(int(number))
            out["record"].append(result.line())
            out["cached"].append(result.cached)
            out["tin"].append(result.input_tokens)
            out["tout"].append(result.output_tokens)
            out["fatal"].append(result.fatal.exit_code if result.fatal is not None else 0)
        return out


def _require_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError(INSTALL) from None
    return ray


def _connect(ray: Any, address: str, cpus: float) -> bool:
    """Join the cluster at ``address`` or start a local instance; False when Ray was already up."""
    if ray.is_initialized():  # an embedding program (or a test) started it: use it, leave it up
        return False
    quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
    try:
        if address == LOCAL:  # a new instance, whatever `ray start` left; CPUs enough for the pool
            cpus = max(os.cpu_count() or 1, int(cpus + 0.999))
            ray.init("local", num_cpus=cpus, include_dashboard=False, _node_ip_address="127.0.0.1", **quiet)
        else:
            _reachable(address)
            ray.init(address=address, **quiet)
    except (ConnectionError, RuntimeError, ValueError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(
            f"cannot join the Ray cluster at {address} ({reason}); start one with: ray start --head, "
            "or pass --ray alone for a local instance"
        ) from None
    return True


def _reachable(address: str) -> None:
    """Ray retries an address that does not answer for minutes: knock once first (HOST:PORT forms)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if host and port.isdigit():
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()


def _plan(input_name: str, lines: list[tuple[int, bytes]]) -> dict[Any, int]:
    """id -> line number of every well-formed line; a repeated id is refused (resumption goes by id)."""
    wanted: dict[Any, int] = {}
    for number, raw in lines:
        try:
            ident = parse_line(raw.decode("utf-8"))[0]
        except (UnicodeDecodeError, SummarizerError):
            continue  # a bad line: an actor writes its error record, as the local batch would
        if ident in wanted:
            raise BadInputError(
                f"{input_name}: id {ident!r} is on lines {wanted[ident]} and {number}; --ray resumes by id, "
                "so give each line its own id"
            )
        wanted[ident] = number
    return wanted


def ray_batch(
    input_name: str,
    lines: list[tuple[int, bytes]],
    out: Path,
    settings: Settings,
    *,
    address: str,
    workers: int | None,
    base_urls: tuple[str, ...],
    fetch_timeout: float,
    quiet: bool,
    echo: Callable[[str], None],
) -> int:
    """Run the batch; returns the exit code (0, or 5 when some lines failed).

    ``lines`` are the input's non-blank (line number, bytes); ``echo`` writes a line on stderr.
    Setup problems raise SummarizerError; so does a setup error an actor met (no key, no model),
    once OUT is in order.
    """
    ray = _require_ray()
    if str(out) == "-":
        raise ConfigError("--ray writes and resumes from a file: pass --out FILE, not -")
    out = out.expanduser()
    if not out.absolute().parent.is_dir():
        raise ConfigError(f"cannot write {out}: its folder does not exist; create it or pass another --out")
    workers = workers or max(1, len(base_urls))
    if len(base_urls) > workers:
        echo(f"ray batch: {workers} workers use only {workers} of the {len(base_urls)} servers; pass --workers")
    if not base_urls:  # the embedded model: --threads CPUs per actor, by default a share of this machine
        settings = settings.model_copy(update={"threads": settings.threads or max(1, (os.cpu_count() or 1) // workers)})
    if settings.use_cache and settings.cache_path is None:  # every actor on this machine shares one cache
        settings = settings.model_copy(update={"cache_path": settings.resolved_cache_path()})
    journal = Journal(out, _plan(input_name, lines))
    pending = [(n, raw) for n, raw in lines if n not in journal.where]
    tally = Tally(len(lines), kept=len(lines) - len(pending))
    fatal: SummarizerError | None = None
    try:
        if pending:
            pool = Pool(settings, list(base_urls), workers, input_name, fetch_timeout)
            fatal = pool.run(ray, address, pending, journal, tally, echo, quiet)
    finally:
        journal.finish([n for n, _ in lines])
    if fatal is not None:
        raise fatal
    echo(tally.summary())
    return 5 if tally.failed else 0


class Pool:
    """The Ray side of a run: connect, start the actor pool, stream the records back into the journal."""

    def __init__(
        self, settings: Settings, base_urls: list[str], workers: int, input_name: str, fetch_timeout: float
    ) -> None:
        self.settings, self.base_urls, self.workers = settings, base_urls, workers
        self.input_name, self.fetch_timeout = input_name, fetch_timeout
        #: CPUs an actor reserves: a server's client mostly waits; the embedded model computes
        self.cpus = 1.0 if base_urls else float(settings.threads or 1)

    def run(
        self,
        ray: Any,
        address: str,
        pending: list[tuple[int, bytes]],
        journal: Journal,
        tally: Tally,
        echo: Callable[[str], None],
        quiet: bool,
    ) -> SummarizerError | None:
        owned = _connect(ray, address, self.cpus * self.workers)
        counter: Any = None
        try:
            if (have := ray.cluster_resources().get("CPU", 0)) < self.cpus * self.workers:
                echo(
                    f"ray batch: {self.workers} workers need {self.cpus * self.workers:g} CPUs, "
                    f"the cluster has {have:g} now; it waits up to {START_TIMEOUT} s for more"
                )
            name = f"summarizer-batch-{os.getpid()}-{time.time_ns()}"
            counter = ray.remote(num_cpus=0)(_Counter).options(name=name).remote()
            threads = self.settings.threads
            where = ", ".join(self.base_urls) or f"the model in each, {threads} thread{'s' * (threads != 1)}"
            if not quiet:
                echo(f"ray batch: {len(pending)} of {tally.lines} lines to do, {self.workers} workers ({where})")
            rows = [{"line": n, "raw": raw} for n, raw in pending]
            # an actor that dies is not restarted (its rows would fail the run; a rerun resumes), and
            # Ray then does not log that actor arguments in the object store could be lost
            with warnings.catch_warnings():  # of Ray's own deprecations, and max_restarts has no parameter yet
                warnings.simplefilter("ignore", DeprecationWarning)
                context = ray.data.DataContext.get_current()
                context.enable_progress_bars = False
                context.enable_auto_log_stats = False
                context.wait_for_min_actors_s = START_TIMEOUT  # the whole pool up before rows go out: a fair spread
                logging.getLogger("ray.data").setLevel(logging.ERROR)
                dataset = ray.data.from_items(rows, override_num_blocks=min(len(rows), MAX_BLOCKS)).map_batches(
                    Worker,
                    fn_constructor_kwargs={
                        "settings": self.settings,
                        "base_urls": self.base_urls,
                        "counter": name,
                        "input_name": self.input_name,
                        "fetch_timeout": self.fetch_timeout,
                    },
                    batch_size=1,
                    compute=ray.data.ActorPoolStrategy(size=self.workers, max_tasks_in_flight_per_actor=1),
                    num_cpus=self.cpus,
                    max_restarts=0,
                )
            try:
                return self._collect(dataset, journal, tally, echo, quiet)
            except ray.exceptions.GetTimeoutError:
                raise BackendError(
                    f"the Ray cluster did not start {self.workers} workers of {self.cpus:g} CPUs in {START_TIMEOUT} s; "
                    "pass fewer --workers (or --threads) or add nodes"
                ) from None
        finally:
            if counter is not None:
                ray.kill(counter)
            if owned:
                ray.shutdown()

    @staticmethod
    def _collect(
        dataset: Any, journal: Journal, tally: Tally, echo: Callable[[str], None], quiet: bool
    ) -> SummarizerError | None:
        last = time.monotonic()
        for row in dataset.iter_rows():
            number = int(row["line"])
            journal.append(number, row["record"])
            record = json.loads(row["record"])
            if "error" in record:
                tally.failed += 1
                echo(f"summarize: error: line {number}: {record['error']}")
                if row["fatal"]:  # the setup, not the line: every other line would fail the same way
                    fatal = SummarizerError(record["error"])
                    fatal.exit_code = int(row["fatal"])
                    return fatal
            elif row["cached"]:
                tally.cached += 1
            else:
                tally.done += 1
                tally.input_tokens += int(row["tin"])
                tally.output_tokens += int(row["tout"])
            if not quiet and time.monotonic() - last >= PROGRESS_EVERY:
                echo(tally.progress())
                last = time.monotonic()
        return None


class _Counter:
    """Hands each actor its index (round-robin over the servers)."""

    def __init__(self) -> None:
        self.n = -1

    def next(self) -> int:
        self.n += 1
        return self.n
