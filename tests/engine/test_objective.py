"""The objective (within-space sum of squares) in its two forms, tested once."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sozialraum.engine.objective import division_ssd, group_ssd, ssd_of_sums, ssd_per_space, total_ss


def test_known_values():
    x = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 3.0]])
    # mean (2, 1): squared distances 4+1, 0+1, 4+4
    assert group_ssd(x) == pytest.approx(14.0)
    assert ssd_of_sums(3, x.sum(axis=0), (x**2).sum()) == pytest.approx(14.0)
    assert group_ssd(x[:0]) == 0.0 and ssd_of_sums(0, np.zeros(2), 0.0) == 0.0
    assert total_ss(x) == pytest.approx(14.0)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 40), st.integers(1, 4), st.integers(1, 6), st.integers(0, 10_000))
def test_both_forms_and_all_entry_points_agree(n, m, k, seed):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(n, m)) * rng.uniform(0.1, 10)
    codes = rng.integers(-1, k, n)  # -1: in no space
    per_space = ssd_per_space(codes, values, k)
    count = np.bincount(codes[codes >= 0], minlength=k)
    sums = np.zeros((k, m))
    squares = np.zeros(k)
    for i, c in enumerate(codes):
        if c >= 0:
            sums[c] += values[i]
            squares[c] += values[i].dot(values[i])
    from_sums = ssd_of_sums(count, sums, squares)
    for space in range(k):
        direct = group_ssd(values[codes == space])
        assert per_space[space] == pytest.approx(direct, rel=1e-9, abs=1e-9)
        assert from_sums[space] == pytest.approx(direct, rel=1e-7, abs=1e-7)
        assert ssd_of_sums(count[space], sums[space], squares[space]) == pytest.approx(direct, rel=1e-7, abs=1e-7)
    assert division_ssd(codes, values) == pytest.approx(per_space.sum(), rel=1e-9, abs=1e-9)
    # within plus between is the total (Huygens)
    inside = codes >= 0
    if inside.any():
        x, c = values[inside], codes[inside]
        means = np.array([x[c == s].mean(axis=0) if (c == s).any() else np.zeros(m) for s in range(k)])
        between = sum((c == s).sum() * ((means[s] - x.mean(axis=0)) ** 2).sum() for s in range(k))
        assert per_space.sum() + between == pytest.approx(total_ss(x), rel=1e-9, abs=1e-9)
