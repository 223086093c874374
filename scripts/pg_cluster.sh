#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a data
# folder of our own, listening on 127.0.0.1 only, on a free port.
#
#   scripts/pg_cluster.sh start DIR   a new cluster (initdb) + start; prints `export PG...`
#   scripts/pg_cluster.sh stop DIR    stop it (no error when it is not running)
#
# Installs Debian's `postgresql` package when no initdb is found. PostgreSQL refuses to run
# as root, so as root the cluster runs as the `postgres` system user (the package makes it).
set -euo pipefail

action="${1:?usage: pg_cluster.sh start|stop DIR}"
dir="$(realpath -m "${2:?usage: pg_cluster.sh start|stop DIR}")"
data="$dir/data"

find_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; fi
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
    echo "PostgreSQL server not found: installing Debian's postgresql package" >&2
    SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
    $SUDO apt-get update -qq >&2
    # The package would start a system cluster on 5432; we want only our own.
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    bin="$(find_bin)"
    [ -n "$bin" ] || { echo "postgresql installed but no initdb found" >&2; exit 1; }
fi

case "$action" in
start)
    # Throwaway: a cluster left over from an interrupted run is stopped and replaced.
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$data"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: ask the kernel for one, then let PostgreSQL take it.
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
        start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kommun
    echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD= PGDATABASE=kommun"
    ;;
stop)
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true
    fi
    ;;
*)
    echo "usage: pg_cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
