"""A compiled SMP kernel loaded in a second process while this one starts up.

Why. On the built-in case (5 actors, 7 issues, 2,000 draws) the SMP costs about 0.75
CPU s in NumPy and about 0.25 s in the compiled kernel (`_smp_kernel`), but a fresh
process pays some 0.4-0.6 CPU s to import numba and load the cached kernel, so
`smp(engine="auto")` keeps such batches in NumPy (`smp._engine_for`). That load is
start-up work, and while this process imports, reads the case and runs the other
models the machine's second core is idle. `prestart()` forks a worker that imports
numba and loads the kernel there, in parallel; `smp` then hands its batches to it.
`detente forecast` and `detente plans` prestart it when the SMP is among their models.

Rules

* Same numbers. The worker runs `smp._run_threaded(..., engine="numba")`, the very code
  the in-process compiled engine runs, on the inputs `smp` prepared; the compiled and
  NumPy engines agree to 1e-9 (tests), bit for bit on the built-in cases.
* Deterministic choice. Once prestarted, every SMP batch of an "auto" or "numba" call
  goes to the worker (it waits for the kernel to load; it never races an in-process
  run), so one command always runs one engine.
* Clean fallback. If the worker cannot import numba or load the kernel, dies, or
  raises, `run` returns None and `smp` runs the batch in this process by its own rule;
  the reason stays in `failure()`. An error of the model itself (bad inputs) cannot
  reach the worker: `smp` validates before it hands work over.
* No orphans. The worker is a daemon child that exits when its pipe closes (this
  process ending or crashing closes it) or on `stop()`, which joins it; `prestarted()`
  stops it when the command ends. It ignores Ctrl-C (the parent handles it and then
  closes the pipe).
* A lean worker: it imports no SciPy (numba would import scipy.linalg to look for a
  BLAS, some 0.2 CPU s; the kernel does no linear algebra).
* Only where it helps and is safe: Linux (fork; macOS's system frameworks are not
  fork-safe), at least two usable CPUs, numba installed, no other thread running in
  this process (forking a threaded process is unsafe), not already started.
* It pays on an idle second core: there the command's wall time drops by about the
  SMP's NumPy run. On a machine whose cores are all busy, numba's load (about 0.4-0.5
  CPU s) is extra work that competes with the command (benchmarks/forecast_process.py).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_state: dict[str, Any] = {"conn": None, "proc": None, "ready": False, "failure": None}


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_prestart() -> bool:
    """Whether `prestart` would start a worker here (Linux, two CPUs, numba, one thread)."""
    import importlib.util

    return (
        sys.platform.startswith("linux")  # macOS's system libraries are not fork-safe; Windows has no fork
        and hasattr(os, "fork")
        and _usable_cpus() >= 2
        and threading.active_count() == 1
        and importlib.util.find_spec("numba") is not None
    )


def _serve(conn: Any, parent_end: Any) -> None:  # pragma: no cover - runs in the forked child (tests check it through the parent)
    """The worker: load the kernel, report, then run SMP batches until the pipe closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent_end.close()  # else the parent's end stays open here and its exit would not end the pipe
    # numba probes SciPy's BLAS (importing scipy.linalg, 0.2 CPU s) when it loads its
    # NumPy support; the kernel does no linear algebra, so this process goes without.
    sys.modules.setdefault("scipy", None)  # type: ignore[arg-type]
    try:
        from detente.bargaining.models import smp as smp_module

        smp_module.warm_kernel()
    except BaseException as exc:  # noqa: BLE001 - any failure means: run in the parent instead
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        conn.close()
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        pos, sal, cap, threads, rules = job
        try:
            result = smp_module._run_threaded(pos, sal, cap, threads, **rules)
        except BaseException as exc:  # noqa: BLE001
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
            continue
        conn.send(("ok", result))


def prestart() -> bool:
    """Fork the worker and let it load numba and the kernel; True if it was started.

    Returns at once (the child loads in parallel). A second call while one runs does nothing.
    """
    if _state["proc"] is not None or not can_prestart():
        return False
    import multiprocessing

    for stream in (sys.stdout, sys.stderr):  # else the child would write a copy of what is buffered
        if stream is not None:
            stream.flush()
    ctx = multiprocessing.get_context("fork")
    parent_end, child_end = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=_serve, args=(child_end, parent_end), name="detente-smp-kernel", daemon=True)
    proc.start()
    child_end.close()
    _state.update(conn=parent_end, proc=proc, ready=False, failure=None)
    return True


def running() -> bool:
    """Whether a prestarted worker is there to take SMP batches (it may still be loading)."""
    return _state["proc"] is not None and _state["failure"] is None


def failure() -> str | None:
    """Why the worker stopped serving (it could not load numba, it died), or None."""
    return _state["failure"]


def _fail(reason: str) -> None:
    _state["failure"] = reason
    stop()
    _state["failure"] = reason


def run(pos: Any, sal: Any, cap: Any, threads: int, rules: dict[str, Any]) -> Any | None:
    """`smp._run_threaded(pos, sal, cap, threads, **rules)` in the worker; None if it cannot serve.

    Waits for the worker to finish loading the kernel first.
    """
    conn = _state["conn"]
    if conn is None or _state["failure"] is not None:
        return None
    try:
        if not _state["ready"]:
            status, detail = conn.recv()
            if status != "ready":
                _fail(detail)
                return None
            _state["ready"] = True
        conn.send((pos, sal, cap, threads, rules))
        status, detail = conn.recv()
    except (EOFError, OSError, BrokenPipeError) as exc:
        _fail(f"the kernel process ended ({type(exc).__name__})")
        return None
    if status != "ok":
        _fail(detail)
        return None
    return detail


def stop(*, now: bool = False) -> None:
    """End the worker and join it: asked to leave when it is serving; terminated when it
    is still loading (it holds nothing then), when `now` (the command failed or was
    interrupted, perhaps mid-run), or when it does not leave within 2 s."""
    conn, proc, ready = _state["conn"], _state["proc"], _state["ready"]
    _state.update(conn=None, proc=None, ready=False)
    if proc is not None and (now or not ready):
        proc.terminate()
    if conn is not None:
        try:
            conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        conn.close()
    if proc is not None:
        proc.join(timeout=2.0)
        if proc.is_alive():  # pragma: no cover - a stuck child
            proc.terminate()
            proc.join()


@contextmanager
def prestarted(wanted: bool = True) -> Iterator[bool]:
    """Run a block with the worker prestarted (when `wanted` and possible); stopped after it."""
    started = prestart() if wanted else False
    try:
        yield started
    except BaseException:
        if started:
            stop(now=True)
        raise
    if started:
        stop()
