"""One ``report`` against the four commands a user would otherwise run, on one corpus.

    python benchmarks/bench_report.py [--size 100MB] [--jobs 2]

Times, with the same ``-j``:

- ``corpus-tool report corpus.jsonl -f jsonl > /dev/null``
- ``corpus-tool clean corpus.jsonl -f jsonl > cleaned.jsonl``, then ``readability``,
  ``quotes`` and ``dates`` over ``cleaned.jsonl``, each ``-f jsonl > /dev/null``

and prints each time, the sum of the four, and how many times faster the report is:
by the clock, and by the CPU seconds of the processes (the fairer figure on a
machine that is busy with other work).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import build  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of the command, workers included; output to ``stdout`` or /dev/null."""
    cpu, began = _children_cpu(), time.perf_counter()
    with open(stdout or "/dev/null", "w") as out:
        subprocess.run(command, stdout=out, check=True)
    return time.perf_counter() - began, _children_cpu() - cpu


def measure(size: str = "100MB", jobs: int = 2) -> dict[str, tuple[float, float]]:
    from corpus_tool.testing import corpus_tool_executable

    corpus = build(size) / "corpus.jsonl"
    tool = corpus_tool_executable()
    common = ["-f", "jsonl", "-q", "-j", str(jobs)]
    seconds: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        cleaned = Path(scratch) / "cleaned.jsonl"
        seconds["clean"] = timed([tool, "clean", str(corpus), *common], stdout=cleaned)
        for name in ("readability", "quotes", "dates"):
            seconds[name] = timed([tool, name, str(cleaned), *common])
    seconds["four commands"] = (
        sum(wall for wall, _ in seconds.values()), sum(cpu for _, cpu in seconds.values())
    )
    seconds["report"] = timed([tool, "report", str(corpus), *common])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100MB")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    seconds = measure(args.size, args.jobs)
    megabytes = (build(args.size) / "corpus.jsonl").stat().st_size / 1e6
    print(f"{args.size} corpus ({megabytes:.0f} MB of JSON Lines), -j {args.jobs}")
    print(f"  {'':<14} {'wall':>8} {'MB/s':>6} {'CPU':>8}")
    for name, (wall, cpu) in seconds.items():
        print(f"  {name:<14} {wall:7.1f}s {megabytes / wall:6.2f} {cpu:7.1f}s")
    (four_wall, four_cpu), (report_wall, report_cpu) = seconds["four commands"], seconds["report"]
    print(f"report is {four_wall / report_wall:.2f}x as fast as clean, readability, quotes and "
          f"dates in turn (CPU time: {four_cpu / report_cpu:.2f}x less)")

if __name__ == "__main__":
    main()
