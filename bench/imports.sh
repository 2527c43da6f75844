#!/usr/bin/env bash
# Bulk import against the fastest ways the same MariaDB takes the same rows, side by side, as ratios (see
# ImportBench.java), then the service's heap high-water mark during a million-row import.
#   bench/imports.sh [rounds] [million-rows: true|false]   (defaults 3, true)
# Builds, starts the whole system with ./nangsuat run, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package > /dev/null
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system  # the latency runs ask faster than a client may
token=$(java -jar devstack/target/devstack.jar token --role admin)
driver=$(ls indicator-service/target/quarkus-app/lib/main/com.mysql.mysql-connector-j-*.jar | head -1)
java -cp "$driver" bench/ImportBench.java "$token" "${1:-3}" "${2:-true}"
