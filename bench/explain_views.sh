#!/usr/bin/env bash
# The explanations and managers' views on the large demo company (bench/README.md, "Explanations and
# managers' views"): each request three times on a fresh `brm serve` of a copy of build/bench-data/large, as
# the executive. Usage: bench/explain_views.sh [path to brm] (build/brm by default).
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-build/brm}
rm -rf /tmp/large-copy && cp -r build/bench-data/large /tmp/large-copy
tok=$($BIN token --data /tmp/large-copy ceo --name measure)
$BIN serve --data /tmp/large-copy --listen 127.0.0.1:18090 --access-log false 2>/tmp/measure-serve.log &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 900); do curl -sf http://127.0.0.1:18090/api/v1/health >/dev/null 2>&1 && break; sleep 0.1; done
team=$(curl -s -H "Authorization: Bearer $tok" 'http://127.0.0.1:18090/api/v1/teams?limit=5' | python3 -c 'import json,sys; d=json.load(sys.stdin); print([t["id"] for t in d["items"] if t.get("parent")][0])')
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  team: $team"
for path in \
  "/api/v1/customers/cust-00006/metrics?as_of=2026-11-23" \
  "/api/v1/customers/cust-00006/department-trend?as_of=2026-11-23" \
  "/api/v1/lines/reps?scope=team:$team&as_of=2026-11-23" \
  "/api/v1/lines/reps?scope=company&as_of=2026-11-23" \
  "/api/v1/explain?figure=customer&id=cust-00006&dimension=closeness&as_of=2026-11-23&compare=mom" \
  "/api/v1/explain?figure=company&scope=company&dimension=closeness&as_of=2026-11-23" \
  "/api/v1/explain?figure=company&scope=company&dimension=closeness&as_of=2026-11-23&compare=mom" ; do
  times=""
  for i in 1 2 3; do
    t=$(curl -s -o /tmp/measure-body -w '%{time_total}' -H "Authorization: Bearer $tok" "http://127.0.0.1:18090$path")
    times="$times $t"
  done
  echo "$path:$times s ($(wc -c </tmp/measure-body) bytes, $(head -c 80 /tmp/measure-body | tr -d '\n'))"
done
