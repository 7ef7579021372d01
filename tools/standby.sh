#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL 15 cluster (127.0.0.1:5432) on 127.0.0.1:5433, for the read-replica
# integration test and for trying replicas by hand. Debian's PostgreSQL; run as root (commands run as `postgres`).
#   tools/standby.sh [up]   make sure the standby runs and streams: reuse it, start it, or build it anew
#   tools/standby.sh stop   stop it (the data folder stays; `up` starts it again)
#   tools/standby.sh status is it running, in recovery, streaming
# Then: DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:5433/<database>
set -euo pipefail

BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_CONF=${PRIMARY_CONF:-/etc/postgresql/15/main}
DIR=${STANDBY_DIR:-/var/lib/postgresql/15/standby}
PORT=${STANDBY_PORT:-5433}
LOG=$DIR/standby.log

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
psql_standby() { as_pg "$BIN/psql" -X -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }
running() { as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; }

# Streaming means: in recovery, and its WAL receiver reports 'streaming'.
streaming() {
  [ "$(psql_standby "SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver
    WHERE status = 'streaming')" || true)" = t ]
}

wait_streaming() {
  for _ in $(seq 1 "${1:-30}"); do
    streaming && return 0
    sleep 1
  done
  return 1
}

# The primary must accept replication connections from loopback (pg_hba's "all" does not cover them)
# and keep WAL senders; a trust line for local replication is put first, then the primary reloaded.
prepare_primary() {
  local hba=$PRIMARY_CONF/pg_hba.conf
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "standby: allowing replication connections from 127.0.0.1 in $hba"
    { echo 'host replication all 127.0.0.1/32 trust  # streaming standby on this machine (tools/standby.sh)'
      cat "$hba"; } >"$hba.new"
    chown --reference="$hba" "$hba.new"
    chmod --reference="$hba" "$hba.new"
    mv "$hba.new" "$hba"
    as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc 'SELECT pg_reload_conf()' >/dev/null
  fi
  # The primary keeps 1 GB of WAL so that a standby stopped for a while (the replica test stops it) can catch up
  # on restart; one that fell further behind is built anew. (A replication slot would keep WAL without bound.)
  if [ "$(as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc \
    "SELECT pg_size_bytes(current_setting('wal_keep_size')) < pg_size_bytes('1GB')")" = t ]; then
    echo "standby: wal_keep_size = 1GB on the primary"
    as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc "ALTER SYSTEM SET wal_keep_size = '1GB'" >/dev/null
    as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc 'SELECT pg_reload_conf()' >/dev/null
  fi
  local level senders
  level=$(as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc 'SHOW wal_level')
  senders=$(as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc 'SHOW max_wal_senders')
  if [ "$level" = minimal ] || [ "$senders" -lt 2 ]; then
    echo "standby: the primary has wal_level=$level, max_wal_senders=$senders; set wal_level=replica and" \
      "max_wal_senders>=2 in $PRIMARY_CONF/postgresql.conf and restart it" >&2
    exit 1
  fi
}

build() {
  echo "standby: pg_basebackup of 127.0.0.1:5432 into $DIR"
  as_pg "$BIN/pg_ctl" -D "$DIR" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$DIR"
  install -d -o postgres -g postgres -m 0700 "$DIR"
  # -R writes standby.signal and primary_conninfo; -X stream brings the WAL written during the copy
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$DIR" -R -X stream
  # Debian keeps the primary's configuration in /etc, so the copy has none of its own: a small one here.
  # A hot standby needs these limits at least as high as the primary's, so they are copied from it.
  local limits
  limits=$(as_pg "$BIN/psql" -X -h 127.0.0.1 -U postgres -Atqc "SELECT string_agg(name || ' = ' || setting, E'\n')
    FROM pg_settings WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders',
      'max_prepared_transactions', 'max_locks_per_transaction')")
  as_pg tee "$DIR/postgresql.conf" >/dev/null <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
hot_standby_feedback = on
$limits
EOF
  as_pg tee "$DIR/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
}

start() {
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$LOG" -w -t 60 start >/dev/null
}

up() {
  prepare_primary
  if running && wait_streaming 15; then
    echo "standby: running and streaming on 127.0.0.1:$PORT"
    return 0
  fi
  if [ -f "$DIR/standby.signal" ] && ! running; then
    echo "standby: starting the existing standby"
    if start && wait_streaming 20; then
      echo "standby: running and streaming on 127.0.0.1:$PORT"
      return 0
    fi
    echo "standby: the existing standby does not stream (WAL it needs may be gone); building it anew"
  fi
  build
  start
  wait_streaming 60 || { echo "standby: not streaming; see $LOG" >&2; tail -n 20 "$LOG" >&2; exit 1; }
  echo "standby: running and streaming on 127.0.0.1:$PORT"
}

case "${1:-up}" in
  up) up ;;
  stop) running && as_pg "$BIN/pg_ctl" -D "$DIR" stop -m fast -w >/dev/null; echo "standby: stopped" ;;
  status)
    if running; then streaming && echo "running, streaming" || echo "running, not streaming"; else echo "stopped"; fi ;;
  *) echo "usage: $0 [up|stop|status]" >&2; exit 2 ;;
esac
