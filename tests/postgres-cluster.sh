# A throwaway PostgreSQL cluster, sourced by tests/run (the integration tests' second run) and
# tests/failover/run (two instances on one database). initdb refuses root, so as root it runs as
# `nobody`; trust authentication is safe: it listens on 127.0.0.1 and a socket in its own folder
# only, and lives as long as the script that started it (which calls pg_stop on exit).
#
#   pg_start   starts it and sets pg_connection (a Npgsql connection string to database "postgres")
#   pg_stop    stops it and removes its folder; does nothing when none runs
#   pg_psql    runs psql against it: pg_psql -c 'CREATE DATABASE portal'
pg_dir=""
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
pg_stop() {
  [ -n "$pg_dir" ] || return 0
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
pg_start() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)"; return 1; }
  pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" -ne 0 ] || chown nobody "$pg_dir"
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$pg_dir" && pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1) \
    || { echo "initdb failed:"; tail -n 20 "$pg_dir/initdb.log"; return 1; }
  # Durability is worth nothing in a cluster deleted at the end: no fsync, for speed.
  (cd "$pg_dir" && pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null) \
    || { echo "PostgreSQL did not start:"; tail -n 20 "$pg_dir/server.log"; return 1; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_dir)"
  pg_connection="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres"
}
pg_psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }
