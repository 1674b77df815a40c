#!/usr/bin/env bash
# A local load test of `marsad serve` (not part of CI): search and article endpoints, with wrk
# (Debian's package), on 127.0.0.1 only, each run bounded in time.
#
#   marsad ingest ../shared/corpus/bench/ant-multisource-2018.jsonl.gz --db /tmp/bench-web.db
#   tools/web/load-test.sh /tmp/bench-web.db
#
# Prints wrk's report (requests/s, latency percentiles) for each endpoint: search, article, and a
# filtered timeline page.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: tools/web/load-test.sh DB [SECONDS] [CONNECTIONS]}
secs=${2:-20}
conns=${3:-16}
port=${PORT:-18080}
bin=${MARSAD:-${CARGO_TARGET_DIR:-target}/release/marsad}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
"$bin" serve --db "$db" --addr "127.0.0.1:$port" 2>/tmp/marsad-load-serve.log &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break; sleep 0.2; done
articles=$(curl -sf "http://127.0.0.1:$port/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
echo "== $articles articles in $db; $conns connections, 2 wrk threads, ${secs}s per run"
echo "== warm-up"
wrk -t2 -c"$conns" -d5s -s tools/web/load/search.lua "http://127.0.0.1:$port" >/dev/null
echo "== search (/api/search, 15 queries, some with filters, 20 hits each)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s tools/web/load/search.lua "http://127.0.0.1:$port"
echo "== article (/api/articles/ID, random ids)"
MARSAD_ARTICLES=$articles wrk -t2 -c"$conns" -d"${secs}s" --latency -s tools/web/load/article.lua "http://127.0.0.1:$port"
echo "== timeline (/api/events?category=FIGHT&from=2018-03-01&to=2018-03&limit=100)"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/api/events?category=FIGHT&from=2018-03-01&to=2018-03&limit=100"
