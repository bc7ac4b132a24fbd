#!/usr/bin/env bash
# Benchmark: the small hostile inputs of issue 19 that used to cost minutes, as they cost now.
#  1. Geometry repair of one polygon whose ring runs through N random points (~N²/20
#     crossings): `planatlas import` against a peer doing less in the same run — `ogr2ogr
#     -makevalid` (GDAL calling GEOS MakeValid, linework method, as PlanAtlas did before).
#  2. A .docx of M '&' characters and a text plan with one paragraph of M bytes: `planatlas
#     ingest`, at M and 2M, to show the growth is linear (ratio near 2, was near 4).
#  3. `planatlas grid --cell-km 0.0001`: refused up front (was: no end in sight).
#  4. A 0.5 MB .kmz whose one placemark name inflates to 512 MB: `planatlas import` (refused
#     from the zip's directory) against `ogrinfo -so` reading the same file (the peer: GDAL
#     parsing it, as PlanAtlas's import did before — 44 s and 4.8 GB).
# Prints medians of R runs. The peer at N=400 takes ~45 s a run.
#   tests/bench/hostile_inputs.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
runs=${2:-3}
source tests/bench/common.sh
pa=$build/app/planatlas
work=$(realpath -m "$build/bench/hostile")
rm -rf "$work" && mkdir -p "$work"
seconds() { local s e; s=$(now); "$@" >/dev/null 2>&1 || true; e=$(now); elapsed "$s" "$e"; }
# The outcome of one import: which repair it took, or the refusal; anything else stops the bench.
outcome_of() {
    local out
    out=$("$@" 2>&1) && { grep -o 'structure method' <<<"$out" | head -1 || echo linework; return; }
    grep -o 'more than [0-9]* points' <<<"$out" | head -1 && return
    echo "unexpected failure: $out" >&2
    exit 1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "1. repair of a ring through N random points (PlanAtlas import vs ogr2ogr -makevalid)"
for n in 100 200 400 1000; do
    /usr/bin/python3 - "$work/r$n.geojson" "$n" <<'PY'
import json, random, sys
random.seed(42)
n = int(sys.argv[2])
pts = [[105.7 + random.random() * 0.3, 21.5 + random.random() * 0.3] for _ in range(n)]
pts.append(pts[0])
json.dump({"type": "FeatureCollection", "features": [{"type": "Feature",
           "properties": {"code": "R%d" % n, "name": "KCN ngẫu nhiên"}, "geometry": {"type": "Polygon",
           "coordinates": [pts]}}]}, open(sys.argv[1], "w"))
PY
    a=(); b=()
    for ((i = 0; i < runs; ++i)); do
        rm -f "$work/w.gpkg" "$work/o.gpkg"
        "$pa" init "$work/w.gpkg" --province "Thái Nguyên" --crs EPSG:9213 >/dev/null
        a+=("$(seconds "$pa" import "$work/w.gpkg" "$work/r$n.geojson" --kind industrial_park --code-field code --quiet)")
        if ((n <= 400)); then
            b+=("$(seconds ogr2ogr -makevalid -t_srs EPSG:9213 "$work/o.gpkg" "$work/r$n.geojson")")
        fi
    done
    rm -f "$work/w.gpkg"
    "$pa" init "$work/w.gpkg" --province "Thái Nguyên" --crs EPSG:9213 >/dev/null
    outcome=$(outcome_of "$pa" import "$work/w.gpkg" "$work/r$n.geojson" --kind industrial_park --code-field code)
    m_a=$(printf '%s\n' "${a[@]}" | median)
    if ((n <= 400)); then
        m_b=$(printf '%s\n' "${b[@]}" | median)
        printf '  N=%-5d PlanAtlas %6.2f s   ogr2ogr -makevalid %7.2f s   ratio %s   (%s)\n' "$n" "$m_a" "$m_b" "$(ratio "$m_a" "$m_b")" "$outcome"
    else
        printf '  N=%-5d PlanAtlas %6.2f s   ogr2ogr -makevalid not run (minutes)   (%s)\n' "$n" "$m_a" "$outcome"
    fi
done

echo "2. plan documents made of one huge run (PlanAtlas ingest --format json)"
/usr/bin/python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
head = ("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>1. Sở Công Thương chủ trì "
        "xây dựng kế hoạch phát triển cụm công nghiệp.</w:t></w:r></w:p>")
for m, name in ((2_000_000, "amp1"), (4_000_000, "amp2")):
    with zipfile.ZipFile(f"{work}/{name}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body>" + head + "<w:p><w:r><w:t>" +
                   "&" * m + "</w:t></w:r></w:p></w:body></w:document>")
sentence = "Sở Xây dựng chủ trì rà soát quy hoạch các khu đô thị mới, "
for reps, name in ((55_000, "para1"), (110_000, "para2")):
    open(f"{work}/{name}.txt", "w").write(
        "KẾ HOẠCH\n\n1. Sở Công Thương chủ trì xây dựng kế hoạch phát triển cụm công nghiệp.\n\n2. "
        + sentence * reps + "\n")
PY
for pair in "amp1 amp2 .docx 2 4 MB of '&'" "para1 para2 .txt 4.2 8.4 MB paragraph"; do
    read -r one two ext s1 s2 what <<<"$pair"
    a=(); b=()
    for ((i = 0; i < runs; ++i)); do
        a+=("$(seconds "$pa" ingest --format json "$work/$one$ext")")
        b+=("$(seconds "$pa" ingest --format json "$work/$two$ext")")
    done
    m_a=$(printf '%s\n' "${a[@]}" | median)
    m_b=$(printf '%s\n' "${b[@]}" | median)
    printf '  %s %s: %.2f s   %s %s: %.2f s   growth ×%s for ×2 input\n' "$s1" "$what" "$m_a" "$s2" "$what" "$m_b" "$(ratio "$m_b" "$m_a")"
done

echo "3. grid of 0.1 m cells over the province"
cp "$build/data/thai_nguyen.gpkg" "$work/g.gpkg"
a=()
for ((i = 0; i < runs; ++i)); do
    a+=("$(seconds "$pa" grid "$work/g.gpkg" --cell-km 0.0001)")
done
printf '  refused in %.2f s: %s\n' "$(printf '%s\n' "${a[@]}" | median)" "$("$pa" grid "$work/g.gpkg" --cell-km 0.0001 2>&1 | cut -c1-100)"

echo "4. a .kmz whose one name inflates to 512 MB (PlanAtlas import vs ogrinfo -so)"
/usr/bin/python3 - "$work/bomb.kmz" <<'PY'
import sys, zipfile
kml = ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
       '<name>' + 'A' * (512 << 20) + '</name><Point><coordinates>105.8,21.6</coordinates>'
       '</Point></Placemark></Document></kml>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("doc.kml", kml)
PY
a=(); b=()
for ((i = 0; i < runs; ++i)); do
    rm -f "$work/k.gpkg"
    "$pa" init "$work/k.gpkg" --province "Thái Nguyên" --crs EPSG:9213 >/dev/null
    a+=("$(seconds "$pa" import "$work/k.gpkg" "$work/bomb.kmz" --kind urban_centre)")
    b+=("$(seconds ogrinfo -so "$work/bomb.kmz")")
done
m_a=$(printf '%s\n' "${a[@]}" | median)
m_b=$(printf '%s\n' "${b[@]}" | median)
printf '  %s KB: PlanAtlas %.2f s   ogrinfo -so %.2f s   ratio %s   (%s)\n' "$(($(stat -c %s "$work/bomb.kmz") >> 10))" "$m_a" "$m_b" "$(ratio "$m_a" "$m_b")" \
    "$("$pa" import "$work/k.gpkg" "$work/bomb.kmz" --kind urban_centre 2>&1 | grep -o 'expands from [^,]*' | head -1)"
