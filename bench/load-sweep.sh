#!/usr/bin/env bash
# Load held: every GET of every service's contract (real ids) and the main writes, 64 concurrent clients (wrk, 2
# threads), straight to the owning service and through the gateway, on 63 units x 2010-2024 and 34 units x 2025 of
# GRDP and workers and 20 plans. Prints, per endpoint, req/s, p50, p99, answers that were not 2xx/3xx and timeouts
# (wrk gives up on a request after 10 s here).
#   bench/load-sweep.sh [seconds-per-endpoint]   (default 5)
# Starts the whole system with ./nangsuat run (rate limits off, as a load from one address is one client to the
# gateway), installing wrk from Debian's packages when missing, and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
command -v wrk > /dev/null || { apt-get install -y wrk > /dev/null 2>&1 || sudo apt-get install -y wrk > /dev/null; }
mvn -B -q -DskipTests package > /dev/null
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system
token=$(java -jar devstack/target/devstack.jar token --role admin)
gw=http://127.0.0.1:8080
auth=(-H "Authorization: Bearer $token")

# Data: GRDP and workers for the units of each year (bench values), then 20 plans of units in force today.
until curl -s "$gw/api/v1/provinces?size=100" | grep -q '"code":"38"'; do sleep 0.5; done  # the gateway reaches it
csv=$(mktemp)
echo "unit,indicator,period,value,status,source" > "$csv"
for year in $(seq 2010 2025); do
  for unit in $(curl -s "$gw/api/v1/provinces?asOf=$year-12-31&size=100" | grep -o '"code":"[0-9]*"' | cut -d'"' -f4 | sort -u); do
    echo "$unit,GRDP_CONSTANT,$year,$((50000 + 10#$unit * 1000 + (year - 2010) * 2500)),OFFICIAL,bench (fictional)" >> "$csv"
    echo "$unit,EMPLOYED_WORKERS,$year,$((500 + 10#$unit * 5)),OFFICIAL,bench (fictional)" >> "$csv"
  done
done
[ "$(wc -l < "$csv")" -gt 1000 ] || { echo "the bench's values were not made: $(wc -l < "$csv") lines"; exit 1; }
job=$(curl -s "${auth[@]}" -H 'Content-Type: text/csv' -H 'Prefer: wait=60' --data-binary "@$csv" \
  "$gw/api/v1/observations/imports" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
echo "imported $(($(wc -l < "$csv") - 1)) values (job $job)"
plan=
for unit in $(curl -s "$gw/api/v1/provinces?size=100" | grep -o '"code":"[0-9]*"' | cut -d'"' -f4 | sort -u | head -20); do
  id=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -X POST "$gw/api/v1/plans" \
    -d "{\"unitCode\":\"$unit\",\"title\":\"Kế hoạch $unit\",\"startYear\":2026,\"endYear\":2030,\"legalBasis\":\"DECISION_36_2021\"}" \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  plan=${plan:-$id}
done
sleep 3  # the values and plans reach plan-service's replica
target_id=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -X POST "$gw/api/v1/plans/$plan/targets" \
  -d '{"indicator":"GRDP_CONSTANT","kind":"LEVEL","baselineYear":2024,"targetYear":2030,"targetValue":150000}' \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
task_id=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -X POST "$gw/api/v1/plans/$plan/tasks" \
  -d '{"title":"Hỗ trợ doanh nghiệp","leadAgency":"Sở Khoa học và Công nghệ","startDate":"2026-01-01","endDate":"2027-12-31"}' \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
echo "plan $plan, its target $target_id and task $task_id"

# Every GET of each service's contract, with real values for its parameters.
declare -A port=([province]=8081 [indicator]=8082 [plan]=8083)
targets=()
for service in province indicator plan; do
  while read -r target; do
    targets+=("$service $target")
  done < <(curl -s "http://127.0.0.1:$((port[$service] + 1000))/q/openapi?format=json" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
values = {"unit": "19", "indicator": "GRDP_CONSTANT", "period": "2024", "year": "2025", "planId": sys.argv[1],
          "targetId": sys.argv[2], "taskId": sys.argv[3]}
query = {"indicator": "LABOUR_PRODUCTIVITY_CONSTANT", "period": "2024", "from": "2010", "to": "2025", "unit": "19",
         "harmonize": "2025-07-01", "concern": "OVERDUE", "updatedAfter": "2020-01-01T00:00:00Z"}
for path, item in sorted(doc["paths"].items()):
    get = item.get("get")
    if not get:
        continue
    code = {"indicators": "GRDP_CONSTANT", "national-goals": "LABOUR_PRODUCTIVITY_GROWTH"}.get(path.split("/")[3], "19")
    target = path.replace("{code}", code).replace("{id}", sys.argv[4] if "/imports/" in path else sys.argv[1])
    for name, value in values.items():
        target = target.replace("{" + name + "}", value)
    while "{" in target:
        target = target[:target.index("{")] + "1" + target[target.index("}") + 1:]
    required = [p["name"] for p in get.get("parameters", []) if p.get("in") == "query" and p.get("required")]
    if path.endswith("/changes"):
        required.append("updatedAfter")
    if path.endswith("/crosswalk"):
        query_here = dict(query, **{"from": "2025-06-30", "to": "2025-07-01"})
    else:
        query_here = query
    if required:
        target += "?" + "&".join(n + "=" + query_here.get(n, "1") for n in required)
    print(target)
' "$plan" "$target_id" "$task_id" "$job")
done

# The main writes: a value recorded (a first value each time: a monthly indicator of the bench's per run, each request
# a unit and month of August 2008 (the first fully modelled month) to mid-2025 not written before) and a plan drafted.
for indicator in BENCH_SWEEP_1 BENCH_SWEEP_2; do
  curl -s -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$gw/api/v1/indicators" -d "{\"code\":\"$indicator\",
    \"name\":\"Bench sweep\",\"nameVi\":\"Bench sweep\",\"unit\":\"count\",\"periodicity\":\"MONTH\",\"decimals\":0,
    \"better\":\"HIGHER\",\"aggregation\":\"ADDITIVE\",\"overTime\":\"FLOW\",\"description\":\"Values written by bench/load-sweep.sh\"}"
done
lua=$(mktemp --suffix .lua)
cat > "$lua" <<LUA
local units = {"02","04","08","11","12","15","19","22","24","25","31","33","37","38","40","42","44","46","48","51","52"}
local threads, n = 0, 0
local kind, indicator = os.getenv("WRITE"), os.getenv("INDICATOR")
function setup(thread) thread:set("offset", threads * 2709); threads = threads + 1 end
function request()
  n = n + 1
  local headers = {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}
  if kind == "value" then
    local k = offset + n
    local m = math.floor(k / #units) % 203 + 7
    local path = string.format("/api/v1/observations/%s/%s/%d-%02d", units[(k % #units) + 1], indicator,
        2008 + math.floor(m / 12), m % 12 + 1)
    return wrk.format("PUT", path, headers, '{"value":' .. n .. ',"status":"OFFICIAL","source":"bench"}')
  end
  return wrk.format("POST", "/api/v1/plans", headers,
      '{"unitCode":"38","title":"Kế hoạch","startYear":2026,"endYear":2030,"legalBasis":"DECISION_36_2021"}')
end
LUA

run() {  # run <label> <url> <lua or ""> <via> [header options]: one wrk run, one line
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --timeout 10s --latency ${3:+-s "$3"} "${@:5}" "$2" 2>&1)
  printf '%-58s %-7s %9s %9s %9s %7s %7s\n' "$1" "$4" \
    "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$out")" \
    "$(awk '$1 == "50%" { print $2 }' <<< "$out")" "$(awk '$1 == "99%" { print $2 }' <<< "$out")" \
    "$(awk '/Non-2xx/ { print $5 }' <<< "$out" | grep . || echo 0)" \
    "$(grep -o 'timeout [0-9]*' <<< "$out" | awk '{ print $2 }' | grep . || echo 0)"
}
printf '%-58s %-7s %9s %9s %9s %7s %7s\n' endpoint via req/s p50 p99 non-2xx timeouts
for entry in "${targets[@]}"; do
  service=${entry%% *}; target=${entry#* }
  # Import jobs are read by those who may import: with the token. Every other read is public.
  [[ $target == */imports/* ]] && read_auth=("${auth[@]}") || read_auth=()
  status=$(curl -s -o /dev/null -w '%{http_code}' "${read_auth[@]}" "http://127.0.0.1:${port[$service]}$target")
  run "GET $target [$status]" "http://127.0.0.1:${port[$service]}$target" "" straight "${read_auth[@]}"
  run "GET $target [$status]" "$gw$target" "" gateway "${read_auth[@]}"
done
run "GET /api/v1/provinces/19/overview" "$gw/api/v1/provinces/19/overview" "" gateway
WRITE=value INDICATOR=BENCH_SWEEP_1 run "PUT /api/v1/observations/{unit}/{indicator}/{month}" "http://127.0.0.1:8082" "$lua" straight
WRITE=value INDICATOR=BENCH_SWEEP_2 run "PUT /api/v1/observations/{unit}/{indicator}/{month}" "$gw" "$lua" gateway
WRITE=plan run "POST /api/v1/plans" "http://127.0.0.1:8083" "$lua" straight
WRITE=plan run "POST /api/v1/plans" "$gw" "$lua" gateway
rm -f "$csv" "$lua"
