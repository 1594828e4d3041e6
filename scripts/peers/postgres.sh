#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for integration tests, from Debian's server binaries.
#   scripts/peers/postgres.sh start DIR   installs the server if missing, starts it on a free port, prints the port
#   scripts/peers/postgres.sh stop DIR    stops the server started in DIR (by its recorded PID)
# Role and database "switchboard", password "ci-only-password" (trust auth: not checked; it only differs from
# every other name so tests can tell it never leaks). initdb and postgres refuse to run as root, so they run as the 'postgres' user; trust auth, fsync off (tests only).
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR}; dir=${2:?usage: $0 start|stop DIR}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
log() { echo "[postgres.sh] $*" >&2; }

running() { local pid; pid=$(cat "$dir/postgres.pid" 2>/dev/null) || return 1
  local st; st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1; [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

stop() {
  running || { rm -f "$dir/postgres.pid"; return 0; }
  local pid; pid=$(cat "$dir/postgres.pid")
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/postgres.pid"
  log "stopped pid $pid"
}

start() {
  if running && [ -s "$dir/port" ]; then cat "$dir/port"; return 0; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing PostgreSQL (Debian package postgresql)"
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1
           DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null; }
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /usr/sbin/nologin postgres
  chown postgres: "$dir"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  # setpriv execs without forking, so $! is the postmaster's own PID.
  nohup setpriv --reuid=postgres --regid=postgres --init-groups -- "$bin/postgres" -D "$dir/data" -p "$port" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$dir" -c max_connections=200 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off > "$dir/postgres.log" 2>&1 < /dev/null &
  echo $! > "$dir/postgres.pid"
  for _ in $(seq 1 600); do "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break; sleep 0.05; done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { tail -20 "$dir/postgres.log" >&2; stop; exit 1; }
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS switchboard" -c "DROP ROLE IF EXISTS switchboard" \
    -c "CREATE ROLE switchboard LOGIN PASSWORD 'ci-only-password'" -c "CREATE DATABASE switchboard OWNER switchboard" >/dev/null
  echo "$port" > "$dir/port"
  log "ready on 127.0.0.1:$port (pid $(cat "$dir/postgres.pid"))"
  echo "$port"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
