"""Does the model choose a quotation's speaker better than code where code is unsure? (issue 19)

Today the quotes pass asks the model only about quotations code left with no speaker, so it can
never correct a wrong name. This probe reads each labelled article as ``ggt.code_quotes`` does,
tells which reader gave each quotation its speaker (``summarizer.attribution.provenance``), and
for the quotations of the chosen ``--classes`` asks the model the quotes pass's question
(``prompts/quotes.md``, the choices ``speaker_choices`` gives plus code's own pick when it is
not among them, in the article's order: which one code picked is never shown). One call per
article (its first ``MAX_ASKED`` such quotations that match a label). Per class it prints n,
code right, model right, both, neither, "not said" (the model declined), how often the right
speaker was among the choices, and the net change if the model's pick replaced code's wherever it
names someone (fixed: code wrong, model right; broken: code right, model names someone else).

    PYTHONPATH=$PWD python evals/chooser_probe.py --code-only               # readers: count, code accuracy
    PYTHONPATH=$PWD python evals/chooser_probe.py --pool ggt --replay R.sqlite  # ask the embedded model
    PYTHONPATH=$PWD python evals/chooser_probe.py --base-url http://127.0.0.1:8080/v1 --limit-articles 3

Pools (``--pool``, default all; the ``part_of`` half ``--part``, default study): ``ggt`` (the GGT
dev set), ``written`` (``evals/wirestress``, written sets 1-7), ``corpus`` (``evals/corpusspeakers``
on ``../shared/corpus``), ``polnear`` (PolNeAR's quoted passages with a named source). ``--show``
lists each asked quotation of the study half (never the test half's).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.article import Article
from summarizer.attribution.provenance import READERS, quote_readers
from summarizer.devsets import DevsetMissingError, ggt, load, part_of
from summarizer.devsets.common import names_match, opening, ratio
from summarizer.fields.actors import link_speakers, read_actors
from summarizer.fields.base import Context, guillemets
from summarizer.fields.quotes import (
    CONTEXT_AFTER,
    CONTEXT_BEFORE,
    MAX_ASKED,
    NOT_SAID,
    ExtraQuote,
    quote_candidates,
    quotes_model,
    speaker_choices,
)
from summarizer.grounding import tokens
from summarizer.prompts import render
from summarizer.scoring import greedy_match, token_f1

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "evals" / "wirestress"
CORPUS_LABELS = ROOT / "evals" / "corpusspeakers"
CORPUS = ROOT.parent / "shared" / "corpus"
POOLS = ("ggt", "written", "corpus", "polnear")
#: readers whose speaker is not the name beside the quotation (``provenance`` module docstring)
UNSURE = ("pronoun", "description", "carry-paragraph", "discourse", "described", "sentence")
COUNTS = ("n", "code", "model", "both", "neither", "not_said", "offered", "fixes", "breaks")


@dataclass
class Labelled:
    pool: str
    id: str
    text: str
    labels: list[dict[str, Any]]  # start, end, quote, refs (names a right speaker may be)


@dataclass
class Row:
    """One labelled quotation code found: its reader, code's speaker, and (when asked) the model's."""

    pool: str
    article: str
    part: str
    index: int  # into the article's scanned quotations
    key: int  # Qi of the quotes pass
    reader: str
    quote: str
    refs: list[str]
    code: str | None
    code_right: bool
    choices: list[str] = field(default_factory=list)
    model: str | None = None
    asked: bool = False


def pools(names: tuple[str, ...], part: str) -> Iterator[Labelled]:
    """Every labelled article of the pools in ``part`` (``all``: both halves), labels in one shape."""
    for name in names:
        if name in ("ggt", "polnear"):
            try:
                articles = load(name, part)  # type: ignore[arg-type]
            except DevsetMissingError as exc:
                print(f"{exc}", file=sys.stderr)
                continue
            for a in articles:
                yield Labelled(name, a.id, a.text, _labels(name, a.data))
        elif name == "written":
            for path in sorted(WRITTEN.glob("*.json")):
                if part in ("all", part_of(path.stem)):
                    data = json.loads(path.read_text(encoding="utf-8"))
                    yield Labelled(
                        name, path.stem, path.with_suffix(".txt").read_text(encoding="utf-8"), _labels(name, data)
                    )
        elif name == "corpus" and CORPUS.is_dir():
            for path in sorted(CORPUS_LABELS.glob("*.json")):
                data = json.loads(path.read_text(encoding="utf-8"))
                if part in ("all", part_of(data["id"])):
                    text = (CORPUS / Path(data["source"]).name).read_text(encoding="utf-8")
                    yield Labelled(name, data["id"], text, _labels(name, data))


def _labels(pool: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    if pool == "polnear":
        from summarizer.devsets.polnear import source_names
        from summarizer.devsets.polnear_quotes import labels

        return [{**lb, "refs": lb["names"]} for lb in labels(data, source_names)]
    return [{**lb, "refs": [lb["reference"]]} for lb in ggt.direct_labels(data)]


def _sim(pred: dict[str, Any], label: dict[str, Any]) -> float:
    if label.get("start") is None or label.get("end") is None:
        return token_f1(tokens(pred["text"]), tokens(label["quote"]))
    return ggt.span_f1((pred["start"], pred["end"]), (label["start"], label["end"]))


def read(article: Labelled) -> tuple[Context, list[Row]]:
    """Code's reading (``ggt.code_quotes``: every model key "not said", speakers linked to the
    actors) and, for each labelled quotation it found, the reader that gave its speaker."""
    text = article.text
    ctx = Context.of(Article.from_text(text, source=f"{article.pool}/{article.id}"))
    offered = quote_candidates(ctx)
    answer = quotes_model(ctx).model_validate({f"Q{n}": None for n in range(1, len(offered) + 1)})
    values, _ = answer.ground(ctx)
    linked = link_speakers(text, {"quotes": values["quotes"], "actors": read_actors(ctx)}, ctx.names)["quotes"]
    predicted = ggt.as_dicts(linked)
    readers = quote_readers(text, ctx.quotes, ctx.names, ctx.speakers)
    at = {ctx.quotes[i].start: (n, i) for n, i in enumerate(offered)}
    rows = []
    for p, j, _ in sorted(greedy_match(predicted, article.labels, _sim, ggt.SPAN_F1), key=lambda m: m[0]):
        n, i = at[predicted[p]["start"]]
        got, refs = predicted[p]["speaker"], article.labels[j]["refs"]
        right = any(names_match(got, r) for r in refs)
        quote = opening(article.labels[j]["quote"])
        rows.append(Row(article.pool, article.id, part_of(article.id), i, n + 1, readers[i], quote, refs, got, right))
    return ctx, rows


def choices_for(ctx: Context, index: int) -> list[str]:
    """``speaker_choices`` and code's own pick when they lack it, placed by where the article last
    names it before the quotation's paragraph ends (the choices run nearest first)."""
    choices = speaker_choices(ctx, index)
    pick = ctx.speakers[index]
    if not pick or any(names_match(pick, c) or names_match(c, pick) for c in choices):
        return choices
    text = ctx.article.text
    end = text.find("\n", ctx.quotes[index].end)
    end = len(text) if end < 0 else end

    def last(name: str) -> int:
        return max(text.rfind(w, 0, end) for w in name.split()[-1:] or [name])

    place = next((k for k, c in enumerate(choices) if last(c) < last(pick)), len(choices))
    return [*choices[:place], pick, *choices[place:]]


def _context(text: str, at: int) -> tuple[int, int]:
    """The paragraph holding ``at`` and the non-empty one before (as the quotes pass shows them)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    before = text[:start].rstrip()
    if before:
        start = before.rfind("\n") + 1
    return start, len(text) if end < 0 else end


def question(ctx: Context, asked: list[Row]) -> str:
    """The quotes pass's candidates block for ``asked`` (its ``$candidates``)."""
    text = ctx.article.text
    lines: list[str] = []
    shown: dict[tuple[int, int], int] = {}
    for row in asked:
        q = ctx.quotes[row.index]
        start, end = _context(text, q.start)
        span = (max(start, q.start - CONTEXT_BEFORE), min(end, q.end + CONTEXT_AFTER))
        if span in shown:
            around = f"(the same text as Q{shown[span]})"
        else:
            shown[span] = row.key
            cut = " ".join(text[span[0] : span[1]].split())
            around = ("… " if span[0] > start else "") + guillemets(cut) + (" …" if span[1] < end else "")
        words = q.text.split()
        head = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        lines.append(
            f"Q{row.key}: «{guillemets(head)}»\n   in: {around}\n   choose from: {'; '.join((NOT_SAID, *row.choices))}"
        )
    return "\n".join(lines)


def answer_model(asked: list[Row]) -> type[BaseModel]:
    keys: dict[str, Any] = {f"Q{r.key}": (Literal[(NOT_SAID, *r.choices)] | None, ...) for r in asked}
    keys["other"] = (list[ExtraQuote], Field(default_factory=list, max_length=10))
    return create_model("ChooserAnswer", __config__=ConfigDict(extra="forbid"), **keys)


def messages(ctx: Context, asked: list[Row]) -> list[dict[str, str]]:
    """The pipeline's messages for the quotes pass (``fields.base.build_messages``) with ``asked``."""
    sentences = "\n".join(f"[{s.index}] {guillemets(s.text)}" for s in ctx.article.sentences)
    user = render("article", sentences=sentences) + "\n\n" + render("quotes", candidates=question(ctx, asked))
    return [{"role": "system", "content": render("system")}, {"role": "user", "content": user}]


def tally(rows: list[Row]) -> dict[str, int]:
    out = dict.fromkeys(COUNTS, 0)
    for r in rows:
        model_right = any(names_match(r.model, ref) for ref in r.refs)
        out["n"] += 1
        out["code"] += r.code_right
        out["model"] += model_right
        out["both"] += r.code_right and model_right
        out["neither"] += not r.code_right and not model_right
        out["not_said"] += r.model is None
        out["offered"] += any(names_match(c, ref) for c in r.choices for ref in r.refs)
        # the model's pick replacing code's where it names someone ("not said" keeps code's)
        out["fixes"] += not r.code_right and model_right
        out["breaks"] += r.code_right and r.model is not None and not model_right
    return out


def table(rows: list[Row], asked_only: bool) -> list[str]:
    """Per pool and over all pools, one line per reader: the counts (model ones when asked)."""
    lines = []
    for pool in [*dict.fromkeys(r.pool for r in rows), "all"]:
        sel = [r for r in rows if pool in ("all", r.pool) and (r.asked or not asked_only)]
        for reader in (*READERS, "total"):
            t = tally([r for r in sel if reader in ("total", r.reader)])
            if not t["n"]:
                continue
            line = f"{pool:8} {reader:16} n {t['n']:4}  code {t['code']:4} ({ratio(t['code'], t['n'])})"
            if asked_only:
                line += (
                    f"  model {t['model']:4} ({ratio(t['model'], t['n'])})  both {t['both']}  "
                    f"neither {t['neither']}  not said {t['not_said']}  right one offered {t['offered']}  "
                    f"net {t['fixes'] - t['breaks']:+d} ({t['fixes']} fixed, {t['breaks']} broken)"
                )
            lines.append(line)
    return lines


def ask(create: Any, settings: Any, ctx: Context, asked: list[Row]) -> None:
    """One model call for the article's ``asked`` rows; each gets the model's pick (None: not said)."""
    answer = create(
        response_model=answer_model(asked),
        messages=messages(ctx, asked),
        max_retries=settings.max_retries,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
    )
    picks = answer.model_dump()
    for r in asked:
        pick = picks.get(f"Q{r.key}")
        r.model, r.asked = (None if pick in (None, NOT_SAID) else pick), True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pool", choices=POOLS, action="append", help="repeatable; default: every pool")
    parser.add_argument("--part", choices=("study", "test", "all"), default="study")
    parser.add_argument("--classes", default=",".join(UNSURE), help=f"readers to ask about (of {', '.join(READERS)})")
    parser.add_argument("--code-only", action="store_true", help="no model: count and code accuracy per reader")
    parser.add_argument("--limit-articles", type=int, help="ask about this many articles at most (per run)")
    parser.add_argument("--replay", type=Path, help="SQLite file of recorded calls (as summarize eval --replay)")
    parser.add_argument("--base-url", help="OpenAI-compatible server instead of the embedded model")
    parser.add_argument("--model", help="a .gguf path, or a model name on --base-url")
    parser.add_argument("--show", action="store_true", help="list each asked quotation (study half only)")
    parser.add_argument("--json", type=Path, help="write every row here")
    args = parser.parse_args(argv)
    classes = {c.strip() for c in args.classes.split(",") if c.strip()}
    if unknown := classes - set(READERS):
        parser.error(f"unknown reader(s) {', '.join(sorted(unknown))}; choose from {', '.join(READERS)}")
    started = time.monotonic()
    articles = [(a, *read(a)) for a in pools(tuple(args.pool or POOLS), args.part)]
    rows = [r for _, _, rs in articles for r in rs]
    print(f"# readers, code only ({len(articles)} articles, part {args.part}, {time.monotonic() - started:.1f} s)")
    print("\n".join(table(rows, asked_only=False)))
    if args.code_only:
        return _write(args.json, rows)
    from summarizer.backends import make_backend
    from summarizer.backends.replay import ReplayBackend
    from summarizer.config import Settings
    from summarizer.extract import Extraction

    settings = Settings.from_env(base_url=args.base_url, model=args.model, use_cache=False)
    backend = make_backend(settings)
    backend = ReplayBackend(backend, args.replay) if args.replay else backend
    extraction = Extraction(backend, settings, None)
    calls, started = 0, time.monotonic()
    try:
        for _, ctx, article_rows in articles:
            asked = [r for r in article_rows if r.reader in classes][:MAX_ASKED]
            for r in asked:
                r.choices = choices_for(ctx, r.index)
            asked = [r for r in asked if r.choices]
            if not asked or (args.limit_articles is not None and calls >= args.limit_articles):
                continue
            ask(extraction.create, settings, ctx, asked)
            calls += 1
    finally:
        backend.close()
    a = extraction.accounting
    print(
        f"\n# the model as chooser on {', '.join(sorted(classes))}: {calls} articles asked, {a.calls} calls, "
        f"{a.input_tokens} prompt + {a.output_tokens} generated tokens, {time.monotonic() - started:.1f} s"
        + (f"; replay: {backend.replayed} answered from {args.replay}" if isinstance(backend, ReplayBackend) else "")
    )
    print("\n".join(table(rows, asked_only=True)))
    if args.show:
        print("\n".join(show_lines(rows)))
    return _write(args.json, rows)


def show_lines(rows: list[Row]) -> list[str]:
    """Each asked quotation of the study half: ``+`` the model is right, ``-`` wrong; ``=`` it
    picked code's speaker."""
    lines = []
    for r in rows:
        if r.asked and r.part == "study":
            right = any(names_match(r.model, x) for x in r.refs)
            mark = ("=" if r.code == r.model else "") + ("+" if right else "-")
            lines.append(
                f"{mark:2} {r.article} Q{r.key} [{r.reader}] «{r.quote}» want {r.refs[0]!r} "
                f"code {r.code!r} model {r.model!r}"
            )
    return lines


def _write(path: Path | None, rows: list[Row]) -> int:
    if path is not None:
        path.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
