-- wrk script for scripts/bench: each of wrk's threads is one client recording contributions into its
-- own project (PREFIX-0 ... PREFIX-N, set up beforehand), each with a fresh contribution id.
-- Usage: wrk -t8 -c8 -d20s -s commands.lua URL -- PREFIX own|shared RUN BASIC (RUN keeps contribution ids apart
-- between runs; BASIC is NAME:PASSWORD in base64, sent as HTTP Basic on every request)
local categories = { "AGREES", "GIVES_SUGGESTION", "GIVES_OPINION", "GIVES_ORIENTATION", "ASKS_FOR_OPINION", "DISAGREES" }
local threads = {}
local counter = 0

function setup(thread)
  thread:set("client", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  prefix = args[1]
  shared = args[2] == "shared"
  run = args[3]
  wrk.headers["Authorization"] = "Basic " .. args[4]
  wrk.headers["Content-Type"] = "application/json"
  project = prefix .. "-" .. (shared and 0 or client)
  i = 0
  path = "/api/projects/" .. project .. "/meetings/meeting/contributions"
end

function request()
  i = i + 1
  local body = string.format(
    '{"contributionId":"%s-%d-%d","memberId":"m%d","category":"%s","occurredAt":"2024-01-02T10:05:00Z"}',
    run, client, i, i % 8, categories[i % #categories + 1])
  -- no headers of its own: wrk.format then sends wrk.headers (Authorization, Content-Type)
  return wrk.format("POST", path, nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    errors = (errors or 0) + 1
    if errors < 3 then print("status " .. status .. ": " .. body) end
  end
end
