#!/usr/bin/env bash
# Test services for BizOne Portal (Debian 12): PostgreSQL 15 on 127.0.0.1:5432 and a MongoDB
# wire-protocol emulator (mongo-java-server, in memory) on 127.0.0.1:27017.
#
#   ops/test-services.sh          install what is missing, start both services (idempotent, fast when up)
#   ops/test-services.sh stop     stop the Mongo emulator and the PostgreSQL cluster
#   ops/test-services.sh status   show what is running
#
# Progress goes to stderr; stdout gets only the two URLs the tests use, so CI can do
#   ops/test-services.sh >> "$GITHUB_ENV"        or        eval "$(ops/test-services.sh)"
#
# Environment:
#   BIZONE_SERVICES_DIR        pid file, logs, built jar   (default /tmp/bizone-test-services)
#   BIZONE_MONGO_WIRE_VERSION  wire version the emulator reports (default: the library's, 8;
#                              set 13 for the Node `mongodb` driver 7, which refuses < 9)
#   BIZONE_MONGO_JAVA_OPTS     JVM options (default: -XX:+UseSerialGC -Xms32m -Xmx512m)
set -euo pipefail

OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SERVICES_DIR=${BIZONE_SERVICES_DIR:-/tmp/bizone-test-services}

PG_VERSION=15
PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
PG_ROLE=bizone
PG_PASSWORD=bizone
PG_MIN_CONNECTIONS=200
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin

MONGO_HOST=127.0.0.1
MONGO_PORT=27017
MONGO_SRC=$OPS_DIR/mongo-wire-server
MONGO_PIDFILE=$SERVICES_DIR/mongo-wire-server.pid
MONGO_LOG=$SERVICES_DIR/mongo-wire-server.log
MONGO_WIRE_VERSION=${BIZONE_MONGO_WIRE_VERSION:-}
MONGO_JAVA_OPTS=${BIZONE_MONGO_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx512m}

TEST_DATABASE_URL="postgres://$PG_ROLE:$PG_PASSWORD@$PG_HOST:$PG_PORT/postgres"
TEST_MONGODB_URL="mongodb://$MONGO_HOST:$MONGO_PORT"

log() { printf 'test-services: %s\n' "$*" >&2; }
die() {
  printf 'test-services: ERROR: %s\n' "$*" >&2
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------

missing_packages() {
  local missing=()
  if ! pkg_installed "postgresql-$PG_VERSION" || ! command -v pg_ctlcluster >/dev/null; then
    missing+=(postgresql)
  fi
  if ! command -v chromium >/dev/null; then missing+=(chromium); fi
  # curl and jq run the shell examples of docs/API.md in the tests.
  if ! command -v curl >/dev/null; then missing+=(curl); fi
  if ! command -v jq >/dev/null; then missing+=(jq); fi
  if [ ! -x /usr/sbin/nginx ]; then missing+=(nginx); fi
  if ! command -v mvn >/dev/null; then missing+=(maven); fi
  if ! command -v javac >/dev/null; then missing+=(openjdk-17-jdk-headless); fi
  printf '%s\n' "${missing[@]}"
}

install_packages() {
  local packages=("$@") apt_log=$SERVICES_DIR/apt.log policy_added=""
  if ! is_root; then
    die "missing packages: ${packages[*]}. Install them as root, then run this again:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}"
  fi
  log "installing ${packages[*]} (apt log: $apt_log)"
  # Keep package scripts from starting services (nginx must not start; we start PostgreSQL ourselves).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_added=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT # also when interrupted
  fi
  # C.UTF-8 so that the cluster the postgresql package creates is UTF8, not SQL_ASCII.
  local status=0
  {
    env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 \
      apt-get -o DPkg::Lock::Timeout=300 update &&
      env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${packages[@]}"
  } >"$apt_log" 2>&1 9>&- || status=$?
  if [ -n "$policy_added" ]; then
    rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$apt_log" >&2
    die "apt-get failed (exit $status); full log: $apt_log"
  fi
  if printf '%s\n' "${packages[@]}" | grep -qx nginx; then
    # Installed for the deployment test only: no default site, not running.
    rm -f /etc/nginx/sites-enabled/default
    if [ -s /run/nginx.pid ]; then /usr/sbin/nginx -s quit 2>/dev/null || true; fi
  fi
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages | sed '/^$/d')
  if [ "${#missing[@]}" -gt 0 ]; then install_packages "${missing[@]}"; fi
  mapfile -t missing < <(missing_packages | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] || die "still missing after apt-get install: ${missing[*]}"
  [ -x "$PG_BIN/postgres" ] || die "PostgreSQL $PG_VERSION binaries not found in $PG_BIN (this script targets Debian 12)"
  local java_major
  java_major=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [ "${java_major:-0}" -ge 17 ] || die "javac ${java_major:-?} found, JDK 17+ needed: apt-get install -y openjdk-17-jdk-headless"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

# "<port> <status>" of our cluster, empty when it does not exist.
pg_cluster_info() {
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3, $4 }'
}

# Runs the SQL on stdin as the cluster's superuser over the Unix socket.
psql_admin() {
  local args=(psql -X -q -A -t -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres)
  if [ "$(id -un)" = postgres ]; then
    "${args[@]}"
  elif is_root; then
    (cd / && runuser -u postgres -- "${args[@]}")
  elif command -v sudo >/dev/null && sudo -n -u postgres true 2>/dev/null; then
    (cd / && sudo -n -u postgres -- "${args[@]}")
  else
    die "cannot act as the postgres user; run this script once as root (or: sudo -u postgres psql -c \"CREATE ROLE $PG_ROLE LOGIN SUPERUSER PASSWORD '$PG_PASSWORD'\")"
  fi
}

psql_test() { PGPASSWORD=$PG_PASSWORD psql -X -q -A -t -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d postgres "$@"; }

ensure_postgres() {
  local info port status restart=""
  info=$(pg_cluster_info)
  if [ -z "$info" ]; then
    is_root || die "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER does not exist; create it as root: pg_createcluster --locale C.UTF-8 --port $PG_PORT $PG_VERSION $PG_CLUSTER"
    log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    pg_createcluster --locale C.UTF-8 --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >"$SERVICES_DIR/pg_createcluster.log" 2>&1 ||
      die "pg_createcluster failed: $(tail -n 5 "$SERVICES_DIR/pg_createcluster.log")"
    info=$(pg_cluster_info)
  fi
  read -r port status <<<"$info"
  [ "$port" = "$PG_PORT" ] ||
    die "cluster $PG_VERSION/$PG_CLUSTER is configured for port $port, expected $PG_PORT (pg_conftool $PG_VERSION $PG_CLUSTER set port $PG_PORT)"

  local max_connections
  max_connections=$(pg_conftool -s "$PG_VERSION" "$PG_CLUSTER" show max_connections 2>/dev/null || echo 100)
  if [ "${max_connections:-100}" -lt "$PG_MIN_CONNECTIONS" ]; then
    log "setting max_connections = $PG_MIN_CONNECTIONS (was $max_connections)"
    pg_conftool "$PG_VERSION" "$PG_CLUSTER" set max_connections "$PG_MIN_CONNECTIONS"
    restart=1
  fi

  case "$status" in
    online*)
      if [ -n "$restart" ]; then
        log "restarting PostgreSQL $PG_VERSION/$PG_CLUSTER"
        pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart 9>&-
      else
        log "PostgreSQL $PG_VERSION/$PG_CLUSTER already running on port $PG_PORT"
      fi
      ;;
    *)
      if port_open "$PG_HOST" "$PG_PORT"; then
        die "port $PG_PORT is taken by another server while cluster $PG_VERSION/$PG_CLUSTER is down (see pg_lsclusters)"
      fi
      log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 9>&- ||
        die "pg_ctlcluster start failed; log: /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
      ;;
  esac

  local i
  for i in $(seq 1 60); do
    if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then break; fi
    [ "$i" -lt 60 ] || die "PostgreSQL not ready on $PG_HOST:$PG_PORT after 30 s"
    sleep 0.5
  done

  if [ "$(psql_test -c 'select rolsuper from pg_roles where rolname = current_user' 2>/dev/null)" != t ]; then
    log "creating login role $PG_ROLE (SUPERUSER)"
    psql_admin <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
    [ "$(psql_test -c 'select rolsuper from pg_roles where rolname = current_user')" = t ] ||
      die "role $PG_ROLE still cannot log in on $PG_HOST:$PG_PORT with its password (check pg_hba.conf)"
  fi
  local encoding
  encoding=$(psql_test -c 'show server_encoding')
  if [ "$encoding" != UTF8 ]; then
    log "WARNING: cluster encoding is $encoding, not UTF8; recreate it with: pg_dropcluster --stop $PG_VERSION $PG_CLUSTER"
  fi
}

stop_postgres() {
  local port status
  read -r port status <<<"$(pg_cluster_info)"
  case "${status:-}" in
    online*)
      log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
      ;;
    *) log "PostgreSQL $PG_VERSION/$PG_CLUSTER not running" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# MongoDB wire emulator (mongo-java-server)
# ---------------------------------------------------------------------------------------------

mongo_sources_hash() {
  (cd "$MONGO_SRC" && find pom.xml src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

# Pid of the emulator this script started, if it is alive.
mongo_pid() {
  local pid
  [ -s "$MONGO_PIDFILE" ] || return 1
  pid=$(cat "$MONGO_PIDFILE")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'mongo-wire-server-' || return 1
  echo "$pid"
}

build_mongo_jar() {
  local jar=$1 build_dir=$SERVICES_DIR/mongo-wire-server-build build_log=$SERVICES_DIR/mongo-wire-server-build.log
  log "building mongo-wire-server jar with Maven (sources changed or first run)"
  rm -rf "$build_dir"
  # -q still prints colour resets on Maven 3.8: keep the output in a log, show it on failure.
  if ! mvn -q -B -f "$MONGO_SRC/pom.xml" -Dbizone.buildDirectory="$build_dir" package >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    die "Maven build of $MONGO_SRC failed; full log: $build_log"
  fi
  mv "$build_dir/mongo-wire-server.jar" "$jar.tmp"
  mv "$jar.tmp" "$jar"
  rm -rf "$build_dir"
}

stop_mongo() {
  local pid i
  if ! pid=$(mongo_pid); then
    rm -f "$MONGO_PIDFILE"
    log "mongo-wire-server not running"
    return 0
  fi
  log "stopping mongo-wire-server (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "mongo-wire-server did not stop in 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$MONGO_PIDFILE"
}

ensure_mongo() {
  local hash jar pid
  hash=$(mongo_sources_hash)
  jar=$SERVICES_DIR/mongo-wire-server-$hash.jar
  [ -s "$jar" ] || build_mongo_jar "$jar"

  local args=("$MONGO_HOST" "$MONGO_PORT")
  if [ -n "$MONGO_WIRE_VERSION" ]; then args+=("$MONGO_WIRE_VERSION"); fi

  if pid=$(mongo_pid); then
    # shellcheck disable=SC2086 # MONGO_JAVA_OPTS is a list of options
    if [ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" != "$(printf '%s ' java $MONGO_JAVA_OPTS -jar "$jar" "${args[@]}")" ]; then
      log "mongo-wire-server sources or options changed: restarting"
      stop_mongo
    elif port_open "$MONGO_HOST" "$MONGO_PORT"; then
      log "mongo-wire-server already running on $MONGO_HOST:$MONGO_PORT (pid $pid)"
      return 0
    else
      log "mongo-wire-server (pid $pid) does not answer: restarting"
      stop_mongo
    fi
  elif port_open "$MONGO_HOST" "$MONGO_PORT"; then
    log "WARNING: $MONGO_HOST:$MONGO_PORT is already served by a process this script did not start; using it"
    return 0
  fi

  log "starting mongo-wire-server on $MONGO_HOST:$MONGO_PORT (log: $MONGO_LOG)"
  if [ -f "$MONGO_LOG" ]; then mv -f "$MONGO_LOG" "$MONGO_LOG.1"; fi
  # shellcheck disable=SC2086 # MONGO_JAVA_OPTS is a list of options
  nohup setsid java $MONGO_JAVA_OPTS -jar "$jar" "${args[@]}" </dev/null >"$MONGO_LOG" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$MONGO_PIDFILE"

  local i
  for i in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$MONGO_PIDFILE"
      tail -n 20 "$MONGO_LOG" >&2
      die "mongo-wire-server exited during start-up; log: $MONGO_LOG"
    fi
    if grep -q 'listening on' "$MONGO_LOG" && port_open "$MONGO_HOST" "$MONGO_PORT"; then break; fi
    if [ "$i" -eq 100 ]; then
      tail -n 20 "$MONGO_LOG" >&2
      die "mongo-wire-server did not accept connections on $MONGO_HOST:$MONGO_PORT within 20 s; log: $MONGO_LOG"
    fi
    sleep 0.2
  done
  log "mongo-wire-server ready (pid $pid)"

  # Jars built from older sources are no longer in use.
  find "$SERVICES_DIR" -maxdepth 1 -name 'mongo-wire-server-*.jar' ! -name "mongo-wire-server-$hash.jar" -delete
}

# ---------------------------------------------------------------------------------------------

status() {
  local pid info
  info=$(pg_cluster_info 2>/dev/null || true)
  log "PostgreSQL $PG_VERSION/$PG_CLUSTER: ${info:-not created}"
  if pid=$(mongo_pid); then
    log "mongo-wire-server: running (pid $pid)"
  elif port_open "$MONGO_HOST" "$MONGO_PORT"; then
    log "mongo-wire-server: not started by this script, but $MONGO_HOST:$MONGO_PORT answers"
  else
    log "mongo-wire-server: not running"
  fi
}

main() {
  local command=${1:-start}
  mkdir -p "$SERVICES_DIR"
  # One run at a time (parallel CI jobs, impatient developers).
  # Servers started below must not inherit fd 9 (they would hold the lock forever): `9>&-`.
  exec 9>"$SERVICES_DIR/run.lock"
  if command -v flock >/dev/null && ! flock -n 9; then
    log "waiting for another test-services.sh run to finish"
    flock -w 600 9 || die "another test-services.sh run still holds $SERVICES_DIR/run.lock after 10 min"
  fi

  case "$command" in
    start | up)
      ensure_packages
      ensure_postgres
      ensure_mongo
      echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
      echo "TEST_MONGODB_URL=$TEST_MONGODB_URL"
      ;;
    stop | down)
      stop_mongo
      if command -v pg_lsclusters >/dev/null; then stop_postgres; fi
      ;;
    status)
      status
      ;;
    -h | --help | help)
      sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      ;;
    *)
      die "unknown command '$command' (use: start, stop, status)"
      ;;
  esac
}

main "$@"
