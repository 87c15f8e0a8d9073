"""OpenAI-compatible servers (OpenAI, Ollama, vLLM, llama.cpp's server) through the openai client."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import ConfigError
from .base import Backend, to_json_object_format

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletion

__all__ = ["OpenAIBackend"]


class OpenAIBackend(Backend):
    """Sends the schema as ``response_format``; falls back to llama.cpp's ``json_object`` form.

    The openai client's own retries are off (``max_retries=0``): summarizer's transport layer
    retries, so every attempt is counted once and bounded by one budget.
    """

    def __init__(self, settings: Settings) -> None:
        if not settings.model:
            raise ConfigError("a server needs a model name: pass --model NAME with --base-url")
        key = settings.api_key.get_secret_value() if settings.api_key else None
        if not key:
            if settings.base_url is None:
                raise ConfigError(
                    f"model {settings.model!r} runs on a remote server and needs an API key: "
                    "pass --api-key or set SUMMARIZER_API_KEY (or OPENAI_API_KEY); for a local "
                    "server pass --base-url"
                )
            key = "not-needed"  # local servers (llama.cpp, Ollama, vLLM) accept any key
        self.name = settings.model
        self.base_url = settings.base_url
        self._key = key
        self._timeout = settings.timeout
        self._client: openai.OpenAI | None = None
        self.json_object_schema = False

    @property
    def client(self) -> openai.OpenAI:
        """The openai client, made (and the package imported, about a second) on the first call:
        a run answered from the cache never needs it."""
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                api_key=self._key, base_url=self.base_url, max_retries=0, timeout=self._timeout
            )
        return self._client

    def identity(self) -> dict[str, Any]:
        return {"backend": "openai", "model": self.name, "base_url": self.base_url or "api.openai.com"}

    def create(self, **kwargs: Any) -> ChatCompletion:
        kwargs.setdefault("model", self.name)
        if self.json_object_schema:
            return self._create_llama_cpp(kwargs)
        client = self.client
        import openai

        try:
            return client.chat.completions.create(**kwargs)
        except (openai.BadRequestError, openai.InternalServerError) as exc:
            if "json_schema" not in str(exc) and "response_format" not in str(exc):
                raise
            # llama.cpp's server wants {"type": "json_object", "schema": ...}; remember it.
            self.json_object_schema = True
            return self._create_llama_cpp(kwargs)

    def _create_llama_cpp(self, kwargs: dict[str, Any]) -> ChatCompletion:
        """llama.cpp's server applies a 1.1 repeat penalty by default; the embedded backend does not.
        Sending 1.0 makes both decode alike (quotes repeat words, and a penalty bends copies)."""
        extra = {"repeat_penalty": 1.0, **kwargs.pop("extra_body", {})}
        return self.client.chat.completions.create(**to_json_object_format(kwargs), extra_body=extra)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
