"""``summarize serve``: the HTTP API (FastAPI under uvicorn), thin over ``summarizer.Summarizer``.

Every article goes through the durable job queue of ``summarizer.jobs``, the synchronous
``POST /v1/summaries`` included, so the one embedded model summarizes one article at a time and a
full queue is answered with 429 instead of piling up threads. Cached summaries are answered at once
from the cache file (read on the event loop's thread: SQLite connections stay in their thread).

Status codes: 401 missing or wrong bearer token, 413 body above ``--max-body`` or article above
``--max-chars``, 422 invalid JSON, fields or article text, 429 queue full (``Retry-After``),
501 URL input without ``summarizer.web``, 502 the model server failed, 503 the model is unavailable
or the server is stopping. Every error body is ``{"detail": "<one line saying what to do>"}``;
a library error's status is its class's ``http_status`` (``summarizer.errors``).

Layout: ``config`` (ServeConfig, no FastAPI: the CLI reads it for --help), ``schemas`` (bodies),
``service`` (shared state), ``routes``, ``app`` (factory, middleware, the error handler),
``runner`` (uvicorn and signals).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .config import ServeConfig

if TYPE_CHECKING:
    from .app import BodyLimit, create_app
    from .runner import run_server
    from .service import ApiError

__all__ = ["ApiError", "BodyLimit", "ServeConfig", "create_app", "run_server"]

#: FastAPI loads only when the app is built, not when the CLI reads ServeConfig's defaults
_LAZY = {"ApiError": "service", "BodyLimit": "app", "create_app": "app", "run_server": "runner"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer.serve' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
