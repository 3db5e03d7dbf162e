# Fetches WordPress core from Debian's archive and unpacks it into $WP_DIR. Sourced, not run.
# shellcheck shell=bash
#
# The Composer and npm registries reachable here serve no WordPress core, and this
# machine is Debian bookworm, whose own package is WordPress 6.1. Newer releases come
# from the same archive's `sid` (7.1.x, the main target) and `trixie` (6.8.x, the tested
# minimum) suites. Their packages are architecture `all` (PHP, JS, CSS), so they are
# downloaded with a private apt configuration and unpacked with `dpkg-deb -x`: never
# installed, and the system's apt sources never name those suites, so bookworm's own
# libraries are never upgraded.

# APPOINTEASE_WP picks the release line: 7.1 (default, Debian sid) or 6.8 (Debian trixie).
WP_LINE="${APPOINTEASE_WP:-7.1}"
case "$WP_LINE" in
7.1) WP_SUITE=sid ;;
6.8) WP_SUITE=trixie ;;
*) printf 'APPOINTEASE_WP must be 7.1 or 6.8, not "%s".\n' "$WP_LINE" >&2 && exit 1 ;;
esac

# What the WordPress package links to: each of these ships a file that core symlinks.
WP_DEBS=(wordpress wordpress-theme-twentytwentyfive libphp-phpmailer libjs-lodash libjs-underscore
	libjs-jquery-ui libjs-cropper php-getid3)

APT_PRIVATE="$RUNTIME/apt"

# apt-get options that give it sources, lists and a download cache of its own under $APT_PRIVATE.
private_apt_options() {
	APT_OPTS=(-q -o Dir::Etc::sourcelist="$APT_PRIVATE/sources.list" -o Dir::Etc::sourceparts=-
		-o Dir::State::Lists="$APT_PRIVATE/lists" -o Dir::Cache="$APT_PRIVATE/cache"
		-o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
}

# The archive address the system's own sources use, so the private lists come from the same mirror.
debian_mirror() {
	local uri
	uri="$(grep -hsE '^\s*URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1)"
	[[ -n $uri ]] || uri="$(grep -hsE '^\s*deb\s' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -1)"
	printf '%s' "${uri:-http://deb.debian.org/debian}"
}

ensure_wordpress_files() {
	if [[ -f $WP_DIR/wp-includes/version.php ]]; then
		# One runtime folder holds one release line; its database was made by that release.
		[[ $(wp_version) == "$WP_LINE".* ]] || fail "$RUNTIME holds WordPress $(wp_version), not $WP_LINE.x." \
			"Give the $WP_LINE stack a runtime of its own (APPOINTEASE_RUNTIME; bin/demo.sh --wp=$WP_LINE does)," \
			"or start this one over: bin/demo.sh reset."
		return 0
	fi
	step "Downloading WordPress $WP_LINE.x from Debian's $WP_SUITE suite (unpacked, not installed)"
	mkdir -p "$APT_PRIVATE/lists/partial" "$APT_PRIVATE/cache/archives/partial"
	printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
		"$(debian_mirror)" "$WP_SUITE" >"$APT_PRIVATE/sources.list"
	local log="$LOG_DIR/wordpress-download.log"
	local APT_OPTS
	private_apt_options
	timeout 300 apt-get "${APT_OPTS[@]}" update >"$log" 2>&1 \
		|| fail "Reading Debian's $WP_SUITE package list failed or took over 5 minutes; see $log."

	local stage="$RUNTIME/wordpress-deb" deb
	rm -rf "$stage" && mkdir -p "$stage/x"
	# The newest version the suite serves today: never a pinned Debian revision, since sid moves on.
	(cd "$stage" && timeout 300 apt-get "${APT_OPTS[@]}" download "${WP_DEBS[@]}") >>"$log" 2>&1 \
		|| fail "Downloading ${WP_DEBS[*]} from $WP_SUITE failed or took over 5 minutes; see $log."
	for deb in "$stage"/*.deb; do
		note "$(basename "$deb")"
		dpkg-deb -x "$deb" "$stage/x"
	done
	resolve_wordpress_links "$stage/x"

	local src="$stage/x/usr/share/wordpress"
	rm -rf "$WP_DIR.tmp"
	cp -r "$src" "$WP_DIR.tmp"
	rm -f "$WP_DIR.tmp/wp-config.php" "$WP_DIR.tmp/.htaccess"
	mkdir -p "$WP_DIR.tmp/wp-content/uploads" "$WP_DIR.tmp/wp-content/plugins"
	mv "$WP_DIR.tmp" "$WP_DIR"
	rm -rf "$stage"
	note "WordPress $(wp_version) from Debian $WP_SUITE"
}

# Debian links core's bundled libraries (PHPMailer, getID3, lodash, underscore, jQuery UI,
# cropper, the CA bundle) to other packages' files. Each link becomes a copy of the file it
# names, taken from the packages unpacked beside it (the same suite), or, for the CA bundle
# under /etc, from this machine. A link that resolves to nothing stops the set-up: a core
# with a missing PHPMailer would fail later, and far from the cause.
resolve_wordpress_links() {
	local root="$1" src="$1/usr/share/wordpress" link rel target from unresolved=()
	while IFS= read -r link; do
		rel="${link#"$src"/}"
		[[ $rel == .htaccess || $rel == wp-config.php ]] && rm -f "$link" && continue
		target="$(readlink "$link")"
		[[ $target == /* ]] || target="$(realpath -m "/usr/share/wordpress/$(dirname "$rel")/$target")"
		from="$root$target"
		[[ -e $from || $target != /etc/* ]] || from="$target"
		if [[ -f $from ]]; then
			rm -f "$link"
			cp "$from" "$link"
		else
			unresolved+=("$rel -> $target")
		fi
	done < <(find "$src" -type l)
	if ((${#unresolved[@]} > 0)); then
		fail "These files of WordPress link to files no downloaded package holds:" "${unresolved[@]}" \
			"Add the package that ships them to WP_DEBS in bin/lib/wordpress.sh."
	fi
}

wp_version() {
	sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$WP_DIR/wp-includes/version.php"
}
