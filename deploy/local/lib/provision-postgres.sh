# shellcheck shell=bash
# shellcheck disable=SC2034  # APT_UPDATED belongs to common.sh
# PostgreSQL 15 (the machine's server) + pgvector, and the application's role/database.
# Sourced after common.sh.

PG_HOST=127.0.0.1
PG_PORT=5432
PG_SUPERUSER=postgres

psql_super() { PGOPTIONS="-c client_min_messages=warning" psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -v ON_ERROR_STOP=1 "$@"; }

# pg_config of the running major version, e.g. /usr/lib/postgresql/15/bin/pg_config.
pg_major() {
  local v
  v=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [[ -n $v ]] || die "no PostgreSQL cluster under /etc/postgresql (expected the machine's PostgreSQL 15)"
  echo "$v"
}

ensure_postgres_running() {
  need_cmd psql postgresql-client
  if port_open "$PG_HOST" "$PG_PORT"; then return 0; fi
  local major; major=$(pg_major)
  log "PostgreSQL is not answering on $PG_HOST:$PG_PORT, starting cluster $major/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$major" main start \
    || die "pg_ctlcluster $major main start failed (see /var/log/postgresql/)"
  wait_port "$PG_HOST" "$PG_PORT" 30 || die "PostgreSQL did not open $PG_HOST:$PG_PORT within 30 s"
  # The port opens a moment before the server accepts queries.
  local _
  for _ in $(seq 1 30); do psql_super -tAc 'select 1' >/dev/null 2>&1 && return 0; sleep 1; done
  die "PostgreSQL on $PG_HOST:$PG_PORT does not accept connections as '$PG_SUPERUSER'"
}

pgvector_available() {
  [[ $(psql_super -d postgres -tAc "select 1 from pg_available_extensions where name='vector'") == 1 ]]
}

# bookworm has no pgvector package for PostgreSQL 15 from Debian itself, trixie has its source.
# Only a deb-src line is added: no binary package can come from trixie, so nothing gets upgraded.
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/trixie-src.list

ensure_trixie_sources() {
  local line='deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main'
  if [[ ! -f $TRIXIE_SRC_LIST ]] || ! grep -qxF "$line" "$TRIXIE_SRC_LIST"; then
    log "adding $TRIXIE_SRC_LIST (deb-src only, for pgvector's source)"
    echo "$line" | as_root tee "$TRIXIE_SRC_LIST" >/dev/null
    APT_UPDATED=0
  fi
  # Lists for trixie sources present? If not, they need an update.
  compgen -G '/var/lib/apt/lists/*_debian_dists_trixie_main_source_Sources*' >/dev/null || APT_UPDATED=0
}

build_pgvector() {
  local major t0 build log=$LOG_DIR/pgvector-build.log
  major=$(pg_major)
  t0=$(now_s)
  log "pgvector is missing: building it from Debian's source package (log: $log)"
  ensure_trixie_sources
  apt_update_once
  apt_ensure "postgresql-server-dev-$major" build-essential dpkg-dev
  build=$RUN_DIR/tmp/pgvector-src
  rm -rf "$build"; mkdir -p "$build"
  (cd "$build" && apt-get source -q pgvector) >>"$log" 2>&1 \
    || die "apt-get source pgvector failed, see $log"
  local src
  src=$(find "$build" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -1)
  [[ -n $src ]] || die "apt-get source pgvector produced no pgvector-* folder in $build"
  # OPTFLAGS= : no -march=native, like Debian's own build, so the library runs on any x86-64.
  (cd "$src" && make -j"$(nproc)" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" OPTFLAGS="" \
      && as_root make install PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config") >>"$log" 2>&1 \
    || { show_log_tail "$log" 40; die "building pgvector failed"; }
  pgvector_available || die "pgvector was installed but PostgreSQL does not list the 'vector' extension"
  log "pgvector $(basename "$src" | sed 's/^pgvector-//') built and installed in $(( $(now_s) - t0 )) s"
}

# What the tests need: a running server with pgvector installable (tests create their own databases).
provision_postgres() {
  ensure_postgres_running
  pgvector_available || build_pgvector
  log "PostgreSQL on $PG_HOST:$PG_PORT is up, pgvector available"
}

# What the local run needs on top: role and database `triage` with the extension created.
provision_app_database() { # provision_app_database <db> <user> <password>
  local db=$1 user=$2 password=$3
  psql_super -d postgres -q >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE "$user" LOGIN PASSWORD '$password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END
\$\$;
SQL
  if [[ -z $(psql_super -d postgres -tAc "select 1 from pg_database where datname='$db'") ]]; then
    log "creating database $db owned by $user"
    psql_super -d postgres -qc "CREATE DATABASE \"$db\" OWNER \"$user\""
  fi
  # The extension needs a superuser to create; the application role then just uses it.
  psql_super -d "$db" -qc 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null
  log "database $db (owner $user) ready with extension vector"
}
