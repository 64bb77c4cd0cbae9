#!/usr/bin/env bash
# Refreshes the reference data shipped in src/main/resources/reference/ (README.md there) from the upstream repos.
# Run by hand, never by the build or the tests; then run the atc tests, update the commits in README.md and
# LICENSE-vatspy-simaware, and commit the new .gz files.
#
#   scripts/update-reference-data.sh [VATSPY_REF [SIMAWARE_REF [VRS_REF]]]
#
# Each REF is a commit, a branch or a tag; the default is the newest commit of the default branch (HEAD).
# Needs git, curl, tar, gzip and a JDK 21+ `java` (for the SimAware merge).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/main/resources/reference
VATSPY=vatsimnetwork/vatspy-data-project
SIMAWARE=vatsimnetwork/simaware-tracon-project
VRS=vradarserver/standing-data

resolve() { # REPO REF -> the commit it names now
  if [[ $2 =~ ^[0-9a-f]{40}$ ]]; then echo "$2"; return; fi
  local sha
  sha=$(git ls-remote "https://github.com/$1.git" "$2" | awk 'NR==1 {print $1}')
  [[ -n $sha ]] || { echo "no ref '$2' in $1" >&2; exit 1; }
  echo "$sha"
}
vatspy_ref=$(resolve "$VATSPY" "${1:-HEAD}")
simaware_ref=$(resolve "$SIMAWARE" "${2:-HEAD}")
vrs_ref=$(resolve "$VRS" "${3:-HEAD}")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# VAT-Spy: two files, taken unmodified.
for f in VATSpy.dat Boundaries.geojson; do
  curl -fsSL "https://raw.githubusercontent.com/$VATSPY/$vatspy_ref/$f" -o "$tmp/$f"
done

# SimAware: the repo holds one file per sector; its combined TRACONBoundaries.geojson is a release artifact that git
# ignores. Take the tree at the commit and merge it the way the repo's scripts/bin/compile.ts does.
mkdir "$tmp/simaware"
curl -fsSL "https://codeload.github.com/$SIMAWARE/tar.gz/$simaware_ref" | tar -xz -C "$tmp/simaware" --strip-components=1
java scripts/MergeTracons.java "$tmp/simaware/Boundaries" "$tmp/TRACONBoundaries.geojson"

# VRS standing data: airports split into many CSV files with one header each (and a UTF-8 BOM); one table here.
mkdir "$tmp/vrs"
curl -fsSL "https://codeload.github.com/$VRS/tar.gz/$vrs_ref" | tar -xz -C "$tmp/vrs" --strip-components=1 \
  --wildcards '*/airports/schema-01/*' '*/aircraft/schema-01/*' '*/model-type/schema-01/*' '*/airlines/schema-01/*'
merge() { # DIR OUT: every CSV under DIR (sorted) as one table with the first file's header
  local parts
  mapfile -t parts < <(find "$1" -name '*.csv' | LC_ALL=C sort)
  [[ ${#parts[@]} -gt 0 ]] || { echo "no CSV files under $1 in $VRS@$vrs_ref" >&2; exit 1; }
  {
    head -n 1 "${parts[0]}" | sed 's/^\xEF\xBB\xBF//'
    for p in "${parts[@]}"; do tail -n +2 "$p" | sed 's/^\xEF\xBB\xBF//'; done
  } | tr -d '\r' | grep -v '^$' > "$2"
}
merge "$tmp/vrs/airports/schema-01" "$tmp/airports-vrs-standing-data.csv"
merge "$tmp/vrs/aircraft/schema-01" "$tmp/aircraft-vrs-standing-data.csv"
merge "$tmp/vrs/model-type/schema-01" "$tmp/model-types-vrs-standing-data.csv"
merge "$tmp/vrs/airlines/schema-01" "$tmp/airlines-vrs-standing-data.csv"

# Cheap checks before anything is replaced: the sections and keys the loaders read.
grep -q '^\[FIRs\]' "$tmp/VATSpy.dat" && grep -q '^\[UIRs\]' "$tmp/VATSpy.dat"
grep -q '"FeatureCollection"' "$tmp/Boundaries.geojson"
head -n 1 "$tmp/airports-vrs-standing-data.csv" | grep -q 'ICAO'
head -n 1 "$tmp/aircraft-vrs-standing-data.csv" | grep -q '^ICAO,Registration,ModelICAO'
head -n 1 "$tmp/model-types-vrs-standing-data.csv" | grep -q 'WakeTurbulenceCode'
head -n 1 "$tmp/airlines-vrs-standing-data.csv" | grep -q 'ICAO' 

for f in VATSpy.dat Boundaries.geojson TRACONBoundaries.geojson airports-vrs-standing-data.csv \
  aircraft-vrs-standing-data.csv model-types-vrs-standing-data.csv airlines-vrs-standing-data.csv; do
  gzip -9 -n -c "$tmp/$f" > "$OUT/$f.gz"
  printf '%-34s %10d bytes, %9d gzip\n' "$f" "$(wc -c < "$tmp/$f")" "$(wc -c < "$OUT/$f.gz")"
done
echo "VAT-Spy  $VATSPY @ $vatspy_ref"
echo "SimAware $SIMAWARE @ $simaware_ref"
echo "VRS      $VRS @ $vrs_ref"
echo "Now: mvnj -o -q test -Dtest='io.skysentinel.atc.*Test', update the commits in $OUT/README.md and LICENSE-*."
