"""Score the dates tool on TempEval-3's training set with the data set's own scorer.

    python benchmarks/quality_te3.py                       # ../shared/data/te3-train
    python benchmarks/quality_te3.py --data DIR --errors errors.md
    python benchmarks/quality_te3.py --dateparser-sdist dateparser-1.5.0.tar.gz

The last also scores the English cases of dateparser's own search tests
(``tests/test_search.py`` in its source distribution, which ``pip download
dateparser --no-binary :all: --no-deps`` fetches): recall of the expected
substrings, and the share whose value agrees with dateparser's datetime at the
value's precision.  Cases where dateparser's conventions differ from TIMEX3 are
left out: "in a minute" (a duration in TIMEX3), expected strings that are not a
temporal expression by themselves ("fifty years after"), and cases that depend on
dateparser's own settings (DATE_ORDER, PREFER_DATES_FROM).

Runs the installed ``corpus-tool dates`` over ``DIR/docs.jsonl``, scores it with
``DIR/score.py`` (TempEval-3 Task A: strict and relaxed F1, value F1), prints the
figures beside the task's published systems, and counts the errors by class (the
classes of issue #14: tense, time and day, durations, sets, vague references,
spelling variants, false alarms).  The data stays where it is: nothing is copied.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import datetime
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "te3-train"

# Published TempEval-3 Task A figures on the platinum test set (strict, relaxed, value F1).
PEERS = {
    "HeidelTime (best value F1)": (81.34, 90.30, 77.61),
    "ClearTK (best strict F1)": (82.71, 90.23, 64.66),
    "SUTime": (79.57, 90.32, 67.38),
}

_FIGURES = re.compile(
    r"strict P [\d.]+ R [\d.]+ F1 ([\d.]+) \| relaxed P [\d.]+ R [\d.]+ "
    r"F1 ([\d.]+) .* value F1 ([\d.]+)"
)
_ROW = re.compile(r"^- [^:]+: gold (.*?) \| predicted (.*?) \| ")
_WEEKDAY_OR_MONTH = re.compile(
    r"^(?:(?:last|next|this|on)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|aug|sept?|oct|nov|dec)\.)(?:\s+\d+)?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d\s*[ap]\.?m|noon|midnight|\d:\d\d", re.IGNORECASE)
_VAGUE = re.compile(r"_REF$|Q|H\d|SP|SU|FA|WI|fiscal|quarter|season", re.IGNORECASE)
_DURATION_WORDS = re.compile(
    r"\b(?:ago|earlier|later|years?|months?|weeks?|days?|hours?|"
    r"minutes?|decades?|centur(?:y|ies))\b",
    re.IGNORECASE,
)


def error_class(kind: str, gold: tuple | None, pred: tuple | None) -> str:
    """The issue's class an error belongs to, from the texts, types and values."""
    if kind == "false alarm":
        return "7 false alarms"
    timex = gold or pred
    text, typ, value = timex
    other = pred if gold else None
    if _CLOCK.search(text) or (other and _CLOCK.search(other[0])):
        return "2 time and day"
    if typ == "SET" or (other and other[1] == "SET"):
        return "4 sets"
    if _WEEKDAY_OR_MONTH.match(text.strip()) and kind == "value":
        return "1 tense decides direction"
    if _VAGUE.search(value) or _VAGUE.search(text):
        return "5 vague, fiscal, seasons"
    if typ == "DURATION" or (other and other[1] == "DURATION") or _DURATION_WORDS.search(text):
        return "3 durations and ago-dates"
    return "6 spelling variants and the rest"


def classify(errors_md: str) -> dict[str, Counter]:
    by_kind: dict[str, Counter] = {}
    kind = ""
    for line in errors_md.splitlines():
        if line.startswith("## "):
            kind = line[3:].rsplit(" (", 1)[0]
            by_kind[kind] = Counter()
            continue
        match = _ROW.match(line)
        if match:
            gold = ast.literal_eval(match.group(1))
            pred = ast.literal_eval(match.group(2))
            by_kind[kind][error_class(kind, gold, pred)] += 1
    return by_kind


# -- dateparser's own search tests as a second dev set ----------------------------------

# Where dateparser's conventions are not TIMEX3's: "in five minutes" is a point for it and
# "in" + a duration for TIMEX3; "fifty years after", "forty years of" are durations that
# it turns into points; "till date" is an idiom (until now) it reads as today.
_NOT_TIMEX3 = re.compile(
    r"^in\s+(?:an?|\d+|one|two|three|four|five|ten)\s|\s(?:after|of)$|^till\s+date$",
    re.IGNORECASE,
)


class _Zone(datetime.tzinfo):
    """Stands in for dateparser's StaticTzInfo: only the wall-clock time is compared."""

    def __init__(self, name: str = "", offset: datetime.timedelta | None = None) -> None:
        self.offset = offset or datetime.timedelta(0)

    def utcoffset(self, dt: datetime.datetime | None) -> datetime.timedelta:
        return self.offset


def _test_source(path: Path) -> str:
    if path.suffix == ".py":
        return path.read_text("utf-8")
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("tests/test_search.py"))
        data = tar.extractfile(member)
        assert data is not None
        return io.TextIOWrapper(data, encoding="utf-8").read()


def dateparser_cases(
    path: Path,
) -> list[tuple[str, str | None, list[tuple[str, datetime.datetime]]]]:
    """(text, anchor, [(substring, datetime)]) of every English search case."""
    tree = ast.parse(_test_source(path))
    names: dict[str, object] = {
        "datetime": datetime,
        "timedelta": datetime.timedelta,
        "StaticTzInfo": _Zone,
    }
    for node in tree.body:  # module constants such as relative_base
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            with contextlib.suppress(Exception):  # a constant we cannot evaluate: not needed
                names[node.targets[0].id] = eval(
                    compile(ast.Expression(node.value), "test_search", "eval"), dict(names)
                )

    def value(node: ast.AST) -> object:
        return eval(compile(ast.Expression(node), "test_search", "eval"), dict(names))

    cases = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "param"):
            continue
        try:
            args = [value(a) for a in node.args]
            kwargs = {k.arg: value(k.value) for k in node.keywords if k.arg}
        except Exception:
            continue
        language = args[0] if args and isinstance(args[0], str) and len(args[0]) <= 3 else None
        languages = kwargs.get("languages") or ([language] if language else [])
        text = kwargs.get("text") or next((a for a in args[1:] if isinstance(a, str)), None)
        expected = kwargs.get("expected")
        if expected is None:
            expected = next((a for a in args if isinstance(a, (list, tuple))), None)
        if languages != ["en"] or not isinstance(text, str) or not expected:
            continue
        if not all(
            isinstance(e, tuple) and len(e) == 2 and isinstance(e[1], datetime.datetime)
            for e in expected
        ):
            continue
        settings = kwargs.get("settings") or {}
        if not isinstance(settings, dict) or set(settings) - {"RELATIVE_BASE"}:
            continue  # a case of dateparser's own settings (DATE_ORDER, PREFER_DATES_FROM)
        base = settings.get("RELATIVE_BASE")
        cases.append((text, base.date().isoformat() if base else None, list(expected)))
    return cases


def _agrees(value: str, moment: datetime.datetime) -> bool:
    """A TIMEX3 value against a datetime, at the value's own precision; an X placeholder
    (no anchor to say the year) is unknown, not wrong: "XXXX-09-01" agrees with any
    September 1, "XXXX-WXX-5" with any Friday."""
    unknown_year = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", value)
    if unknown_year:
        return int(unknown_year[1]) == moment.month and (
            unknown_year[2] is None or int(unknown_year[2]) == moment.day
        )
    weekday = re.fullmatch(r"XXXX-WXX-(\d)", value)
    if weekday:
        return int(weekday[1]) == moment.isoweekday()
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?.*", value)
    if day:
        same_day = (int(day[1]), int(day[2]), int(day[3])) == (
            moment.year,
            moment.month,
            moment.day,
        )
        return same_day and (
            day[4] is None or (int(day[4]), int(day[5])) == (moment.hour, moment.minute)
        )
    week = re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value)
    if week:
        return moment.isocalendar()[:2] == (int(week[1]), int(week[2]))
    month = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if month:
        return (int(month[1]), int(month[2])) == (moment.year, moment.month)
    if re.fullmatch(r"\d{4}", value):
        return int(value) == moment.year
    if re.fullmatch(r"\d{3}", value):
        return int(value) == moment.year // 10
    return False


def score_dateparser_cases(path: Path) -> tuple[int, float, float]:
    """(expected substrings, recall, right values) of the tool on dateparser's cases."""
    from corpus_tool.testing import run_tool

    found = right = total = 0
    for text, anchor, expected in dateparser_cases(path):
        rows = run_tool("dates", [text], anchor=anchor)
        position = 0
        for substring, moment in expected:
            start = text.find(substring, position)
            if start < 0 or _NOT_TIMEX3.search(substring):
                continue
            end = start + len(substring)
            position = end
            total += 1
            hits = [r for r in rows if r["start"] < end and start < r["end"]]
            found += bool(hits)
            right += any(_agrees(r["value"] or "", moment) for r in hits)
    return total, found / max(total, 1), right / max(total, 1)


def run_dates(docs: Path, out: Path) -> float:
    """Run the installed tool; seconds taken."""
    tool = Path(sys.executable).with_name("corpus-tool")
    command = [
        str(tool) if tool.exists() else "corpus-tool",
        "dates",
        str(docs),
        "-f",
        "jsonl",
        "-q",
    ]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run(command, stdout=sink, check=True)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="the te3-train folder (docs.jsonl, gold.jsonl, score.py)",
    )
    ap.add_argument("--errors", type=Path, help="also keep the scorer's error listing here")
    ap.add_argument(
        "--dateparser-sdist",
        type=Path,
        metavar="PATH",
        help="dateparser's source distribution (.tar.gz) or its tests/test_search.py:"
        " also score its English search cases",
    )
    args = ap.parse_args()
    if not (args.data / "score.py").exists():
        sys.exit(f"no TempEval-3 data at {args.data} (pass --data DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        errors = args.errors or Path(tmp) / "errors.md"
        seconds = run_dates(args.data / "docs.jsonl", pred)
        scored = subprocess.run(
            [sys.executable, str(args.data / "score.py"), str(pred), "--errors", str(errors)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        listing = errors.read_text("utf-8")
    print(scored.strip())
    figures = _FIGURES.search(scored)
    if figures is None:
        sys.exit("the scorer's output was not understood")
    strict, relaxed, value = (100 * float(x) for x in figures.groups())
    print(f"\n{'TempEval-3 Task A':50} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>8}")
    print(f"{'corpus-tool dates on te3-train':50} {strict:9.1f} {relaxed:10.1f} {value:8.1f}")
    for name, (s, r, v) in PEERS.items():
        print(f"{name + ' (platinum, published)':50} {s:9.2f} {r:10.2f} {v:8.2f}")
    print(f"(corpus-tool took {seconds:.1f} s, start-up included)")
    by_kind = classify(listing)
    classes = sorted({c for counts in by_kind.values() for c in counts})
    kinds = list(by_kind)
    print(f"\n{'errors by class':34}" + "".join(f"{k:>12}" for k in kinds) + f"{'all':>8}")
    for c in classes:
        row = [by_kind[k][c] for k in kinds]
        print(f"{c:34}" + "".join(f"{n:12d}" for n in row) + f"{sum(row):8d}")
    totals = [sum(by_kind[k].values()) for k in kinds]
    print(f"{'all':34}" + "".join(f"{n:12d}" for n in totals) + f"{sum(totals):8d}")
    if args.dateparser_sdist:
        total, recall, right = score_dateparser_cases(args.dateparser_sdist)
        print(
            f"\ndateparser's English search cases: {total} expected dates, "
            f"recall {recall:.3f}, right values {right:.3f}"
        )


if __name__ == "__main__":
    main()
