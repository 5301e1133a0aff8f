"""The consultation model: a session of edits on a division with live sums, splits, re-optimise, records."""
