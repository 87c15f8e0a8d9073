"""What every route shares: the settings, the job queue, the token, a cache reader and the
bounded worker threads that keep parsing, splitting and rendering off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Request

from ..article import Article
from ..cache import Cache
from ..config import Settings
from ..errors import SummarizerError
from ..jobs import JobStore
from ..models import Summary
from ..pipeline import Summarizer
from .config import ServeConfig
from .workers import JobQueue

__all__ = ["ApiError", "Service", "service_of"]

T = TypeVar("T")


class ApiError(SummarizerError):
    """A refusal the HTTP layer decides itself (401, 404, 413, ...), with its one-line ``detail``."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.http_status = status
        self.headers = headers


@dataclass
class Service:
    settings: Settings
    config: ServeConfig
    queue: JobQueue
    loop: asyncio.AbstractEventLoop | None = None
    model_error: str | None = None
    _cache: Cache | None = field(default=None, repr=False)
    #: the one thread that holds the cache connection (SQLite connections stay in their thread)
    _cache_thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="summarizer-cache"), repr=False
    )
    _limiter: anyio.CapacityLimiter | None = field(default=None, repr=False)

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        """At most ``config.work_threads`` requests parse, split or render at once (made on the loop)."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.config.work_threads)
        return self._limiter

    async def work(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker thread under the limiter: CPU work never runs on the event loop."""
        return await anyio.to_thread.run_sync(fn, *args, limiter=self.limiter)

    async def in_cache_thread(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._cache_thread, fn, *args)

    async def check_room(self) -> None:
        """429 (or 503 while stopping) before anything is spent on a request's article."""
        await anyio.to_thread.run_sync(self.queue.check_room)

    @property
    def store(self) -> JobStore:
        return self.queue.store

    @property
    def keyer(self) -> Summarizer:
        return self.queue.summarizers[0]

    def _reader(self) -> Cache | None:
        """This thread's connection to the cache file (the workers hold their own)."""
        if not self.settings.use_cache:
            return None
        if self._cache is None:
            self._cache = Cache(self.settings.resolved_cache_path())
        return self._cache

    def cached(self, article: Article) -> Summary | None:
        """What the pipeline would answer from the cache for the article. Called in the cache
        thread only (``in_cache_thread``), so the connection stays in one thread."""
        reader = self._reader()
        return None if reader is None else self.keyer.cached(article, reader)

    def cached_by_sha(self, article_sha256: str) -> Summary | None:
        reader = self._reader()
        return None if reader is None else self.keyer.lookup(article_sha256, reader)

    def close_cache(self) -> None:
        def close() -> None:
            if self._cache is not None:
                self._cache.close()
                self._cache = None

        with contextlib.suppress(RuntimeError):  # closed already
            self._cache_thread.submit(close).result()
        self._cache_thread.shutdown()

    def request_drain(self) -> None:
        """From a signal handler: drain on the loop's thread (never take locks inside the handler)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.queue.drain)


def service_of(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc
