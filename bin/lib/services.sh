# Starts and stops the local MariaDB, Redis, maildev, php-fpm and nginx. Sourced, not run.
# shellcheck shell=bash

# Writes config/<name> into .runtime/etc (or to the file $2) with this checkout's paths filled in.
render_config() {
	local name="$1" out="${2:-$ETC_DIR/$1}" listen_ipv6=""
	# Listen on ::1 too where the loopback has IPv6, since browsers try it first for localhost.
	if ip -6 addr show dev lo 2>/dev/null | grep -q '::1'; then
		listen_ipv6="listen [::1]:$SITE_PORT;"
	fi
	sed -e "s|@RUNTIME@|$RUNTIME|g" -e "s|@SITE_PORT@|$SITE_PORT|g" -e "s|@DB_PORT@|$DB_PORT|g" \
		-e "s|@REDIS_PORT@|$REDIS_PORT|g" -e "s|@LISTEN_IPV6@|$listen_ipv6|g" -e "s|@ROOT@|$ROOT|g" \
		"$ROOT/config/$name" >"$out"
}

pid_alive() {
	[[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Whether MariaDB answers `SELECT 1` within a few seconds.
mariadb_up() {
	MYSQL_TIMEOUT=5 mysql_root -e 'SELECT 1' >/dev/null 2>&1
}

start_mariadb() {
	render_config my.cnf
	if [[ ! -d $RUNTIME/mysql/mysql ]]; then
		step "Creating the MariaDB data folder"
		mkdir -p "$RUNTIME/mysql"
		timed 180 "mariadb-install-db" mariadb-install-db --defaults-file="$ETC_DIR/my.cnf" --user=root \
			--auth-root-authentication-method=socket --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 \
			|| fail "mariadb-install-db failed or took over 180 s; see $LOG_DIR/mariadb-install.log."
	fi
	if pid_alive "$RUN_DIR/mysqld.pid"; then
		# Ours runs: it must answer, else starting a second one would only fail on the lock.
		wait_for 30 "MariaDB (pid $(cat "$RUN_DIR/mysqld.pid")) to answer SELECT 1 on $DB_SOCKET" mariadb_up \
			|| fail "MariaDB runs (pid $(cat "$RUN_DIR/mysqld.pid")) but did not answer \`SELECT 1\` within 30 s:" \
				"stuck or stopped (SIGSTOP)? Stop the stack (bin/demo.sh stop) and run again; see $LOG_DIR/mariadb.log."
	elif ! mariadb_up; then
		step "Starting MariaDB on 127.0.0.1:$DB_PORT"
		setsid mariadbd --defaults-file="$ETC_DIR/my.cnf" --user=root >>"$LOG_DIR/mariadb.log" 2>&1 </dev/null &
		wait_for 60 "MariaDB to answer SELECT 1 on $DB_SOCKET" mariadb_up \
			|| fail "MariaDB did not start and answer \`SELECT 1\` within 60 s; see $LOG_DIR/mariadb.log."
	fi
	mysql_root <<SQL || fail "Creating the databases and the user in MariaDB failed or took over 60 s."
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`$DB_TEST_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`$DB_TEST_NAME%\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
SQL
}

# Whether Redis answers PING within 2 s. redis-cli itself waits for ever on a server
# that accepts the connection and never answers (a frozen one), hence the timeout.
redis_up() {
	timeout -k 1 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG
}

# REDIS_WAIT_SECONDS and REDIS_START_SECONDS shorten the waits for tests/setup/.
start_redis() {
	if pid_alive "$RUN_DIR/redis.pid"; then
		wait_for "${REDIS_WAIT_SECONDS:-10}" "Redis (pid $(cat "$RUN_DIR/redis.pid")) to answer PING on 127.0.0.1:$REDIS_PORT" redis_up \
			|| fail "Redis runs (pid $(cat "$RUN_DIR/redis.pid")) but did not answer PING on 127.0.0.1:$REDIS_PORT" \
				"within ${REDIS_WAIT_SECONDS:-10} s: stuck or stopped (SIGSTOP)? Stop the stack (bin/demo.sh stop) and run again;" \
				"see $LOG_DIR/redis.log."
		return 0
	fi
	redis_up && fail "Another Redis answers on 127.0.0.1:$REDIS_PORT (not this stack's: $RUN_DIR/redis.pid is not running)." \
		"Stop it or pick another port (APPOINTEASE_REDIS_PORT)."
	step "Starting Redis on 127.0.0.1:$REDIS_PORT"
	render_config redis.conf
	timed 30 "redis-server (daemonizing)" redis-server "$ETC_DIR/redis.conf" >>"$LOG_DIR/redis.log" 2>&1 \
		|| fail "Redis did not start; see $LOG_DIR/redis.log."
	wait_for "${REDIS_START_SECONDS:-20}" "Redis to answer PING on 127.0.0.1:$REDIS_PORT" redis_up \
		|| fail "Redis did not answer PING on 127.0.0.1:$REDIS_PORT within ${REDIS_START_SECONDS:-20} s; see $LOG_DIR/redis.log."
}

# Whether maildev's REST API answers its health check within 2 s.
maildev_up() {
	curl -sf --connect-timeout 2 --max-time 2 -o /dev/null "http://127.0.0.1:$MAILDEV_WEB_PORT/api/healthz"
}

# maildev (npm, a devDependency) catches the site's email on 127.0.0.1:$SMTP_PORT and shows
# it on http://localhost:$MAILDEV_WEB_PORT; its mail folder is in the runtime, so emails
# outlive a restart. MAILDEV_START_SECONDS shortens the wait for tests.
start_maildev() {
	local bin="$ROOT/node_modules/.bin/maildev"
	if pid_alive "$RUN_DIR/maildev.pid"; then
		wait_for 10 "maildev (pid $(cat "$RUN_DIR/maildev.pid")) to answer on http://127.0.0.1:$MAILDEV_WEB_PORT/api/healthz" maildev_up \
			|| fail "maildev runs (pid $(cat "$RUN_DIR/maildev.pid")) but did not answer on port $MAILDEV_WEB_PORT within 10 s:" \
				"stuck or stopped? Stop the stack (bin/demo.sh stop) and run again; see $LOG_DIR/maildev.log."
		return 0
	fi
	maildev_up && fail "Another maildev (or another program) answers on 127.0.0.1:$MAILDEV_WEB_PORT (not this stack's:" \
		"$RUN_DIR/maildev.pid is not running). Stop it or pick other ports (APPOINTEASE_MAILDEV_WEB_PORT, APPOINTEASE_SMTP_PORT)."
	[[ -x $bin ]] || fail "maildev is not installed ($bin is missing); run \`npm install\`."
	step "Starting maildev (SMTP 127.0.0.1:$SMTP_PORT, web http://localhost:$MAILDEV_WEB_PORT)"
	mkdir -p "$RUNTIME/maildev"
	# From the runtime folder, so that no maildev config file of the checkout is picked up.
	# The inner shell writes its own pid and becomes maildev (exec): setsid may fork, so $! could
	# name a process that is gone at once.
	# Only the command itself goes to the background, with every output redirected: nothing of
	# it may hold the caller's stdout open (a pipe reading the set-up would never end).
	(
		cd "$RUNTIME" || exit 1
		# shellcheck disable=SC2016 # $$, $1 and $@ are the inner shell's, on purpose.
		setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$RUN_DIR/maildev.pid" \
			"$bin" --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
			--mail-directory "$RUNTIME/maildev" --max-emails 2000 >>"$LOG_DIR/maildev.log" 2>&1 </dev/null &
	)
	wait_for "${MAILDEV_START_SECONDS:-30}" "maildev to answer on http://127.0.0.1:$MAILDEV_WEB_PORT/api/healthz" maildev_up \
		|| fail "maildev did not answer on http://127.0.0.1:$MAILDEV_WEB_PORT within ${MAILDEV_START_SECONDS:-30} s" \
			"(is port $SMTP_PORT or $MAILDEV_WEB_PORT taken?); see $LOG_DIR/maildev.log."
}

start_php_fpm() {
	pid_alive "$RUN_DIR/php-fpm.pid" && return 0
	step "Starting php-fpm"
	render_config php-fpm.conf
	# -R: this local, loopback-only stack runs as the user who started it, root included.
	timed 30 "php-fpm (daemonizing)" php-fpm8.2 -R -y "$ETC_DIR/php-fpm.conf" >>"$LOG_DIR/php-fpm.log" 2>&1 \
		|| fail "php-fpm did not start; see $LOG_DIR/php-fpm.log."
	wait_for 20 "php-fpm to open $RUN_DIR/php-fpm.sock" test -S "$RUN_DIR/php-fpm.sock" \
		|| fail "php-fpm did not open its socket within 20 s; see $LOG_DIR/php-fpm.log."
}

NGINX_CONFIGS=(nginx.conf fastcgi_params)

# True when config/ renders differently from what nginx was started or reloaded with.
nginx_config_changed() {
	local name fresh
	fresh="$(mktemp)"
	for name in "${NGINX_CONFIGS[@]}"; do
		render_config "$name" "$fresh"
		if ! cmp -s "$fresh" "$ETC_DIR/$name"; then
			rm -f "$fresh"
			return 0
		fi
	done
	rm -f "$fresh"
	return 1
}

# Renders nginx's configs, checks them with `nginx -t` and reloads the running nginx
# (workers finish their requests; nothing else restarts). A config that fails the check
# is put back as it was, so the next start still works.
reload_nginx() {
	local name
	step "Reloading nginx with the configs from config/"
	mkdir -p "$RUNTIME/nginx"
	for name in "${NGINX_CONFIGS[@]}"; do
		[[ -f $ETC_DIR/$name ]] && cp "$ETC_DIR/$name" "$ETC_DIR/$name.previous"
		render_config "$name"
	done
	if ! timeout 30 nginx -t -q -c "$ETC_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" >>"$LOG_DIR/nginx-error.log" 2>&1; then
		for name in "${NGINX_CONFIGS[@]}"; do
			[[ -f $ETC_DIR/$name.previous ]] && mv "$ETC_DIR/$name.previous" "$ETC_DIR/$name"
		done
		fail "config/nginx.conf fails \`nginx -t\`; nginx keeps running with its previous config. See $LOG_DIR/nginx-error.log."
	fi
	rm -f "$ETC_DIR"/*.previous
	timeout 30 nginx -s reload -c "$ETC_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" >>"$LOG_DIR/nginx-error.log" 2>&1 \
		|| fail "nginx did not reload; see $LOG_DIR/nginx-error.log."
	# The master starts new workers with the new config; old ones finish what they serve.
	sleep 0.5
}

start_nginx() {
	if pid_alive "$RUN_DIR/nginx.pid"; then
		# A changed config/nginx.conf takes effect on the next `npm run demo`, without a reset.
		if nginx_config_changed; then
			reload_nginx
		fi
		return 0
	fi
	step "Starting nginx on $SITE_URL"
	mkdir -p "$RUNTIME/nginx"
	render_config nginx.conf
	render_config fastcgi_params
	timed 30 "nginx (daemonizing)" nginx -c "$ETC_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" >>"$LOG_DIR/nginx-error.log" 2>&1 \
		|| fail "nginx did not start (is port $SITE_PORT taken?); see $LOG_DIR/nginx-error.log."
	wait_for 20 "nginx to answer on http://127.0.0.1:$SITE_PORT/" nginx_answers \
		|| fail "nginx does not answer on $SITE_URL within 20 s; see $LOG_DIR/nginx-error.log."
}

# Whether nginx answers at all (any status: WordPress may not be installed yet).
nginx_answers() {
	curl -s --connect-timeout 2 --max-time 5 -o /dev/null "http://127.0.0.1:$SITE_PORT/"
}

start_services() {
	start_mariadb
	start_redis
	start_maildev
	start_php_fpm
	start_nginx
}

stop_pidfile() {
	local name="$1" pidfile="$2" pid i
	pid_alive "$pidfile" || return 0
	pid="$(cat "$pidfile")"
	note "stopping $name"
	kill "$pid" 2>/dev/null || true
	# A stopped (SIGSTOP) process handles SIGTERM only once it runs again.
	kill -CONT "$pid" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -9 "$pid" 2>/dev/null || true
}

stop_services() {
	step "Stopping the local site"
	stop_pidfile nginx "$RUN_DIR/nginx.pid"
	stop_pidfile php-fpm "$RUN_DIR/php-fpm.pid"
	stop_pidfile maildev "$RUN_DIR/maildev.pid"
	stop_pidfile redis "$RUN_DIR/redis.pid"
	stop_pidfile mariadb "$RUN_DIR/mysqld.pid"
}
