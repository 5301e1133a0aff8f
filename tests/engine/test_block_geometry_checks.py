"""Issue 18.7: blocks exported twice, and lines or points in a layer of mixed geometry."""
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from sozialraum.engine.spatial.geometry import identical_groups, not_polygonal


def test_identical_blocks_are_grouped_whatever_their_start_vertex():
    a = box(0, 0, 10, 10)
    same_rotated = Polygon([(10, 10), (0, 10), (0, 0), (10, 0)])
    other = box(20, 0, 30, 10)
    touching = box(10, 0, 20, 10)
    groups = identical_groups([a, other, same_rotated, None, touching, box(20, 0, 30, 10)])
    assert groups == [[0, 2], [1, 5]]


def test_nearly_identical_blocks_are_not_grouped():
    assert identical_groups([box(0, 0, 10, 10), box(0, 0, 10, 10.01)]) == []


def test_invalid_duplicates_are_grouped_too():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    assert identical_groups([bowtie, Polygon(bowtie.exterior.coords)]) == [[0, 1]]


def test_lines_and_points_are_found_among_polygons():
    shapes = [box(0, 0, 1, 1), LineString([(0, 0), (1, 1)]), Point(3, 3), None, Polygon(),
              GeometryCollection([box(0, 0, 1, 1), Point(5, 5)]), GeometryCollection([Point(1, 1)])]
    assert not_polygonal(shapes) == [1, 2, 6]


def test_invalid_duplicates_with_another_start_vertex_are_grouped():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    assert identical_groups([bowtie, Polygon([(10, 10), (10, 0), (0, 10), (0, 0)])]) == [[0, 1]]
