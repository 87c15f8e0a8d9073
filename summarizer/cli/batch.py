"""``summarize batch``: a JSONL file of articles in, one JSONL record per article out."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from .. import progress
from ..article import Article
from ..batchlines import line_record
from ..errors import BadInputError, ConfigError, SummarizerError

if TYPE_CHECKING:
    from ..models import Summary
    from ..pipeline import Summarizer

from .base import (
    CONTEXT,
    EXIT_SOME_FAILED,
    _base_url,
    _fail,
    _model_options,
    _settings,
    _summarizer,
    input_options,
    main,
)


def batch_model_options(f: Any) -> Any:
    """The model options with --base-url repeatable: a pool of servers for ``batch --ray``."""
    several = click.option(
        "--base-url", "base_urls", multiple=True, help="OpenAI-compatible server; with --ray, repeat it for a pool."
    )
    for option in reversed(_model_options):
        f = (several if option is _base_url else option)(f)
    return f


@main.command("batch", context_settings=CONTEXT)
@click.argument("input_file", metavar="INPUT.jsonl", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    metavar="OUT.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Output JSONL (- for standard output); an existing file is replaced (resumed with --ray).",
)
@click.option(
    "--ray",
    "ray_address",
    is_flag=False,
    flag_value="local",  # distributed.LOCAL: the module (and Ray) load only when --ray is given
    metavar="[ADDRESS]",
    help="Run on Ray (summarizer[ray]): alone, a local instance; auto or HOST:PORT joins a cluster.",
)
@click.option("--workers", type=click.IntRange(1), help="With --ray: actors (default: one per --base-url).")
@input_options
@batch_model_options
def batch(
    input_file: Path,
    out: Path,
    ray_address: str | None,
    workers: int | None,
    fetch_timeout: float,
    quiet: bool,
    base_urls: tuple[str, ...],
    **options: Any,
) -> None:
    """Summarize a JSONL file of articles: lines {"id", "text"} | {"id", "path"} | {"id", "url"}.

    \b
    One output line per input line, in input order, written as each finishes:
      {"id", "source", ...the JSON contract}  or  {"id", "line", "error"}
    A bad line or a failed article becomes an error record and the run goes on; blank lines are
    skipped. Re-running resumes: finished articles come from the cache. Exit 0 when every line
    succeeded, 5 when some failed.

    \b
    --ray [ADDRESS] fans the lines out over Ray actors (--workers N), one Summarizer each, against
    --base-url servers (repeat it: actor i uses server i mod n) or the embedded model (--threads
    per actor). OUT is resumed: lines whose id has a record there are kept, the rest are done and
    the file is put back in input order. Put --ray last, or write --ray=ADDRESS.
    """
    progress.set_quiet(quiet)
    started = time.monotonic()
    if ray_address is None and (len(base_urls) > 1 or workers is not None):
        _fail(ConfigError("--workers and a second --base-url need --ray; see: summarize batch --help"))
    options["base_url"] = base_urls[0] if base_urls else None
    try:
        settings = _settings(**options)
        data = sys.stdin.buffer.read() if str(input_file) == "-" else _read_input(input_file)
    except SummarizerError as exc:
        _fail(exc)
        return
    lines = [(n, raw) for n, raw in enumerate(data.splitlines(), 1) if raw.strip()]
    if str(out) != "-" and str(input_file) != "-" and out.resolve() == input_file.resolve():
        _fail(BadInputError(f"--out {out} is the input file; write the output elsewhere"))
    if ray_address is not None:
        from ..distributed import ray_batch

        try:
            code = ray_batch(
                str(input_file),
                lines,
                out,
                settings,
                address=ray_address,
                workers=workers,
                base_urls=base_urls,
                fetch_timeout=fetch_timeout,
                quiet=quiet,
                echo=lambda line: click.echo(line, err=True),
            )
        except SummarizerError as exc:
            _fail(exc)
            return
        sys.exit(code)
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

            def summarize(article: Article) -> Summary:
                nonlocal summarizer
                summarizer = summarizer or _summarizer(settings)
                return summarizer.summarize(article, progress=status)

            for done, (number, raw) in enumerate(lines):
                result = line_record(
                    number,
                    raw,
                    str(input_file),
                    settings,
                    fetch_timeout,
                    summarize,
                    lambda ident: status.article(str(ident), done),  # noqa: B023 (called before the next line)
                )
                record, fatal = result.record, result.fatal
                counts["failed" if result.failed else "ok"] += 1
                counts["cached"] += result.cached
                counts["in"] += result.input_tokens
                counts["out"] += result.output_tokens
                if "error" in record:
                    click.echo(f"summarize: error: line {number}: {record['error']}", err=True)
                sink.write(result.line())
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
