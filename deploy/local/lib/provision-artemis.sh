# shellcheck shell=bash
# ActiveMQ Artemis 2.40.0 from Maven Central, one broker instance under .run/artemis-instance.
# Sourced after common.sh.

ARTEMIS_VERSION=2.40.0
ARTEMIS_HOME=$TOOLS_DIR/apache-artemis-$ARTEMIS_VERSION
ARTEMIS_INSTANCE=$RUN_DIR/artemis-instance
ARTEMIS_TEMPLATE=$LOCAL_DIR/artemis/broker.xml
ARTEMIS_HOST=127.0.0.1
ARTEMIS_PORT=5673
ARTEMIS_USER=triage
ARTEMIS_PASSWORD=triage

artemis_java_home() { jdk17_home || die "no JDK 17 found for Artemis (expected /usr/lib/jvm/java-17-openjdk-amd64)"; }

install_artemis_dist() {
  [[ -x $ARTEMIS_HOME/bin/artemis ]] && return 0
  local tgz=apache-artemis-$ARTEMIS_VERSION-bin.tar.gz
  fetch_maven_artifact "org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "$tgz"
  log "unpacking Artemis $ARTEMIS_VERSION into $ARTEMIS_HOME"
  # Unpack beside the target and rename, so an interrupted unpack never looks complete.
  local tmp=$TOOLS_DIR/.artemis-unpack.$$
  rm -rf "$tmp"; mkdir -p "$tmp"
  tar -xzf "$DOWNLOAD_DIR/$tgz" -C "$tmp" || die "could not unpack $DOWNLOAD_DIR/$tgz"
  rm -rf "$ARTEMIS_HOME"
  mv "$tmp/apache-artemis-$ARTEMIS_VERSION" "$ARTEMIS_HOME"
  rm -rf "$tmp"
  # The archive stays in ~/.m2; no need for a second copy on a disk that can run short.
  rm -f "$DOWNLOAD_DIR/$tgz"
}

create_artemis_instance() {
  # The marker is written last: a half-created instance is removed and created again.
  [[ -f $ARTEMIS_INSTANCE/.created ]] && return 0
  rm -rf "$ARTEMIS_INSTANCE"
  log "creating Artemis broker instance in $ARTEMIS_INSTANCE"
  JAVA_HOME=$(artemis_java_home) "$ARTEMIS_HOME/bin/artemis" create "$ARTEMIS_INSTANCE" \
      --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --role amq --require-login \
      --silent --no-autotune --no-web --nio --host "$ARTEMIS_HOST" --java-memory 512M \
      --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
      >>"$LOG_DIR/artemis-create.log" 2>&1 \
    || { show_log_tail "$LOG_DIR/artemis-create.log" 30; die "artemis create failed"; }
  touch "$ARTEMIS_INSTANCE/.created"
}

# Our broker.xml replaces the generated one whole (one AMQP acceptor on 5673, our addresses).
install_broker_xml() {
  local target=$ARTEMIS_INSTANCE/etc/broker.xml
  if ! cmp -s "$ARTEMIS_TEMPLATE" "$target"; then
    cp "$ARTEMIS_TEMPLATE" "$target"
    if running_pid artemis >/dev/null; then
      warn "broker.xml changed while Artemis runs: addresses reload by themselves, acceptor changes need 'deploy/local/down' + 'up'"
    fi
  fi
}

provision_artemis() {
  install_artemis_dist
  create_artemis_instance
  install_broker_xml
}

start_artemis() {
  local pid t0
  if pid=$(running_pid artemis); then
    wait_port "$ARTEMIS_HOST" "$ARTEMIS_PORT" 60 "$pid" \
      || die "Artemis (pid $pid) runs but does not listen on $ARTEMIS_HOST:$ARTEMIS_PORT, see $LOG_DIR/artemis.log"
    log "Artemis already running (pid $pid, amqp://$ARTEMIS_HOST:$ARTEMIS_PORT)"
    return 0
  fi
  if port_open "$ARTEMIS_HOST" "$ARTEMIS_PORT"; then
    die_port_taken "$ARTEMIS_PORT"
  fi
  t0=$(now_s)
  log "starting Artemis (log: $LOG_DIR/artemis.log)"
  pid=$(start_bg artemis env JAVA_HOME="$(artemis_java_home)" "$ARTEMIS_INSTANCE/bin/artemis" run)
  local rc=0
  wait_port "$ARTEMIS_HOST" "$ARTEMIS_PORT" 90 "$pid" || rc=$?
  if [[ $rc -ne 0 ]]; then
    show_log_tail "$LOG_DIR/artemis.log"
    [[ $rc -eq 2 ]] && die "Artemis exited during startup"
    die "Artemis did not open $ARTEMIS_HOST:$ARTEMIS_PORT within 90 s"
  fi
  log "Artemis up on amqp://$ARTEMIS_HOST:$ARTEMIS_PORT in $(( $(now_s) - t0 )) s (pid $pid)"
}

stop_artemis() { stop_bg artemis 30; }
