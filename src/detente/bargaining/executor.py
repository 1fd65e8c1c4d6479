"""Where Monte Carlo work runs: in this process, a local process pool, or a Dask cluster.

Forecasts, variants, plan tests, sensitivity sweeps and lever searches all reduce to
the same step: run a model on many rows of inputs. They split the rows into chunks
of a fixed size (`CHUNK_ROWS`, independent of where they run) and hand the chunks to
an executor, which returns every chunk's result in order, or raises. So the same
seed gives the same numbers, bit for bit, whichever executor ran them.

Three executors, one choice (`open_executor`):

* `InProcess`: runs the chunks one after another here; the default for small jobs,
  where starting processes would cost more than it saves.
* `LocalPool`: a `concurrent.futures.ProcessPoolExecutor` of this machine's cores
  (processes start with ``forkserver``, safe beside the progress bar's thread).
* `DaskCluster`: an existing `dask.distributed` cluster, given by its scheduler
  address (``--scheduler tcp://host:8786`` or the environment variable
  ``DETENTE_SCHEDULER``). The scheduler re-runs the chunks of a worker that dies
  (up to ``distributed.scheduler.allowed-failures`` times); if a chunk still cannot
  finish, the job fails with `ExecutorError`.

Never partial results: an executor returns all chunks or raises. Ctrl-C cancels the
chunks not yet run (pool and cluster alike) and re-raises `KeyboardInterrupt`.

Data that every chunk needs (a forecast's draws, a model and its parameters) is
passed once as `shared`: in this process as it is, to a pool through one pickle file
that each worker reads once, to a cluster with one `scatter` to every worker.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from detente.errors import DetenteError, InputError

ENV = "DETENTE_SCHEDULER"
"""Environment variable naming the Dask scheduler address (like `--scheduler`)."""

CHUNK_ROWS = 2048
"""Rows of inputs per chunk. Fixed, so that results never depend on the executor."""

LOCAL_POOL_MIN_ROWS = 50_000
"""Below this many model rows a job runs in this process (a pool costs about a second to start)."""

Progress = Callable[[int, int], None]
"""Called as ``progress(chunks_done, chunks_total)`` as chunks finish."""


class ExecutorError(DetenteError):
    """Parallel work could not be completed (a worker died, the cluster is unreachable)."""


class Executor(Protocol):
    """Runs ``fn(shared, item)`` for every item and returns the results in item order."""

    name: str
    workers: int

    def map(self, fn: Callable[[Any, Any], Any], items: Sequence[Any], *, shared: Any = None, progress: Progress | None = None) -> list[Any]: ...

    def describe(self) -> str: ...


class InProcess:
    """Every chunk in this process, one after another."""

    name = "in-process"
    workers = 1

    def map(self, fn: Callable[[Any, Any], Any], items: Sequence[Any], *, shared: Any = None, progress: Progress | None = None) -> list[Any]:
        out = []
        for n, item in enumerate(items):
            out.append(fn(shared, item))
            if progress is not None:
                progress(n + 1, len(items))
        return out

    def describe(self) -> str:
        return "in this process"


@functools.lru_cache(maxsize=4)
def _load_shared(path: str) -> Any:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def _call_with_file(fn: Callable[[Any, Any], Any], path: str | None, item: Any) -> Any:
    return fn(None if path is None else _load_shared(path), item)


class LocalPool:
    """A process pool on this machine (one process per core unless told otherwise)."""

    name = "local-pool"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def _get(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"))
        return self._pool

    def map(self, fn: Callable[[Any, Any], Any], items: Sequence[Any], *, shared: Any = None, progress: Progress | None = None) -> list[Any]:
        pool = self._get()
        path = None
        if shared is not None:
            fd, path = tempfile.mkstemp(prefix="detente-shared-", suffix=".pkl")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(shared, fh, protocol=pickle.HIGHEST_PROTOCOL)
        futures = {pool.submit(_call_with_file, fn, path, item): n for n, item in enumerate(items)}
        results: list[Any] = [None] * len(items)
        pending = set(futures)
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    results[futures[f]] = f.result()
                if progress is not None:
                    progress(len(items) - len(pending), len(items))
        except BrokenProcessPool:
            self.close(cancel=True)
            raise ExecutorError(
                f"a worker process died during the run; {len(pending)} of {len(items)} chunks did not finish, and no result is reported",
                hint="the machine may be short of memory: run again with fewer --draws, or on a cluster with --scheduler",
            ) from None
        except BaseException:  # KeyboardInterrupt included: stop the chunks not yet run
            self.close(cancel=True)
            raise
        finally:
            if path is not None:
                Path(path).unlink(missing_ok=True)
        return results

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None

    def describe(self) -> str:
        return f"a local pool of {self.workers} processes"


class DaskCluster:
    """An existing dask.distributed cluster, reached through its scheduler."""

    name = "dask"

    def __init__(self, address: str, *, timeout: float = 10.0) -> None:
        from detente.optional import require

        distributed = require("distributed", extra="scale", purpose="running on a Dask cluster (--scheduler)")
        self.address = address
        try:
            self.client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(
                f"cannot reach the Dask scheduler at {address}: {exc}",
                hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`, or check the address (see docs/how-to/run-on-a-cluster.md)",
            ) from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[[Any, Any], Any], items: Sequence[Any], *, shared: Any = None, progress: Progress | None = None) -> list[Any]:
        from distributed import as_completed
        from distributed.client import FutureCancelledError

        try:
            from distributed.scheduler import KilledWorker
        except ImportError:  # pragma: no cover - older distributed
            from distributed import KilledWorker  # type: ignore[no-redef,attr-defined]

        shared_future = self.client.scatter(shared, broadcast=True, hash=False) if shared is not None else None
        token = uuid.uuid4().hex[:12]
        keys = [f"detente-chunk-{token}-{n}" for n in range(len(items))]
        futures = self.client.map(_call_shared, items, key=keys, fn=fn, shared=shared_future, pure=False)
        index = {f.key: n for n, f in enumerate(futures)}
        results: list[Any] = [None] * len(items)
        done = 0
        try:
            for future in as_completed(futures, loop=self.client.loop):
                results[index[future.key]] = future.result()
                done += 1
                if progress is not None:
                    progress(done, len(items))
        except KilledWorker as exc:
            self.client.cancel(futures)
            raise ExecutorError(
                f"a chunk was lost with its worker too many times on {self.address} ({done} of {len(items)} chunks finished); no result is reported: {exc}",
                hint="check the workers' memory and logs (`dask worker --memory-limit`), then run again",
            ) from None
        except (FutureCancelledError, OSError) as exc:
            self.client.cancel(futures)
            raise ExecutorError(
                f"the cluster at {self.address} stopped the run ({done} of {len(items)} chunks finished); no result is reported: {exc}",
                hint="check that the scheduler and workers are running, then run again",
            ) from None
        except BaseException:
            self.client.cancel(futures)
            raise
        return results

    def close(self) -> None:
        self.client.close()

    def describe(self) -> str:
        return f"the Dask cluster at {self.address} ({self.workers} workers)"


def _call_shared(item: Any, *, fn: Callable[[Any, Any], Any], shared: Any) -> Any:
    return fn(shared, item)


def scheduler_address(scheduler: str | None) -> str | None:
    """The scheduler address from `--scheduler` or, failing that, `DETENTE_SCHEDULER` (None: run locally)."""
    address = scheduler if scheduler is not None else os.environ.get(ENV) or None
    if address is None:
        return None
    address = address.strip()
    if not address or any(c.isspace() for c in address):
        raise InputError(f"scheduler address {address!r} is not an address", field="--scheduler", hint="give the scheduler's address, e.g. tcp://10.0.0.5:8786")
    if "://" not in address and ":" not in address:
        raise InputError(
            f"scheduler address '{address}' has no port",
            field="--scheduler",
            hint="write HOST:PORT or tcp://HOST:PORT (the scheduler prints it when it starts; 8786 by default)",
        )
    return address


@contextmanager
def open_executor(scheduler: str | None = None, *, rows: int | None = None, workers: int | None = None) -> Iterator[Executor]:
    """The executor for a job: the cluster if a scheduler is given, else a local pool or this process.

    Parameters
    ----------
    scheduler
        A Dask scheduler address; None falls back to the environment variable
        `DETENTE_SCHEDULER`, and then to local execution.
    rows
        The job's size in model rows: below `LOCAL_POOL_MIN_ROWS` it runs in this
        process (None: unknown, use the pool).
    workers
        Local pool size (default: the number of cores).
    """
    address = scheduler_address(scheduler)
    if address is not None:
        cluster = DaskCluster(address)
        try:
            yield cluster
        finally:
            cluster.close()
        return
    cores = workers or os.cpu_count() or 1
    if cores <= 1 or (rows is not None and rows < LOCAL_POOL_MIN_ROWS):
        yield InProcess()
        return
    pool = LocalPool(cores)
    try:
        yield pool
    finally:
        pool.close()


def chunks(total: int, size: int = CHUNK_ROWS) -> list[tuple[int, int]]:
    """[(start, stop), ...] covering range(total) in pieces of `size` (the last may be shorter)."""
    return [(a, min(a + size, total)) for a in range(0, total, size)]
