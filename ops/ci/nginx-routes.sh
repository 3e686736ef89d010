#!/usr/bin/env bash
# Deployment check: Debian's nginx with the production site (ops/nginx/bizone.conf) in front of
# a running portal on 127.0.0.1:3001 (API) and 127.0.0.1:3000 (dashboard). The site is used as
# it ships, moved to loopback ports with a test certificate (ops/ci/nginx-instance.sh); then each
# production route is exercised.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${NGINX_TEST_PORT:-18443}
http_port=${NGINX_TEST_HTTP_PORT:-18080}
. ops/ci/nginx-instance.sh

work=$(mktemp -d)
trap 'nginx_instance_stop "$work"; rm -rf "$work"' EXIT
nginx_instance_start "$work" "$port" "$http_port" 127.0.0.1:3001 127.0.0.1:3000
base=https://localhost:$port
curl() { command curl --cacert "$NGINX_CA" "$@"; }

fail() { echo "nginx route check failed: $*" >&2; tail -5 "$work/logs/error.log" >&2 || true; exit 1; }

# /backend-api/ -> API /api/ (the browser's GraphQL endpoint), with nginx's request id passed through.
body=$(curl -fsS -X POST "$base/backend-api/graphql" -H 'content-type: application/json' -d '{"query":"{ serverInfo { name } }"}' -D "$work/headers")
grep -q '"name":"BizOne Portal"' <<<"$body" || fail "/backend-api/graphql answered: $body"
grep -qi '^x-request-id: [0-9a-f]\{32\}' "$work/headers" || fail "/backend-api did not carry nginx's \$request_id"
# /api/webhooks/ and /api/wallet/midtrans/ reach the API itself (its answer carries our request id header).
for path in /api/webhooks/whatsapp /api/wallet/midtrans/notification; do
  curl -s -o /dev/null -D "$work/headers" "$base$path"
  grep -qi '^x-request-id:' "$work/headers" || fail "$path did not reach the API"
done
# / -> dashboard: a signed-out visitor is sent to the login page, which renders.
test "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/")" = "302 $base/login" || fail "/ did not redirect to /login"
curl -fsS "$base/login" -o "$work/login.html" || fail "/login failed through nginx"
grep -q '<form' "$work/login.html" || fail "/login did not render through nginx"
# Compression survives nginx: the page and a hashed script arrive brotli- or gzip-compressed to a browser that
# offers both, as gzip to one that offers only gzip, and the hashed script is cached as immutable.
encoding() { curl -fsS -o /dev/null -D - -H "Accept-Encoding: $2" "$base$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}'; }
case "$(encoding /login 'br, gzip')" in br | gzip) ;; *) fail "/login was not compressed through nginx" ;; esac
test "$(encoding /login gzip)" = gzip || fail "/login was not gzipped through nginx for a gzip-only client"
# The script checked is the first one big enough to be worth compressing (a tiny entry chunk is sent as it is).
# The closing quote matters: the page also links its locale, /assets/<lang>-<hash>.json, which starts like a script.
script=
for candidate in $(grep -o '/assets/[^"]*\.js"' "$work/login.html" | tr -d '"' | sort -u); do
  size=$(curl -fsS -H 'Accept-Encoding: identity' "$base$candidate" | wc -c)
  if [ "$size" -ge 4096 ]; then script=$candidate; break; fi
done
[ -n "$script" ] || fail "/login links no script of 4 KB or more under /assets/"
case "$(encoding "$script" 'br, gzip')" in br | gzip) ;; *) fail "$script was not compressed through nginx" ;; esac
curl -fsS -o /dev/null -D - "$base$script" | grep -qi '^cache-control: .*immutable' || fail "$script is not cached as immutable"
# A one-time link's page renders through nginx (its first request moves the secret into a cookie and redirects),
# and the secret appears nowhere in the access log: not in a path, a query string or a Referer.
secret="bzi_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)"
curl -sS -L -c "$work/jar" -b "$work/jar" -o "$work/invite.html" "$base/invite/$secret" \
  || fail "/invite/<secret> failed through nginx"
grep -q '<h1' "$work/invite.html" || fail "the invitation page did not render through nginx"
grep -q 'bz_invite' "$work/jar" || fail "the invitation secret was not moved into its cookie"
if grep -q "${secret#bzi_}" "$work/logs/access.log"; then fail "a one-time link reached the access log"; fi
echo "nginx routes ok: /backend-api/ -> API, /api/webhooks/ and /api/wallet/midtrans/ -> API, / -> dashboard, compressed pages and immutable assets, one-time links unlogged"
