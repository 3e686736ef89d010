# Sourced by the CI checks: Debian's nginx running the production site (ops/nginx/bizone.conf) as it ships,
# moved to loopback ports, with a certificate made here with openssl (a CA and a localhost certificate it
# signed, so curl verifies the chain as a client of a real site would), and the upstreams pointed where the
# test's processes listen. Usage:
#   . ops/ci/nginx-instance.sh
#   nginx_instance_start WORK_DIR HTTPS_PORT HTTP_PORT "API_ADDR..." "DASHBOARD_ADDR..." [EXTRA_CONF]
#   curl --cacert "$NGINX_CA" "https://localhost:$HTTPS_PORT/"
#   nginx_instance_stop WORK_DIR
# EXTRA_CONF is appended inside http {} (the deploy test adds a loopback API entry for the dashboard).

nginx_instance_start() {
  local work=$1 https_port=$2 http_port=$3 api_addrs=$4 dashboard_addrs=$5 extra=${6:-}
  local nginx_bin=/usr/sbin/nginx root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  [ -x "$nginx_bin" ] || { echo "nginx is not installed (bash ops/test-services.sh installs it)" >&2; return 1; }
  mkdir -p "$work/logs" "$work/tmp" "$work/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=BizOne CI test CA' \
    -keyout "$work/tls/ca.key" -out "$work/tls/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' \
    -keyout "$work/tls/privkey.pem" -out "$work/tls/site.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$work/tls/ext.cnf"
  openssl x509 -req -in "$work/tls/site.csr" -CA "$work/tls/ca.pem" -CAkey "$work/tls/ca.key" -CAcreateserial \
    -days 2 -extfile "$work/tls/ext.cnf" -out "$work/tls/fullchain.pem" 2>/dev/null
  NGINX_CA=$work/tls/ca.pem

  # GNU sed turns each \n of the replacement into a new line: one `server` line per API process.
  local api_servers="" dashboard_servers="" addr
  # \1 keeps the shipped line's parameters (max_fails...) on every server line.
  for addr in $api_addrs; do api_servers+="${api_servers:+\\n}    server $addr\\1;"; done
  for addr in $dashboard_addrs; do dashboard_servers+="${dashboard_servers:+\\n}    server $addr\\1;"; done
  # The shipped file, changed only where a test host differs from the real one: ports, certificate paths,
  # upstream addresses. Everything else (routes, headers, TLS settings) is tested as it ships.
  sed -e "s/listen 80;/listen 127.0.0.1:$http_port;/" -e '/listen \[::\]:80;/d' \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$https_port ssl http2;/" -e '/listen \[::\]:443/d' \
    -e "s#/etc/letsencrypt/live/portal.example.com/#$work/tls/#" \
    -e "s#root /var/www/html;#root $work/acme;#" \
    -e "s/portal.example.com/localhost/" \
    -e "/^upstream bizone_api {/,/^}/s/^    server 127\.0\.0\.1:3001\( [^;]*\)\{0,1\};/$api_servers/" \
    -e "/^upstream bizone_dashboard {/,/^}/s/^    server 127\.0\.0\.1:3000\( [^;]*\)\{0,1\};/$dashboard_servers/" \
    "$root/ops/nginx/bizone.conf" >"$work/site.conf"
  cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events {}
http {
  access_log $work/logs/access.log;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  include $work/site.conf;
$extra
}
CONF
  "$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf" || return 1
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" || return 1
  local _
  for _ in $(seq 1 50); do
    curl -s -o /dev/null --cacert "$NGINX_CA" "https://localhost:$https_port/" && return 0
    sleep 0.1
  done
  echo "nginx did not answer on https://localhost:$https_port" >&2
  return 1
}

nginx_instance_stop() {
  local work=$1
  [ -s "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
