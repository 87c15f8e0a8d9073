"""The workers of ``summarize serve``: one thread per ``Summarizer`` taking jobs from the durable
``JobStore`` (``summarizer.jobs``), with a graceful drain on stop."""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import Any

from ..article import Article, WebSource
from ..errors import SummarizerError
from ..jobs import Job, JobStore, QueueFullError
from ..pipeline import Summarizer

__all__ = ["JobQueue"]

log = logging.getLogger("summarizer.server")


def article_of(request: dict[str, Any]) -> Article:
    """The article a job holds, as the request had it: a web page's extracted text keeps its
    ``WebSource``, so the result carries ``article`` and ``meta.source_*`` like the CLI's."""
    web = request.get("web")
    text, source = request["text"], request.get("source", "<text>")
    article = Article.from_text(text, source=source, max_chars=None, markup_ok=web is not None)
    return replace(article, web=WebSource(**web)) if web else article


#: keys shorter than this are redacted as whole words only
WHOLE_WORD_BELOW = 8


class JobQueue:
    """The store plus one worker thread per summarizer (one model run at a time per summarizer).

    ``watch`` lets an async handler await a job: workers resolve the future through the event
    loop's thread-safe call, so the HTTP side never blocks a thread while an article is summarized.
    """

    def __init__(
        self,
        store: JobStore,
        summarizers: list[Summarizer],
        *,
        limit: int,
        secrets: Iterable[str] = (),
        owns_summarizers: bool = True,
    ) -> None:
        self.store = store
        self.summarizers = summarizers
        self.limit = limit
        self.secrets = [s for s in secrets if s]
        self.owns_summarizers = owns_summarizers
        self.draining = False
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._running: dict[str, int] = {}  # job id -> worker index
        self._passes: dict[str, tuple[str, int, int]] = {}  # running job id -> (pass, index, total)
        self._watchers: dict[str, list[Callable[[], None]]] = {}
        self._drain_hooks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def workers(self) -> int:
        return len(self.summarizers)

    def redact(self, text: str) -> str:
        """Remove the model server's API key from anything shown to a client or written to a log.
        A key shorter than ``WHOLE_WORD_BELOW`` characters is removed only where it stands alone:
        replacing every "a" of a message would make it unreadable and hide nothing."""
        for secret in self.secrets:
            if len(secret) >= WHOLE_WORD_BELOW:
                text = text.replace(secret, "***")
            else:
                text = re.sub(rf"(?<![\w-]){re.escape(secret)}(?![\w-])", "***", text)
        return text

    def start(self) -> None:
        self.store.prune()
        queued = self.store.recover()
        if queued:
            log.info("resuming %d queued job(s) from %s", queued, self.store.path)
        for index, summarizer in enumerate(self.summarizers):
            thread = threading.Thread(
                target=self._work, args=(index, summarizer), name=f"summarizer-worker-{index}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def check_room(self) -> None:
        """Raise what ``submit`` would for a full queue or a stopping server, before the caller
        spends anything on the article (fetching, parsing): the limit is checked first."""
        if self.draining:
            raise QueueFullError("the server is stopping; retry in a few seconds", 5, status=503)
        self.store.room(self.limit, self.workers)

    def submit(self, request: dict[str, Any], article_sha256: str, on_done: Callable[[], None] | None = None) -> Job:
        if self.draining:
            raise QueueFullError("the server is stopping; retry in a few seconds", 5, status=503)
        job = self.store.submit(request, article_sha256, self.limit, self.workers)
        if on_done is not None:
            with self._lock:
                self._watchers.setdefault(job.id, []).append(on_done)
        with self._wake:
            self._wake.notify()
        return job

    def unwatch(self, job_id: str) -> None:
        with self._lock:
            self._watchers.pop(job_id, None)

    def on_drain(self, hook: Callable[[], None]) -> Callable[[], None]:
        with self._lock:
            self._drain_hooks.append(hook)
        return hook

    def remove_drain_hook(self, hook: Callable[[], None]) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._drain_hooks.remove(hook)

    def drain(self) -> None:
        """Stop taking work (called on SIGTERM, before uvicorn waits for open requests): waiting
        synchronous requests are answered at once, their jobs stay in the queue for the next start."""
        self.draining = True
        self._stop.set()
        with self._lock:
            hooks = list(self._drain_hooks)
        for hook in hooks:
            hook()
        with self._wake:
            self._wake.notify_all()

    def stop(self, grace: float = 2.0) -> list[str]:
        """Let running jobs finish for ``grace`` seconds, then put the rest back in the queue.
        Returns the ids re-queued (their worker threads are daemons and die with the process)."""
        self.drain()
        deadline = time.monotonic() + grace
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            left = list(self._running)
        if left:
            self.store.requeue(left)
            log.info("re-queued %d running job(s) for the next start: %s", len(left), ", ".join(left))
        return left

    def progress(self, job_id: str) -> tuple[str, int, int] | None:
        """The model pass a running job is in: (name, index from 1, passes); in memory only, as it
        means nothing once the job has finished or the server has restarted."""
        with self._lock:
            return self._passes.get(job_id)

    def _on_pass(self, job_id: str, name: str, index: int, total: int) -> None:
        with self._lock:
            self._passes[job_id] = (name, index, total)

    @property
    def busy(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def _work(self, index: int, summarizer: Summarizer) -> None:
        try:
            while not self._stop.is_set():
                try:
                    job = self.store.claim()
                except sqlite3.Error as exc:  # e.g. locked by another process past the busy timeout
                    log.error("cannot read the jobs file %s: %s; retrying", self.store.path, exc)
                    self._stop.wait(1.0)
                    continue
                if job is None:
                    with self._wake:
                        self._wake.wait(timeout=1.0)
                    continue
                with self._lock:
                    self._running[job.id] = index
                try:
                    self._run(job, summarizer)
                except sqlite3.Error as exc:  # not stored: the job stays running, resumed on restart
                    log.error("cannot store job %s in %s: %s", job.id, self.store.path, exc)
                finally:
                    with self._lock:
                        self._running.pop(job.id, None)
                        self._passes.pop(job.id, None)
                        watchers = self._watchers.pop(job.id, [])
                    for notify in watchers:
                        notify()
        finally:
            if self.owns_summarizers:
                summarizer.close()

    def _run(self, job: Job, summarizer: Summarizer) -> None:
        started = time.monotonic()
        try:
            summary = summarizer.summarize(article_of(job.request), progress=partial(self._on_pass, job.id))
        except SummarizerError as exc:
            message = self.redact(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            self.store.fail(job.id, message, exc.http_status)
            log.warning("job %s failed: %s", job.id, message)
            return
        except Exception as exc:  # a bug: the job fails with one line, the log keeps the traceback
            detail = self.redact("".join(traceback.format_exception(exc)))
            self.store.fail(job.id, f"internal error ({type(exc).__name__}); see the server log", 500)
            log.error("job %s: unexpected error\n%s", job.id, detail)
            return
        self.store.finish(job.id, summary.model_dump_json())
        cached = " (cached)" if summary.meta.cached else ""
        log.info("job %s done in %.1f s%s", job.id, time.monotonic() - started, cached)
