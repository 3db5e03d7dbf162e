#!/usr/bin/env bash
# A frozen Redis (SIGSTOP) once made `npm run demo` wait for ever at `redis-cli ping`.
# This test freezes a Redis of its own and checks that start_redis (bin/lib/services.sh)
# gives up within its limit, with a message that names Redis and what it waited for:
#   1. the stack's own Redis (its pidfile names a live process) is frozen;
#   2. a frozen Redis that is not the stack's holds the port, so the one started fails.
# Loopback only, in a throwaway runtime folder; the test ends within about 30 s.
# Run by `bin/test.sh unit`; alone: bash tests/setup/frozen-redis.test.sh
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
TMP="$(mktemp -d)"
FROZEN_PID=""
FAILURES=0

cleanup() {
	local pid
	for pid in $FROZEN_PID $(cat "$TMP"/run/*.pid 2>/dev/null); do
		kill -CONT "$pid" 2>/dev/null || true
		kill -9 "$pid" 2>/dev/null || true
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

# A loopback port nothing listens on, away from the stacks' own (63xx, 64xx).
free_port() {
	local port
	for port in $(seq 6450 6499); do
		[[ -n $(ss -Hltn "sport = :$port") ]] || {
			echo "$port"
			return 0
		}
	done
	echo "No free port in 6450-6499." >&2
	return 1
}

export APPOINTEASE_RUNTIME="$TMP" APPOINTEASE_REDIS_PORT
APPOINTEASE_REDIS_PORT="$(free_port)"
# shellcheck source=bin/lib/common.sh
source "$ROOT_DIR/bin/lib/common.sh"
# shellcheck source=bin/lib/services.sh
source "$ROOT_DIR/bin/lib/services.sh"
mkdir -p "$ETC_DIR" "$RUN_DIR" "$LOG_DIR"

# Starts start_redis in a shell of its own (fail() exits), with an outer limit of 60 s
# so that a regression fails this test instead of hanging it; sets OUTPUT, STATUS, TOOK.
run_start_redis() {
	local started=$SECONDS
	STATUS=0
	# shellcheck disable=SC2016 # $1 is expanded by the inner shell, on purpose.
	OUTPUT="$(timeout 60 env REDIS_WAIT_SECONDS=3 REDIS_START_SECONDS=4 bash -c \
		'source "$1/bin/lib/common.sh"; source "$1/bin/lib/services.sh"; start_redis' _ "$ROOT_DIR" 2>&1)" || STATUS=$?
	TOOK=$((SECONDS - started))
}

# check <description> <condition …>
check() {
	local what="$1"
	shift
	if "$@"; then
		echo "ok    $what"
	else
		echo "FAIL  $what"
		printf '      output: %s\n' "${OUTPUT//$'\n'/$'\n'              }"
		FAILURES=$((FAILURES + 1))
	fi
}

# The stack's own Redis, started as start_redis does, and frozen once it answers.
render_config redis.conf
redis-server "$ETC_DIR/redis.conf"
wait_for 10 "the test's Redis to answer" redis_up || {
	echo "The test's own Redis did not start on 127.0.0.1:$REDIS_PORT." >&2
	exit 1
}
FROZEN_PID="$(cat "$RUN_DIR/redis.pid")"
kill -STOP "$FROZEN_PID"

echo "Case 1: the stack's own Redis (pid $FROZEN_PID, 127.0.0.1:$REDIS_PORT) is frozen"
run_start_redis
check "start_redis fails (exit $STATUS)" test "$STATUS" -ne 0 -a "$STATUS" -ne 124
check "within its limit of 3 s plus one try (took $TOOK s)" test "$TOOK" -le 10
check "the message names Redis and the frozen pid" grep -q "Redis runs (pid $FROZEN_PID) but did not answer PING" <<<"$OUTPUT"
check "the message says what was waited for" grep -q "Gave up after 3 s waiting for Redis (pid $FROZEN_PID) to answer PING" <<<"$OUTPUT"

echo "Case 2: a frozen Redis that is not the stack's holds the port"
mv "$RUN_DIR/redis.pid" "$TMP/frozen.pid"
run_start_redis
check "start_redis fails (exit $STATUS)" test "$STATUS" -ne 0 -a "$STATUS" -ne 124
check "within its limit of 4 s plus the first check (took $TOOK s)" test "$TOOK" -le 15
check "the message names Redis and its port" grep -q "Redis did not answer PING on 127.0.0.1:$REDIS_PORT within 4 s" <<<"$OUTPUT"

((FAILURES == 0)) || {
	echo "$FAILURES check(s) failed."
	exit 1
}
echo "All checks passed."
