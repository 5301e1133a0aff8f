"""The search's second start in a worker process (engine/delineation/delineate.py, parallel_runs.Background): the
same division as one after the other, a fallback when no process starts, and a cancel that ends the worker."""
import multiprocessing
import time

import numpy as np
import pytest

from sozialraum.engine.delineation import delineate as delineate_module
from sozialraum.engine.delineation import parallel_runs
from sozialraum.engine.delineation.delineate import solve
from sozialraum.engine.errors import Cancelled, ParameterError
from sozialraum.engine.problem import Problem, Settings

from .grids import grid_graph


def lattice_problem(side=20):
    rng = np.random.default_rng(3)
    n = side * side
    rows, cols = np.divmod(np.arange(n), side)
    values = np.column_stack([rows / side + 0.2 * rng.normal(size=n), cols / side + 0.2 * rng.normal(size=n)])
    population = rng.integers(20, 300, n).astype(float)
    return Problem(grid_graph(side, side), population, values, min_population=2000, max_population=8500,
                   points=np.column_stack([cols, -rows]).astype(float))


def no_worker_left():
    stopped_by = time.perf_counter() + 15  # grace for a loaded machine
    while multiprocessing.active_children() and time.perf_counter() < stopped_by:
        time.sleep(0.2)
    return multiprocessing.active_children() == []


def test_the_second_start_in_a_worker_gives_the_same_division(monkeypatch):
    monkeypatch.setattr(delineate_module, "PARALLEL_START_BLOCKS", 0)  # a small problem, so that the test is quick
    started = []
    real = parallel_runs.Background.__init__

    def counting(self, function, *arguments):
        started.append(function.__name__)
        real(self, function, *arguments)

    monkeypatch.setattr(parallel_runs.Background, "__init__", counting)
    answered = []
    real_result = parallel_runs.Background.result

    def recorded(self, *arguments):
        value = real_result(self, *arguments)
        answered.append(1)  # only when the worker's answer came back
        return value

    monkeypatch.setattr(parallel_runs.Background, "result", recorded)
    problem = lattice_problem()
    one = solve(problem, Settings(seed=4, effort=0.3))
    two = solve(problem, Settings(seed=4, effort=0.3, workers=2))
    assert started == ["_tree_start"] and answered == [1]  # one worker, for the tree-cut start, which answered
    assert np.array_equal(one.labels, two.labels)
    assert no_worker_left()


def test_small_problems_and_one_worker_start_no_process(monkeypatch):
    started = []
    monkeypatch.setattr(parallel_runs.Background, "__init__", lambda self, *a: started.append(a) or None)
    solve(lattice_problem(), Settings(seed=4, effort=0.3, workers=2))  # 400 blocks: below PARALLEL_START_BLOCKS
    monkeypatch.setattr(delineate_module, "PARALLEL_START_BLOCKS", 0)
    solve(lattice_problem(), Settings(seed=4, effort=0.3, workers=1))
    assert started == []
    with pytest.raises(ParameterError, match="workers"):
        Settings(workers=0)


def test_when_no_worker_starts_the_starts_run_one_after_the_other(monkeypatch):
    monkeypatch.setattr(delineate_module, "PARALLEL_START_BLOCKS", 0)
    monkeypatch.setattr(parallel_runs, "python_executable", lambda: None)
    problem = lattice_problem()
    assert np.array_equal(solve(problem, Settings(seed=4, effort=0.3, workers=2)).labels,
                          solve(problem, Settings(seed=4, effort=0.3)).labels)


def test_a_cancelled_search_ends_its_worker(monkeypatch):
    monkeypatch.setattr(delineate_module, "PARALLEL_START_BLOCKS", 0)
    with pytest.raises(Cancelled):  # cancelled as soon as the worker runs
        solve(lattice_problem(30), Settings(seed=4, workers=2), is_cancelled=lambda: bool(multiprocessing.active_children()))
    assert no_worker_left()
    background = parallel_runs.Background(time.sleep, 120)  # a worker still running when cancelled while waiting
    with pytest.raises(Cancelled):
        background.result(is_cancelled=lambda: True)
    assert no_worker_left()
