#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY database (and an empty job store):
#   set -a; . /etc/bizone/bizone.env; set +a
#   ops/restore.sh /var/backups/bizone/bizone-20261201T020000Z
# DATABASE_URL names the target (create it first: `createdb --owner bizone bizone_restored`), MONGODB_URL the
# job store's database. Stop the services first when restoring over the live names. Refuses a database that
# already has tables: a restore never merges into live data. Afterwards `npm run db:migrate` brings an older
# backup up to the running version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
backup=${1:?usage: ops/restore.sh BACKUP_DIRECTORY}
: "${DATABASE_URL:?DATABASE_URL is not set}"
[ -s "$backup/postgres.dump" ] || { echo "restore: $backup/postgres.dump is missing" >&2; exit 1; }
(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || { echo "restore: $backup does not match its SHA256SUMS" >&2; exit 1; }

tables=$(psql "$DATABASE_URL" -qtA -c "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != 0 ]; then
  echo "restore: the target database already has $tables table(s); restore into an empty one" >&2
  exit 1
fi
# One transaction: a restore that fails half-way leaves the database empty, not half-filled.
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$backup/postgres.dump"
if [ -e "$backup/agenda-jobs.ejson" ]; then
  : "${MONGODB_URL:?the backup has a job store: set MONGODB_URL}"
  node "$root/ops/backup/job-store.js" import "$backup/agenda-jobs.ejson"
fi
echo "restored $backup"
