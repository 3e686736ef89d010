#!/usr/bin/env bash
# Deployment test: the production topology on one host, as DEPLOY-DEBIAN12.md sets it up.
#
#   build (NODE_ENV=production) -> a release directory with the build output and `npm ci --omit=dev` only
#   -> API refuses a database with pending migrations -> two `npm run db:migrate` at once in the release
#   -> `npm run seed:admin -- --production`, `npm run channels:rotate-key` there too
#   -> API x2, worker x2, dashboard x2 (NODE_ENV=production, from the release directory) on PostgreSQL and
#   the MongoDB wire server; the Meta and Midtrans simulators as a process of their own
#   -> Debian's nginx with the shipped site, TLS (certificate made here) and HSTS
#   -> through nginx: the routes, the admin's first sign-in, a paid top-up, the webhooks' answers, what must
#   not be reachable -> the steps in ops/ci/deploy-steps.d/ -> a rolling restart that keeps the portal answering.
#
# Ports: DEPLOY_TEST_PORT_BASE (default 13600) + 0..49, so it can run beside `npm start` and the smoke test.
# Needs: ops/test-services.sh running (TEST_DATABASE_URL, TEST_MONGODB_URL), nginx, openssl, curl, jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
started=$(date +%s)
base_port=${DEPLOY_TEST_PORT_BASE:-13600}
pg_admin_url=${TEST_DATABASE_URL:-postgres://bizone:bizone@127.0.0.1:5432/postgres}
mongo_url=${TEST_MONGODB_URL:-mongodb://127.0.0.1:27017}

work=$(mktemp -d)
release=$work/release
logs=$work/logs
mkdir -p "$logs"
db_name=bz_deploy_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
declare -A pids=()

step() { printf '== deploy test (%3d s): %s\n' "$(($(date +%s) - started))" "$*"; }
fail() {
  echo "deploy test FAILED: $*" >&2
  for log in "$logs"/*.log; do
    [ -s "$log" ] || continue
    echo "---- last lines of $(basename "$log")" >&2
    tail -15 "$log" >&2
  done
  exit 1
}

psql_admin() { psql "$pg_admin_url" -v ON_ERROR_STOP=1 -qtA "$@"; }

cleanup() {
  local status=$?
  set +e
  for name in "${!pids[@]}"; do kill -TERM "${pids[$name]}" 2>/dev/null; done
  for name in "${!pids[@]}"; do wait "${pids[$name]}" 2>/dev/null; done
  nginx_instance_stop "$work/nginx" 2>/dev/null
  psql_admin -c "drop database if exists $db_name with (force)" >/dev/null 2>&1
  if [ -n "${DEPLOY_TEST_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- ports -------------------------------------------------------------------------------------
https_port=$((base_port + 0))
http_port=$((base_port + 1))
internal_api_port=$((base_port + 2)) # nginx's loopback entry to the API upstream, for the dashboards
meta_sim_port=$((base_port + 3))
midtrans_sim_port=$((base_port + 4))
api_ports=($((base_port + 10)) $((base_port + 11)))
dashboard_ports=($((base_port + 20)) $((base_port + 21)))
# Metrics listeners: API n at base+30+n, worker n at base+40+n.
public=https://localhost:$https_port

# --- 1. build regardless of NODE_ENV, then a release with production dependencies only ---------
if [ -n "${DEPLOY_TEST_RELEASE:-}" ]; then
  # Iterating on the test itself: reuse a release a previous run kept (DEPLOY_TEST_KEEP=1).
  step "reusing the release in $DEPLOY_TEST_RELEASE"
  cp -r "$DEPLOY_TEST_RELEASE" "$release"
else
step "npm run build with NODE_ENV=production"
NODE_ENV=production npm run build --silent >"$logs/build.log" 2>&1 || fail "npm run build failed with NODE_ENV=production"

step "release directory: build output + npm ci --omit=dev"
mkdir -p "$release/api" "$release/dashboard"
cp package.json package-lock.json "$release/"
# The root package.json's operator scripts (`npm run db:migrate`, `seed:admin`, `channels:rotate-key`) run the build
# step first, which finds nothing to build here and runs the built entry.
mkdir -p "$release/ops/build"
cp ops/build/build-changed.js "$release/ops/build/"
cp api/package.json "$release/api/"
cp -r api/dist "$release/api/dist"
# The dashboard server and every module it imports (server.js, security-headers.js, midtrans-snap.js...): all
# top-level .js files, so a new one cannot be left out of a release.
cp dashboard/package.json dashboard/*.js "$release/dashboard/"
cp -r dashboard/build "$release/dashboard/build"
(cd "$release" && npm ci --omit=dev --no-audit --no-fund --loglevel=error) >"$logs/npm-ci.log" 2>&1 ||
  fail "npm ci --omit=dev in the release directory failed"
# (typescript itself stays: i18next and Remix declare it as an optional peer, which npm installs when locked.)
for dev_only in vite @remix-run/dev jest @swc/core eslint playwright-core @graphql-codegen/cli; do
  [ ! -e "$release/node_modules/$dev_only" ] || fail "$dev_only (a devDependency) is in the production install"
done
rm -rf "$release/api/dist/.source-hash" # the release is not a checkout: nothing rebuilds it
fi

# --- configuration, as /etc/bizone/bizone.env would hold it -------------------------------------
secret() { openssl rand -base64 36 | tr -d '\n/+='; }
database_url=${pg_admin_url%/*}/$db_name
cat >"$work/bizone.env" <<ENV
NODE_ENV=production
LOG_LEVEL=info
PUBLIC_URL=$public
TRUST_PROXY=true
DATABASE_URL=$database_url
MONGODB_URL=$mongo_url/$db_name
JOBS_IN_PROCESS=false
JOBS_POLL_MS=200
SESSION_SECRET=$(secret)
ENCRYPTION_KEY=$(secret)
META_APP_ID=1000000000000001
META_APP_SECRET=$(secret)
META_VERIFY_TOKEN=$(secret)
MIDTRANS_ENV=sandbox
MIDTRANS_SERVER_KEY=SB-Mid-server-$(secret)
MIDTRANS_CLIENT_KEY=SB-Mid-client-$(secret)
MIDTRANS_MERCHANT_ID=G123456789
META_GRAPH_BASE_URL=http://127.0.0.1:$meta_sim_port
MIDTRANS_SNAP_BASE_URL=http://127.0.0.1:$midtrans_sim_port
MIDTRANS_API_BASE_URL=http://127.0.0.1:$midtrans_sim_port
ENV
set -a
# shellcheck disable=SC1091
. "$work/bizone.env"
set +a
psql_admin -c "create database $db_name" >/dev/null

# Runs a release entry point with the production environment; extra VAR=value words first.
run_release() {
  local name=$1
  shift
  (cd "$release" && exec env "$@") >"$logs/$name.log" 2>&1 &
  pids[$name]=$!
}

# --- 2. migrations: refused while pending, safe from two hosts at once --------------------------
step "an API on an unmigrated database refuses to serve"
status=0
(cd "$release" && API_PORT=${api_ports[0]} node api/dist/main.js) >"$logs/refused.log" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "the API started on a database with pending migrations"
grep -q 'pending migration(s)' "$logs/refused.log" || fail "the refusal does not say migrations are pending"
grep -q 'npm run db:migrate' "$logs/refused.log" || fail "the refusal does not name npm run db:migrate"

step "two npm run db:migrate at the same moment (the command the refusal names, in the release)"
(cd "$release" && npm run db:migrate) >"$logs/migrate-1.log" 2>&1 &
m1=$!
(cd "$release" && npm run db:migrate) >"$logs/migrate-2.log" 2>&1 &
m2=$!
wait "$m1" || fail "the first migrator failed"
wait "$m2" || fail "the second migrator failed"
[ "$(cat "$logs"/migrate-*.log | grep -c '^Applied: ')" = 1 ] || fail "not exactly one migrator applied the migrations"
[ "$(cat "$logs"/migrate-*.log | grep -c '^Database schema is up to date.')" = 1 ] || fail "the other migrator did not find the schema up to date"

step "npm run seed:admin refuses production without --production, then seeds with it"
admin_password="Deploy-$(secret | cut -c1-12)"
if (cd "$release" && ADMIN_PASSWORD=$admin_password npm run seed:admin) >"$logs/seed-refused.log" 2>&1; then
  fail "seed:admin ran against production without --production"
fi
grep -q -- 'npm run seed:admin -- --production' "$logs/seed-refused.log" || fail "the refusal does not name --production"
(cd "$release" && ADMIN_PASSWORD=$admin_password npm run seed:admin -- --production) >"$logs/seed.log" 2>&1 ||
  fail "npm run seed:admin -- --production failed"

step "npm run channels:rotate-key runs in the release (nothing sealed yet: nothing to re-seal)"
(cd "$release" && npm run channels:rotate-key) >"$logs/rotate-key.log" 2>&1 || fail "npm run channels:rotate-key failed"
grep -q '^Re-sealed under key .*: 0 channel token(s), 0 reply-forwarding secret(s).' "$logs/rotate-key.log" ||
  fail "channels:rotate-key did not report its re-sealing"

# --- 3. the processes --------------------------------------------------------------------------
start_simulators() {
  run_release simulators NODE_ENV=test META_SIMULATOR_PORT=$meta_sim_port MIDTRANS_SIMULATOR_PORT=$midtrans_sim_port \
    DATABASE_URL= MONGODB_URL= node api/dist/simulators/cli.js
}
start_api() {
  local n=$1
  run_release "api-$n" API_PORT="${api_ports[$n]}" METRICS_PORT=$((base_port + 30 + n)) \
    node --max-semi-space-size=64 api/dist/main.js
}
start_worker() {
  local n=$1
  run_release "worker-$n" METRICS_PORT=$((base_port + 40 + n)) node api/dist/worker.js
}
start_dashboard() {
  local n=$1
  run_release "dashboard-$n" DASHBOARD_PORT="${dashboard_ports[$n]}" API_INTERNAL_URL="http://127.0.0.1:$internal_api_port" \
    node dashboard/server.js
}

wait_http() {
  local url=$1 what=$2 deadline=$(($(date +%s) + 60))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what did not answer $url within 60 s"
    sleep 0.2
  done
}
wait_api() { wait_http "http://127.0.0.1:${api_ports[$1]}/readyz" "api-$1"; }
wait_worker() { wait_http "http://127.0.0.1:$((base_port + 40 + $1))/metrics" "worker-$1"; }
wait_dashboard() { wait_http "http://127.0.0.1:${dashboard_ports[$1]}/healthz" "dashboard-$1"; }

step "simulators (a process of their own), API x2, worker x2, dashboard x2"
if (cd "$release" && SIMULATORS=true node api/dist/main.js) >"$logs/in-process-simulators.log" 2>&1; then
  fail "the production API started with SIMULATORS=true"
fi
grep -q 'SIMULATORS: the Meta and Midtrans simulators cannot run with NODE_ENV=production' "$logs/in-process-simulators.log" ||
  fail "the production API did not refuse in-process simulators clearly"
start_simulators
wait_http "http://127.0.0.1:$midtrans_sim_port/__simulator" "the Midtrans simulator"
for n in 0 1; do start_api "$n"; done
for n in 0 1; do start_worker "$n"; done
for n in 0 1; do wait_api "$n"; done
for n in 0 1; do wait_worker "$n"; done
for n in 0 1; do start_dashboard "$n"; done
for n in 0 1; do wait_dashboard "$n"; done
curl -fsS "http://127.0.0.1:${api_ports[0]}/readyz" | jq -e '.ready and .checks.postgres.ok and .checks.jobs.ok and .checks.migrations.ok' >/dev/null ||
  fail "/readyz does not report the database, the job store and the migrations"

# --- 4. nginx with TLS ---------------------------------------------------------------------------
step "nginx: the shipped site with TLS and HSTS"
# shellcheck source=ops/ci/nginx-instance.sh
. ops/ci/nginx-instance.sh
internal_entry="  server {
    listen 127.0.0.1:$internal_api_port;
    location /api/ { proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_pass http://bizone_api; }
  }"
nginx_instance_start "$work/nginx" "$https_port" "$http_port" \
  "127.0.0.1:${api_ports[0]} 127.0.0.1:${api_ports[1]}" \
  "127.0.0.1:${dashboard_ports[0]} 127.0.0.1:${dashboard_ports[1]}" "$internal_entry" ||
  fail "nginx did not start with the site"
ncurl() { curl --cacert "$NGINX_CA" "$@"; }
gql() { # gql QUERY_JSON [extra curl args]: POST through nginx to the browser's GraphQL endpoint
  local body=$1
  shift
  ncurl -fsS "$public/backend-api/graphql" -H 'content-type: application/json' "$@" -d "$body"
}

[ "$(ncurl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$public/")" = "302 $public/login" ] ||
  fail "/ did not redirect to /login"
ncurl -fsS -D "$work/login.headers" -o "$work/login.html" "$public/login" || fail "/login failed"
grep -q '<form' "$work/login.html" || fail "/login did not render"
[ "$(grep -ci '^strict-transport-security: max-age=31536000; includeSubDomains' "$work/login.headers")" = 1 ] ||
  fail "not exactly one HSTS header on /login"
for version in 1.2 1.3; do
  ncurl -fsS -o /dev/null --tlsv"$version" --tls-max "$version" "$public/login" || fail "TLS $version refused"
done
[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/login")" = "301 https://127.0.0.1/login" ] ||
  fail "plain http did not redirect to https"

step "the seeded admin signs in and changes the password"
login=$(gql "$(jq -n --arg e admin@bizone.id --arg p "$admin_password" \
  '{query: "mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { status sessionToken mustChangePassword } }", variables: {e: $e, p: $p}}')")
[ "$(jq -r '.data.login.status' <<<"$login")" = SIGNED_IN ] || fail "the admin could not sign in: $login"
[ "$(jq -r '.data.login.mustChangePassword' <<<"$login")" = true ] || fail "the seeded admin was not asked to change the password"
session=$(jq -r '.data.login.sessionToken' <<<"$login")
new_password="Portal-$(secret | cut -c1-16)"
changed=$(gql "$(jq -n --arg c "$admin_password" --arg n "$new_password" \
  '{query: "mutation ($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }", variables: {c: $c, n: $n}}')" \
  -H "authorization: Bearer $session")
[ "$(jq -r '.data.changePassword' <<<"$changed")" = true ] || fail "changePassword failed: $changed"
relogin=$(gql "$(jq -n --arg e admin@bizone.id --arg p "$new_password" \
  '{query: "mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { status sessionToken mustChangePassword } }", variables: {e: $e, p: $p}}')")
[ "$(jq -r '.data.login.mustChangePassword' <<<"$relogin")" = false ] || fail "the new password is not in force: $relogin"
session=$(jq -r '.data.login.sessionToken' <<<"$relogin")
auth=(-H "authorization: Bearer $session")

step "a top-up, paid, its signed notification through nginx credits the wallet once"
topup=$(gql '{"query": "mutation { createTopup(input: { amount: 150000 }) { order { orderId status amount } } }"}' "${auth[@]}")
order_id=$(jq -er '.data.createTopup.order.orderId' <<<"$topup") || fail "createTopup failed: $topup"
# The customer pays on Midtrans' side (the simulator's control; no notification from it: we send the one below).
curl -fsS -o /dev/null "http://127.0.0.1:$midtrans_sim_port/__simulator/midtrans/transactions/$order_id" \
  -H 'content-type: application/json' -d '{"transaction_status": "settlement", "payment_type": "bank_transfer", "notify": false}' ||
  fail "the simulator did not settle $order_id"
gross=$(curl -fsS "http://127.0.0.1:$midtrans_sim_port/v2/$order_id/status" -u "$MIDTRANS_SERVER_KEY:" | jq -er '.gross_amount')
signature=$(printf '%s' "${order_id}200${gross}${MIDTRANS_SERVER_KEY}" | openssl dgst -sha512 -r | cut -d' ' -f1)
notification=$(jq -n --arg o "$order_id" --arg g "$gross" --arg s "$signature" --arg m "$MIDTRANS_MERCHANT_ID" \
  '{order_id: $o, status_code: "200", gross_amount: $g, signature_key: $s, transaction_status: "settlement",
    transaction_id: "deploy-test", payment_type: "bank_transfer", fraud_status: "accept", merchant_id: $m}')
for attempt in 1 2; do # Midtrans retries: the second copy changes nothing
  answer=$(ncurl -sS -w ' %{http_code}' "$public/api/wallet/midtrans/notification" -H 'content-type: application/json' -d "$notification")
  [ "${answer##* }" = 200 ] || fail "notification $attempt answered $answer"
done
wallet=$(gql '{"query": "{ wallet { balance available } }"}' "${auth[@]}")
[ "$(jq -r '.data.wallet.balance' <<<"$wallet")" = 150000 ] || fail "the wallet was not credited exactly once: $wallet"

step "provider callbacks through nginx: exact Midtrans 400, Meta's verification echo"
expected='{"message":"Invalid Midtrans notification signature.","error":"Bad Request","statusCode":400}'
answer=$(ncurl -sS -w '\n%{http_code}' "$public/api/wallet/midtrans/notification" -H 'content-type: application/json' -d '{}')
[ "$answer" = "$expected"$'\n'400 ] || fail "-d '{}' to the notification URL answered: $answer"
challenge=$RANDOM$RANDOM
echo_body=$(ncurl -sS -w ' %{http_code}' "$public/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=$META_VERIFY_TOKEN&hub.challenge=$challenge")
[ "$echo_body" = "$challenge 200" ] || fail "Meta's verification did not echo the challenge: $echo_body"
[ "$(ncurl -s -o /dev/null -w '%{http_code}' "$public/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")" = 403 ] ||
  fail "a wrong verify token was not refused"

step "not reachable from outside: /api/graphql, /metrics, /readyz, /backend-api/../"
outside() { ncurl -s -o "$work/outside.body" -w '%{http_code}' --path-as-is "$public$1"; }
for path in /api/graphql /metrics /readyz /healthz/../readyz /backend-api/../readyz /backend-api/../api/graphql \
  /backend-api/%2e%2e/readyz /backend-api/..%2fmetrics /api/webhooks/../graphql; do
  code=$(outside "$path")
  # Whatever answers (the dashboard's 404, nginx's 400), it is never the API's probe, GraphQL or the metrics.
  if grep -q -e '"ready"' -e '"checks"' -e '# HELP' -e '"data"' -e 'GRAPHQL' "$work/outside.body"; then
    fail "$path reached something internal ($code): $(head -c 200 "$work/outside.body")"
  fi
  case "$code" in 2??) fail "$path answered $code from outside" ;; esac
done
code=$(ncurl -s -o /dev/null -w '%{http_code}' -X POST "$public/api/graphql" -H 'content-type: application/json' -d '{"query":"{ __typename }"}')
[ "$code" != 200 ] || fail "POST /api/graphql reached the API directly"

step "metrics on the internal listeners"
metrics=$(curl -fsS "http://127.0.0.1:$((base_port + 30))/metrics")$'\n'$(curl -fsS "http://127.0.0.1:$((base_port + 31))/metrics")
grep -q '^bizone_payment_notifications_total{outcome="CREDITED",role="api"} 1' <<<"$metrics" ||
  fail "no CREDITED payment in the API metrics"
grep -q '^bizone_webhook_requests_total{provider="midtrans",status="400",role="api"} 1' <<<"$metrics" ||
  fail "the refused Midtrans notification is not counted"
worker_metrics=$(curl -fsS "http://127.0.0.1:$((base_port + 40))/metrics")
grep -q '^# TYPE bizone_jobs_due gauge' <<<"$worker_metrics" || fail "the worker reports no job queue"
grep -q '^bizone_process_cpu_user_seconds_total{role="worker"}' <<<"$worker_metrics" || fail "the worker's metrics are not labelled as the worker's"

# --- steps other modules add (campaigns: two channels, one campaign each, one per worker; lease handover) --
# A step may add a function to before_sigterm: the rolling restart calls each with the process's name (api-0,
# worker-1...) right before that process gets its SIGTERM (campaigns: is the campaign still sending then?).
before_sigterm=()
for extra in ops/ci/deploy-steps.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$(basename "$extra")"
  # shellcheck disable=SC1090
  . "$extra"
done

# --- optional: the API's throughput direct and through nginx with TLS (docs/BENCHMARKS.md) ------------
if [ -n "${DEPLOY_TEST_BENCH:-}" ]; then
  step "throughput: one API direct vs both through nginx with TLS (autocannon, 10 connections, 15 s each)"
  bench_body='{"query":"{ serverInfo { name } }"}'
  for target in "http://127.0.0.1:${api_ports[0]}/api/graphql" "$public/backend-api/graphql"; do
    # The test CA is not in the bench tool's trust store; certificate checks are curl's job above.
    NODE_TLS_REJECT_UNAUTHORIZED=0 "$root/node_modules/.bin/autocannon" -c 10 -d 15 -m POST \
      -H 'content-type=application/json' -b "$bench_body" --json "$target" 2>/dev/null >"$work/bench.json" ||
      fail "autocannon failed on $target"
    jq -r --arg t "$target" '"   \($t): \(.requests.average) req/s, p50 \(.latency.p50) ms, p99 \(.latency.p99) ms, errors \(.errors), non-2xx \(.non2xx)"' "$work/bench.json"
  done
  echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# --- 5. rolling restart --------------------------------------------------------------------------
step "rolling restart: SIGTERM each process in turn while a client keeps asking"
probe() {
  local failures=0 requests=0
  while [ ! -e "$work/stop-probe" ]; do
    requests=$((requests + 1))
    gql '{"query": "{ serverInfo { name } }"}' -o /dev/null 2>/dev/null || { failures=$((failures + 1)); echo "graphql $(date +%T.%N)"; }
    ncurl -fsS -o /dev/null "$public/login" 2>/dev/null || { failures=$((failures + 1)); echo "login $(date +%T.%N)"; }
    # A balance, not a fixed one: campaigns of deploy-steps.d may be spending through the restart.
    gql '{"query": "{ wallet { balance } }"}' "${auth[@]}" 2>/dev/null | grep -q '"balance":"\?[0-9]' ||
      { failures=$((failures + 1)); echo "wallet $(date +%T.%N)"; }
  done
  echo "requests=$requests failures=$failures"
}
probe >"$work/probe.out" 2>&1 &
probe_pid=$!
restart() {
  local name=$1 start=$2 wait=$3 n=$4 status=0 hook
  for hook in "${before_sigterm[@]}"; do "$hook" "$name"; done
  kill -TERM "${pids[$name]}"
  wait "${pids[$name]}" || status=$?
  [ "$status" = 0 ] || fail "$name exited $status on SIGTERM"
  grep -q '"msg":"stopped"' "$logs/$name.log" || [[ $name == dashboard-* ]] || fail "$name did not stop in order"
  mv "$logs/$name.log" "$logs/$name.before-restart.log"
  "$start" "$n"
  "$wait" "$n"
}
for n in 0 1; do restart "api-$n" start_api wait_api "$n"; done
for n in 0 1; do restart "worker-$n" start_worker wait_worker "$n"; done
for n in 0 1; do restart "dashboard-$n" start_dashboard wait_dashboard "$n"; done
touch "$work/stop-probe"
wait "$probe_pid"
summary=$(tail -1 "$work/probe.out")
echo "   probe during the restarts: $summary"
[[ $summary == *" failures=0" ]] || fail "the portal stopped answering during the rolling restart: $(head -5 "$work/probe.out")"
[[ $summary != "requests=0 "* ]] || fail "the probe made no requests"

# Checks that need the restarts behind them (campaigns: no message left UNKNOWN).
for extra in ops/ci/deploy-steps.d/after-restart/*.sh; do
  [ -e "$extra" ] || continue
  step "after the restart: $(basename "$extra")"
  # shellcheck disable=SC1090
  . "$extra"
done

step "passed in $(($(date +%s) - started)) s"
