"""Re-optimising around decisions (engine/consultation/reoptimise.py): pinned blocks and locked spaces never move."""
import numpy as np
import pytest

from sozialraum.engine.consultation.reoptimise import improve_around
from sozialraum.engine.consultation.session import ConsultationSession
from sozialraum.engine.delineation.localsearch import RegionState, improve
from sozialraum.engine.errors import LockedSpaceError, ParameterError
from sozialraum.engine.objective import block_weights
from sozialraum.engine.spatial.graph import is_connected

from .grids import grid_graph

ROWS, COLS = 6, 8


def unbalanced():
    """6 x 8 grid in three column bands: A (cols 0-1, small), B (cols 2-5, large), C (cols 6-7); 100 residents each."""
    graph = grid_graph(ROWS, COLS)
    population = np.full(ROWS * COLS, 100.0)
    rng = np.random.default_rng(3)
    values = rng.normal(size=(ROWS * COLS, 2))
    codes = np.array([1 if c < 2 else 2 if c < 6 else 3 for r in range(ROWS) for c in range(COLS)])
    return graph, population, values, codes


def test_pinned_blocks_never_move_and_closed_spaces_keep_exactly_their_blocks():
    graph, population, values, codes = unbalanced()
    # bounds 1400-1800: A (1200) is below, B (2400) above, C (1200) below; C locked (closed)
    free = improve_around(graph, population, values, codes, 1400, 1800)
    moved_free = np.flatnonzero(free != codes)
    assert len(moved_free) > 0  # unconstrained, the search does move blocks of B's border
    pinned = np.zeros(len(codes), dtype=bool)
    pinned[moved_free] = True  # pin exactly the blocks it moved: they must stay now
    new = improve_around(graph, population, values, codes, 1400, 1800, closed=[3], pinned=pinned)
    assert (new[pinned] == codes[pinned]).all()
    assert set(np.flatnonzero(new == 3)) == set(np.flatnonzero(codes == 3))
    assert (new != codes).any()  # other blocks take their place
    for code in (1, 2, 3):
        assert is_connected(graph, np.flatnonzero(new == code))


def test_improve_honours_the_pinned_mask_in_every_pass():
    graph, population, values, codes = unbalanced()
    pinned = np.zeros(len(codes), dtype=bool)
    pinned[[r * COLS + c for r in range(ROWS) for c in (2, 5)]] = True  # B's both border columns
    state = RegionState(codes, values, (values**2).sum(axis=1), population, 4)
    moves = improve(state, graph, 1400, 1800, np.random.default_rng(0), pinned=pinned, max_passes=50)
    assert moves == 0  # only B's border blocks could move without a worse violation, and they are pinned
    state = RegionState(codes, values, (values**2).sum(axis=1), population, 4)
    assert improve(state, graph, 1400, 1800, np.random.default_rng(0), max_passes=50) > 0


def test_unassigned_blocks_stay_out_and_the_input_is_not_changed():
    graph, population, values, codes = unbalanced()
    codes = codes.copy()
    codes[[0, 1]] = 0  # no space
    original = codes.copy()
    new = improve_around(graph, population, values, codes, 1400, 1800)
    assert (codes == original).all()
    assert (new[[0, 1]] == 0).all() and not (new[2:] == 0).any()


def session_of(locked=()):
    graph, population, values, codes = unbalanced()
    ids = [f"b{i}" for i in range(len(codes))]
    labels = ["ABC"[code - 1] for code in codes.tolist()]
    return ConsultationSession(ids, population, values, graph, labels, 1400, 1800, locked=locked)


def test_a_session_proposal_keeps_locks_and_fixed_blocks_and_applies_as_one_record():
    s = session_of(locked=["C"])
    labels = s.labels()
    fixed = [f"b{r * COLS + c}" for r in range(ROWS) for c in (2, 5) if r % 2 == 0]  # placed by hand
    proposal = s.reoptimise(fixed_blocks=fixed + ["no such block"])
    assert s.labels() == labels  # a proposal changes nothing
    assert proposal.blocks and not set(proposal.blocks) & set(fixed)
    assert "C" not in proposal.before and "C" not in proposal.after
    assert proposal.summary_before == s.summary()
    assert proposal.summary_after.problems <= proposal.summary_before.problems
    change = s.assign(proposal.blocks, proposal.after)
    assert change.kind == "reoptimise" and change.blocks == proposal.blocks
    after = s.summary()
    assert (after.problems, after.below, after.above) == (proposal.summary_after.problems, proposal.summary_after.below,
                                                          proposal.summary_after.above)
    assert after.ssd == pytest.approx(proposal.summary_after.ssd)
    assert s.blocks_of("C") == tuple(f"b{r * COLS + c}" for r in range(ROWS) for c in (6, 7))
    s.revert(change)
    assert s.labels() == labels


def test_a_session_searches_with_the_residents_share_it_is_given():
    graph, _, values, codes = unbalanced()
    population = np.random.default_rng(5).integers(0, 200, len(codes)).astype(float)
    ids = [f"b{i}" for i in range(len(codes))]
    labels = ["ABC"[code - 1] for code in codes.tolist()]

    def proposal(**weighting):
        s = ConsultationSession(ids, population, values, graph, labels, 1200, 3000, **weighting)
        return s.reoptimise()

    def expected(weights):
        moved = improve_around(graph, population, values, codes, 1200, 3000, weights=weights)
        return tuple(ids[i] for i in np.flatnonzero(moved != codes).tolist())

    assert (population == 0).any()  # blocks without residents: they weigh 0 at every share
    for share in (0.0, 0.5, 1.0):
        assert proposal(population_weight=share).blocks == expected(block_weights(population, share=share))
    assert proposal(population_weight=0.5, weight_by_population=False).blocks == expected(None)
    assert expected(None) != expected(block_weights(population))  # the instance tells the weightings apart
    with pytest.raises(ParameterError):
        ConsultationSession(ids, population, values, graph, labels, 1200, 3000, population_weight=2.0)


def test_assign_refuses_moves_into_a_locked_space():
    s = session_of(locked=["C"])
    with pytest.raises(LockedSpaceError):
        s.assign(["b5"], ["C"])
    assert s.space_of("b5") == "B"


def total_violation(codes, population, lower, upper, spaces):
    pops = [population[codes == code].sum() for code in spaces]
    return sum(max(0.0, lower - p) + max(0.0, p - upper) for p in pops)


@pytest.mark.parametrize("seed", range(8))
def test_random_divisions_pins_and_locks_keep_every_rule(seed):
    """Random column bands with random residents, pins and a lock: pins stay, the lock holds,
    spaces stay contiguous and keep a block, the bound violation never grows."""
    rng = np.random.default_rng(seed)
    graph = grid_graph(ROWS, COLS)
    n = ROWS * COLS
    population = rng.integers(0, 200, n).astype(float)
    values = rng.normal(size=(n, 3))
    cuts = np.sort(rng.choice(np.arange(1, COLS), size=3, replace=False))
    codes = np.array([1 + int(np.searchsorted(cuts, c, side="right")) for r in range(ROWS) for c in range(COLS)])
    spaces = sorted(set(codes.tolist()))
    locked = [int(rng.choice(spaces))]
    pinned = rng.random(n) < 0.2
    lower, upper = np.quantile([population[codes == s].sum() for s in spaces], [0.3, 0.7])
    new = improve_around(graph, population, values, codes, lower, upper, closed=locked, pinned=pinned, seed=seed)
    assert (new[pinned] == codes[pinned]).all()
    assert set(np.flatnonzero(new == locked[0])) == set(np.flatnonzero(codes == locked[0]))
    for code in spaces:
        members = np.flatnonzero(new == code)
        assert len(members) > 0 and is_connected(graph, members)
    assert total_violation(new, population, lower, upper, spaces) <= total_violation(codes, population, lower, upper, spaces) + 1e-6
