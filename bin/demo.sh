#!/usr/bin/env bash
# The local AppointEase site: `up` (default) installs what is missing and starts it,
# `stop` stops it, `reset` deletes the site and its data and starts over.
#   bin/demo.sh [up|stop|reset] [--wp=7.1|6.8]
# --wp=6.8 (or APPOINTEASE_WP=6.8) runs the demo on the tested minimum, WordPress 6.8.x
# from Debian trixie, as a second site beside the 7.1 one: its own folder
# (.runtime-demo-wp68) and ports (8892 site, 3312 MariaDB, 6388 Redis, maildev 1026 SMTP
# and http://localhost:1081), so neither
# clobbers the other's data. APPOINTEASE_RUNTIME and the APPOINTEASE_*_PORT variables
# still win when set.
command="up"
for arg in "$@"; do
	case "$arg" in
	--wp=*) export APPOINTEASE_WP="${arg#--wp=}" ;;
	-*) printf 'Unknown option %s. Usage: bin/demo.sh [up|stop|reset] [--wp=7.1|6.8]\n' "$arg" >&2 && exit 1 ;;
	*) command="$arg" ;;
	esac
done
if [[ ${APPOINTEASE_WP:-7.1} == 6.8 ]]; then
	export APPOINTEASE_RUNTIME="${APPOINTEASE_RUNTIME:-$(cd "$(dirname "$0")/.." && pwd)/.runtime-demo-wp68}"
	export APPOINTEASE_SITE_PORT="${APPOINTEASE_SITE_PORT:-8892}"
	export APPOINTEASE_DB_PORT="${APPOINTEASE_DB_PORT:-3312}"
	export APPOINTEASE_REDIS_PORT="${APPOINTEASE_REDIS_PORT:-6388}"
	export APPOINTEASE_SMTP_PORT="${APPOINTEASE_SMTP_PORT:-1026}"
	export APPOINTEASE_MAILDEV_WEB_PORT="${APPOINTEASE_MAILDEV_WEB_PORT:-1081}"
	DEMO_FLAGS=" -- --wp=6.8"
fi

source "$(dirname "$0")/lib/common.sh"
source "$ROOT/bin/lib/install.sh"
source "$ROOT/bin/lib/services.sh"
source "$ROOT/bin/lib/site.sh"
strict_mode

up() {
	local started=$SECONDS
	ensure_dependencies
	start_services
	ensure_site
	print_site_summary "${DEMO_FLAGS:-}"
	note "Ready in $((SECONDS - started)) s."
}

case "$command" in
up) up ;;
stop) stop_services ;;
reset)
	stop_services
	step "Deleting the local site and its data ($RUNTIME)"
	rm -rf "$RUNTIME"
	up
	;;
*) fail "Usage: bin/demo.sh [up|stop|reset] [--wp=7.1|6.8]" ;;
esac
