"""Score the dates tool on TempEval-3's training set with the data set's own scorer.

    python benchmarks/quality_te3.py                       # ../shared/data/te3-train
    python benchmarks/quality_te3.py --data DIR --errors errors.md

Runs the installed ``corpus-tool dates`` over ``DIR/docs.jsonl``, scores it with
``DIR/score.py`` (TempEval-3 Task A: strict and relaxed F1, value F1), prints the
figures beside the task's published systems, and counts the errors by class (the
classes of issue #14: tense, time and day, durations, sets, vague references,
spelling variants, false alarms).  The data stays where it is: nothing is copied.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
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


if __name__ == "__main__":
    main()
