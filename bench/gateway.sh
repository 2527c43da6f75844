#!/usr/bin/env bash
# The gateway's cost, as ratios: one read straight to province-service and through the gateway, each without and
# with a bearer token (RATE_LIMIT_PER_SECOND=0, so the limiter does not cap the load).
#   bench/gateway.sh [seconds-per-round] [clients] [rounds]   (defaults 5, 8, 7)
# Starts the whole system with ./nangsuat run and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)

./nangsuat stop > /dev/null 2>&1 || true
RATE_LIMIT_PER_SECOND=0 ./nangsuat run > "$log" 2>&1 &
runner=$!
trap 'kill -TERM "$runner" 2>/dev/null; wait "$runner" 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null http://127.0.0.1:8080/q/health/ready 2>/dev/null; do
  kill -0 "$runner" 2>/dev/null || { echo "run failed:"; cat "$log"; exit 1; }
  sleep 0.5
done

token=$(java -jar devstack/target/devstack.jar token --role admin)
java bench/GatewayBench.java "$token" "${1:-5}" "${2:-8}" "${3:-7}"
