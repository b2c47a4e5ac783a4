#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the JDBC sink's tests and for trying the sink by hand.
#
#   .ci/postgres.sh install   install the server (apt-get install -y postgresql) if its binaries are absent
#   .ci/postgres.sh start     create a cluster under $PG_BASE and start it; prints `export ...` lines:
#                             TRIBUTARY_PG_URL, _USER, _PASSWORD, _PID, _BASE (eval "$(.ci/postgres.sh start)")
#   .ci/postgres.sh stop      stop the server started under $PG_BASE, by the PID it recorded, and delete it
#   .ci/postgres.sh bin       print the directory of the server binaries (exit 1 if absent)
#
# Or source it and call pg_install, pg_start (exports the variables into your shell) and pg_stop.
#
# Settings (environment): PG_BASE (default /tmp/tributary-pg), PGPORT (default: the first free port from
# 54329), PG_DB, PG_USER, PG_PASSWORD (default tributary each). The server listens on 127.0.0.1 only, with
# password (scram) authentication over TCP. PostgreSQL refuses to run as root, so as root it runs as the
# `postgres` OS user (created by the Debian package), which then owns $PG_BASE.

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" && -x "$dir/postgres" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v postgres >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  return 1
}

pg_install() {
  if pg_bin_dir >/dev/null; then
    echo "PostgreSQL server binaries present in $(pg_bin_dir)" >&2
    return 0
  fi
  # The psql client may be installed without the server: only initdb/postgres/pg_ctl count.
  echo "installing the PostgreSQL server (apt-get install -y postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 && apt-get install -y -q postgresql >&2
  pg_bin_dir >/dev/null || { echo "postgres.sh: install finished but no server binaries found" >&2; return 1; }
}

# Runs a command as the user that owns the cluster: postgres when we are root, ourselves otherwise.
_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

_pg_free_port() {
  local port
  for ((port = 54329; port < 54429; port++)); do
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_start() {
  local bin base port db user password data sock pid
  bin=$(pg_bin_dir) || { echo "postgres.sh: PostgreSQL server binaries not found; run: .ci/postgres.sh install" >&2; return 1; }
  base=${PG_BASE:-/tmp/tributary-pg}
  port=${PGPORT:-$(_pg_free_port)} || { echo "postgres.sh: no free port in 54329-54428" >&2; return 1; }
  db=${PG_DB:-tributary}
  user=${PG_USER:-tributary}
  password=${PG_PASSWORD:-tributary}
  data=$base/data
  sock=$base/socket
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root but there is no 'postgres' user to run the server as" >&2
    return 1
  fi
  if [[ -f $data/postmaster.pid ]] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; then
    echo "postgres.sh: a server is already running in $data; stop it first (PG_BASE=$base .ci/postgres.sh stop)" >&2
    return 1
  fi
  mkdir -p "$base" "$sock"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$base" "$sock"
  fi
  if [[ ! -f $data/PG_VERSION ]]; then
    local pwfile=$base/superuser.pw
    (umask 077; echo "$password" >"$pwfile")
    [[ $(id -u) -eq 0 ]] && chown postgres "$pwfile"
    _pg_as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
      || { echo "postgres.sh: initdb failed, see $base/initdb.log" >&2; return 1; }
    rm -f "$pwfile"
  fi
  # fsync off and a small buffer pool: a test server, fast to start and stop, whose data may be lost.
  _pg_as_owner "$bin/pg_ctl" -D "$data" -l "$base/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB" \
    start >&2 || { echo "postgres.sh: server did not start, see $base/postgres.log" >&2; tail -5 "$base/postgres.log" >&2; return 1; }
  pid=$(head -1 "$data/postmaster.pid")
  echo "$port" >"$base/port"
  # Role and database, created over the local socket as the superuser (trusted there).
  _pg_as_owner "$bin/psql" -h "$sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -v user="$user" -v password="$password" -v db="$db" >&2 <<'SQL' || { echo "postgres.sh: could not create role/database" >&2; return 1; }
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  export TRIBUTARY_PG_URL="jdbc:postgresql://127.0.0.1:$port/$db"
  export TRIBUTARY_PG_USER=$user
  export TRIBUTARY_PG_PASSWORD=$password
  export TRIBUTARY_PG_PID=$pid
  export TRIBUTARY_PG_BASE=$base
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running as PID $pid on 127.0.0.1:$port, data in $data" >&2
  printf 'export TRIBUTARY_PG_URL=%q\nexport TRIBUTARY_PG_USER=%q\nexport TRIBUTARY_PG_PASSWORD=%q\nexport TRIBUTARY_PG_PID=%q\nexport TRIBUTARY_PG_BASE=%q\n' \
    "$TRIBUTARY_PG_URL" "$user" "$password" "$pid" "$base"
}

pg_stop() {
  local base=${PG_BASE:-${TRIBUTARY_PG_BASE:-/tmp/tributary-pg}}
  local data=$base/data pid i
  if [[ ! -f $data/postmaster.pid ]]; then
    echo "postgres.sh: no server running in $data" >&2
    return 0
  fi
  pid=$(head -1 "$data/postmaster.pid")
  # SIGINT is PostgreSQL's "fast" shutdown: roll back open sessions, then exit cleanly.
  if kill -INT "$pid" 2>/dev/null; then
    for ((i = 0; i < 300; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "postgres.sh: PID $pid still running after 30 s; sending SIGQUIT (immediate shutdown)" >&2
      kill -QUIT "$pid" 2>/dev/null
      sleep 1
    fi
  fi
  echo "PostgreSQL PID $pid stopped; removing $base" >&2
  rm -rf "$base"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    install) pg_install ;;
    start) pg_start ;;
    stop) pg_stop ;;
    bin) pg_bin_dir ;;
    *)
      echo "usage: $0 install|start|stop|bin   (see the comments at the top)" >&2
      exit 2
      ;;
  esac
fi
