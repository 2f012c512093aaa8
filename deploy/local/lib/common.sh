# shellcheck shell=bash
# Shared helpers for the deploy/local commands. Sourced, never executed.
# Everything the local run creates lives under $RUN_DIR (.run/ at the repo root, git-ignored).

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN_DIR=$REPO_ROOT/.run
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
TOOLS_DIR=$RUN_DIR/tools
DOWNLOAD_DIR=$RUN_DIR/downloads
STATE_DIR=$RUN_DIR/state

mkdir -p "$LOG_DIR" "$PID_DIR" "$TOOLS_DIR" "$DOWNLOAD_DIR" "$STATE_DIR" "$RUN_DIR/tmp"

# ---------------------------------------------------------------- output

_ts() { date +%H:%M:%S; }
log()  { printf '%s [%s] %s\n' "$(_ts)" "${LOG_TAG:-local}" "$*"; }
warn() { printf '%s [%s] WARNING: %s\n' "$(_ts)" "${LOG_TAG:-local}" "$*" >&2; }
die()  { printf '%s [%s] ERROR: %s\n' "$(_ts)" "${LOG_TAG:-local}" "$*" >&2; exit 1; }

# Seconds since the epoch, for measuring how long a step took.
now_s() { date +%s; }

# ---------------------------------------------------------------- machine

# Run as root or through sudo (root on the dev/CI machines; sudo elsewhere).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# shellcheck disable=SC2034  # reset by provision-postgres.sh to force a fresh 'apt-get update'
APT_UPDATED=0
apt_update_once() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    as_root apt-get update -q >>"$LOG_DIR/apt.log" 2>&1 \
      || die "apt-get update failed, see $LOG_DIR/apt.log"
    APT_UPDATED=1
  fi
}

# Install Debian packages that are not installed yet (no upgrade of anything else).
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  apt_update_once
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get install ${missing[*]} failed, see $LOG_DIR/apt.log"
}

# Make sure a command exists, installing its Debian package when it does not.
need_cmd() { # need_cmd <command> [debian-package]
  command -v "$1" >/dev/null 2>&1 && return 0
  apt_ensure "${2:-$1}"
  command -v "$1" >/dev/null 2>&1 || die "command '$1' not found even after installing ${2:-$1}"
}

# The few basic tools the scripts use (all on the machine normally; installed when missing).
require_basic_tools() {
  need_cmd curl
  need_cmd ss iproute2
  need_cmd setsid util-linux
  need_cmd sha256sum coreutils
}

# ---------------------------------------------------------------- java

# JDK for the Java services, Artemis and Maven: the machine's default (17).
jdk17_home() {
  local j
  for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17*; do
    [[ -x $j/bin/java ]] && { echo "$j"; return 0; }
  done
  # Fall back to whatever `java` is on the PATH.
  command -v java >/dev/null 2>&1 && { dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0; }
  return 1
}

# Keycloak 26 needs JDK 21 or newer; the machine has Temurin 25 beside the default 17.
jdk21plus_home() {
  local j
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*-2[1-9]-* ; do
    [[ -x $j/bin/java ]] || continue
    local major
    major=$("$j/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    [[ -n $major && $major -ge 21 ]] && { echo "$j"; return 0; }
  done
  return 1
}

# ---------------------------------------------------------------- maven

# Maven for fetching tools and building: the project's wrapper when present, else mvn.
maven_cmd() {
  if [[ -x $REPO_ROOT/mvnw ]]; then
    echo "$REPO_ROOT/mvnw"
  else
    need_cmd mvn maven
    command -v mvn
  fi
}

# Fetch one artifact from Maven Central (or ~/.m2 when already there) into $DOWNLOAD_DIR.
# Runs in an empty folder so that the project's own poms are not loaded.
fetch_maven_artifact() { # fetch_maven_artifact <groupId:artifactId:version:type[:classifier]> <file-name>
  local gav=$1 file=$2
  if [[ -s $DOWNLOAD_DIR/$file ]]; then return 0; fi
  local mvn; mvn=$(maven_cmd)
  local work=$RUN_DIR/tmp/mvn-fetch
  mkdir -p "$work"
  log "fetching $gav from Maven Central (log: $LOG_DIR/maven-fetch.log)"
  (cd "$work" && JAVA_HOME=$(jdk17_home) "$mvn" -B -q \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$gav" -DoutputDirectory="$DOWNLOAD_DIR" -Dmdep.overWriteReleases=false) \
    >>"$LOG_DIR/maven-fetch.log" 2>&1 \
    || die "could not fetch $gav with $mvn, see $LOG_DIR/maven-fetch.log"
  [[ -s $DOWNLOAD_DIR/$file ]] || die "maven fetched $gav but $DOWNLOAD_DIR/$file is missing"
}

# ---------------------------------------------------------------- network

# True when something accepts TCP connections on host:port.
port_open() { # port_open <host> <port>
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Die because <port> is taken by a process these scripts did not start (from this checkout), naming
# that process and, when it is another checkout's suite (e.g. a CI clone), the command that stops it.
die_port_taken() { # die_port_taken <port>
  local pid cmd other="" hint=""
  pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  if [[ -n $pid ]]; then
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160) || cmd=""
    other=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null \
      | sed -n -e 's#^\(/.*\)/\.run/.*#\1#p' \
               -e 's#^\(/.*\)/[a-z-]*/target/quarkus-app/quarkus-run\.jar$#\1#p' | head -1) || other=""
    [[ -n $other && -x $other/deploy/local/down ]] && hint=" It is the local suite of $other: stop it with $other/deploy/local/down"
  fi
  die "port $1 is taken by pid ${pid:-?} (${cmd:-unknown}), which this checkout's scripts did not start.${hint:- Stop it first.}"
}

# Wait until a URL answers 2xx, while an optional pid stays alive.
wait_http() { # wait_http <url> <timeout-seconds> [pid-to-watch] [grep-pattern-in-body]
  local url=$1 timeout=$2 pid=${3:-} pattern=${4:-} deadline body
  deadline=$(( $(now_s) + timeout ))
  while (( $(now_s) < deadline )); do
    if body=$(curl -fsS --max-time 5 "$url" 2>/dev/null); then
      if [[ -z $pattern ]] || grep -q "$pattern" <<<"$body"; then return 0; fi
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 2; fi
    sleep 1
  done
  return 1
}

wait_port() { # wait_port <host> <port> <timeout-seconds> [pid-to-watch]
  local deadline=$(( $(now_s) + $3 ))
  while (( $(now_s) < deadline )); do
    port_open "$1" "$2" && return 0
    if [[ -n ${4:-} ]] && ! kill -0 "$4" 2>/dev/null; then return 2; fi
    sleep 1
  done
  return 1
}

# ---------------------------------------------------------------- processes

pid_file() { echo "$PID_DIR/$1.pid"; }

# Print the pid recorded for <name> if that process is still alive.
running_pid() { # running_pid <name>
  local f pid
  f=$(pid_file "$1")
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# Start a command in the background in its own session (so its process group id is its pid and
# `down` can stop it together with every child it forks), logging to $LOG_DIR/<name>.log.
start_bg() { # start_bg <name> <command...>; prints the pid
  local name=$1; shift
  local log=$LOG_DIR/$name.log
  [[ -f $log ]] && mv -f "$log" "$log.prev"
  # setsid does not fork here (the background child is no group leader), so $! is the leader.
  setsid "$@" >"$log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$(pid_file "$name")"
  echo "$pid"
}

# Pids of every process in process group <pgid>.
group_pids() { ps -eo pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }'; }

# Stop what start_bg started: SIGTERM to the whole process group, wait up to <timeout> seconds,
# then SIGKILL whatever is left. Idempotent: a missing or stale pid file is fine.
stop_bg() { # stop_bg <name> [timeout-seconds]
  local name=$1 timeout=${2:-30} f pid
  f=$(pid_file "$name")
  if [[ ! -s $f ]]; then log "$name: not running (no pid file)"; return 0; fi
  pid=$(<"$f")
  if [[ ! $pid =~ ^[0-9]+$ ]]; then rm -f "$f"; return 0; fi
  if [[ -z $(group_pids "$pid") ]]; then
    log "$name: not running (stale pid file)"; rm -f "$f"; return 0
  fi
  log "$name: stopping (process group $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || true
  local deadline=$(( $(now_s) + timeout ))
  while [[ -n $(group_pids "$pid") ]] && (( $(now_s) < deadline )); do sleep 0.5; done
  if [[ -n $(group_pids "$pid") ]]; then
    warn "$name: still running after ${timeout}s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 1
  fi
  if [[ -n $(group_pids "$pid") ]]; then
    warn "$name: processes $(group_pids "$pid" | xargs) survived SIGKILL"
    return 1
  fi
  rm -f "$f"
  log "$name: stopped"
}

# True when process <pid> is one this checkout's scripts start: its command line names a path under
# .run/ (Artemis, Keycloak), one of the checkout's quarkus-run.jar files or its dashboard server. A developer's own
# `mvnw quarkus:dev` on the same port does not match and is left alone.
belongs_to_checkout() {
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$RUN_DIR/"* || $cmd == *"$REPO_ROOT/"*"/target/quarkus-app/quarkus-run.jar"* \
     || $cmd == *"$REPO_ROOT/agent-dashboard/server/serve.mjs"* ]]
}

# Stop a process that listens on <port> and belongs to this checkout but has no pid file any more
# (e.g. after .run/pids was deleted). Processes of anything else are left alone. Its whole process
# group goes too when the group's leader is also ours (as with start_bg), else just that process.
stop_stray_listener() { # stop_stray_listener <port>
  local pid pgid targets
  pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  [[ -n $pid ]] && belongs_to_checkout "$pid" || return 0
  pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
  if [[ -n $pgid && $pgid != "$(ps -o pgid= -p $$ | tr -d ' ')" ]] \
     && { ! kill -0 "$pgid" 2>/dev/null || belongs_to_checkout "$pgid"; }; then
    targets="-$pgid"
  else
    targets=$pid
  fi
  warn "port $1: stopping stray process $pid of this checkout that had no pid file"
  kill -TERM -- "$targets" 2>/dev/null || true
  local _
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "$targets" 2>/dev/null || true
}

# Show the end of a log on stderr, for failure messages.
show_log_tail() { # show_log_tail <file> [lines]
  echo "----- last ${2:-60} lines of $1 -----" >&2
  tail -n "${2:-60}" "$1" >&2 2>/dev/null || true
  echo "----- end of $1 -----" >&2
}

# ---------------------------------------------------------------- oidc

KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
REALM_URL=$KEYCLOAK_URL/realms/triage
TOKEN_URL=$REALM_URL/protocol/openid-connect/token
INTEGRATION_CLIENT_ID=triage-integration
INTEGRATION_CLIENT_SECRET=triage-integration-secret

# Client-credentials token of the integration client (local realm).
integration_token() {
  local resp
  resp=$(curl -fsS --max-time 10 -d grant_type=client_credentials \
    -d client_id="$INTEGRATION_CLIENT_ID" -d client_secret="$INTEGRATION_CLIENT_SECRET" "$TOKEN_URL") \
    || { warn "token request to $TOKEN_URL failed"; return 1; }
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$resp"
}
