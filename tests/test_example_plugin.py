"""The example third-party plugin, installed with pip into a fresh virtual environment."""

from __future__ import annotations

import json
import re
import shlex
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

EXAMPLE = ROOT / "examples" / "corpus-tool-wordfreq"


def empty_env(folder: Path) -> Path:
    """A new venv with nothing installed; the dependencies of corpus-tool (typer,
    textstat...) come from this interpreter's site-packages through a .pth file,
    so that installing needs no network for them."""
    venv.create(folder, with_pip=True)
    purelib = subprocess.run(
        [folder / "bin" / "python", "-c",
         "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(purelib, "outer.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return folder


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv holding corpus-tool and the example, both installed by pip."""
    env = empty_env(tmp_path_factory.mktemp("venv"))
    python = env / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", str(ROOT), str(EXAMPLE)],
        check=True, capture_output=True, timeout=600,
    )
    return env


def test_installed_plugin_is_listed_with_its_distribution(fresh_env: Path) -> None:
    result = subprocess.run([fresh_env / "bin" / "corpus-tool", "plugins", "-f", "jsonl"],
                            capture_output=True, text=True, check=True)
    plugins = {row["plugin"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert plugins["wordfreq"] == {
        "plugin": "wordfreq", "version": "0.1.0", "status": "loaded", "tools": "wordfreq",
        "source": "entry point (corpus-tool-wordfreq)", "error": None, "info": None,
    }
    assert plugins["quotes"]["source"] == "built-in"


def test_installed_plugin_runs_through_the_command(fresh_env: Path) -> None:
    command = [fresh_env / "bin" / "corpus-tool", "wordfreq", CORPUS, "--top", "1", "-f", "csv"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "doc,rank,word,count"
    assert lines[1] == "000_9d058579d83c5d71,1,russia,20"
    assert len(lines) == 6


def test_example_plugins_own_tests_pass(fresh_env: Path) -> None:
    result = subprocess.run(
        [fresh_env / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider",
         EXAMPLE / "test_wordfreq.py"],
        capture_output=True, text=True, cwd=EXAMPLE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_interpreter_is_not_the_fresh_one(fresh_env: Path) -> None:
    # Guards the fixture itself: the plugin must not leak into this environment.
    assert not Path(sys.executable).is_relative_to(fresh_env)
    assert "wordfreq" not in subprocess.run(
        [Path(sys.executable).parent / "corpus-tool", "--help"], capture_output=True, text=True
    ).stdout


def documented_steps(marker: str = "steps") -> list[str]:
    """The lines of one of the example README's shell blocks, in order."""
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)```", readme, re.S)
    assert block, f"the README's {marker} block is missing"
    return [line for line in block.group(1).splitlines() if line.strip()]


def run_step(step: str, env: Path) -> subprocess.CompletedProcess[str]:
    """A README line, run from the checkout's root, with .venv standing for ``env``."""
    words = [str(env) + w[len(".venv") :] if w.startswith(".venv/") else w
             for w in shlex.split(step)]  # fmt: skip
    result = subprocess.run(words, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{step}\n{result.stdout}\n{result.stderr}"
    return result


def test_readme_steps_install_corpus_tool_then_the_plugin(tmp_path: Path) -> None:
    steps = documented_steps()
    assert steps[0] == "python3 -m venv .venv"  # made below, with the offline .pth
    assert any(re.search(r"pip install .* \.$", s) for s in steps)  # corpus-tool first
    env = empty_env(tmp_path / "venv")
    outputs = [run_step(step, env).stdout for step in steps[1:]]
    plugins, wordfreq = outputs[-2], outputs[-1]
    assert "wordfreq,0.1.0,loaded,wordfreq,entry point (corpus-tool-wordfreq)" in plugins
    lines = wordfreq.splitlines()
    assert lines[:2] == ["doc,rank,word,count", "000_9d058579d83c5d71,1,russia,20"]
    assert len(lines) == 1 + 3 * 5
    # What the README says comes next: the report's column, then the plugin's own tests.
    report = run_step(".venv/bin/corpus-tool report corpus/ -f csv -q", env).stdout
    assert "wordfreq.top_word" in report.splitlines()[0]
    tests = documented_steps("test")
    assert tests[-1].startswith(".venv/bin/python -m pytest")
    assert "2 passed" in [run_step(step, env) for step in tests][-1].stdout
