#!/usr/bin/env bash
# A throwaway Prosody XMPP server on 127.0.0.1 for integration tests, from Debian's package.
#   scripts/peers/prosody.sh start DIR [PORT]  installs Prosody if missing, starts it (on PORT or a free port),
#                                             prints the c2s port
#   scripts/peers/prosody.sh stop DIR          stops the server started in DIR (by its recorded PID)
# Domain "localhost", MUC service "conference.localhost" (rooms are created on first join, unlocked, and
# non-anonymous: occupants see each other's real JIDs). Plain TCP only (no certificates), no s2s, no HTTP, no rate
# limits, no offline storage. Accounts, all @localhost, (re)registered with prosodyctl on every start:
#   switchboard / ci-only-bot-password     alice / ci-only-alice-password     bob / ci-only-bob-password
# Data (accounts) stays in DIR, so "start DIR PORT" after a crash brings the same server back on the same port.
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR [PORT]}; dir=${2:?usage: $0 start|stop DIR [PORT]}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
log() { echo "[prosody.sh] $*" >&2; }

# A killed server stays a zombie until PID 1 reaps it and kill -0 still succeeds on zombies, so read its state.
running() { local pid; pid=$(cat "$dir/prosody.pid" 2>/dev/null) || return 1
  local st; st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1; [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  running || { rm -f "$dir/prosody.pid"; return 0; }
  local pid; pid=$(cat "$dir/prosody.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/prosody.pid"
  log "stopped pid $pid"
}

install() {
  command -v prosody >/dev/null && command -v prosodyctl >/dev/null && return 0
  log "installing Prosody (Debian packages prosody, lua-unbound)"
  # Never let the package start a system-wide Prosody on the default ports.
  local policy=0
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; policy=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prosody lua-unbound >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1
         DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prosody lua-unbound >/dev/null; }
  [ $policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

configure() { # PORT
  mkdir -p "$dir/data" "$dir/certs"
  cat > "$dir/prosody.cfg.lua" <<CONF
-- throwaway prosody for tests (loopback only)
pidfile = "$dir/prosody.own.pid"
data_path = "$dir/data"
certificates = "$dir/certs"
run_as_root = true
daemonize = false
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { $1 }
c2s_direct_tls_ports = {}
legacy_ssl_ports = {}
component_ports = {}
http_ports = {}
https_ports = {}
s2s_ports = {}
-- no "limits": Debian's default config throttles c2s to 10kb/s
modules_enabled = { "disco"; "roster"; "saslauth"; "smacks"; "ping"; "posix"; "version"; "uptime"; "time"; "private"; "vcard" }
modules_disabled = { "s2s"; "offline" }
authentication = "internal_plain"
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
s2s_require_encryption = false
log = { { levels = { min = "info" }, to = "file", filename = "$dir/prosody.log" } }
VirtualHost "localhost"
Component "conference.localhost" "muc"
  restrict_room_creation = false
  muc_room_locking = false
  muc_room_default_public = true
  muc_room_default_persistent = false
  muc_room_default_public_jids = true
CONF
  local account
  for account in switchboard:ci-only-bot-password alice:ci-only-alice-password bob:ci-only-bob-password; do
    prosodyctl --config "$dir/prosody.cfg.lua" register "${account%%:*}" localhost "${account#*:}" >/dev/null 2>&1 \
      || { log "prosodyctl register ${account%%:*} failed"; exit 1; }
  done
}

start() { # [PORT]
  if running && [ -s "$dir/port" ]; then cat "$dir/port"; return 0; fi
  install
  local port=${1:-}
  [ -n "$port" ] || port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  configure "$port"
  # -F keeps Prosody in the foreground, so $! is the server's own PID.
  nohup prosody -F --config "$dir/prosody.cfg.lua" > "$dir/prosody.stdout" 2>&1 < /dev/null &
  echo $! > "$dir/prosody.pid"
  for _ in $(seq 1 400); do port_open "$port" && break; running || break; sleep 0.05; done
  port_open "$port" || { tail -20 "$dir/prosody.stdout" "$dir/prosody.log" >&2 || true; stop; exit 1; }
  echo "$port" > "$dir/port"
  log "ready on 127.0.0.1:$port (pid $(cat "$dir/prosody.pid"), domain localhost, MUC conference.localhost)"
  echo "$port"
}

case "$cmd" in
  start) start "${3:-}" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
