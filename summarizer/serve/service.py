"""What every route shares: the settings, the job queue, the token and a cache reader."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

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
        """What the pipeline would answer from the cache for the article. Called only from async
        routes, so the connection stays on the event loop's thread."""
        reader = self._reader()
        return None if reader is None else self.keyer.cached(article, reader)

    def cached_by_sha(self, article_sha256: str) -> Summary | None:
        reader = self._reader()
        return None if reader is None else self.keyer.lookup(article_sha256, reader)

    def close_cache(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def request_drain(self) -> None:
        """From a signal handler: drain on the loop's thread (never take locks inside the handler)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.queue.drain)


def service_of(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc
