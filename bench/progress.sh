#!/usr/bin/env bash
# How soon plans follow the values: an observation's PUT through the gateway to its target's progress, many times
# (p50, p99), and the end of a 100,000-row import to the last of its targets recomputed (see ProgressBench.java).
#   bench/progress.sh [writes]   (default 200)
# Builds, starts the whole system with ./nangsuat run on a reset devstack, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package > /dev/null
./nangsuat stop > /dev/null 2>&1 || true
./nangsuat reset > /dev/null  # the writes flip a target's status from what the seeds give: not from an earlier run's
source bench/system.sh
RATE_LIMIT_PER_SECOND=0 start_system  # the bench writes faster than a client may
token=$(java -jar devstack/target/devstack.jar token --role admin)
java bench/ProgressBench.java "$token" "${1:-200}"
