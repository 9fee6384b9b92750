"""Speed and memory of the corpus tools (freq, kwic) beside the plain Python and NLTK peers.

    python benchmarks/bench_corpus.py                          # onestopenglish and 100MB
    python benchmarks/bench_corpus.py --sizes 100MB,1GB --rss-only
    python benchmarks/bench_corpus.py --source ../shared/data/onestopenglish --repeat 5

For each corpus (the source itself, then replicas built by make_corpus.py), in one
run and in turns so that a busy moment hits each alike (median of --repeat, in wall
time and in this process's CPU time):

- ``freq``: the tool in-process (map, merge, finalize: counts, per million, docs,
  Juilland's D, sorted) against ``collections.Counter`` over the same regex
  tokenizer (``corpus_tool.tokenizer.WORD`` on lower-cased text) sorted by
  ``most_common``; both read the documents from corpus.jsonl as they go.
- ``kwic``: the tool in-process (5 words of context each side, exact offsets)
  against a plain ``re.finditer`` over the same compiled pattern with 40
  characters of context sliced each side.
- NLTK, on the source corpus (the ratio does not change with size; NLTK is slow;
  --nltk-docs N for its first N documents only), in the same turns:
  ``FreqDist`` and ``ConcordanceIndex`` over the tokens of ``nltk.word_tokenize``
  as NLTK defines it (Punkt sentences, then ``NLTKWordTokenizer``; Punkt with its
  default parameters, as the trained English model is a separate download), and,
  for the floor of any NLTK pipeline, over ``TreebankWordTokenizer`` alone.
- Peak memory (``/usr/bin/time`` maximum RSS) of the installed command
  ``corpus-tool freq corpus.jsonl -j1 -f jsonl -q > /dev/null`` on each replica:
  bounded by the vocabulary, it stays flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import ROOT, build, source_texts  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "onestopenglish"
PATTERN = "people"  # a common content word: about 1 match in 1,000 words


def documents(folder: Path) -> Iterator[str]:
    with open(folder / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def turns(runs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Median seconds of each run, the runs taken in turns: wall time under the
    run's name, CPU time of this process under ``<name>_cpu`` (steadier on a
    machine others load)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            began, began_cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append(time.perf_counter() - began)
            cpu[name].append(time.process_time() - began_cpu)
    return {
        **{name: sorted(found)[len(found) // 2] for name, found in times.items()},
        **{f"{name}_cpu": sorted(found)[len(found) // 2] for name, found in cpu.items()},
    }


def tool(name: str) -> Any:
    from corpus_tool import load_plugins

    return load_plugins().tool(name)


def speed(folder: Path, repeat: int, nltk: bool = False, limit: int = 0) -> dict[str, float]:
    """Median seconds of each run, with the NLTK runs if asked; on the first
    ``limit`` documents only if given."""
    from corpus_tool import Document, aggregate
    from corpus_tool.tokenizer import WORD

    freq, kwic = tool("freq"), tool("kwic")
    freq_options = {
        "ngram": 1,
        "min_count": 1,
        "top": 0,
        "by": None,
        "lower": True,
        "stop_words": None,
    }
    kwic_options = {
        "pattern": PATTERN,
        "regex": False,
        "ignore_case": False,
        "window": 5,
        "sort": "doc",
    }
    pattern = re.compile(r"(?<!\w)" + PATTERN + r"(?!\w)")

    def texts() -> Iterator[str]:
        found = documents(folder)
        return itertools.islice(found, limit) if limit else found

    def docs() -> Iterator[Document]:
        return (Document(str(i), text) for i, text in enumerate(texts()))

    def counter() -> None:
        counts: Counter[str] = Counter()
        for text in texts():
            counts.update(WORD.findall(text.lower()))
        counts.most_common()

    def plain_kwic() -> None:
        found = []
        for text in texts():
            for match in pattern.finditer(text):
                start, end = match.span()
                found.append(
                    (text[max(0, start - 40) : start], match.group(), text[end : end + 40])
                )

    runs: dict[str, Callable[[], Any]] = {
        "counter": counter,
        "freq": lambda: aggregate(freq, docs(), freq_options),
        "re_finditer": plain_kwic,
        "kwic": lambda: aggregate(kwic, docs(), kwic_options),
    }
    if nltk:
        from nltk import ConcordanceIndex, FreqDist
        from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer, TreebankWordTokenizer

        punkt, nltk_words, treebank = (
            PunktSentenceTokenizer(),
            NLTKWordTokenizer(),
            TreebankWordTokenizer(),
        )

        def word_tokenize(text: str) -> list[str]:  # nltk.word_tokenize, step by step
            return [token for sent in punkt.tokenize(text) for token in nltk_words.tokenize(sent)]

        def nltk_freq(tokenize: Callable[[str], list[str]]) -> None:
            counts: FreqDist = FreqDist()
            for text in texts():
                counts.update(token.lower() for token in tokenize(text))
            counts.most_common()

        def nltk_concordance(tokenize: Callable[[str], list[str]]) -> None:
            for text in texts():
                ConcordanceIndex(tokenize(text)).find_concordance(PATTERN, width=80)

        runs["nltk_freqdist"] = lambda: nltk_freq(word_tokenize)
        runs["nltk_concordance"] = lambda: nltk_concordance(word_tokenize)
        runs["nltk_freqdist_treebank"] = lambda: nltk_freq(treebank.tokenize)
        runs["nltk_concordance_treebank"] = lambda: nltk_concordance(treebank.tokenize)
    return turns(runs, repeat)


def peak_rss_mb(folder: Path) -> tuple[float, float]:
    """(MB, seconds) of ``corpus-tool freq`` over the corpus, one run."""
    from corpus_tool.testing import corpus_tool_executable

    command = [
        "/usr/bin/time",
        "-f",
        "%M %e",
        corpus_tool_executable(),
        "freq",
        str(folder / "corpus.jsonl"),
        "-j1",
        "-f",
        "jsonl",
        "-q",
    ]
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True
    )
    kilobytes, seconds = done.stderr.strip().splitlines()[-1].split()
    return int(kilobytes) / 1024, float(seconds)


def report(seconds: dict[str, float], what: str) -> None:
    print(f"### {what} (median of the runs; CPU: this process's CPU time)")
    for name, value in seconds.items():
        if not name.endswith("_cpu"):
            print(f"{name:<26} {value:8.2f} s   CPU {seconds[f'{name}_cpu']:8.2f} s")
    pairs = (("freq", "counter", "Counter"), ("kwic", "re_finditer", "re.finditer"))
    for tool, peer, label in pairs:
        wall, cpu = seconds[tool] / seconds[peer], seconds[f"{tool}_cpu"] / seconds[f"{peer}_cpu"]
        print(f"{tool} / {label + ':':<21} {wall:.2f}x   CPU {cpu:.2f}x")
    if "nltk_freqdist" in seconds:
        for suffix, name in (("", "word_tokenize"), ("_treebank", "TreebankWordTokenizer")):
            freq = seconds[f"nltk_freqdist{suffix}"] / seconds["freq"]
            kwic = seconds[f"nltk_concordance{suffix}"] / seconds["kwic"]
            print(
                f"NLTK ({name}) FreqDist / freq: {freq:.1f}x, ConcordanceIndex / kwic: {kwic:.1f}x"
            )
    sys.stdout.flush()


def megabytes(folder: Path) -> float:
    return sum(len(text.encode("utf-8")) for text in documents(folder)) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--sizes", default="100MB", help="replica sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rss-only", action="store_true", help="only the memory figures")
    parser.add_argument(
        "--nltk-docs",
        type=int,
        default=0,
        help="NLTK on the source's first N documents only (0: all)",
    )
    parser.add_argument("--no-nltk", action="store_true", help="leave NLTK out")
    args = parser.parse_args()

    # The source once: as many bytes as its texts have.
    once = sum(len(text.encode("utf-8")) for _, text in source_texts(args.source))
    source = build(
        f"{once}B", args.source, ROOT / "benchmarks" / "data" / f"{args.source.name}-once"
    )
    folders = [("source", source)] + [
        (size, build(size, args.source)) for size in args.sizes.split(",") if size
    ]
    for label, folder in folders:
        size = megabytes(folder)
        print(f"## {label}: {folder.name}, {size:.1f} MB", flush=True)
        if not args.rss_only:  # a 1 GB replica takes some minutes a run
            nltk = label == "source" and not args.no_nltk
            limit = args.nltk_docs if nltk else 0
            what = f"first {limit} documents" if limit else f"{size:.1f} MB"
            report(speed(folder, args.repeat, nltk, limit), what)
        if label != "source":
            rss, seconds = peak_rss_mb(folder)
            print(f"corpus-tool freq -j1 peak RSS: {rss:.0f} MB ({seconds:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
