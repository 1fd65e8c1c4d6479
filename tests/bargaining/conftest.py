"""Shared fixtures for the bargaining tests: loopback Dask clusters, an executor that counts the model rows it runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


def _local_cluster(**config: Any) -> Any:
    """A LocalCluster of 2 single-threaded worker processes, every port on 127.0.0.1, dashboards off."""
    distributed = pytest.importorskip("distributed")
    import dask

    with dask.config.set(config):
        return distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # the scheduler's health endpoint, on loopback only
            worker_dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=40,
        )


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[Any]:
    """One cluster for the whole session (tests must leave its workers alive)."""
    cluster = _local_cluster()
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def disposable_dask_cluster() -> Iterator[Any]:
    """A cluster apart for the tests that kill workers (in one module; the last may leave it broken).

    A chunk may lose its worker once and be re-run; the second loss fails the job.
    """
    cluster = _local_cluster(**{"distributed.scheduler.allowed-failures": 1})
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture
def counting_executor() -> Any:
    """An in-process executor that adds up the model rows of the chunks it runs (`rows`)."""
    from detente.bargaining.executor import InProcess
    from detente.bargaining.montecarlo import RowChunk

    class Counting(InProcess):
        def __init__(self) -> None:
            self.rows = 0

        def map(self, fn: Any, items: Any, *, shared: Any = None, progress: Any = None) -> list[Any]:
            self.rows += sum(item.rows for item in items if isinstance(item, RowChunk))
            return super().map(fn, items, shared=shared, progress=progress)

    return Counting()
