"""Executors: the same seed gives the same numbers in this process, a local pool and on Dask; no partial results."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from detente.bargaining.executor import (
    DaskCluster,
    ExecutorError,
    InProcess,
    LocalPool,
    chunks,
    open_executor,
    scheduler_address,
)
from detente.bargaining.montecarlo import run_forecast
from detente.cases import load_case
from detente.errors import InputError

MODELS = ["compromise", "median", "expected_utility"]


def _square(shared: int | None, item: int) -> int:
    return item * item + (shared or 0)


def _slow(shared: None, item: int) -> int:
    time.sleep(0.4)
    return item


def _die(shared: None, item: int) -> int:
    os._exit(1)


def test_chunks_cover_every_row_once() -> None:
    assert chunks(5, 2) == [(0, 2), (2, 4), (4, 5)]
    assert chunks(0, 3) == []


def test_in_process_and_pool_give_results_in_item_order() -> None:
    seen = []
    assert InProcess().map(_square, [3, 1, 2], shared=10, progress=lambda d, t: seen.append((d, t))) == [19, 11, 14]
    assert seen[-1] == (3, 3)
    pool = LocalPool(2)
    try:
        assert pool.map(_square, list(range(20)), shared=1) == [i * i + 1 for i in range(20)]
    finally:
        pool.close()


def test_forecast_is_identical_in_process_and_in_a_pool() -> None:
    case = load_case()
    here = run_forecast(case, MODELS, draws=3000, seed=5)
    pool = LocalPool(2)
    try:
        there = run_forecast(case, MODELS, draws=3000, seed=5, executor=pool)
    finally:
        pool.close()
    for m in MODELS:
        np.testing.assert_array_equal(here.outcomes[m], there.outcomes[m])
    assert here.diagnostics == there.diagnostics


def test_pool_worker_death_is_an_error_not_a_partial_result() -> None:
    pool = LocalPool(2)
    with pytest.raises(ExecutorError, match="worker process died"):
        pool.map(_die, [1, 2, 3])


def test_small_jobs_run_in_process_and_large_ones_in_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DETENTE_SCHEDULER", raising=False)
    with open_executor(rows=10, workers=2) as ex:
        assert isinstance(ex, InProcess)
    with open_executor(rows=10**7, workers=2) as ex:
        assert isinstance(ex, LocalPool)


@pytest.mark.parametrize("bad", ["", "   ", "tcp://a b:1", "localhost"])
def test_bad_scheduler_addresses_are_refused_before_any_work(bad: str) -> None:
    with pytest.raises(InputError, match="--scheduler"):
        scheduler_address(bad)


def test_scheduler_address_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_SCHEDULER", "tcp://10.0.0.5:8786")
    assert scheduler_address(None) == "tcp://10.0.0.5:8786"
    assert scheduler_address("127.0.0.1:9999") == "127.0.0.1:9999"  # the flag wins


def test_unreachable_scheduler_is_a_clear_error() -> None:
    pytest.importorskip("distributed")
    with pytest.raises(ExecutorError, match="cannot reach the Dask scheduler"):
        DaskCluster("tcp://127.0.0.1:9", timeout=1)


def test_dask_and_local_results_are_identical_for_the_same_seed(dask_cluster) -> None:
    case = load_case()
    here = run_forecast(case, MODELS, draws=5000, seed=9)
    with open_executor(dask_cluster.scheduler_address) as ex:
        assert isinstance(ex, DaskCluster) and ex.workers == 2
        ticks: list[tuple[int, int]] = []
        there = run_forecast(case, MODELS, draws=5000, seed=9, executor=ex, progress=lambda d, t: ticks.append((d, t)))
    for m in MODELS:
        np.testing.assert_array_equal(here.outcomes[m], there.outcomes[m])
    assert ticks[-1][0] == ticks[-1][1] == len(MODELS) * 3  # 5000 draws in chunks of 2048: 3 per model


def test_a_worker_killed_mid_run_loses_no_chunk(disposable_dask_cluster) -> None:
    """Kill one worker while chunks run: the scheduler re-runs its chunks, the result is complete and correct."""
    dask_cluster = disposable_dask_cluster
    items = list(range(12))
    with open_executor(dask_cluster.scheduler_address) as ex:
        assert isinstance(ex, DaskCluster)
        killed = []

        def kill_once(done: int, total: int) -> None:
            if not killed:
                nanny = next(iter(dask_cluster.workers.values()))
                os.kill(nanny.process.process.pid, 9)  # the worker process itself, not its nanny
                killed.append(done)

        assert ex.map(_slow, items, progress=kill_once) == items
    assert killed


def test_a_chunk_that_keeps_killing_workers_fails_the_job_clearly(disposable_dask_cluster) -> None:
    with open_executor(disposable_dask_cluster.scheduler_address) as ex:
        with pytest.raises(ExecutorError, match="lost with its worker"):
            ex.map(_die, [1])


def _interrupt(done: int, total: int) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_stops_a_pool_cleanly_and_it_can_run_again() -> None:
    pool = LocalPool(2)
    with pytest.raises(KeyboardInterrupt):
        pool.map(_slow, list(range(8)), progress=_interrupt)
    assert pool._pool is None  # shut down, queued chunks cancelled
    assert pool.map(_square, [2]) == [4]
    pool.close()


def test_ctrl_c_cancels_the_chunks_on_the_cluster(dask_cluster) -> None:
    with open_executor(dask_cluster.scheduler_address) as ex:
        assert isinstance(ex, DaskCluster)
        with pytest.raises(KeyboardInterrupt):
            ex.map(_slow, list(range(10)), progress=_interrupt)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(ex.client.processing().values()):
            time.sleep(0.1)
        assert not any(ex.client.processing().values())
