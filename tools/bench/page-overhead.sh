#!/usr/bin/env bash
# The page-overhead row of `npm run bench`: what AppointEase costs pages that do not
# show its block. For the home page, a plain page and the REST index (/wp-json/), with
# the plugin active and inactive, it counts
#   - CPU instructions of PHP rendering the page (valgrind's callgrind): unlike requests
#     per second, this count hardly moves with other work on the box;
#   - database queries and Redis commands the page sends.
# Each page is measured twice in each mode; the two counts must agree within 0.1 %
# (a render in which WordPress refreshed an expired cache is done again, see agree()).
#
# The plugin measured is a copy of the working tree in its shipped form (snapshot_plugin).
# "Inactive" is the same site, database and code with only the plugin left out of
# `active_plugins` for that one PHP process (tools/bench/page.php filters the option on
# read), so nothing about the site changes; the database is checksummed before and after
# to show it.
#
# Run it through `bash bin/bench.sh pages` (or `npm run bench`, which includes it); it
# expects the site of bin/demo.sh to be up. Exit status 0 when every target is met,
# 4 when one is missed, 1 when the measurement itself could not be made.
#
# Settings (environment): BENCH_PAGE_URL, the plain page to measure (default: the first
# published page without the booking block or shortcode, "sample-page" preferred);
# BENCH_PAGE_TARGET, the allowed extra instructions in percent (3).
source "$(dirname "$0")/../../bin/lib/common.sh"
strict_mode

BENCH_DIR="$ROOT/tools/bench"
RESULTS_DIR="$ROOT/tests/load/results"
TARGET="${BENCH_PAGE_TARGET:-3}"
PLUGIN_FILE="appointease/appointease.php"
RUN_LIMIT=600 # seconds for one page under valgrind (about 10 s is usual)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OPCACHE_DIR="$WORK/opcache"
mkdir -p "$OPCACHE_DIR" "$RESULTS_DIR"

# PHP's CLI with OPcache's file cache: the second and later runs of a script load its
# compiled form from disk, as php-fpm reuses it from shared memory, instead of compiling
# it again. The consistency checksum is off because php-fpm's shared memory has none.
# The plugin as it ships, copied once: the working tree may change under a run (the
# copy's code is what every render loads), and the shipped autoloader has no dev
# packages (the working tree's loads PHPUnit's and PHPStan's files on every request).
snapshot_plugin() {
	local copy="$WORK/plugins/appointease" part
	mkdir -p "$copy/vendor"
	for part in appointease.php uninstall.php composer.json includes build languages dropins; do
		[[ -e $ROOT/$part ]] && cp -R "$ROOT/$part" "$copy/"
	done
	[[ -f $copy/build/blocks/booking/block.json ]] || fail "The plugin has no build; run npm run build (bin/demo.sh up does)."
	cp -R "$ROOT/vendor/composer" "$ROOT/vendor/autoload.php" "$copy/vendor/"
	(cd "$copy" && timeout -k 5 120 composer dump-autoload --no-dev -q) \
		|| fail "composer dump-autoload --no-dev failed in the plugin's copy ($copy)."
}
export APPOINTEASE_BENCH_PLUGIN_DIR="$WORK/plugins"

PHP_OPCACHE=(
	php -d opcache.enable_cli=1 -d opcache.file_cache="$OPCACHE_DIR" -d opcache.file_cache_only=1
	-d opcache.file_cache_consistency_checks=0 -d opcache.jit=off
)

redis() {
	timeout -k 1 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"
}

# Every Redis command counter and the connection counter, one "name count" a line, from
# one INFO on one connection: between two samples that adds 1 "info" call and 1
# connection of its own, which page-report.mjs subtracts.
redis_counters() {
	redis INFO all | tr -d '\r' | sed -n \
		-e 's/^cmdstat_\([^:]*\):calls=\([0-9]*\).*/\1 \2/p' \
		-e 's/^total_connections_received:\([0-9]*\).*/connections \1/p'
}

# The checksum of every table ("db.table checksum" lines) of the site's database, to show the run changed nothing.
database_checksum() {
	local tables
	tables="$(mysql_root -N -e "SELECT GROUP_CONCAT(CONCAT('\`', table_name, '\`')) FROM information_schema.tables WHERE table_schema = '$DB_NAME'")"
	mysql_root -N "$DB_NAME" -e "CHECKSUM TABLE $tables" | tr '\t' ' '
}

# The URL of the plain page: a published page that holds neither the block nor the shortcode.
plain_page_url() {
	if [[ -n ${BENCH_PAGE_URL:-} ]]; then
		printf '%s\n' "$BENCH_PAGE_URL"
		return
	fi
	timeout -k 5 60 "$ROOT/bin/wp" post list --post_type=page --post_status=publish --orderby=ID --order=ASC \
		--fields=post_name,url,post_content --format=json 2>/dev/null \
		| node -e '
			const pages = JSON.parse( require( "node:fs" ).readFileSync( 0, "utf8" ) )
				.filter( ( p ) => ! /<!-- wp:appointease\/booking|\[appointease[\s\]]/.test( p.post_content ) )
				.sort( ( a, b ) => ( a.post_name !== "sample-page" ) - ( b.post_name !== "sample-page" ) );
			if ( pages.length ) console.log( pages[ 0 ].url );'
}

# One render of $2 with the plugin "on" or "off" ($1), under callgrind when $3 is "measure".
# Appends a JSON line with the figures to runs.jsonl when measuring.
render() {
	local mode="$1" url="$2" kind="$3" page="${4:-}" rep="${5:-0}" before after instructions
	if [[ $kind == warm ]]; then
		APPOINTEASE_BENCH_PLUGIN="$mode" APPOINTEASE_BENCH_STATS="$WORK/stats.json" \
			timeout -k 5 120 "${PHP_OPCACHE[@]}" "$BENCH_DIR/page.php" "$WP_DIR" "$url" >/dev/null 2>"$WORK/php.err" \
			|| fail "PHP could not render $url with the plugin $mode:" "$(tail -n 20 "$WORK/php.err")"
		# A first view that writes (a cache option, say) would change the site: count such queries.
		grep -oEi '"(INSERT|UPDATE|DELETE|REPLACE) [^"]{0,80}' "$WORK/stats.json" >>"$WORK/warm-writes.txt" || true
		return
	fi
	redis_counters >"$WORK/redis-before.txt"
	APPOINTEASE_BENCH_PLUGIN="$mode" APPOINTEASE_BENCH_STATS="$WORK/stats.json" \
		timeout -k 5 "$RUN_LIMIT" valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
		--log-file="$WORK/valgrind.log" "${PHP_OPCACHE[@]}" "$BENCH_DIR/page.php" "$WP_DIR" "$url" >/dev/null 2>"$WORK/php.err" \
		|| fail "valgrind could not run PHP for $url with the plugin $mode:" "$(tail -n 20 "$WORK/valgrind.log" "$WORK/php.err" 2>/dev/null)"
	redis_counters >"$WORK/redis-after.txt"
	instructions="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/valgrind.log")"
	[[ -n $instructions ]] || fail "callgrind reported no instruction count for $url; its log:" "$(cat "$WORK/valgrind.log")"
	before="$(paste -sd, "$WORK/redis-before.txt")"
	after="$(paste -sd, "$WORK/redis-after.txt")"
	printf '{"page":"%s","url":"%s","mode":"%s","rep":%d,"instructions":%s,"redis_before":"%s","redis_after":"%s","stats":%s}\n' \
		"$page" "$url" "$mode" "$rep" "$instructions" "$before" "$after" "$(cat "$WORK/stats.json")" >>"$WORK/runs.jsonl"
}

started=$SECONDS
step "Page overhead: PHP under callgrind, plugin inactive vs active"
command -v valgrind >/dev/null || {
	[[ $EUID -eq 0 ]] || fail "valgrind is missing: apt-get install valgrind"
	note "installing Debian's valgrind"
	DEBIAN_FRONTEND=noninteractive timeout -k 10 600 apt-get install -y -qq valgrind >"$LOG_DIR/bench-valgrind-install.log" 2>&1 \
		|| fail "apt-get install valgrind failed; see $LOG_DIR/bench-valgrind-install.log"
}
redis PING | grep -q PONG || fail "Redis on port $REDIS_PORT does not answer; run bin/demo.sh up first."
[[ "$(timeout -k 5 60 "$ROOT/bin/wp" option get active_plugins --format=json 2>/dev/null)" == *"${PLUGIN_FILE/\//\\/}"* ]] \
	|| fail "AppointEase is not active on the site in $WP_DIR: bin/demo.sh up activates it."

PLAIN_URL="$(plain_page_url)"
[[ -n $PLAIN_URL ]] || fail "The site has no published page without the booking block to measure; set BENCH_PAGE_URL."
PAGES=("home|$SITE_URL/" "page|$PLAIN_URL" "rest-index|$SITE_URL/wp-json/")
note "pages: $SITE_URL/, $PLAIN_URL, $SITE_URL/wp-json/"

# Two renders each fill OPcache's file cache and any cache WordPress fills on its first
# view (none should write; the checksum below covers the warm-up too).
snapshot_plugin
database_checksum >"$WORK/checksum-before.txt"
: >"$WORK/warm-writes.txt"
for entry in "${PAGES[@]}"; do
	# Active first: a cache WordPress fills on a first view (rewrite rules after a flush)
	# is then filled as the real site, plugin active, would fill it.
	for mode in on off on off; do
		render "$mode" "${entry#*|}" warm
	done
done

# What PHP's CLI costs with no script at all: loading its libraries and extensions, and
# shutting down. php-fpm pays that once per worker, not per request, so page-report.mjs
# takes it off every render before comparing.
empty_php() {
	timeout -k 5 "$RUN_LIMIT" valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
		--log-file="$WORK/valgrind.log" "${PHP_OPCACHE[@]}" -r '' >/dev/null 2>&1 \
		|| fail "valgrind could not run PHP:" "$(tail -n 20 "$WORK/valgrind.log")"
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/valgrind.log"
}
EMPTY_1="$(empty_php)"

# Two renders of one page in one mode must agree: the same queries, no write, instruction
# counts within 0.1 % of the request's own work (the report's spread). WordPress refreshes some caches when they expire (the theme's
# pattern list is a site transient: that render reads, deletes and writes it again), and a
# render that does so is not the page's usual work; then the page is rendered again, up to
# 5 times, and the last two renders count. The discarded ones are reported.
agree() {
	tail -n 2 "$1" | EMPTY="$EMPTY_1" node -e '
		const [ a, b ] = require( "node:fs" ).readFileSync( 0, "utf8" ).trim().split( "\n" ).map( JSON.parse );
		const writes = ( r ) => r.stats.queries.some( ( q ) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test( q ) );
		const same = b && a.stats.queries.length === b.stats.queries.length && ! writes( a ) && ! writes( b )
			&& Math.abs( a.instructions - b.instructions ) < 0.001 * ( Math.min( a.instructions, b.instructions ) - Number( process.env.EMPTY ) );
		process.exit( same ? 0 : 1 );'
}
: >"$WORK/discarded.jsonl"
for entry in "${PAGES[@]}"; do
	for mode in off on; do
		: >"$WORK/runs.jsonl.part"
		for rep in 1 2 3 4 5; do
			render "$mode" "${entry#*|}" measure "${entry%%|*}" "$rep"
			tail -n 1 "$WORK/runs.jsonl" >>"$WORK/runs.jsonl.part"
			sed -i '$ d' "$WORK/runs.jsonl"
			if ((rep >= 2)) && agree "$WORK/runs.jsonl.part"; then
				break
			fi
		done
		tail -n 2 "$WORK/runs.jsonl.part" >>"$WORK/runs.jsonl"
		head -n -2 "$WORK/runs.jsonl.part" >>"$WORK/discarded.jsonl"
	done
	note "${entry%%|*} done ($((SECONDS - started)) s)"
done
EMPTY_2="$(empty_php)"
if [[ -s $WORK/warm-writes.txt ]]; then
	note "the warm-up renders wrote (WordPress filling its caches; the counted renders must not):"
	sort "$WORK/warm-writes.txt" | uniq -c | sed 's/^/      /'
fi
database_checksum >"$WORK/checksum-after.txt"
# Tables whose checksum changed: by the renders, or by another client of the site meanwhile
# (WP-Cron started by an earlier visit, a test run); the renders' own queries tell which.
changed="$(diff "$WORK/checksum-before.txt" "$WORK/checksum-after.txt" | sed -n 's/^> \([^ ]*\) .*/\1/p' | paste -sd' ' || true)"

printf '{"target":%s,"empty":[%s,%s],"changed_tables":"%s","warm_writes":%d,"discarded":%d,"php":"%s","valgrind":"%s","wordpress":"%s"}\n' \
	"$TARGET" "$EMPTY_1" "$EMPTY_2" "$changed" "$(wc -l <"$WORK/warm-writes.txt")" "$(wc -l <"$WORK/discarded.jsonl")" "$(php -r 'echo PHP_VERSION;')" "$(valgrind --version)" \
	"$(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$WP_DIR/wp-includes/version.php")" >"$WORK/meta.json"
cat "$WORK/runs.jsonl" "$WORK/discarded.jsonl" >"$RESULTS_DIR/pages-last-run.jsonl"
status=0
node "$BENCH_DIR/page-report.mjs" --runs "$WORK/runs.jsonl" --meta "$WORK/meta.json" \
	--out "$RESULTS_DIR/pages-last-run.txt" --seconds "$((SECONDS - started))" || status=$?
exit "$status"
