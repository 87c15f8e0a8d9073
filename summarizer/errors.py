"""One exception hierarchy, so the CLI and the HTTP service turn any expected failure into one line:
each class carries its exit code (CLI) beside its HTTP status (``summarize serve``)."""

from __future__ import annotations

__all__ = [
    "BackendError",
    "BadInputError",
    "ConfigError",
    "FetchError",
    "ModelUnavailableError",
    "NoArticleError",
    "PromptError",
    "SummarizerError",
]


class SummarizerError(Exception):
    """Base of every error the user is meant to see; ``exit_code`` is what the CLI returns,
    ``http_status`` what the service answers (503: ours, not the client's), ``headers`` extra
    response headers (``Retry-After``)."""

    exit_code = 1
    http_status = 503
    headers: dict[str, str] | None = None


class BadInputError(SummarizerError):
    """The article cannot be read as text: missing, empty, binary, not UTF-8, too large."""

    exit_code = 2
    http_status = 422


class FetchError(BadInputError):
    """A URL could not be fetched as a web page: HTTP error, timeout, too large, not HTML or text,
    or refused (a non-public address for the service, credentials in the URL).

    ``str(exc)`` is the detailed line for the person at the command line; ``public`` is what the
    HTTP service tells its client, which must not map the server's network (ports, services)."""

    def __init__(self, message: str, public: str | None = None) -> None:
        super().__init__(message)
        self.public = public or message


class NoArticleError(BadInputError):
    """A web page held no article text once navigation and boilerplate were taken away."""


class ConfigError(SummarizerError):
    """Options that cannot work together (a remote model without a key, a bad path)."""

    exit_code = 2


class PromptError(SummarizerError):
    """A prompt template is missing or names a variable that was not supplied."""

    exit_code = 1


class BackendError(SummarizerError):
    """The model or server failed after the retry budget was spent."""

    exit_code = 3
    http_status = 502


class ModelUnavailableError(BackendError):
    """The embedded weights or a GGUF file cannot be found or verified."""

    http_status = 503
