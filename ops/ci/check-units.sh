#!/usr/bin/env bash
# The systemd units as systemd itself reads them (`systemd-analyze verify`: syntax, directives, the
# executables they start), and the stop timeouts against the shutdown bounds: systemd's SIGKILL must come
# after the process's own hard stop (SHUTDOWN_TIMEOUT_MS + 10 s, api/src/main.ts and worker.ts), which
# itself leaves room for the campaign dispatcher's drain (~10 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is not installed" >&2; exit 1; }
units=(ops/systemd/*.service ops/systemd/*.timer)
output=$(systemd-analyze verify "${units[@]}" 2>&1 || true)
# Only our units' findings count (the host's own units may have warnings of their own).
problems=$(grep -E 'bizone-[a-z-]+\.(service|timer)' <<<"$output" || true)
if [ -n "$problems" ]; then
  echo "systemd-analyze verify found problems:" >&2
  echo "$problems" >&2
  exit 1
fi

shutdown_s=$(($(sed -n 's/^SHUTDOWN_TIMEOUT_MS=//p' .env.example) / 1000))
hard_stop_s=$((shutdown_s + 10))
dispatcher_drain_s=10
for unit in ops/systemd/bizone-api.service ops/systemd/bizone-worker.service ops/systemd/bizone-dashboard.service; do
  stop=$(sed -n 's/^TimeoutStopSec=//p' "$unit")
  [ -n "$stop" ] || { echo "$unit has no TimeoutStopSec" >&2; exit 1; }
  [ "$stop" -gt "$dispatcher_drain_s" ] || { echo "$unit: TimeoutStopSec=$stop is not above the dispatcher's drain ($dispatcher_drain_s s)" >&2; exit 1; }
  case $unit in
    *dashboard*) ;; # its own grace is 10 s (dashboard/server.js)
    *) [ "$stop" -gt "$hard_stop_s" ] || { echo "$unit: TimeoutStopSec=$stop is not above the hard stop ($hard_stop_s s)" >&2; exit 1; } ;;
  esac
  grep -q '^KillMode=mixed' "$unit" || { echo "$unit: KillMode must be mixed (SIGTERM to the main process first)" >&2; exit 1; }
done
echo "systemd units ok: ${units[*]}"
