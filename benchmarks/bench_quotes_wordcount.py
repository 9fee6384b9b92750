"""Speed of ``corpus-tool quotes -j1`` against a plain Python word-count loop over the same files.

    python benchmarks/bench_quotes_wordcount.py [--size 10MB] [--repeat 5]

Both run as fresh processes over the same ``files/`` folder of a corpus built by
``make_corpus.py``: the command writes JSON Lines to /dev/null; the loop reads
every file, lower-cases it and counts its words with
``collections.Counter(re.findall(r"\\w+", text.lower()))``.  The runs of the two
are taken in turns, so load on the machine hits both alike; the figure is the
ratio of the medians (the target: at most 4.5x).
"""

from __future__ import annotations

import argparse
import os
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


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    began = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10MB")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout to time the same way")
    args = parser.parse_args()
    from corpus_tool.testing import corpus_tool_executable

    files = build(args.size) / "files"
    tool = [corpus_tool_executable(), "quotes", str(files), "-j1", "-f", "jsonl", "-q"]
    loop = [sys.executable, "-c", WORD_COUNT, str(files)]
    other_env = None
    if args.against:
        paths = [str(args.against / "src"), str(args.against / "plugins")]
        other_env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    tool_times, loop_times, other_times = [], [], []
    for _ in range(args.repeat):
        loop_times.append(timed(loop))
        tool_times.append(timed(tool))
        if other_env:
            other_times.append(timed(tool, other_env))
    t, w = statistics.median(tool_times), statistics.median(loop_times)
    print(f"corpus: {args.size} of .txt files under {files} (median of {args.repeat})")
    print(f"word-count loop:          {w:7.2f} s")
    print(f"corpus-tool quotes -j1:   {t:7.2f} s   ratio {t / w:.2f}x (target <= 4.5x)")
    if other_times:
        o = statistics.median(other_times)
        print(f"the same, {args.against}: {o:7.2f} s   ratio {o / w:.2f}x")


if __name__ == "__main__":
    main()
