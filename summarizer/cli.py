"""The ``summarize`` command: a thin layer over the Python API.

Exit codes: 0 ok, 1 unexpected failure, 2 usage or bad input, 3 model or backend failure,
4 an eval metric outside evals/thresholds.toml, 5 ``summarize batch``: some lines failed
(their error records are in the output), 130 interrupted (Ctrl-C; no half-written output).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from click_default_group import DefaultGroup

from . import progress
from .article import Article
from .errors import BadInputError, ConfigError, ModelUnavailableError, SummarizerError
from .loading import check_path, load_article
from .serve.config import ServeConfig
from .web import is_url, load_url

if TYPE_CHECKING:
    from .cache import Cache
    from .config import Settings
    from .models import Summary
    from .pipeline import Summarizer

__all__ = ["main"]


def _summarizer(settings: Settings) -> Summarizer:
    """The pipeline imports openai, instructor and pydantic models for every pass: only load it
    when an article is to be summarized, so --help and bad-input errors answer at once."""
    from .pipeline import Summarizer

    return Summarizer(settings)


def _cache(path: Path | None) -> Cache:
    from .cache import Cache
    from .config import default_cache_path

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
    from .config import Settings

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


def _load(spec: str, max_chars: int, fetch_timeout: float) -> Article:
    """A URL is fetched and extracted; a path (or ``-``) is read, a saved web page extracted."""
    if is_url(spec):
        return load_url(spec, max_chars=max_chars, timeout=fetch_timeout)
    return load_article(spec, max_chars)


def _document(article: Article, summary: Summary) -> dict[str, Any]:
    """The JSON contract plus ``source`` (path, ``<stdin>`` or URL), for one article or several."""
    return {**summary.model_dump(mode="json"), "source": article.source}


def _write_atomically(path: Path, text: str) -> None:
    """A temp file beside the target, renamed over it: an interrupted run leaves no partial file."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


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


@main.command("run", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|URL...")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "html"]), default="markdown", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result to FILE instead of standard output (whole, or not at all).",
)
@input_options
@model_options
def run(
    inputs: tuple[str, ...], fmt: str, output: Path | None, fetch_timeout: float, quiet: bool, **options: Any
) -> None:
    """Summarize article files, saved web pages or http(s) URLs (``-`` reads standard input).

    With several inputs a bad one gets its one-line error on stderr and the rest are summarized
    (exit 2 if only inputs failed). JSON: one object for one input, an array for several; each
    carries "source".
    """
    progress.set_quiet(quiet)
    files = [spec for spec in inputs if spec != "-" and not is_url(spec)]
    if len(files) == len(inputs):  # nothing but missing files: say so before the settings load pydantic
        unreadable = []
        for spec in files:
            try:
                check_path(spec)
            except BadInputError as exc:
                unreadable.append(exc)
        if len(unreadable) == len(inputs):
            for error in unreadable:
                _warn(error)
            sys.exit(2)
    try:
        settings = _settings(**options)
        if output is not None and not output.expanduser().absolute().parent.is_dir():
            raise ConfigError(f"cannot write {output}: its folder does not exist; create it or pass another -o")
    except SummarizerError as exc:
        _fail(exc)
        return
    failed: list[SummarizerError] = []
    articles: list[Article] = []
    for spec in inputs:
        try:
            articles.append(_load(spec, settings.max_article_chars, fetch_timeout))
        except BadInputError as exc:
            _warn(exc)
            failed.append(exc)
    results: list[tuple[Article, Summary]] = []
    fatal: SummarizerError | None = None
    if articles:
        summarizer = _summarizer(settings)
        try:
            with progress.PassStatus(len(articles)) as status:
                for done, article in enumerate(articles):
                    status.article(article.source, done)
                    try:
                        results.append((article, summarizer.summarize(article, progress=status)))
                    except BadInputError as exc:
                        _warn(exc)
                        failed.append(exc)
                    except SummarizerError as exc:  # the model or the setup: no use going on
                        fatal = exc
                        break
                    status.finished(done + 1)
        finally:
            summarizer.close()
    if results:
        several = len(inputs) > 1
        if fmt == "json":
            docs = [_document(a, s) for a, s in results]
            text = json.dumps(docs if several else docs[0], indent=2, ensure_ascii=False) + "\n"
        elif fmt == "html":  # one page, a section per article, highlighted against the text as read
            from .render import render_report

            text = render_report([(s, a.text, a.source) for a, s in results])
        else:
            from .render import render

            text = "".join(
                render(summary, fmt, title=article.source if several else None)  # type: ignore[arg-type]
                for article, summary in results
            )
        if output is None:
            click.echo(text, nl=False)
        else:
            try:
                _write_atomically(output, text)
            except OSError as exc:
                _fail(ConfigError(f"cannot write {output} ({exc.strerror}); pass another -o"))
    if fatal is not None:
        _fail(fatal)
    if failed:
        sys.exit(2 if all(e.exit_code == 2 for e in failed) else max(e.exit_code for e in failed))


class _BadLineError(BadInputError):
    """A batch line that is not ``{"id", "text"|"path"|"url"}``; keeps the id when there is one."""

    def __init__(self, message: str, ident: Any = None) -> None:
        super().__init__(message)
        self.ident = ident


def _parse_line(line: str) -> tuple[Any, str, str]:
    """``{"id", "text"|"path"|"url"}`` -> (id, kind, value)."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        raise _BadLineError(f'not JSON ({msg}); write one object a line, like {{"id": 1, "text": "…"}}') from None
    if not isinstance(obj, dict):
        raise _BadLineError('not a JSON object; write {"id": …, "text"|"path"|"url": …}')
    ident = obj.get("id")
    if ident is None or isinstance(ident, bool) or not isinstance(ident, str | int):
        raise _BadLineError('needs an "id" (a string or an integer)')
    kinds = [k for k in ("text", "path", "url") if k in obj]
    if len(kinds) != 1 or not isinstance(obj[kinds[0]], str):
        raise _BadLineError('give exactly one of "text", "path" or "url", as a string', ident)
    return ident, kinds[0], obj[kinds[0]]


def _batch_article(kind: str, value: str, source: str, settings: Settings, fetch_timeout: float) -> Article:
    if kind == "text":
        return Article.from_text(value, source=source, max_chars=settings.max_article_chars)
    if kind == "url":
        return load_url(value, max_chars=settings.max_article_chars, timeout=fetch_timeout)
    if value == "-":
        raise BadInputError(f"{source}: a path cannot be - in a batch; give a file")
    return load_article(value, settings.max_article_chars)


@main.command("batch", context_settings=CONTEXT)
@click.argument("input_file", metavar="INPUT.jsonl", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    metavar="OUT.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Output JSONL (- for standard output); an existing file is replaced.",
)
@input_options
@model_options
def batch(input_file: Path, out: Path, fetch_timeout: float, quiet: bool, **options: Any) -> None:
    """Summarize a JSONL file of articles: lines {"id", "text"} | {"id", "path"} | {"id", "url"}.

    \b
    One output line per input line, in input order, written as each finishes:
      {"id", "source", ...the JSON contract}  or  {"id", "line", "error"}
    A bad line or a failed article becomes an error record and the run goes on; blank lines are
    skipped. Re-running resumes: finished articles come from the cache. Exit 0 when every line
    succeeded, 5 when some failed.
    """
    progress.set_quiet(quiet)
    started = time.monotonic()
    try:
        settings = _settings(**options)
        data = sys.stdin.buffer.read() if str(input_file) == "-" else _read_input(input_file)
    except SummarizerError as exc:
        _fail(exc)
        return
    lines = [(n, raw) for n, raw in enumerate(data.splitlines(), 1) if raw.strip()]
    if str(out) != "-" and str(input_file) != "-" and out.resolve() == input_file.resolve():
        _fail(BadInputError(f"--out {out} is the input file; write the output elsewhere"))
    counts = {"ok": 0, "cached": 0, "failed": 0, "in": 0, "out": 0}
    summarizer: Summarizer | None = None
    try:
        sink: TextIO = sys.stdout if str(out) == "-" else out.open("w", encoding="utf-8")
    except OSError as exc:
        _fail(ConfigError(f"cannot write {out} ({exc.strerror}); pass another --out"))
        return
    fatal: SummarizerError | None = None
    try:
        with progress.PassStatus(len(lines)) as status:
            for done, (number, raw) in enumerate(lines):
                ident: Any = None
                try:
                    ident, kind, value = _parse_line(raw.decode("utf-8"))
                    source = value if kind != "text" else f"{input_file}:{number}"
                    status.article(str(ident), done)
                    article = _batch_article(kind, value, source, settings, fetch_timeout)
                    summarizer = summarizer or _summarizer(settings)
                    summary = summarizer.summarize(article, progress=status)
                    record = {"id": ident, **_document(article, summary)}
                    counts["ok"] += 1
                    counts["cached"] += summary.meta.cached
                    if not summary.meta.cached:
                        counts["in"] += summary.meta.input_tokens
                        counts["out"] += summary.meta.output_tokens
                except UnicodeDecodeError:
                    record = {"id": None, "line": number, "error": "not UTF-8; convert the file to UTF-8"}
                    counts["failed"] += 1
                except SummarizerError as exc:
                    record = {"id": getattr(exc, "ident", ident), "line": number, "error": str(exc)}
                    counts["failed"] += 1
                    if isinstance(exc, ConfigError | ModelUnavailableError):
                        fatal = exc  # the setup, not the line: every other line would fail the same way
                if "error" in record:
                    click.echo(f"summarize: error: line {number}: {record['error']}", err=True)
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                sink.flush()
                status.finished(done + 1)
                if fatal is not None:
                    break
    finally:
        if sink is not sys.stdout:
            sink.close()
        if summarizer is not None:
            summarizer.close()
    if fatal is not None:
        _fail(fatal)
    click.echo(
        f"batch: {len(lines)} lines, {counts['ok']} ok ({counts['cached']} from cache), {counts['failed']} failed; "
        f"{counts['in']:,} input + {counts['out']:,} output tokens; {time.monotonic() - started:.1f} s",
        err=True,
    )
    if counts["failed"]:
        sys.exit(EXIT_SOME_FAILED)


def _read_input(path: Path) -> bytes:
    if not path.exists():
        raise BadInputError(f"{path}: no such file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read ({exc.strerror})") from None


@main.group("cache", context_settings=CONTEXT)
def cache_group() -> None:
    """Inspect or clear the SQLite cache."""


@cache_group.command("stats", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def cache_stats(cache_path: Path | None) -> None:
    """Entries, articles, tokens and size of the cache."""
    try:
        cache = _cache(cache_path)
        click.echo(json.dumps(cache.stats(), indent=2))
    except SummarizerError as exc:
        _fail(exc)


@cache_group.command("clear", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
@click.option("-y", "--yes", is_flag=True, help="Do not ask (needed when there is no terminal to ask on).")
def cache_clear(cache_path: Path | None, yes: bool) -> None:
    """Delete every cached summary (hours of model work): asks first unless --yes."""
    try:
        cache = _cache(cache_path)
        n = cache.stats()["entries"]
        if not yes:
            if not _interactive():
                raise ConfigError(
                    f"cache clear would delete {n} cached summaries in {cache.path}; pass --yes to confirm"
                )
            if not click.confirm(f"Delete {n} cached summaries in {cache.path}?", default=False, err=True):
                click.echo("nothing removed")
                return
        click.echo(f"removed {cache.clear()} cached summaries")
    except SummarizerError as exc:
        _fail(exc)


def _interactive() -> bool:
    """A person at a terminal who can answer a question."""
    return sys.stdin.isatty()


@main.group("eval", cls=DefaultGroup, default="run", default_if_no_args=True, context_settings=CONTEXT)
def eval_group() -> None:
    """Score the pipeline on hand-labelled seeds; history and comparison of past runs."""


@eval_group.command("run", context_settings=CONTEXT)
@click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("evals/runs"), show_default=True)
@click.option("--only", multiple=True, help="Seed id to run (repeatable).")
@click.option(
    "--variants",
    type=click.Path(path_type=Path),
    default=Path("evals/variants.toml"),
    show_default=True,
    help="Stress variants (flat, glued, wire, scraped) of the selected seeds to run too.",
)
@click.option("--no-variants", is_flag=True, help="Run the seeds only.")
@click.option(
    "--devset",
    type=click.Choice(["ggt", "polnear", "figures"]),
    help="Score a third-party dev set (../shared/devsets) instead of the seeds.",
)
@click.option(
    "--part",
    type=click.Choice(["study", "test", "all"]),
    default="all",
    show_default=True,
    help="With --devset: the fixed half to score (study: read misses; test: only scored).",
)
@click.option("--code-only", is_flag=True, help="With --devset: what code reads without the model, in seconds.")
@click.option(
    "--thresholds",
    type=click.Path(path_type=Path),
    default=Path("evals/thresholds.toml"),
    show_default=True,
    help="Exit 4 when a metric falls outside these bounds.",
)
@model_options
def eval_run(
    seeds_dir: Path,
    out_dir: Path,
    only: tuple[str, ...],
    variants: Path,
    no_variants: bool,
    devset: str | None,
    part: str,
    code_only: bool,
    thresholds: Path,
    **options: Any,
) -> None:
    """Run the suite: per-field table, report.json + report.md, stored run, threshold gate."""
    from rich.console import Console
    from rich.progress import track

    if devset is not None:
        _eval_devset(devset, part, code_only, out_dir, options)
        return

    from .evals import check_thresholds, render_markdown, run_suite, save_run
    from .labels import load_seeds, load_variants

    try:
        settings = _settings(**options)
        seeds = load_seeds(seeds_dir, only)
        if not no_variants:
            seeds += load_variants(variants, seeds)
        summarizer = _summarizer(settings)
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


def _eval_devset(name: str, part: str, code_only: bool, out_dir: Path, options: dict[str, Any]) -> None:
    """``summarize eval --devset``: score a dev set, write report.json + report.md, print the table."""
    from rich.console import Console
    from rich.progress import track

    from . import devsets

    try:
        summarizer = None if code_only else _summarizer(_settings(**options))
        console = Console(stderr=True)
        report = devsets.run(
            name,
            part,  # type: ignore[arg-type]
            summarizer,
            lambda items: track(items, description=f"eval {name}", console=console, transient=True),
        )
    except devsets.DevsetMissingError as exc:
        click.echo(f"summarize: {exc}", err=True)
        return
    except SummarizerError as exc:
        _fail(exc)
        return
    out = out_dir / report["id"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = devsets.render(report)
    (out / "report.md").write_text(md, encoding="utf-8")
    click.echo(md)
    click.echo(f"report: {out}/report.md")


@eval_group.command("history", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def eval_history(cache_path: Path | None) -> None:
    """List stored eval runs with their headline metrics."""
    from .evals import history

    rows = history(_cache(cache_path))
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


@eval_group.command("compare", context_settings=CONTEXT)
@click.argument("run_a")
@click.argument("run_b")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def eval_compare(run_a: str, run_b: str, cache_path: Path | None) -> None:
    """Show every metric that moved between two stored runs (ids or unique prefixes)."""
    from .evals import compare, load_run

    cache = _cache(cache_path)
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


_SERVE = ServeConfig()  # the defaults shown in --help


@main.command("serve")
@click.option("--host", default=_SERVE.host, show_default=True, help="Address to bind; 0.0.0.0 exposes the service.")
@click.option("--port", type=click.IntRange(0, 65535), default=_SERVE.port, show_default=True)
@click.option("--queue", type=click.IntRange(1), default=_SERVE.queue, show_default=True, help="Articles waiting.")
@click.option(
    "--concurrency",
    type=click.IntRange(1),
    default=_SERVE.concurrency,
    show_default=True,
    help="Articles at once (servers).",
)
@click.option("--token", envvar="SUMMARIZER_SERVE_TOKEN", help="Bearer token for /v1 (or SUMMARIZER_SERVE_TOKEN).")
@click.option(
    "--max-body", type=click.IntRange(1), default=_SERVE.max_body, show_default=True, help="Request body bytes."
)
@click.option("--jobs", "jobs_path", type=click.Path(path_type=Path), help="Jobs file (default: <cache>.jobs.sqlite).")
@model_options
def serve(
    host: str,
    port: int,
    queue: int,
    concurrency: int,
    token: str | None,
    max_body: int,
    jobs_path: Path | None,
    **options: Any,
) -> None:
    """Serve the HTTP API (FastAPI + uvicorn): POST /v1/summaries, /v1/jobs; docs at /docs."""
    from .serve import run_server

    config = ServeConfig(
        host=host,
        port=port,
        queue=queue,
        concurrency=concurrency,
        token=token or None,
        max_body=max_body,
        jobs_path=jobs_path,
    )
    try:
        run_server(_settings(**options), config)
    except SummarizerError as exc:
        _fail(exc)
