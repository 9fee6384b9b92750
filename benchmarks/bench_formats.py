"""Reading other formats: throughput beside plain JSON Lines, and memory on a large .jsonl.gz.

    python benchmarks/bench_formats.py              # 20MB in four formats; 100MB, 1GB .jsonl.gz
    python benchmarks/bench_formats.py --quick      # 5MB; 10MB and 100MB
    python benchmarks/bench_formats.py --source DIR --size 50MB --repeat 5 --rss-sizes 100MB,1GB

The source's texts (default ../shared/data/onestopenglish) are replicated to ``--size``
of UTF-8 text and written, in a temporary folder, as the same documents four ways:
``corpus.jsonl``, ``corpus.jsonl.gz``, ``corpus.csv`` (id, text) and ``corpus.parquet``.
Each runs as ``corpus-tool quotes FILE -j2 -f jsonl -q > /dev/null``, in turns so a busy
moment hits every format alike, ``--repeat`` times; the figure is the median. The target:
every format at no less than 80 % of the plain JSON Lines throughput. Beside it, the
reading alone (``read_paths`` in this process, documents made and dropped): what a
format costs the main process, which also feeds the workers.

Memory: ``corpus.jsonl.gz`` files of the ``--rss-sizes`` of text (made by repetition,
streamed to disk, gzip level 1), each run once as above; the peak RSS of the main process
and of the largest worker (the kernel's high-water marks). The target: the larger within
1.25x of the smaller. Everything made is removed at the end (``--keep`` to keep it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shlex
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_quotes import median_seconds  # noqa: E402
from make_corpus import ROOT, parse_size, source_texts  # noqa: E402
from run_all import corpus_tool, measure  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "onestopenglish"
FORMATS = ("jsonl", "jsonl.gz", "csv", "parquet")
THROUGHPUT_TARGET = 0.80
MEMORY_TARGET = 1.25


def records(texts: list[tuple[str, str]], size: int) -> Iterator[tuple[str, str]]:
    """(id, text) replicas of the source's texts until ``size`` bytes of UTF-8 text."""
    written, copy = 0, 0
    while True:
        for name, text in texts:
            yield f"{copy:06d}/{name}", text
            written += len(text.encode("utf-8"))
            if written >= size:
                return
        copy += 1


def jsonl_line(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"


def build_formats(texts: list[tuple[str, str]], size: int, folder: Path) -> dict[str, Path]:
    """The same documents as JSON Lines, gzip'd JSON Lines, CSV and Parquet."""
    import csv

    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = list(records(texts, size))
    paths = {fmt: folder / f"corpus.{fmt}" for fmt in FORMATS}
    with open(paths["jsonl"], "w", encoding="utf-8") as plain:
        plain.writelines(jsonl_line(i, t) for i, t in docs)
    with gzip.open(paths["jsonl.gz"], "wt", encoding="utf-8") as packed:
        packed.writelines(jsonl_line(i, t) for i, t in docs)
    with open(paths["csv"], "w", encoding="utf-8", newline="") as table:
        writer = csv.writer(table)
        writer.writerow(["id", "text"])
        writer.writerows(docs)
    columns = {"id": [i for i, _ in docs], "text": [t for _, t in docs]}
    pq.write_table(pa.table(columns), paths["parquet"])
    return paths


def build_gzip(texts: list[tuple[str, str]], size: int, path: Path) -> Path:
    """A .jsonl.gz of ``size`` bytes of text, written as it is made (level 1: quick)."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as packed:
        for doc_id, text in records(texts, size):
            packed.write(jsonl_line(doc_id, text))
    return path


def tool_command(path: Path, tool: str = "quotes") -> list[str]:
    """``corpus-tool TOOL FILE -j2 -f jsonl -q``; TOOL may carry its own words (kwic PATTERN)."""
    return [corpus_tool(), *shlex.split(tool), str(path), "-j2", "-f", "jsonl", "-q"]


def reading_speed(path: Path, megabytes: float, repeat: int) -> float:
    """MB/s of reading alone, in this process: the documents made and dropped."""
    from corpus_tool.readers import read_paths

    def read() -> None:
        for _ in read_paths([str(path)]):
            pass

    return megabytes / median_seconds(read, repeat)


def throughput(paths: dict[str, Path], megabytes: float, repeat: int) -> dict[str, float]:
    """MB/s of ``quotes -j2`` on each format, the median of runs taken in turns."""
    seconds: dict[str, list[float]] = {fmt: [] for fmt in paths}
    for round_ in range(repeat):
        for fmt, path in paths.items():
            taken = measure(tool_command(path)).seconds
            seconds[fmt].append(taken)
            print(f"  run {round_ + 1} {fmt:9} {taken:6.2f} s", flush=True)
    return {fmt: megabytes / statistics.median(times) for fmt, times in seconds.items()}


def compare_formats(
    texts: list[tuple[str, str]], size: int, folder: Path, args: argparse.Namespace
) -> bool:
    """Print the throughput table; True when a format misses the target."""
    paths = build_formats(texts, size, folder)
    megabytes = size / 1e6
    print(f"quotes -j2 on {megabytes:.0f} MB of {args.source.name}, median of {args.repeat}:")
    speeds = throughput(paths, megabytes, args.repeat)
    print("\n| format | file MB | quotes -j2 MB/s | of plain JSON Lines | reading alone MB/s |")
    print("|---|---:|---:|---:|---:|")
    missed = False
    for fmt, speed in speeds.items():
        ratio = speed / speeds["jsonl"]
        missed |= ratio < THROUGHPUT_TARGET
        mark = "" if ratio >= THROUGHPUT_TARGET else " (below 80 %)"
        file_mb = paths[fmt].stat().st_size / 1e6
        alone = reading_speed(paths[fmt], megabytes, args.repeat)
        print(f"| {fmt} | {file_mb:.1f} | {speed:.2f} | {ratio:.0%}{mark} | {alone:.0f} |")
    for path in paths.values():
        path.unlink()
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--size", default=None, help="text per format (default 20MB)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rss-sizes", default=None, help="two sizes (default 100MB,1GB)")
    parser.add_argument("--quick", action="store_true", help="5MB; memory at 10MB and 100MB")
    parser.add_argument("--no-rss", action="store_true", help="only the throughput")
    parser.add_argument("--rss-only", action="store_true", help="only the memory")
    parser.add_argument(
        "--rss-tool",
        default="quotes",
        help="the command measured for memory (default quotes; 'kwic zzqqxx' reads at "
        "the speed of a regular expression, for a quick run on a loaded machine)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the files made")
    args = parser.parse_args()
    size = parse_size(args.size or ("5MB" if args.quick else "20MB"))
    rss_sizes = (args.rss_sizes or ("10MB,100MB" if args.quick else "100MB,1GB")).split(",")

    texts = source_texts(args.source)
    folder = Path(tempfile.mkdtemp(prefix="corpus-tool-formats-", dir="/tmp"))
    failed = False
    try:
        if not args.rss_only:
            failed |= compare_formats(texts, size, folder, args)

        if not args.no_rss:
            sizes = " and ".join(rss_sizes)
            print(f"\npeak RSS of {args.rss_tool} -j2 on .jsonl.gz ({sizes} of text):")
            peaks = []
            for label in rss_sizes:
                path = build_gzip(texts, parse_size(label), folder / f"{label}.jsonl.gz")
                run = measure(tool_command(path, args.rss_tool))
                path.unlink()
                peaks.append((label, run))
                print(
                    f"| {label} | {run.seconds:.0f} s | main {run.main_mb:.0f} MB "
                    f"| worker {run.worker_mb:.0f} MB |",
                    flush=True,
                )
            (small, first), (large, last) = peaks[0], peaks[-1]
            for what, a, b in (
                ("main process", first.main_mb, last.main_mb),
                ("largest worker", first.worker_mb, last.worker_mb),
            ):
                ratio = b / a
                failed |= ratio > MEMORY_TARGET
                verdict = "met" if ratio <= MEMORY_TARGET else "MISSED"
                print(f"{what}: {large} / {small} = {ratio:.2f}x (target <= 1.25x: {verdict})")
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
