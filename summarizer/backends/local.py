"""The embedded backend: llama-cpp-python in process, JSON-schema-constrained by a grammar."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import DEFAULT_MODEL, Settings
from ..errors import ConfigError, ModelUnavailableError
from ..weights import EMBEDDED_SHA256, embedded_model_path
from .base import Backend, to_json_object_format

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

__all__ = ["LocalBackend", "available_cores"]

_MODELS: dict[tuple[str, int, int, bool, int], Any] = {}
_LOAD_LOCK = threading.Lock()
_SHA_CACHE: dict[tuple[str, int, int], str] = {}


def available_cores() -> int:
    """Cores this process may run on (cgroup/affinity aware), not the machine's total."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _file_sha256(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _SHA_CACHE:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 22):
                digest.update(chunk)
        _SHA_CACHE[key] = digest.hexdigest()
    return _SHA_CACHE[key]


class LocalBackend(Backend):
    """A GGUF model run by llama.cpp; the model is loaded once per process and shared."""

    def __init__(self, settings: Settings) -> None:
        if settings.model is None or settings.model == DEFAULT_MODEL:
            self.path = embedded_model_path()
            self.sha256 = EMBEDDED_SHA256
            self.name = DEFAULT_MODEL
        else:
            self.path = Path(settings.model).expanduser()
            if not self.path.is_file():
                raise ConfigError(f"model file {self.path} does not exist; pass a .gguf path")
            self.sha256 = _file_sha256(self.path)
            self.name = self.path.name
        self.settings = settings
        self.threads = settings.threads or available_cores()
        self._llama: Any = None

    def identity(self) -> dict[str, Any]:
        return {"backend": "llama.cpp", "sha256": self.sha256, "n_ctx": self.settings.n_ctx}

    @property
    def llama(self) -> Any:
        if self._llama is None:
            self._llama = load_llama(self.path, self.settings, self.threads)
        return self._llama

    def tokenize(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def create(self, **kwargs: Any) -> ChatCompletion:
        from openai.types.chat import ChatCompletion  # the client's types load with the first call

        kwargs = to_json_object_format(kwargs)
        kwargs.pop("model", None)
        kwargs.pop("timeout", None)
        kwargs.setdefault("seed", self.settings.seed)
        result = self.llama.create_chat_completion(**kwargs)
        return ChatCompletion.model_validate(result)


def load_llama(path: Path, settings: Settings, threads: int) -> Any:
    """Load (or reuse) a llama.cpp model; one instance per file and load-time setting."""
    try:
        from llama_cpp import Llama
    except ImportError:
        raise ModelUnavailableError(
            "the local model needs llama-cpp-python; run: pip install 'summarizer[local]'"
        ) from None
    key = (str(path), settings.n_ctx, threads, settings.flash_attn, settings.n_batch)
    with _LOAD_LOCK:
        if key not in _MODELS:
            try:
                _MODELS[key] = Llama(
                    model_path=str(path),
                    n_ctx=settings.n_ctx,
                    n_batch=settings.n_batch,
                    n_threads=threads,
                    n_threads_batch=threads,
                    flash_attn=settings.flash_attn,
                    seed=settings.seed,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise ModelUnavailableError(f"cannot load {path}: {exc}") from None
        return _MODELS[key]
