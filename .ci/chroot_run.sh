#!/usr/bin/env bash
# Run the README's two commands (`make demo`, `make test`) on a fresh Debian SUITE: a clean root
# file system made with debootstrap, a fresh clone of COMMIT, nothing from the host inside.
#
#   .ci/chroot_run.sh SUITE [COMMIT]      (SUITE: bookworm | trixie | trixie-backports)
#
# Cached between runs (safe, since none of it is the system under test):
# - the debootstrapped base (minbase + .ci/base-packages.txt) as a tarball keyed by suite,
#   mirror and package list; it holds no QGIS, so `make` must install QGIS every run;
# - downloaded .deb files and pip wheels (download caches only: apt and pip still resolve and
#   install everything afresh in the new root).
set -euo pipefail

SUITE=${1:?usage: chroot_run.sh SUITE [COMMIT]}
REPO=$(cd "$(dirname "$0")/.." && pwd)
COMMIT=${2:-$(git -C "$REPO" rev-parse HEAD)}
MIRROR=${SOZIALRAUM_CI_MIRROR:-http://deb.debian.org/debian}
CACHE=${SOZIALRAUM_CI_CACHE:-/var/cache/sozialraum-ci}
WORK=${SOZIALRAUM_CI_WORK:-/var/tmp/sozialraum-ci}
BASE_SUITE=${SUITE%-backports}

[ "$(id -u)" -eq 0 ] || { echo "chroot_run.sh needs root (debootstrap, chroot, mount)" >&2; exit 1; }
for tool in debootstrap zstd; do
    command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done

mkdir -p "$CACHE" "$WORK"
PACKAGES=$(grep -v '^#' "$REPO/.ci/base-packages.txt" | xargs | tr ' ' ',')
KEY=$(printf '%s\n' "$BASE_SUITE" "$MIRROR" "$PACKAGES" "minbase-v1" | sha256sum | cut -c1-16)
TARBALL="$CACHE/base-$BASE_SUITE-$KEY.tar.zst"

stamp() { date +%s; }
say() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "$SUITE" "$*"; }

if [ ! -s "$TARBALL" ]; then
    say "bootstrapping $BASE_SUITE (no cached base $TARBALL)"
    T0=$(stamp)
    TMPBASE=$(mktemp -d "$WORK/bootstrap-$BASE_SUITE.XXXX")
    debootstrap --variant=minbase --include="$PACKAGES" "$BASE_SUITE" "$TMPBASE" "$MIRROR" \
        > "$TMPBASE.log" 2>&1 || { tail -30 "$TMPBASE.log"; exit 1; }
    rm -rf "$TMPBASE"/var/cache/apt/archives/*.deb "$TMPBASE"/var/lib/apt/lists/*
    # suites sharing a base (trixie, trixie-backports) may bootstrap at once: each writes its own part
    tar -C "$TMPBASE" --zstd -cf "$TARBALL.part.$$" . && mv "$TARBALL.part.$$" "$TARBALL"
    rm -rf "$TMPBASE" "$TMPBASE.log"
    say "base bootstrapped in $(( $(stamp) - T0 )) s"
fi

ROOT=$(mktemp -d "$WORK/root-$SUITE.XXXX")
chmod 755 "$ROOT"  # apt drops to the _apt user, which must reach the root
MOUNTS=()
cleanup() {
    local m
    for (( i=${#MOUNTS[@]}-1; i>=0; i-- )); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
    # Only remove the root once nothing is mounted inside it any more.
    if ! grep -q " $ROOT" /proc/mounts; then rm -rf --one-file-system "$ROOT"; fi
}
trap cleanup EXIT
bind() { mkdir -p "$2"; mount --bind "$1" "$2"; MOUNTS+=("$2"); }

T0=$(stamp)
tar -C "$ROOT" --zstd -xf "$TARBALL"
# again after the tarball: it stores "." with the 0700 of debootstrap's mktemp folder, so the root was
# root-only and the postgres user could not run /usr/lib/postgresql/*/bin/initdb (Permission denied)
chmod 755 "$ROOT"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
{
    echo "deb $MIRROR $BASE_SUITE main"
    echo "deb $MIRROR $BASE_SUITE-updates main"
    [ "$SUITE" = "$BASE_SUITE" ] || echo "deb $MIRROR $SUITE main"
} > "$ROOT/etc/apt/sources.list"
if [ "$SUITE" != "$BASE_SUITE" ]; then
    # Prefer the backports' QGIS (and whatever it needs) over the release's. Pin by codename:
    # the archive of trixie-backports is called stable-backports.
    printf 'Package: *\nPin: release n=%s\nPin-Priority: 600\n' "$SUITE" > "$ROOT/etc/apt/preferences.d/backports"
fi
echo 'APT::Keep-Downloaded-Packages "true";' > "$ROOT/etc/apt/apt.conf.d/90keep-debs"
# The shared download cache is owned by root; apt's _apt user need not write to it.
echo 'APT::Sandbox::User "root";' > "$ROOT/etc/apt/apt.conf.d/90sandbox"
# This machine reaches the registries through a TLS proxy whose CA its own trust store holds;
# a fresh machine here has the same, so the root gets the certificates Debian's bundle lacks.
python3 - "$ROOT" <<'PY'
import re, sys
pem = re.compile(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)
host = pem.findall(open("/etc/ssl/certs/ca-certificates.crt").read())
root = sys.argv[1]
debian = set(pem.findall(open(root + "/etc/ssl/certs/ca-certificates.crt").read()))
extra = [cert for cert in host if cert not in debian]
for number, cert in enumerate(extra):
    open(f"{root}/usr/local/share/ca-certificates/machine-{number}.crt", "w").write(cert + "\n")
print(f"{len(extra)} certificate(s) of this machine's trust store added")
PY
chroot "$ROOT" update-ca-certificates > /dev/null 2>&1
mkdir -p "$CACHE/apt-$SUITE" "$CACHE/pip-$SUITE"
mount -t proc proc "$ROOT/proc"; MOUNTS+=("$ROOT/proc")
bind /sys "$ROOT/sys"
bind /dev "$ROOT/dev"
bind /dev/pts "$ROOT/dev/pts"
mount -t tmpfs tmpfs "$ROOT/dev/shm"; MOUNTS+=("$ROOT/dev/shm")
bind "$CACHE/apt-$SUITE" "$ROOT/var/cache/apt/archives"
bind "$CACHE/pip-$SUITE" "$ROOT/root/.cache/pip"
git clone -q --no-hardlinks "$REPO" "$ROOT/root/sozialraum"
git -C "$ROOT/root/sozialraum" checkout -q "$COMMIT"
say "fresh root ready with clone of ${COMMIT:0:10} in $(( $(stamp) - T0 )) s"

in_root() {
    chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI=true \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        bash -c "cd /root/sozialraum && $1"
}

STATUS=0
for target in demo test; do
    T0=$(stamp)
    say "make $target"
    if in_root "make $target" > "$WORK/$SUITE-$target.log" 2>&1; then
        RESULT=ok
    else
        RESULT=FAILED; STATUS=1
    fi
    tail -n 25 "$WORK/$SUITE-$target.log" | sed "s/^/    /"
    say "make $target: $RESULT in $(( $(stamp) - T0 )) s (log $WORK/$SUITE-$target.log)"
    [ $STATUS -eq 0 ] || break
done
in_root 'qgis_process.bin --version 2>/dev/null | grep -i -m2 -E "qgis|python"; /usr/bin/python3 -c "import shapely, pandas, numpy; print(\"shapely\", shapely.__version__, \"pandas\", pandas.__version__, \"numpy\", numpy.__version__)"' || true
exit $STATUS
