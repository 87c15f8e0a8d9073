"""``summarize serve``: the HTTP API."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import ConfigError, SummarizerError

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
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Host header to answer besides localhost/127.0.0.1/[::1] (repeat; '*' for any).",
)
@click.option("--allow-private-urls", is_flag=True, help="Fetch URLs on loopback, private and link-local addresses.")
@click.option(
    "--fetch-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=_SERVE.fetch_timeout,
    show_default=True,
    help="Seconds a URL may take to fetch in all.",
)
@model_options
def serve(
    host: str,
    port: int,
    queue: int,
    concurrency: int,
    token: str | None,
    max_body: int,
    jobs_path: Path | None,
    allowed_hosts: tuple[str, ...],
    allow_private_urls: bool,
    fetch_timeout: float,
    **options: Any,
) -> None:
    """Serve the HTTP API (FastAPI + uvicorn): POST /v1/summaries, /v1/jobs; docs at /docs."""
    from ..serve import run_server

    try:
        if token is None and os.environ.get("SUMMARIZER_SERVE_TOKEN") is not None:
            token = os.environ["SUMMARIZER_SERVE_TOKEN"]  # click reads an empty variable as unset
        if token is not None and not token.strip():
            source = click.get_current_context().get_parameter_source("token")
            given = "--token" if source == click.core.ParameterSource.COMMANDLINE else "SUMMARIZER_SERVE_TOKEN"
            raise ConfigError(f"{given} is empty: give a token, or leave it unset to serve without one (loopback only)")
        config = ServeConfig(
            host=host,
            port=port,
            queue=queue,
            concurrency=concurrency,
            token=token,
            max_body=max_body,
            jobs_path=jobs_path,
            allowed_hosts=allowed_hosts,
            allow_private_urls=allow_private_urls,
            fetch_timeout=fetch_timeout,
        )
        run_server(_settings(**options), config)
    except SummarizerError as exc:
        _fail(exc)
