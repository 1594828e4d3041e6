#!/usr/bin/env bash
# A throwaway ngIRCd (IRC server) on 127.0.0.1 for integration tests, from Debian's package.
#   scripts/peers/ngircd.sh start DIR [PORT]   installs ngircd if missing, starts it (on a free port unless PORT
#                                              is given), prints the port
#   scripts/peers/ngircd.sh stop DIR           stops the server started in DIR (by its recorded PID)
# Flood penalties are off (MaxPenaltyTime = 0) so tests can send bursts; oper account: OPER admin adminpass.
# Files in DIR: ngircd.conf ngircd.log ngircd.pid port
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR [PORT]}; dir=${2:?usage: $0 start|stop DIR [PORT]}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
log() { echo "[ngircd.sh] $*" >&2; }

# A server whose starting shell has exited stays a zombie until PID 1 reaps it, and kill -0 succeeds on zombies.
running() { local pid; pid=$(cat "$dir/ngircd.pid" 2>/dev/null) || return 1
  local st; st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1; [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  running || { rm -f "$dir/ngircd.pid" "$dir/port"; return 0; }
  local pid; pid=$(cat "$dir/ngircd.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/ngircd.pid" "$dir/port"
  log "stopped pid $pid"
}

start() {
  if running && [ -s "$dir/port" ]; then cat "$dir/port"; return 0; fi
  if ! command -v ngircd >/dev/null 2>&1 && ! [ -x /usr/sbin/ngircd ]; then
    log "installing ngIRCd (Debian package ngircd)"
    local tmp_policy=0
    # Never let the package start a system-wide server on 0.0.0.0:6667.
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; tmp_policy=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ngircd >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1
           DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ngircd >/dev/null; }
    [ $tmp_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  fi
  local bin; bin=$(command -v ngircd || echo /usr/sbin/ngircd)
  local port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
  cat > "$dir/ngircd.conf" <<CONF
[Global]
	Name = irc.test.local
	Info = throwaway test ircd
	AdminInfo1 = test
	AdminInfo2 = test
	AdminEMail = test@localhost
	Listen = 127.0.0.1
	Ports = $port
	MotdPhrase = test server
[Limits]
	MaxConnectionsIP = 0
	MaxJoins = 0
	MaxNickLength = 30
	MaxPenaltyTime = 0
	PingTimeout = 120
	PongTimeout = 20
[Options]
	PAM = no
	Ident = no
	DNS = no
	OperCanUseMode = yes
[Operator]
	Name = admin
	Password = adminpass
CONF
  # -n: foreground, so $! is the server's own PID (as root it drops to 'nobody' itself; its PidFile would fail).
  nohup "$bin" -n -f "$dir/ngircd.conf" > "$dir/ngircd.log" 2>&1 < /dev/null &
  echo $! > "$dir/ngircd.pid"
  for _ in $(seq 1 400); do port_open "$port" && break; sleep 0.05; done
  port_open "$port" || { tail -20 "$dir/ngircd.log" >&2; stop; exit 1; }
  echo "$port" > "$dir/port"
  log "ready on 127.0.0.1:$port (pid $(cat "$dir/ngircd.pid"))"
  echo "$port"
}

case "$cmd" in
  start) start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
