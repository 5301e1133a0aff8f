"""The fixed words of a space's profile (PDF page and web atlas), translated into the page's language where used."""
from ...i18n import translatable

#: fixed texts of the pages, translated into the page language (not the interface's) where used
PAGE_TEXTS = {
    "title": translatable("Social space"),
    "indicator": translatable("Indicator"),
    "unit": translatable("Unit"),
    "space": translatable("This space"),
    "municipal": translatable("Municipality"),
    "difference": translatable("Difference"),
    "age": translatable("Age structure: share of the residents in %"),
    "legend_space": translatable("this space"),
    "legend_town": translatable("municipality"),
    "no_age": translatable("The catalogue has no age groups."),
    "map_space": translatable("this space"),
    "map_neighbour": translatable("neighbouring spaces"),
    "footnote": translatable(
        '".": value suppressed for statistical confidentiality (too few cases, or it would reveal a hidden value). '
        '"x": cannot be computed (e.g. no residents or a denominator of 0). Difference: value of the space minus '
        "the municipal value (shares in percentage points); counts have none."),
    "no_municipal": translatable("Municipal values need the blocks layer with the fields of the catalogue."),
    "page": translatable("Page {page} of {pages}"),
    "index": translatable("Social index: {status}"),
    "type": translatable("Type {number}"),
}
#: the catalogue's units in the page language (ASCII sources: Qt's translate() takes no "²")
UNITS = {
    "persons": translatable("persons"),
    "households": translatable("households"),
    "buildings": translatable("buildings"),
    "residents per km²": translatable("residents per square kilometre"),
    "per 100 aged 18-64": translatable("per 100 aged 18-64"),
}
