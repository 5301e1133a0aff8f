"""Tables from the engine's codes (reasons, statuses, class numbers) to translatable templates.

The engine names what happened with a stable code and details; the text a person reads is
looked up here and translated through the Qt translations, in the interface language
(:func:`~sozialraum.i18n.tr`) or an export's language (:func:`~sozialraum.i18n.translator_for`).
"""
from ..i18n import tr, translatable, translator_for

#: why an indicator value is NULL (aggregation) or hidden (confidentiality); {count}: blocks
NULL_REASONS = {
    "missing_values": translatable("NULL values in {count} blocks"),
    "zero_denominator": translatable("the denominator is 0"),
    "null_denominator": translatable("the denominator is NULL"),
    "negative_denominator": translatable("the denominator is negative"),
    "primary": translatable("suppressed: fewer cases than the minimum"),
    "secondary": translatable("suppressed so that a hidden value cannot be recovered from totals"),
    "derived": translatable("suppressed: computed from a hidden count"),
    "small_space": translatable("no rates: the space has fewer residents than the minimum"),
}

#: what is wrong in a catalogue row (CatalogueError.details["reason"]); {column}, {value}
CATALOGUE_PROBLEMS = {
    "missing_column": translatable("the header has no column '{column}' (the separator is ';' or ',', decided by the header line)."),
    "unknown_kind": translatable("unknown kind '{value}'; use count, rate, ratio, mean or density."),
    "empty_label": translatable("the column '{column}' is empty."),
    "empty_id": translatable("an indicator has no id."),
    "bad_expression": translatable("cannot read '{value}' in column '{column}': use field names joined by + or - (names with other "
                                   "characters in double quotes)."),
    "bad_factor": translatable("'{column}' must be a positive number, not '{value}'."),
    "bad_higher_is": translatable("higher_is must be worse, better or neutral, not '{value}'."),
    "bad_flag": translatable("'{column}' must be yes or no, not '{value}'."),
    "bad_decimals": translatable("decimals must be a whole number from 0 to 6, not '{value}'."),
    "missing_numerator": translatable("the numerator is empty."),
    "missing_denominator": translatable("a rate, ratio or density needs a denominator (for a density the area in m², e.g. area_m2)."),
    "unexpected_denominator": translatable("a count or mean has no denominator (found '{value}')."),
    "missing_weight": translatable("a mean needs a weight_field."),
    "unexpected_weight": translatable("only a mean has a weight_field (found '{value}')."),
    "unknown_part_of": translatable("part_of must name another count indicator, not '{value}'."),
    "bad_row": translatable("the line has more cells than the header has columns (a separator inside a value? put the value "
                            "in double quotes)."),
    "empty": translatable("the catalogue has no indicators."),
    "encoding": translatable("the file is not UTF-8; save it as 'CSV UTF-8'."),
}

#: population status of a space (engine.scoring / engine.delineate status codes)
STATUS = {
    "ok": translatable("ok"),
    "below": translatable("below"),
    "above": translatable("above"),
    "flagged": translatable("flagged"),
    "locked": translatable("locked"),
}

#: default class labels of the social index and of its dynamics (engine class numbers 1..4)
INDEX_CLASSES = (translatable("high status"), translatable("medium status"), translatable("low status"),
                 translatable("very low status"))
DYNAMICS_CLASSES = (translatable("improving"), translatable("stable"), translatable("worsening"),
                    translatable("strongly worsening"))

#: fixed column labels and names of exports
EXPORT_LABELS = {
    "space": translatable("Social space"),
    "total": translatable("Municipality total"),
    "n_blocks": translatable("Blocks"),
    "sheet": translatable("Indicators"),
}


def text(table, code, lang=None, **values):
    """The template for ``code`` in ``table``, translated (``lang`` None: the interface) and filled.

    Unknown codes are shown as they are, so a new engine code is never swallowed.
    """
    template = table.get(code)
    if template is None:
        return str(code)
    translated = tr(template) if lang is None else translator_for(lang)(template)
    return translated.format(**values) if values else translated


def label_text(table, code, lang=None):
    """A fixed label (no placeholders) from ``table`` in ``lang``; the same as :func:`text`."""
    return text(table, code, lang)


def class_labels(defaults, labels, lang=None):
    """Class labels: the user's ``labels`` as given, else the translated defaults."""
    if labels:
        return tuple(labels)
    translate = tr if lang is None else translator_for(lang)
    return tuple(translate(label) for label in defaults)
