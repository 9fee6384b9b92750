"""Start-up: ``corpus-tool --help`` beside a bare two-command typer app's ``--help``,
and the fixed cost of a run: real commands over one one-line document.

    python benchmarks/bench_startup.py               # median of 15 runs each, in turns
    python benchmarks/bench_startup.py --repeat 31
    python benchmarks/bench_startup.py --baseline-pythonpath OLD/src:OLD/plugins

All are fresh processes of the same Python, run in turns so a busy moment hits
them alike; the figures are ratios of the medians, of the wall-clock time and of
the CPU time the process used (which a busy machine disturbs less). The bare app
is typer as its documentation shows it: two commands with an option each and the
default (rich) help, written to a temporary file; ``corpus-tool --help`` against
it has a target of at most 1.25x. The one-document runs (``quotes -j1 -q -f
jsonl``, ``readability -f jsonl`` on a folder holding one one-line ``.txt``) are
what every command in a pipeline pays before its first document, shown beside
``python -c pass`` and the same run of a tool that does next to nothing
(``chars``, from a loose plugin file): the core's own share.
``--baseline-pythonpath`` runs each corpus-tool command a second time with that
PYTHONPATH in front (another tree's ``src:plugins``, as ``git archive main | tar
-x -C OLD`` gives; or a folder holding another version of a dependency), in the
same turns, and prints new/baseline ratios. Every process runs with its bytecode
written, as an installed package has it: the warm-up runs are not given
PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.25

BARE_APP = '''\
import typer

app = typer.Typer()


@app.command()
def hello(name: str, count: int = typer.Option(1, help="How many times.")) -> None:
    """Say hello."""
    for _ in range(count):
        print(f"hello {name}")


@app.command()
def goodbye(name: str, formal: bool = typer.Option(False, help="Be formal.")) -> None:
    """Say goodbye."""
    print(f"goodbye {name}" if not formal else f"farewell, {name}")


if __name__ == "__main__":
    app()
'''


# A tool that does next to nothing: its run is the core's fixed cost (discovery, the
# command line, reading, writing), without a plugin's own start-up.
CHARS_PLUGIN = """\
from corpus_tool import Analyzer, hookimpl


def chars(doc):
    yield {"chars": len(doc.text)}


@hookimpl
def register_tools():
    return [Analyzer(name="chars", func=chars, help="Characters of each document.")]
"""


def corpus_tool() -> str:
    beside = Path(sys.executable).parent / "corpus-tool"
    return str(beside) if beside.exists() else "corpus-tool"


# Bytecode is written on the warm-up runs, as pip writes it when installing.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


# A run: the command line and the environment it runs in.
Run = tuple[list[str], dict[str, str]]


def in_turns(runs: dict[str, Run], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of each run, the runs taken in turns."""
    for command, env in runs.values():  # warm the file cache and the .pyc files
        _seconds(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (command, env) in runs.items():
            times[name].append(_seconds(command, env))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }


def _help_runs(folder: Path) -> dict[str, Run]:
    bare = folder / "bare_typer_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    return {
        "bare typer app --help": ([sys.executable, str(bare), "--help"], ENV),
        "corpus-tool --help": ([corpus_tool(), "--help"], ENV),
    }


def _document_runs(folder: Path) -> dict[str, Run]:
    one = folder / "one"
    one.mkdir()
    (one / "a.txt").write_text(
        "\u201cWe are ready,\u201d Jane Roe said on Monday.\n", encoding="utf-8"
    )
    plugins = folder / "plugins"
    plugins.mkdir()
    (plugins / "chars.py").write_text(CHARS_PLUGIN, encoding="utf-8")
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], ENV),
        "chars ONE -q -f jsonl (the core)": (
            [corpus_tool(), "--plugins-dir", str(plugins), "chars", str(one), "-q", "-f", "jsonl"],
            ENV,
        ),
        "quotes ONE -j1 -q -f jsonl": (
            [corpus_tool(), "quotes", str(one), "-j1", "-q", "-f", "jsonl"],
            ENV,
        ),
        "readability ONE -f jsonl": ([corpus_tool(), "readability", str(one), "-f", "jsonl"], ENV),
    }


def measure(repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of each ``--help``, the runs taken in turns."""
    with tempfile.TemporaryDirectory() as folder:
        return in_turns(_help_runs(Path(folder)), repeat)


def _baseline(runs: dict[str, Run], pythonpath: str) -> dict[str, Run]:
    """Each corpus-tool run again, with ``pythonpath`` in front of the modules."""
    env = {
        **ENV,
        "PYTHONPATH": os.pathsep.join(filter(None, [pythonpath, os.environ.get("PYTHONPATH")])),
    }
    return {
        f"{name} [baseline]": (command, env)
        for name, (command, _) in runs.items()
        if command[0] == corpus_tool()
    }


def _ratio(new: tuple[float, float], old: tuple[float, float]) -> str:
    return f"{new[0] / old[0]:.2f}x wall, {new[1] / old[1]:.2f}x CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each (median)")
    parser.add_argument(
        "--baseline-pythonpath",
        metavar="PATH",
        help="also run each corpus-tool command with this PYTHONPATH in front, in turns",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        runs = {**_help_runs(Path(folder)), **_document_runs(Path(folder))}
        if args.baseline_pythonpath:
            runs.update(_baseline(runs, args.baseline_pythonpath))
        medians = in_turns(runs, args.repeat)
    for name, (wall, cpu) in medians.items():
        print(
            f"{name:<46} {wall * 1000:7.1f} ms wall, {cpu * 1000:7.1f} ms CPU "
            f"(median of {args.repeat})"
        )
    ours, bare = medians["corpus-tool --help"], medians["bare typer app --help"]
    wall_ratio = ours[0] / bare[0]
    verdict = "met" if wall_ratio <= TARGET else "MISSED"
    print(
        f"--help against the bare typer app: {_ratio(ours, bare)} "
        f"(target <= {TARGET}x wall: {verdict})"
    )
    for name in medians:
        if name.endswith(" [baseline]"):
            new = name.removesuffix(" [baseline]")
            print(f"{new} against the baseline: {_ratio(medians[new], medians[name])}")


if __name__ == "__main__":
    main()
