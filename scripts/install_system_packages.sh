#!/usr/bin/env bash
# Install QGIS and the Debian Python stack when they are missing (Debian/Ubuntu).
# Runs apt-get as root, or through sudo when that works without a password; otherwise
# says what to install and fails.
set -euo pipefail

PACKAGES=(qgis python3-qgis qgis-providers python3-gdal python3-pandas python3-sklearn python3-shapely
          python3-scipy python3-venv python3-pip qttools5-dev-tools xvfb xauth git poppler-utils
          chromium chromium-driver python3-selenium)  # the web atlas's tests: headless Chromium, offline
PYTHON=/usr/bin/python3

have_everything() {
    [ -x "$PYTHON" ] &&
    "$PYTHON" -c "import qgis.core, osgeo.ogr, pandas, sklearn, shapely, scipy, ensurepip, selenium" 2>/dev/null &&
    command -v qgis_process.bin >/dev/null && command -v lrelease >/dev/null &&
    command -v Xvfb >/dev/null && command -v git >/dev/null && command -v pdftoppm >/dev/null &&
    command -v chromium >/dev/null && command -v chromedriver >/dev/null &&
    have_postgis
}

# The PostGIS tests start their own server: a PostgreSQL server with PostGIS (tests/qgis/postgres_server.py).
have_postgis() {
    local initdb
    for initdb in /usr/lib/postgresql/*/bin/initdb; do
        [ -x "$initdb" ] && [ -f "/usr/share/postgresql/$(basename "$(dirname "$(dirname "$initdb")")")/extension/postgis.control" ] && return 0
    done
    return 1
}

# Debian's PostGIS package carries the server's major version (postgresql-15-postgis-3 on bookworm,
# postgresql-17-postgis-3 on trixie): take the version the suite's "postgresql" stands for.
postgis_package() {
    local version
    version=$(apt-cache depends postgresql 2>/dev/null | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n1)
    [ -n "$version" ] || { echo "apt offers no PostgreSQL server (package postgresql)" >&2; return 1; }
    echo "postgresql-$version-postgis-3"
}

if have_everything; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "QGIS or its Python packages are missing. Install them as root:" >&2
    echo "  apt-get install ${PACKAGES[*]} postgresql postgresql-<version>-postgis-3" >&2
    exit 1
fi

echo "Installing QGIS and the Python stack from the distribution (a few minutes) ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
PACKAGES+=(postgresql "$(postgis_package)")
$SUDO apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
have_everything || { echo "Installation finished but QGIS is still not usable from $PYTHON" >&2; exit 1; }
