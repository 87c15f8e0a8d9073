"""Which reader gave each quotation its speaker (``attribution.provenance``), and the chooser probe
(``evals/chooser_probe.py``) against a real OpenAI-compatible HTTP server on 127.0.0.1 whose
answers are scripted (``tests/fakeserver.py``), on a made-up article: no model is run."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summarizer.article import Article
from summarizer.attribution import provenance
from summarizer.attribution.provenance import quote_readers
from summarizer.fields.base import Context

from .fakeserver import FakeServer

ROOT = Path(__file__).resolve().parent.parent

TEXT = """Bridge reopens after repairs

Mayor Ana Ruiz opened the repaired Elm Street bridge on Monday, two years after it was closed.

"It is safe again, and it will stay safe," Ruiz said. "We checked every bolt."

Her deputy, Tom Okafor, stood beside her. "We will keep it that way for fifty years," he said.

"Traffic will be back to normal by June, and the buses return next week."

"The city owes the builders a great deal," the mayor said.

A sign on the railing still read "Closed until May".
"""
#: (opening words, who the article means): Okafor's "he said" and the paragraph after it are his
LABELS = [
    ("It is safe again", "Ana Ruiz"),
    ("We checked", "Ana Ruiz"),
    ("We will keep", "Tom Okafor"),
    ("Traffic will", "Tom Okafor"),
    ("The city owes", "Ana Ruiz"),
]


def _probe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("chooser_probe", ROOT / "evals" / "chooser_probe.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["chooser_probe"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _context() -> Context:
    return Context.of(Article.from_text(TEXT))


def test_each_quotation_is_named_by_the_reader_that_gave_its_speaker() -> None:
    ctx = _context()
    readers = quote_readers(TEXT, ctx.quotes, ctx.names, ctx.speakers)
    got = {q.text.split(",")[0][:16]: r for q, r in zip(ctx.quotes, readers, strict=True)}
    assert got == {
        "It is safe again": "name",  # '"…," Ruiz said'
        "We checked every": "carry",  # '"…," Ruiz said. "…"'
        "We will keep it ": "pronoun",  # '"…," he said'
        "Traffic will be ": "carry-paragraph",  # a paragraph that is only a quotation
        "The city owes th": "description",  # '"…," the mayor said'
        "Closed until May": "none",  # nobody
    }


def test_provenance_changes_no_speaker_and_says_unknown_when_the_stages_disagree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = _context()
    before = list(ctx.speakers)
    quote_readers(TEXT, ctx.quotes, ctx.names, ctx.speakers)
    assert ctx.speakers == before == _context().speakers
    # speakers these stages did not read (a reader changed after them): no class is claimed for a speaker
    stages = provenance.speaker_stages(TEXT, ctx.quotes, ctx.names)
    monkeypatch.setattr(provenance, "speaker_stages", lambda *a: (*stages[:2], ["Someone Else"] * len(ctx.quotes)))
    readers = quote_readers(TEXT, ctx.quotes, ctx.names, ctx.speakers)
    assert readers == ["unknown"] * 5 + ["none"]


def _written(tmp_path: Path) -> Path:
    """The made-up article as a written-set pool entry (``<stem>.txt`` + GGT-shaped labels)."""
    quotations = []
    for opening, who in LABELS:
        start = TEXT.index(opening) - 1
        end = TEXT.index('"', start + 1) + 1
        quotations.append({"quote": TEXT[start:end], "start": start, "end": end, "speaker": "", "reference": who})
    (tmp_path / "s9_bridge.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "s9_bridge.json").write_text(json.dumps({"id": "s9_bridge", "quotations": quotations}), "utf-8")
    return tmp_path


def _schema(body: dict[str, Any]) -> dict[str, Any]:
    fmt = body["response_format"]
    return dict(fmt.get("json_schema", {}).get("schema") or fmt["schema"])


def _enum(prop: dict[str, Any]) -> list[str]:
    return next(o["enum"] for o in prop.get("anyOf", [prop]) if "enum" in o)


def test_probe_asks_one_call_per_article_and_tallies_code_against_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    probe = _probe()
    monkeypatch.setattr(probe, "WRITTEN", _written(tmp_path))
    ctx = _context()
    keys = {q.text[:11]: n + 1 for n, q in enumerate(ctx.quotes)}

    def answer(body: dict[str, Any]) -> tuple[str, str]:
        props = _schema(body)["properties"]
        # the model names Okafor for his own words and the paragraph after; says "not said" for the mayor's
        picks = {k: "Tom Okafor" if "Tom Okafor" in _enum(v) else "not said" for k, v in props.items() if k[0] == "Q"}
        picks[f"Q{keys['The city ow']}"] = "not said"
        return "ok", json.dumps({**picks, "other": []})

    out = tmp_path / "rows.json"
    with FakeServer(router=answer) as server:
        argv = ["--pool", "written", "--part", "all", "--base-url", server.base_url, "--model", "fake"]
        assert probe.main([*argv, "--classes", "pronoun,carry-paragraph,description", "--json", str(out)]) == 0
    assert len(server.requests) == 1  # one call for the article's three unsure quotations
    props = _schema(server.requests[0])["properties"]
    asked = {f"Q{keys[k]}" for k in ("We will kee", "Traffic wil", "The city ow")}
    assert set(props) == asked | {"other"}
    for key in asked:
        choices = _enum(props[key])
        assert choices[0] == "not said" and {"Ana Ruiz", "Tom Okafor"} <= set(choices)  # code's pick is offered
    prompt = server.requests[0]["messages"][1]["content"]
    assert "«We will keep it that way for fifty years,»" in prompt and "choose from: not said;" in prompt
    assert f"\nQ{keys['We will kee']}: «We will keep" in prompt
    assert f"\nQ{keys['It is safe ']}: «" not in prompt  # the strong readings are not asked

    rows = {r["quote"][1:12]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert (rows["We will kee"]["code"], rows["We will kee"]["model"]) == ("Ana Ruiz", "Tom Okafor")
    assert rows["The city ow"]["asked"] and rows["The city ow"]["model"] is None
    assert not rows["It is safe "]["asked"]
    printed = capsys.readouterr().out
    # pronoun: code wrong, model right; carry-paragraph the same; description: code right, model "not said"
    assert (
        "written  pronoun          n    1  code    0 (0.0)  model    1 (1.0)  both 0  neither 0  not said 0  "
        "right one offered 1  net +1 (1 fixed, 0 broken)" in printed
    )
    assert (
        "description      n    1  code    1 (1.0)  model    0 (0.0)  both 0  neither 0  not said 1  "
        "right one offered 1  net +0 (0 fixed, 0 broken)" in printed
    )
    assert "all      total            n    3  code    1 (0.3333)  model    2 (0.6667)" in printed
    assert "1 articles asked, 1 calls" in printed


def test_probe_code_only_and_article_limit_call_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    probe = _probe()
    monkeypatch.setattr(probe, "WRITTEN", _written(tmp_path))
    with FakeServer(script=[("status", 500)]) as server:
        argv = ["--pool", "written", "--part", "all", "--base-url", server.base_url, "--model", "fake"]
        assert probe.main([*argv, "--code-only"]) == 0
        assert probe.main([*argv, "--limit-articles", "0"]) == 0
    assert server.requests == []
    printed = capsys.readouterr().out
    assert "written  name             n    1  code    1 (1.0)" in printed
    assert "written  total            n    5  code    3 (0.6)" in printed  # Okafor's two quotations wrong
    assert "0 articles asked, 0 calls" in printed


def test_unknown_reader_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        _probe().main(["--code-only", "--classes", "pronoun,guess"])
    assert exc.value.code == 2


def test_probe_replays_recorded_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probe = _probe()
    monkeypatch.setattr(probe, "WRITTEN", _written(tmp_path))
    replay = tmp_path / "calls.sqlite"
    with FakeServer(script=[("ok", json.dumps({"Q3": "Tom Okafor", "Q4": "Tom Okafor", "Q5": "not said"}))]) as server:
        argv = ["--pool", "written", "--part", "all", "--base-url", server.base_url, "--model", "fake"]
        for _ in range(2):
            assert probe.main([*argv, "--replay", str(replay)]) == 0
    assert len(server.requests) == 1  # the second run was answered from the file
