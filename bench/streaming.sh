#!/usr/bin/env bash
# A large import body through the gateway, against the same body sent straight to the service, with the gateway's
# heap sampled while it forwards (issue: "a 200 MB CSV import passes the gateway within a fixed memory").
#   bench/streaming.sh [megabytes] [rounds] [gateway-heap]   (defaults 200, 3, 64m)
# Runs the packaged gateway alone (mvn -DskipTests package first), its heap capped at gateway-heap, with
# indicator-service's paths routed to a sink inside the bench, so the numbers are the gateway's own.
set -euo pipefail
cd "$(dirname "$0")/.."
sink=18182
port=18180
token=$(./nangsuat token --role admin | tail -1)
HTTP_PORT=$port MANAGEMENT_PORT=$((port + 1000)) INDICATOR_SERVICE_URL=http://127.0.0.1:$sink \
  INDICATOR_SERVICE_MANAGEMENT_PORT=$sink PROVINCE_SERVICE_URL=http://127.0.0.1:1 \
  PLAN_SERVICE_URL=http://127.0.0.1:1 JWT_PUBLIC_KEY_LOCATION=$PWD/.devstack/keys/public.pem JWT_ISSUER=https://nangsuat.vn/devstack \
  RATE_LIMIT_PER_SECOND=0 \
  LOG_JSON=false java -Xmx"${3:-64m}" -XX:+UseSerialGC -jar gateway/target/quarkus-app/quarkus-run.jar \
  > /tmp/streaming-gateway.log 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null' EXIT
java bench/StreamingBench.java "$token" $sink "http://127.0.0.1:$port" "${1:-200}" "${2:-3}"
