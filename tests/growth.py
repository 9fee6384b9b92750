"""Guards against blow-ups by growth, never by a wall-clock limit.

A test that asserts "runs in under 5 s" fails on a slow or busy machine and
passes a quadratic algorithm on a fast one. Instead, time the same kind of input
at size n and at size 8n in one test: linear work takes about 8 times as long,
quadratic work 64 times. ``assert_linear`` fails above a ratio of 24, and measures
again before failing, so a burst of load on the machine does not fail it. A hang
is caught by a generous guard (``HANG_GUARD`` seconds), never a tight limit.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

HANG_GUARD = 600.0  # seconds: only a hang gets anywhere near this
FACTOR = 8
LIMIT = 24.0  # linear is ~8, quadratic ~64
# Times below this are mostly noise (timer, cache, scheduler): the smaller run
# counts as at least this long, so tiny inputs cannot make a fast tool "quadratic".
FLOOR = 0.002


@contextlib.contextmanager
def hang_guard(seconds: float = HANG_GUARD) -> Iterator[None]:
    """Raise TimeoutError in the main thread if the block runs longer than ``seconds``."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds:g} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _fastest(fn: Callable[[T], object], arg: T, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - began)
    return best


def growth(
    fn: Callable[[T], object], make_input: Callable[[int], T], n: int, *, factor: int = FACTOR
) -> float:
    """How many times longer ``fn`` takes on ``make_input(factor * n)`` than on ``make_input(n)``
    (fastest of a few runs each)."""
    small, big = make_input(n), make_input(factor * n)
    with hang_guard():
        fn(small)  # warm up: lazy imports, caches, compiled patterns
        return _fastest(fn, big, 1) / max(_fastest(fn, small, 3), FLOOR)


def assert_linear(
    fn: Callable[[T], object],
    make_input: Callable[[int], T],
    n: int,
    *,
    factor: int = FACTOR,
    limit: float = LIMIT,
    attempts: int = 3,
) -> None:
    """Fail when ``fn`` grows clearly faster than linearly from size n to ``factor * n``.

    A ratio over the limit is measured again (up to ``attempts`` times) and the
    smallest ratio counts: load on the machine can slow one run, not every run.
    """
    ratios = []
    for _ in range(attempts):
        ratios.append(growth(fn, make_input, n, factor=factor))
        if ratios[-1] <= limit:
            return
    raise AssertionError(
        f"{factor}x the input took {min(ratios):.1f}x the time (limit {limit:g}x; "
        f"linear is about {factor}x): ratios measured {', '.join(f'{r:.1f}' for r in ratios)}"
    )


# --- under load: wait for what a test needs, not for a fixed time ----------------------


def wait_for(ready: Callable[[], bool], *, pause: float = 0.05, within: float = HANG_GUARD) -> None:
    """Poll until ``ready()`` holds; fail only after ``within`` seconds (a hang)."""
    deadline = time.monotonic() + within
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not ready after {within:g} s")
        time.sleep(pause)


def default_sigint() -> None:
    """``preexec_fn`` for a child that must see Ctrl-C: a shell starting the tests in the
    background (``pytest &``) makes SIGINT ignored, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
