"""The dev-set loader: a fixed split, clean skipping when the shared folder is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import devsets
from summarizer.cli import main


def _write(folder: Path, ids: list[str]) -> None:
    (folder / "ggt").mkdir(parents=True)
    for i in ids:
        (folder / "ggt" / f"{i}.json").write_text(json.dumps({"id": i, "text": f"Text {i}.", "quotations": []}))


def test_split_is_fixed_and_covers_every_article(tmp_path: Path) -> None:
    ids = [f"a{i}" for i in range(40)]
    _write(tmp_path, ids)
    study = {a.id for a in devsets.load("ggt", "study", tmp_path)}
    test = {a.id for a in devsets.load("ggt", "test", tmp_path)}
    assert study | test == set(ids) and not study & test
    assert 10 < len(study) < 30  # a hash split, not everything on one side
    assert {a.id for a in devsets.load("ggt", "study", tmp_path)} == study  # the same every time
    assert all(devsets.part_of(i) == "study" for i in study)


def test_missing_folder_skips_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(devsets.DevsetMissingError):
        devsets.load("ggt", "all", tmp_path / "nowhere")
    monkeypatch.setenv("SUMMARIZER_DEVSETS", str(tmp_path / "nowhere"))
    result = CliRunner().invoke(main, ["eval", "--devset", "ggt", "--code-only", "--out", str(tmp_path / "runs")])
    assert result.exit_code == 0
    assert "not found; skipping" in result.output
    assert not (tmp_path / "runs").exists()


def test_unknown_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(devsets.SummarizerError, match="unknown dev set"):
        devsets.load("nope", "all", tmp_path)
