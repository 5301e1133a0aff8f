"""Shared geometry and graph: adjacency from polygons, the block graph, geometry repair."""
