"""Speed and quality of the dates tool against dateparser and datefinder, in one run.

    python benchmarks/bench_dates.py [--size 20MB] [--sample-kb 200] [--cli]

Ours runs in-process over the whole corpus (median of 3 runs, one core); with
``--cli`` also as ``corpus-tool dates FILES -j 2`` once.  dateparser's
``search_dates`` runs at tens of KB/s, so the peers are timed on a fixed sample
(the first documents of the corpus, ``--sample-kb`` for search_dates and ten
times that for datefinder) and their MB/s extrapolated from it; the output says so.
Quality is the gold scoring of ``quality_dates.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import build
from quality_dates import quality_all

MB = 1 << 20


def load_texts(folder: Path) -> list[str]:
    with open(folder / "corpus.jsonl", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def sample(texts: list[str], kilobytes: int) -> list[str]:
    """The first documents up to ``kilobytes`` of UTF-8."""
    out: list[str] = []
    size = 0
    for text in texts:
        if size >= kilobytes * 1024:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def timed(run: Callable[[list[str]], int], texts: list[str], repeats: int = 1) -> tuple[float, int]:
    """Median seconds over ``repeats`` runs, and the number of expressions found."""
    seconds, found = [], 0
    for _ in range(repeats):
        begin = time.perf_counter()
        found = run(texts)
        seconds.append(time.perf_counter() - begin)
    return statistics.median(seconds), found


def run_ours(texts: list[str]) -> int:
    from corpus_tool import Document
    from corpus_tool.plugins import load_plugins
    from corpus_tool.runner import apply_tool

    tool = load_plugins().tool("dates")
    options = {"anchor": None, "show_anchor": False, "types": None, "date_from": None,
               "date_to": None, "timeline": False}
    return sum(len(apply_tool(tool, Document(str(i), t), options))  # type: ignore[arg-type]
               for i, t in enumerate(texts))


def run_search_dates(texts: list[str]) -> int:
    from dateparser.search import search_dates

    return sum(len(search_dates(t, languages=["en"]) or []) for t in texts)


def run_datefinder(texts: list[str]) -> int:
    import datefinder

    return sum(sum(1 for _ in datefinder.find_dates(t)) for t in texts)


def run_cli(folder: Path) -> float:
    command = [str(Path(sys.executable).parent / "corpus-tool"), "dates", str(folder / "files"),
               "-f", "jsonl", "-j", "2", "-q"]
    begin = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--sample-kb", type=int, default=200)
    parser.add_argument("--cli", action="store_true", help="also time the installed command")
    args = parser.parse_args()

    folder = build(args.size)
    texts = load_texts(folder)
    total = megabytes(texts)
    quality = quality_all()
    print(f"corpus: {folder} ({total:.1f} MB, {len(texts)} documents)")

    seconds, found = timed(run_ours, texts, repeats=3)
    speeds = {"corpus-tool dates": (total / seconds,
                                    f"all {total:.1f} MB, median of 3, {found} expressions")}
    for name, run, kilobytes in (("dateparser search_dates", run_search_dates, args.sample_kb),
                                 ("datefinder find_dates", run_datefinder, 10 * args.sample_kb)):
        part = sample(texts, kilobytes)
        seconds, found = timed(run, part)
        speeds[name] = (megabytes(part) / seconds,
                        f"first {megabytes(part) * 1024:.0f} KB, extrapolated")

    print(f"{'tool':26} {'F1':>6} {'value acc':>9} {'MB/s':>8}  timed on")
    for name, (speed, note) in speeds.items():
        q = quality[name]
        print(f"{name:26} {q.f1:6.3f} {q.value_accuracy:9.3f} {speed:8.3f}  {note}")
    ours, slow = speeds["corpus-tool dates"][0], speeds["dateparser search_dates"][0]
    print(f"corpus-tool dates is {ours / slow:.0f}x faster than search_dates")
    if args.cli:
        seconds = run_cli(folder)
        print(f"corpus-tool dates {folder / 'files'} -j 2: {seconds:.1f} s, "
              f"{total / seconds:.2f} MB/s (start-up and output included)")


if __name__ == "__main__":
    main()
