"""Start-up: ``corpus-tool --help`` beside a bare two-command typer app's ``--help``.

    python benchmarks/bench_startup.py               # median of 15 runs each, in turns
    python benchmarks/bench_startup.py --repeat 31

Both are fresh processes of the same Python, run in turns so a busy moment hits
both alike; the figure is the ratio of the medians (target: at most 1.25x), of
the wall-clock time and of the CPU time the process used (which a busy machine
disturbs less). The bare app is typer as its documentation shows it: two
commands with an option each and the default (rich) help, written to a
temporary file. Both run with their bytecode written, as an installed package
has it: the warm-up runs are not given PYTHONDONTWRITEBYTECODE.
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


def corpus_tool() -> str:
    beside = Path(sys.executable).parent / "corpus-tool"
    return str(beside) if beside.exists() else "corpus-tool"


# Bytecode is written on the warm-up runs, as pip writes it when installing.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of each ``--help``, the runs taken in turns."""
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_typer_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        commands = {
            "bare typer app --help": [sys.executable, str(bare), "--help"],
            "corpus-tool --help": [corpus_tool(), "--help"],
        }
        for command in commands.values():  # warm the file cache and the .pyc files
            _seconds(command)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(_seconds(command))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each (median)")
    args = parser.parse_args()
    medians = measure(args.repeat)
    for name, (wall, cpu) in medians.items():
        print(
            f"{name:<24} {wall * 1000:7.1f} ms wall, {cpu * 1000:7.1f} ms CPU "
            f"(median of {args.repeat})"
        )
    ours, bare = medians["corpus-tool --help"], medians["bare typer app --help"]
    wall_ratio, cpu_ratio = ours[0] / bare[0], ours[1] / bare[1]
    verdict = "met" if wall_ratio <= TARGET else "MISSED"
    print(
        f"ratio {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (target <= {TARGET}x wall: {verdict})"
    )


if __name__ == "__main__":
    main()
