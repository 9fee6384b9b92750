"""Start-up: ``corpus-tool --help`` beside a bare two-command typer app's ``--help``.

    python benchmarks/bench_startup.py               # median of 21 runs each, in turns
    python benchmarks/bench_startup.py --repeat 31

Both are fresh processes of the same Python, run in turns so a busy moment hits
both alike; the figure is the ratio of the medians (target: at most 1.25x).
The bare app is typer as its documentation shows it: two commands with an
option each and the default (rich) help, written to a temporary file.
"""

from __future__ import annotations

import argparse
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


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(repeat: int) -> dict[str, float]:
    """Median seconds of each ``--help``, the runs taken in turns."""
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_typer_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        commands = {
            "bare typer app --help": [sys.executable, str(bare), "--help"],
            "corpus-tool --help": [corpus_tool(), "--help"],
        }
        for command in commands.values():  # warm the file cache and the .pyc files
            _seconds(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(_seconds(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs of each (median)")
    args = parser.parse_args()
    medians = measure(args.repeat)
    for name, seconds in medians.items():
        print(f"{name:<24} {seconds * 1000:7.1f} ms (median of {args.repeat})")
    ratio = medians["corpus-tool --help"] / medians["bare typer app --help"]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x: {verdict})")


if __name__ == "__main__":
    main()
