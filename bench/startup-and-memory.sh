#!/usr/bin/env bash
# Baseline: seconds from `./nangsuat run` to a ready gateway and services, then the RSS of every process after a few
# hundred requests through the gateway. Run from a built tree (./nangsuat run builds first if needed; the
# build is not counted when the jars are current). Stops the system at the end.
#   bench/startup-and-memory.sh [requests]   (default 400)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-400}

./nangsuat stop > /dev/null 2>&1 || true
mvn -B -q -DskipTests package > /dev/null   # build outside the measurement
mkdir -p target && touch target/.nangsuat-build

source bench/system.sh
start=$(date +%s.%N)
start_system   # waits for the gateway and every service: the gateway alone is ready with any one of them
ready=$(date +%s.%N)
printf 'run -> gateway and every service ready: %.1f s\n' "$(echo "$ready - $start" | bc)"

paths=(/api/v1/provinces/38 "/api/v1/provinces?asOf=2025-06-30&size=100" /api/v1/indicators /api/v1/national-goals /api/v1/provinces/99)
for ((i = 0; i < requests; i++)); do
  curl -s -o /dev/null "http://127.0.0.1:8080${paths[i % ${#paths[@]}]}"
done
echo "after $requests requests through the gateway:"
printf '%-20s %8s\n' process "RSS MB"
for name in gateway province-service indicator-service plan-service; do
  pid=$(pgrep -f "$name/target/quarkus-app/quarkus-run.jar" | head -n 1)
  printf '%-20s %8d\n' "$name" "$(( $(ps -o rss= -p "$pid") / 1024 ))"
done
printf '%-20s %8d\n' "kafka" "$(( $(ps -o rss= -p "$(pgrep -f kafka.Kafka | head -n 1)") / 1024 ))"
printf '%-20s %8d\n' "mariadbd" "$(( $(ps -o rss= -p "$(pgrep -f bin/mariadbd | head -n 1)") / 1024 ))"
printf '%-20s %8d\n' "devstack run" "$(( $(ps -o rss= -p "$(pgrep -f 'devstack.jar run' | head -n 1)") / 1024 ))"

stop_system
for port in 8080 8081 8082 8083 3307 19092; do
  if (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port still open after stop"; fi
done
