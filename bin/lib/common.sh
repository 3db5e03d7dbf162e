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

# Waits up to $2 seconds for the command in $1 to succeed.
wait_for() {
	local check="$1" seconds="$2" i
	for ((i = 0; i < seconds * 10; i++)); do
		if eval "$check" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

mysql_root() {
	mariadb --protocol=socket --socket="$DB_SOCKET" -uroot "$@"
}
