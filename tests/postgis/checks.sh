# Sourced by the PostGIS test scripts: failures counted and said, a clean scratch folder, and
# the end of a run.
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
fresh_scratch() {
    rm -rf "$1"
    mkdir -p "$1"
}
# The tables, indexes and triggers of GeoPackage $1 with the statements that made them.
schema_of() {
    /usr/bin/python3 -c 'import sqlite3,sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for r in c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"): print(r)' "$1"
}
finish() {
    if ((failures)); then
        echo "$failures failure(s)"
        exit 1
    fi
    echo "$1"
}

# SQL: the SRIDs (one row each) of the geometry columns of schema $1, from the catalogue as GIS
# clients read the column types (not PostGIS's geometry_columns view, which fails while a test
# beside this one drops its schema).
geometry_srids_sql() {
    echo "SELECT DISTINCT postgis_typmod_srid(a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid WHERE n.nspname = '$1' AND t.typname = 'geometry' AND a.attnum > 0 AND NOT a.attisdropped"
}
