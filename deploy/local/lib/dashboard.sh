# shellcheck shell=bash
# The agent dashboard (agent-dashboard/): built with npm when its sources changed, served with the API and the
# WebSocket behind one origin by agent-dashboard/server/serve.mjs. Sourced after common.sh.

DASHBOARD_DIR=$REPO_ROOT/agent-dashboard
DASHBOARD_PORT=8080
DASHBOARD_URL=http://localhost:$DASHBOARD_PORT

# Node 20+ and npm (the machine has them; Debian's nodejs otherwise).
require_node() {
  need_cmd node nodejs
  need_cmd npm npm
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [[ $major -ge 20 ]] || die "the dashboard needs Node 20 or newer (found $(node -v))"
}

# node_modules is stale when missing or older than package-lock.json: then `npm ci` (exactly the lock file).
dashboard_install_if_needed() {
  local marker=$DASHBOARD_DIR/node_modules/.package-lock.json
  if [[ -f $marker && ! $DASHBOARD_DIR/package-lock.json -nt $marker ]]; then return 0; fi
  log "dashboard: npm ci (log: $LOG_DIR/dashboard-npm.log)"
  (cd "$DASHBOARD_DIR" && npm ci --no-audit --no-fund) >"$LOG_DIR/dashboard-npm.log" 2>&1 \
    || { show_log_tail "$LOG_DIR/dashboard-npm.log" 40; die "npm ci failed in $DASHBOARD_DIR"; }
}

# The build is stale when dist/index.html is missing or older than any source, config or lock file.
dashboard_stale() {
  local built=$DASHBOARD_DIR/dist/index.html
  [[ -f $built ]] || return 0
  [[ -n $(find "$DASHBOARD_DIR/src" "$DASHBOARD_DIR/public" "$DASHBOARD_DIR/index.html" "$DASHBOARD_DIR/package-lock.json" \
            "$DASHBOARD_DIR/vite.config.ts" "$DASHBOARD_DIR/tsconfig.json" -newer "$built" -print -quit 2>/dev/null) ]]
}

build_dashboard_if_needed() {
  [[ -f $DASHBOARD_DIR/package.json ]] || { log "no agent-dashboard/: not serving a dashboard"; return 0; }
  require_node
  if ! dashboard_stale; then log "dashboard build is up to date"; return 0; fi
  dashboard_install_if_needed
  local t0; t0=$(now_s)
  log "dashboard: building (log: $LOG_DIR/dashboard-build.log)"
  (cd "$DASHBOARD_DIR" && npm run build) >"$LOG_DIR/dashboard-build.log" 2>&1 \
    || { show_log_tail "$LOG_DIR/dashboard-build.log" 40; die "the dashboard build failed"; }
  log "dashboard built in $(( $(now_s) - t0 )) s"
}

start_dashboard() {
  [[ -f $DASHBOARD_DIR/package.json ]] || return 0
  local pid rc=0 server=$DASHBOARD_DIR/server/serve.mjs
  if pid=$(running_pid agent-dashboard); then
    # The server reads files from dist/ on every request, so a rebuild needs no restart unless it changed itself.
    if [[ $server -nt $(pid_file agent-dashboard) ]]; then
      stop_bg agent-dashboard 10 || die "could not stop the dashboard server"
    else
      log "agent-dashboard already running (pid $pid, $DASHBOARD_URL)"
      return 0
    fi
  fi
  port_open 127.0.0.1 "$DASHBOARD_PORT" && die_port_taken "$DASHBOARD_PORT"
  pid=$(start_bg agent-dashboard env PORT="$DASHBOARD_PORT" API_URL=http://localhost:8081 WS_URL=http://localhost:8083 \
        OIDC_AUTH_SERVER_URL="$OIDC_AUTH_SERVER_URL" node "$server")
  wait_http "$DASHBOARD_URL/healthz" 30 "$pid" || rc=$?
  if [[ $rc -ne 0 ]]; then
    show_log_tail "$LOG_DIR/agent-dashboard.log"
    die "the dashboard server did not start on $DASHBOARD_URL"
  fi
  log "agent-dashboard UP at $DASHBOARD_URL (pid $pid)"
}

stop_dashboard() { stop_bg agent-dashboard 10; }
