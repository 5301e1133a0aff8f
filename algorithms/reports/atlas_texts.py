"""Every text the web atlas shows, through the plugin's Qt translations (one mechanism, one .ts).

The atlas carries them in German and English (switchable in the page), so the algorithm translates
each with ``translator_for`` into both languages whatever language QGIS runs in. The profile's own
texts are those of the PDF profile sheet (``profiles.PAGE_TEXTS``), so the two say the same.
"""
from ...i18n import translatable, translator_for
from ...presentation.messages import INDEX_CLASSES
from .profile_words import PAGE_TEXTS, UNITS

ATLAS_TEXTS = {
    "atlas_title": translatable("Social space atlas"),
    "skip_to_table": translatable("Skip to the table"),
    "indicator_choice": translatable("Indicator on the map"),
    "map_heading": translatable("Map"),
    "zoom_in": translatable("Zoom in"),
    "zoom_out": translatable("Zoom out"),
    "map_label": translatable("Map of the social spaces; choose a space in the table below to read its profile"),
    "profile_hint": translatable("Click a space on the map or choose it in the table to see its profile."),
    "print": translatable("Print profile"),
    "close": translatable("Close"),
    "profile_caption": translatable("Indicators of the space beside the municipal values"),
    "table_heading": translatable("All social spaces"),
    "search": translatable("Search"),
    "search_placeholder": translatable("Number or name of a space"),
    "table_help": translatable("Arrow keys move through the rows, Enter opens a profile; the column headings sort."),
    "table_space": translatable("Space"),
    "table_class": translatable("Index class"),
    "table_type": translatable("Type"),
    "table_count": translatable("{shown} of {total} spaces"),
    "layer_blocks": translatable("Blocks"),
    "layer_barriers": translatable("Barriers"),
    "legend_all": translatable("all spaces (no differences)"),
    "legend_suppressed": translatable(". suppressed (confidentiality)"),
    "legend_missing": translatable("x no value"),
    "legend_municipal": translatable("Municipality: {value}"),
    "legend_no_municipal": translatable("No municipal value (the atlas was made without blocks)."),
    "legend_no_spread": translatable("All spaces have the same value."),
    "footer": translatable("Made with the QGIS plugin Sozialraum. Values of small spaces may be suppressed for "
                           "statistical confidentiality ('.'). The atlas works offline; it loads nothing from the "
                           "internet unless a background map was chosen."),
    "social_index": translatable("Social index"),
    "comment_heading": translatable("Your comment on this space"),
    "comment_author": translatable("Your name and organisation"),
    "comment_label": translatable("Comment (e.g. 'this boundary should run along the railway')"),
    "comment_help": translatable("Comments stay in this browser until you download them as one file and send it "
                                 "to the planning office; they are proposals, the office decides."),
    "comment_download": translatable("Download my comments (JSON)"),
    "comment_count": translatable("{count} spaces commented"),
    "sketch_heading": translatable("I would move this boundary: sketch on the map"),
    "sketch_help": translatable("Press 'Draw on the map', then draw lines with the mouse or a finger; a line that "
                                "ends where it began marks an area. With the keyboard: move the map with the arrow "
                                "keys and press Enter for a point at the cross, Escape ends the line."),
    "sketch_start": translatable("Draw on the map"),
    "sketch_stop": translatable("Stop drawing"),
    "sketch_point": translatable("Point at the cross"),
    "sketch_finish": translatable("End the line"),
    "sketch_undo": translatable("Remove the last line"),
    "sketch_count": translatable("{count} lines sketched for this space"),
    "sketch_count_one": translatable("1 line sketched for this space"),
    "print_map_caption": translatable("The space (outlined in black) and its neighbours."),
    "group_population": translatable("Population"),
    "group_age": translatable("Age"),
    "group_households": translatable("Households"),
    "group_housing": translatable("Housing"),
    "group_labour": translatable("Labour market"),
    "group_migration": translatable("Migration"),
    "group_poverty": translatable("Poverty"),
    "group_buildings": translatable("Buildings"),
}

#: how the map classes are made, with the breaks in the page's number format
LEGEND_BREAKS_NOTE = translatable("Classes as in the social index: standard deviations from the mean of the spaces "
                                  "({breaks}); darker = more need.")
LEGEND_BREAKS_NEUTRAL = translatable("Classes as in the social index: standard deviations from the mean of the "
                                     "spaces ({breaks}); darker = higher value.")


CLASS_NUMBER = translatable("Class {number}")


def texts(lang, breaks_text):
    """The atlas's texts in ``lang``: its own, the profile sheet's (``page_…``) and the units (``unit_…``)."""
    translate = translator_for(lang)
    out = {key: translate(text) for key, text in ATLAS_TEXTS.items()}
    out["legend_need"] = translate(LEGEND_BREAKS_NOTE).format(breaks=breaks_text)
    out["legend_neutral"] = translate(LEGEND_BREAKS_NEUTRAL).format(breaks=breaks_text)
    out.update({f"page_{key}": translate(text) for key, text in PAGE_TEXTS.items()})
    return out


def units(lang):
    translate = translator_for(lang)
    return {unit: translate(text) for unit, text in UNITS.items()} if lang != "en" else {}


def index_class(raw, lang):
    """A space's index class label in ``lang``: the index's default labels (written in English or German) translated,
    a planner's own labels as written."""
    if raw is None:
        return None
    text = str(raw)
    for source in INDEX_CLASSES:
        if text in (source, translator_for("de")(source)):
            return translator_for(lang)(source)
    return text


def class_labels(lang, count):
    """The index's class labels in ``lang``: the defaults for 4 classes, 'class n' otherwise."""
    translate = translator_for(lang)
    if count == len(INDEX_CLASSES):
        return [translate(label) for label in INDEX_CLASSES]
    return [translate(CLASS_NUMBER).format(number=n) for n in range(1, count + 1)]
