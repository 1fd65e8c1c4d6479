"""A compiled SMP kernel loaded in a second process while this one starts up.

Why. On the built-in case (5 actors, 7 issues, 2,000 draws) the SMP costs about 0.75
CPU s in NumPy and about 0.25 s in the compiled kernel (`_smp_kernel`), but a fresh
process pays some 0.3-0.5 CPU s to import numba and load the cached kernel, so
`smp(engine="auto")` keeps such batches in NumPy (`smp._engine_for`). That load is
start-up work, and while this process imports, reads the case and runs the other
models the machine's second core is idle. `prestart()` forks a worker that imports
numba and loads the kernel there, in parallel; `smp` then hands its batches to it.
`detente forecast` and `detente plans` prestart it when the SMP is among their models
(forked by the console script before the CLI loads, `cli.launch`, or else before typer
parses their options, `cli.forecast.prestart_kernel_early`).
A forecast hands the SMP's draws over as soon as they are sampled (`smp.submit`, which
calls `submit` here), so the kernel computes while this process runs the other models;
the SMP's own call later collects the result (`run` with the same arguments).
The worker imports no model: `smp` names what it runs when it is imported
(`use_kernel(warm, work)`), so the dependency goes one way, model -> worker, and the
child inherits the model module from the parent instead of importing it.

Rules

* Same numbers. The worker runs `smp._run_threaded(..., engine="numba")`, the very code
  the in-process compiled engine runs, on the inputs `smp` prepared; the compiled and
  NumPy engines agree to 1e-9 (tests), bit for bit on the built-in cases.
* Deterministic choice. Once prestarted, every SMP batch of an "auto" or "numba" call
  goes to the worker (it waits for the kernel to load; it never races an in-process
  run), so one command always runs one engine.
* Early hand-over, same result. `submit` sends a batch without waiting (a reader thread
  in the worker drains the pipe while the kernel loads, so the send never blocks on a
  full pipe); `run` collects the submitted job whose arrays, threads and rules equal its
  own, or sends its batch now. The worker answers in order; nothing depends on timing.
* Clean fallback. If the worker cannot import numba or load the kernel, dies, or
  raises, `run` returns None and `smp` runs the batch in this process by its own rule;
  the reason stays in `failure()`. An error of the model itself (bad inputs) cannot
  reach the worker: `smp` validates before it hands work over.
* No orphans. The worker is a daemon child that exits when its pipe closes (this
  process ending or crashing closes it) or on `stop()`, which joins it (and terminates
  it at once when it still owes results nobody will collect); `prestarted()` stops it
  when the command ends. It ignores Ctrl-C (the parent handles it, then ends it).
* A lean worker: it imports no SciPy (numba would import scipy.linalg to look for a
  BLAS, some 0.2 CPU s; the kernel does no linear algebra). The parent freezes its
  objects for the fork (`gc.freeze`) and the child runs without the cyclic garbage
  collector (it lives for one command), so no collection walks, and copies, the pages
  the two processes share while numba loads.
* Only where it helps and is safe: Linux (fork; macOS's system frameworks are not
  fork-safe), at least two usable CPUs, numba installed, no other thread running in
  this process (forking a threaded process is unsafe), not already started.
* It pays on an idle second core: there the command's wall time drops by about the
  SMP's NumPy run. On a machine whose cores are all busy, numba's load (about 0.3-0.5
  CPU s) is extra work that competes with the command (benchmarks/forecast_process.py).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_state: dict[str, Any] = {"conn": None, "proc": None, "ready": False, "failure": None, "jobs": {}, "answers": {}, "sent": 0, "answered": 0}
"""The worker's pipe and process; `jobs`: number -> job handed over and not yet collected;
`answers`: number -> result received and not yet collected; `sent` and `answered`: how
many jobs were handed over and answered (the worker answers in order)."""

_kernel: dict[str, Callable[..., Any]] = {}
"""What the worker runs (`use_kernel`): "warm", once when it starts; "work", per batch."""


def use_kernel(warm: Callable[[], object], work: Callable[..., Any]) -> None:
    """Name what the worker runs: `warm()` once as it starts (import numba, load the compiled
    kernel), then `work(pos, sal, cap, threads, **rules)` for each batch. `smp` calls it
    when it is imported; until then `prestart` starts nothing."""
    _kernel.update(warm=warm, work=work)


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
    """The worker: load the kernel, report, then run SMP batches in order until the pipe closes.

    A reader thread takes jobs off the pipe from the start, while the kernel loads, so a
    parent that hands its draws over early never blocks on a full pipe.
    """
    import gc
    import queue
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()  # a short-lived server whose jobs free their arrays by reference counting
    parent_end.close()  # else the parent's end stays open here and its exit would not end the pipe
    jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                job = None
            jobs.put(job)
            if job is None:
                return

    def answer(message: Any) -> None:
        try:
            conn.send(message)
        except OSError:  # the parent is gone (it ended or was killed): leave quietly
            os._exit(0)

    threading.Thread(target=read, name="detente-smp-reader", daemon=True).start()
    # numba probes SciPy's BLAS (importing scipy.linalg, 0.2 CPU s) when it loads its
    # NumPy support; the kernel does no linear algebra, so this process goes without.
    sys.modules.setdefault("scipy", None)  # type: ignore[arg-type]
    try:
        _kernel["warm"]()
    except BaseException as exc:  # noqa: BLE001 - any failure means: run in the parent instead
        answer(("failed", f"{type(exc).__name__}: {exc}"))
        conn.close()
        return
    answer(("ready", None))
    while True:
        job = jobs.get()
        if job is None:
            return
        pos, sal, cap, threads, rules = job
        try:
            result = _kernel["work"](pos, sal, cap, threads, **rules)
        except BaseException as exc:  # noqa: BLE001
            answer(("failed", f"{type(exc).__name__}: {exc}"))
            continue
        answer(("ok", result))


def prestart() -> bool:
    """Fork the worker and let it load numba and the kernel; True if it was started.

    Returns at once (the child loads in parallel). A second call while one runs does nothing,
    and so does a call before the kernel is named (`use_kernel`: import `smp` first).
    """
    if _state["proc"] is not None or not _kernel or not can_prestart():
        return False
    import gc
    import multiprocessing

    for stream in (sys.stdout, sys.stderr):  # else the child would write a copy of what is buffered
        if stream is not None:
            stream.flush()
    ctx = multiprocessing.get_context("fork")
    parent_end, child_end = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=_serve, args=(child_end, parent_end), name="detente-smp-kernel", daemon=True)
    # the objects this process holds now go to a permanent generation, so that the child's
    # garbage collections do not touch (and copy) every page it shares with this process
    gc.freeze()
    try:
        proc.start()
    except OSError as exc:  # no fork here (process or memory limits): the SMP runs in this process
        parent_end.close()
        child_end.close()
        _state["failure"] = f"the kernel process could not start ({exc})"
        return False
    finally:
        gc.unfreeze()
    child_end.close()
    _state.update(conn=parent_end, proc=proc, ready=False, failure=None, jobs={}, answers={}, sent=0, answered=0)
    return True


def running() -> bool:
    """Whether a prestarted worker is there to take SMP batches (it may still be loading)."""
    return _state["proc"] is not None and _state["failure"] is None


def failure() -> str | None:
    """Why the worker stopped serving (it could not load numba, it died), or None."""
    return _state["failure"]


def _fail(reason: str) -> None:
    _state["failure"] = reason
    stop(now=True)
    _state["failure"] = reason


def _why_ended(exc: BaseException) -> str:
    """Why the worker is gone: its own last word when it left one (it could not load the kernel), else how the pipe failed."""
    conn = _state["conn"]
    try:
        if conn is not None and not _state["ready"] and conn.poll(1.0):
            status, detail = conn.recv()
            if status == "failed":
                return str(detail)
    except (EOFError, OSError):
        pass
    return f"the kernel process ended ({type(exc).__name__})"


def _same_job(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    import numpy as np

    return all(np.array_equal(x, y) for x, y in zip(a[:3], b[:3])) and a[3:] == b[3:]


def submit(pos: Any, sal: Any, cap: Any, threads: int, rules: dict[str, Any]) -> bool:
    """Hand `smp._run_threaded(pos, sal, cap, threads, **rules)` to the worker now, without
    waiting: it runs there (after the kernel has loaded) while this process goes on, and
    the `run` call with the same arguments collects it. False if the worker cannot take it.
    """
    conn = _state["conn"]
    if conn is None or _state["failure"] is not None:
        return False
    job = (pos, sal, cap, threads, dict(rules))
    try:
        conn.send(job)
    except (OSError, BrokenPipeError) as exc:
        _fail(_why_ended(exc))
        return False
    _state["jobs"][_state["sent"]] = job
    _state["sent"] += 1
    return True


def _collect(ticket: int) -> Any | None:
    """Receive the worker's answers in order up to job `ticket`'s; its result or None."""
    conn = _state["conn"]
    try:
        if not _state["ready"]:
            status, detail = conn.recv()
            if status != "ready":
                _fail(detail)
                return None
            _state["ready"] = True
        while ticket not in _state["answers"]:
            status, detail = conn.recv()
            if status != "ok":
                _fail(detail)
                return None
            _state["answers"][_state["answered"]] = detail
            _state["answered"] += 1
    except (EOFError, OSError, BrokenPipeError) as exc:
        _fail(f"the kernel process ended ({type(exc).__name__})")
        return None
    del _state["jobs"][ticket]
    return _state["answers"].pop(ticket)


def run(pos: Any, sal: Any, cap: Any, threads: int, rules: dict[str, Any]) -> Any | None:
    """`smp._run_threaded(pos, sal, cap, threads, **rules)` in the worker; None if it cannot serve.

    Collects the job `submit` handed over with the same arguments, or hands this one over
    now; either way it waits for the worker to finish loading the kernel, then for the run.
    """
    if _state["conn"] is None or _state["failure"] is not None:
        return None
    job = (pos, sal, cap, threads, dict(rules))
    ticket = next((number for number, sent in _state["jobs"].items() if _same_job(sent, job)), None)
    if ticket is None:
        if not submit(pos, sal, cap, threads, rules):
            return None
        ticket = _state["sent"] - 1
    return _collect(ticket)


def stop(*, now: bool = False) -> None:
    """End the worker and join it: asked to leave when it is serving and owes nothing;
    terminated when it is still loading (it holds nothing then), when it is running jobs
    nobody collected, when `now` (the command failed or was interrupted, perhaps mid-run),
    or when it does not leave within 2 s."""
    conn, proc, ready = _state["conn"], _state["proc"], _state["ready"]
    owes = _state["sent"] > _state["answered"]
    _state.update(conn=None, proc=None, ready=False, jobs={}, answers={}, sent=0, answered=0)
    if proc is not None and (now or not ready or owes):
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
    """Run a block with the worker prestarted (when `wanted` and possible); stopped after it.

    A worker started before the block (the CLI forks it before parsing options) is owned
    by the block when `wanted`, as if started here."""
    started = (prestart() or running()) if wanted else False
    try:
        yield started
    except BaseException:
        if started:
            stop(now=True)
        raise
    if started:
        stop()
