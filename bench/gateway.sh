#!/usr/bin/env bash
# The gateway's cost, as ratios: one read straight to province-service and through the gateway, each without and
# with a bearer token (RATE_LIMIT_PER_SECOND=0, so the limiter does not cap the load).
#   bench/gateway.sh [seconds-per-round] [clients] [rounds]   (defaults 5, 8, 7)
# Starts the whole system with ./nangsuat run and stops it at the end. With nginx installed (apt-get install nginx), a
# fifth way goes through nginx as a plain reverse proxy to province-service: what a hop that does nothing else costs
# on the same cores, the reference the gateway's ratio is read against.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system

token=$(java -jar devstack/target/devstack.jar token --role admin)
reference=()
if command -v nginx > /dev/null; then
  conf=$(mktemp -d)
  cat > "$conf/nginx.conf" <<NGINX
worker_processes 2;
pid $conf/nginx.pid;
error_log $conf/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream province { server 127.0.0.1:8081; keepalive 64; }
  server {
    listen 127.0.0.1:18090;
    location / { proxy_pass http://province; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
  nginx -c "$conf/nginx.conf"
  trap 'nginx -c "$conf/nginx.conf" -s stop; stop_system' EXIT
  reference=(http://127.0.0.1:18090)
fi
java bench/GatewayBench.java "$token" "${1:-5}" "${2:-8}" "${3:-7}" "${reference[@]}"
