#!/usr/bin/env bash
# Reads that change a few times a year, against the same service's liveness, side by side in one run, as ratios:
# a unit by code and a page of 34 units (province-service), a definition by code (indicator-service), the
# national goals (plan-service), each straight to its service (no gateway). wrk, 2 threads, 64 connections.
#   bench/reads.sh [seconds-per-run] [rounds]   (defaults 10, 3)
# Starts the whole system with ./nangsuat run (installing wrk from Debian's packages when missing) and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
command -v wrk > /dev/null || { apt-get install -y wrk > /dev/null 2>&1 || sudo apt-get install -y wrk > /dev/null; }
source bench/system.sh
start_system

rate() {  # requests/s of one wrk run
  wrk -t2 -c64 -d"${seconds}s" "$1" | awk '/Requests\/sec/ { print $2 }'
}
declare -A targets=(
  [province-liveness]=http://127.0.0.1:9081/q/health/live
  [unit-by-code]=http://127.0.0.1:8081/api/v1/provinces/38
  [page-of-34-units]="http://127.0.0.1:8081/api/v1/provinces?size=50"
  [indicator-liveness]=http://127.0.0.1:9082/q/health/live
  [definition-by-code]=http://127.0.0.1:8082/api/v1/indicators/GRDP
  [plan-liveness]=http://127.0.0.1:9083/q/health/live
  [national-goals]=http://127.0.0.1:8083/api/v1/national-goals
)
order=(province-liveness unit-by-code page-of-34-units indicator-liveness definition-by-code plan-liveness national-goals)
for name in "${order[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${targets[$name]}")
  [ "$code" = 200 ] || { echo "$name answers $code: ${targets[$name]}"; exit 1; }
  wrk -t2 -c64 -d2s "${targets[$name]}" > /dev/null  # warm-up
done
declare -A sums
for round in $(seq 1 "$rounds"); do
  for name in "${order[@]}"; do
    r=$(rate "${targets[$name]}")
    sums[$name]=$(awk -v a="${sums[$name]:-0}" -v b="$r" 'BEGIN { print a + b }')
    echo "round $round  $name  $r req/s"
  done
done
echo
mean() { awk -v s="${sums[$1]}" -v n="$rounds" 'BEGIN { printf "%.0f", s / n }'; }
ratio() { awk -v a="$(mean "$1")" -v b="$(mean "$2")" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-20s %8s req/s  %s of liveness\n' unit-by-code "$(mean unit-by-code)" "$(ratio unit-by-code province-liveness)"
printf '%-20s %8s req/s  %s of liveness\n' page-of-34-units "$(mean page-of-34-units)" "$(ratio page-of-34-units province-liveness)"
printf '%-20s %8s req/s  %s of liveness\n' definition-by-code "$(mean definition-by-code)" "$(ratio definition-by-code indicator-liveness)"
printf '%-20s %8s req/s  %s of liveness\n' national-goals "$(mean national-goals)" "$(ratio national-goals plan-liveness)"
printf 'liveness: province %s, indicator %s, plan %s req/s\n' "$(mean province-liveness)" "$(mean indicator-liveness)" "$(mean plan-liveness)"
