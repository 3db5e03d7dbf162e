<?php
/**
 * `wp appointease services`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Catalog\ServiceRepository;
use AppointEase\Rest\ServicesController;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, adds and changes services.
 */
final class ServicesCommand {

	/** Options that map one to one onto the REST fields. */
	private const FIELDS = array( 'name', 'description', 'duration', 'buffer_before', 'buffer_after', 'capacity', 'price', 'active' );

	/**
	 * Lists the services, active or not.
	 *
	 * ## OPTIONS
	 *
	 * [--fields=<fields>]
	 * : Columns to show: id, name, description, duration, buffer_before, buffer_after, capacity, price, active.
	 * ---
	 * default: id,name,duration,buffer_before,buffer_after,capacity,price,active
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # Every service.
	 *     $ wp appointease services list
	 *
	 *     # The ids of all services, for a script.
	 *     $ wp appointease services list --format=ids
	 *     1 2 3 4
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$rows = array();
		foreach ( ( new ServiceRepository() )->all( false ) as $service ) {
			$row           = $service->to_array();
			$row['active'] = $row['active'] ? 'true' : 'false';
			$rows[]        = $row;
		}
		( new Formatter( $assoc_args, null, 'service' ) )->display_items( $rows );
	}

	/**
	 * Adds a service.
	 *
	 * Durations and buffers are minutes, multiples of 5.
	 *
	 * ## OPTIONS
	 *
	 * --name=<name>
	 * : Name shown to visitors.
	 *
	 * --duration=<minutes>
	 * : Minutes the service takes (5 to 1440, a multiple of 5).
	 *
	 * [--description=<text>]
	 * : Shown to visitors under the name.
	 *
	 * [--buffer_before=<minutes>]
	 * : Minutes kept free before.
	 *
	 * [--buffer_after=<minutes>]
	 * : Minutes kept free after.
	 *
	 * [--capacity=<seats>]
	 * : Seats per session: 1 for one-to-one, more for a class.
	 *
	 * [--price=<price>]
	 * : Price shown to visitors, such as 35.00; "none" for no price.
	 *
	 * [--active=<active>]
	 * : Whether visitors can book it.
	 * ---
	 * default: true
	 * options:
	 *   - true
	 *   - false
	 * ---
	 *
	 * [--porcelain]
	 * : Print only the new service's id.
	 *
	 * ## EXAMPLES
	 *
	 *     # A 45-minute treatment with 15 minutes to clean up afterwards.
	 *     $ wp appointease services create --name="Massage" --duration=45 --buffer_after=15 --price=60.00
	 *     Success: Added service 5.
	 *
	 *     # A class of twelve.
	 *     $ wp appointease services create --name="Pilates" --duration=60 --capacity=12 --porcelain
	 *     6
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function create( array $args, array $assoc_args ): void {
		try {
			$service = ControllerCall::create( self::controller(), self::fields( $assoc_args ) );
		} catch ( \InvalidArgumentException $refused ) {
			WP_CLI::error( $refused->getMessage() );
			return;
		}
		if ( WP_CLI\Utils\get_flag_value( $assoc_args, 'porcelain', false ) ) {
			WP_CLI::line( (string) $service['id'] );
			return;
		}
		WP_CLI::success( sprintf( 'Added service %d.', $service['id'] ) );
	}

	/**
	 * Changes a service.
	 *
	 * Options not given keep their values. Bookings already made keep the
	 * times they were booked for.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The service's id.
	 *
	 * [--name=<name>]
	 * : Name shown to visitors.
	 *
	 * [--duration=<minutes>]
	 * : Minutes the service takes.
	 *
	 * [--description=<text>]
	 * : Shown to visitors under the name.
	 *
	 * [--buffer_before=<minutes>]
	 * : Minutes kept free before.
	 *
	 * [--buffer_after=<minutes>]
	 * : Minutes kept free after.
	 *
	 * [--capacity=<seats>]
	 * : Seats per session.
	 *
	 * [--price=<price>]
	 * : Price shown to visitors, or "none".
	 *
	 * [--active=<active>]
	 * : Whether visitors can book it.
	 * ---
	 * options:
	 *   - true
	 *   - false
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # Raise a price.
	 *     $ wp appointease services update 5 --price=65.00
	 *     Success: Changed service 5.
	 *
	 *     # Stop offering a service that has bookings (it cannot be deleted).
	 *     $ wp appointease services update 5 --active=false
	 *     Success: Changed service 5.
	 *
	 * @param string[]             $args       The id.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function update( array $args, array $assoc_args ): void {
		$id = (string) ( $args[0] ?? '' );
		if ( ! ctype_digit( $id ) || 0 === (int) $id ) {
			WP_CLI::error( "\"$id\" is not a service id." );
			return;
		}
		$fields = self::fields( $assoc_args );
		if ( array() === $fields ) {
			WP_CLI::error( 'Nothing to change: give at least one option.' );
			return;
		}
		try {
			ControllerCall::update( self::controller(), (int) $id, $fields );
		} catch ( \InvalidArgumentException $refused ) {
			WP_CLI::error( $refused->getMessage() );
			return;
		}
		WP_CLI::success( sprintf( 'Changed service %d.', $id ) );
	}

	/**
	 * The REST fields from the options given.
	 *
	 * @param array<string, mixed> $options Named arguments.
	 * @return array<string, mixed>
	 */
	private static function fields( array $options ): array {
		$fields = array_intersect_key( $options, array_flip( self::FIELDS ) );
		if ( isset( $fields['price'] ) && 'none' === $fields['price'] ) {
			$fields['price'] = null;
		}
		return $fields;
	}

	/**
	 * The REST controller whose rules apply.
	 */
	private static function controller(): ServicesController {
		return new ServicesController( new ServiceRepository() );
	}
}
