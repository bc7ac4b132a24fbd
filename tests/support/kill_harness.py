#!/usr/bin/env python3
"""Crash safety as a test (issue 19): kill -9 PlanAtlas commands at random moments and check
what a planner would find afterwards.

For each scenario (import, ingest, link review, analyze to a GeoPackage, map, report) the
command is first run to its end on a copy of the sample workspace, which gives the state
"after" and the outputs it writes. Then, RUNS times, it is started on a fresh copy and killed
with SIGKILL after a random delay within its measured duration (half of them in its last
third, where writing and committing happen). After each kill:

- the workspace passes SQLite's PRAGMA integrity_check and `planatlas validate` (exit 0);
- its content (every table, rows sorted, timestamps masked) equals the state before or the
  state after — never a mixture;
- each output file is either absent or byte-identical to the uninterrupted run's (temporary
  '.partial' files beside it are counted and listed, not outputs).

Prints one line per scenario with the outcomes and exits 1 on any failure.
usage: kill_harness.py PLANATLAS SAMPLE.gpkg SHARED_DIR WORK_DIR [--runs N] [--seed S]
"""

import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def scenarios(shared, work):
    """name → (argv after the workspace path's position is filled, outputs relative to the run
    folder, whether the workspace changes). '{ws}' is the workspace, '{out}' the run folder."""
    review = os.path.join(work, "review.csv")
    return {
        "import": (["import", "{ws}", os.path.join(shared, "data", "vn_provinces_63_pre2025_odm.geojson"),
                    "--kind", "basemap", "--layer", "provinces_63"], [], True),
        "ingest": (["ingest", "{ws}",
                    os.path.join(shared, "plans", "thanh-hoa_ctr-hanh-dong-nq29_qd1992_2023.txt"),
                    "--doc-id", "th-1992"], [], True),
        "link-review": (["link", "{ws}", "review", review], [], True),
        "analyze-gpkg": (["analyze", "{ws}", "coverage", "--units", "districts_pre2025",
                          "--format", "gpkg", "-o", "{out}/coverage.gpkg"], ["coverage.gpkg"], False),
        "map": (["map", "{ws}", "-o", "{out}/map.png", "--title", "Kiểm thử"], ["map.png"], False),
        "report": (["report", "{ws}", "-o", "{out}/report", "--quiet"], ["report"], False),
    }


def write_review(sample, path):
    """A review that changes much: every reviewed task of one document loses its features and is
    marked as deliberately without a place (links deleted, suggestions rejected)."""
    db = sqlite3.connect(f"file:{sample}?mode=ro", uri=True)
    tasks = [r[0] for r in db.execute("SELECT task_id FROM plan_tasks ORDER BY task_id LIMIT 120")]
    db.close()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["task_id", "features", "reason"])
        for t in tasks:
            w.writerow([t, "", "Không gắn với địa điểm: kiểm thử khi bị ngắt"])


def dump(path):
    """A digest of the workspace's content: every ordinary table's rows, sorted, with timestamps
    masked (an import or ingest records when it ran). R-tree shadow tables are left to
    integrity_check and validate."""
    db = sqlite3.connect(path)  # read-write: a hot journal left by the kill is rolled back here
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'rtree\\_%' ESCAPE '\\' ORDER BY name")]
        for t in tables:
            h.update(b"\x00table " + t.encode())
            rows = []
            for row in db.execute(f'SELECT * FROM "{t}"'):
                rows.append(repr(tuple(TIMESTAMP.sub("<time>", v) if isinstance(v, str) else v
                                       for v in row)))
            for r in sorted(rows):
                h.update(r.encode())
        schema = sorted(r[0] or "" for r in db.execute("SELECT sql FROM sqlite_master"))
        h.update("\n".join(schema).encode())
        return h.hexdigest()
    finally:
        db.close()


def integrity(path):
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def files_under(root):
    out = {}
    if os.path.isfile(root):
        with open(root, "rb") as f:
            out[""] = hashlib.sha256(f.read()).hexdigest()
    elif os.path.isdir(root):
        for d, _, names in os.walk(root):
            for n in names:
                p = os.path.join(d, n)
                with open(p, "rb") as f:
                    out[os.path.relpath(p, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def output_digest(run_dir, name):
    """A comparable digest of an output: files' bytes, except a GeoPackage, compared by content
    (SQLite pages may differ between two complete writes of the same rows)."""
    path = os.path.join(run_dir, name)
    if name.endswith(".gpkg") and os.path.isfile(path):
        return {"": dump(path)}
    return files_under(path)


def run(cli, argv, ws, out, env, kill_after=None):
    args = [cli] + [a.replace("{ws}", ws).replace("{out}", out) for a in argv]
    start = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    killed = False
    if kill_after is not None:
        try:
            p.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            killed = True
    _, err = p.communicate()
    return p.returncode, killed, time.monotonic() - start, err.decode(errors="replace")


def validate(cli, ws, env):
    p = subprocess.run([cli, "validate", ws], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    return p.returncode, p.stdout.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("sample")
    ap.add_argument("shared")
    ap.add_argument("work")
    ap.add_argument("--runs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--only", default="")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    write_review(a.sample, os.path.join(a.work, "review.csv"))
    base = os.path.join(a.work, "before.gpkg")
    shutil.copyfile(a.sample, base)
    before = dump(base)
    failures = 0

    for name, (argv, outputs, changes) in scenarios(a.shared, a.work).items():
        if a.only and name not in a.only.split(","):
            continue
        # The uninterrupted run: the state after and the complete outputs.
        full_dir = os.path.join(a.work, name, "full")
        os.makedirs(full_dir)
        ws = os.path.join(full_dir, "ws.gpkg")
        shutil.copyfile(base, ws)
        rc, _, duration, err = run(a.cli, argv, ws, full_dir, env)
        if rc != 0:
            print(f"{name}: the uninterrupted run failed (exit {rc}): {err.strip()[-400:]}")
            failures += 1
            continue
        after = dump(ws)
        if changes and after == before:
            print(f"{name}: the uninterrupted run changed nothing; the scenario tests nothing")
            failures += 1
            continue
        complete = {o: output_digest(full_dir, o) for o in outputs}

        outcome = {"killed": 0, "finished": 0, "before": 0, "after": 0, "outputs absent": 0,
                   "outputs complete": 0, "partial files": 0}
        for i in range(a.runs):
            run_dir = os.path.join(a.work, name, f"run{i}")
            os.makedirs(run_dir)
            ws = os.path.join(run_dir, "ws.gpkg")
            shutil.copyfile(base, ws)
            # Half the kills anywhere, half in the last third, where the writing and the
            # commit or rename happen.
            delay = (rng.uniform(0.02, duration * 1.05) if i % 2 == 0
                     else rng.uniform(duration * 0.67, duration * 1.05))
            rc, killed, _, err = run(a.cli, argv, ws, run_dir, env, kill_after=delay)
            outcome["killed" if killed else "finished"] += 1
            problems = []
            if not killed and rc != 0:
                problems.append(f"finished with exit {rc}: {err.strip()[-300:]}")
            ok = integrity(ws)
            if ok != "ok":
                problems.append(f"integrity_check: {ok}")
            vrc, vout = validate(a.cli, ws, env)
            if vrc != 0:
                problems.append(f"validate exit {vrc}: {vout.strip()[-300:]}")
            state = dump(ws)
            if state == before:
                outcome["before"] += 1
            elif state == after:
                outcome["after"] += 1
            else:
                problems.append("the workspace is neither the state before nor the state after")
            for o in outputs:
                got = output_digest(run_dir, o)
                if not got:
                    outcome["outputs absent"] += 1
                elif o == "report" and all(complete[o].get(k) == v for k, v in got.items()):
                    outcome["outputs complete"] += 1  # a report's files: each absent or complete
                elif got == complete[o]:
                    outcome["outputs complete"] += 1
                else:
                    problems.append(f"output {o} is neither absent nor complete")
            outcome["partial files"] += sum(
                1 for d, _, names in os.walk(run_dir) for n in names if ".partial" in n)
            if problems:
                failures += 1
                print(f"{name} run {i} (killed after {delay:.2f} s): " + "; ".join(problems))
            else:
                shutil.rmtree(run_dir)
        print(f"{name}: {a.runs} runs, full run {duration:.2f} s — " +
              ", ".join(f"{k} {v}" for k, v in outcome.items()))
    print("kill harness: " + ("FAILED" if failures else "every run left the workspace old or new"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
