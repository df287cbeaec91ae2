"""Independent jobs (a story's brief, a cluster's evaluation) run one after another, in worker processes,
or as Ray tasks; results always come back in job order, so the output is the same whichever ran them.

`function` must be a module-level function (it is pickled to the workers); each worker process or Ray
actor loads the models once, on its first job, and keeps them for the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Job = TypeVar("Job")
Out = TypeVar("Out")


def _worker_start(threads: int) -> None:
    """Each worker process gets its share of the cores (not every worker all of them) through
    OMP_NUM_THREADS: runtime.threads() sizes ONNX Runtime's sessions by it, and torch reads it if a
    worker imports it."""
    os.environ["OMP_NUM_THREADS"] = str(threads)


def run_all(function: Callable[[Job], Out], jobs: Sequence[Job], workers: int = 1,
            ray: str | None = None) -> Iterator[Out]:
    """Yields `function(job)` for every job, in order. `ray=""` starts a local Ray instance; an address
    uses that cluster."""
    if ray is not None:
        from .distributed import run_on_ray

        yield from run_on_ray(function, list(jobs), address=ray or None, actors=max(1, workers))
        return
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield function(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    threads = max(1, (os.cpu_count() or 1) // workers)
    # spawn, not fork: this process may have torch's thread pools running, which a fork copies broken.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                             initializer=_worker_start, initargs=(threads,)) as pool:
        yield from pool.map(function, jobs)
