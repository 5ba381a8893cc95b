#!/usr/bin/env bash
# Rebuilds VieclamStamp-Bold.ttf, the font the photo stamp is drawn with: Noto Sans Bold from Debian's
# fonts-noto-core package, cut down to Latin + Vietnamese (about 33 KB instead of 515 KB, because the font is
# compiled into the mobile library) and renamed, since a Modified Version should not present itself as Noto.
# Needs: apt-get, dpkg-deb, python3 with venv. Run from anywhere; writes next to this script.
set -euo pipefail
export SOURCE_DATE_EPOCH=1609459200  # fixed head.modified, so a rebuild is byte-identical
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core=20201225-1
dpkg-deb -x fonts-noto-core_20201225-1_all.deb x
src=x/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
echo "e83493c945848ecd4a9ad0f6d19164541a0d3e23a9c952304a00a46e00272ac5  $src" | sha256sum -c -
python3 -m venv venv
venv/bin/pip install -q fonttools==4.68.0
# Basic Latin, Latin-1, Latin Extended-A, Ơ ơ Ư ư, the five tone marks as combining characters, Latin Extended
# Additional (every precomposed Vietnamese letter), dashes, quotes, bullet, ellipsis, primes, ₫, №, minus.
venv/bin/pyftsubset "$src" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01B0,U+0300-0303,U+0309,U+0323,U+1EA0-1EF9,U+2010-2015,U+2018-201E,U+2022,U+2026,U+2032-2033,U+20AB,U+2116,U+2212" \
  --no-hinting --layout-features='' --output-file=sub.ttf
venv/bin/python - <<'PY'
from fontTools.ttLib import TTFont
f = TTFont("sub.ttf")
names = {1: "Vieclam Stamp", 2: "Bold", 3: "VieclamStamp-Bold;derived from Noto Sans Bold 2.004",
         4: "Vieclam Stamp Bold", 6: "VieclamStamp-Bold", 16: "Vieclam Stamp", 17: "Bold"}
table = f["name"]
for rec in list(table.names):
    if rec.nameID in names:
        rec.string = names[rec.nameID]
f.save("VieclamStamp-Bold.ttf")
PY
cp VieclamStamp-Bold.ttf "$here/VieclamStamp-Bold.ttf"
sha256sum "$here/VieclamStamp-Bold.ttf"
