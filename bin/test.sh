#!/usr/bin/env bash
# Runs the test suites. `all` (npm test) first does the same set-up as `npm run demo`,
# runs every suite on it (WordPress 7.1), then the compatibility run (`compat`).
#   bin/test.sh all | lint | unit | integration | e2e | compat
#
# `compat` is the run on the tested minimum, WordPress 6.8.x from Debian trixie: the
# PHPUnit integration suite and the end-to-end smoke test (tests/e2e/smoke.spec.ts,
# `--grep @smoke`) on a throwaway stack of its own, never the demo's or the main run's:
# .runtime-wp68 with ports 8891 (site), 3311 (MariaDB), 6387 (Redis; the integration
# tests start private Redis servers on 6391 and 6393), 1027 (maildev SMTP) and 1082
# (maildev web), unless APPOINTEASE_COMPAT_RUNTIME, APPOINTEASE_COMPAT_SITE_PORT, _DB_PORT,
# _REDIS_PORT, _SMTP_PORT or _MAILDEV_WEB_PORT say otherwise.
# It starts from an empty database and the newest 6.8.x each time, and stops the
# stack afterwards. APPOINTEASE_COMPAT=0 leaves it out of `all`.
if [[ ${1:-all} == compat ]]; then
	# Remembered to refuse a compat stack that is the main one.
	MAIN_RUNTIME="${APPOINTEASE_RUNTIME:-}" MAIN_PORTS="${APPOINTEASE_SITE_PORT:-8888} ${APPOINTEASE_DB_PORT:-3307} ${APPOINTEASE_REDIS_PORT:-6380} ${APPOINTEASE_SMTP_PORT:-1025} ${APPOINTEASE_MAILDEV_WEB_PORT:-1080}"
	export APPOINTEASE_WP=6.8
	export APPOINTEASE_RUNTIME="${APPOINTEASE_COMPAT_RUNTIME:-$(cd "$(dirname "$0")/.." && pwd)/.runtime-wp68}"
	export APPOINTEASE_SITE_PORT="${APPOINTEASE_COMPAT_SITE_PORT:-8891}"
	export APPOINTEASE_DB_PORT="${APPOINTEASE_COMPAT_DB_PORT:-3311}"
	export APPOINTEASE_REDIS_PORT="${APPOINTEASE_COMPAT_REDIS_PORT:-6387}"
	export APPOINTEASE_SMTP_PORT="${APPOINTEASE_COMPAT_SMTP_PORT:-1027}"
	export APPOINTEASE_MAILDEV_WEB_PORT="${APPOINTEASE_COMPAT_MAILDEV_WEB_PORT:-1082}"
	# Its MariaDB is its own, so the default test database is too.
	unset APPOINTEASE_TEST_DB
fi
source "$(dirname "$0")/lib/common.sh"
source "$ROOT/bin/lib/install.sh"
source "$ROOT/bin/lib/services.sh"
source "$ROOT/bin/lib/site.sh"
strict_mode

RESULTS=()
FAILED=0

# Runs one suite with a time limit, keeps going when it fails, and remembers the outcome.
#   suite <seconds> <name> <command …>
# The limit is far above a normal run; it only turns a hang into a failure with a name.
# `timeout` runs the suite in a process group of its own and ends all of it.
suite() {
	local limit="$1" name="$2" started=$SECONDS status=0
	shift 2
	printf '\n\033[1m==== %s ====\033[0m\n' "$name"
	(cd "$ROOT" && timeout -k 30 "$limit" "$@") || status=$?
	if ((status == 0)); then
		RESULTS+=("PASS  $name ($((SECONDS - started)) s)")
	elif ((status == 124 || status == 137)); then
		RESULTS+=("FAIL  $name (stopped after the limit of $limit s)")
		FAILED=$((FAILED + 1))
	else
		RESULTS+=("FAIL  $name ($((SECONDS - started)) s, exit $status)")
		FAILED=$((FAILED + 1))
	fi
}

lint() {
	suite 900 "PHPCS (WordPress Coding Standards)" vendor/bin/phpcs -q --report=summary --report-width=100
	suite 900 "PHPStan" npm run --silent lint:phpstan
	suite 900 "ESLint" npm run --silent lint:js
	suite 600 "TypeScript (tsc --noEmit)" npm run --silent lint:types
}

unit() {
	suite 900 "Jest unit tests" npm run --silent test:unit:js
	suite 600 "PHPUnit unit tests" npm run --silent test:unit:php
	suite 180 "Set-up scripts: a frozen Redis ends the set-up with a message" bash tests/setup/frozen-redis.test.sh
	suite 180 "Set-up scripts: maildev's start waits with a limit and says why it failed" bash tests/setup/maildev-start.test.sh
}

integration() {
	suite 1800 "PHPUnit integration tests (WordPress + MariaDB + Redis)" npm run --silent test:integration:php
}

e2e() {
	suite 2700 "Playwright end-to-end tests (Chromium)" npm run --silent test:e2e:run
}

prepare_tools() {
	mkdir -p "$RUNTIME" "$ETC_DIR" "$RUN_DIR" "$LOG_DIR"
	ensure_apt_packages
	ensure_composer_packages
	ensure_npm_packages
}

STARTED_SITE=""

# Starts the local site; remembers whether it was down, so that it is stopped again afterwards.
prepare_site() {
	pid_alive "$RUN_DIR/nginx.pid" || STARTED_SITE=1
	ensure_dependencies
	start_services
	ensure_site
}

# Whether something listens on a loopback TCP port.
port_taken() {
	[[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
}

# The compatibility run itself, in its own process (`bin/test.sh compat`): its settings
# are fixed when common.sh is sourced. With APPOINTEASE_RESULTS_FILE set (by `all`), its
# summary lines go there for the caller's summary instead of to a summary of its own.
compat() {
	if [[ $RUNTIME == "$ROOT/.runtime" || $RUNTIME == "$MAIN_RUNTIME" ]] \
		|| [[ " $MAIN_PORTS 8888 3307 6380 6391 6393 " == *" $SITE_PORT "* ]] \
		|| [[ " $MAIN_PORTS 8888 3307 6380 6391 6393 " == *" $DB_PORT "* ]] \
		|| [[ " $MAIN_PORTS 8888 3307 6380 6391 6393 " == *" $REDIS_PORT "* ]] \
		|| [[ " $MAIN_PORTS 1025 1080 " == *" $SMTP_PORT "* ]] \
		|| [[ " $MAIN_PORTS 1025 1080 " == *" $MAILDEV_WEB_PORT "* ]]; then
		fail "The compatibility run needs a stack of its own; APPOINTEASE_COMPAT_* point at the demo's or the main run's" \
			"(or at 6391/6393, the integration tests' private Redis servers)."
	fi
	step "Compatibility run: WordPress $WP_LINE.x from Debian $WP_SUITE on a throwaway stack ($RUNTIME, $SITE_URL)"
	local started=$SECONDS port kept
	# Throwaway: what an earlier run left is stopped and deleted, so each run starts from an
	# empty database and the newest $WP_LINE.x. Only the private apt lists are kept (faster).
	stop_services
	for kept in "$RUNTIME"/*; do
		[[ -e $kept && $kept != "$RUNTIME/apt" ]] && rm -rf "$kept"
	done
	for port in "$SITE_PORT" "$DB_PORT" "$REDIS_PORT" "$SMTP_PORT" "$MAILDEV_WEB_PORT"; do
		port_taken "$port" && fail "Port $port is taken by another program; the compatibility stack needs it." \
			"Pick others with APPOINTEASE_COMPAT_SITE_PORT / _DB_PORT / _REDIS_PORT / _SMTP_PORT / _MAILDEV_WEB_PORT."
	done
	trap 'trap - ERR; stop_services' EXIT
	# A timeout or Ctrl-C ends the run through the EXIT trap, which stops the stack.
	trap 'exit 143' TERM
	trap 'exit 130' INT
	# The same set-up as the demo; the tools and the build are the main run's (nothing to do).
	ensure_dependencies
	# In a subshell: the services it starts in the background are then no jobs of this shell.
	(start_services)
	ensure_site >"$LOG_DIR/compat-site.log" 2>&1 || fail "Setting up the WordPress $WP_LINE site failed; see $LOG_DIR/compat-site.log."
	local version
	version="$(wp_version)"
	note "WordPress $version is up on $SITE_URL (set-up took $((SECONDS - started)) s)."
	suite 1200 "WordPress $version: PHPUnit integration tests" npm run --silent test:integration:php
	compat_results
	suite 600 "WordPress $version: Playwright smoke test (@smoke)" npm run --silent test:e2e:run -- --grep @smoke
	compat_results
	note "The compatibility run took $((SECONDS - started)) s."
}

# Hands the lines so far to the caller (after each suite, so a run ended by the caller's
# time limit still reports the suites it finished).
compat_results() {
	[[ -z ${APPOINTEASE_RESULTS_FILE:-} ]] || printf '%s\n' "${RESULTS[@]}" >"$APPOINTEASE_RESULTS_FILE"
}

# Runs `bin/test.sh compat` as a child process (its stack's settings differ from this
# one's) and adds its summary lines to this run's.
compat_from_all() {
	if [[ ${APPOINTEASE_COMPAT:-1} == 0 ]]; then
		RESULTS+=("SKIP  WordPress 6.8 compatibility run (APPOINTEASE_COMPAT=0)")
		return 0
	fi
	local results status=0 line
	results="$(mktemp)"
	# The limit covers the set-up and both suites (normally about 6 minutes).
	APPOINTEASE_RESULTS_FILE="$results" timeout -k 60 2400 bash "$ROOT/bin/test.sh" compat || status=$?
	while IFS= read -r line; do
		RESULTS+=("$line")
		[[ $line == FAIL* ]] && FAILED=$((FAILED + 1))
	done <"$results"
	rm -f "$results"
	# The child exits non-zero only when its set-up failed or it hit the limit; failed
	# suites are in its lines.
	if ((status != 0)); then
		RESULTS+=("FAIL  WordPress 6.8 compatibility run (exit $status; its messages are above)")
		FAILED=$((FAILED + 1))
	fi
	return 0
}

report() {
	printf '\n\033[1m==== Summary ====\033[0m\n'
	printf '%s\n' "${RESULTS[@]}"
	# One closing line that counts suites, not tests.
	local line passed=0
	for line in "${RESULTS[@]}"; do
		[[ $line == PASS* ]] && passed=$((passed + 1))
	done
	printf 'suites: %d passed, %d failed\n' "$passed" "$FAILED"
	trap - ERR
	((FAILED == 0)) || exit 1
}

started=$SECONDS
case "${1:-all}" in
all)
	prepare_site
	lint
	unit
	integration
	e2e
	# The main stack is done with; stopping it first leaves the 2 cores to the compat run.
	if [[ -n $STARTED_SITE ]]; then
		stop_services
		STARTED_SITE=""
	fi
	compat_from_all
	;;
lint) prepare_tools && lint ;;
unit) prepare_tools && unit ;;
integration) prepare_site && integration ;;
e2e) prepare_site && e2e ;;
compat) compat ;;
*) fail "Usage: bin/test.sh [all|lint|unit|integration|e2e|compat]" ;;
esac
note "Took $((SECONDS - started)) s."
if [[ -n $STARTED_SITE ]]; then
	stop_services
fi
if [[ ${1:-all} == compat && -n ${APPOINTEASE_RESULTS_FILE:-} ]]; then
	# The caller prints the summary, from the lines in the file.
	exit 0
fi
report
