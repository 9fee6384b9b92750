"""Where the tool functions run; apart from the pipeline so that declaring the
``--engine`` option (every ``--help``) does not load the readers and the runner."""

from __future__ import annotations

from enum import Enum


class Engine(str, Enum):
    """Where the tool functions run: this machine's process pool, or a Dask cluster."""

    local = "local"
    dask = "dask"
