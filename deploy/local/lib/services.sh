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

# Demo tickets: subject|body|requester name|requester email
DEMO_TICKETS=(
  "Charged twice for my March invoice|Hi, my credit card shows two charges of 49.00 EUR for invoice INV-2031 on March 3rd. Please refund the duplicate charge.|Maria Rossi|maria.rossi@example.com"
  "Cannot log in after password reset|I reset my password this morning but the login page keeps saying 'invalid credentials'. I also tried a private window. My username is jdoe.|John Doe|john.doe@example.com"
  "Dashboard down for the whole team|Since 09:40 UTC everyone in our office gets a 502 Bad Gateway on the reporting dashboard. This is blocking our month-end close, please help urgently!|Priya Shah|priya.shah@example.org"
  "Where is my order #48213?|I ordered a replacement router 8 days ago and the tracking page still says 'label created'. Can you tell me when it will ship?|Lukas Becker|lukas.becker@example.net"
  "Please add SSO with Okta|We would like our 40 agents to sign in with our Okta tenant instead of passwords. Is SAML or OIDC SSO available on the business plan?|Emma Wilson|emma.wilson@example.com"
  "API returns 429 too many requests|Our nightly sync job started getting HTTP 429 from /v2/contacts after about 300 requests. We did not change anything on our side. What are the current rate limits?|Chen Wei|chen.wei@example.io"
)

json_escape() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '%s' "$s"; }

ticket_count() {
  PGPASSWORD=$DB_PASSWORD psql -X -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select count(*) from ticket' 2>/dev/null
}

seed_demo_data() {
  local count
  count=$(ticket_count) || { warn "could not count tickets (is the ticket table there?); skipping demo data"; return 0; }
  if [[ $count != 0 ]]; then log "demo data: $count ticket(s) already there, not seeding"; return 0; fi
  local token t subject body name email code created=0
  token=$(integration_token) || token=""
  [[ -n $token ]] || die "could not get a client-credentials token for $INTEGRATION_CLIENT_ID"
  for t in "${DEMO_TICKETS[@]}"; do
    IFS='|' read -r subject body name email <<<"$t"
    code=$(curl -sS -o "$RUN_DIR/tmp/seed-response.json" -w '%{http_code}' --max-time 15 \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"subject\":\"$(json_escape "$subject")\",\"body\":\"$(json_escape "$body")\",\"requester\":{\"name\":\"$(json_escape "$name")\",\"email\":\"$email\"},\"channel\":\"API\"}" \
      "$API_URL/api/tickets") || code=000
    if [[ $code == 202 ]]; then
      created=$((created + 1))
    else
      warn "POST /api/tickets for '$subject' answered HTTP $code: $(head -c 300 "$RUN_DIR/tmp/seed-response.json" 2>/dev/null)"
    fi
  done
  [[ $created -eq ${#DEMO_TICKETS[@]} ]] || die "demo data: only $created of ${#DEMO_TICKETS[@]} tickets were accepted"
  log "demo data: $created tickets submitted (they get triaged in the background)"
}
