#!/usr/bin/env bash
# The reads frontends make all day, against the same service's liveness, side by side in one run, as ratios (issue
# 19's goals): national goals and dashboard (plan-service), a unit's series, its harmonised series, a cross-section, an
# aggregate and an aggregate series (indicator-service), each straight to its service, and a unit's overview through
# the gateway; wrk, 2 threads, 64 connections, req/s, p50, p99 and answers that were not 2xx/3xx. Then the same reads
# at one client (p50) on the base volume, on 10 times its values and on about a million monthly values, and each
# service's resident memory at the end.
#   bench/read-models.sh [seconds-per-run]   (default 10)
# Builds, starts the whole system with ./nangsuat run (rate limits off) on a reset devstack, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk > /dev/null || { apt-get install -y wrk > /dev/null 2>&1 || sudo apt-get install -y wrk > /dev/null; }
mvn -B -q -DskipTests package > /dev/null
./nangsuat stop > /dev/null 2>&1 || true
./nangsuat reset > /dev/null
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system
token=$(java -jar devstack/target/devstack.jar token --role admin)
until curl -s "http://127.0.0.1:8080/api/v1/provinces?size=100" | grep -q '"code":"38"'; do sleep 0.5; done

lp=LABOUR_PRODUCTIVITY_CONSTANT
declare -A url=(
  [plan-liveness]=http://127.0.0.1:9083/q/health/live
  [national-goals]=http://127.0.0.1:8083/api/v1/national-goals
  [dashboard]=http://127.0.0.1:8083/api/v1/dashboard
  [indicator-liveness]=http://127.0.0.1:9082/q/health/live
  [unit-series]="http://127.0.0.1:8082/api/v1/observations?unit=19&indicator=GRDP_CONSTANT"
  [harmonised-series]="http://127.0.0.1:8082/api/v1/observations/harmonized?unit=19&indicator=$lp&from=2015&to=2025&harmonize=2025-07-01"
  [cross-section]="http://127.0.0.1:8082/api/v1/cross-sections?indicator=$lp&period=2022"
  [aggregate]="http://127.0.0.1:8082/api/v1/aggregates?indicator=$lp&period=2024"
  [aggregate-series]="http://127.0.0.1:8082/api/v1/aggregates/series?indicator=$lp&from=2010&to=2025"
  [gateway-liveness]=http://127.0.0.1:9080/q/health/live
  [overview]=http://127.0.0.1:8080/api/v1/provinces/19/overview
)
reads=(national-goals dashboard unit-series harmonised-series cross-section aggregate aggregate-series overview)
declare -A liveness=([national-goals]=plan-liveness [dashboard]=plan-liveness [overview]=gateway-liveness)
declare -A goal=([national-goals]=0.5 [dashboard]=0.5)

ms() {  # wrk's 1.23ms / 456.78us / 1.02s in milliseconds
  awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000; printf "%.2f", v }'
}
declare -A rps p50 p99 failed single
under_load() {  # name: 64 connections
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "${url[$1]}")
  rps[$1]=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$out")
  p50[$1]=$(ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")
  p99[$1]=$(ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")
  failed[$1]=$(( $(awk '/Non-2xx/ { print $NF }' <<< "$out") + 0 ))
}
one_client() {  # name: p50 at one connection
  single[$1]=$(ms "$(wrk -t1 -c1 -d3s --latency "${url[$1]}" | awk '$1 == "50%" { print $2 }')")
}
settled() {  # until no read model of plan-service or indicator-service waits to be computed again
  for port in 8082 8083; do
    until curl -s "http://127.0.0.1:$((port + 1000))/q/health/ready" | python3 -c '
import json, sys
checks = json.load(sys.stdin)["checks"]
data = next(c for c in checks if c["name"] == "Read models")["data"]
events = next((c for c in checks if c["name"] == "Events"), {"data": {}})["data"]
behind = [k for k, v in data.items() if k.endswith(" stale") and v] + [k for k, v in events.items() if k.endswith("eventsBehind") and v]
sys.exit(1 if behind else 0)'; do sleep 0.2; done
  done
}
check_all() {
  for name in "${reads[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "${url[$name]}")
    [ "$code" = 200 ] || { echo "$name answers $code: ${url[$name]}"; curl -s "${url[$name]}"; exit 1; }
  done
}
table() {  # title
  echo
  echo "$1"
  for name in plan-liveness indicator-liveness gateway-liveness "${reads[@]}"; do
    wrk -t2 -c64 -d10s "${url[$name]}" > /dev/null  # warm-up: the JIT compiles each path for seconds
    under_load "$name"
  done
  printf '%-20s %9s %9s %9s %8s %10s %6s\n' read req/s p50-ms p99-ms non-2xx vs-liveness goal
  for name in plan-liveness indicator-liveness gateway-liveness; do
    printf '%-20s %9s %9s %9s %8s\n' "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "${failed[$name]}"
  done
  for name in "${reads[@]}"; do
    base=${liveness[$name]:-indicator-liveness}
    printf '%-20s %9s %9s %9s %8s %10s %6s\n' "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "${failed[$name]}" \
      "$(awk -v a="${rps[$name]}" -v b="${rps[$base]}" 'BEGIN { printf "%.2f", a / b }')" "${goal[$name]:-0.3}"
  done
}

java bench/ReadModelsBench.java base "$token"
settled
check_all
table "base volume: 3 yearly indicators x units x 2010-2025, 20 plans with 80 targets (64 connections)"
declare -A base_single
for name in "${reads[@]}"; do one_client "$name"; base_single[$name]=${single[$name]}; done

java bench/ReadModelsBench.java monthly "$token" 3
settled
declare -A tenfold_single
for name in "${reads[@]}"; do one_client "$name"; tenfold_single[$name]=${single[$name]}; done

java bench/ReadModelsBench.java monthly "$token" 81 4
settled
check_all
table "about a million values: the base volume and 84 monthly indicators x 63 units x 192 months (64 connections)"
declare -A million_single
for name in "${reads[@]}"; do one_client "$name"; million_single[$name]=${single[$name]}; done

echo
echo "one client, p50 in ms: base volume, 10 times its values, about a million values (growth: goal under 2)"
printf '%-20s %9s %9s %9s %8s %8s\n' read base x10 million x10/base million/base
for name in "${reads[@]}"; do
  printf '%-20s %9s %9s %9s %8s %8s\n' "$name" "${base_single[$name]}" "${tenfold_single[$name]}" "${million_single[$name]}" \
    "$(awk -v a="${tenfold_single[$name]}" -v b="${base_single[$name]}" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="${million_single[$name]}" -v b="${base_single[$name]}" 'BEGIN { printf "%.2f", a / b }')"
done

echo
# Twice: at once, with the bench's 64 connections just closed, and once idle (the worker pool lets a thread go after
# 30 s unused; the heap is given back after 10 s without a collection, service-kit's IdleHeapRelease; malloc's arenas
# as the service's JVM options say).
resident() {
  for name in gateway province-service indicator-service plan-service; do
    pid=$(pgrep -f "$name/target/quarkus-app/quarkus-run.jar" | head -n 1)
    printf '%-20s %8d %8d\n' "$name" "$(( $(ps -o rss= -p "$pid") / 1024 ))" "$(ls "/proc/$pid/task" | wc -l)"
    if [[ "${SERVICE_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
      jcmd "$pid" VM.native_memory summary | grep -E "^(Total|-)" | sed 's/^/    /'
    fi
  done
}
echo "resident memory after the bench, MB, and threads (goal: at most 300 each)"
resident
sleep 40
echo "the same 40 s later, idle"
resident
