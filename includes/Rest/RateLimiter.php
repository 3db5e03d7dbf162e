<?php
/**
 * Per-IP limits on the public writes and the poll.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\RedisGuard;
use AppointEase\Holds\StoreUnavailableException;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Translations;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Counts requests per client IP in one-minute windows: in Redis when Redis
 * serves (one INCR), else in the `rate_limits` table (one upsert). Over the
 * limit, the answer is 429 RATE_LIMITED with Retry-After. The filter
 * `appointease_rate_limit_enabled` (return false) turns limiting off, for
 * example for load tests on loopback. Admins are never limited.
 */
final class RateLimiter {

	/**
	 * Seconds per counting window.
	 */
	private const WINDOW = 60;

	/**
	 * Seconds per window of the per-booking change count.
	 */
	private const CHANGE_WINDOW = 3600;

	/**
	 * Fetches of outside calendars one user may ask for per window.
	 */
	public const CALENDAR_FETCHES = 10;

	/**
	 * Seconds per window of the calendar fetch count.
	 */
	private const CALENDAR_WINDOW = 600;

	/**
	 * The setting that limits each kind of request, per client a minute.
	 */
	private const LIMITS = array(
		'write' => 'rate_limit_writes',
		'poll'  => 'rate_limit_poll',
		'read'  => 'rate_limit_reads',
	);

	/**
	 * Counts one request of a kind and refuses it when over the limit.
	 *
	 * @param string $kind 'write' (holds, bookings and their changes), 'poll' or 'read' (availability, capacity).
	 * @return \WP_Error|null The 429, or null when the request may go on.
	 */
	public static function check( string $kind ): ?\WP_Error {
		$ip = self::client_ip();
		/**
		 * Whether requests are rate limited.
		 *
		 * @param bool   $enabled True by default.
		 * @param string $kind    'write', 'poll', 'read', 'booking_change' or 'calendar_fetch'.
		 * @param string $ip      The client's IP address.
		 */
		if ( ! apply_filters( 'appointease_rate_limit_enabled', true, $kind, $ip ) || self::is_admin() ) {
			return null;
		}
		$now    = time();
		$window = intdiv( $now, self::WINDOW ) * self::WINDOW;
		$bucket = $kind . ':' . hash( 'sha256', self::client_key( $ip ) . '|' . $window );
		if ( self::hit( substr( $bucket, 0, 64 ), $window, self::WINDOW ) <= Settings::int( self::LIMITS[ $kind ] ?? 'rate_limit_writes' ) ) {
			return null;
		}
		// The early poll is refused here before `init`; see Translations.
		Translations::prepare();
		return Errors::make(
			'RATE_LIMITED',
			__( 'Too many requests from your connection. Please wait a moment and try again.', 'appointease' ),
			array( 'retry_after' => $window + self::WINDOW - $now )
		);
	}

	/**
	 * Counts one change (a move) of a booking by its customer and refuses it
	 * when the booking was changed too often this hour. Each change emails the
	 * customer and the staff, so without this a script could move one booking
	 * back and forth and flood a stranger's inbox from a booking made in their
	 * name, whatever addresses it sent from.
	 *
	 * @param int $booking_id The booking.
	 * @return \WP_Error|null The 429, or null when the change may go on.
	 */
	public static function check_booking_change( int $booking_id ): ?\WP_Error {
		/** This filter is documented in includes/Rest/RateLimiter.php */
		if ( ! apply_filters( 'appointease_rate_limit_enabled', true, 'booking_change', self::client_ip() ) || self::is_admin() ) {
			return null;
		}
		$now    = time();
		$window = intdiv( $now, self::CHANGE_WINDOW ) * self::CHANGE_WINDOW;
		if ( self::hit( 'change:' . $booking_id . ':' . $window, $window, self::CHANGE_WINDOW ) <= Settings::int( 'booking_changes_per_hour' ) ) {
			return null;
		}
		return Errors::make(
			'RATE_LIMITED',
			__( 'This booking has been changed too often in the last hour. Please try again later, or contact us.', 'appointease' ),
			array( 'retry_after' => $window + self::CHANGE_WINDOW - $now )
		);
	}

	/**
	 * Counts one fetch of an outside calendar asked by a user (adding one, or
	 * "Sync now") and refuses it over CALENDAR_FETCHES in CALENDAR_WINDOW.
	 * Each makes the server request an address an employee chose, so it is
	 * counted per user, whichever connection they use. Admins are not limited.
	 *
	 * @param int $user_id The user asking.
	 * @return \WP_Error|null The 429, or null when the fetch may go on.
	 */
	public static function check_calendar_fetch( int $user_id ): ?\WP_Error {
		/** This filter is documented in includes/Rest/RateLimiter.php */
		if ( ! apply_filters( 'appointease_rate_limit_enabled', true, 'calendar_fetch', self::client_ip() ) || self::is_admin() ) {
			return null;
		}
		$now    = time();
		$window = intdiv( $now, self::CALENDAR_WINDOW ) * self::CALENDAR_WINDOW;
		if ( self::hit( 'calendar:' . $user_id . ':' . $window, $window, self::CALENDAR_WINDOW ) <= self::CALENDAR_FETCHES ) {
			return null;
		}
		return Errors::make(
			'RATE_LIMITED',
			__( 'Calendars were synced too often in the last minutes. Please wait a little and try again; they also sync on their own.', 'appointease' ),
			array( 'retry_after' => $window + self::CALENDAR_WINDOW - $now )
		);
	}

	/**
	 * What one client is counted under: its address, or for IPv6 its /64
	 * network. One IPv6 host usually has a whole /64 to pick addresses from,
	 * so counting single addresses would give it billions of fresh limits.
	 *
	 * @param string $ip The client's address.
	 */
	public static function client_key( string $ip ): string {
		$packed = str_contains( $ip, ':' ) ? inet_pton( $ip ) : false;
		if ( false === $packed || 16 !== strlen( $packed ) ) {
			return $ip;
		}
		return (string) inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64';
	}

	/**
	 * Counts the requests the limits cover, on every route of the plugin's:
	 * each write (the `write` limit), and the reads that compute free times,
	 * availability and capacity (the `read` limit). Hooked to
	 * `rest_request_before_callbacks`; the poll counts itself (PollResponder).
	 *
	 * It goes by the handler WordPress matched, never by the path as sent:
	 * WordPress matches routes without regard to letter case and in several
	 * URL forms (`/wp-json/…`, `?rest_route=…`), so `/AppointEase/v1/Holds`
	 * reaches the same handler as `/appointease/v1/holds` and must count the
	 * same. Admins are never limited.
	 *
	 * @param mixed                $response Null, or an error found earlier.
	 * @param array<string, mixed> $handler  The matched handler.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public static function guard( $response, $handler, $request ) {
		if ( is_wp_error( $response ) || ! Controller::handles( $handler ) ) {
			return $response;
		}
		if ( ! in_array( $request->get_method(), array( 'GET', 'HEAD' ), true ) ) {
			return self::check( 'write' ) ?? $response;
		}
		// The public reads that compute times (up to 62 days of every employee) have a limit of their own.
		$controller = $handler['callback'][0];
		if ( $controller instanceof AvailabilityController || $controller instanceof CapacityController ) {
			return self::check( 'read' ) ?? $response;
		}
		return $response;
	}

	/**
	 * Adds Retry-After to a 429; hooked to `rest_post_dispatch`.
	 *
	 * @param \WP_HTTP_Response $response The answer.
	 * @return \WP_HTTP_Response
	 */
	public static function add_retry_after( $response ) {
		$data = $response->get_data();
		if ( 429 === $response->get_status() && is_array( $data ) && isset( $data['data']['retry_after'] ) ) {
			$response->header( 'Retry-After', (string) (int) $data['data']['retry_after'] );
		}
		return $response;
	}

	/**
	 * The client's address: REMOTE_ADDR, or behind the proxies wp-config.php
	 * names, the address they forward (TrustedProxies). The same for the early
	 * poll and the REST routes.
	 */
	public static function client_ip(): string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$ip     = TrustedProxies::from_constants()->client( $remote, array_filter( $_SERVER, 'is_string' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only the named header is read, and only addresses that inet_pton() accepts come out.
		/**
		 * The IP address requests are counted under. The early poll asks before
		 * themes load, so a callback belongs in a must-use plugin: one in a theme
		 * or a normal plugin would miss the poll.
		 *
		 * @param string $ip     The client, as TrustedProxies found it.
		 * @param string $remote REMOTE_ADDR.
		 */
		return (string) apply_filters( 'appointease_client_ip', $ip, $remote );
	}

	/**
	 * Whether an admin asks. The early poll runs before WordPress loads its
	 * user functions (pluggable.php); nobody is logged in as far as it knows.
	 */
	private static function is_admin(): bool {
		return function_exists( 'wp_get_current_user' ) && current_user_can( Installer::CAPABILITY );
	}

	/**
	 * Counts a hit in a window and returns the count so far.
	 *
	 * @param string $bucket Kind and hashed IP (or booking) and window, at most 64 characters.
	 * @param int    $window Start of the window, unix time.
	 * @param int    $length Seconds the window lasts.
	 */
	private static function hit( string $bucket, int $window, int $length ): int {
		$redis = HoldStoreFactory::shared()->redis();
		if ( null !== $redis ) {
			try {
				$key   = HoldStoreFactory::shared()->prefix() . 'rate:' . $bucket;
				$count = RedisGuard::run( static fn() => $redis->multi()->incr( $key )->expire( $key, $length + 5 )->exec() );
				if ( is_array( $count ) ) {
					return (int) $count[0];
				}
			} catch ( StoreUnavailableException $unreachable ) {
				// Counted in the database below: a lost Redis must not open the gates.
				unset( $unreachable );
			}
		}
		global $wpdb;
		$table = Schema::table( 'rate_limits' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema; counters must not be cached.
		// Windows that ended go first, every time: the privacy text promises the
		// hashed addresses are kept about a minute, and the index makes it cheap.
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE expires_at <= %d", time() ) );
		$wpdb->query( $wpdb->prepare( "INSERT INTO `$table` (bucket, window_start, expires_at, hits) VALUES (%s, %d, %d, 1) ON DUPLICATE KEY UPDATE hits = hits + 1", $bucket, $window, $window + $length ) );
		$hits = (int) $wpdb->get_var( $wpdb->prepare( "SELECT hits FROM `$table` WHERE bucket = %s", $bucket ) );
		// phpcs:enable
		return $hits;
	}
}
