"""Timing one operation several times: median, p95, and the memory it allocates."""
from __future__ import annotations

import gc
import math
import resource
import statistics
import time
import tracemalloc
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Sample:
    """Wall-clock seconds of each timed run, plus the peak Python allocation of one run."""

    seconds: list[float]
    alloc_peak: int | None = None  # bytes

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile: with fewer than 20 runs it is the slowest one."""
        ordered = sorted(self.seconds)
        return ordered[math.ceil(0.95 * len(ordered)) - 1]


WARMUP = 1  # runs thrown away before timing
MIN_REPS = 5  # runs made even when the budget is spent


def measure(
    run: Callable[[Any], Any],
    reps: int,
    *,
    prepare: Callable[[int], Any] = lambda _i: None,
    budget: float | None = None,
) -> Sample:
    """Time ``run(prepare(i))`` ``reps`` times; ``prepare`` is not timed.

    ``run`` may return the seconds it timed itself, to leave out work that is
    the client's (parsing a response to find the next cursor). The first
    ``WARMUP`` runs are thrown away (SQLAlchemy compiles and caches its
    statements on first use). Once the timed runs add up to ``budget`` seconds,
    no more are made after the first ``MIN_REPS``: a slow operation gets fewer
    runs, and the report shows how many. One more untimed run under tracemalloc
    gives the peak memory allocated by one operation.
    """
    seconds: list[float] = []
    for i in range(WARMUP + reps):
        if budget is not None and len(seconds) >= MIN_REPS and sum(seconds) >= budget:
            break
        arg = prepare(i)
        gc.collect()  # a collection left over from set-up should not land in a timed run
        start = time.perf_counter()
        own = run(arg)
        elapsed = own if isinstance(own, float) else time.perf_counter() - start
        if i >= WARMUP:
            seconds.append(elapsed)
    arg = prepare(WARMUP + reps)
    tracemalloc.start()
    try:
        run(arg)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return Sample(seconds, peak)


def peak_rss_bytes() -> int:
    """The process's peak resident set size so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
