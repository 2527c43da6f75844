# Sourced by the benches: starts the whole system with ./nangsuat run (environment passed through) and waits
# until the gateway and every service answer readiness (the gateway alone is ready with any one service).
# Leaves $runner (the run's pid) and stops the system when the bench exits, or earlier with stop_system.
start_system() {
  local log
  log=$(mktemp)
  ./nangsuat stop > /dev/null 2>&1 || true
  ./nangsuat run > "$log" 2>&1 &
  runner=$!
  trap stop_system EXIT
  for port in 8080 8081 8082 8083; do
    until curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready" 2>/dev/null; do
      kill -0 "$runner" 2>/dev/null || { echo "run failed:"; cat "$log"; exit 1; }
      sleep 0.2
    done
  done
}

stop_system() {
  kill -TERM "$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
}
