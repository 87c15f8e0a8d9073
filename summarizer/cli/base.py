"""What every ``summarize`` command shares: the ``main`` group, the model and input options, the
settings, one-line errors and exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click_default_group import DefaultGroup

from ..errors import SummarizerError

if TYPE_CHECKING:
    from ..cache import Cache
    from ..config import Settings
    from ..pipeline import Summarizer


__all__ = ["CONTEXT", "input_options", "main", "model_options"]


def _summarizer(settings: Settings) -> Summarizer:
    """The pipeline imports openai, instructor and pydantic models for every pass: only load it
    when an article is to be summarized, so --help and bad-input errors answer at once."""
    from ..pipeline import Summarizer

    return Summarizer(settings)


def _cache(path: Path | None) -> Cache:
    from ..cache import Cache
    from ..config import default_cache_path

    return Cache(path or default_cache_path())


CONTEXT = {"help_option_names": ["-h", "--help"]}
EXIT_SOME_FAILED = 5
EXIT_INTERRUPTED = 130


def _fail(exc: SummarizerError) -> None:
    click.echo(f"summarize: error: {exc}", err=True)
    sys.exit(exc.exit_code)


def _warn(exc: SummarizerError) -> None:
    click.echo(f"summarize: error: {exc}", err=True)


class _Main(DefaultGroup):
    """Ctrl-C ends any command with exit 130 and one line, not click's "Aborted!" and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nsummarize: interrupted; finished articles are in the cache", err=True)
            sys.exit(EXIT_INTERRUPTED)


def _settings(**options: Any) -> Settings:
    """Settings import pydantic (about 0.1 s): only once a command runs, so --help answers at once."""
    from ..config import Settings

    cache_path = options.pop("cache_path", None)
    use_cache = not options.pop("no_cache", False)
    return Settings.from_env(**options, cache_path=cache_path, use_cache=use_cache)


_model_options = [
    click.option("--model", help="Path to a .gguf file, or a model name on --base-url. Default: embedded."),
    _base_url := click.option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1."),
    click.option("--api-key", help="Key for the server (or SUMMARIZER_API_KEY / OPENAI_API_KEY)."),
    click.option(
        "--cache", "cache_path", type=click.Path(path_type=Path), help="SQLite cache file (or SUMMARIZER_CACHE)."
    ),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    click.option("--temperature", type=float, help="Sampling temperature (default 0)."),
    click.option("--max-retries", type=int, help="Re-asks after an answer fails validation (default 2)."),
    click.option("--retries", "transport_retries", type=int, help="Retries after 429/5xx/timeouts (default 4)."),
    click.option("--retry-budget", type=float, help="Seconds all retries of one call may take (default 180)."),
    click.option("--timeout", type=float, help="Seconds one model call may take (default 300)."),
    click.option("--max-tokens", type=int, help="Output tokens per model call (default 600)."),
    click.option("--max-chars", "max_article_chars", type=int, help="Refuse longer articles (default 200000)."),
    click.option("--threads", type=int, help="CPU threads for the local model (default: all available)."),
]


_input_options = [
    click.option(
        "--fetch-timeout", type=float, default=30.0, show_default=True, help="Seconds a web page may take to fetch."
    ),
    click.option(
        "-q", "--quiet", is_flag=True, help="No progress on stderr (there is none when it is not a terminal)."
    ),
]


def model_options(f: Any) -> Any:
    for option in reversed(_model_options):
        f = option(f)
    return f


def input_options(f: Any) -> Any:
    for option in reversed(_input_options):
        f = option(f)
    return f


@click.group(cls=_Main, default="run", default_if_no_args=False, context_settings=CONTEXT)
@click.version_option(package_name="summarizer")
def main() -> None:
    """Grounded structured summaries of news articles: summary, claims, actors, figures, quotes.

    \b
      summarize article.txt                  markdown summary with the embedded model
      summarize article.txt --format json    the JSON output contract (plus "source")
      summarize https://example.org/story    a web page: its article text is extracted first
      summarize a.txt b.html -o out.json     several inputs; -o writes a file, whole or not at all
      summarize batch in.jsonl --out o.jsonl one JSONL line per article in, one per article out
      summarize cache stats | cache clear    inspect or empty the cache

    \b
    Exit codes: 0 ok, 1 unexpected failure, 2 usage or bad input, 3 model or backend
    failure, 4 eval gate failed, 5 batch: some lines failed, 130 interrupted (Ctrl-C).
    """
