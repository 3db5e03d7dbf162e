#!/usr/bin/env bash
# `npm run chaos`: the chaos run (tests/chaos/run.mjs) on a second, throwaway local stack,
# never on the demo site: its own MariaDB, Redis, php-fpm and nginx under .runtime-chaos,
# on ports 8890 (site), 3309 (MariaDB), 6390 (Redis), 1028 (maildev SMTP) and 1083 (maildev web). This script brings that stack up,
# runs the visitors and the faults, prints the table, and stops the stack again.
# Arguments go to tests/chaos/run.mjs: --phase a|b|both, --visitors N, --seconds N.
# CHAOS_DB_ERROR_DROPIN=0 runs without the db-error.php drop-in, to see what WordPress
# answers on its own while MariaDB is down.
ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
export APPOINTEASE_RUNTIME="${CHAOS_RUNTIME:-$ROOT_DIR/.runtime-chaos}"
export APPOINTEASE_SITE_PORT="${CHAOS_SITE_PORT:-8890}"
export APPOINTEASE_DB_PORT="${CHAOS_DB_PORT:-3309}"
export APPOINTEASE_REDIS_PORT="${CHAOS_REDIS_PORT:-6390}"
export APPOINTEASE_SMTP_PORT="${CHAOS_SMTP_PORT:-1028}"
export APPOINTEASE_MAILDEV_WEB_PORT="${CHAOS_MAILDEV_WEB_PORT:-1083}"

source "$ROOT_DIR/bin/lib/common.sh"
source "$ROOT_DIR/bin/lib/install.sh"
source "$ROOT_DIR/bin/lib/services.sh"
source "$ROOT_DIR/bin/lib/site.sh"
strict_mode

# The demo stack is shared with other people's tests: never point this script at it.
if [[ $RUNTIME == "$ROOT/.runtime" || $SITE_PORT == 8888 || $DB_PORT == 3307 || $REDIS_PORT == 6380 || $SMTP_PORT == 1025 || $MAILDEV_WEB_PORT == 1080 ]]; then
	fail "The chaos run needs its own stack; CHAOS_RUNTIME and the CHAOS_*_PORT variables point at the demo's."
fi

MU_PLUGIN="$WP_DIR/wp-content/mu-plugins/appointease-chaos.php"
DROPIN="$WP_DIR/wp-content/db-error.php"

cleanup() {
	local status=$?
	trap - ERR
	rm -f "$MU_PLUGIN" "$DROPIN"
	stop_services
	exit "$status"
}

started=$SECONDS
mkdir -p "$RUNTIME" "$ETC_DIR" "$RUN_DIR" "$LOG_DIR"
step "Preparing the chaos stack in $RUNTIME (site $SITE_URL)"
# The same set-up as `npm run demo`, without rebuilding the front end: the run only uses the REST API.
ensure_apt_packages
ensure_composer_packages
ensure_npm_packages
ensure_wordpress_files
trap cleanup EXIT
# In a subshell: the services it starts in the background are then no jobs of this shell,
# which would otherwise report each one the run kills.
(start_services)
ensure_site >"$LOG_DIR/chaos-site.log" 2>&1 || fail "Setting up the chaos site failed; see $LOG_DIR/chaos-site.log."

step "Installing the chaos run's mu-plugin (rate limits off) and the db-error.php drop-in"
mkdir -p "$(dirname "$MU_PLUGIN")"
cp "$ROOT/tests/chaos/chaos-mu-plugin.php" "$MU_PLUGIN"
if [[ ${CHAOS_DB_ERROR_DROPIN:-1} != 0 ]]; then
	cp "$ROOT/dropins/db-error.php" "$DROPIN"
else
	rm -f "$DROPIN" # the site set-up installs it
	note "running without the db-error.php drop-in (CHAOS_DB_ERROR_DROPIN=0)"
fi

step "Running the chaos run (set-up took $((SECONDS - started)) s)"
status=0
node "$ROOT/tests/chaos/run.mjs" "$@" || status=$?
note "Took $((SECONDS - started)) s in all; the table is also in tests/chaos/results/last-run.txt."
exit "$status"
