"""The OpenAI-compatible path (openai client + instructor) against llama.cpp's real HTTP server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from summarizer import Settings, Summarizer
from summarizer.backends.local import available_cores
from summarizer.weights import embedded_model_path

from ..conftest import SEED

pytestmark = [pytest.mark.model, pytest.mark.server]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> str:
    port = free_port()
    log = (tmp_path_factory.mktemp("server") / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(embedded_model_path()),
            "--model_alias", "qwen-1.5b",
            "--host", "127.0.0.1", "--port", str(port),
            "--n_ctx", "8192", "--n_threads", str(available_cores()),
            "--n_threads_batch", str(available_cores()),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/v1"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            direct.open(base + "/models", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server exited") from None
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("llama_cpp.server did not start in 120 s")
    yield base
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_pipeline_through_llama_cpp_server(server: str, tmp_path) -> None:
    settings = Settings(model="qwen-1.5b", base_url=server, cache_path=tmp_path / "c.sqlite")
    text = SEED.read_text(encoding="utf-8")
    summarizer = Summarizer(settings)
    summary = summarizer.summarize(text)

    assert summary.meta.model == "qwen-1.5b"
    assert summary.meta.input_tokens > 1000 and summary.meta.output_tokens > 50
    assert summary.summary
    assert {100, 175000, 94300} <= {f.value for f in summary.figures}
    for q in summary.quotes:
        assert text[q.span.start : q.span.end] == q.text
    assert any("Biden" in a.name for a in summary.actors)
    # the server rejects response_format json_schema; the backend switched to json_object + schema
    assert summarizer.backend.json_object_schema is True  # type: ignore[attr-defined]
    again = Summarizer(settings).summarize(text)
    assert again.meta.cached
