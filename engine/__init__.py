"""The QGIS-free computation engine of Sozialraum.

Nothing in this package imports qgis or Qt: it needs only numpy, scipy, pandas,
scikit-learn and shapely (1.8 or 2.x), so it can be used as a library and tested
with plain pytest.
"""
