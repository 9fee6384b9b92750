"""--engine dask: the same tools on a Dask cluster give the local engine's output, row for row."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from growth import HANG_GUARD

from corpus_tool.testing import run_cli

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def many_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 documents of varied length: several chunks, finishing out of order."""
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    path = tmp_path_factory.mktemp("input") / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for number in range(150):
            text = texts[number % len(texts)][: 300 + (number * 37) % 2500]
            out.write(json.dumps({"id": f"d{number:03d}", "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip(
        "distributed", reason="dask is not installed: pip install 'corpus-tool[dask]'"
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("tool", ["readability", "dates", "clean"])
def test_dask_output_equals_local_row_for_row(tool: str, many_docs: Path, scheduler: str) -> None:
    local = run_cli([tool, many_docs, "-f", "jsonl", "-j2"])
    dask = run_cli([tool, many_docs, "-f", "jsonl", "--engine", "dask", "--scheduler", scheduler])
    assert local.returncode == dask.returncode == 0, dask.stderr
    assert local.stdout.count("\n") >= 150
    assert dask.stdout.splitlines() == local.stdout.splitlines()


def test_dask_out_dir_writes_shards_in_order(
    many_docs: Path, scheduler: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        ["quotes", many_docs, "--engine", "dask", "--scheduler", scheduler, "--out-dir", out]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts[:2]] == ["part-00000.jsonl", "part-00001.jsonl"]
    assert len(parts) == 3  # 150 documents in chunks of 64
    local = run_cli(["quotes", many_docs, "-f", "jsonl"])
    assert "".join(p.read_text("utf-8") for p in parts) == local.stdout


def test_dask_failures_are_named_and_the_rest_written(scheduler: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "One. Two."}\n{"id": "b", "text": "Three."}\n')
    plugin = tmp_path / "plugins" / "fragile.py"
    plugin.parent.mkdir()
    plugin.write_text(
        "from corpus_tool import Analyzer, hookimpl\n"
        "def fragile(doc):\n"
        "    if doc.id == 'a':\n"
        "        raise ValueError('no good')\n"
        "    yield {'chars': len(doc.text)}\n"
        "@hookimpl\n"
        "def register_tools():\n"
        "    return [Analyzer(name='fragile', func=fragile)]\n"
    )
    result = run_cli(
        ["--plugins-dir", plugin.parent, "fragile", docs, "-f", "jsonl", "--engine", "dask",
         "--scheduler", scheduler]
    )
    assert result.returncode == 1
    assert "fragile failed on document 'a'" in result.stderr
    assert "ValueError: no good" in result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [{"doc": "b", "chars": 6}]


def test_without_dask_it_is_a_usage_error_naming_the_extra(tmp_path: Path) -> None:
    # A `distributed` that cannot be imported stands in for an installation without it.
    blocker = tmp_path / "distributed"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('no dask here')\n")
    result = run_cli(
        ["readability", CORPUS, "--engine", "dask"], env={"PYTHONPATH": str(tmp_path)}
    )
    assert result.returncode == 2
    assert "pip install 'corpus-tool[dask]'" in result.stderr
    assert result.stdout == ""


def test_scheduler_needs_the_dask_engine() -> None:
    result = run_cli(["readability", CORPUS, "--scheduler", "tcp://127.0.0.1:1"])
    assert result.returncode == 2
    assert "--scheduler is for --engine dask" in result.stderr


def test_the_local_engine_does_not_import_dask() -> None:
    probe = (
        "import sys; from corpus_tool.cli import main\n"
        "try:\n    main(['readability', sys.argv[1], '-f', 'jsonl'])\n"
        "except SystemExit:\n    pass\n"
        "print('dask' in sys.modules or 'distributed' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert result.stderr.strip().endswith("False"), result.stderr
