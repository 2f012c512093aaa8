# shellcheck shell=bash
# Keycloak 26.5.6 (Quarkus distribution from Maven Central) in dev mode with the triage realm.
# Sourced after common.sh.

KEYCLOAK_VERSION=26.5.6
KEYCLOAK_HOME=$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_HTTP_PORT=8180
KEYCLOAK_MGMT_PORT=9180
REALM_FILE=$LOCAL_DIR/keycloak/triage-realm.json
REALM_SUM_FILE=$STATE_DIR/keycloak-realm.sha256

keycloak_java_home() {
  jdk21plus_home || die "Keycloak $KEYCLOAK_VERSION needs JDK 21 or newer and none was found under /usr/lib/jvm (expected /usr/lib/jvm/temurin-25-jdk-amd64)"
}

install_keycloak_dist() {
  [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] && return 0
  local zip=keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  need_cmd unzip
  fetch_maven_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$zip"
  log "unpacking Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_HOME"
  local tmp=$TOOLS_DIR/.keycloak-unpack.$$
  rm -rf "$tmp"; mkdir -p "$tmp"
  unzip -q "$DOWNLOAD_DIR/$zip" -d "$tmp" || die "could not unpack $DOWNLOAD_DIR/$zip"
  rm -rf "$KEYCLOAK_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$tmp"
  # The archive stays in ~/.m2; no need for a second copy on a disk that can run short.
  rm -f "$DOWNLOAD_DIR/$zip"
}

# --import-realm skips a realm that already exists in Keycloak's dev database, so when the realm
# file changed since the last import, the dev database (data/h2) is wiped to import it afresh.
install_realm_file() {
  local sum old=""
  sum=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  [[ -f $REALM_SUM_FILE ]] && old=$(<"$REALM_SUM_FILE")
  if [[ $sum != "$old" ]]; then
    if [[ -d $KEYCLOAK_HOME/data/h2 ]]; then
      log "realm file changed since the last import: wiping Keycloak's dev database to re-import it"
      rm -rf "$KEYCLOAK_HOME/data/h2"
    fi
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/triage-realm.json"
    # Recorded now; start_keycloak checks that the realm actually got imported.
    echo "$sum" >"$REALM_SUM_FILE"
  fi
}

provision_keycloak() {
  keycloak_java_home >/dev/null
  install_keycloak_dist
  if running_pid keycloak >/dev/null; then
    # Never wipe the database under a running server; a changed realm applies on the next start.
    cmp -s "$REALM_FILE" "$KEYCLOAK_HOME/data/import/triage-realm.json" \
      || warn "realm file changed while Keycloak runs: run 'deploy/local/down' and 'up' to re-import it"
    return 0
  fi
  install_realm_file
}

start_keycloak() {
  local pid t0 rc=0
  local ready_url=$KEYCLOAK_URL/realms/triage/.well-known/openid-configuration
  if pid=$(running_pid keycloak); then
    wait_http "$ready_url" 180 "$pid" || die "Keycloak (pid $pid) runs but realm triage is not ready, see $LOG_DIR/keycloak.log"
    log "Keycloak already running (pid $pid, $KEYCLOAK_URL)"
    return 0
  fi
  local port
  for port in "$KEYCLOAK_HTTP_PORT" "$KEYCLOAK_MGMT_PORT"; do
    port_open 127.0.0.1 "$port" \
      && die_port_taken "$port"
  done
  t0=$(now_s)
  log "starting Keycloak $KEYCLOAK_VERSION in dev mode (log: $LOG_DIR/keycloak.log)"
  # A bounded heap: kc.sh would otherwise take 70% of the machine's memory in some setups.
  pid=$(start_bg keycloak env \
        JAVA_HOME="$(keycloak_java_home)" \
        JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
          --http-port "$KEYCLOAK_HTTP_PORT" --http-management-port "$KEYCLOAK_MGMT_PORT" \
          --import-realm)
  wait_http "$ready_url" 240 "$pid" || rc=$?
  if [[ $rc -ne 0 ]]; then
    show_log_tail "$LOG_DIR/keycloak.log"
    [[ $rc -eq 2 ]] && die "Keycloak exited during startup"
    die "Keycloak realm triage was not ready at $ready_url within 240 s"
  fi
  log "Keycloak up on $KEYCLOAK_URL in $(( $(now_s) - t0 )) s (pid $pid)"
}

stop_keycloak() { stop_bg keycloak 40; }
