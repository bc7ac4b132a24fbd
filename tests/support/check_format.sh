#!/usr/bin/env bash
# Fails when a tracked C++ source is not formatted as .clang-format says, naming the files;
# fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "${1:?usage: check_format.sh SOURCE_DIR}"
formatter=$(command -v clang-format || command -v clang-format-14 || true)
if [ -z "$formatter" ]; then
    echo "clang-format is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
    mapfile -t files < <(find gis layers app tests -name '*.cpp' -o -name '*.h')
fi
# One run over all files (a few seconds); its complaints name each file and line.
mapfile -t unformatted < <("$formatter" --dry-run "${files[@]}" 2>&1 | grep -o '^[^:]*:[0-9]*:[0-9]*: [a-z]*: code should be clang-formatted' | cut -d: -f1 | sort -u || true)
if [ ${#unformatted[@]} -gt 0 ]; then
    echo "${#unformatted[@]} file(s) not formatted as .clang-format says:" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "fix with: git ls-files '*.cpp' '*.h' | xargs $formatter -i" >&2
    exit 1
fi
echo "${#files[@]} C++ files formatted as .clang-format says"
