"""OUT of ``summarize batch --ray`` as the journal of a resumable run (``Journal``: whole records
appended as they come back, put in input order at the end, a rerun keeping the successful ones)
and what its progress lines count (``Tally``); the Ray plumbing is ``distributed.py``'s."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Journal", "Tally"]


class Journal:
    """OUT as the journal of a run: whole lines appended as they finish, put in input order at the end."""

    def __init__(self, path: Path, wanted: dict[Any, int]) -> None:
        """``wanted`` maps each id of the input to its line number; other ids in OUT are dropped."""
        self.path, self.existed = path, path.exists()
        #: input line number -> (offset, length) of its record in the file
        self.where: dict[int, tuple[int, int]] = {}
        try:
            if path.exists():
                self._scan(wanted)
            self._fh = path.open("ab")
        except OSError as exc:
            raise ConfigError(f"cannot use {path} as --out ({exc.strerror}); pass another file") from None

    def _scan(self, wanted: dict[Any, int]) -> None:
        offset = 0
        with self.path.open("rb") as fh:
            for number, line in enumerate(fh, 1):
                if not line.endswith(b"\n"):  # cut off by a kill: its article is redone (or cached)
                    os.truncate(self.path, offset)
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                if not isinstance(record, dict) or "id" not in record:
                    raise ConfigError(
                        f"{self.path} line {number} is not a batch record; --ray resumes from --out, "
                        "so pass a new file or a batch's own output"
                    )
                ident = record["id"]
                if "error" not in record and type(ident) in (str, int) and ident in wanted:
                    self.where[wanted[ident]] = (offset, len(line))
                offset += len(line)

    def append(self, number: int, line: str) -> None:
        data = line.encode("utf-8")
        offset = self._fh.tell()
        self._fh.write(data)
        self._fh.flush()  # a whole line reaches the file before the next one is waited for
        self.where[number] = (offset, len(data))

    def finish(self, order: list[int]) -> None:
        """Rewrite OUT with the records of ``order``'s lines, in that order (atomically)."""
        self._fh.close()
        if not self.existed and not self.where:  # nothing done (Ray never came up): leave no empty file
            self.path.unlink(missing_ok=True)
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, self.path.stat().st_mode & 0o777)
            with os.fdopen(fd, "wb") as dst, self.path.open("rb") as src:
                for number in order:
                    if number in self.where:
                        offset, length = self.where[number]
                        src.seek(offset)
                        dst.write(src.read(length))
            os.replace(tmp, self.path)
        finally:
            Path(tmp).unlink(missing_ok=True)


class Tally:
    """What the progress lines and the closing line report."""

    def __init__(self, lines: int, kept: int) -> None:
        self.lines, self.kept = lines, kept
        self.done = self.failed = self.cached = self.input_tokens = self.output_tokens = 0
        self.started = time.monotonic()

    @property
    def per_hour(self) -> float:
        """Articles summarized (not taken from OUT or the cache) per hour of this run."""
        return self.done * 3600 / max(time.monotonic() - self.started, 1e-9)

    def progress(self) -> str:
        finished = self.kept + self.done + self.failed + self.cached
        return (
            f"ray batch: {finished}/{self.lines} lines ({self.done} done, {self.failed} failed, "
            f"{self.kept + self.cached} skipped), {self.per_hour:.1f} articles/hour"
        )

    def summary(self) -> str:
        return (
            f"ray batch: {self.lines} lines: {self.done} done, {self.failed} failed, {self.kept + self.cached} "
            f"skipped ({self.kept} in OUT, {self.cached} from cache); {self.input_tokens:,} input + "
            f"{self.output_tokens:,} output tokens; {self.per_hour:.1f} articles/hour; "
            f"{time.monotonic() - self.started:.1f} s"
        )
