"""``ServeConfig``: every option of ``summarize serve`` in one object, built once by the CLI (or a
test) and read by ``create_app`` and ``run_server``. Free of FastAPI, so the CLI reads its defaults
without loading the web stack."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["LOCAL_HOSTS", "ServeConfig"]

#: addresses only this machine can reach: serving elsewhere without a token logs a warning; they
#: are also the ``Host`` headers served by default (a rebinding DNS name is refused)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ServeConfig:
    """How the service listens and queues; the model and cache come from ``Settings``."""

    host: str = "127.0.0.1"
    port: int = 8000
    #: articles that may wait in the queue before POSTs are answered 429
    queue: int = 16
    #: articles summarized at once (above 1 needs an OpenAI-compatible server)
    concurrency: int = 1
    #: bearer token every /v1 route needs (None: no token)
    token: str | None = None
    #: request body bytes
    max_body: int = 1_000_000
    #: the jobs file (None: ``<cache>.jobs.sqlite``)
    jobs_path: Path | None = None
    #: seconds a running job may take to finish on stop before it is re-queued
    grace: float = 2.0
    #: ``Host`` header names served besides the loopback names and ``host`` ("*": any; the
    #: DNS-rebinding check is off)
    allowed_hosts: tuple[str, ...] = ()
    #: fetch URLs that resolve to loopback, private, link-local or reserved addresses (off: public only)
    allow_private_urls: bool = False
    #: seconds a URL may take to fetch in all (resolve, connect, redirects, headers, body)
    fetch_timeout: float = 30.0
    #: worker threads that parse, split and render at once (kept off the event loop)
    work_threads: int = 4

    def trusted_hosts(self) -> frozenset[str]:
        """The ``Host`` names this server answers (lower case, no port, IPv6 without brackets)."""
        names = {*LOCAL_HOSTS, *(h.strip().lower().strip("[]") for h in self.allowed_hosts)}
        if self.host not in ("0.0.0.0", "::", ""):
            names.add(self.host.lower().strip("[]"))
        return frozenset(names)
