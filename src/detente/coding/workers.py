"""Worker processes for the coder: forked from this process, they share its loaded spaCy pipeline and models.

A large input of :class:`~detente.coding.coder.Coder` (sentences in sentence mode, documents coded as pages
with `n_process` above 1) is cut into chunks coded by this process and by worker processes forked from it
(:func:`fork_pool`), so that they share the loaded pipeline without loading it again; the workers take
chunks from the end, this process from the start, until they meet (:func:`shared`). The results are the
same, event for event, in one process and in several.

Choices
-------
- `fork`, not `forkserver` or `spawn`: a fresh process would load spaCy again (about a second each), which
  is most of what the workers are meant to save; where `fork` is missing (Windows) everything runs in this
  process (:func:`can_fork`).
- The worker calls the inherited coder's method by name (:func:`worker_call`), so that what a worker does
  is what this process does on the same chunk: one code path, not two.
- The coder is typed `Any` here: this module serves :mod:`detente.coding.coder` and must not import it
  (no import circle).
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from detente.actors import find_mentions
from detente.actors.regions import regions
from detente.coding import nlp as nlp_mod
from detente.coding.sector_words import sector_nouns
from detente.coding.tone import sentence_tone
from detente.errors import DetenteError

PARALLEL_MIN_SENTENCES = 300
"""Sentence mode codes at least this many sentences in worker processes (when `n_process`
allows more than one): below it, forking and collecting the workers' results costs more
than the second core saves (benchmarks/coding_speed.py measures both sides)."""

MAX_WORKERS = 8
"""Most processes (this one and the forked workers) chosen automatically (`n_process=None`)."""

CHUNKS_PER_PROCESS = 16
"""A block is cut into about this many chunks per process: small chunks keep the processes
busy to the end (a worker holds at most two chunks it has not finished), large ones save
`nlp.pipe` calls and hand-backs."""

CHUNK_MIN_SENTENCES = 16
"""Fewest sentences in a chunk handed to a worker."""

CHUNK_MIN_DOCUMENTS = 2
"""Fewest documents in a chunk handed to a worker."""

_WORKER_CODER: Any = None
"""The coder a forked worker process inherits (set just before the fork)."""


def worker_call(task: tuple[str, list[Any], tuple[Any, ...]]) -> list[Any]:
    """In a worker: the inherited coder's method (by name) on one chunk, with the arguments after it."""
    method, chunk, args = task
    assert _WORKER_CODER is not None, "worker started without a coder"
    return getattr(_WORKER_CODER, method)(chunk, *args)


def fork_pool(coder: Any, workers: int) -> ProcessPoolExecutor:
    """`workers` processes forked from this one, each inheriting `coder` with its loaded pipeline
    and classifier (a classifier loader is called first, here, so that it runs once). This
    process codes too (:func:`shared`), so `n` processes need `n - 1` workers.

    `fork` rather than the `forkserver` of :mod:`detente.bargaining.executor`: a fresh
    process would load spaCy again (about a second each), which is most of what the
    workers are meant to save.
    """
    global _WORKER_CODER
    with nlp_mod.few_collections():
        _ = coder.classifier, coder.span_chooser, coder.pair_model
    warm_up()
    _WORKER_CODER = coder
    # What this process holds now goes to a permanent generation (until the pool shuts down):
    # the workers' collections and this process's no longer pass over it, nor copy the pages
    # the fork shares.
    gc.freeze()
    try:
        # with `fork`, the executor starts all its workers at the first task, before its own thread
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    except BaseException:
        gc.unfreeze()
        raise

def warm_up() -> None:
    """Load what coding any sentence loads on first use (the actor registry and its name
    matcher, VADER's lexicon, the regions and the sector nouns) in this process, so that
    forked workers inherit it instead of each loading it again (about a fifth of a
    CPU-second per process)."""
    with nlp_mod.few_collections():
        find_mentions("Russia", on=None)
        sentence_tone("Russia")
        regions()
        sector_nouns()


def forget_worker_coder() -> None:
    global _WORKER_CODER
    _WORKER_CODER = None


def close_pool(pool: ProcessPoolExecutor | None, frozen_before: bool) -> None:
    """Shut down the workers (if any) and forget the coder they inherited; give the collector back what
    :func:`fork_pool` or the coder froze, unless the caller had frozen it (`frozen_before`)."""
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
        forget_worker_coder()
    if not frozen_before:
        gc.unfreeze()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def shared(
    coder: Any, items: list[Any], pool: ProcessPoolExecutor, workers: int, call: tuple[str, tuple[Any, ...]],
    start: int, min_chunk: int,
) -> Iterator[Any]:
    """The results of `coder`'s method `call` (its name and the arguments after the chunk) on `items`
    (sentences or documents; the first is number `start` + 1 of the input), one per item in order, the
    items cut into chunks coded by this process and the workers (each chunk coded in full, handed on
    as soon as it and those before it are done)."""
    method, args = call
    size = max(min_chunk, math.ceil(len(items) / (CHUNKS_PER_PROCESS * workers)))
    chunks = [items[a:a + size] for a in range(0, len(items), size)]
    # This process codes chunks from the front while the workers take them from the back,
    # each worker holding at most two unfinished (topped up after every chunk coded here), so
    # both ends meet without this process idling and without a fixed share that a busy core
    # would hold up. (No `Future.cancel`: Python 3.11's pool fails on a cancelled future when
    # a worker dies.)
    front, back = 0, len(chunks)
    sent: dict[int, Future[list[Any]]] = {}
    done = 0
    try:
        while front < back:
            while back > front + 1 and sum(not f.done() for f in sent.values()) < 2 * (workers - 1):
                back -= 1
                sent[back] = pool.submit(worker_call, (method, chunks[back], args))
            part = getattr(coder, method)(chunks[front], *args)
            front += 1
            done += len(part)
            yield from part
        for i in range(back, len(chunks)):
            part = sent.pop(i).result()
            done += len(part)
            yield from part
    except BrokenProcessPool:
        what = "sentences" if method == "_code_chunk" else "documents"
        raise DetenteError(
            f"a worker process coding {what} died (the machine may be short of memory); {what} from "
            f"number {start + done + 1} on were not coded",
            hint="run again with fewer worker processes (--workers 1, or Coder(n_process=1))",
        ) from None
