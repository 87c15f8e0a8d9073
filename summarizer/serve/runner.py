"""``run_server``: uvicorn in this process, with a graceful stop on SIGTERM/SIGINT."""

from __future__ import annotations

import logging
import os
import signal
import sys
from types import FrameType

from ..config import Settings
from .app import create_app, log
from .config import LOCAL_HOSTS, ServeConfig
from .service import Service

__all__ = ["run_server"]


def run_server(settings: Settings, config: ServeConfig | None = None) -> None:
    """Serve until SIGTERM/SIGINT: stop accepting, answer waiting requests, re-queue running jobs, exit 0."""
    import uvicorn

    config = config or ServeConfig()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    app = create_app(settings, config=config)
    svc: Service = app.state.service
    if not config.token and config.host not in LOCAL_HOSTS:
        log.warning("serving on %s without --token: anyone who can reach the port can use the model", config.host)
    if config.host not in LOCAL_HOSTS and not config.allowed_hosts:
        names = ", ".join(sorted(config.trusted_hosts()))
        log.warning(
            "answering only requests whose Host is one of %s: add the names clients use with --allowed-host", names
        )

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            svc.request_drain()
            super().handle_exit(sig, frame)

    # uvicorn re-raises the stop signal after restoring the previous handlers; ours ignore it,
    # so a graceful stop exits 0 instead of dying by the signal.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: None)
    uv_config = uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        log_level="info",
        timeout_graceful_shutdown=max(1, int(config.grace) + 3),
    )
    _Server(uv_config).run()
    if svc.queue.busy:
        # a worker is still inside a model call (its job is re-queued): do not let interpreter
        # shutdown free the model under it
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
