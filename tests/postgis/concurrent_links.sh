#!/usr/bin/env bash
# Two planners editing the links of the same task in one schema at the same moment, as two
# database roles in two processes:
#   1. blind adds and removes, N each, at once: every edit lands, the edit log holds each one
#      with the role that made it;
#   2. edits made on what each planner read (--if-last-edit): each process repeats its N adds
#      until they land; a refused one exits 6, names the other planner and writes nothing; in
#      the end every link is there and the log holds exactly the edits that landed;
#   3. a stale edit and a stale review file, made one after the other: refused, nothing written;
#   4. a reader's edit is refused before anything is tried, and leaves the log as it was.
# usage: concurrent_links.sh PLANATLAS SCRATCH WS.gpkg [N] (libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
ws=${3:?workspace}
n=${4:-6}
# shellcheck source=checks.sh
. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
fresh_scratch "$scratch"
s=links_$$
owner="PG:service=planatlas_test active_schema=$s"
editor="PG:service=planatlas_test_editor active_schema=$s"
reader="PG:service=planatlas_test_reader active_schema=$s"
sql() { psql -X -q -At "service=planatlas_test" -v ON_ERROR_STOP=1 -c "$1"; }
"$planatlas" copy "$ws" "$owner" --quiet >/dev/null || fail "copy"
"$planatlas" admin "$owner" grant planatlas_editor --as editor >/dev/null || fail "grant editor"
"$planatlas" admin "$owner" grant planatlas_reader --as reader >/dev/null || fail "grant reader"

# A task linked to no industrial park or cluster, and 2N + 2 of them to link it to.
task=$(sql "SELECT t.task_id FROM $s.plan_tasks t WHERE t.fid NOT IN (SELECT related_id FROM \
$s.industrial_parks_task_links UNION SELECT related_id FROM $s.industrial_clusters_task_links) \
ORDER BY t.fid LIMIT 1")
mapfile -t codes < <(sql "SELECT code FROM (SELECT code FROM $s.industrial_parks UNION ALL SELECT \
code FROM $s.industrial_clusters) c ORDER BY code LIMIT $((2 * n + 2))")
if [[ -z $task ]] || ((${#codes[@]} != 2 * n + 2)); then
    fail "the sample has no task to link or only ${#codes[@]} features to link it to"
    finish ""
fi
mine=("${codes[@]:0:n}")
theirs=("${codes[@]:n:n}")
extra=("${codes[@]:2*n:2}")
links_of_task() { # beyond those it had
    "$planatlas" link "$owner" list --task "$task" --format json | python3 -c \
        'import json,sys; print(len(json.load(sys.stdin)) - int(sys.argv[1]))' "${had:-0}"
}
log_count() { sql "SELECT COUNT(*) FROM $s.pa_edit_log WHERE task_id = '$task' $1"; }
last_edit() {
    "$planatlas" link "$1" list --task "$task" | sed -n 's/^last edit: \([0-9]*\).*/\1/p'
}
had=$(links_of_task)

# 1. Blind adds, then blind removes, by both at once.
blind() { # WS ACTION CODES…: one process's edits, failures counted in its file
    local w=$1 action=$2 bad=0
    shift 2
    for code in "$@"; do
        "$planatlas" link "$w" "$action" --task "$task" --feature "$code" >/dev/null 2>>"$scratch/$action.err" ||
            bad=$((bad + 1))
    done
    echo "$bad" >>"$scratch/$action.bad"
}
blind "$owner" add "${mine[@]}" &
blind "$editor" add "${theirs[@]}" &
wait
[[ $(cat "$scratch/add.bad") == $'0\n0' ]] || fail "blind adds failed: $(cat "$scratch/add.err")"
[[ $(links_of_task) == $((2 * n)) ]] || fail "after blind adds: $(links_of_task) links, not $((2 * n))"
[[ $(log_count "AND action = 'link_add' AND who = 'planatlas_owner'") == "$n" ]] ||
    fail "the log does not hold the owner's $n adds"
[[ $(log_count "AND action = 'link_add' AND who = 'planatlas_editor'") == "$n" ]] ||
    fail "the log does not hold the editor's $n adds"
blind "$owner" remove "${theirs[@]}" &
blind "$editor" remove "${mine[@]}" &
wait
[[ $(cat "$scratch/remove.bad") == $'0\n0' ]] || fail "blind removes failed: $(cat "$scratch/remove.err")"
[[ $(links_of_task) == 0 ]] || fail "after blind removes: $(links_of_task) links left"
[[ $(log_count "AND action = 'link_remove'") == $((2 * n)) ]] || fail "the log lacks removes"
# Each removal is logged by whoever made it.
[[ $(sql "SELECT COUNT(*) FROM $s.pa_edit_log WHERE task_id = '$task' AND action = 'link_remove' \
AND who = 'planatlas_editor' AND feature_code IN ($(printf "'%s'," "${mine[@]}" | sed 's/,$//'))") == "$n" ]] ||
    fail "the editor's removals are not logged as the editor's"

# 2. Edits on what was read: retried until they land, conflicts said.
careful() { # WS NAME OTHER_ROLE CODES…
    local w=$1 name=$2 other=$3 conflicts=0 rc last
    shift 3
    for code in "$@"; do
        for ((attempt = 0; attempt < 200; ++attempt)); do
            last=$(last_edit "$w")
            "$planatlas" link "$w" add --task "$task" --feature "$code" --if-last-edit "$last" \
                >/dev/null 2>"$scratch/$name.msg"
            rc=$?
            ((rc == 0)) && break
            if ((rc != 6)); then
                echo "exit $rc: $(cat "$scratch/$name.msg")" >>"$scratch/$name.other"
                break
            fi
            conflicts=$((conflicts + 1))
            grep -q "changed by someone else after you read it" "$scratch/$name.msg" &&
                grep -q "$other" "$scratch/$name.msg" ||
                echo "unclear conflict: $(cat "$scratch/$name.msg")" >>"$scratch/$name.other"
        done
    done
    echo "$conflicts" >"$scratch/$name.conflicts"
}
before=$(log_count "")
careful "$owner" owner planatlas_editor "${mine[@]}" &
careful "$editor" editor planatlas_owner "${theirs[@]}" &
wait
for who in owner editor; do
    [[ -e $scratch/$who.other ]] && fail "$who: $(cat "$scratch/$who.other")"
done
conflicts=$(($(cat "$scratch/owner.conflicts") + $(cat "$scratch/editor.conflicts")))
[[ $(links_of_task) == $((2 * n)) ]] || fail "after careful adds: $(links_of_task) links, not $((2 * n))"
[[ $(log_count "") == $((before + 2 * n)) ]] ||
    fail "the log holds $(($(log_count "") - before)) careful edits, not $((2 * n)) (refused ones logged?)"

# 3. A stale edit, made after the other planner's: refused, named, nothing written.
seen=$(last_edit "$owner")
"$planatlas" link "$editor" add --task "$task" --feature "${extra[0]}" >/dev/null || fail "editor's add"
count=$(log_count "")
"$planatlas" link "$owner" add --task "$task" --feature "${extra[1]}" --if-last-edit "$seen" \
    >/dev/null 2>"$scratch/stale.txt"
rc=$?
[[ $rc == 6 ]] || fail "a stale add: exit $rc, not 6"
grep -q "planatlas_editor linked ${extra[0]}" "$scratch/stale.txt" || fail "a stale add: $(cat "$scratch/stale.txt")"
grep -q "Nothing of yours was written" "$scratch/stale.txt" || fail "a stale add does not say nothing was written"
[[ $(log_count "") == "$count" ]] || fail "a refused add was logged"
[[ $(links_of_task) == $((2 * n + 1)) ]] || fail "a refused add was written"
printf 'task_id,features,reason,last_edit\n%s,%s,,%s\n' "$task" "${extra[1]}" "$seen" >"$scratch/review.csv"
"$planatlas" link "$owner" review "$scratch/review.csv" >/dev/null 2>"$scratch/review.txt"
rc=$?
[[ $rc == 6 ]] || fail "a stale review: exit $rc, not 6 ($(cat "$scratch/review.txt"))"
[[ $(links_of_task) == $((2 * n + 1)) ]] || fail "a refused review was written"
current=$(last_edit "$owner")
printf 'task_id,features,reason,last_edit\n%s,%s,,%s\n' "$task" "${extra[1]}" "$current" >"$scratch/review.csv"
"$planatlas" link "$owner" review "$scratch/review.csv" >/dev/null 2>"$scratch/review.txt" ||
    fail "a current review: $(cat "$scratch/review.txt")"
[[ $(links_of_task) == $((2 * n + 2)) ]] || fail "a current review was not written"

# 4. The reader: refused before anything is tried.
count=$(log_count "")
"$planatlas" link "$reader" remove --task "$task" --feature "${extra[0]}" >/dev/null 2>"$scratch/reader.txt"
rc=$?
[[ $rc == 4 ]] || fail "reader's remove: exit $rc, not 4"
grep -q "may read schema '$s' but not change it" "$scratch/reader.txt" || fail "reader's remove: $(cat "$scratch/reader.txt")"
[[ $(log_count "") == "$count" && $(links_of_task) == $((2 * n + 2)) ]] || fail "the reader changed something"
"$planatlas" link "$reader" log --task "$task" >"$scratch/log.txt" 2>&1 || fail "the reader cannot read the log"
grep -q "$(log_count "") edit(s)" "$scratch/log.txt" || fail "the reader's log: $(tail -1 "$scratch/log.txt")"

sql "DROP SCHEMA $s CASCADE" >/dev/null 2>&1
finish "$((4 * n + 2)) edits of one task by two planners at once; $conflicts conflict(s) said and repeated; none lost"
