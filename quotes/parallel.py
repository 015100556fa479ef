"""Multi-process runs: a generic pool of workers, each building its state (a pipeline, say) once.

Batches are sent to the workers with a bounded number in flight, so memory stays flat for any
input size, and results come back in input order. When a worker dies, the pool is rebuilt and
its batch is run again one item at a time: only the item that kills a worker on its own is
reported through ``on_failure``, and the run goes on.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_worker: Any = None


def _start(factory: Callable[[], Any]) -> None:
    """Runs once per worker process: one torch thread each (the processes share the cores)."""
    global _worker
    from .speedups import one_torch_thread

    one_torch_thread()
    _worker = factory()


def _call(work: Callable[[Any, list[Any]], list[Any]], batch: list[Any]) -> list[Any]:
    return work(_worker, batch)


def pool_map(
    work: Callable[[Any, list[T]], list[R]],
    items: Iterable[T],
    factory: Callable[[], Any],
    on_failure: Callable[[T], R],
    jobs: int,
    batch_size: int = 8,
) -> Iterator[R]:
    """``work(worker_state, batch)`` over batches of ``items`` in ``jobs`` processes, in input order.

    ``factory`` builds each worker's state once (a parsing pipeline, say); ``work`` and ``factory``
    must be picklable (module-level functions, ``functools.partial`` of them).
    """
    source = iter(items)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(factory,))

    pool = new_pool()
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    try:
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(source, batch_size))
                if not batch:
                    break
                pending.append((batch, pool.submit(_call, work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                pool.shutdown(cancel_futures=True)
                pool = new_pool()  # the other batches in flight died with the pool: send them again
                if len(batch) == 1:
                    yield on_failure(batch[0])
                    retry: deque[tuple[list[T], Future[list[R]]]] = deque()
                else:  # find the item that crashed it: the batch again, one item at a time
                    retry = deque(([item], pool.submit(_call, work, [item])) for item in batch)
                pending = retry + deque((b, pool.submit(_call, work, b)) for b, _ in pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
