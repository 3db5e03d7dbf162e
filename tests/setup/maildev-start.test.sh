#!/usr/bin/env bash
# maildev starts with the stack (bin/lib/services.sh, start_maildev). This test checks that
# its start waits with a limit and ends with a message that names maildev and its ports,
# instead of hanging, when its web port is held by a program that never answers; and that
# a normal start writes maildev's own pid and answers its REST API.
# Loopback only, in a throwaway runtime folder; the test ends within about 30 s.
# Run by `bin/test.sh unit`; alone: bash tests/setup/maildev-start.test.sh
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
TMP="$(mktemp -d)"
HOLDER_PID=""
FAILURES=0

cleanup() {
	[[ -n $HOLDER_PID ]] && kill "$HOLDER_PID" 2>/dev/null || true
	[[ -f $TMP/run/maildev.pid ]] && kill -9 "$(cat "$TMP/run/maildev.pid")" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT

# Two loopback ports nothing listens on, away from the stacks' own.
free_ports() {
	local port found=()
	for port in $(seq 1190 1240); do
		[[ -n $(ss -Hltn "sport = :$port") ]] || found+=("$port")
		((${#found[@]} == 2)) && break
	done
	((${#found[@]} == 2)) || {
		echo "No two free ports in 1190-1240." >&2
		return 1
	}
	echo "${found[@]}"
}

read -r APPOINTEASE_SMTP_PORT APPOINTEASE_MAILDEV_WEB_PORT <<<"$(free_ports)"
export APPOINTEASE_RUNTIME="$TMP" APPOINTEASE_SMTP_PORT APPOINTEASE_MAILDEV_WEB_PORT
mkdir -p "$TMP/etc" "$TMP/run" "$TMP/logs"

# run_start <seconds>: start_maildev in a shell of its own (fail() exits), with an outer
# limit so that a regression fails this test instead of hanging it; sets OUTPUT, STATUS, TOOK.
run_start() {
	local started=$SECONDS
	STATUS=0
	# shellcheck disable=SC2016 # $1 is expanded by the inner shell, on purpose.
	OUTPUT="$(timeout 60 env MAILDEV_START_SECONDS="$1" bash -c \
		'source "$1/bin/lib/common.sh"; source "$1/bin/lib/services.sh"; start_maildev' _ "$ROOT_DIR" 2>&1)" || STATUS=$?
	TOOK=$((SECONDS - started))
}

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

echo "Case 1: a program that never answers holds maildev's web port $APPOINTEASE_MAILDEV_WEB_PORT"
python3 -c 'import socket,sys,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(50); time.sleep(120)' \
	"$APPOINTEASE_MAILDEV_WEB_PORT" &
HOLDER_PID=$!
sleep 0.5
run_start 4
check "start_maildev fails (exit $STATUS)" test "$STATUS" -ne 0 -a "$STATUS" -ne 124
check "within its limit of 4 s plus the first check (took $TOOK s)" test "$TOOK" -le 15
check "the message names maildev and its ports" grep -q "maildev did not answer on http://127.0.0.1:$APPOINTEASE_MAILDEV_WEB_PORT within 4 s" <<<"$OUTPUT"
kill "$HOLDER_PID" 2>/dev/null || true
wait "$HOLDER_PID" 2>/dev/null || true
HOLDER_PID=""
[[ -f $TMP/run/maildev.pid ]] && kill -9 "$(cat "$TMP/run/maildev.pid")" 2>/dev/null || true

echo "Case 2: a free pair of ports"
run_start 30
check "start_maildev succeeds (exit $STATUS)" test "$STATUS" -eq 0
check "the pid file names maildev itself" grep -q maildev "/proc/$(cat "$TMP/run/maildev.pid")/cmdline"
check "its REST API answers" curl -sf --max-time 5 "http://127.0.0.1:$APPOINTEASE_MAILDEV_WEB_PORT/api/email" -o /dev/null

((FAILURES == 0)) || {
	echo "$FAILURES check(s) failed."
	exit 1
}
echo "All checks passed."
