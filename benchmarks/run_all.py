"""Every benchmark in one run: speed, memory and quality of each tool beside its peer.

    python benchmarks/run_all.py                                  # 10MB and 100MB, median of 3
    python benchmarks/run_all.py --sizes 10MB,100MB,1GB --source DIR

For each size, the corpus is built once by make_corpus.py (replicas of the
source's texts, distinct ids) and every tool runs as the installed command,
``corpus-tool TOOL corpus.jsonl -j N -f jsonl -q > /dev/null``, in turns so a
busy moment hits every command alike; each figure is the median of --repeat runs.
Beside them: the peer a user would otherwise reach for (reused from the
bench_*.py scripts, slow peers timed on a sample and extrapolated), the runner's
overhead over a plain loop calling the tool function, the gold figures of each
plugin and its peer (quality_*.py), start-up times, and with the largest size
the scale figures (memory and time of the two largest sizes, jsonl and csv).
Writes everything with the machine description to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_quotes import median_seconds  # noqa: E402
from bench_startup import TARGET as HELP_TARGET  # noqa: E402
from bench_startup import measure as help_medians  # noqa: E402
from make_corpus import ROOT, build, parse_size  # noqa: E402

TOOLS = ("readability", "dates", "quotes", "clean")
HELP_REPEAT = 21  # runs of each --help for the start-up ratio
PEERS = {
    "readability": "python loop over textstat",
    "dates": "dateparser search_dates",
    "quotes": "bare re.finditer",
    "clean": "symspellpy word_segmentation",
}
MB = 1e6  # MB/s in this file: 10^6 bytes of UTF-8 input text per second

# The loop a user of the library would write instead of the runner: read the
# JSON Lines, call the tool's function, write the rows. No chunks, no workers.
PLAIN_LOOP = r"""
import inspect, json, sys
from corpus_tool import Document, Transform
from corpus_tool.plugins import load_plugins

tool = load_plugins().tool(sys.argv[1])
options = {p.name: p.default for p in list(inspect.signature(tool.func).parameters.values())[1:]}
dumps = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
with open(sys.argv[2], "rb") as lines, open("/dev/null", "w") as out:
    for line in lines:
        record = json.loads(line)
        doc = Document(record["id"], record["text"], {})
        result = tool.func(doc, **options)
        if isinstance(tool, Transform):
            out.write(dumps(result.to_json()) + "\n")
        else:
            for row in result:
                out.write(dumps({"doc": doc.id, **row}) + "\n")
"""


def corpus_tool() -> str:
    beside = Path(sys.executable).parent / "corpus-tool"
    return str(beside) if beside.exists() else "corpus-tool"


# --- measuring a command ------------------------------------------------------


def _hwm_kb(pid: int) -> int:
    """The peak resident set (VmHWM) of a live process, in kB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


@dataclass
class Run:
    seconds: float
    main_mb: float  # peak RSS of the main process
    worker_mb: float  # peak RSS of the largest worker process (0 with -j1)


def measure(command: list[str]) -> Run:
    """Wall time and peak RSS (main process; largest worker) of one command.

    Peaks are the kernel's high-water marks (VmHWM), read every 50 ms while the
    processes live, so a short-lived peak is not missed between samples.
    """
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    main = worker = 0
    while process.poll() is None:
        main = max(main, _hwm_kb(process.pid))
        for child in _children(process.pid):
            worker = max(worker, _hwm_kb(child))
        time.sleep(0.05)
    seconds = time.perf_counter() - began
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return Run(seconds, main / 1024, worker / 1024)


def median_runs(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.main_mb for r in runs),
        statistics.median(r.worker_mb for r in runs),
    )


def in_turns(commands: dict[str, list[str]], repeat: int) -> dict[str, Run]:
    """Each command ``repeat`` times, taken in turns; the median of each."""
    runs: dict[str, list[Run]] = defaultdict(list)
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
            print(f"    {name}: {runs[name][-1].seconds:.2f} s", flush=True)
    return {name: median_runs(values) for name, values in runs.items()}


# --- the corpus -----------------------------------------------------------------


@dataclass
class Corpus:
    size: str
    folder: Path
    documents: int
    megabytes: float

    @property
    def jsonl(self) -> Path:
        return self.folder / "corpus.jsonl"

    def texts(self) -> list[str]:
        with open(self.jsonl, encoding="utf-8") as lines:
            return [json.loads(line)["text"] for line in lines]


def make(size: str, source: Path) -> Corpus:
    folder = build(size, source)
    documents, total = 0, 0
    with open(folder / "corpus.jsonl", encoding="utf-8") as lines:
        for line in lines:
            documents += 1
            total += len(json.loads(line)["text"].encode("utf-8"))
    return Corpus(size, folder, documents, total / MB)


def sample(texts: list[str], megabytes: float) -> tuple[list[str], float]:
    """The first texts up to ``megabytes`` of UTF-8, and their size in MB."""
    out, size = [], 0
    for text in texts:
        if size >= megabytes * MB:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out, size / MB


# --- peers (the bench_*.py scripts' own implementations) ----------------------


@dataclass
class Peer:
    mb_s: float
    note: str


def peer_speed(tool: str, corpus: Corpus, repeat: int) -> Peer:
    """MB/s of the peer on this corpus (or a sample of it, extrapolated)."""
    texts = corpus.texts()
    if tool == "readability":
        from bench_readability import LOOP

        command = [sys.executable, "-c", LOOP, str(corpus.folder / "files")]
        seconds = in_turns({"textstat loop": command}, repeat)["textstat loop"].seconds
        return Peer(corpus.megabytes / seconds, f"all {corpus.megabytes:.0f} MB, a fresh process")
    if tool == "dates":
        from bench_dates import run_search_dates

        part, size = sample(texts, 0.2)
        seconds = median_seconds(lambda: run_search_dates(part), 1)
        return Peer(size / seconds, f"first {size * 1000:.0f} KB, extrapolated, 1 run")
    if tool == "quotes":
        from bench_quotes import BARE_MARKS

        def scan() -> None:
            for text in texts:
                for _ in BARE_MARKS.finditer(text):
                    pass

        seconds = median_seconds(scan, repeat)
        return Peer(corpus.megabytes / seconds, f"all {corpus.megabytes:.0f} MB, in-process")
    if tool == "clean":
        from bench_clean import symspell_segmentation

        result = symspell_segmentation([("", t) for t in texts], 1_000_000)
        note = f"first {result['sample_mb']:.1f} MB, extrapolated, 1 run"
        return Peer(result["mb_per_s"], note)
    raise ValueError(tool)


def datefinder_speed(corpus: Corpus) -> Peer:
    from bench_dates import run_datefinder

    part, size = sample(corpus.texts(), 2.0)
    seconds = median_seconds(lambda: run_datefinder(part), 1)
    return Peer(size / seconds, f"first {size:.1f} MB, extrapolated, 1 run")


# --- quality on the gold ------------------------------------------------------


def quality() -> list[tuple[str, str, str]]:
    """(tool, ours, peer's) gold figures, from the quality_*.py scripts."""
    from quality_clean import gold_scores
    from quality_dates import quality_all
    from quality_quotes import evaluate

    rows = []
    equal, total = readability_agreement()
    rows.append(("readability", f"{equal}/{total} scores equal to textstat's",
                 "textstat: the reference"))
    dates = quality_all()
    ours = dates["corpus-tool dates"]
    rows.append(("dates", f"F1 {ours.f1:.3f}, value accuracy {ours.value_accuracy:.3f}",
                 "; ".join(f"{name}: F1 {s.f1:.3f}, value accuracy {s.value_accuracy:.3f}"
                           for name, s in dates.items() if name != "corpus-tool dates")))
    quotes = evaluate()
    q, r = quotes["quotes"], quotes["regex"]
    rows.append(("quotes", f"F1 {q['f1']:.3f} (P {q['precision']:.3f}, R {q['recall']:.3f}), "
                 f"speaker accuracy {q['speaker_accuracy']:.3f}",
                 f"bare regex: F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f}), "
                 "no speakers"))
    from quality_ggt import DEFAULT_DATA
    from quality_ggt import score as ggt_score

    if (DEFAULT_DATA / "gold.jsonl").exists():  # real news with others' annotations
        real, flat = ggt_score(DEFAULT_DATA), ggt_score(DEFAULT_DATA, flat=True)
        rows.append(("quotes on ggt-dev (real news)",
                     f"F1 {real['f1']:.3f}, speaker right end to end "
                     f"{real['speaker_accuracy']:.3f}; paragraph breaks removed: F1 "
                     f"{flat['f1']:.3f}, speakers {flat['speaker_accuracy']:.3f} "
                     "(benchmarks/quality_ggt.py)",
                     "textacy + spaCy: speakers 0.55 (as the issue measured it)"))
    g = gold_scores()
    peer = symspell_gold()
    rows.append(("clean", f"repairs {g['fixes_made']}/{g['fixes']}, boilerplate "
                 f"{g['boilerplate_removed']}/{g['boilerplate']}, keep intact "
                 f"{g['keep_intact']}/{g['keep']}",
                 f"symspellpy: repairs {peer['fixes_made']}/{peer['fixes']}, boilerplate 0/"
                 f"{g['boilerplate']}, keep intact {peer['keep_intact']}/{peer['keep']}"))
    return rows


def readability_agreement() -> tuple[int, int]:
    """Scores of the command equal to the textstat loop's on the sample corpus."""
    from bench_readability import LOOP

    corpus = ROOT / "corpus"
    theirs = subprocess.run([sys.executable, "-c", LOOP, str(corpus)], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    ours = subprocess.run([corpus_tool(), "readability", str(corpus), "-f", "jsonl", "-q"],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    equal = total = 0
    for mine, reference in zip(map(json.loads, ours), map(json.loads, theirs), strict=True):
        for key, value in reference.items():
            if key != "doc":
                total += 1
                equal += abs(mine[key] - value) < 1e-9
    return equal, total


def symspell_gold() -> dict[str, int]:
    """The clean gold scored on symspellpy's word_segmentation of every line."""
    from importlib.resources import files

    from quality_clean import CORPUS, GOLD, load_texts
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    gold = json.loads(GOLD.read_text("utf-8"))
    out = {
        doc: "\n".join(sym.word_segmentation(line, max_edit_distance=0).corrected_string
                       if line.strip() else line for line in text.splitlines())
        for doc, text in load_texts(CORPUS).items()
    }
    fixes = sum(1 for f in gold["fixes"]
                if f["before"] not in out[f["doc"]] and f["after"] in out[f["doc"]])
    keep = sum(1 for k in gold["keep"] if k["text"] in out[k["doc"]])
    return {"fixes_made": fixes, "fixes": len(gold["fixes"]), "keep_intact": keep,
            "keep": len(gold["keep"])}


# --- start-up -----------------------------------------------------------------


def startup(repeat: int) -> dict[str, float]:
    one = ROOT / "corpus" / sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))[0]
    commands = {
        'python -c "import typer"': [sys.executable, "-c", "import typer"],
        "corpus-tool --help": [corpus_tool(), "--help"],
        "corpus-tool readability ONE.txt": [corpus_tool(), "readability", str(one), "-f", "jsonl"],
        "corpus-tool dates ONE.txt": [corpus_tool(), "dates", str(one), "-f", "jsonl"],
    }
    return {name: run.seconds for name, run in in_turns(commands, repeat).items()}


# --- the report -----------------------------------------------------------------


@dataclass
class Results:
    machine: list[str] = field(default_factory=list)
    corpora: dict[str, Corpus] = field(default_factory=dict)
    speed: dict[str, dict[str, dict[str, Run]]] = field(default_factory=dict)  # size/tool/run
    peers: dict[str, Peer] = field(default_factory=dict)
    overhead: dict[str, tuple[float, float]] = field(default_factory=dict)  # tool: (cmd, loop)
    quality: list[tuple[str, str, str]] = field(default_factory=list)
    startup: dict[str, float] = field(default_factory=dict)
    help_vs_typer: dict[str, float] = field(default_factory=dict)  # bench_startup.py
    scale: dict[tuple[str, str], Run] = field(default_factory=dict)  # (size, format)
    scale_tool: str = ""
    targets: list[tuple[str, str, bool]] = field(default_factory=list)
    repeats: dict[str, int] = field(default_factory=dict)  # size: runs per figure


def machine(started: float, load: float) -> list[str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().split()[1]
        ram = f"{int(memory) / 1024**2:.0f} GB RAM"
    except OSError:
        ram = "? RAM"
    return [
        f"{platform.system()} {platform.release()}, {model}, {os.cpu_count()} cores, {ram}",
        f"Python {platform.python_version()}; load average at start {load:.2f} "
        "(a shared machine: every figure is a median, the noise is real)",
        f"run took {(time.time() - started) / 60:.0f} min, "
        f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}",
    ]


def jobs_list() -> list[str]:
    # -j0 is one worker per core; on a 2-core machine that is -j2, run once.
    return ["1", "2"] if (os.cpu_count() or 1) <= 2 else ["1", "2", "0"]


def _mb_s(corpus: Corpus, run: Run) -> float:
    return corpus.megabytes / run.seconds


def targets(results: Results) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str, bool]] = []
    sizes = list(results.speed)
    at = "100MB" if "100MB" in results.speed else sizes[-1]
    corpus = results.corpora[at]
    for tool, runs in results.speed[at].items():
        ratio = runs["2"].seconds / runs["1"].seconds
        out.append((f"{tool}: -j2 time <= 0.6x -j1 ({at})", f"{ratio:.2f}x", ratio <= 0.6))
    for tool, (command, loop) in results.overhead.items():
        over = command / loop - 1
        out.append((f"{tool}: runner overhead over a plain loop <= 10% ({sizes[0]})",
                    f"{over:+.0%}", over <= 0.10))
    if len(results.scale) == 4:
        small, large = sorted({s for s, _ in results.scale}, key=parse_size)
        for fmt in ("jsonl", "csv"):
            a, b = results.scale[(small, fmt)], results.scale[(large, fmt)]
            ratio = b.main_mb / a.main_mb
            out.append((f"peak RSS of the main process {large} <= 1.25x {small} ({fmt})",
                        f"{ratio:.2f}x ({a.main_mb:.0f} -> {b.main_mb:.0f} MB)", ratio <= 1.25))
            ratio = b.worker_mb / a.worker_mb
            out.append((f"peak RSS of a worker {large} <= 1.25x {small} ({fmt})",
                        f"{ratio:.2f}x ({a.worker_mb:.0f} -> {b.worker_mb:.0f} MB)",
                        ratio <= 1.25))
            size_ratio = results.corpora[large].megabytes / results.corpora[small].megabytes
            ratio = b.seconds / a.seconds
            out.append((f"time {large} <= 1.1 x {size_ratio:.1f} x {small} ({fmt})",
                        f"{ratio:.1f}x", ratio <= 1.1 * size_ratio))
    if results.help_vs_typer:
        bare, ours = results.help_vs_typer.values()
        out.append((f"corpus-tool --help <= {HELP_TARGET}x a bare typer app's --help",
                     f"{ours / bare:.2f}x", ours / bare <= HELP_TARGET))
    runs = results.speed[at]
    if "readability" in runs and "readability" in results.peers:
        ratio = results.peers["readability"].mb_s / _mb_s(corpus, runs["readability"]["1"])
        out.append(("readability -j1 time <= 1.1x the textstat loop", f"{ratio:.2f}x",
                    ratio <= 1.1))
    if "dates" in runs and "dates" in results.peers:
        ratio = _mb_s(corpus, runs["dates"]["1"]) / results.peers["dates"].mb_s
        out.append(("dates -j1 >= 10x faster than search_dates", f"{ratio:.0f}x", ratio >= 10))
    if "quotes" in runs:
        rate = _mb_s(corpus, runs["quotes"]["1"])
        out.append(("quotes -j1 >= 5 MB/s", f"{rate:.1f} MB/s", rate >= 5))
    if "clean" in runs:
        rate = _mb_s(corpus, runs["clean"]["1"])
        out.append(("clean -j1 >= 1 MB/s per core", f"{rate:.2f} MB/s", rate >= 1))
    return out


def markdown(results: Results, repeat: int, command_line: str) -> str:
    lines = ["# Benchmark results", "", f"Made by `{command_line}`.", ""]
    lines += [f"- {line}" for line in results.machine]
    lines += [
        "- Commands: `corpus-tool TOOL corpus.jsonl -j N -f jsonl -q > /dev/null`, start-up, "
        "reading and writing included; the runs of each size taken in turns.",
        "- MB/s: 10^6 bytes of UTF-8 input text per second. Peak RSS: the kernel's "
        "high-water mark (VmHWM) of the main process, and of the largest worker process.",
        "- -j0 (one worker per core) is -j2 on a 2-core machine and is not run twice.",
        "",
    ]
    for size, tools in results.speed.items():
        corpus = results.corpora[size]
        lines += [f"## {size}: {corpus.documents:,} documents, {corpus.megabytes:.1f} MB "
                  f"(median of {results.repeats[size]})", "",
                  "| tool | run | time s | docs/s | MB/s | peak RSS main / worker MB "
                  "| vs peer |", "|---|---|---:|---:|---:|---:|---|"]
        for tool, runs in tools.items():
            peer = results.peers.get(tool)
            for jobs, run in runs.items():
                label = f"corpus-tool {tool} -j{jobs}"
                if jobs == "2" and (os.cpu_count() or 1) <= 2:
                    label += " (= -j0)"
                rate = _mb_s(corpus, run)
                ratio = f"{rate / peer.mb_s:.3g}x the peer's MB/s" if peer else ""
                worker = f"{run.worker_mb:.0f}" if run.worker_mb else "-"
                lines.append(f"| {tool} | {label} | {run.seconds:.1f} | "
                             f"{corpus.documents / run.seconds:,.0f} | {rate:.2f} | "
                             f"{run.main_mb:.0f} / {worker} | {ratio} |")
            if peer:
                lines.append(f"| {tool} | {PEERS[tool]} ({peer.note}) | "
                             f"{corpus.megabytes / peer.mb_s:.1f} | | {peer.mb_s:.2f} | | 1.0x |")
            if tool == "dates" and "datefinder" in results.peers:
                finder = results.peers["datefinder"]
                lines.append(f"| dates | datefinder find_dates ({finder.note}) | "
                             f"{corpus.megabytes / finder.mb_s:.1f} | | {finder.mb_s:.2f} | | |")
        lines.append("")
    first = next(iter(results.speed))
    lines += ["## Runner overhead", "",
              f"`corpus-tool TOOL -j1` against a plain Python loop that reads the same JSON "
              f"Lines, calls the tool's function and writes JSON rows to /dev/null (both fresh "
              f"processes; {first}, median of {repeat}).", "",
              "| tool | command s | plain loop s | overhead |", "|---|---:|---:|---:|"]
    for tool, (command, loop) in results.overhead.items():
        lines.append(f"| {tool} | {command:.2f} | {loop:.2f} | {command / loop - 1:+.0%} |")
    lines += ["", "## Quality on the gold (sample corpus, tests/data/gold)", "",
              "| tool | corpus-tool | peer on the same gold |", "|---|---|---|"]
    lines += [f"| {tool} | {ours} | {theirs} |" for tool, ours, theirs in results.quality]
    lines += ["", "## Start-up (median of 5)", "", "| command | s |", "|---|---:|"]
    lines += [f"| `{name}` | {seconds:.3f} |" for name, seconds in results.startup.items()]
    if results.help_vs_typer:
        bare, ours = results.help_vs_typer.values()
        lines += ["", f"`corpus-tool --help` beside a bare two-command typer app's `--help` "
                  f"(benchmarks/bench_startup.py, in turns, median of {HELP_REPEAT}): "
                  f"{ours:.3f} s against {bare:.3f} s, {ours / bare:.2f}x."]
    if results.scale:
        lines += ["", f"## Scale: `corpus-tool {results.scale_tool} corpus.jsonl -j0 -f FORMAT`"
                  " (one run each)", "",
                  "| size | format | time s | MB/s | peak RSS main / worker MB |",
                  "|---|---|---:|---:|---:|"]
        for (size, fmt), run in results.scale.items():
            lines.append(f"| {size} | {fmt} | {run.seconds:.1f} | "
                         f"{_mb_s(results.corpora[size], run):.2f} | "
                         f"{run.main_mb:.0f} / {run.worker_mb:.0f} |")
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {figure} | {'yes' if ok else '**MISSED**'} |"
              for name, figure, ok in results.targets]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10MB,100MB",
                        help="corpus sizes, comma-separated (add 1GB for the scale figures)")
    parser.add_argument("--source", type=Path, default=ROOT / "corpus",
                        help="replicate this folder's texts (default: the sample corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-large", type=int,
                        help="runs at 100MB and over (default: --repeat); they take long")
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--scale-tool", default="quotes",
                        help="the tool run at the largest size for memory and linearity")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    started, load = time.time(), os.getloadavg()[0]
    results = Results()
    tools = [t for t in args.tools.split(",") if t]
    sizes = sorted(args.sizes.split(","), key=parse_size)
    # The largest size only serves the scale figures when 1 GB or more.
    speed_sizes = [s for s in sizes if parse_size(s) < parse_size("1GB")] or sizes[:1]

    source = args.source.resolve()
    if source != (ROOT / "corpus").resolve():
        from bench_readability import utf8_copy

        source = utf8_copy(source)  # make_corpus reads UTF-8 only
    for size in sizes:
        results.corpora[size] = make(size, source)
        print(f"corpus {size}: {results.corpora[size].folder}", flush=True)

    print("start-up", flush=True)
    results.startup = startup(5)
    results.help_vs_typer = help_medians(HELP_REPEAT)
    for size in speed_sizes:
        corpus = results.corpora[size]
        commands = {(tool, jobs): [corpus_tool(), tool, str(corpus.jsonl), "-j", jobs, "-f",
                                   "jsonl", "-q"] for tool in tools for jobs in jobs_list()}
        if size == speed_sizes[0]:
            for tool in tools:
                commands[(tool, "loop")] = [sys.executable, "-c", PLAIN_LOOP, tool,
                                            str(corpus.jsonl)]
        print(f"speed {size}", flush=True)
        named = {f"{tool} {jobs}": command for (tool, jobs), command in commands.items()}
        large = parse_size(size) >= parse_size("100MB") and args.repeat_large
        runs = in_turns(named, args.repeat_large if large else args.repeat)
        results.repeats[size] = args.repeat_large if large else args.repeat
        results.speed[size] = {
            tool: {jobs: runs[f"{tool} {jobs}"] for jobs in jobs_list()} for tool in tools
        }
        if size == speed_sizes[0]:
            results.overhead = {tool: (runs[f"{tool} 1"].seconds, runs[f"{tool} loop"].seconds)
                                for tool in tools}
    print("peers", flush=True)
    first = results.corpora[speed_sizes[0]]
    for tool in tools:
        results.peers[tool] = peer_speed(tool, first, args.repeat)
    if "dates" in tools:
        results.peers["datefinder"] = datefinder_speed(first)
    print("quality", flush=True)
    results.quality = [row for row in quality() if row[0].split()[0] in tools]
    if len(sizes) >= 2 and parse_size(sizes[-1]) >= parse_size("1GB"):
        results.scale_tool = args.scale_tool
        for size in sizes[-2:]:
            for fmt in ("jsonl", "csv"):
                print(f"scale {size} {fmt}", flush=True)
                command = [corpus_tool(), args.scale_tool, str(results.corpora[size].jsonl),
                           "-j0", "-f", fmt, "-q"]
                results.scale[(size, fmt)] = measure(command)
    results.targets = targets(results)
    results.machine = machine(started, load)
    command_line = "python benchmarks/run_all.py " + " ".join(sys.argv[1:])
    report = markdown(results, args.repeat, command_line.strip())
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
