"""The CLI through click's CliRunner, with the scripted backend standing in for the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from summarizer import BackendError
from summarizer.backends import ScriptedBackend
from summarizer.cli import main

from .conftest import ROOT, SEED, router

BAD_INPUTS = {
    "missing": None,
    "empty": b"",
    "whitespace": b"  \n\t \n",
    "binary": bytes(range(256)) * 4,
    "latin1": "Caf\xe9 owners said the price rose by 12%.".encode("latin-1"),
    "html": b"<!doctype html><html><head><title>x</title></head><body><p>Text</p><div>a</div><p>b</p></body></html>",
}


@pytest.fixture
def scripted(use_backend) -> list[ScriptedBackend]:
    made: list[ScriptedBackend] = []

    def make(settings):
        backend = ScriptedBackend(router=router())
        made.append(backend)
        return backend

    use_backend(make)
    return made


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_json_output_follows_the_contract(scripted, tmp_path: Path) -> None:
    result = invoke(str(SEED), "--format", "json", "--cache", str(tmp_path / "c.sqlite"))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc) == {"source", "summary", "claims", "actors", "figures", "quotes", "rejected", "meta", "article"}
    assert doc["source"] == str(SEED) and doc["article"] is None  # the text is the file itself
    schema = json.loads((ROOT / "schemas" / "summary.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)  # the committed contract, source included
    text = SEED.read_text(encoding="utf-8")
    for q in doc["quotes"]:
        assert text[q["span"]["start"] : q["span"]["end"]] == q["text"]
    assert doc["meta"]["cached"] is False


def test_markdown_is_the_default(scripted, tmp_path: Path) -> None:
    result = invoke(str(SEED), "--cache", str(tmp_path / "c.sqlite"))
    assert result.exit_code == 0
    assert "## Figures" in result.output and "**175,000**" in result.output
    assert "## Quotes" in result.output and "very, very tough" in result.output


def test_stdin_and_several_files(scripted, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(SEED.read_text(encoding="utf-8").replace("Friday", "Thursday"), encoding="utf-8")
    result = invoke("-", str(other), "--format", "json", "--cache", str(tmp_path / "c.sqlite"), input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)
    assert [d["source"] for d in docs] == ["<stdin>", str(other)]
    assert len(scripted) == 1  # one backend (one model load) for the batch


def test_second_run_is_served_from_cache(scripted, tmp_path: Path) -> None:
    args = (str(SEED), "--format", "json", "--cache", str(tmp_path / "c.sqlite"))
    invoke(*args)
    doc = json.loads(invoke(*args).output)
    assert doc["meta"]["cached"] is True
    assert scripted[1].requests == []


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_nothing_cached(scripted, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.txt"
    if BAD_INPUTS[kind] is not None:
        path.write_bytes(BAD_INPUTS[kind])
    cache = tmp_path / "c.sqlite"
    result = CliRunner().invoke(main, [str(path), "--cache", str(cache)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("summarize: error: ")
    assert "Traceback" not in result.output
    assert not cache.exists()
    assert scripted == []  # refused before any model was set up


def test_directory_and_size_limit(scripted, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.output
    result = CliRunner().invoke(main, [str(SEED), "--max-chars", "100"])
    assert result.exit_code == 2 and "above the limit of 100" in result.output


def test_backend_failure_is_exit_3(use_backend, tmp_path: Path) -> None:
    backend = ScriptedBackend(router=lambda kw: (_ for _ in ()).throw(BackendError("server down")))
    use_backend(lambda settings: backend)
    result = CliRunner().invoke(main, [str(SEED), "--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 3
    assert result.output == "summarize: error: server down\n"


def test_remote_model_without_key_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [str(SEED), "--model", "gpt-4o-mini", "--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 2
    assert "needs an API key" in result.output and "SUMMARIZER_API_KEY" in result.output


def test_cache_stats_and_clear(scripted, tmp_path: Path) -> None:
    cache = str(tmp_path / "c.sqlite")
    invoke(str(SEED), "--cache", cache)
    stats = json.loads(invoke("cache", "stats", "--cache", cache).output)
    assert stats["entries"] == 1 and stats["articles"] == 1
    assert invoke("cache", "clear", "--yes", "--cache", cache).output == "removed 1 cached summaries\n"
    assert json.loads(invoke("cache", "stats", "--cache", cache).output)["entries"] == 0


def test_help_and_bad_input_do_not_load_the_pipeline() -> None:
    """openai, instructor, sqlite-utils and the passes load only when an article is summarized,
    pydantic (the settings and models) only when a command runs with an input that exists."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from summarizer.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "assert CliRunner().invoke(main, ['/nonexistent.txt']).exit_code == 2\n"
        "print(sorted(m for m in ('openai', 'instructor', 'sqlite_utils', 'summarizer.pipeline', 'pydantic')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
