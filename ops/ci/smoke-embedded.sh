#!/usr/bin/env bash
# Smoke test of the zero-configuration start, as a user runs it: `npm start` with no
# configuration, wait for /readyz, query GraphQL and the dashboard, stop it with Ctrl-C
# (SIGINT to the process group), and check that no PostgreSQL process is left behind.
# Then start again on the same data (restart path) and stop again. While the first start runs, the
# production nginx site is put in front of it (ops/ci/nginx-routes.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
data_dir="$root/.data"
log_dir=$(mktemp -d)
api=http://127.0.0.1:3001
dashboard=http://127.0.0.1:3000

postgres_left() {
  pgrep -f -- "-D $data_dir/postgres" >/dev/null 2>&1
}

start_portal() {
  local log=$1
  # Its own process group, so SIGINT reaches npm, node and the dashboard like a Ctrl-C.
  setsid npm start >"$log" 2>&1 &
  portal_pid=$!
}

wait_ready() {
  local log=$1 deadline=$(( $(date +%s) + 180 ))
  until curl -fsS "$api/readyz" >/dev/null 2>&1 && curl -fsS "$dashboard/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$portal_pid" 2>/dev/null; then
      echo "the portal exited before it was ready:" >&2; tail -40 "$log" >&2; exit 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "the portal was not ready within 180 s:" >&2; tail -40 "$log" >&2; exit 1
    fi
    sleep 0.2
  done
}

check_serving() {
  curl -fsS "$api/readyz" | grep -q '"ready":true'
  curl -fsS -X POST "$api/api/graphql" -H 'content-type: application/json' \
    -d '{"query":"{ serverInfo { name version } }"}' | grep -q '"name":"BizOne Portal"'
  # The dashboard renders and its /backend-api proxy reaches the API.
  test "$(curl -s -o /dev/null -w '%{http_code}' -L "$dashboard/")" = 200
  curl -fsS -X POST "$dashboard/backend-api/graphql" -H 'content-type: application/json' \
    -d '{"query":"{ __typename }"}' | grep -q '"__typename":"Query"'
}

stop_portal() {
  local log=$1
  kill -INT -- "-$portal_pid"
  local status=0
  wait "$portal_pid" || status=$?
  # npm reports 130 when it was interrupted itself; the portal's own verdict is its last line.
  if { [ "$status" -ne 0 ] && [ "$status" -ne 130 ]; } || ! grep -q '"msg":"stopped"' "$log"; then
    echo "the portal did not stop cleanly on Ctrl-C (npm exit $status):" >&2; tail -40 "$log" >&2; exit 1
  fi
  for _ in $(seq 1 50); do postgres_left || break; sleep 0.2; done
  if postgres_left; then echo "PostgreSQL is still running after the portal stopped" >&2; exit 1; fi
}

if postgres_left; then echo "an embedded PostgreSQL for $data_dir is already running" >&2; exit 1; fi

echo "-- first start (fresh .data)"
rm -rf "$data_dir"
start_portal "$log_dir/first.log"
wait_ready "$log_dir/first.log"
check_serving
grep -o 'BizOne Portal is ready in [0-9.]* s: open http[^ ]*' "$log_dir/first.log"
# The production nginx site in front of it, route by route.
bash ops/ci/nginx-routes.sh
stop_portal "$log_dir/first.log"

echo "-- second start (reuses .data)"
start_portal "$log_dir/second.log"
wait_ready "$log_dir/second.log"
check_serving
grep -q 'applied database migrations' "$log_dir/second.log" && { echo "migrations ran again on restart" >&2; exit 1; }
grep -o 'BizOne Portal is ready in [0-9.]* s: open http[^ ]*' "$log_dir/second.log"
stop_portal "$log_dir/second.log"

rm -rf "$log_dir"
echo "smoke test passed: embedded start, restart and clean stop"
