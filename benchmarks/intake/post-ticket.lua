-- wrk script: every request posts a distinct ticket as the bearer of $TOKEN. Subjects carry $RUN_ID so the
-- run's rows can be counted afterwards. Optional $DELAY_MS paces each connection (wrk has no rate option).
-- Optional $TARGET_PATH (default /api/tickets; benchmarks/run also posts to the worker's /bench/triage-sync, which
-- takes no token: TOKEN=none).
local run_id = os.getenv("RUN_ID") or "bench"
local token = os.getenv("TOKEN") or error("TOKEN is not set")
local target_path = os.getenv("TARGET_PATH") or "/api/tickets"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local counter = 0

function init(args)
  wrk.method = "POST"
  wrk.path = target_path
  wrk.headers["Content-Type"] = "application/json"
  if token ~= "none" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"subject":"%s t%d n%d: card declined at checkout","body":"My card was declined twice today although my ' ..
    'balance is fine. Order %d-%d. Please check what is wrong.","requester":{"name":"Bench Mark",' ..
    '"email":"bench@example.com"},"channel":"API"}', run_id, tid, counter, tid, counter)
  return wrk.format(nil, nil, nil, body)
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

-- No response() callback: wrk would then parse every response in Lua and become the bottleneck. Intake answers
-- 202 or an error status, so accepted = completed requests - non-2xx/3xx.
function done(summary, latency, requests)
  io.write(string.format("RESULT accepted=%d other=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests - summary.errors.status, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99)))
end
