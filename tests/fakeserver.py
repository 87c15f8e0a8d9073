"""A real OpenAI-compatible HTTP server on 127.0.0.1 whose answers are scripted, to inject faults.

Each request to ``/v1/chat/completions`` takes the next behaviour from the script (the last one
repeats): ``ok`` (a completion with the given content), ``status`` (an error code, optional
headers), ``hang`` (sleep past the client's timeout), ``close`` (drop the connection mid-body),
``nonjson`` (a 200 whose body is not JSON), ``length`` (content cut off, finish_reason "length").
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = tuple[str, Any]


def completion(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    }


@dataclass
class FakeServer:
    script: list[Behaviour] = field(default_factory=list)
    router: Callable[[dict[str, Any]], Behaviour] | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                server.times.append(time.monotonic())
                kind, arg = server.next(body)
                if kind == "ok":
                    self._send(200, json.dumps(completion(arg)).encode())
                elif kind == "length":
                    self._send(200, json.dumps(completion(arg, "length")).encode())
                elif kind == "status":
                    code, headers = arg if isinstance(arg, tuple) else (arg, {})
                    self._send(code, json.dumps({"error": {"message": f"scripted {code}"}}).encode(), headers)
                elif kind == "hang":
                    time.sleep(arg)
                    self._send(200, json.dumps(completion("{}")).encode())
                elif kind == "close":
                    self.send_response(200)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", "1000")
                    self.end_headers()
                    self.wfile.write(b'{"id": "chatcmpl-')
                    self.wfile.flush()
                    self.close_connection = True
                elif kind == "nonjson":
                    self._send(200, b"<html>upstream proxy error</html>", {"content-type": "application/json"})
                else:
                    raise AssertionError(kind)

            def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(code)
                    headers = {"content-type": "application/json", **(headers or {})}
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def next(self, body: dict[str, Any]) -> Behaviour:
        if self.router is not None:
            return self.router(body)
        if len(self.script) > 1:
            return self.script.pop(0)
        return self.script[0]

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
