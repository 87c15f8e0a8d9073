"""Helpers for the HTTP service tests: the real app under uvicorn on 127.0.0.1, in a thread or a
``summarize serve`` subprocess, and a gate that holds the scripted model mid-article."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from .conftest import router


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` over real HTTP on 127.0.0.1 from a thread; yields the base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


class Gate:
    """A scripted-backend router that answers GOOD, but only while the gate is open; ``calls``
    counts requests that arrived (so a test can wait until an article is being summarized)."""

    def __init__(self, inner: Callable[[dict[str, Any]], Any] | None = None, open: bool = False) -> None:
        self.inner = inner or router()
        self.opened = threading.Event()
        if open:
            self.opened.set()
        self.calls = 0

    def __call__(self, request: dict[str, Any]) -> Any:
        self.calls += 1
        assert self.opened.wait(30), "gate never opened"
        return self.inner(request)

    def open(self) -> None:
        self.opened.set()


def wait_for(predicate: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def job_rows(path: Path) -> list[dict[str, Any]]:
    """The jobs table read straight from the SQLite file, as another process would see it."""
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("select * from jobs order by created_at")]


def cache_rows(path: Path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select count(*) from results").fetchone()[0])


def serve_process(*args: str, port: int, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``summarize serve`` as a real process (the console script beside this Python)."""
    exe = Path(sys.executable).parent / "summarize"
    return subprocess.Popen(
        [str(exe), "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def wait_healthy(base: str, proc: subprocess.Popen[str] | None = None, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"server exited {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            r = httpx.get(f"{base}/healthz", timeout=2)
            if r.status_code == 200:
                return dict(r.json())
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "server not healthy in time"
        time.sleep(0.1)


def slow_good(delay: float) -> Callable[[dict[str, Any]], tuple[str, str]]:
    """A FakeServer router answering every pass with GOOD after ``delay`` seconds."""
    from .conftest import GOOD, pass_of

    def route(body: dict[str, Any]) -> tuple[str, str]:
        time.sleep(delay)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    return route


def seed_page(text: str) -> str:
    """The article as a plain news page, for URL input."""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return (
        "<!doctype html><html><head><title>Seed</title></head>"
        f"<body><article><h1>Seed</h1>{paragraphs}</article></body></html>"
    )


@contextmanager
def page_server(html: str) -> Iterator[str]:
    """One HTML page at every path of a server on 127.0.0.1; yields its URL."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    data = html.encode("utf-8")

    class Page(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    site = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    site.daemon_threads = True
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/story"
    finally:
        site.shutdown()
        site.server_close()


def echo_key_server() -> Any:
    """A model server that answers 401 echoing the caller's Authorization header (some real ones
    echo part of the key): the service must keep it out of responses and logs anyway."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Echo(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            message = f"Incorrect API key provided: {self.headers.get('authorization')}"
            body = json.dumps({"error": {"message": message}}).encode()
            self.send_response(401)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
