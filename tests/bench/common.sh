# Shared by the benchmark scripts (sourced): the synthetic-parcel workspace and medians.

# bench_workspace PLANATLAS BUILD_DIR N → prints the path of a copy of the Thái Nguyên sample
# with about N synthetic parcels (generated once, kept in BUILD_DIR/bench).
bench_workspace() {
    local planatlas=$1 build=$2 count=$3
    local ws
    ws=$(realpath -m "$build/bench/parcels_${count}.gpkg")
    mkdir -p "$(dirname "$ws")"
    if [[ ! -f $ws ]]; then
        echo "generating $count parcels (once; kept in $ws)…" >&2
        cp "$build/data/thai_nguyen.gpkg" "$ws.tmp.gpkg"
        "$planatlas" parcels "$ws.tmp.gpkg" --count "$count" --seed 7 --province province_pre2025 >&2
        mv "$ws.tmp.gpkg" "$ws"
    fi
    echo "$ws"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN {print e - s}'; }
parcel_count() {
    /usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM parcels_synthetic").fetchone()[0])' "$1"
}

# need_postgis: Debian's PostgreSQL 15 and PostGIS 3.3, installed when missing.
need_postgis() {
    if [[ ! -x /usr/lib/postgresql/15/bin/initdb || ! -f /usr/share/postgresql/15/extension/postgis.control ]]; then
        local sudo=
        ((EUID == 0)) || sudo=sudo
        $sudo apt-get install -y postgresql-15 postgresql-15-postgis-3 >/dev/null
    fi
}
