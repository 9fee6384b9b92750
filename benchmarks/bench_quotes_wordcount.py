"""Speed of ``corpus-tool quotes -j1`` against a plain Python word-count loop over the same files.

    python benchmarks/bench_quotes_wordcount.py [--size 10MB] [--repeat 5]

Both run as fresh processes over the same ``files/`` folder of a corpus built by
``make_corpus.py``: the command writes JSON Lines to /dev/null; the loop reads
every file, lower-cases it and counts its words with
``collections.Counter(re.findall(r"\\w+", text.lower()))``.  The runs of the two
are taken in turns, so load on the machine hits both alike; the figure is the
ratio of the medians (the target: at most 4.5x), of wall-clock time and of CPU time
(the processes' own, which load on a shared machine disturbs less), with the range of
the turns' own CPU ratios, which shows how much load moved it.  The processes
cache their bytecode as Python does by default, as on a user's machine: a shell that
sets PYTHONDONTWRITEBYTECODE would make every run of the command compile its modules
again, a cost the one-line loop does not have (``--keep-env`` keeps it).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import build  # noqa: E402

WORD_COUNT = """
import collections, pathlib, re, sys
counts = collections.Counter()
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    counts.update(collections.Counter(re.findall(r"\\w+", text.lower())))
print(len(counts))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# Python's default: bytecode is cached (see the docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU time is what load on the machine
    changes least)."""
    began, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - began, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10MB")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout to time the same way")
    parser.add_argument(
        "--keep-env", action="store_true", help="run with this shell's PYTHON* settings as they are"
    )
    args = parser.parse_args()
    env = dict(os.environ) if args.keep_env else ENV
    from corpus_tool.testing import corpus_tool_executable

    files = build(args.size) / "files"
    tool = [corpus_tool_executable(), "quotes", str(files), "-j1", "-f", "jsonl", "-q"]
    loop = [sys.executable, "-c", WORD_COUNT, str(files)]
    other_env = None
    if args.against:
        paths = [str(args.against / "src"), str(args.against / "plugins")]
        other_env = {**env, "PYTHONPATH": os.pathsep.join(paths)}
    timed(tool, env)  # a warm-up run writes the bytecode
    tool_times, loop_times, other_times = [], [], []
    for _ in range(args.repeat):
        loop_times.append(timed(loop, env))
        tool_times.append(timed(tool, env))
        if other_env:
            other_times.append(timed(tool, other_env))

    def median(times: list[tuple[float, float]], which: int) -> float:
        return statistics.median(t[which] for t in times)

    t, w = median(tool_times, 0), median(loop_times, 0)
    tc, wc = median(tool_times, 1), median(loop_times, 1)
    print(f"corpus: {args.size} of .txt files under {files} (median of {args.repeat})")
    print(f"word-count loop:          {w:7.2f} s   CPU {wc:6.2f} s")
    print(
        f"corpus-tool quotes -j1:   {t:7.2f} s   CPU {tc:6.2f} s   "
        f"ratio {t / w:.2f}x, CPU {tc / wc:.2f}x (target <= 4.5x)"
    )
    # Each turn's own ratio (the command over the loop run just before it): how far the
    # load on the machine moved the figure during this run.
    turns = sorted(tool[1] / loop[1] for tool, loop in zip(tool_times, loop_times, strict=True))
    print(f"CPU ratio of each turn:   {turns[0]:.2f}x - {turns[-1]:.2f}x")
    if other_times:
        o, oc = median(other_times, 0), median(other_times, 1)
        print(
            f"the same, {args.against}: {o:7.2f} s   CPU {oc:6.2f} s   "
            f"ratio {o / w:.2f}x, CPU {oc / wc:.2f}x"
        )


if __name__ == "__main__":
    main()
