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
finish() {
    if ((failures)); then
        echo "$failures failure(s)"
        exit 1
    fi
    echo "$1"
}
