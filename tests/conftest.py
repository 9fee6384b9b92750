"""Shared fixtures: the sample corpus, test plugin folders, and the installed command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from corpus_tool.testing import run_cli

# The same examples on every run and machine, and no clock: the test command passes
# or fails alike anywhere, loaded or not. HYPOTHESIS_PROFILE=explore draws new
# examples, to hunt for bugs.
UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("repeatable", derandomize=True, database=None, **UNTIMED)
settings.register_profile("explore", max_examples=500, **UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
GOOD_PLUGINS = Path(__file__).resolve().parent / "plugins" / "good"
BROKEN_PLUGINS = Path(__file__).resolve().parent / "plugins" / "broken"


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


def jsonl(text: str) -> list[dict]:
    """Parse JSON Lines output."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def cli(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
    """Run the installed corpus-tool with the well-behaved test plugins loaded."""
    return run_cli(["--plugins-dir", GOOD_PLUGINS, *map(str, args)], **kwargs)  # type: ignore[arg-type]
