#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests: nothing of it outlives them.
#   throwaway-postgres.sh start      starts one; prints TEST_DATABASE_URL=... and TEST_POSTGRES_DIR=...
#   throwaway-postgres.sh stop DIR   stops it and deletes its files
# Used by .ci/run and, when TEST_DATABASE_URL is unset, by the tests' global setup.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user
# (made by Debian's postgresql package).
set -euo pipefail

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  BIN=$(bin_dir)
  if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql), or set TEST_DATABASE_URL" >&2
    exit 3
  fi
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/socialvs-pg.XXXXXX")
  chmod 755 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi
  PASSWORD=throwaway-$RANDOM$RANDOM
  as_owner bash -c "umask 077; printf '%s\n' '$PASSWORD' > '$DIR/pwfile'"
  as_owner "$BIN/initdb" -D "$DIR/data" -U socialvs --pwfile="$DIR/pwfile" --auth=scram-sha-256 \
    -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  # A free port, asked of the kernel; a clash with another starter is retried.
  for attempt in 1 2 3 4 5; do
    PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    # Durability settings off: this cluster lives for one test run.
    if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      echo "TEST_DATABASE_URL=postgres://socialvs:$PASSWORD@127.0.0.1:$PORT/postgres"
      echo "TEST_POSTGRES_DIR=$DIR"
      exit 0
    fi
  done
  cat "$DIR/server.log" >&2
  exit 1
  ;;
stop)
  DIR=${2:?usage: throwaway-postgres.sh stop DIR}
  BIN=$(bin_dir)
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  ;;
*)
  echo "usage: throwaway-postgres.sh start | stop DIR" >&2
  exit 2
  ;;
esac
