"""The delineation pipeline: tree cuts, Ward start, local search, recombination, bound repair, shape
clean-up; the update of an adopted division, stable numbers, carrying onto new blocks; certainty."""
