# A throwaway PostgreSQL cluster, sourced by tests/run (the integration tests' second run) and
# tests/failover/run (two instances on one database). initdb refuses root, so as root it runs as
# `nobody`. It listens on 127.0.0.1 and a socket in its own folder, on a free port; every connection
# needs the password of user postgres (scram-sha-256), a random one made here, because any local user
# can reach a loopback port. It lives as long as the script that started it (which calls pg_stop on exit).
# Needs bash and PostgreSQL's binaries only (no python3: a fresh Debian with the .NET SDK may lack it).
#
#   pg_start   starts it and sets pg_connection (a Npgsql connection string to database "postgres",
#              with the password)
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
pg_free_port() { # a loopback port in 20000-60000 nobody listens on (a refused connection), or fails
  local port
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
pg_start() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)"; return 1; }
  pg_port=$(pg_free_port) || { echo "no free loopback port found in 20000-60000"; return 1; }
  pg_password=$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
  pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chmod 755 "$pg_dir"
  # initdb reads the password from a file only it can read, removed once the cluster exists.
  (umask 077 && printf '%s\n' "$pg_password" >"$pg_dir/password")
  [ "$(id -u)" -ne 0 ] || chown nobody "$pg_dir" "$pg_dir/password"
  (cd "$pg_dir" && pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A scram-sha-256 --pwfile="$pg_dir/password" \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1) \
    || { echo "initdb failed:"; tail -n 20 "$pg_dir/initdb.log"; return 1; }
  rm -f "$pg_dir/password"
  # Durability is worth nothing in a cluster deleted at the end: no fsync, for speed.
  (cd "$pg_dir" && pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null) \
    || { echo "PostgreSQL did not start:"; tail -n 20 "$pg_dir/server.log"; return 1; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_dir)"
  pg_connection="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres;Password=$pg_password"
}
pg_psql() { PGPASSWORD="$pg_password" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }
