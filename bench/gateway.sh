#!/usr/bin/env bash
# The gateway's cost, as ratios: one read straight to province-service and through the gateway, each without and
# with a bearer token (RATE_LIMIT_PER_SECOND=0, so the limiter does not cap the load).
#   bench/gateway.sh [seconds-per-round] [clients] [rounds]   (defaults 5, 8, 7)
# Starts the whole system with ./nangsuat run and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system

token=$(java -jar devstack/target/devstack.jar token --role admin)
java bench/GatewayBench.java "$token" "${1:-5}" "${2:-8}" "${3:-7}"
