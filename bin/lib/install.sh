# Installs what the local site and the tests need. Sourced, not run.
# shellcheck shell=bash

source "$ROOT/bin/lib/wordpress.sh"

APT_PACKAGES=(
	php8.2-fpm php8.2-mysql php8.2-redis php8.2-curl php8.2-xml php8.2-mbstring
	php8.2-intl php8.2-gd php8.2-zip
	mariadb-server mariadb-client redis-server nginx chromium
	ca-certificates curl unzip wrk
)

ensure_apt_packages() {
	local missing=() pkg
	for pkg in "${APT_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	if ((${#missing[@]} == 0)); then
		return 0
	fi
	step "Installing Debian packages: ${missing[*]}"
	[[ $EUID -eq 0 ]] || fail "Installing packages needs root. Run as root, or install them yourself: apt-get install ${missing[*]}"
	# Services must not start on install: this project runs its own instances.
	local policy=/usr/sbin/policy-rc.d created_policy=""
	if [[ ! -e $policy ]]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
	fi
	# Bounded like every other wait of the set-up: a dead mirror must end it with a message.
	timed 600 "apt-get update" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOG_DIR/apt.log" 2>&1 \
		|| fail "apt-get update failed or took over 10 minutes; see $LOG_DIR/apt.log."
	timed 1200 "apt-get install" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		>>"$LOG_DIR/apt.log" 2>&1 || fail "apt-get install failed or took over 20 minutes; see $LOG_DIR/apt.log."
	[[ -n $created_policy ]] && rm -f "$policy"
	return 0
}

ensure_composer_packages() {
	if [[ ! -f $ROOT/vendor/autoload.php || $ROOT/composer.json -nt $ROOT/vendor/autoload.php ]]; then
		step "Installing PHP dependencies (Composer)"
		(cd "$ROOT" && timed 900 "composer install" composer install --quiet --no-progress) \
			|| fail "composer install failed or took over 15 minutes."
		touch "$ROOT/vendor/autoload.php"
	fi
	local cli="$ROOT/tools/wp-cli"
	if [[ ! -f $cli/vendor/autoload.php || $cli/composer.json -nt $cli/vendor/autoload.php ]]; then
		step "Installing WP-CLI (Composer)"
		# Some WP-CLI 2.x packages still declare an upper PHP bound; they run on PHP 8.2.
		(cd "$cli" && timed 900 "composer install (WP-CLI)" composer install --quiet --no-progress --ignore-platform-req=php) \
			|| fail "composer install of WP-CLI failed or took over 15 minutes."
		touch "$cli/vendor/autoload.php"
	fi
}

ensure_npm_packages() {
	if [[ ! -d $ROOT/node_modules || $ROOT/package-lock.json -nt $ROOT/node_modules/.package-lock.json ]]; then
		# `npm ci` would be the natural choice, but npm 11 rejects its own lock file here
		# (optional platform bindings reported "missing"); install honours the lock as well.
		step "Installing JavaScript dependencies (npm install)"
		(cd "$ROOT" && timed 1200 "npm install" npm install --no-progress --loglevel=error >"$LOG_DIR/npm.log" 2>&1) \
			|| fail "npm install failed or took over 20 minutes; see $LOG_DIR/npm.log."
	fi
}

# Rebuilds when any source file is newer than the build.
ensure_build() {
	local stamp="$ROOT/build/blocks/booking/block.json"
	if [[ ! -f $stamp ]] || [[ -n $(find "$ROOT/src" "$ROOT/package.json" "$ROOT/webpack.config.js" -newer "$stamp" -print -quit) ]]; then
		step "Building the front end (npm run build)"
		(cd "$ROOT" && timed 900 "npm run build" npm run --silent build >"$LOG_DIR/build.log" 2>&1) \
			|| fail "The front-end build failed or took over 15 minutes; see $LOG_DIR/build.log."
	fi
}

ensure_dependencies() {
	mkdir -p "$RUNTIME" "$ETC_DIR" "$RUN_DIR" "$LOG_DIR"
	ensure_apt_packages
	ensure_composer_packages
	ensure_npm_packages
	ensure_build
	ensure_wordpress_files
}
