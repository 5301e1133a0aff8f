"""An independent recount of a consultation session, for the tests of its running sums (engine and dock).

It reads the session's internals on purpose: the point is to recount from the labels alone, without the
incremental sums the session keeps.
"""
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from sozialraum.engine.consultation.sessionrecords import ABOVE, BELOW, SpaceStatus, Summary
from sozialraum.engine.consultation.spacesums import UNASSIGNED
from sozialraum.engine.objective import ssd_per_space


def recount(session):
    """``(statuses, summary)`` of a consultation session counted from scratch from its labels alone.

    Independent of the running sums: populations by bincount, the centred SSD of
    :func:`~sozialraum.engine.objective.ssd_per_space`, parts by scipy's connected
    components on the links inside spaces. The state is not changed.
    """
    codes = np.asarray(session._sums.code_list, dtype=np.int64)
    k = session._sums.used
    population = session._sums.population
    pop = np.bincount(codes, weights=population, minlength=k)
    count = np.bincount(codes, minlength=k)
    ssd = ssd_per_space(codes - 1, session._values, k - 1, session._weights if session._weighted else None)
    left, right = session._graph.left, session._graph.right
    inside = (codes[left] == codes[right]) & (codes[left] != UNASSIGNED)
    n = len(codes)
    matrix = coo_matrix((np.ones(int(inside.sum())), (left[inside], right[inside])), shape=(n, n))
    _, component = connected_components(matrix, directed=False)
    pairs = np.unique(np.stack([codes, component], axis=1), axis=0)
    parts = np.bincount(pairs[:, 0], minlength=k)
    statuses = tuple(
        SpaceStatus(session._labels[c], float(pop[c]), int(count[c]), float(max(ssd[c - 1], 0.0)),
                    session._band.status(pop[c]), int(parts[c]), c in session._locked)
        for c in range(1, k) if count[c] > 0
    )
    problems = [s.problems for s in statuses]
    summary = Summary(
        spaces=len(statuses), blocks=int(count[1:].sum()), population=float(pop[1:].sum()),
        unassigned_blocks=int(count[UNASSIGNED]), unassigned_population=float(pop[UNASSIGNED]),
        below=sum(BELOW in p for p in problems), above=sum(ABOVE in p for p in problems),
        not_contiguous=sum(not s.contiguous for s in statuses), problems=sum(bool(p) for p in problems),
        locked=sum(s.locked for s in statuses), ssd=float(sum(s.ssd for s in statuses)), tss=float(session._tss),
    )
    return statuses, summary
