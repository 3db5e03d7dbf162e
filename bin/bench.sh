#!/usr/bin/env bash
# `npm run bench`: the load benchmark of the 1-second poll, against the local demo site,
# in one run, printed side by side (docs/performance.md explains each row):
#   (a) a naive poll route: register_rest_route, one SQL query + one Redis GET per request
#   (b) GET slots/poll with nginx's micro-cache bypassed: PHP answers every request
#   (c) GET slots/poll through the micro-cache
#   (d) a static file of the same size on the same server: the box's ceiling
#   (e) hold-to-visible: one client takes holds, pollers time how long until they see each
# and first, the page-overhead row: CPU instructions, queries and Redis commands of the home
# page, a plain page and the REST index with the plugin inactive vs active
# (tools/bench/page-overhead.sh; `bash bin/bench.sh pages` runs only that row).
# Everything stays on loopback and ends by itself (3–4 minutes; the page row
# takes about 2 of them, PHP running under valgrind).
#
# Exit status: 0; 4 when the page row misses its target (at most 3 % more instructions,
# no query or Redis command added); 3 when BENCH_STRICT=1 and a poll target is missed.
#
# Settings (environment): BENCH_DURATION seconds per wrk row (10), BENCH_WARMUP (2),
# BENCH_HOLDS (15), BENCH_POLLERS pollers per group in (e) (50), BENCH_STRICT=1 to exit
# non-zero when a target is missed.
source "$(dirname "$0")/lib/common.sh"
strict_mode

ROWS="${1:-all}"
[[ $ROWS == all || $ROWS == pages ]] || fail "Usage: bin/bench.sh [all|pages]"

DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-2}"
HOLDS="${BENCH_HOLDS:-15}"
POLLERS="${BENCH_POLLERS:-50}"
THREADS=2
PHP_CONNS=16    # PHP rows: php-fpm on 2 cores is saturated well before this
CACHE_CONNS=64  # nginx rows
LOAD_DIR="$ROOT/tests/load"
RESULTS_DIR="$LOAD_DIR/results"
MU_PLUGIN="$WP_DIR/wp-content/mu-plugins/appointease-bench.php"
STATIC_DIR="$WP_DIR/wp-content/uploads/appointease-bench"
API="$SITE_URL/wp-json/appointease/v1"

WORK="$(mktemp -d)"
cleanup() {
	rm -f "$MU_PLUGIN"
	rm -rf "$STATIC_DIR" "$WORK"
}
trap cleanup EXIT

machine_summary() {
	local model ram mariadb redis wrk_version
	model="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1 || true)"
	ram="$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	mariadb="$( (mariadbd --version 2>/dev/null || true) | grep -o 'Ver [^ ]*' | cut -d' ' -f2 || true)"
	redis="$( (redis-server --version || true) | grep -o 'v=[^ ]*' | cut -d= -f2 || true)"
	# wrk has no version flag: it prints its usage, version first, and exits 1.
	wrk_version="$( (wrk --version 2>&1 || true) | awk 'NR == 1 { print $2 }')"
	printf 'machine: %s cores (%s), %s RAM; %s\n' "$(nproc)" "${model:-unknown CPU}" "$ram" "$(uname -sr)"
	printf 'software: PHP %s (php-fpm, opcache), nginx %s, MariaDB %s, Redis %s, WordPress %s, wrk %s, Node %s\n' \
		"$(php -r 'echo PHP_VERSION;')" "$(nginx -v 2>&1 | cut -d/ -f2)" "${mariadb:-?}" "${redis:-?}" \
		"$(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$WP_DIR/wp-includes/version.php")" "$wrk_version" "$(node --version)"
	printf 'load average before the run: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# The HTTP status of a GET, with the run's token and any extra curl arguments.
http_status() {
	curl -s -o /dev/null -w '%{http_code}' -H "X-AppointEase-Bench: $TOKEN" "$@" || true
}

# Runs wrk for one row: a warm-up whose figures are dropped, then the measured run.
# Appends {"row", "conns", "wrk": {...}} to rows.jsonl.
measure() {
	local row="$1" label="$2" conns="$3" url="$4" json
	shift 4
	step "($row) $label: wrk -t$THREADS -c$conns, ${WARMUP} s warm-up + ${DURATION} s"
	wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" -H "X-AppointEase-Bench: $TOKEN" "$@" "$url" >/dev/null 2>&1 || true
	json="$(wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency -s "$LOAD_DIR/wrk-report.lua" \
		-H "X-AppointEase-Bench: $TOKEN" "$@" "$url" 2>&1 | tee "$WORK/wrk-$row.txt" | sed -n 's/^WRK_JSON //p' || true)"
	[[ -n $json ]] || fail "wrk printed no figures for row ($row); its output:" "$(cat "$WORK/wrk-$row.txt")"
	printf '{"row":"%s","conns":%d,"wrk":%s}\n' "$row" "$conns" "$json" >>"$WORK/rows.jsonl"
	note "$(grep -E 'Requests/sec' "$WORK/wrk-$row.txt" | tr -s ' ')"
}

skip_row() {
	local row="$1" label="$2" why="$3"
	step "($row) $label"
	note "skipped: $why"
	printf '{"row":"%s","unavailable":"%s"}\n' "$row" "$why" >>"$WORK/rows.jsonl"
}

started=$SECONDS
mkdir -p "$LOG_DIR" "$RESULTS_DIR"

step "Making sure the demo site is up (bin/demo.sh up; the first run installs everything)"
bash "$ROOT/bin/demo.sh" up >"$LOG_DIR/bench-demo-up.log" 2>&1 \
	|| fail "bin/demo.sh up failed; see $LOG_DIR/bench-demo-up.log."

# The page row runs first, before the poll rows' mu-plugin exists, so that its renders
# load exactly the site's own code. Its verdict joins the exit status at the end.
pages_status=0
bash "$ROOT/tools/bench/page-overhead.sh" || pages_status=$?
((pages_status == 0 || pages_status == 4)) || fail "The page-overhead row could not be measured (output above)."
if [[ $ROWS == pages ]]; then
	exit "$pages_status"
fi

command -v wrk >/dev/null || fail "wrk is missing: apt-get install wrk (bin/demo.sh up installs it)."

step "Installing the benchmark's mu-plugin for this run"
TOKEN="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$(dirname "$MU_PLUGIN")"
sed "s|@BENCH_TOKEN@|$TOKEN|" "$LOAD_DIR/bench-mu-plugin.php" >"$MU_PLUGIN"
machine_summary >"$WORK/machine.txt"
printf 'wrk -t%d, %d s per row after a %d s warm-up; PHP rows %d connections, nginx rows %d\n' \
	"$THREADS" "$DURATION" "$WARMUP" "$PHP_CONNS" "$CACHE_CONNS" >"$WORK/settings.txt"

read -r SERVICE EMPLOYEE DATE < <(node "$LOAD_DIR/discover.mjs" --base "$SITE_URL" --token "$TOKEN" --out "$WORK/calendar.json") \
	|| fail "Could not pick a calendar to watch (output above)."
[[ -n ${DATE:-} ]] || fail "Could not pick a calendar to watch (output above)."
note "watching employee $EMPLOYEE on $DATE (holds on service $SERVICE)"
QUERY="employee=$EMPLOYEE&date=$DATE"
NAIVE_URL="$SITE_URL/wp-json/appointease-bench/v1/naive-poll?$QUERY"
POLL_URL="$API/slots/poll?$QUERY"
STATIC_URL="$SITE_URL/wp-content/uploads/appointease-bench/poll.json"

[[ $(http_status "$NAIVE_URL") == 200 ]] || fail "The naive route of the benchmark's mu-plugin does not answer 200: $NAIVE_URL"
POLL_STATUS="$(http_status -H 'X-AppointEase-Bypass: 1' "$POLL_URL")"

# The static file holds a real answer, so that rows (c) and (d) move the same bytes.
mkdir -p "$STATIC_DIR"
if [[ $POLL_STATUS == 200 ]]; then
	curl -s -H "X-AppointEase-Bench: $TOKEN" -H 'X-AppointEase-Bypass: 1' "$POLL_URL" >"$STATIC_DIR/poll.json"
else
	curl -s -H "X-AppointEase-Bench: $TOKEN" "$NAIVE_URL" >"$STATIC_DIR/poll.json"
fi
note "answer size: $(wc -c <"$STATIC_DIR/poll.json") bytes"

measure a "Naive poll route (SQL + Redis on every request)" "$PHP_CONNS" "$NAIVE_URL"
if [[ $POLL_STATUS == 200 ]]; then
	measure b "slots/poll with the micro-cache bypassed" "$PHP_CONNS" "$POLL_URL" -H 'X-AppointEase-Bypass: 1'
	measure c "slots/poll through the micro-cache" "$CACHE_CONNS" "$POLL_URL"
else
	skip_row b "slots/poll with the micro-cache bypassed" "route not available (GET slots/poll answered $POLL_STATUS)"
	skip_row c "slots/poll through the micro-cache" "route not available (GET slots/poll answered $POLL_STATUS)"
fi
measure d "Static file of the same size" "$CACHE_CONNS" "$STATIC_URL"

step "(e) Hold to visible: $HOLDS holds, $POLLERS pollers direct + $POLLERS through the cache"
node "$LOAD_DIR/hold-visibility.mjs" --base "$SITE_URL" --token "$TOKEN" --calendar "$WORK/calendar.json" \
	--holds "$HOLDS" --pollers "$POLLERS" --out "$WORK/visibility.json" \
	|| note "the hold-to-visible probe failed (output above)"

step "Results (also in tests/load/results/last-run.txt), after $((SECONDS - started)) s"
strict=()
[[ ${BENCH_STRICT:-} == 1 ]] && strict=(--strict)
poll_status=0
node "$LOAD_DIR/report.mjs" --dir "$WORK" --results "$RESULTS_DIR" "${strict[@]}" || poll_status=$?
if ((pages_status != 0)); then
	printf '\nThe page-overhead row (printed first, and in tests/load/results/pages-last-run.txt) missed its target.\n'
	exit "$pages_status"
fi
exit "$poll_status"
