#!/bin/sh
# First start of the compose primary: let the postgres-replica service clone it and stream from it
# (replication connections match no "all" line of pg_hba.conf; the password is checked as for the rest).
set -e
echo "host replication all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
