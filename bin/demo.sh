#!/usr/bin/env bash
# The local AppointEase site: `up` (default) installs what is missing and starts it,
# `stop` stops it, `reset` deletes the site and its data and starts over.
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
	print_site_summary
	note "Ready in $((SECONDS - started)) s."
}

case "${1:-up}" in
up) up ;;
stop) stop_services ;;
reset)
	stop_services
	step "Deleting the local site and its data ($RUNTIME)"
	rm -rf "$RUNTIME"
	up
	;;
*) fail "Usage: bin/demo.sh [up|stop|reset]" ;;
esac
