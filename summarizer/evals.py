"""The eval suite: summarize every labelled seed through the public API, score, report, gate.

Runs are stored in their own SQLite file (``evals.sqlite`` beside the cache, ``EvalRuns``) so
``summarize eval history`` and ``summarize eval compare`` can show how metrics moved between
prompts, models and code; the summary cache holds summaries only.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import time
import tomllib
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import sqlite_utils

from .article import Article
from .db import Migrations, immediate, open_db
from .labels import Seed
from .models import schema_version
from .pipeline import Summarizer, code_version
from .prompts import prompt_version
from .scoring import FieldScore, SeedScore, score

__all__ = ["EvalRuns", "aggregate", "check_thresholds", "compare", "default_runs_path", "render_markdown", "run_suite"]

FIELDS = ("quotes", "figures", "actors", "claims")


def run_suite(
    summarizer: Summarizer, seeds: list[Seed], progress: Callable[[Iterable[Seed]], Iterable[Seed]] = iter
) -> dict[str, Any]:
    started = time.monotonic()
    per_seed: list[SeedScore] = []
    for seed in progress(seeds):
        article = Article.from_text(seed.text, source=str(seed.path), max_chars=summarizer.settings.max_article_chars)
        summary = summarizer.summarize(article)
        per_seed.append(score(seed.id, seed.text, summary, seed.labels))
    return {
        "id": time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6],
        "created_at": time.time(),
        "model": summarizer.backend.name,
        "prompt_version": prompt_version(),
        "schema_version": schema_version(),
        "code_version": code_version(),
        "host": platform.node(),
        "wall_seconds": round(time.monotonic() - started, 2),
        "metrics": aggregate(per_seed),
        "seeds": [s.as_dict() for s in per_seed],
    }


def aggregate(per_seed: list[SeedScore]) -> dict[str, Any]:
    """Micro-averaged P/R/F1 per field (summing matches over seeds), means for the rest."""
    out: dict[str, Any] = {}
    for name in FIELDS:
        total = FieldScore()
        for s in per_seed:
            total.merge(s.fields[name])
        out[name] = total.as_dict()
    n = len(per_seed) or 1
    presented = sum(s.presented for s in per_seed)
    grounded = sum(s.grounding_rate * s.presented for s in per_seed)
    fresh = [s for s in per_seed if not s.cached]
    out.update(
        {
            "key_point_coverage": round(sum(s.key_point_coverage for s in per_seed) / n, 4),
            "lead3_key_point_coverage": round(sum(s.lead3_key_point_coverage for s in per_seed) / n, 4),
            "summary_support": round(sum(s.summary_support for s in per_seed) / n, 4),
            "summary_present": round(sum(s.summary_present for s in per_seed) / n, 4),
            "summary_sentences_supported": round(sum(s.summary_sentences_supported for s in per_seed) / n, 4),
            "summary_extractive": round(sum(s.summary_extractive for s in per_seed) / n, 4),
            "claims_supported": round(sum(s.claims_supported for s in per_seed) / n, 4),
            "grounding_rate": round(grounded / presented, 4) if presented else 1.0,
            "presented": presented,
            "rejected": sum(s.rejected for s in per_seed),
            "hallucinations": sum(s.hallucinations for s in per_seed),
            "seconds_per_article": round(sum(s.seconds for s in fresh) / len(fresh), 2) if fresh else None,
            "input_tokens_per_article": round(sum(s.input_tokens for s in per_seed) / n),
            "output_tokens_per_article": round(sum(s.output_tokens for s in per_seed) / n),
            "articles": len(per_seed),
            "from_cache": len(per_seed) - len(fresh),
        }
    )
    return out


def flat_metrics(metrics: dict[str, Any]) -> dict[str, float]:
    """``{"quotes.f1": 0.9, ..., "grounding_rate": 1.0}``: the names thresholds and compare use."""
    flat: dict[str, float] = {}
    for key, value in metrics.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                if isinstance(v, int | float):
                    flat[f"{key}.{sub}"] = float(v)
        elif isinstance(value, int | float):
            flat[key] = float(value)
    return flat


def check_thresholds(metrics: dict[str, Any], path: Path) -> list[str]:
    """Failures against ``[min]`` and ``[max]`` tables of a TOML file, one line each."""
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    flat = flat_metrics(metrics)
    failures = []
    for bound, table in (("min", spec.get("min", {})), ("max", spec.get("max", {}))):
        for name, limit in table.items():
            if name not in flat:
                failures.append(f"{name}: no such metric")
                continue
            value = flat[name]
            if (bound == "min" and value < limit) or (bound == "max" and value > limit):
                failures.append(f"{name} = {value:g} is {'below' if bound == 'min' else 'above'} {limit:g}")
    return failures


MIGRATIONS = Migrations()


@MIGRATIONS
def m001_eval_runs(conn: sqlite3.Connection) -> None:
    sqlite_utils.Database(conn).table("eval_runs").create(
        {
            "id": str,
            "created_at": float,
            "model": str,
            "prompt_version": str,
            "schema_version": str,
            "seeds": str,
            "metrics": str,
            "report": str,
        },
        pk="id",
    )


def default_runs_path(cache_path: Path) -> Path:
    """Eval runs live in ``evals.sqlite`` in the cache's folder, not in the cache itself."""
    return cache_path.with_name("evals.sqlite")


class EvalRuns:
    """The stored eval runs (``summarize eval history``/``compare``), in their own SQLite file.

    A new file takes the runs an older release kept in the cache's ``eval_runs`` table."""

    def __init__(self, path: Path, legacy_cache: Path | None = None) -> None:
        self.path = Path(path)
        fresh = not self.path.exists()
        self.db = sqlite_utils.Database(open_db(self.path, "eval runs file", "pass another --cache folder", MIGRATIONS))
        if fresh and legacy_cache is not None and legacy_cache.exists():
            self._take_legacy(legacy_cache)

    def _take_legacy(self, cache_path: Path) -> None:
        try:
            self.db.execute("ATTACH DATABASE ? AS old", [str(cache_path)])
            try:
                if self.db.execute("select 1 from old.sqlite_master where name = 'eval_runs'").fetchone():
                    with immediate(self.db.conn):
                        self.db.execute("insert or ignore into eval_runs select * from old.eval_runs")
            finally:
                self.db.execute("DETACH DATABASE old")
        except sqlite3.DatabaseError:
            pass  # an unreadable old cache has no runs to give

    def save(self, report: dict[str, Any]) -> None:
        with immediate(self.db.conn):
            self.db.table("eval_runs").insert(
                {
                    "id": report["id"],
                    "created_at": report["created_at"],
                    "model": report["model"],
                    "prompt_version": report["prompt_version"],
                    "schema_version": report["schema_version"],
                    "seeds": json.dumps([s["seed"] for s in report["seeds"]]),
                    "metrics": json.dumps(report["metrics"]),
                    "report": json.dumps(report),
                }
            )

    def history(self) -> list[dict[str, Any]]:
        rows = self.db.query("select * from eval_runs order by created_at")
        return [{**r, "seeds": json.loads(r["seeds"]), "metrics": json.loads(r["metrics"])} for r in rows]

    def load(self, run_id: str) -> dict[str, Any] | None:
        for r in self.history():
            if r["id"] == run_id or r["id"].startswith(run_id):
                return r
        return None

    def close(self) -> None:
        self.db.conn.close()


def compare(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, float, float, float]]:
    fa, fb = flat_metrics(a["metrics"]), flat_metrics(b["metrics"])
    return [(k, fa[k], fb[k], fb[k] - fa[k]) for k in fa if k in fb and fb[k] != fa[k]]


def render_markdown(report: dict[str, Any]) -> str:
    m = report["metrics"]
    lines = [
        f"# Eval run {report['id']}",
        "",
        f"model `{report['model']}`, prompt `{report['prompt_version']}`, schema `{report['schema_version']}`, "
        f"code `{report.get('code_version', '?')}`, "
        f"{m['articles']} articles ({m['from_cache']} from cache), {report['wall_seconds']} s wall",
        "",
        "| field | precision | recall | F1 | matched / predicted / labelled | extra |",
        "|---|---|---|---|---|---|",
    ]
    for name in FIELDS:
        f = m[name]
        extra = ", ".join(
            f"{k} {v:.2f}" for k, v in f.items()
            if k not in ("precision", "recall", "f1", "tp", "predicted", "labelled") and v is not None
        )  # fmt: skip
        lines.append(
            f"| {name} | {f['precision']:.2f} | {f['recall']:.2f} | {f['f1']:.2f} | "
            f"{f['tp']} / {f['predicted']} / {f['labelled']} | {extra} |"
        )
    lines += [
        "",
        "| summary | key-point coverage | words supported | sentences supported | present | extractive |",
        "|---|---|---|---|---|---|",
        f"| model | {m['key_point_coverage']:.2f} | {m['summary_support']:.2f} | "
        f"{m['summary_sentences_supported']:.2f} | {m['summary_present']:.2f} | {m['summary_extractive']:.2f} |",
        f"| lead-3 | {m['lead3_key_point_coverage']:.2f} | 1.00 | 1.00 | 1.00 | - |",
        "",
        f"- claims supported by their own evidence (names and numbers) {m['claims_supported']:.2f}",
        f"- grounding rate {m['grounding_rate']:.4f} of {m['presented']} presented items; "
        f"{m['rejected']} rejected; {m['hallucinations']} hallucinated",
        f"- {m['seconds_per_article']} s per article (uncached), {m['input_tokens_per_article']} input and "
        f"{m['output_tokens_per_article']} output tokens per article",
        "",
        "| seed | quotes F1 | speaker acc | figures F1 | actors R | claims F1 | key points (lead-3) | rejected | s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in report["seeds"]:
        spk = s["quotes"].get("speaker_accuracy")
        lines.append(
            f"| {s['seed']} | {s['quotes']['f1']:.2f} | {'-' if spk is None else f'{spk:.2f}'} | "
            f"{s['figures']['f1']:.2f} | {s['actors']['recall']:.2f} | {s['claims']['f1']:.2f} | "
            f"{s['key_point_coverage']:.2f} ({s.get('lead3_key_point_coverage', 0):.2f}) | {s['rejected']} | "
            f"{s['seconds']:.1f} |"
        )
    misses = [(s["seed"], miss) for s in report["seeds"] for miss in s.get("speaker_misses", [])]
    lines += ["", f"Speaker misses ({len(misses)}):", ""]
    if misses:
        lines += ["| seed | quote starts | expected | got |", "|---|---|---|---|"]
        lines += [
            f"| {seed} | {_cell(m['quote'])} | {_cell(m['expected'])} | {_cell(m['got'])} |" for seed, m in misses
        ]
    else:
        lines.append("none")
    return "\n".join(lines) + "\n"


def _cell(value: str | None) -> str:
    """A table cell: pipes escaped, null shown as a dash (article text is untrusted)."""
    return "-" if value is None else value.replace("|", "\\|").replace("\n", " ")
