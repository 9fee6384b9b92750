"""Throughput of the ``quotes`` tool on a 20 MB corpus, beside a bare regex over the same marks.

    python benchmarks/bench_quotes.py [--size 20MB] [--repeat 3] [--no-cli]

Three measures, each the median of ``--repeat`` runs over the same documents:
the extractor called in-process, a bare ``re.finditer`` over the quote marks
(the floor any quote finder pays), and the installed command run as
``corpus-tool quotes corpus.jsonl -j1 -f jsonl > /dev/null`` (start-up, reading
and writing included).  Also prints the gold quality figures, so speed and
quality come from one run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import build  # noqa: E402

BARE_MARKS = re.compile(r"[“”„‟«»\"‘’‹›]")


def median_seconds(run: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def load(folder: Path) -> list[str]:
    with open(folder / "corpus.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def measure(size: str = "20MB", repeat: int = 3, cli: bool = True) -> dict[str, Any]:
    """MB/s of the extractor, of the bare regex and (optionally) of the command."""
    from corpus_tool_quotes.extract import quotations

    folder = build(size)
    texts = load(folder)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def extractor() -> None:
        for text in texts:
            for _ in quotations(text):
                pass

    def bare() -> None:
        for text in texts:
            for _ in BARE_MARKS.finditer(text):
                pass

    results: dict[str, Any] = {"megabytes": round(megabytes, 1), "documents": len(texts)}
    results["extractor_mb_s"] = round(megabytes / median_seconds(extractor, repeat), 2)
    results["bare_regex_mb_s"] = round(megabytes / median_seconds(bare, repeat), 2)
    results["regex_over_extractor"] = round(
        results["bare_regex_mb_s"] / results["extractor_mb_s"], 1
    )
    if cli:
        from corpus_tool.testing import corpus_tool_executable

        command = [corpus_tool_executable(), "quotes", str(folder / "corpus.jsonl"),
                   "-j1", "-f", "jsonl", "-q"]

        def run_cli() -> None:
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)

        results["cli_mb_s"] = round(megabytes / median_seconds(run_cli, repeat), 2)
        results["cli_over_extractor"] = round(results["cli_mb_s"] / results["extractor_mb_s"], 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess run")
    args = parser.parse_args()
    speed = measure(args.size, args.repeat, cli=not args.no_cli)
    print(f"corpus: {speed['megabytes']} MB, {speed['documents']} documents "
          f"(median of {args.repeat})")
    print(f"quotes extractor, in-process, 1 core: {speed['extractor_mb_s']:>8} MB/s")
    print(f"bare re.finditer over the marks:      {speed['bare_regex_mb_s']:>8} MB/s "
          f"({speed['regex_over_extractor']}x the extractor)")
    if "cli_mb_s" in speed:
        print(f"corpus-tool quotes -j1 -f jsonl:      {speed['cli_mb_s']:>8} MB/s "
              f"({speed['cli_over_extractor']}x the extractor)")

    from quality_quotes import evaluate

    quality = evaluate()
    for name in ("quotes", "regex"):
        q = quality[name]
        print(f"gold, {name:<6}: P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
              f"direct {q['direct_found']}/{q['direct_total']}  "
              f"speaker accuracy {q['speaker_accuracy']:.3f}")


if __name__ == "__main__":
    main()
