-- wrk script for bench/github/run.sh: signed `issues` deliveries, each with its own X-GitHub-Delivery id.
-- init args: DIR COUNT RUN — DIR holds body-N.json and sig-N (the X-Hub-Signature-256 of body N).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  bodies, sigs = {}, {}
  local dir, n = args[1], tonumber(args[2])
  run = args[3]
  for i = 1, n do
    local f = assert(io.open(dir .. "/body-" .. i .. ".json", "rb")); bodies[i] = f:read("*a"); f:close()
    local s = assert(io.open(dir .. "/sig-" .. i, "rb")); sigs[i] = s:read("*l"); s:close()
  end
  counter, accepted, refused = 0, 0, 0
end

function request()
  counter = counter + 1
  local i = (counter % #bodies) + 1
  return wrk.format("POST", "/webhooks/github", {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "issues",
    ["X-GitHub-Delivery"] = run .. "-" .. tid .. "-" .. counter,
    ["X-Hub-Signature-256"] = sigs[i],
  }, bodies[i])
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); r = r + t:get("refused")
  end
  io.write(string.format("ACCEPTED %d\nREFUSED %d\n", a, r))
end
