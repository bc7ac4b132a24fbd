#!/usr/bin/env bash
# A workspace in a PostGIS schema opens in QGIS from the schema itself: copied in, it holds a
# project in QGIS's own PostgreSQL project storage (table qgis_projects) whose layers read the
# schema through QGIS's PostgreSQL provider, and Debian's QGIS opens it as a reader would (that
# reader's own service file names the role; the project names none) with every check of
# open_in_qgis.py: valid layers, styles, relations (a park's tasks with their lead agencies),
# themes, print layouts. The copy back to a file is still the file's twin, with the file's own
# project. An editor rewrites the schema's project, which still names the database as the owner
# did (the reader opens it again); a reader may not; where the table is missing an editor is
# told that only the owner makes it; one the database refuses is said, and the change stays;
# --repoint names the writer's database. A layer added alone takes PlanAtlas's style from the
# database's public.layer_styles, where a reader may not set a default.
# usage: qgis_on_postgis.sh PLANATLAS SCRATCH WORKSPACE.gpkg PARK TASKS (libpq: PGSERVICEFILE,
#        PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
workspace=${3:?workspace}
park=${4:?a park}
tasks=${5:?its number of tasks}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compare=$here/../support/compare_workspaces.py
# shellcheck source=checks.sh
. "$here/checks.sh"
fresh_scratch "$scratch"
db() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At "service=planatlas_test" "$@"; }
schema=qgis_$$
pg="PG:service=planatlas_test active_schema=$schema"
editor="PG:service=planatlas_test_editor active_schema=$schema"
reader="PG:service=planatlas_test_reader active_schema=$schema"
project_row() { db -c "SELECT metadata->>'last_modified_user', md5(content) FROM $schema.qgis_projects WHERE name = 'planatlas'"; }

"$planatlas" copy "$workspace" "$pg" >"$scratch/copy.txt" 2>&1 || fail "copy to PostGIS: $(cat "$scratch/copy.txt")"
grep -qF "QGIS opens the copy from the schema: postgresql://?service=planatlas_test&schema=$schema&project=planatlas" "$scratch/copy.txt" ||
    fail "copy does not say where QGIS opens the schema: $(tail -3 "$scratch/copy.txt")"
[[ $(project_row) == planatlas_owner\|* ]] || fail "no project in the schema's qgis_projects after the copy"
"$planatlas" admin "$pg" grant planatlas_editor --as editor >/dev/null || fail "grant editor"
"$planatlas" admin "$pg" grant planatlas_reader --as reader >/dev/null || fail "grant reader"

# QGIS as a reader: the reader's own service file gives the department's service name their
# role (as each planner's ~/.pg_service.conf would); the project carries no role.
services=$scratch/reader_services.conf
awk '/^\[/{keep = ($0 == "[planatlas_test_reader]")} keep' "$PGSERVICEFILE" | grep -v '^password' |
    sed 's/^\[planatlas_test_reader\]/[planatlas_test]/' >"$services"
grep -q "user=planatlas_reader" "$services" || fail "no reader service in $PGSERVICEFILE"
uri=$(sed -n 's/^QGIS opens the copy from the schema: //p' "$scratch/copy.txt")
in_qgis() { # what
    PGSERVICEFILE=$services QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$here/../qgis/open_in_qgis.py" \
        "$pg" "$scratch/qgis_$1" --park "$park" --tasks "$tasks" --project "$uri" >"$scratch/qgis_$1.txt" 2>&1 ||
        fail "QGIS on the schema, as the reader ($1): $(grep FAIL "$scratch/qgis_$1.txt" || tail -5 "$scratch/qgis_$1.txt")"
    grep -q "^ok    every layer is read from the schema by QGIS's PostgreSQL provider" "$scratch/qgis_$1.txt" ||
        fail "QGIS did not read the schema ($1): $(tail -5 "$scratch/qgis_$1.txt")"
}
in_qgis copied

# Layers added alone: QGIS looks for their default style in public.layer_styles, and takes any
# relation of that name for it, so the schema keeps its own under another name. Without the
# table the owner is told who makes it; made (scripts/postgis/qgis_styles.sql, by the database's
# owner), PlanAtlas's styles are written there and a reader's QGIS draws a park added alone as
# PlanAtlas does.
[[ -z $(db -c "SELECT to_regclass('$schema.layer_styles')") ]] || fail "the schema has a table named as QGIS's styles"
[[ -n $(db -c "SELECT to_regclass('$schema.pa_layer_styles')") ]] || fail "the schema keeps no styles of its own"
layers=$(db -c "SELECT count(*) FROM $schema.pa_layers")
if [[ -z $(db -c "SELECT to_regclass('public.layer_styles')") ]]; then
    "$planatlas" qgis "$pg" >"$scratch/no_styles.txt" 2>&1 || fail "qgis without public.layer_styles: $(cat "$scratch/no_styles.txt")"
    grep -q "no default styles for layers added alone in QGIS: the database has no table public.layer_styles.*qgis_styles.sql" \
        "$scratch/no_styles.txt" || fail "qgis does not say public.layer_styles is missing: $(cat "$scratch/no_styles.txt")"
fi
db -f "$here/../../scripts/postgis/qgis_styles.sql" >/dev/null || fail "qgis_styles.sql"
"$planatlas" qgis "$pg" >"$scratch/styles.txt" 2>&1 || fail "qgis with public.layer_styles: $(cat "$scratch/styles.txt")"
grep -q "^  $layers default style(s) in public.layer_styles" "$scratch/styles.txt" ||
    fail "not $layers styles in public.layer_styles: $(cat "$scratch/styles.txt")"
[[ $(db -c "SELECT count(*) FROM public.layer_styles WHERE f_table_catalog = current_database() AND f_table_schema = '$schema' AND stylename = 'PlanAtlas' AND useasdefault") == "$layers" ]] ||
    fail "PlanAtlas's styles are not the schema's layers' defaults in public.layer_styles"
# A copy into a schema writes them too.
"$planatlas" copy "$workspace" "PG:service=planatlas_test active_schema=${schema}_c" --quiet >"$scratch/copy_c.txt" 2>&1 ||
    fail "a second copy: $(cat "$scratch/copy_c.txt")"
[[ $(db -c "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = '${schema}_c' AND stylename = 'PlanAtlas' AND useasdefault") == "$layers" ]] ||
    fail "a copy into a schema did not write its layers' default styles to public.layer_styles"
db -c "DROP SCHEMA ${schema}_c CASCADE; DELETE FROM public.layer_styles WHERE f_table_schema = '${schema}_c'" 2>/dev/null
PGSERVICEFILE=$services QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$here/../qgis/open_in_qgis.py" \
    "$pg" "$scratch/qgis_alone" --park "$park" --tasks "$tasks" --project "$uri" --database-styles \
    >"$scratch/qgis_alone.txt" 2>&1 || fail "QGIS, a layer added alone as the reader: $(grep FAIL "$scratch/qgis_alone.txt" || tail -5 "$scratch/qgis_alone.txt")"
grep -q "^ok    industrial_parks opens alone from the schema" "$scratch/qgis_alone.txt" ||
    fail "the park layer was not opened alone: $(tail -5 "$scratch/qgis_alone.txt")"
# Who writes which style: a reader saves one of its own but may not make it the default; an
# editor of the table may.
as_role() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At "service=$1" -c "$2" 2>&1; }
style_row() { # stylename, default
    echo "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, useasdefault, update_time) SELECT current_database(), '$schema', 'industrial_parks', f_geometry_column, '$1', styleqml, $2, '2100-01-01' FROM public.layer_styles WHERE f_table_schema = '$schema' AND f_table_name = 'industrial_parks' AND stylename = 'PlanAtlas'"
}
out=$(as_role planatlas_test_reader "$(style_row reader_own false)") || fail "a reader cannot save a style of its own: $out"
[[ $(db -c "SELECT update_time < now() + interval '1 hour' FROM public.layer_styles WHERE f_table_schema = '$schema' AND stylename = 'reader_own'") == t ]] ||
    fail "a reader's style keeps a time of its own choosing (it would stay newest)"
out=$(as_role planatlas_test_reader "$(style_row reader_default true)") && fail "a reader made a default style"
[[ $out == *"row-level security"* ]] || fail "a reader's default style is not refused by the table's rule: $out"
out=$(as_role planatlas_test_reader "UPDATE public.layer_styles SET useasdefault = false WHERE f_table_schema = '$schema' AND stylename = 'PlanAtlas'") ||
    fail "reader's update: $out"
[[ $(db -c "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = '$schema' AND stylename = 'PlanAtlas' AND useasdefault") == "$layers" ]] ||
    fail "a reader changed PlanAtlas's default styles"
out=$(as_role planatlas_test_editor "$(style_row editor_default true)") || fail "an editor may not set a default style: $out"
# A role that may create objects in a schema of its own (as a province's owner does) and puts its
# own has_table_privilege first on its search_path still does not pass the rules.
own=${schema}_own
db -c "CREATE SCHEMA $own; GRANT USAGE, CREATE ON SCHEMA $own TO planatlas_reader" || fail "make a schema of the reader's"
out=$(as_role planatlas_test_reader "CREATE FUNCTION $own.has_table_privilege(oid, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'") ||
    fail "the reader's own function: $out"
out=$(as_role planatlas_test_reader "SET search_path = $own, pg_catalog, public; $(style_row reader_shadowed true)") &&
    fail "a reader's own has_table_privilege passed the table's rules"
[[ $out == *"row-level security"* ]] || fail "a default style through a shadowed function is not refused by the rules: $out"
# The styles of a table that is gone are removed by a role that may create tables in its schema
# (here the reader, in the schema of its own), by no one else; not while the table is there.
removed() { # service: how many of the styles of $own.gone_t it removed
    as_role "$1" "WITH d AS (DELETE FROM public.layer_styles WHERE f_table_schema = '$own' AND f_table_name = 'gone_t' RETURNING 1) SELECT count(*) FROM d"
}
db -c "CREATE TABLE $own.gone_t (id integer); INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, useasdefault) VALUES (current_database(), '$own', 'gone_t', 'geom', 'owner_default', '<qgis/>', true)" ||
    fail "a style of a table in the reader's schema"
[[ $(removed planatlas_test_reader) == 0 ]] || fail "a reader removed the owner's style of a table that is still there"
db -c "DROP TABLE $own.gone_t" || fail "drop the styled table"
[[ $(removed planatlas_test_editor) == 0 ]] || fail "a role without CREATE on the schema removed the styles of its gone table"
[[ $(removed planatlas_test_reader) == 1 ]] || fail "a role that may create tables in the schema cannot remove the styles of its gone table"
db -c "DROP SCHEMA $own CASCADE" >/dev/null 2>&1
# A schema dropped whole leaves its styles to a role that may create schemas in the database.
db -c "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, useasdefault) VALUES (current_database(), '$own', 'gone_t', 'geom', 'schema_gone', '<qgis/>', true); GRANT CREATE ON DATABASE \"$(db -c "SELECT current_database()")\" TO planatlas_reader" ||
    fail "a style of a schema that is gone"
[[ $(removed planatlas_test_editor) == 0 ]] || fail "a role that may not create schemas removed the styles of a schema that is gone"
[[ $(removed planatlas_test_reader) == 1 ]] || fail "a role that may create schemas cannot remove the styles of a schema that is gone"
# …and no other: not those of a schema that is there, nor a row that names no schema.
db -c "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, useasdefault) VALUES (current_database(), NULL, 'gone_t', 'geom', 'no_schema', '<qgis/>', true)" ||
    fail "a style naming no schema"
[[ $(as_role planatlas_test_reader "WITH d AS (DELETE FROM public.layer_styles WHERE (f_table_schema = '$schema' AND stylename = 'PlanAtlas') OR f_table_schema IS NULL RETURNING 1) SELECT count(*) FROM d") == 0 ]] ||
    fail "a role that may create schemas removed styles of a schema that is there, or of none"
db -c "DELETE FROM public.layer_styles WHERE f_table_schema IS NULL" >/dev/null
db -c "REVOKE CREATE ON DATABASE \"$(db -c "SELECT current_database()")\" FROM planatlas_reader" || fail "revoke the reader's CREATE"

# A schema of version 6 kept its styles under QGIS's name: the owner's first write moves them.
db -c "ALTER TABLE $schema.pa_layer_styles RENAME TO layer_styles; UPDATE $schema.pa_metadata SET value = '6' WHERE key = 'schema_version'" ||
    fail "make the schema version 6"
"$planatlas" qgis "$pg" --quiet || fail "owner's qgis on a version 6 schema"
[[ -z $(db -c "SELECT to_regclass('$schema.layer_styles')") && -n $(db -c "SELECT to_regclass('$schema.pa_layer_styles')") ]] ||
    fail "the upgrade did not move the schema's styles"
[[ $(db -c "SELECT value FROM $schema.pa_metadata WHERE key = 'schema_version'") -gt 6 ]] || fail "the schema was not upgraded"

# The copy back is the file's twin: the schema's own project stays in the schema.
back=$scratch/back/$(basename "$workspace")
mkdir -p "$(dirname "$back")"
"$planatlas" copy "$pg" "$back" --quiet >"$scratch/back.txt" 2>&1 || fail "copy back: $(cat "$scratch/back.txt")"
/usr/bin/python3 "$compare" "$workspace" "$back" >"$scratch/compare.txt" 2>&1 ||
    fail "the copy back differs from the file: $(tail -5 "$scratch/compare.txt")"

# An editor's 'planatlas qgis' rewrites the schema's project under their name; a reader's is
# refused and leaves it as it was.
"$planatlas" qgis "$editor" >"$scratch/editor.txt" 2>&1 || fail "editor's qgis: $(cat "$scratch/editor.txt")"
grep -q "^  $layers default style(s) in public.layer_styles" "$scratch/editor.txt" ||
    fail "the editor's qgis did not write every default style under the table's rules: $(cat "$scratch/editor.txt")"
grep -qF "open in QGIS from the schema: $uri" "$scratch/editor.txt" ||
    fail "editor's qgis does not keep the owner's database name: $(cat "$scratch/editor.txt")"
[[ $(project_row) == planatlas_editor\|* ]] || fail "the editor's project is not in the schema: $(project_row)"
in_qgis rewritten
# --repoint: the project names the database as the writing connection does (here the editor's
# service); the owner's --repoint names the owner's again, and QGIS opens it by the first URI.
connection() { db -c "SELECT metadata->>'planatlas_connection' FROM $schema.qgis_projects WHERE name = 'planatlas'"; }
"$planatlas" qgis "$editor" --repoint --quiet || fail "editor's qgis --repoint"
[[ $(connection) == *planatlas_test_editor* ]] || fail "--repoint kept the old connection: $(connection)"
"$planatlas" qgis "$editor" --quiet || fail "editor's qgis after --repoint"
[[ $(connection) == *planatlas_test_editor* ]] || fail "a rewrite without --repoint changed the connection: $(connection)"
"$planatlas" qgis "$pg" --repoint >"$scratch/repoint.txt" 2>&1 || fail "owner's qgis --repoint: $(cat "$scratch/repoint.txt")"
grep -qF "open in QGIS from the schema: $uri" "$scratch/repoint.txt" ||
    fail "the owner's --repoint does not name the owner's database again: $(cat "$scratch/repoint.txt")"
"$planatlas" qgis "$workspace" --repoint >/dev/null 2>&1
rc=$?
[[ $rc == 2 ]] || fail "--repoint on a GeoPackage exits $rc, not 2"
before=$(project_row)
"$planatlas" qgis "$reader" >"$scratch/reader.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "a reader's qgis exits $rc, not 4: $(cat "$scratch/reader.txt")"
[[ $(project_row) == "$before" ]] || fail "a reader's refused qgis changed the project"

# A schema without QGIS's table: an editor may not make it and is told so; the owner makes it,
# and the editor may write it from then on.
db -c "DROP TABLE $schema.qgis_projects" || fail "drop qgis_projects"
"$planatlas" qgis "$editor" >"$scratch/editor2.txt" 2>&1 || fail "editor's qgis without the table: $(cat "$scratch/editor2.txt")"
grep -q "this role may not create one" "$scratch/editor2.txt" || fail "editor not told: $(cat "$scratch/editor2.txt")"
[[ -z $(db -c "SELECT to_regclass('$schema.qgis_projects')") ]] || fail "an editor made QGIS's table"
"$planatlas" validate "$reader" >"$scratch/validate.txt" 2>&1
grep -q "warning \[qgis\] QGIS project planatlas: is not in the schema" "$scratch/validate.txt" ||
    fail "validate does not say the schema lacks its QGIS project: $(tail -3 "$scratch/validate.txt")"
"$planatlas" qgis "$pg" --quiet || fail "owner's qgis"
"$planatlas" validate "$reader" >"$scratch/validate2.txt" 2>&1
grep -q "\[qgis\]" "$scratch/validate2.txt" && fail "validate still warns of QGIS: $(grep qgis "$scratch/validate2.txt")"
"$planatlas" qgis "$editor" --quiet || fail "editor's qgis after the owner made the table"
[[ $(project_row) == planatlas_editor\|* ]] || fail "the editor did not rewrite the owner's new table: $(project_row)"

# A project the database refuses to take (here a rule put on QGIS's table) is said after the
# owner's grid, whose cells stay; the project is as it was.
db -c "ALTER TABLE $schema.qgis_projects ADD CONSTRAINT refuse_all CHECK (name <> 'planatlas') NOT VALID" ||
    fail "add a rule to qgis_projects"
before=$(project_row)
"$planatlas" grid "$pg" --cell-km 20 --layer grid_refused >"$scratch/grid.txt" 2>&1 ||
    fail "grid with a project it cannot write: $(cat "$scratch/grid.txt")"
grep -q "warning: the grid is made, but the QGIS project QGIS opens from the schema was not written anew: .*refuse_all" \
    "$scratch/grid.txt" || fail "grid does not say the project was not written: $(cat "$scratch/grid.txt")"
[[ -n $(db -c "SELECT to_regclass('$schema.grid_refused')") ]] || fail "the grid was not kept"
[[ $(project_row) == "$before" ]] || fail "the refused project changed"
db -c "ALTER TABLE $schema.qgis_projects DROP CONSTRAINT refuse_all" || fail "drop the rule"
# Styles the database refuses (a rule on public.layer_styles for this schema's rows) are said
# after the owner's grid, whose cells stay.
db -c "ALTER TABLE public.layer_styles ADD CONSTRAINT refuse_$schema CHECK (f_table_schema IS DISTINCT FROM '$schema' OR stylename IS DISTINCT FROM 'PlanAtlas' OR f_table_name <> 'grid_styles_refused') NOT VALID" ||
    fail "add a rule to public.layer_styles"
"$planatlas" grid "$pg" --cell-km 20 --layer grid_styles_refused >"$scratch/grid2.txt" 2>&1 ||
    fail "grid with styles it cannot write: $(cat "$scratch/grid2.txt")"
db -c "ALTER TABLE public.layer_styles DROP CONSTRAINT refuse_$schema" || fail "drop the rule on public.layer_styles"
grep -q "warning: the grid is made, but the layers' default styles in public.layer_styles were not written anew: .*refuse_$schema" \
    "$scratch/grid2.txt" || fail "grid does not say the styles were refused: $(cat "$scratch/grid2.txt")"
[[ -n $(db -c "SELECT to_regclass('$schema.grid_styles_refused')") ]] || fail "the grid was not kept when its styles were refused"

db -c "DROP SCHEMA $schema CASCADE" 2>/dev/null
db -c "DELETE FROM public.layer_styles WHERE f_table_schema = '$schema'"
finish "QGIS opens a workspace in a schema from the schema, as a reader; the copy back is the file's twin"
