"""Who the quotes pass offers as speakers (issue 19): for the quotations code leaves with no
speaker (the ones ``fields.quotes.undecided`` asks the model about), how many choices it offers,
whether the labelled speaker is among them, and which choices are not a person or a named body.

    PYTHONPATH=$PWD python evals/choices_probe.py            # per pool, study halves
    PYTHONPATH=$PWD python evals/choices_probe.py --show     # and each choice judged not a person or body
    PYTHONPATH=$PWD python evals/choices_probe.py --test     # and the test halves' aggregate line, once

The judge of a choice (``judge``) reads the article, not ``speaker_choices``: a person is a name
the cast reads as a person whose mentions are not only in the headline, a dateline or a credit
line, with no place, calendar or street word; a body is a name the article's bodies hold (a body
word or a leading acronym). The rest is listed with ``--show`` so a reader can check the judge.
Test halves are reported as one aggregate line at the end, never listed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from chooser_probe import POOLS, Labelled, pools, read

from summarizer.attribution import cast_of
from summarizer.attribution.bodies import bodies_of
from summarizer.devsets.common import names_match, ratio
from summarizer.fields.base import Context
from summarizer.fields.quotes import quote_candidates, speaker_choices, undecided
from summarizer.lexicon import MONTHS, WEEKDAYS
from summarizer.scan.names import countries

_CALENDAR = {w.casefold() for w in WEEKDAYS + MONTHS} | {"updated", "posted", "published"}
_STREET = {
    "st",
    "ave",
    "avenue",
    "street",
    "road",
    "rd",
    "blvd",
    "boulevard",
    "drive",
    "lane",
    "n.w",
    "s.w",
    "n.e",
    "s.e",
}
#: a byline or credit line: short, and opening with "By" or naming a photo, a reporter or a credit
_CREDIT_RE = re.compile(
    r"^\W*(?:By|Photo|Image|Credit)\b|(?i:\b(?:photo|video|journalist|reporter|correspondent|staff|credit)\b)"
)


@dataclass
class Tally:
    quotations: int = 0
    choices: int = 0
    labelled: int = 0
    offered: int = 0
    junk: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # labelled quotations whose speaker is not offered

    def add(self, other: Tally) -> None:
        self.quotations += other.quotations
        self.choices += other.choices
        self.labelled += other.labelled
        self.offered += other.offered
        self.junk += other.junk
        self.missed += other.missed

    def line(self, name: str) -> str:
        mean = self.choices / self.quotations if self.quotations else 0.0
        return (
            f"{name:8} quotations {self.quotations:4}  choices {mean:4.1f} (mean)  "
            f"labelled {self.labelled:3}  right one offered {self.offered:3} ({ratio(self.offered, self.labelled)})  "
            f"not a person or body {len(self.junk):3}"
        )


def judge(ctx: Context, name: str) -> bool:
    """Whether ``name`` is a person or a named body the article speaks of (see the module docstring)."""
    text = ctx.article.text
    words = [w.casefold().rstrip(".,") for w in name.split()]
    if name in countries() or any(w in _CALENDAR or w in _STREET for w in words):
        return False
    spots = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)]
    body_lines = [
        s
        for s in spots
        if text.find("\n") < s  # not the headline
        and not _credit(text, s)  # not a byline or credit
        and not (  # not a dateline ("DETROIT (AP) — ", "WASHINGTON — ")
            not text[text.rfind("\n", 0, s) + 1 : s].strip()
            and re.match(r"[,\s]*(?:\([^)]*\)\s*)?[—–-]", text[s + len(name) :])
        )
    ]
    if not body_lines and spots:
        return False
    if bodies_of(text, ctx.names).find(name):
        return True
    cast = cast_of(text, ctx.names)
    return cast.is_person(name) or any(p.name == name for p in cast.people)


def _credit(text: str, at: int) -> bool:
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : len(text) if end < 0 else end]
    return len(line.split()) <= 12 and bool(_CREDIT_RE.search(line))


def probe(article: Labelled) -> Tally:
    ctx, rows = read(article)
    by_index = {r.index: r for r in rows}
    offered = quote_candidates(ctx)
    t = Tally()
    for n in undecided(ctx):
        i = offered[n]
        choices = speaker_choices(ctx, i)
        t.quotations += 1
        t.choices += len(choices)
        t.junk += [f"{article.id}: {c}" for c in choices if not judge(ctx, c)]
        row = by_index.get(i)
        if row is not None:
            t.labelled += 1
            right = any(names_match(c, ref) for c in choices for ref in row.refs)
            t.offered += right
            if not right:
                t.missed.append(f"{article.id}: «{row.quote}» want {row.refs[0]!r}, offered {choices}")
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pool", choices=POOLS, action="append", help="repeatable; default: every pool")
    parser.add_argument(
        "--show", action="store_true", help="list choices judged not a person or body, and misses (study only)"
    )
    parser.add_argument("--test", action="store_true", help="end with the test halves' aggregate line")
    args = parser.parse_args(argv)
    names = tuple(args.pool or POOLS)
    total = Tally()
    for pool in names:
        t = Tally()
        for article in pools((pool,), "study"):
            t.add(probe(article))
        print(t.line(pool))
        if args.show:
            for name, count in Counter(t.junk).most_common():
                print(f"    {name}" + (f" ×{count}" if count > 1 else ""))
            for miss in t.missed:
                print(f"  ? {miss}")
        total.add(t)
    print(total.line("study"))
    if args.test:
        test = Tally()
        for article in pools(names, "test"):
            test.add(probe(article))
        print(test.line("test"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
