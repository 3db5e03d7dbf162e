# Shared paths, settings and messages for the bin/ scripts. Sourced, not run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNTIME="${APPOINTEASE_RUNTIME:-$ROOT/.runtime}" # every piece of local state lives here (git-ignored)
WP_DIR="$RUNTIME/wordpress"
ETC_DIR="$RUNTIME/etc"
RUN_DIR="$RUNTIME/run"
LOG_DIR="$RUNTIME/logs"

SITE_PORT="${APPOINTEASE_SITE_PORT:-8888}"
SITE_URL="http://localhost:$SITE_PORT"
DB_PORT="${APPOINTEASE_DB_PORT:-3307}"
DB_SOCKET="$RUN_DIR/mysqld.sock"
DB_NAME="appointease"
DB_TEST_NAME="appointease_tests"
DB_USER="appointease"
DB_PASSWORD="appointease"
REDIS_PORT="${APPOINTEASE_REDIS_PORT:-6380}"
# maildev receives every email the site sends (SMTP) and shows it (web UI and REST API).
SMTP_PORT="${APPOINTEASE_SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${APPOINTEASE_MAILDEV_WEB_PORT:-1080}"
ADMIN_USER="admin"
ADMIN_PASSWORD="password"
ADMIN_EMAIL="admin@example.com"

export COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_NO_INTERACTION=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

CURRENT_STEP=""

# Announces a step; a failure later names it.
step() {
	CURRENT_STEP="$1"
	printf '\033[1m==> %s\033[0m\n' "$1"
}

note() {
	printf '    %s\n' "$*"
}

# Stops with the failed step's name and what to try next.
fail() {
	printf '\033[31mFAILED: %s\033[0m\n' "${CURRENT_STEP:-setup}" >&2
	printf '%s\n' "$@" >&2
	exit 1
}

on_error() {
	fail "The command on line $1 of ${2##*/} exited with $3." \
		"Logs are in $LOG_DIR. Fix the cause and run the command again; finished steps are skipped."
}

strict_mode() {
	set -Eeuo pipefail
	trap 'on_error "$LINENO" "${BASH_SOURCE[0]}" "$?"' ERR
}

# Waits up to $1 seconds for a command ($3 …) to succeed, trying every 0.2 s; $2 says
# what is awaited, for the message when it gives up. Each try must be bounded by
# itself (`timeout`, a client's own timeout): a try that never returns would make the
# deadline meaningless, as when `redis-cli ping` waited forever on a frozen Redis.
wait_for() {
	local seconds="$1" what="$2" deadline
	shift 2
	deadline=$((SECONDS + seconds))
	while ((SECONDS < deadline)); do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.2
	done
	note "Gave up after $seconds s waiting for $what." >&2
	return 1
}

# Runs a command with a time limit (seconds in $1) and says what it was doing when it
# is killed: `timed <seconds> <what> <command …>`. The exit status is the command's, or
# 124 on a timeout (as with `timeout`).
timed() {
	local seconds="$1" what="$2" status=0
	shift 2
	timeout -k 10 "$seconds" "$@" || status=$?
	if ((status == 124 || status == 137)); then
		note "Gave up after $seconds s: $what did not finish." >&2
	fi
	return "$status"
}

# The MariaDB client as root over the socket. Both waits are bounded: the connection
# (--connect-timeout) and the whole statement list ($MYSQL_TIMEOUT, default 60 s), since a
# frozen server accepts the connection and then never answers.
mysql_root() {
	timeout -k 5 "${MYSQL_TIMEOUT:-60}" mariadb --connect-timeout=5 --protocol=socket --socket="$DB_SOCKET" -uroot "$@"
}
