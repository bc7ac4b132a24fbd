#!/usr/bin/env bash
# Two planners editing the links of the same task in one schema at the same moment, as two
# database roles in two processes:
#   1. blind adds and removes, N each, at once: every edit lands, the edit log holds each one
#      with the role that made it;
#   2. edits made on what each planner read (--if-last-edit): each process repeats its N adds
#      until they land; a refused one exits 6, names the other planner and writes nothing; in
#      the end every link is there and the log holds exactly the edits that landed;
#   3. a stale edit and a stale review file, made one after the other: refused, nothing written;
#   4. a reader's edit is refused before anything is tried, and leaves the log as it was;
#   5. one planner makes the suggestions again and again while the other accepts them and links
#      pending pairs by hand: every accept lands or is refused as replaced (exit 6, nothing
#      written); every accept that landed is a link, logged; no run of suggest leaves pending a
#      pair linked before it ended.
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

# 5. Suggest against accept and links by hand. The sample's suggestions are all decided:
#    forgotten here, so that those not linked are pending again. After each run of suggest, no
#    pending suggestion may name a pair linked by hand before the run finished (a link made
#    while suggest was working must not come back as pending).
sql "DELETE FROM $s.plan_link_suggestions" >/dev/null
"$planatlas" link "$owner" suggest >/dev/null 2>"$scratch/suggest.err" || fail "suggest: $(cat "$scratch/suggest.err")"
pending() { # FIELD: of the pending suggestions, one line each
    "$planatlas" link "$editor" suggestions --status pending --format json |
        python3 -c 'import json,sys; [print(s[sys.argv[1]]) for s in json.load(sys.stdin)]' "$1"
}
(($(pending id | wc -l) >= 2 * n)) || fail "only $(pending id | wc -l) pending suggestion(s)"
start=$(sql "SELECT COALESCE(MAX(fid), 0) FROM $s.pa_edit_log")
suggester() {
    local bad=0 stale
    for ((i = 0; i < 3 * n; ++i)); do
        "$planatlas" link "$owner" suggest >/dev/null 2>>"$scratch/suggester.err" || bad=$((bad + 1))
        stale=$(sql "SELECT COUNT(*) FROM $s.plan_link_suggestions g JOIN $s.pa_edit_log e ON \
e.action = 'link_add' AND e.task_id = g.task_id AND e.feature_code = g.feature_code AND e.fid > $start \
WHERE g.status = 'pending' AND e.fid < (SELECT MAX(fid) FROM $s.pa_edit_log WHERE action = 'suggest')")
        ((stale == 0)) || echo "run $i: $stale pending suggestion(s) of pairs linked before it ended" >>"$scratch/suggester.stale"
    done
    echo "$bad" >"$scratch/suggester.bad"
}
editor_work() { # accepts and links by hand what is pending, n of each
    local accepted=0 added=0 refused=0 rc ids tasks codes
    for ((attempt = 0; attempt < 200 && (accepted < n || added < n); ++attempt)); do
        if ((accepted < n && attempt % 2 == 0)); then
            mapfile -t ids < <(pending id)
            ((${#ids[@]})) || break
            "$planatlas" link "$editor" accept "${ids[0]}" >/dev/null 2>"$scratch/acceptor.msg"
            rc=$?
            if ((rc == 0)); then
                accepted=$((accepted + 1))
            elif ((rc == 6)) && grep -q "Nothing of yours was written" "$scratch/acceptor.msg" &&
                grep -q "made again since you read them (by planatlas_owner\|no longer pending" "$scratch/acceptor.msg"; then
                refused=$((refused + 1))
            else
                echo "accept: exit $rc: $(cat "$scratch/acceptor.msg")" >>"$scratch/acceptor.other"
            fi
        elif ((added < n)); then
            mapfile -t tasks < <(pending task)
            mapfile -t codes < <(pending feature)
            ((${#tasks[@]})) || break
            "$planatlas" link "$editor" add --task "${tasks[-1]}" --feature "${codes[-1]}" >/dev/null \
                2>"$scratch/adder.msg" || echo "add: $(cat "$scratch/adder.msg")" >>"$scratch/acceptor.other"
            added=$((added + 1))
        fi
    done
    echo "$accepted $added $refused" >"$scratch/acceptor.counts"
}
suggester &
editor_work &
wait
[[ $(cat "$scratch/suggester.bad") == 0 ]] || fail "suggest failed beside accepts: $(cat "$scratch/suggester.err")"
[[ -e $scratch/suggester.stale ]] && fail "links made during suggest came back as pending: $(cat "$scratch/suggester.stale")"
[[ -e $scratch/acceptor.other ]] && fail "accepts and adds beside suggest: $(cat "$scratch/acceptor.other")"
read -r accepted added refused <"$scratch/acceptor.counts"
[[ $accepted == "$n" && $added == "$n" ]] || fail "$accepted accepts and $added adds of $n each landed beside suggest ($refused refused)"
[[ $(sql "SELECT COUNT(*) FROM $s.pa_edit_log WHERE action = 'suggestion_accept' AND fid > $start") == "$accepted" ]] ||
    fail "the log does not hold the $accepted accepts that landed, and only those"
unlinked=$(python3 - <<PY
import json, subprocess
run = lambda *a: json.loads(subprocess.run(["$planatlas", "link", "$owner", *a, "--format", "json"],
                                           capture_output=True, check=True).stdout)
linked = {(l["task"], l["feature"]) for l in run("list")}
print(sum((a["task"], a["feature"]) not in linked for a in run("suggestions", "--status", "accepted")))
PY
)
[[ $unlinked == 0 ]] || fail "$unlinked accepted suggestion(s) without a link"

sql "DROP SCHEMA $s CASCADE" >/dev/null 2>&1
finish "$((4 * n + 2)) edits of one task by two planners at once; $conflicts conflict(s) said and repeated; none lost; $n suggestions accepted and $n pairs linked by hand beside $((3 * n)) runs of suggest, $refused accept(s) refused as replaced"
