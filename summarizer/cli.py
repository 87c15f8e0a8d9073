"""The ``summarize`` command: a thin layer over the Python API.

Exit codes: 0 ok, 1 unexpected failure, 2 usage or bad input, 3 model or backend failure,
4 an eval metric outside evals/thresholds.toml.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from click_default_group import DefaultGroup

from .article import Article, load_article
from .cache import Cache
from .config import Settings, default_cache_path
from .errors import SummarizerError
from .pipeline import Summarizer
from .render import render

__all__ = ["main"]


def _fail(exc: SummarizerError) -> None:
    click.echo(f"summarize: error: {exc}", err=True)
    sys.exit(exc.exit_code)


def _settings(**options: Any) -> Settings:
    cache_path = options.pop("cache_path", None)
    use_cache = not options.pop("no_cache", False)
    return Settings.from_env(**options, cache_path=cache_path, use_cache=use_cache)


_model_options = [
    click.option("--model", help="Path to a .gguf file, or a model name on --base-url. Default: embedded."),
    click.option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1."),
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


def model_options(f: Any) -> Any:
    for option in reversed(_model_options):
        f = option(f)
    return f


@click.group(cls=DefaultGroup, default="run", default_if_no_args=False)
@click.version_option(package_name="summarizer")
def main() -> None:
    """Grounded structured summaries of news articles: summary, claims, actors, figures, quotes.

    \b
      summarize article.txt                  markdown summary with the embedded model
      summarize article.txt --format json    the JSON output contract
      summarize cache stats | cache clear    inspect or empty the cache
    """


@main.command("run")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "html"]), default="markdown", show_default=True)
@model_options
def run(files: tuple[str, ...], fmt: str, **options: Any) -> None:
    """Summarize FILES (``-`` reads standard input)."""
    try:
        settings = _settings(**options)
        articles: list[Article] = [load_article(f, settings.max_article_chars) for f in files]
        summarizer = Summarizer(settings)
        results = []
        for article in _progress(articles):
            results.append((article, summarizer.summarize(article)))
    except SummarizerError as exc:
        _fail(exc)
        return
    if fmt == "json" and len(results) > 1:
        docs = [{"source": a.source, **s.model_dump(mode="json")} for a, s in results]
        click.echo(json.dumps(docs, indent=2, ensure_ascii=False))
        return
    for article, summary in results:
        click.echo(render(summary, fmt, title=article.source if len(results) > 1 else None), nl=False)  # type: ignore[arg-type]


def _progress(articles: list[Article]) -> Any:
    if len(articles) < 2 or not sys.stderr.isatty():
        return articles
    from rich.progress import track

    return track(articles, description="summarizing", console=None, transient=True)


@main.group("cache")
def cache_group() -> None:
    """Inspect or clear the SQLite cache."""


@cache_group.command("stats")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def cache_stats(cache_path: Path | None) -> None:
    """Entries, articles, tokens and size of the cache."""
    try:
        cache = Cache(cache_path or default_cache_path())
        click.echo(json.dumps(cache.stats(), indent=2))
    except SummarizerError as exc:
        _fail(exc)


@cache_group.command("clear")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def cache_clear(cache_path: Path | None) -> None:
    """Delete every cached summary."""
    try:
        n = Cache(cache_path or default_cache_path()).clear()
        click.echo(f"removed {n} cached summaries")
    except SummarizerError as exc:
        _fail(exc)


@main.group("eval", cls=DefaultGroup, default="run", default_if_no_args=True)
def eval_group() -> None:
    """Score the pipeline on hand-labelled seeds; history and comparison of past runs."""


@eval_group.command("run")
@click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("evals/runs"), show_default=True)
@click.option("--only", multiple=True, help="Seed id to run (repeatable).")
@click.option(
    "--thresholds",
    type=click.Path(path_type=Path),
    default=Path("evals/thresholds.toml"),
    show_default=True,
    help="Exit 4 when a metric falls outside these bounds.",
)
@model_options
def eval_run(seeds_dir: Path, out_dir: Path, only: tuple[str, ...], thresholds: Path, **options: Any) -> None:
    """Run the suite: per-field table, report.json + report.md, stored run, threshold gate."""
    from rich.console import Console
    from rich.progress import track

    from .evals import check_thresholds, render_markdown, run_suite, save_run
    from .labels import load_seeds

    try:
        settings = _settings(**options)
        seeds = load_seeds(seeds_dir, only)
        summarizer = Summarizer(settings)
        console = Console(stderr=True)
        report = run_suite(summarizer, seeds, lambda s: track(s, description="eval", console=console, transient=True))
    except SummarizerError as exc:
        _fail(exc)
        return
    out = out_dir / report["id"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = render_markdown(report)
    (out / "report.md").write_text(md, encoding="utf-8")
    if summarizer.cache is not None:
        save_run(summarizer.cache, report)
    click.echo(md)
    click.echo(f"report: {out}/report.md")
    if thresholds.exists():
        failures = check_thresholds(report["metrics"], thresholds)
        for line in failures:
            click.echo(f"summarize: gate: {line}", err=True)
        if failures:
            sys.exit(4)
        click.echo(f"gate: all thresholds in {thresholds} met")


@eval_group.command("history")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def eval_history(cache_path: Path | None) -> None:
    """List stored eval runs with their headline metrics."""
    from .evals import history

    rows = history(Cache(cache_path or default_cache_path()))
    if not rows:
        click.echo("no eval runs stored yet; run: summarize eval")
    for r in rows:
        m = r["metrics"]
        click.echo(
            f"{r['id']}  {r['model']}  prompt {r['prompt_version']}  {m['articles']} seeds  "
            f"quotes F1 {m['quotes']['f1']:.2f}  figures F1 {m['figures']['f1']:.2f}  "
            f"actors R {m['actors']['recall']:.2f}  claims F1 {m['claims']['f1']:.2f}  "
            f"grounding {m['grounding_rate']:.3f}"
        )


@eval_group.command("compare")
@click.argument("run_a")
@click.argument("run_b")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def eval_compare(run_a: str, run_b: str, cache_path: Path | None) -> None:
    """Show every metric that moved between two stored runs (ids or unique prefixes)."""
    from .evals import compare, load_run

    cache = Cache(cache_path or default_cache_path())
    runs = [load_run(cache, r) for r in (run_a, run_b)]
    for name, run in zip((run_a, run_b), runs, strict=True):
        if run is None:
            click.echo(f"summarize: error: no stored eval run {name!r}; see: summarize eval history", err=True)
            sys.exit(2)
    assert runs[0] is not None and runs[1] is not None
    moved = compare(runs[0], runs[1])
    if not moved:
        click.echo("no metric moved")
    for metric, a, b, delta in moved:
        click.echo(f"{metric:40s} {a:10.4g} -> {b:<10.4g} ({delta:+.4g})")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 0.0.0.0 exposes the service.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--queue", "queue_size", type=click.IntRange(1), default=16, show_default=True, help="Articles waiting.")
@click.option("--concurrency", type=click.IntRange(1), default=1, show_default=True, help="Articles at once (servers).")
@click.option("--token", envvar="SUMMARIZER_SERVE_TOKEN", help="Bearer token for /v1 (or SUMMARIZER_SERVE_TOKEN).")
@click.option("--max-body", type=click.IntRange(1), default=1_000_000, show_default=True, help="Request body bytes.")
@click.option("--jobs", "jobs_path", type=click.Path(path_type=Path), help="Jobs file (default: <cache>.jobs.sqlite).")
@model_options
def serve(
    host: str,
    port: int,
    queue_size: int,
    concurrency: int,
    token: str | None,
    max_body: int,
    jobs_path: Path | None,
    **options: Any,
) -> None:
    """Serve the HTTP API (FastAPI + uvicorn): POST /v1/summaries, /v1/jobs; docs at /docs."""
    from .server import run_server

    try:
        run_server(
            _settings(**options),
            host=host,
            port=port,
            queue=queue_size,
            concurrency=concurrency,
            token=token,
            max_body=max_body,
            jobs_path=jobs_path,
        )
    except SummarizerError as exc:
        _fail(exc)
