-- wrk script for bench/load/run.sh: the mixed API workload of issue 15.
--   30 % first page of 50 (GET /api/v1/tickets?limit=50)
--   30 % a state + priority filter (GET /api/v1/tickets?state=S&priority=P&limit=50)
--   25 % one ticket (GET /api/v1/tickets/N, N among the seeded tickets)
--   10 % create (POST /api/v1/tickets)
--    5 % a NEW -> TRIAGED transition (POST /api/v1/tickets/N/transitions)
-- init args: TOKEN SEEDED NEW_FILE NEW_FROM NEW_TO RUN THREADS SECONDS
--   TOKEN: an admin API token; SEEDED: tickets 1..SEEDED exist; NEW_FILE: the seeded tickets left NEW, one
--   number a line (bench/load/seed.py); lines NEW_FROM..NEW_TO of it are this run's to move (each thread
--   takes its own share, so no two requests race for one ticket); RUN: a tag in the titles of the tickets
--   this run creates; THREADS: wrk's -t; SECONDS: wrk's -d. done() writes the titles of the acknowledged
--   creates, one a line, to the file named by the environment variable BENCH_ACKED_FILE (done() runs in
--   wrk's main script state, which init() never sees).
-- A transition moves a ticket this thread created (read from the Location of the 201) or, before it has
-- any, one of its seeded NEW tickets: it always targets a NEW ticket and should never be refused.
-- wrk stops on the dot, dropping the answers in flight: a create sent in the last second could be written
-- and never acknowledged. So the last QUIET seconds send reads instead of creates, and every create is
-- answered before the end (unless it takes longer than that: QUIET is more than the bounded queue's 2 s wait
-- plus a create at 400 connections).
-- Responses are classified by status alone (wrk does not tell which request a response answers): 201 only
-- answers a create, so the 201s are the acknowledged creates, and their bodies name the ticket's title.
local QUIET = 5
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local states = { "NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS" }
local priorities = { "P1", "P2", "P3", "P4" }
local types = { "CORRECTIVE", "EVOLUTIVE", "PREVENTIVE", "ADAPTIVE" }
local labels = { "bug", "feature", "performance", "documentation" }

function init(args)
  token, seeded, run, nthreads = args[1], tonumber(args[2]), args[6], tonumber(args[7])
  creates_until = os.time() + tonumber(args[8]) - QUIET
  seeded_new = {}    -- this thread's share of the seeded NEW tickets
  local line = 0
  for n in io.lines(args[3]) do
    line = line + 1
    if line >= tonumber(args[4]) and line <= tonumber(args[5]) and line % nthreads == tid then
      seeded_new[#seeded_new + 1] = tonumber(n)
    end
  end
  headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  json_headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json",
    ["Content-Type"] = "application/json" }
  created, conflicts, failures, overloaded, sent = 0, 0, 0, 0, 0
  acked = {}         -- titles of the acknowledged creates
  mine = {}          -- numbers of the NEW tickets this thread created, oldest first
  mine_head = 1
  next_seeded = 1
  math.randomseed(os.time() + tid * 7919)
end

local function transition_target()
  if mine_head <= #mine then
    local n = mine[mine_head]
    mine[mine_head] = nil
    mine_head = mine_head + 1
    return n
  end
  local n = seeded_new[next_seeded]
  next_seeded = next_seeded + 1
  return n
end

local function read_one()
  return wrk.format("GET", "/api/v1/tickets/" .. math.random(seeded), headers)
end

function request()
  sent = sent + 1
  local r = math.random(100)
  if r <= 30 then
    return wrk.format("GET", "/api/v1/tickets?limit=50", headers)
  elseif r <= 60 then
    return wrk.format("GET", "/api/v1/tickets?state=" .. states[math.random(#states)] .. "&priority="
      .. priorities[math.random(#priorities)] .. "&limit=50", headers)
  elseif r <= 85 then
    return read_one()
  elseif r <= 95 then
    if os.time() >= creates_until then return read_one() end
    local body = string.format(
      '{"title":"Load %s %d-%d","description":"Created by bench/load.","type":"%s","priority":"%s","labels":["%s"]}',
      run, tid, sent, types[math.random(#types)], priorities[math.random(#priorities)], labels[math.random(#labels)])
    return wrk.format("POST", "/api/v1/tickets", json_headers, body)
  end
  local n = transition_target()
  if n == nil then return read_one() end
  return wrk.format("POST", "/api/v1/tickets/" .. n .. "/transitions", json_headers, '{"to":"TRIAGED"}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    acked[#acked + 1] = string.match(body, '"title":"(Load [^"]*)"') or "?"
    local location = headers["Location"] or headers["location"]
    local n = location and tonumber(string.match(location, "/(%d+)$"))
    if n then mine[#mine + 1] = n end
  elseif status == 409 then
    conflicts = conflicts + 1
  elseif status == 503 then
    overloaded = overloaded + 1
  elseif status >= 300 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("unexpected " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local c, k, f, o = 0, 0, 0, 0
  local file = assert(io.open(os.getenv("BENCH_ACKED_FILE") or "/dev/null", "w"))
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflicts"); f = f + t:get("failures"); o = o + t:get("overloaded")
    for _, title in ipairs(t:get("acked")) do file:write(title, "\n") end
  end
  file:close()
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f created=%d conflicts=%d "
      .. "failures=%d overloaded=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    c, k, f, o, e.connect + e.read + e.write + e.timeout))
end
