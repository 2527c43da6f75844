#!/usr/bin/env bash
# Outbox relay: commit-to-Kafka latency (p50, p99) and events per second draining a backlog.
#   bench/relay.sh [latency-events] [backlog-events]   (defaults 300 and 2000)
# Starts devstack and province-service when they are not running, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
latency=${1:-300}
backlog=${2:-2000}
jar=devstack/target/devstack.jar
[ -f province-service/target/quarkus-app/quarkus-run.jar ] || mvn -B -q -DskipTests package

started_devstack=""
if ! java -jar "$jar" status > /dev/null 2>&1; then
  java -jar "$jar" up > /dev/null
  started_devstack=yes
fi
service_pid=""
if ! curl -fsS -o /dev/null http://127.0.0.1:9081/q/health/ready 2>/dev/null; then
  HTTP_HOST=127.0.0.1 LOG_JSON=false JWT_PUBLIC_KEY_LOCATION="$PWD/.devstack/keys/public.pem" \
    JWT_ISSUER=https://nangsuat.vn/devstack DB_PASSWORD=province-dev \
    java -Xmx256m -XX:+UseSerialGC -jar province-service/target/quarkus-app/quarkus-run.jar > /tmp/bench-province.log 2>&1 &
  service_pid=$!
  until curl -fsS -o /dev/null http://127.0.0.1:9081/q/health/ready 2>/dev/null; do sleep 0.3; done
fi
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  [ -n "$started_devstack" ] && java -jar "$jar" down > /dev/null || true
}
trap cleanup EXIT

token=$(java -jar "$jar" token --role admin)
java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "devstack/target/lib/*" bench/RelayBench.java http://127.0.0.1:8081 "$token" "$latency" "$backlog" "$jar" \
  2>&1 | grep -v '^Kafka is'
