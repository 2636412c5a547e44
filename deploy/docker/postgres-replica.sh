#!/bin/sh
# The compose read replica: at its first start a copy of the primary (pg_basebackup -R writes
# standby.signal and primary_conninfo), then a hot standby streaming from it. Runs as the postgres user.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U postgres -q; do sleep 1; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h postgres -U postgres -D "$PGDATA" -R -X stream --checkpoint=fast
  chmod 0700 "$PGDATA"
fi
# a hot standby needs max_connections at least as high as the primary's
exec postgres -c hot_standby=on -c hot_standby_feedback=on -c max_connections=300
