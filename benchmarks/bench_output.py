"""What writing costs: the same run to standard output, to --out files, and through the API.

    python benchmarks/bench_output.py [--size 20MB] [--source DIR] [--repeat 3] [--jobs 2]

For each tool (quotes: a few text rows a document; readability --by paragraph: many
numeric rows), the median wall time of ``--repeat`` runs, taken in turns, of

- ``corpus-tool TOOL corpus.jsonl -jN -f jsonl > /dev/null`` (the baseline),
- ``--out rows.jsonl``, ``--out rows.jsonl.gz`` and ``--out rows.parquet``,
- ``corpus_tool.run(TOOL, corpus.jsonl, jobs=N)`` consumed in this process
  (a fresh interpreter each time, so plugin loading is counted as for the command),

as MB of input a second, the share of the baseline's throughput, and the file's size.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import build  # noqa: E402

TOOLS = {"quotes": [], "readability": ["--by", "paragraph"]}
API = (
    "import sys, corpus_tool\n"
    "tool, path, jobs, *words = sys.argv[1:]\n"
    "options = {'by': words[1]} if words else {}\n"
    "sum(1 for _ in corpus_tool.run(tool, path, jobs=int(jobs), **options))\n"
)


def command() -> str:
    return str(Path(sys.executable).parent / "corpus-tool")


def timed(args: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--source", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    corpus = build(options.size, options.source) / "corpus.jsonl"
    megabytes = corpus.stat().st_size / 1e6
    print(
        f"{megabytes:.1f} MB of JSON Lines ({corpus}), -j{options.jobs}, median of {options.repeat}"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for tool, words in TOOLS.items():
            base = [command(), tool, str(corpus), f"-j{options.jobs}", *words]
            ways = {
                "stdout jsonl": [*base, "-f", "jsonl"],
                "--out .jsonl": [*base, "--out", str(out / f"{tool}.jsonl")],
                "--out .jsonl.gz": [*base, "--out", str(out / f"{tool}.jsonl.gz")],
                "--out .parquet": [*base, "--out", str(out / f"{tool}.parquet")],
                "run() in Python": [
                    sys.executable,
                    "-c",
                    API,
                    tool,
                    str(corpus),
                    str(options.jobs),
                    *words,
                ],
            }
            times: dict[str, list[float]] = {name: [] for name in ways}
            for _ in range(options.repeat):  # in turns, so a change in load hits all alike
                for name, args in ways.items():
                    times[name].append(timed(args))
            baseline = statistics.median(times["stdout jsonl"])
            print(f"\n{tool} {' '.join(words)}")
            for name, measured in times.items():
                seconds = statistics.median(measured)
                target = out / f"{tool}{name.removeprefix('--out ')}"
                size = f"{target.stat().st_size / 1e6:8.2f} MB" if name.startswith("--out") else ""
                print(
                    f"  {name:16} {megabytes / seconds:6.2f} MB/s  "
                    f"{baseline / seconds:6.1%} of stdout  {size}"
                )


if __name__ == "__main__":
    main()
