# shellcheck shell=bash
# The suite's own Quarkus services: build when stale, start in order, wait for readiness, seed.
# Sourced after common.sh.

# name:port, in start order (ticket-service first: it runs the Flyway migrations).
SERVICES=(ticket-service:8081 triage-worker:8082 notification-gateway:8083)
API_URL=http://localhost:8081

service_jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

require_java_project() {
  [[ -f $REPO_ROOT/pom.xml ]] \
    || die "no pom.xml at $REPO_ROOT: the Java modules are not there yet, nothing to build or start"
  local entry name
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [[ -f $REPO_ROOT/$name/pom.xml ]] || die "module $name is missing ($REPO_ROOT/$name/pom.xml not found)"
  done
}

# A service's jar is stale when missing or older than any file under its src/, shared-model's src/
# (every service embeds it) or any pom.xml of the build.
service_stale() { # service_stale <module>
  local jar; jar=$(service_jar "$1")
  [[ -f $jar ]] || return 0
  local dirs=("$REPO_ROOT/$1/src")
  [[ -d $REPO_ROOT/shared-model/src ]] && dirs+=("$REPO_ROOT/shared-model/src")
  [[ -n $(find "${dirs[@]}" -type f -newer "$jar" -print -quit 2>/dev/null) ]] && return 0
  [[ -n $(find "$REPO_ROOT" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit) ]] && return 0
  return 1
}

build_services_if_needed() {
  local entry name stale=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    service_stale "$name" && stale+=("$name")
  done
  if [[ ${#stale[@]} -eq 0 ]]; then log "service jars are up to date"; return 0; fi
  local mvn t0 log=$LOG_DIR/build.log
  mvn=$(maven_cmd); t0=$(now_s)
  log "building (${stale[*]} stale): $mvn -B -q -DskipTests package (log: $log)"
  (cd "$REPO_ROOT" && JAVA_HOME=${JAVA_HOME:-$(jdk17_home)} "$mvn" -B -q -DskipTests package) >"$log" 2>&1 \
    || { show_log_tail "$log" 80; die "the build failed"; }
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [[ -f $(service_jar "$name") ]] \
      || die "the build succeeded but $(service_jar "$name") is missing: is $name a Quarkus application?"
  done
  log "build done in $(( $(now_s) - t0 )) s"
}

start_service() { # start_service <name> <port>
  local name=$1 port=$2 pid t0 rc=0 jar log=$LOG_DIR/$1.log
  local ready=http://localhost:$port/q/health/ready
  jar=$(service_jar "$name")
  [[ -f $jar ]] || die "$jar is missing; build with: ./mvnw -B -DskipTests package"
  if pid=$(running_pid "$name"); then
    # A jar rebuilt after the service started means the running code is old: restart it.
    if [[ $jar -nt $(pid_file "$name") ]]; then
      log "$name: jar rebuilt since it started, restarting"
      stop_bg "$name" 30 || die "could not stop $name"
    else
      wait_http "$ready" 120 "$pid" \
        || { show_log_tail "$log"; die "$name (pid $pid) runs but $ready is not UP"; }
      log "$name already running (pid $pid, http://localhost:$port)"
      return 0
    fi
  fi
  port_open 127.0.0.1 "$port" \
    && die_port_taken "$port"
  t0=$(now_s)
  log "starting $name on port $port (log: $log)"
  pid=$(start_bg "$name" env JAVA_HOME="$SERVICE_JAVA_HOME" QUARKUS_HTTP_PORT="$port" \
        "$SERVICE_JAVA_HOME/bin/java" -jar "$jar")
  wait_http "$ready" 180 "$pid" || rc=$?
  if [[ $rc -ne 0 ]]; then
    show_log_tail "$log"
    [[ $rc -eq 2 ]] && die "$name exited during startup"
    die "$name did not report UP at $ready within 180 s"
  fi
  log "$name UP in $(( $(now_s) - t0 )) s (pid $pid)"
}

start_services() {
  SERVICE_JAVA_HOME=${SERVICE_JAVA_HOME:-$(jdk17_home)} || die "no JDK 17 found for the services"
  local entry
  for entry in "${SERVICES[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
}

stop_services() { # reverse order: the gateway and worker before the service that owns the schema
  local i rc=0
  for (( i=${#SERVICES[@]}-1; i>=0; i-- )); do stop_bg "${SERVICES[i]%%:*}" 30 || rc=1; done
  return $rc
}

# ---------------------------------------------------------------- demo data
# deploy/local/demo/: a BANKING77-based taxonomy, labelled examples for the local model (see its ATTRIBUTION.md)
# and tickets that match them. Seeded through the API as an admin would, only into a database without tickets.
DEMO_DIR=$LOCAL_DIR/demo

ticket_count() {
  PGPASSWORD=$DB_PASSWORD psql -X -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select count(*) from ticket' 2>/dev/null
}

# Password grant of the local demo admin (roles admin, agent) through the dashboard's public client.
admin_token() {
  local resp
  resp=$(curl -fsS --max-time 10 -d grant_type=password -d client_id=agent-dashboard \
    -d username=admin -d password=admin "$TOKEN_URL") || { warn "admin token request to $TOKEN_URL failed"; return 1; }
  jq -er .access_token <<<"$resp"
}

# demo_call <expected status> <method> <path> <content type> <body file or -> [data]: fails loudly on anything else
demo_call() {
  local expect=$1 method=$2 path=$3 type=$4 file=$5 data=${6:-} code out=$RUN_DIR/tmp/seed-response.json
  if [[ $file == - ]]; then
    code=$(curl -sS -o "$out" -w '%{http_code}' --max-time 60 -X "$method" -H "Authorization: Bearer $SEED_TOKEN" \
      -H "Content-Type: $type" --data-binary "$data" "$API_URL$path") || code=000
  else
    code=$(curl -sS -o "$out" -w '%{http_code}' --max-time 60 -X "$method" -H "Authorization: Bearer $SEED_TOKEN" \
      -H "Content-Type: $type" --data-binary "@$file" "$API_URL$path") || code=000
  fi
  [[ $code == "$expect" ]] && return 0
  warn "$method $path answered HTTP $code: $(head -c 300 "$out" 2>/dev/null)"
  return 1
}

unembedded_examples() {
  PGPASSWORD=$DB_PASSWORD psql -X -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc \
    'select count(*) from training_example where embedding is null' 2>/dev/null
}

# The worker embeds imported examples in the background; tickets posted before that would be triaged without
# them (the lexical fallback), which makes a poor first impression of the demo.
wait_for_examples_embedded() {
  local left deadline=$(( $(now_s) + 120 ))
  while left=$(unembedded_examples) && [[ $left != 0 ]]; do
    if (( $(now_s) > deadline )); then
      warn "demo data: $left examples still not embedded after 120 s; posting the tickets anyway"
      return 0
    fi
    sleep 1
  done
  log "demo data: the triage worker has embedded the examples"
}

seed_demo_data() {
  local count category created=0 total
  count=$(ticket_count) || { warn "could not count tickets (is the ticket table there?); skipping demo data"; return 0; }
  if [[ $count != 0 ]]; then log "demo data: $count ticket(s) already there, not seeding"; return 0; fi
  need_cmd jq
  SEED_TOKEN=$(admin_token) || die "could not get a token for the demo admin (admin/admin)"

  # Taxonomy: create each category, or update it when a half-finished earlier seed left it there.
  while IFS= read -r category; do
    local name
    name=$(jq -r .name <<<"$category")
    demo_call 201 POST /api/admin/categories application/json - "$category" 2>/dev/null \
      || demo_call 200 PUT "/api/admin/categories/$(jq -rn --arg n "$name" '$n|@uri')" application/json - \
           "$(jq -c '{description, team, active: true}' <<<"$category")" \
      || die "demo data: could not create category $name"
  done < <(jq -c '.[]' "$DEMO_DIR/taxonomy.json")
  # The starting taxonomy of migration V1 does not fit a bank: take it out of triage.
  for category in billing account-access technical-issue shipping general; do
    demo_call 200 DELETE "/api/admin/categories/$category" application/json - "" || true
  done
  log "demo data: taxonomy of $(jq length "$DEMO_DIR/taxonomy.json") categories"

  demo_call 201 POST /api/admin/imports text/csv "$DEMO_DIR/examples.csv" \
    || die "demo data: importing the labelled examples failed"
  log "demo data: $(jq -r '"\(.rowsImported) examples imported, \(.rowsRejected) rejected"' "$RUN_DIR/tmp/seed-response.json")"
  wait_for_examples_embedded

  total=$(grep -c . "$DEMO_DIR/tickets.ndjson")
  while IFS= read -r ticket; do
    [[ -n $ticket ]] || continue
    demo_call 202 POST /api/tickets application/json - "$ticket" && created=$((created + 1))
  done < "$DEMO_DIR/tickets.ndjson"
  [[ $created -eq $total ]] || die "demo data: only $created of $total tickets were accepted"
  log "demo data: $created tickets submitted (they get triaged in the background)"
}
