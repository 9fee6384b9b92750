"""Speed of ``clean`` on a 20 MB corpus beside symspellpy's word_segmentation, in one run.

    python benchmarks/bench_clean.py                 # the 20 MB corpus built from corpus/
    python benchmarks/bench_clean.py --size 5MB --source DIR
    python benchmarks/bench_clean.py --no-cli        # in-process figures only

Reports MB/s (UTF-8 bytes of input text per second of wall time):
- in-process: the tool's function over every document of corpus.jsonl, one core;
- the command: ``corpus-tool clean corpus.jsonl -j N > /dev/null`` for N = 1, 2
  (start-up, reading and writing JSON Lines included);
- the naive approach: symspellpy's ``word_segmentation`` (dictionary loaded once,
  no spelling correction) over every line.  It is slow, so it is timed on the
  first --sample bytes of the corpus and extrapolated to the whole: say so when
  quoting it.
Target: at least 1 MB/s per core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from make_corpus import ROOT, build, parse_size


def load(folder: Path) -> list[tuple[str, str]]:
    with open(folder / "corpus.jsonl", encoding="utf-8") as handle:
        return [(d["id"], d["text"]) for d in map(json.loads, handle)]


def megabytes(docs: list[tuple[str, str]]) -> float:
    return sum(len(text.encode("utf-8")) for _, text in docs) / 1e6


def in_process(docs: list[tuple[str, str]]) -> float:
    """MB/s of the tool's function, one core, dictionary loading included."""
    from corpus_tool import Document
    from corpus_tool.plugins import load_plugins

    clean = load_plugins().tool("clean").func
    start = time.perf_counter()
    for doc_id, text in docs:
        clean(Document(doc_id, text), only=None, skip=None)
    return megabytes(docs) / (time.perf_counter() - start)


def command(folder: Path, jobs: int) -> float:
    """MB/s of the installed command, end to end."""
    exe = Path(sys.executable).parent / "corpus-tool"
    start = time.perf_counter()
    subprocess.run([str(exe), "clean", str(folder / "corpus.jsonl"), "-j", str(jobs), "-q"],
                   stdout=subprocess.DEVNULL, check=True)
    return megabytes(load(folder)) / (time.perf_counter() - start)


def symspell_segmentation(docs: list[tuple[str, str]], sample_bytes: int) -> dict[str, float]:
    """MB/s of symspellpy's word_segmentation over the first ``sample_bytes`` of text."""
    from importlib.resources import files

    from symspellpy import SymSpell

    start = time.perf_counter()
    sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    load_seconds = time.perf_counter() - start
    done = 0
    start = time.perf_counter()
    for _, text in docs:
        for line in text.splitlines():
            if line.strip():
                sym.word_segmentation(line, max_edit_distance=0)
        done += len(text.encode("utf-8"))
        if done >= sample_bytes:
            break
    seconds = time.perf_counter() - start
    return {"mb_per_s": done / 1e6 / seconds, "sample_mb": done / 1e6, "load_s": load_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--source", type=Path, default=ROOT / "corpus")
    parser.add_argument("--sample", default="1MB", help="bytes of text to time symspellpy on")
    parser.add_argument("--no-cli", action="store_true", help="skip the command runs")
    args = parser.parse_args()

    folder = build(args.size, args.source)
    docs = load(folder)
    size = megabytes(docs)
    print(f"corpus: {folder} ({len(docs):,} documents, {size:.1f} MB)")
    ours = in_process(docs)
    print(f"clean, in-process, 1 core       {ours:6.2f} MB/s   ({size / ours:5.1f} s)")
    if not args.no_cli:
        for jobs in (1, 2):
            rate = command(folder, jobs)
            print(f"corpus-tool clean -j {jobs}           {rate:6.2f} MB/s   "
                  f"({size / rate:5.1f} s)")
    naive = symspell_segmentation(docs, parse_size(args.sample))
    rate = naive["mb_per_s"]
    print(f"symspellpy word_segmentation    {rate:6.2f} MB/s   (~{size / rate:5.0f} s for "
          f"{size:.0f} MB, extrapolated from {naive['sample_mb']:.1f} MB; "
          f"dictionary load {naive['load_s']:.1f} s)")
    print(f"clean is {ours / rate:.0f}x the naive approach on one core (target: >= 1 MB/s/core)")


if __name__ == "__main__":
    main()
