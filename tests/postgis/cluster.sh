#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3.3 cluster on loopback for the tests.
#   cluster.sh start DIR   initdb into a fresh directory, start it on a free port, make a
#                          database 'planatlas' with PostGIS and four roles, and write
#                          DIR/pg_service.conf and DIR/pgpass (mode 600) for libpq:
#                            service planatlas_test    the owner of the database
#                            planatlas_test_reader, planatlas_test_editor   planners
#                            planatlas_test_admin   the roles' administrator (CREATEROLE)
#                          Passwords are random, live only in DIR/pgpass and reach the server
#                          through psql's standard input, never a command line.
#   cluster.sh stop DIR    stop the cluster and remove its data directory.
# Tests point libpq at the files with PGSERVICEFILE=DIR/pg_service.conf PGPASSFILE=DIR/pgpass.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}
pg=/usr/lib/postgresql/15/bin
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
    if [[ -f $dir/data-location ]]; then
        local data
        data=$(cat "$dir/data-location")
        if [[ -f $data/data/postmaster.pid ]]; then
            as_pg "$pg/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$data"
        rm -f "$dir/data-location"
    fi
}

case $action in
stop)
    stop
    exit 0
    ;;
start) ;;
*)
    echo "usage: cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac

if [[ ! -x $pg/initdb ]]; then
    echo "PostgreSQL 15 is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
fi
mkdir -p "$dir"
stop # a cluster left over from a run that was killed
# The data directory lives outside the build tree: the server runs as 'postgres' when the tests
# run as root, and must be able to reach it.
data=$(mktemp -d /tmp/planatlas-test-pg.XXXXXX)
echo "$data" >"$dir/data-location"
((EUID == 0)) && chown postgres "$data"
as_pg "$pg/initdb" -D "$data/data" --auth-local=trust --auth-host=scram-sha-256 -U postgres \
    -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 || {
    cat "$data/initdb.log" >&2
    exit 1
}
port=
for _ in $(seq 1 50); do
    candidate=$((40000 + RANDOM % 20000))
    if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n $port ]] || {
    echo "no free port on loopback" >&2
    exit 1
}
as_pg "$pg/pg_ctl" -D "$data/data" -l "$data/log" \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=1" \
    -w start >/dev/null || {
    cat "$data/log" >&2
    exit 1
}
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
owner_pw=$(secret)
reader_pw=$(secret)
editor_pw=$(secret)
admin_pw=$(secret)
as_pg psql -h "$data" -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
CREATE ROLE planatlas_owner LOGIN PASSWORD '$owner_pw';
CREATE ROLE planatlas_reader LOGIN PASSWORD '$reader_pw';
CREATE ROLE planatlas_editor LOGIN PASSWORD '$editor_pw';
CREATE ROLE planatlas_admin LOGIN CREATEROLE PASSWORD '$admin_pw';
CREATE DATABASE planatlas OWNER planatlas_owner;
\c planatlas
CREATE EXTENSION postgis;
SQL
# What a database administrator runs once: the VN-2000 CRSs PostGIS 3.3 lacks.
as_pg psql -h "$data" -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 -d planatlas >/dev/null \
    <"$here/../../scripts/postgis/vn2000_spatial_ref_sys.sql"
umask 077
cat >"$dir/pg_service.conf" <<CONF
[planatlas_test]
host=127.0.0.1
port=$port
dbname=planatlas
user=planatlas_owner

[planatlas_test_reader]
host=127.0.0.1
port=$port
dbname=planatlas
user=planatlas_reader

[planatlas_test_editor]
host=127.0.0.1
port=$port
dbname=planatlas
user=planatlas_editor

[planatlas_test_admin]
host=127.0.0.1
port=$port
dbname=planatlas
user=planatlas_admin
CONF
cat >"$dir/pgpass" <<PASS
127.0.0.1:$port:*:planatlas_owner:$owner_pw
127.0.0.1:$port:*:planatlas_reader:$reader_pw
127.0.0.1:$port:*:planatlas_editor:$editor_pw
127.0.0.1:$port:*:planatlas_admin:$admin_pw
PASS
chmod 600 "$dir/pgpass"
echo "PostgreSQL on 127.0.0.1:$port (data $data)"
