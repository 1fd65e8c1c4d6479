"""The prestarted SMP kernel process: the same numbers as in this process, a clean
fallback when it cannot serve, and no process left behind."""

from __future__ import annotations

import os
import signal

import numpy as np
import pytest

from detente.bargaining.models import ModelInput, _smp_worker
from detente.bargaining.models import smp as smp_module
from detente.bargaining.models.smp import smp

pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
if not _smp_worker.can_prestart():
    pytest.skip("the kernel process cannot start here (not Linux, one CPU, or other threads running)", allow_module_level=True)


@pytest.fixture(autouse=True)
def _no_worker_left():
    # checked again per test: tests run earlier in the session may leave threads alive
    # (Dask, the web app's server), and the worker is never forked beside threads
    if not _smp_worker.can_prestart():
        import threading

        alive = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
        pytest.skip(f"the kernel process cannot start beside other threads: {alive}")
    yield
    _smp_worker.stop()


def _random(seed: int, d: int, n: int, k: int) -> ModelInput:
    rng = np.random.default_rng(seed)
    sal = rng.uniform(0.05, 1.0, (d, n, k))
    sal = sal / sal.sum(axis=2, keepdims=True) * rng.uniform(0.5, 1.2, (d, n, 1))
    return ModelInput(rng.uniform(0, 100, (d, n, k)), np.clip(sal, 0, 1), rng.uniform(1, 100, (d, n)), np.full((d, k), 50.0))


def _assert_same(a, b) -> None:
    np.testing.assert_allclose(a.outcome, b.outcome, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(a.rounds, b.rounds)
    np.testing.assert_array_equal(a.converged, b.converged)
    np.testing.assert_allclose(a.trajectory, b.trajectory, rtol=0, atol=1e-9)
    for key in ("most_probable", "final_positions", "position_probability"):
        np.testing.assert_allclose(a.extra[key], b.extra[key], rtol=0, atol=1e-9)


def test_a_prestarted_worker_runs_the_smp_and_gives_the_numpy_numbers() -> None:
    mi = _random(1, 40, 5, 7)
    reference = smp(mi, engine="numpy")
    with _smp_worker.prestarted() as started:
        assert started and _smp_worker.running()
        proc = _smp_worker._state["proc"]
        # "auto" on a small batch goes to the worker once it is prestarted
        first = smp(mi)
        again = smp(ModelInput(mi.positions[:1], mi.salience[:1], mi.capability[:1], mi.status_quo[:1]))
    assert first.extra["engine"] == "numba (kernel process)"
    assert again.extra["engine"] == "numba (kernel process)"
    _assert_same(reference, first)
    np.testing.assert_allclose(again.outcome, reference.outcome[:1], rtol=0, atol=1e-9)
    assert not proc.is_alive() and proc.exitcode == 0  # asked to leave, and left
    assert not _smp_worker.running()
    assert smp(mi).extra["engine"] == "numpy"  # after the block: the call's own rule again


def test_engine_numpy_never_goes_to_the_worker() -> None:
    mi = _random(2, 6, 4, 2)
    with _smp_worker.prestarted():
        assert smp(mi, engine="numpy").extra["engine"] == "numpy"


def test_a_worker_that_cannot_load_the_kernel_falls_back_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise ImportError("numba's cache is unreadable")

    monkeypatch.setattr(smp_module, "warm_kernel", broken)  # the forked child inherits it
    mi = _random(3, 12, 5, 3)
    with _smp_worker.prestarted():
        out = smp(mi)
        assert "numba's cache is unreadable" in _smp_worker.failure()
    assert out.extra["engine"] == "numpy"  # the call's own rule for a small batch
    _assert_same(smp(mi, engine="numpy"), out)


def _kill_worker() -> None:
    proc = _smp_worker._state["proc"]
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()


def test_a_worker_that_dies_falls_back_in_process() -> None:
    mi = _random(4, 12, 5, 3)
    with _smp_worker.prestarted():
        smp(mi)  # served: the worker is loaded
        _kill_worker()
        out = smp(mi)
        assert "ended" in _smp_worker.failure()
    assert out.extra["engine"] == "numpy"
    _assert_same(smp(mi, engine="numpy"), out)


def test_stopping_a_loading_worker_is_prompt_and_leaves_no_process() -> None:
    assert _smp_worker.prestart()
    proc = _smp_worker._state["proc"]
    _smp_worker.stop()
    assert not proc.is_alive()
    assert not _smp_worker.running()


def test_no_prestart_beside_other_threads() -> None:
    import threading

    gate = threading.Event()
    t = threading.Thread(target=gate.wait)
    t.start()
    try:
        assert not _smp_worker.can_prestart()
        assert not _smp_worker.prestart()
    finally:
        gate.set()
        t.join()


@pytest.mark.parametrize("case", ["us-russia-2025", "belarus-2025"])
def test_the_kernel_process_gives_the_numpy_numbers_bit_for_bit_on_the_builtin_cases(case: str) -> None:
    """What `detente forecast` prints does not depend on whether the kernel process ran."""
    from detente.bargaining.montecarlo import draw_inputs
    from detente.cases import load_case

    mi = draw_inputs(load_case(case), 300, 2025)
    reference = smp(mi, engine="numpy")
    with _smp_worker.prestarted():
        warm = smp(mi)
    assert warm.extra["engine"] == "numba (kernel process)"
    for key in ("most_probable", "final_positions", "position_probability"):
        np.testing.assert_array_equal(warm.extra[key], reference.extra[key])
    np.testing.assert_array_equal(warm.outcome, reference.outcome)
    np.testing.assert_array_equal(warm.rounds, reference.rounds)


def test_a_failing_block_ends_the_worker_at_once() -> None:
    with pytest.raises(KeyboardInterrupt):
        with _smp_worker.prestarted():
            smp(_random(5, 4, 3, 1))  # served: loaded and idle
            proc = _smp_worker._state["proc"]
            raise KeyboardInterrupt
    assert not proc.is_alive()
    assert not _smp_worker.running()


def test_a_submitted_batch_is_collected_by_the_same_call_and_sent_once() -> None:
    mi = _random(6, 30, 5, 4)
    reference = smp(mi, engine="numpy")
    with _smp_worker.prestarted():
        assert smp_module.submit(mi)  # returns at once, the kernel may still be loading
        assert _smp_worker._state["sent"] == 1
        out = smp(mi)
        assert _smp_worker._state["sent"] == 1  # collected, not sent again
        assert _smp_worker._state["jobs"] == {}
    assert out.extra["engine"] == "numba (kernel process)"
    _assert_same(reference, out)


def test_collecting_out_of_order_gives_each_call_its_own_result() -> None:
    a, b = _random(7, 20, 4, 3), _random(8, 25, 5, 2)
    with _smp_worker.prestarted():
        assert smp_module.submit(a) and smp_module.submit(b)
        out_b = smp(b)  # the worker answers in order: a's result is kept for a's call
        out_c = smp(_random(9, 3, 3, 2))  # not submitted: sent now
        out_a = smp(a)
        assert _smp_worker._state["sent"] == 3
    _assert_same(smp(a, engine="numpy"), out_a)
    _assert_same(smp(b, engine="numpy"), out_b)
    assert out_c.extra["engine"] == "numba (kernel process)"


def test_submit_refuses_what_smp_refuses_and_what_goes_to_numpy() -> None:
    bad = _random(10, 4, 3, 2)
    bad = ModelInput(bad.positions + 200.0, bad.salience, bad.capability, bad.status_quo)
    with _smp_worker.prestarted():
        assert not smp_module.submit(bad)  # the call itself raises the error
        assert not smp_module.submit(_random(11, 4, 3, 2), engine="numpy")
        assert _smp_worker._state["sent"] == 0
    assert not smp_module.submit(_random(11, 4, 3, 2))  # no kernel process


def test_a_worker_that_died_takes_no_submit_and_the_call_falls_back_in_process() -> None:
    mi = _random(12, 12, 5, 3)
    with _smp_worker.prestarted():
        smp(mi)  # loaded
        proc = _smp_worker._state["proc"]
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        assert not smp_module.submit(mi)  # the pipe is closed: nothing handed over
        out = smp(mi)
        assert "ended" in _smp_worker.failure()
    assert out.extra["engine"] == "numpy"
    _assert_same(smp(mi, engine="numpy"), out)


def test_stopping_with_uncollected_work_ends_the_worker_at_once() -> None:
    with _smp_worker.prestarted():
        smp_module.submit(_random(13, 2000, 8, 3))
        proc = _smp_worker._state["proc"]
    assert not proc.is_alive()
    assert not _smp_worker.running()


def test_a_forecast_hands_the_smp_over_first_and_prints_the_same_numbers() -> None:
    """`run_forecast` submits the SMP's draws and modes before the other models run;
    the forecast is the one of the SMP in NumPy in this process, bit for bit."""
    from detente.bargaining.montecarlo import run_forecast
    from detente.cases import load_case

    scenario = load_case("us-russia-2025")
    models = ["smp", "nash", "median"]
    reference = run_forecast(scenario, models, draws=300, seed=3, params={"smp": {"engine": "numpy"}})
    with _smp_worker.prestarted():
        fc = run_forecast(scenario, models, draws=300, seed=3)
        assert _smp_worker._state["sent"] == 2  # the draws' one chunk, then the modes: each sent once
        assert _smp_worker._state["jobs"] == {}
    assert fc.models == models  # in the order asked for, though the SMP ran last
    for m in models:
        np.testing.assert_array_equal(fc.outcomes[m], reference.outcomes[m])
        np.testing.assert_array_equal(fc.point[m], reference.point[m])
    assert fc.diagnostics["smp"] == reference.diagnostics["smp"]


def test_a_worker_that_dies_with_a_submitted_batch_falls_back_in_process() -> None:
    mi = _random(14, 300, 6, 3)
    with _smp_worker.prestarted():
        assert smp_module.submit(mi)  # handed over while the kernel is still loading
        _kill_worker()
        out = smp(mi)
        assert "ended" in _smp_worker.failure()
    assert out.extra["engine"] == "numpy"
    _assert_same(smp(mi, engine="numpy"), out)


def test_a_worker_whose_parent_is_gone_leaves_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    with _smp_worker.prestarted():
        smp(_random(15, 4, 3, 2))  # loaded
        assert smp_module.submit(_random(16, 400, 6, 3))
        proc = _smp_worker._state["proc"]
        _smp_worker._state["conn"].close()  # as if this process had been killed mid-run
        proc.join(timeout=60)
        assert proc.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err


def test_a_fork_that_fails_leaves_the_smp_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process limit that refuses the fork is no error: prestart says False, nothing runs, the reason is kept."""
    import multiprocessing.process

    from detente.bargaining.models import _smp_worker as w

    monkeypatch.setattr(w, "can_prestart", lambda: True)

    def refuse(self: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    try:
        assert w.prestart() is False
        assert not w.running()
        assert "could not start" in (w.failure() or "")
    finally:
        w._state["failure"] = None


def test_the_worker_imports_no_model_and_starts_nothing_until_the_smp_names_its_kernel() -> None:
    """The dependency runs one way: `smp` -> `_smp_worker` (the worker runs what `smp` gave it)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from detente.bargaining.models import _smp_worker as w\n"
        "assert 'detente.bargaining.models.smp' not in sys.modules\n"
        "assert not w.prestart() and not w.running()\n"
        "from detente.bargaining.models import smp\n"
        "assert sorted(w._kernel) == ['warm', 'work']\n"
        "assert w.prestart() and w.running()\n"
        "w.stop()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
