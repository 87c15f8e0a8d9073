"""Hostile servers on 127.0.0.1 for the fetch and service tests: each counts what reaches it, so
a test can assert that a refused URL was never contacted.

``outside`` stands 127.0.0.2 (also this machine) in for a public address by patching the fetch
policy for that one address; ``inside`` is the internal service an attacker wants to read;
``slow`` sends its headers one byte every 0.2 s, forever.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from summarizer import fetch

from .conftest import SEED

TEXT = SEED.read_bytes()


class Site:
    """A server that counts requests and records their Host headers; ``/go?to=X`` redirects to X."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.hits: list[str] = []
        self.hosts: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append(self.path)
                site.hosts.append(self.headers.get("host", ""))
                if self.path.startswith("/go?to="):
                    self.send_response(302)
                    self.send_header("location", self.path.removeprefix("/go?to="))
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                if self.path == "/json":
                    body, ctype = b'{"secret": "internal"}', "application/json"
                elif self.path == "/missing":
                    self.send_response(404)
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                else:
                    body, ctype = TEXT, "text/plain; charset=utf-8"
                self.send_response(200)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(name="inside")
def inside_fixture() -> Iterator[Site]:
    """The internal service an attacker wants to read."""
    site = Site()
    yield site
    site.close()


@pytest.fixture(name="outside")
def outside_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A server on 127.0.0.2 that the policy is told to treat as a public address."""
    site = Site("127.0.0.2")
    real = fetch.address_refusal
    monkeypatch.setattr(fetch, "address_refusal", lambda ip: None if str(ip) == "127.0.0.2" else real(ip))
    yield site
    site.close()


class SlowHeaders:
    """Accepts, then sends the status line and one header byte every 0.2 s, forever."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                while not self.stop.is_set():
                    conn.sendall(b"a")
                    time.sleep(0.2)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture(name="slow")
def slow_fixture() -> Iterator[SlowHeaders]:
    server = SlowHeaders()
    yield server
    server.close()
