"""Boundary certainty (engine/delineation/certainty.py): the figures as defined, and what they show on lattices."""
import numpy as np
import pytest

from sozialraum.engine.delineation.certainty import certainty_seeds, measure_certainty, run_certainty, solver_for
from sozialraum.engine.delineation.delineate import solve
from sozialraum.engine.errors import Cancelled, ParameterError
from sozialraum.engine.problem import Problem, Settings

from .grids import grid_graph


def path_graph(n):
    from sozialraum.engine.spatial.graph import Graph

    return Graph(n, np.arange(n - 1), np.arange(1, n))


def test_link_agreement_counts_runs_that_relate_two_blocks_as_the_proposal_does():
    graph = path_graph(4)  # links 0-1, 1-2, 2-3
    proposal = np.array([1, 1, 2, 2])
    runs = [np.array([1, 1, 2, 2]), np.array([1, 2, 2, 2]), np.array([1, 1, 1, 2]), np.array([1, 1, 2, 2])]
    certainty = measure_certainty(graph, proposal, runs)
    # 0-1 together in runs 1, 3, 4; 1-2 apart in runs 1, 4 only; 2-3 together in runs 1, 2, 4
    assert certainty.link_agreement.tolist() == [0.75, 0.5, 0.75]
    assert certainty.link_is_boundary.tolist() == [False, True, False]
    assert certainty.boundary_agreement.tolist() == [0.5]
    # a block's certainty is the mean over its links
    assert certainty.block_certainty.tolist() == [0.75, 0.625, 0.625, 0.75]


def test_a_boundary_every_run_draws_is_certain_and_a_disputed_one_is_not():
    graph = path_graph(6)
    proposal = np.array([1, 1, 1, 2, 2, 2])
    # every run splits between 2 and 3; the blocks 0 and 1 are split off in half of the runs
    runs = [np.array([1, 1, 1, 2, 2, 2]), np.array([1, 2, 2, 3, 3, 3])] * 3
    certainty = measure_certainty(graph, proposal, runs)
    agreement = dict(zip(zip(certainty.left.tolist(), certainty.right.tolist()), certainty.link_agreement.tolist()))
    assert agreement[(2, 3)] == 1.0
    assert agreement[(0, 1)] == 0.5
    assert certainty.block_certainty[0] == 0.5
    assert certainty.block_certainty[5] == 1.0
    assert certainty.space_stability == {1: 0.5, 2: 1.0}  # space 1 is {1, 2} in half the runs: overlap 2/3 < 0.8
    assert certainty.space_overlap[1] == pytest.approx((1 + 2 / 3) / 2) and certainty.space_overlap[2] == 1.0


def test_space_stability_uses_the_residents_overlap_and_the_threshold():
    graph = path_graph(5)
    proposal = np.array([1, 1, 1, 1, 2])
    run = np.array([1, 1, 1, 2, 2])  # space 1 loses block 3
    residents = np.array([100.0, 100.0, 100.0, 0.0, 50.0])  # ... which has no residents
    assert measure_certainty(graph, proposal, [run], residents).space_stability[1] == 1.0
    assert measure_certainty(graph, proposal, [run], None).space_stability[1] == 0.0  # by blocks: 3/4 < 0.8
    assert measure_certainty(graph, proposal, [run], None, overlap=0.75).space_stability[1] == 1.0
    # a space without residents is compared by blocks: {4} vs {3, 4}
    assert measure_certainty(graph, proposal, [run], np.array([1.0, 1.0, 1.0, 0.0, 0.0])).space_stability[2] == 0.0


def test_blocks_outside_the_division_are_not_measured():
    graph = path_graph(4)
    proposal = np.array([1, 1, 0, 2])
    certainty = measure_certainty(graph, proposal, [np.array([1, 1, 0, 2])])
    assert np.isnan(certainty.block_certainty[2])
    assert certainty.left.tolist() == [0] and certainty.right.tolist() == [1]  # links to block 2 are not counted
    assert np.isnan(certainty.block_certainty[3])  # no measured link left


def test_bad_arguments_are_named():
    graph = path_graph(3)
    with pytest.raises(ParameterError):
        measure_certainty(graph, np.array([1, 1, 1]), [])
    with pytest.raises(ParameterError):
        measure_certainty(graph, np.array([1, 1, 1]), [np.array([1, 1, 1])], overlap=0)


def two_halves(rows=8, cols=16, seed=0):
    """A lattice whose left and right halves differ by five standard deviations; inside a half only noise."""
    graph = grid_graph(rows, cols)
    column = np.arange(rows * cols) % cols
    noise = np.random.default_rng(seed).normal(0, 1, rows * cols)
    values = (5.0 * (column >= cols // 2) + noise)[:, None]
    problem = Problem(graph, np.full(rows * cols, 100.0), values, min_population=1500, max_population=3000)
    return problem, column


def test_the_boundary_between_two_different_halves_is_certain_and_inner_noise_boundaries_are_not():
    problem, column = two_halves()
    settings = Settings(seed=1)
    proposal = solve(problem, settings)
    certainty = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=6, population=problem.population)
    middle = (column[certainty.left] == 7) & (column[certainty.right] == 8)
    assert certainty.link_is_boundary[middle].all()  # the proposal separates the halves ...
    assert (certainty.link_agreement[middle] == 1.0).all()  # ... and so does every run
    inner = certainty.link_is_boundary & ~middle
    assert inner.sum() > 10
    assert certainty.link_agreement[inner].mean() < 0.8  # boundaries drawn through noise move from run to run
    assert np.nanmin(certainty.block_certainty) < 0.7
    assert min(certainty.space_stability.values()) < 1.0
    assert certainty.runs == 6 and certainty.seeds == certainty_seeds(1, 6) == [2, 3, 4, 5, 6, 7]
    assert certainty.seconds > 0


def test_a_division_the_data_decides_is_certain_everywhere():
    # four quadrants far apart, each exactly one space's worth of residents
    graph = grid_graph(8, 8)
    block = np.arange(64)
    values = (4.0 * (block // 8 >= 4) + 8.0 * (block % 8 >= 4))[:, None]
    problem = Problem(graph, np.full(64, 100.0), values, min_population=1500, max_population=1700)
    settings = Settings(seed=3)
    proposal = solve(problem, settings)
    certainty = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=3)
    assert proposal.k == 4
    assert (certainty.link_agreement == 1.0).all()
    assert set(certainty.space_stability.values()) == {1.0}
    assert set(certainty.space_certainty.values()) == {1.0}
    assert set(certainty.space_overlap.values()) == {1.0}


def test_same_seed_same_certainty_and_cancel_stops():
    problem, _ = two_halves(6, 12)
    settings = Settings(seed=5, effort=0.3)
    proposal = solve(problem, settings)
    first = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=2)
    second = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=2)
    assert first.link_agreement.tolist() == second.link_agreement.tolist()
    heard = []
    with pytest.raises(Cancelled):
        run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=3, progress=lambda f, s: heard.append(f),
                      is_cancelled=lambda: len(heard) > 2)
    with pytest.raises(ParameterError):
        run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=0)


def test_runs_in_two_processes_give_the_same_figures_as_one():
    problem, _ = two_halves(6, 12)
    settings = Settings(seed=5, effort=0.3)
    proposal = solve(problem, settings)
    one = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=3)
    heard = []
    two = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=3, workers=2,
                        progress=lambda f, s: heard.append(f))
    assert two.link_agreement.tolist() == one.link_agreement.tolist()
    assert two.space_stability == one.space_stability
    assert heard[-1] == 1.0


def test_a_cancelled_parallel_run_stops_its_workers():
    import multiprocessing
    import time

    from sozialraum.engine.delineation.parallel_runs import labels_in_processes

    started = time.perf_counter()
    with pytest.raises(Cancelled):  # each "run" sleeps 120 s: only terminated workers end within the grace
        labels_in_processes(time.sleep, [120, 120, 120], workers=2,
                            is_cancelled=lambda: time.perf_counter() - started > 1.0)
    stopped_by = time.perf_counter() + 15  # grace for a loaded machine
    while multiprocessing.active_children() and time.perf_counter() < stopped_by:
        time.sleep(0.2)
    assert multiprocessing.active_children() == []

    problem, _ = two_halves()
    settings = Settings(seed=1)
    proposal = solve(problem, settings)
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=20, workers=2,
                      is_cancelled=lambda: time.perf_counter() - started > 1.0)
    with pytest.raises(ParameterError):
        run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=2, workers=0)


def test_when_worker_processes_cannot_start_the_runs_are_made_one_after_the_other(monkeypatch):
    from sozialraum.engine.delineation import parallel_runs

    problem, _ = two_halves(6, 12)
    settings = Settings(seed=5, effort=0.3)
    proposal = solve(problem, settings)
    monkeypatch.setattr(parallel_runs, "python_executable", lambda: None)
    fallback = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=2, workers=2)
    assert fallback.workers == 1 and "no Python interpreter" in fallback.workers_failed
    one = run_certainty(solver_for(problem, settings), proposal, settings.seed, runs=2)
    assert fallback.link_agreement.tolist() == one.link_agreement.tolist() and one.workers_failed == ""


def test_workers_start_with_the_interpreter_of_this_installation():
    import os
    import sys

    from sozialraum.engine.delineation.parallel_runs import python_executable

    python = python_executable()
    assert os.path.realpath(python).startswith(os.path.realpath(sys.exec_prefix)) or os.path.samefile(python, sys.executable)
