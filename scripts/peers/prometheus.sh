#!/usr/bin/env bash
# A throwaway Prometheus on 127.0.0.1 for integration tests, from Debian's package.
#   ALERTMANAGER=127.0.0.1:PORT [RULES_FILE=rules.yml] \
#   scripts/peers/prometheus.sh start DIR [PORT]   installs prometheus if missing, starts it (on a free port unless
#                                                  PORT is given), prints the HTTP port
#   scripts/peers/prometheus.sh stop DIR           stops the server started in DIR (by its recorded PID)
# It scrapes itself and evaluates rules every 1 s. With ALERTMANAGER set it loads RULES_FILE (copied to DIR/rules.yml;
# without one, an always-firing alert 'AlwaysFiring', severity info) and sends alerts there, re-sending every 1 s:
# with Prometheus's default resend delay (1m) an alert that fires before the Alertmanager target is discovered (a 5 s
# tick after start) is only sent a minute later. API: GET /api/v1/query?query=up, GET /api/v1/alerts. Ready check:
# GET /-/ready. Files in DIR: prometheus.yml rules.yml data/ prometheus.log prometheus.pid port
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR [PORT]}; dir=${2:?usage: $0 start|stop DIR [PORT]}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
log() { echo "[prometheus.sh] $*" >&2; }

# A server whose starting shell has exited stays a zombie until PID 1 reaps it, and kill -0 succeeds on zombies.
running() { local pid; pid=$(cat "$dir/prometheus.pid" 2>/dev/null) || return 1
  local st; st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1; [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

stop() {
  running || { rm -f "$dir/prometheus.pid" "$dir/port"; return 0; }
  local pid; pid=$(cat "$dir/prometheus.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do running || break; sleep 0.1; done
  running && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/prometheus.pid" "$dir/port"
  log "stopped pid $pid"
}

start() {
  if running && [ -s "$dir/port" ]; then cat "$dir/port"; return 0; fi
  if ! command -v prometheus >/dev/null; then
    log "installing prometheus (Debian package)"
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null 2>&1
           DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus >/dev/null; }
  fi
  local port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
  local alerting=""
  if [ -n "${ALERTMANAGER:-}" ]; then
    if [ -n "${RULES_FILE:-}" ]; then
      cp "$RULES_FILE" "$dir/rules.yml"
    else
      cat > "$dir/rules.yml" <<'RULES'
groups:
  - name: test
    interval: 1s
    rules:
      - alert: AlwaysFiring
        expr: vector(1)
        for: 0s
        labels:
          severity: info
        annotations:
          summary: "test alert from a prometheus rule"
RULES
    fi
    alerting="rule_files:
  - $dir/rules.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['$ALERTMANAGER']"
  fi
  cat > "$dir/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
$alerting
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:$port']
CONF
  nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --web.external-url="http://127.0.0.1:$port" \
    --rules.alert.resend-delay=1s > "$dir/prometheus.log" 2>&1 < /dev/null &
  echo $! > "$dir/prometheus.pid"
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready" && break; sleep 0.05; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready" || { tail -20 "$dir/prometheus.log" >&2; stop; exit 1; }
  echo "$port" > "$dir/port"
  log "ready on 127.0.0.1:$port (pid $(cat "$dir/prometheus.pid"))${ALERTMANAGER:+, alerting to $ALERTMANAGER}"
  echo "$port"
}

case "$cmd" in
  start) start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
