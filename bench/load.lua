-- wrk script of the mixed load (bench/load.mjs runs it): every request is made as one of many users, with
-- that user's bearer token, on records that user may see. wrk's Lua has no hook per connection, so the
-- user is drawn per request; the server keeps nothing per connection, so this is the same work as one
-- user per connection.
--
--   wrk -t2 -c256 -d60s --latency -s bench/load.lua URL -- USERS.lua [reads-only]
--
-- USERS.lua (written by bench/load.mjs) returns a list of users, each
-- {login, role, token, customers = {...}, persons = {...}, opportunities = {...}}: the customers the user
-- may see, key persons of those customers and their opportunities.
--
-- The mix, in percent of requests: lists 30, single records 25, figures 30, writes 15 (changes of key
-- persons and opportunities 9, new ratings and activities 6, the server picks their ids), as a sales team
-- mostly updates what it has; "reads-only" leaves the writes out. At the end it prints the statuses of 400 and above, the
-- requests made of each kind, and one machine-readable line "result ..." for bench/load.mjs.

local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

local users
counts = {}  -- status (>= 400) -> responses, read by done() through thread:get
made = {}    -- kind -> requests made

local function pick(list)
  return list[math.random(#list)]
end

local dimensions = {"closeness", "solution", "price"}
local values = {"strong_support", "support", "neutral", "oppose", "strong_oppose"}
local activities = {"visit", "call", "meeting", "message"}
local titles = {"信息中心主任", "采购经理", "架构师", "财务总监", "副总经理"}
local importances = {"high", "medium", "low"}
local stages = {"线索", "方案", "商务谈判", "招投标"}

-- kind, share in percent, how to make the request for user u, and whether it needs one of u's opportunities
-- (a user whose customers have none, rep14 in the demo, leaves those requests to another user)
local kinds = {
  {"list organizations", 8, function(u) return "GET", "/api/v1/organizations?kind=customer&limit=50" end},
  {"list people", 12, function(u) return "GET", "/api/v1/people?org=" .. pick(u.customers) .. "&limit=50" end},
  {"list opportunities", 10, function(u) return "GET", "/api/v1/opportunities?customer=" .. pick(u.customers) .. "&limit=50" end},
  {"get organization", 8, function(u) return "GET", "/api/v1/organizations/" .. pick(u.customers) end},
  {"get person", 10, function(u) return "GET", "/api/v1/people/" .. pick(u.persons) end},
  {"get opportunity", 7, function(u) return "GET", "/api/v1/opportunities/" .. pick(u.opportunities) end, true},
  {"customer metrics", 10, function(u) return "GET", "/api/v1/customers/" .. pick(u.customers) .. "/metrics" end},
  {"person profile", 7, function(u) return "GET", "/api/v1/people/" .. pick(u.persons) .. "/profile" end},
  {"opportunity chain", 6, function(u) return "GET", "/api/v1/opportunities/" .. pick(u.opportunities) .. "/chain" end, true},
  {"customer line (scope=me)", 4, function(u) return "GET", "/api/v1/lines/customer?scope=me" end},
  {"customer trend", 3, function(u) return "GET", "/api/v1/customers/" .. pick(u.customers) .. "/trend" end},
  {"write person (PATCH)", 6, function(u)
    return "PATCH", "/api/v1/people/" .. pick(u.persons), string.format('{"title":"%s","importance":"%s"}',
      pick(titles), pick(importances))
  end},
  {"write opportunity (PATCH)", 3, function(u)
    return "PATCH", "/api/v1/opportunities/" .. pick(u.opportunities), string.format('{"stage":"%s"}', pick(stages))
  end, true},
  {"write rating", 4, function(u)
    return "POST", "/api/v1/ratings", string.format('{"person":"%s","dimension":"%s","value":"%s"}',
      pick(u.persons), pick(dimensions), pick(values))
  end},
  {"write activity", 2, function(u)
    return "POST", "/api/v1/activities", string.format('{"person":"%s","kind":"%s","note":"load test"}',
      pick(u.persons), pick(activities))
  end},
}

local total = 0

function init(args)
  users = dofile(args[1])
  math.randomseed(os.time() * 100 + number)
  if args[2] == "reads-only" then
    for _, k in ipairs(kinds) do
      if k[1]:find("^write") then k[2] = 0 end
    end
  end
  for _, k in ipairs(kinds) do total = total + k[2] end
end

function request()
  local u = users[math.random(#users)]
  local r = math.random(total)
  for _, k in ipairs(kinds) do
    r = r - k[2]
    if r <= 0 and k[2] > 0 then
      while k[4] and #u.opportunities == 0 do u = users[math.random(#users)] end
      local method, path, body = k[3](u)
      made[k[1]] = (made[k[1]] or 0) + 1
      local headers = {["Authorization"] = "Bearer " .. u.token}
      if body then headers["Content-Type"] = "application/json" end
      return wrk.format(method, path, headers, body)
    end
  end
end

function response(status, headers, body)
  if status >= 400 then
    counts[status] = (counts[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local statuses, kindsMade = {}, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do statuses[status] = (statuses[status] or 0) + n end
    for kind, n in pairs(thread:get("made")) do kindsMade[kind] = (kindsMade[kind] or 0) + n end
  end
  local total = 0
  for _, k in ipairs(kinds) do total = total + (kindsMade[k[1]] or 0) end
  io.write("requests made, by kind:\n")
  for _, k in ipairs(kinds) do
    local n = kindsMade[k[1]] or 0
    io.write(string.format("  %-26s %9d  %5.1f %%\n", k[1], n, 100 * n / math.max(1, total)))
  end
  local errors, byStatus = 0, ""
  for status, n in pairs(statuses) do
    io.write(string.format("status %d: %d responses\n", status, n))
    errors = errors + n
    byStatus = byStatus .. string.format(" s%d=%d", status, n)
  end
  local e = summary.errors
  io.write(string.format("result requests=%d seconds=%.3f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f " ..
    "status_errors=%d non2xx=%d connect=%d read=%d write=%d timeout=%d%s\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, errors, e.status, e.connect, e.read, e.write, e.timeout, byStatus))
end
