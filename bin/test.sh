#!/usr/bin/env bash
# Runs the test suites. `all` (npm test) first does the same set-up as `npm run demo`.
#   bin/test.sh all | lint | unit | integration | e2e
source "$(dirname "$0")/lib/common.sh"
source "$ROOT/bin/lib/install.sh"
source "$ROOT/bin/lib/services.sh"
source "$ROOT/bin/lib/site.sh"
strict_mode

RESULTS=()
FAILED=0

# Runs one suite, keeps going when it fails, and remembers the outcome.
suite() {
	local name="$1" started=$SECONDS status=0
	shift
	printf '\n\033[1m==== %s ====\033[0m\n' "$name"
	(cd "$ROOT" && "$@") || status=$?
	if ((status == 0)); then
		RESULTS+=("PASS  $name ($((SECONDS - started)) s)")
	else
		RESULTS+=("FAIL  $name ($((SECONDS - started)) s, exit $status)")
		FAILED=$((FAILED + 1))
	fi
}

lint() {
	suite "PHPCS (WordPress Coding Standards)" vendor/bin/phpcs -q --report=summary --report-width=100
	suite "PHPStan" npm run --silent lint:phpstan
	suite "ESLint" npm run --silent lint:js
	suite "TypeScript (tsc --noEmit)" npm run --silent lint:types
}

unit() {
	suite "Jest unit tests" npm run --silent test:unit:js
	suite "PHPUnit unit tests" npm run --silent test:unit:php
}

integration() {
	suite "PHPUnit integration tests (WordPress + MariaDB + Redis)" npm run --silent test:integration:php
}

e2e() {
	suite "Playwright end-to-end tests (Chromium)" npm run --silent test:e2e:run
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

report() {
	printf '\n\033[1m==== Summary ====\033[0m\n'
	printf '%s\n' "${RESULTS[@]}"
	# One closing line that counts suites, not tests.
	printf 'suites: %d passed, %d failed\n' "$((${#RESULTS[@]} - FAILED))" "$FAILED"
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
	;;
lint) prepare_tools && lint ;;
unit) prepare_tools && unit ;;
integration) prepare_site && integration ;;
e2e) prepare_site && e2e ;;
*) fail "Usage: bin/test.sh [all|lint|unit|integration|e2e]" ;;
esac
note "Took $((SECONDS - started)) s."
if [[ -n $STARTED_SITE ]]; then
	stop_services
fi
report
