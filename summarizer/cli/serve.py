"""``summarize serve``: the HTTP API."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import SummarizerError

if TYPE_CHECKING:
    pass

from ..serve.config import ServeConfig
from .base import (
    _fail,
    _settings,
    main,
    model_options,
)

_SERVE = ServeConfig()  # the defaults shown in --help


@main.command("serve")
@click.option("--host", default=_SERVE.host, show_default=True, help="Address to bind; 0.0.0.0 exposes the service.")
@click.option("--port", type=click.IntRange(0, 65535), default=_SERVE.port, show_default=True)
@click.option("--queue", type=click.IntRange(1), default=_SERVE.queue, show_default=True, help="Articles waiting.")
@click.option(
    "--concurrency",
    type=click.IntRange(1),
    default=_SERVE.concurrency,
    show_default=True,
    help="Articles at once (servers).",
)
@click.option("--token", envvar="SUMMARIZER_SERVE_TOKEN", help="Bearer token for /v1 (or SUMMARIZER_SERVE_TOKEN).")
@click.option(
    "--max-body", type=click.IntRange(1), default=_SERVE.max_body, show_default=True, help="Request body bytes."
)
@click.option("--jobs", "jobs_path", type=click.Path(path_type=Path), help="Jobs file (default: <cache>.jobs.sqlite).")
@model_options
def serve(
    host: str,
    port: int,
    queue: int,
    concurrency: int,
    token: str | None,
    max_body: int,
    jobs_path: Path | None,
    **options: Any,
) -> None:
    """Serve the HTTP API (FastAPI + uvicorn): POST /v1/summaries, /v1/jobs; docs at /docs."""
    from ..serve import run_server

    config = ServeConfig(
        host=host,
        port=port,
        queue=queue,
        concurrency=concurrency,
        token=token or None,
        max_body=max_body,
        jobs_path=jobs_path,
    )
    try:
        run_server(_settings(**options), config)
    except SummarizerError as exc:
        _fail(exc)
