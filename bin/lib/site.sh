# Configures, installs and seeds the local WordPress site. Sourced, not run.
# shellcheck shell=bash

write_wp_config() {
	if [[ ! -f $ETC_DIR/salts.php ]]; then
		{
			echo '<?php'
			local key
			for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
				printf "define( '%s', '%s' );\n" "$key" "$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
			done
		} >"$ETC_DIR/salts.php"
	fi
	sed -e "s|@RUNTIME@|$RUNTIME|g" -e "s|@SITE_URL@|$SITE_URL|g" -e "s|@DB_NAME@|$DB_NAME|g" \
		-e "s|@DB_TEST_NAME@|$DB_TEST_NAME|g" -e "s|@DB_USER@|$DB_USER|g" -e "s|@DB_PASSWORD@|$DB_PASSWORD|g" \
		-e "s|@DB_PORT@|$DB_PORT|g" -e "s|@REDIS_PORT@|$REDIS_PORT|g" -e "s|@SMTP_PORT@|$SMTP_PORT|g" \
		"$ROOT/config/wp-config.php" >"$WP_DIR/wp-config.php"
	mkdir -p "$WP_DIR/wp-content/mu-plugins"
	cp "$ROOT/config/local-site.php" "$WP_DIR/wp-content/mu-plugins/appointease-local-site.php"
	# While MariaDB is down, answer 503 (STORE_UNAVAILABLE on the plugin's routes) instead of core's 500 page.
	cp "$ROOT/dropins/db-error.php" "$WP_DIR/wp-content/db-error.php"
	# The plugin is the project itself, linked in so that edits show at once.
	ln -sfn "$ROOT" "$WP_DIR/wp-content/plugins/appointease"
	write_stack_file
}

# $RUNTIME/stack.json: where this stack's site, WordPress and services are. The PHP and
# Playwright tests read it (through APPOINTEASE_RUNTIME), so they follow whichever stack
# they are pointed at instead of assuming the demo's ports.
write_stack_file() {
	cat >"$RUNTIME/stack.json" <<JSON
{
	"site_url": "$SITE_URL",
	"wp_dir": "$WP_DIR",
	"wp_version": "$(wp_version)",
	"db_port": "$DB_PORT",
	"redis_port": "$REDIS_PORT",
	"smtp_port": "$SMTP_PORT",
	"maildev_url": "http://127.0.0.1:$MAILDEV_WEB_PORT",
	"log_dir": "$LOG_DIR"
}
JSON
}

# WP-CLI on this stack with a time limit ($1 seconds): WordPress talks to MariaDB and Redis,
# and a stuck one of them must end the set-up with a message, not hang it.
wp_cli() {
	local seconds="$1"
	shift
	timed "$seconds" "bin/wp $1 $2" "$ROOT/bin/wp" "$@"
}

# Installs WordPress into the database named by the flag (demo or tests) and activates the plugin.
install_wordpress() {
	timed 300 "bin/php/install-site.php" php "$ROOT/bin/php/install-site.php" "$WP_DIR" "$SITE_URL" "$ADMIN_USER" \
		"$ADMIN_PASSWORD" "$ADMIN_EMAIL" "$@" >>"$LOG_DIR/install.log" 2>&1 \
		|| fail "Installing WordPress failed or took over 300 s; see $LOG_DIR/install.log."
}

ensure_site() {
	step "Configuring WordPress and activating AppointEase"
	write_wp_config
	install_wordpress
	step "Seeding demo employees, services and hours"
	wp_cli 300 appointease seed || fail "Seeding the demo data failed or took over 300 s (output above)."
	ensure_booking_page
}

ensure_booking_page() {
	local id
	id="$(wp_cli 120 post list --post_type=page --name=book --post_status=publish --field=ID --format=ids)" \
		|| fail "Looking for the page /book/ with WP-CLI failed or took over 120 s."
	if [[ -z $id ]]; then
		step "Creating the page /book/ with the booking block"
		wp_cli 120 post create --post_type=page --post_status=publish --post_title='Book an appointment' \
			--post_name=book --post_content='<!-- wp:appointease/booking /-->' --porcelain >/dev/null \
			|| fail "Creating the page /book/ with WP-CLI failed or took over 120 s."
	fi
}

# The demo's closing lines; $1 is what `npm run demo:stop` and `demo:reset` need after them
# to reach this same site (e.g. " -- --wp=6.8").
print_site_summary() {
	local flags="${1:-}" wp_cli="bin/wp <command>      (e.g. bin/wp appointease seed)"
	# bin/wp reaches another stack than the default one through APPOINTEASE_RUNTIME.
	[[ $RUNTIME == "$ROOT/.runtime" ]] || wp_cli="APPOINTEASE_RUNTIME=$RUNTIME bin/wp <command>"
	cat <<EOT

AppointEase demo is running (WordPress $(wp_version), from Debian $WP_SUITE).
  Booking page:  $SITE_URL/book/
  wp-admin:      $SITE_URL/wp-admin/   user: $ADMIN_USER   password: $ADMIN_PASSWORD
  WP-CLI:        $wp_cli
  Emails:        http://localhost:$MAILDEV_WEB_PORT   (maildev: every email the site sends lands here)
  Logs:          $LOG_DIR
  Stop:          npm run demo:stop$flags     Start over: npm run demo:reset$flags
EOT
}
