"""Runs of the search in worker processes (the boundary certainty's further runs, engine/delineation/certainty.py;
the second start of a search, engine/delineation/delineate.py).

The search is pure Python and holds the GIL, so threads do not help; processes do. Workers are
started with "spawn" (a fork of a QGIS process would copy its threads' locks) by the Python
interpreter of this installation, found from ``sys.exec_prefix``: inside QGIS ``sys.executable``
is the QGIS program or whatever ``python3`` comes first on the PATH (another installation, whose
workers then fail to import this one's numpy). A cancelled call stops waiting, terminates the
workers and raises :class:`~sozialraum.engine.errors.Cancelled`; workers that cannot start or die
raise :class:`WorkersFailed`, so the caller can run the searches one after the other instead.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..errors import Cancelled

#: How often (s) a waiting call asks whether it is cancelled.
POLL_SECONDS = 0.25
#: Runs still pending and no worker alive this long (s): the workers are taken to have failed.
NO_WORKERS_SECONDS = 60.0


class WorkersFailed(RuntimeError):
    """The worker processes could not be started or died (not a problem of the input)."""


def python_executable():
    """The Python interpreter of this installation (the one whose modules are loaded), to start workers with."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [os.path.join(sys.exec_prefix, "bin", version), os.path.join(sys.exec_prefix, "bin", "python3"),
                  os.path.join(sys.exec_prefix, "python.exe")]  # POSIX installations and venvs; Windows
    if os.path.basename(sys.executable or "").startswith("python"):
        candidates.append(sys.executable)
    candidates.append(shutil.which(version))
    return next((candidate for candidate in candidates if candidate and os.path.isfile(candidate)), None)


def _labels(solve_seed, seed):
    return solve_seed(seed).labels  # only the labels travel back


def labels_in_processes(solve_seed, seeds, workers, progress=None, is_cancelled=None):
    """The labels of ``solve_seed(seed)`` for each seed (in that order), ``workers`` processes at once."""
    labels = [None] * len(seeds)
    pool = _pool(workers)
    try:
        index_of = {pool.submit(_labels, solve_seed, seed): index for index, seed in enumerate(seeds)}
        pending = set(index_of)
        without_workers = 0.0
        while pending:
            done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            # runs pending but no worker alive for a while: do not wait for ever (seen once on a loaded machine)
            alive = any(process.is_alive() for process in getattr(pool, "_processes", {}).values())
            without_workers = 0.0 if alive or done else without_workers + POLL_SECONDS
            if without_workers > NO_WORKERS_SECONDS:
                raise WorkersFailed("no worker process is running")
            for future in done:
                labels[index_of[future]] = future.result()
            if done and progress is not None:
                progress(sum(label is not None for label in labels) / len(seeds), "runs")
    except BrokenProcessPool as error:
        _stop(pool)
        raise WorkersFailed(str(error)) from error
    except WorkersFailed:
        _stop(pool)
        raise
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return labels


def _pool(workers):
    context = multiprocessing.get_context("spawn")
    python = python_executable()
    if python is None:
        raise WorkersFailed("no Python interpreter found to start worker processes")
    if python != sys.executable:
        context.set_executable(python)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def in_worker():
    """Is this a worker process? It starts none of its own (the certainty's runs in processes, each with two starts)."""
    return multiprocessing.parent_process() is not None


class Background:
    """``function(*arguments)`` in one worker process while the caller goes on; :meth:`result` waits for it.

    Call :meth:`stop` when the result is not wanted (the caller was cancelled or failed): it ends the worker.
    """

    def __init__(self, function, *arguments):
        try:
            self.pool = _pool(1)
            self.future = self.pool.submit(function, *arguments)
        except (OSError, RuntimeError, ValueError) as error:  # no process could be started
            raise WorkersFailed(str(error) or type(error).__name__) from error

    def result(self, is_cancelled=None):
        without_worker = 0.0
        try:
            while True:
                done, _ = wait([self.future], timeout=POLL_SECONDS)
                if done:
                    value = self.future.result()
                    break
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                alive = any(process.is_alive() for process in (getattr(self.pool, "_processes", None) or {}).values())
                without_worker = 0.0 if alive else without_worker + POLL_SECONDS
                if without_worker > NO_WORKERS_SECONDS:
                    raise WorkersFailed("no worker process is running")
        except BrokenProcessPool as error:
            self.stop()
            raise WorkersFailed(str(error)) from error
        except BaseException:
            self.stop()
            raise
        self.pool.shutdown(wait=True)
        self.pool = None
        return value

    def stop(self):
        """End the worker (nothing when its result was taken)."""
        if self.pool is not None:
            _stop(self.pool)
            self.pool = None


def _stop(pool):
    """Stop the workers now: the runs already started would otherwise finish first."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public API to terminate running tasks
    # the executor's feeder thread may be blocked writing the next task into a pipe that no terminated
    # worker reads: joining it hung the interpreter at exit (pytest finished, then waited for ever)
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    # a worker still starting on a loaded machine outlived SIGTERM's 5 s once (CI, bookworm): kill it
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
