"""``summarize eval``: run the suite on the seeds (or a dev set), history and comparison of runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click_default_group import DefaultGroup

from ..errors import SummarizerError

if TYPE_CHECKING:
    from ..config import Settings
    from ..evals import EvalRuns
    from ..pipeline import Summarizer

from .base import (
    CONTEXT,
    _fail,
    _settings,
    _summarizer,
    main,
    model_options,
)


def _runs(cache_path: Path | None) -> EvalRuns:
    """The eval runs file beside the cache (``--cache`` or the default cache)."""
    from ..config import default_cache_path
    from ..evals import EvalRuns, default_runs_path

    cache = cache_path or default_cache_path()
    return EvalRuns(default_runs_path(cache), legacy_cache=cache)


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
@click.option(
    "--replay",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite file of recorded model calls: a call identical to a recorded one is answered from "
    "it, any other goes to the model and is recorded (re-score after a code change in minutes; "
    "seconds are then not a speed measurement).",
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
    replay: Path | None,
    **options: Any,
) -> None:
    """Run the suite: per-field table, report.json + report.md, stored run, threshold gate."""
    from rich.console import Console
    from rich.progress import track

    if devset is not None:
        _eval_devset(devset, part, code_only, out_dir, replay, options)
        return

    from ..evals import check_thresholds, render_markdown, run_suite
    from ..labels import load_seeds, load_variants

    try:
        settings = _settings(**options)
        seeds = load_seeds(seeds_dir, only)
        if not no_variants:
            seeds += load_variants(variants, seeds)
        summarizer = _eval_summarizer(settings, replay)
        console = Console(stderr=True)
        report = run_suite(summarizer, seeds, lambda s: track(s, description="eval", console=console, transient=True))
        _replayed(summarizer, report)
    except SummarizerError as exc:
        _fail(exc)
        return
    out = out_dir / report["id"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = render_markdown(report)
    (out / "report.md").write_text(md, encoding="utf-8")
    runs = _runs(settings.resolved_cache_path())
    try:
        runs.save(report)
    finally:
        runs.close()
    click.echo(md)
    click.echo(f"report: {out}/report.md")
    if thresholds.exists():
        failures = check_thresholds(report["metrics"], thresholds)
        for line in failures:
            click.echo(f"summarize: gate: {line}", err=True)
        if failures:
            sys.exit(4)
        click.echo(f"gate: all thresholds in {thresholds} met")


def _eval_summarizer(settings: Settings, replay: Path | None) -> Summarizer:
    if replay is None:
        return _summarizer(settings)
    from ..backends import make_backend
    from ..backends.replay import ReplayBackend
    from ..pipeline import Summarizer

    return Summarizer(settings, backend=ReplayBackend(make_backend(settings), replay))


def _replayed(summarizer: Summarizer | None, report: dict[str, Any]) -> None:
    """Say in the report how many model calls a ``--replay`` file answered."""
    from ..backends.replay import ReplayBackend

    backend = summarizer.backend if summarizer is not None else None
    if isinstance(backend, ReplayBackend):
        report["replay"] = {"path": str(backend.path), "replayed": backend.replayed, "recorded": backend.recorded}
        click.echo(
            f"replay: {backend.replayed} model calls answered from {backend.path}, {backend.recorded} sent to the "
            "model and recorded (seconds in this report are not a speed measurement)",
            err=True,
        )


def _eval_devset(
    name: str, part: str, code_only: bool, out_dir: Path, replay: Path | None, options: dict[str, Any]
) -> None:
    """``summarize eval --devset``: score a dev set, write report.json + report.md, print the table."""
    from rich.console import Console
    from rich.progress import track

    from .. import devsets

    try:
        summarizer = None if code_only else _eval_summarizer(_settings(**options), replay)
        console = Console(stderr=True)
        report = devsets.run(
            name,
            part,  # type: ignore[arg-type]
            summarizer,
            lambda items: track(items, description=f"eval {name}", console=console, transient=True),
        )
        _replayed(summarizer, report)
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


_RUNS_HELP = "The cache file; eval runs are kept in evals.sqlite in its folder."


@eval_group.command("history", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path), help=_RUNS_HELP)
def eval_history(cache_path: Path | None) -> None:
    """List stored eval runs with their headline metrics."""
    rows = _runs(cache_path).history()
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
@click.option("--cache", "cache_path", type=click.Path(path_type=Path), help=_RUNS_HELP)
def eval_compare(run_a: str, run_b: str, cache_path: Path | None) -> None:
    """Show every metric that moved between two stored runs (ids or unique prefixes)."""
    from ..evals import compare

    store = _runs(cache_path)
    runs = [store.load(r) for r in (run_a, run_b)]
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
