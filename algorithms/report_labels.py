"""Translated headings and column names for the HTML reports of engine/scoring.py."""
from ..i18n import tr, translatable

# Every English text the report uses, marked for the translation tools.
REPORT_TEXTS = (
    translatable("Spaces"), translatable("Blocks assigned"), translatable("Blocks without a space"),
    translatable("Minimum population"), translatable("Maximum population"),
    translatable("Within-space sum of squares (SSD)"), translatable("Between-space sum of squares"),
    translatable("Total sum of squares"), translatable("SSD share (SSD / total; lower is more homogeneous)"),
    translatable("Smallest space (population)"), translatable("Median space (population)"),
    translatable("Largest space (population)"), translatable("Spaces below the minimum"),
    translatable("Spaces above the maximum"), translatable("Spaces not contiguous"),
    translatable("Barrier crossings inside spaces"), translatable("Mean compactness (Polsby-Popper)"),
    translatable("Spaces spanning more than one unit"),
    translatable("Space"), translatable("Population"), translatable("Blocks"), translatable("SSD"),
    translatable("Status"), translatable("Contiguous"), translatable("Parts"), translatable("Barrier crossings"),
    translatable("Polsby-Popper"), translatable("Units"),
    translatable("Summary"), translatable("Parameters"), translatable("Notes"), translatable("Parameter"),
    translatable("Value"), translatable("Measure"), translatable("yes"), translatable("no"),
    translatable("not computed"), translatable("Highlighted: spaces outside the population bounds or not contiguous."),
    translatable("Unassigned blocks (first 50)"),
    translatable("ok"), translatable("below"), translatable("above"), translatable("flagged"), translatable("locked"),
)


def report_labels():
    """English report text -> the same text in the user's language."""
    return {text: tr(text) for text in REPORT_TEXTS}
