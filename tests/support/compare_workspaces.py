#!/usr/bin/python3
"""Compares two workspaces table by table, row by row, ignoring the columns that record when
something was done (timestamps) and SQLite's own bookkeeping. Exit 0 when alike; otherwise
prints the first differences and exits 1.

usage: compare_workspaces.py A.gpkg B.gpkg [--ignore-column NAME …]
(--ignore-column who: the same edits made by different authors, a file's login and a
database's role)"""
import io
import sqlite3
import sys
import zipfile

TIMESTAMPS = {"last_change", "imported_at", "ingested_at", "created_at", "reviewed_at", "update_time", "at",
              "made_at"}


def project_text(content, path):
    """A QGIS project stored in a GeoPackage (hex of a .qgz) as its XML: the archive's own
    dates and the metadata's modification time are not part of what it says, nor the name of
    the file it is stored in (its layers are read from "./<that file>")."""
    data = bytes.fromhex(content if isinstance(content, str) else content.decode())
    own = ("./" + path.rsplit("/", 1)[-1]).encode()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).replace(own, b"./WORKSPACE") for name in archive.namelist()}


def dump(path, ignored=()):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               "ORDER BY name"):
        columns = [c[1] for c in con.execute(f'PRAGMA table_info("{name}")') if c[1] not in TIMESTAMPS and c[1] not in ignored]
        rows = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{name}"').fetchall()
        rows = [r for r in rows if not (name == "pa_metadata" and r[columns.index("key")] in ("created_at", "qgis_project_file"))]
        if name == "qgis_projects":
            rows = [(r[0], project_text(r[2], path)) for r in rows]
        tables[name] = (columns, sorted(rows, key=repr))
    return tables


def main():
    args = sys.argv[1:]
    ignored = set()
    while "--ignore-column" in args:
        at = args.index("--ignore-column")
        if at + 1 >= len(args):
            print(__doc__, file=sys.stderr)
            return 2
        ignored.add(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = dump(args[0], ignored), dump(args[1], ignored)
    problems = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            problems.append(f"table {name} only in {'B' if name not in a else 'A'}")
        elif a[name] != b[name]:
            ra, rb = a[name][1], b[name][1]
            problems.append(f"table {name}: {len(ra)} vs {len(rb)} rows, first difference: " +
                            next((f"{x!r} vs {y!r}" for x, y in zip(ra, rb) if x != y), "(row count)")[:300])
    for p in problems[:10]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
