#!/usr/bin/env bash
# Backs up BizOne Portal's data: PostgreSQL (everything that is money or a customer's: pg_dump, custom format)
# and, when MONGODB_URL is set, the MongoDB job store (ops/backup/job-store.js). Run by bizone-backup.timer
# (ops/systemd) as the service user with /etc/bizone/bizone.env; by hand:
#   set -a; . /etc/bizone/bizone.env; set +a; ops/backup.sh
# Writes BACKUP_DIR/bizone-<UTC time>/ (postgres.dump, agenda-jobs.ejson, SHA256SUMS) and deletes backups older
# than BACKUP_KEEP_DAYS. Copy the directory off the host (encrypted); ENCRYPTION_KEY is not in it and must be
# kept separately (without it the encrypted columns cannot be read).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
backup_dir=${BACKUP_DIR:-/var/backups/bizone}
keep_days=${BACKUP_KEEP_DAYS:-14}
: "${DATABASE_URL:?DATABASE_URL is not set (source /etc/bizone/bizone.env)}"

umask 077
mkdir -p "$backup_dir"
name=bizone-$(date -u +%Y%m%dT%H%M%SZ)
partial=$backup_dir/.$name.partial
rm -rf "$partial"
mkdir "$partial"
trap 'rm -rf "$partial"' EXIT

# One consistent snapshot of the whole database (pg_dump runs in a single repeatable-read transaction):
# balances and their ledgers can never be caught half-way through a change.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$partial/postgres.dump"
if [ -n "${MONGODB_URL:-}" ]; then
  node "$root/ops/backup/job-store.js" export "$partial/agenda-jobs.ejson" >/dev/null
fi
(cd "$partial" && sha256sum -- * >SHA256SUMS)
mv "$partial" "$backup_dir/$name"
trap - EXIT

find "$backup_dir" -maxdepth 1 -type d -name 'bizone-*' -mtime +"$keep_days" -exec rm -rf {} +
echo "$backup_dir/$name"
