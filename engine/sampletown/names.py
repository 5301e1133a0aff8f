"""German-sounding, invented names for districts, barriers and facilities."""
import numpy as np

COMPASS_NAMES = {
    "N": "Nordviertel",
    "NE": "Nordost",
    "E": "Oststadt",
    "SE": "Südost",
    "S": "Südstadt",
    "SW": "Südwest",
    "W": "Weststadt",
    "NW": "Nordwest",
}
PLACE_NAMES = (
    "Lindenau", "Rosenhöhe", "Kornfeld", "Eichenrath", "Brunnenhof", "Heidkamp", "Mühlenberg",
    "Steinkaul", "Birkenhain", "Sonnenhang", "Kirchberg", "Neuenhof", "Wiesental", "Hagenbroich",
    "Falkenried", "Buchenau", "Schwanenhof", "Tannenbusch",
)
VILLAGE_NAMES = (
    "Haarbach", "Eilenrath", "Brandenheid", "Hövelsdorf", "Kornelsweiler", "Stolzenau", "Merkstein-Dorf",
    "Orsbach", "Vetschau", "Laurensrath", "Seffenich", "Hitfelden",
)
HIGHRISE_NAMES = ("Am Hochfeld", "Talblick", "Auf der Platte", "Vogelsang")
NEWBUILD_NAMES = ("Neue Heide", "Am Sonnenpark", "Quartier Wiesengrund")
_PREFIXES = (
    "Linden", "Eichen", "Buchen", "Birken", "Rosen", "Mühlen", "Kirch", "Stein", "Brunnen", "Heide",
    "Wiesen", "Sonnen", "Berg", "Wald", "Tal", "Hagen", "Kreuz", "Hirsch", "Fuchs", "Schwanen",
    "Erlen", "Ulmen", "Eschen", "Weiden", "Burg", "Holz", "Korn", "Roggen", "Hafer", "Quellen",
)
_SUFFIXES = (
    "au", "hof", "feld", "berg", "heide", "grund", "dorf", "rath", "heim", "bach", "hausen", "höhe",
    "winkel", "kamp", "hagen", "brück",
)
STREET_SUFFIXES = ("straße", "weg", "allee", "platz", "ring", "gasse")
KITA_NAMES = (
    "Sonnenschein", "Regenbogen", "Pusteblume", "Löwenzahn", "Sternschnuppe", "Kunterbunt",
    "Spatzennest", "Arche Noah", "St. Marien", "Zwergenland", "Wirbelwind", "Abenteuerland",
    "Schatzkiste", "Rasselbande", "Farbklecks", "Purzelbaum", "Sonnenblume", "Kleine Strolche",
    "Marienkäfer", "Schneckenhaus", "Wolkenburg", "Traumland", "Entdeckerland", "Kinderinsel",
    "St. Josef", "St. Michael", "Buntstift", "Glühwürmchen", "Seepferdchen", "Pfiffikus",
)
SCHOOL_KINDS = (
    ("Grundschule", 0.62), ("Gesamtschule", 0.1), ("Gymnasium", 0.12), ("Realschule", 0.08),
    ("Förderschule", 0.08),
)
COUNSELLING_KINDS = (
    "Erziehungsberatungsstelle", "Familienberatung", "Schuldnerberatung", "Suchtberatung",
    "Migrationsberatung", "Jugendmigrationsdienst", "Sozialberatung", "Schwangerschaftsberatung",
    "Seniorenberatung", "Stadtteilbüro", "Familienzentrum", "Pflegeberatung",
)
RIVER_NAME = "Weißbach"
SIDE_ARM_NAME = "Mühlengraben"
RAILWAY_NAME = "Bahnstrecke Köln–Musterstadt–Lüttich"
MOTORWAY_NAME = "A 47"


class NamePool:
    """Hands out unique names: first from curated lists, then generated compounds."""

    def __init__(self, rng):
        self._rng = rng
        self.used = set()
        compounds = [p + s for p in _PREFIXES for s in _SUFFIXES]
        order = rng.permutation(len(compounds))
        self._compounds = [compounds[k] for k in order]

    def take(self, candidates=()):
        for name in candidates:
            if name not in self.used:
                self.used.add(name)
                return name
        while self._compounds:
            name = self._compounds.pop()
            if name not in self.used:
                self.used.add(name)
                return name
        k = len(self.used) + 1  # pragma: no cover - only after ~480 districts
        name = "Bezirk %d" % k
        self.used.add(name)
        return name

    def street(self):
        """A plausible street name (not necessarily unique)."""
        prefix = _PREFIXES[int(self._rng.integers(len(_PREFIXES)))]
        suffix = STREET_SUFFIXES[int(self._rng.integers(len(STREET_SUFFIXES)))]
        return prefix + suffix


def compass(angle):
    """Compass sector ('N', 'NE', ...) of an angle in radians (0 = east, counter-clockwise)."""
    sectors = ("E", "NE", "N", "NW", "W", "SW", "S", "SE")
    return sectors[int(np.floor((angle + np.pi / 8) / (np.pi / 4))) % 8]
