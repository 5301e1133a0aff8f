"""Social index (Berlin style), dynamics, typology: known small cases and determinism."""
import numpy as np
import pandas as pd
import pytest

from sozialraum.engine.errors import ParameterError
from sozialraum.engine.indicators.catalogue import default_catalogue
from sozialraum.engine.indicators.index import classify, dynamics_index, social_index, standardise
from sozialraum.engine.indicators.typology import typology


def test_classes_with_berlin_breaks():
    classes = classify([-2.0, -1.0, -0.5, 1.0, 1.2, 1.5, 3.0, np.nan])
    assert classes.tolist()[:7] == [1, 1, 2, 2, 3, 3, 4]
    assert pd.isna(classes.iloc[7])
    with pytest.raises(ParameterError):
        classify([0.0], breaks=(1, 0))


def test_index_by_hand():
    rates = pd.DataFrame({"unemployment": [2.0, 4.0, 6.0, 8.0], "floor_area_per_head": [50.0, 40.0, 40.0, 30.0]},
                         index=["a", "b", "c", "d"])
    result = social_index(rates, catalogue=default_catalogue())  # unemployment worse (+1), floor area better (-1)
    z_u = (rates.unemployment - 5) / rates.unemployment.std()
    z_f = (rates.floor_area_per_head - 40) / rates.floor_area_per_head.std()
    score = z_u - z_f
    expected = (score - score.mean()) / score.std()
    assert np.allclose(result.index.to_numpy(), expected.to_numpy())
    assert result.index.mean() == pytest.approx(0) and result.index.std() == pytest.approx(1)
    assert result.klass.tolist() == [1, 2, 2, 3]
    assert result.label["d"] == "low status" and result.label["a"] == "high status"


def test_excluded_and_missing_spaces_do_not_count():
    rates = pd.DataFrame({"x": [1.0, 2.0, 3.0, 100.0, np.nan]}, index=list("abcde"))
    result = social_index(rates, signs={"x": 1}, exclude=pd.Series([False, False, False, True, False], index=list("abcde")))
    assert result.excluded["d"] == "excluded" and result.excluded["e"].startswith("missing")
    assert np.allclose(result.index[["a", "b", "c"]], [-1, 0, 1])
    assert result.index[["d", "e"]].isna().all()


def test_weights_signs_and_errors():
    rates = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [3.0, 1.0, 2.0]})
    weighted = social_index(rates, signs={"x": 1, "y": 1}, weights={"x": 1, "y": 0})
    only_x = social_index(rates[["x"]], signs={"x": 1})
    assert np.allclose(weighted.index, only_x.index)
    with pytest.raises(ParameterError):
        social_index(rates, signs={"x": 1})  # y has no sign
    flat = social_index(pd.DataFrame({"x": [1.0, 2.0, 3.0], "c": [5.0, 5.0, 5.0]}), signs={"x": 1, "c": 1})
    assert flat.warnings and np.allclose(flat.index, [-1, 0, 1])
    assert (standardise(pd.DataFrame({"c": [5.0, 5.0]}))["c"] == 0).all()


def test_dynamics_on_changes():
    before = pd.DataFrame({"x": [10.0, 10.0, 10.0]}, index=list("abc"))
    after = pd.DataFrame({"x": [9.0, 10.0, 14.0]}, index=list("abc"))
    result = dynamics_index(before, after, signs={"x": 1})
    assert result.index.idxmax() == "c" and result.index.idxmin() == "a"
    assert result.labels[0] == "improving"


def clustered(seed=0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0, 0, 0], [10, 0, 5], [0, 10, 10]])
    data = np.vstack([c + rng.normal(0, 0.5, (15, 3)) for c in centres])
    return pd.DataFrame(data, columns=["a", "b", "c"], index=[f"s{i}" for i in range(45)])


@pytest.mark.parametrize("method", ["kmeans", "ward"])
def test_typology_finds_known_groups_deterministically(method):
    data = clustered()
    first = typology(data, method=method, k_range=(2, 6), seed=1)
    second = typology(data, method=method, k_range=(2, 6), seed=1)
    assert first.k == 3
    assert first.labels.equals(second.labels)
    groups = [set(first.labels.iloc[i * 15:(i + 1) * 15]) for i in range(3)]
    assert all(len(g) == 1 for g in groups) and len(set.union(*groups)) == 3
    assert first.profile["n_spaces"].tolist() == [15, 15, 15]
    assert first.profile.loc[first.labels.iloc[20], "a"] == pytest.approx(10, abs=0.5)
    assert set(first.silhouette) == {2, 3, 4, 5, 6}


def test_typology_order_by_need_and_exclusion():
    data = clustered()
    result = typology(data, k=3, signs={"a": 1, "b": 0, "c": 0}, population=pd.Series(100.0, index=data.index),
                      exclude=["s0"])
    assert pd.isna(result.labels["s0"])
    # type 1 = least need (low a), type 3 = most (a around 10)
    assert result.profile["a"].idxmax() == 3
    assert result.profile["population"].sum() == 4400
    with pytest.raises(ParameterError):
        typology(data, k=50)
