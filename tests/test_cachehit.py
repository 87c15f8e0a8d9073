"""A run answered from the cache loads no model client: openai, instructor, llama_cpp (and the
passes, sqlite-utils) are imported only when a model is called."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import GOOD, SEED, pass_of
from .fakeserver import FakeServer

HEAVY = ("openai", "instructor", "llama_cpp", "sqlite_utils", "summarizer.extract", "summarizer.fields")


def test_a_cache_hit_imports_no_model_client(tmp_path: Path) -> None:
    with FakeServer(router=lambda body: ("ok", json.dumps(GOOD[pass_of(body)]))) as server:
        args = [str(SEED), "--format", "json", "--model", "fake", "--base-url", server.base_url]
        args += ["--cache", str(tmp_path / "c.sqlite")]
        env = {**os.environ, "SUMMARIZER_API_KEY": "x"}
        first = subprocess.run(
            [sys.executable, "-c", "from summarizer.cli import main; main()", *args],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        calls = len(server.requests)
        code = (
            "import sys\nfrom summarizer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
        )
        hit = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    assert calls > 0 and len(server.requests) == calls  # the second run never called the model
    assert json.loads(first.stdout)["meta"]["cached"] is False
    assert json.loads(hit.stdout)["meta"]["cached"] is True
    assert hit.stderr.strip().splitlines()[-1] == "[]"
