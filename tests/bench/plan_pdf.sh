#!/usr/bin/env bash
# Benchmark: read a 100-page plan document delivered as a PDF with a text layer (the real
# Quảng Ninh decision typeset and repeated to 100 pages by tests/plans/MakePlanPdf), PlanAtlas's
# `ingest --format json` (PDF text layer, reading order, tables, then the plan reader) against a
# peer doing part of that work in the same run: poppler's own `pdftotext -layout` extracting
# the text alone. Goal (issue 12): under 10 s. Prints medians of R runs and their ratio.
#   tests/bench/plan_pdf.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
runs=${2:-3}
source tests/bench/common.sh
work=$build/bench
mkdir -p "$work"
doc=../shared/plans/corpus/quang-ninh_qd_96_2025.txt
[[ -f $doc ]] || doc=data/thai_nguyen/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt
pdf=$work/plan_100_pages.pdf
# Repeat the document until the PDF has at least 100 pages.
for repeat in 4 6 8 10 12 16 20; do
    "$build/tests/make_plan_pdf" "$doc" "$pdf" --repeat "$repeat" 2>/dev/null
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    ((pages >= 100)) && break
done
echo "document: $pdf ($pages pages, $(du -h "$pdf" | cut -f1))"
seconds() { local s e; s=$(now); "$@" >/dev/null 2>&1; e=$(now); elapsed "$s" "$e"; }
pa=(); pt=()
for ((i = 0; i < runs; ++i)); do
    pa+=("$(seconds "$build/app/planatlas" ingest --format json "$pdf")")
    pt+=("$(seconds pdftotext -layout "$pdf" "$work/plan_100_pages.txt")")
done
tasks=$("$build/app/planatlas" ingest --format json "$pdf" 2>/dev/null | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["tasks"]))')
m_pa=$(printf '%s\n' "${pa[@]}" | median)
m_pt=$(printf '%s\n' "${pt[@]}" | median)
printf 'PlanAtlas ingest (PDF → %s tasks): median %.2f s   pdftotext -layout: median %.2f s   ratio %.2f\n' \
    "$tasks" "$m_pa" "$m_pt" "$(awk -v a="$m_pa" -v b="$m_pt" 'BEGIN {print a / b}')"
awk -v a="$m_pa" 'BEGIN {print (a < 10 ? "goal met: a 100-page PDF read in under 10 s" : "goal NOT met: over 10 s"); exit (a < 10 ? 0 : 1)}'
