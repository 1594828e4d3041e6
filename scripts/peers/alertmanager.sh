#!/usr/bin/env bash
# A throwaway Prometheus Alertmanager on 127.0.0.1 for integration tests, from Debian's package.
#   WEBHOOK_URL=http://127.0.0.1:PORT/hooks/alertmanager [WEBHOOK_BEARER=token] \
#   scripts/peers/alertmanager.sh start DIR [PORT]   installs prometheus-alertmanager if missing, starts it (on a
#                                                    free port unless PORT is given), prints the API port
#   scripts/peers/alertmanager.sh stop DIR           stops the server started in DIR (by its recorded PID)
# One route sends every alert group at once to WEBHOOK_URL (group_wait 0s, group_interval 1s, resolved too), with
# 'Authorization: Bearer $WEBHOOK_BEARER' when it is set. Clustering is off (no 0.0.0.0:9094 gossip listener).
# API: POST /api/v2/alerts, GET /api/v2/alerts, POST /api/v2/silences. Files in DIR: alertmanager.yml data/
# alertmanager.log alertmanager.pid port
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR [PORT]}; dir=${2:?usage: $0 start|stop DIR [PORT]}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
log() { echo "[alertmanager.sh] $*" >&2; }

# A server whose starting shell has exited stays a zombie until PID 1 reaps it, and kill -0 succeeds on zombies.
running() { local pid; pid=$(cat "$dir/alertmanager.pid" 2>/dev/null) || return 1
  local st; st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1; [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

stop() {
  running || { rm -f "$dir/alertmanager.pid" "$dir/port"; return 0; }
  local pid; pid=$(cat "$dir/alertmanager.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/alertmanager.pid" "$dir/port"
  log "stopped pid $pid"
}

start() {
  if running && [ -s "$dir/port" ]; then cat "$dir/port"; return 0; fi
  : "${WEBHOOK_URL:?set WEBHOOK_URL to the receiver Alertmanager should post to}"
  if ! command -v prometheus-alertmanager >/dev/null; then
    log "installing prometheus-alertmanager (Debian package)"
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus-alertmanager >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1
           DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus-alertmanager >/dev/null; }
  fi
  local port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
  local auth=""
  if [ -n "${WEBHOOK_BEARER:-}" ]; then
    auth=$'\n        http_config:\n          authorization:\n            type: Bearer\n            credentials_file: '"$dir/webhook-bearer"
    ( umask 077; printf '%s' "$WEBHOOK_BEARER" > "$dir/webhook-bearer" )
  fi
  cat > "$dir/alertmanager.yml" <<CONF
global:
  resolve_timeout: 5m
route:
  receiver: switchboard
  group_by: ['alertname']
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: switchboard
    webhook_configs:
      - url: '$WEBHOOK_URL'
        send_resolved: true$auth
CONF
  nohup prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --web.external-url="http://127.0.0.1:$port" \
    --cluster.listen-address= --log.level=info > "$dir/alertmanager.log" 2>&1 < /dev/null &
  echo $! > "$dir/alertmanager.pid"
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready" && break; sleep 0.05; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready" || { tail -20 "$dir/alertmanager.log" >&2; stop; exit 1; }
  echo "$port" > "$dir/port"
  log "ready on 127.0.0.1:$port (pid $(cat "$dir/alertmanager.pid")), posting to $WEBHOOK_URL"
  echo "$port"
}

case "$cmd" in
  start) start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
