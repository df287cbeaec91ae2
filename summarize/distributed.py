"""Jobs as Ray tasks (`summarize digest --ray [ADDRESS]`, the optional `summarize[ray]` extra).

Each actor is one Python process that keeps the models it loads (MiniLM, SmolLM2) for every job it is
given; an ActorPool hands out the jobs and returns the results in job order. With no ADDRESS a local Ray instance is
started for the run (bound to 127.0.0.1, no dashboard) and stopped after it; with one, the jobs go
to that cluster, whose nodes need this package installed.
"""

from __future__ import annotations

from .errors import InputError


def run_on_ray(function, jobs: list, address: str | None = None, actors: int = 1) -> list:
    if not jobs:
        return []
    try:
        import ray
        from ray.util import ActorPool
    except ImportError:
        raise InputError("--ray needs Ray: pip install 'summarize[ray]'") from None

    @ray.remote(num_cpus=1)
    class Worker:
        def run(self, job):
            return function(job)

    started_here = not ray.is_initialized()
    if started_here:
        options = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=max(1, actors), _node_ip_address="127.0.0.1", **options)
    try:
        pool = ActorPool([Worker.remote() for _ in range(max(1, min(actors, len(jobs))))])
        return list(pool.map(lambda actor, job: actor.run.remote(job), jobs))
    finally:
        if started_here:
            ray.shutdown()
