<?php
/**
 * `wp appointease employees`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Rest\EmployeesController;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, adds and changes employees.
 *
 * An employee has a name, an email, an optional WordPress user, the services
 * they give, weekly hours and days off.
 */
final class EmployeesCommand {

	/**
	 * Lists the employees, active or not.
	 *
	 * ## OPTIONS
	 *
	 * [--fields=<fields>]
	 * : Columns to show: id, name, email, wp_user, timezone, active, services, hours, days_off.
	 * ---
	 * default: id,name,email,wp_user,active,services
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
	 *     # Everyone, as a table.
	 *     $ wp appointease employees list
	 *
	 *     # Names and weekly hours as JSON.
	 *     $ wp appointease employees list --fields=id,name,hours --format=json
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$rows = array();
		foreach ( ( new EmployeeRepository() )->all( false ) as $employee ) {
			$rows[] = self::row( $employee->to_array() );
		}
		( new Formatter( $assoc_args, null, 'employee' ) )->display_items( $rows );
	}

	/**
	 * Adds an employee.
	 *
	 * ## OPTIONS
	 *
	 * --name=<name>
	 * : Name shown to visitors.
	 *
	 * [--email=<email>]
	 * : Where their booking emails go; never shown to visitors.
	 *
	 * [--wp_user=<user>]
	 * : A WordPress user (id, login or email) to link: they then see their own bookings.
	 *
	 * [--timezone=<timezone>]
	 * : Their own timezone, such as Europe/Lisbon; empty for the site's.
	 *
	 * [--services=<ids>]
	 * : Comma-separated ids of the services they give.
	 *
	 * [--hours=<json>]
	 * : Weekly hours as a JSON list of {weekday, start, end}; weekday 1 is Monday; two ranges on one day make a break.
	 *
	 * [--days_off=<json>]
	 * : Days off as a JSON list of {start, end, reason}, local dates, both ends included.
	 *
	 * [--active=<active>]
	 * : Whether visitors can book them.
	 * ---
	 * default: true
	 * options:
	 *   - true
	 *   - false
	 * ---
	 *
	 * [--porcelain]
	 * : Print only the new employee's id.
	 *
	 * ## EXAMPLES
	 *
	 *     # Mornings Monday to Friday, with a break on Wednesdays.
	 *     $ wp appointease employees create --name="Dana Diaz" --email=dana@example.com --services=1,2 \
	 *         --hours='[{"weekday":1,"start":"09:00","end":"13:00"},{"weekday":3,"start":"09:00","end":"11:00"},{"weekday":3,"start":"11:30","end":"13:00"}]'
	 *     Success: Added employee 4.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function create( array $args, array $assoc_args ): void {
		$fields = self::fields( $assoc_args );
		try {
			$employee = ControllerCall::create( self::controller(), $fields );
		} catch ( \InvalidArgumentException $refused ) {
			WP_CLI::error( $refused->getMessage() );
			return;
		}
		if ( WP_CLI\Utils\get_flag_value( $assoc_args, 'porcelain', false ) ) {
			WP_CLI::line( (string) $employee['id'] );
			return;
		}
		WP_CLI::success( sprintf( 'Added employee %d.', $employee['id'] ) );
	}

	/**
	 * Changes an employee.
	 *
	 * Options not given keep their values; a list that is given (services,
	 * hours, days off) replaces the stored one.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The employee's id.
	 *
	 * [--name=<name>]
	 * : Name shown to visitors.
	 *
	 * [--email=<email>]
	 * : Where their booking emails go.
	 *
	 * [--wp_user=<user>]
	 * : A WordPress user (id, login or email) to link, or "none" to unlink.
	 *
	 * [--timezone=<timezone>]
	 * : Their own timezone, or empty for the site's.
	 *
	 * [--services=<ids>]
	 * : Comma-separated ids of the services they give.
	 *
	 * [--hours=<json>]
	 * : Weekly hours as a JSON list of {weekday, start, end}.
	 *
	 * [--days_off=<json>]
	 * : Days off as a JSON list of {start, end, reason}.
	 *
	 * [--active=<active>]
	 * : Whether visitors can book them.
	 * ---
	 * options:
	 *   - true
	 *   - false
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # Link a WordPress user and take a week off.
	 *     $ wp appointease employees update 4 --wp_user=dana --days_off='[{"start":"2026-08-03","end":"2026-08-09","reason":"Holiday"}]'
	 *     Success: Changed employee 4.
	 *
	 *     # Stop taking bookings for someone, keeping their past ones.
	 *     $ wp appointease employees update 4 --active=false
	 *     Success: Changed employee 4.
	 *
	 * @param string[]             $args       The id.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function update( array $args, array $assoc_args ): void {
		$fields = self::fields( $assoc_args );
		if ( array() === $fields ) {
			WP_CLI::error( 'Nothing to change: give at least one option.' );
			return;
		}
		try {
			ControllerCall::update( self::controller(), self::id( $args[0] ?? '' ), $fields );
		} catch ( \InvalidArgumentException $refused ) {
			WP_CLI::error( $refused->getMessage() );
			return;
		}
		WP_CLI::success( sprintf( 'Changed employee %d.', self::id( $args[0] ?? '' ) ) );
	}

	/**
	 * The REST fields from the options given.
	 *
	 * @param array<string, mixed> $options Named arguments.
	 * @return array<string, mixed>
	 */
	private static function fields( array $options ): array {
		$fields = array();
		foreach ( array( 'name', 'email', 'timezone', 'services', 'active' ) as $key ) {
			if ( isset( $options[ $key ] ) ) {
				$fields[ $key ] = $options[ $key ];
			}
		}
		foreach ( array( 'hours', 'days_off' ) as $key ) {
			if ( isset( $options[ $key ] ) ) {
				$list = json_decode( (string) $options[ $key ], true );
				if ( ! is_array( $list ) ) {
					WP_CLI::error( "--$key must be a JSON list, such as " . ( 'hours' === $key ? '[{"weekday":1,"start":"09:00","end":"17:00"}]' : '[{"start":"2026-12-24","end":"2026-12-26","reason":"Holidays"}]' ) . '.' );
				}
				$fields[ $key ] = $list;
			}
		}
		if ( isset( $options['wp_user'] ) ) {
			$fields['wp_user'] = self::user( (string) $options['wp_user'] );
		}
		return $fields;
	}

	/**
	 * A user's id from an id, login or email; null for "none".
	 *
	 * @param string $user What was given.
	 */
	private static function user( string $user ): ?int {
		if ( 'none' === $user ) {
			return null;
		}
		$found = ctype_digit( $user ) ? get_user_by( 'id', (int) $user ) : ( get_user_by( 'login', $user ) ?: get_user_by( 'email', $user ) ); // phpcs:ignore Universal.Operators.DisallowShortTernary.Found,WordPress.PHP.DisallowShortTernary.Found -- either lookup may find them.
		if ( ! $found instanceof \WP_User ) {
			WP_CLI::error( "There is no WordPress user $user." );
			return null;
		}
		return $found->ID;
	}

	/**
	 * A positive id from the command line.
	 *
	 * @param string $id What was given.
	 */
	private static function id( string $id ): int {
		if ( ! ctype_digit( $id ) || 0 === (int) $id ) {
			WP_CLI::error( "\"$id\" is not an employee id." );
		}
		return (int) $id;
	}

	/**
	 * An employee as a row of scalars: lists as JSON.
	 *
	 * @param array<string, mixed> $employee Employee::to_array().
	 * @return array<string, mixed>
	 */
	private static function row( array $employee ): array {
		$employee['services'] = implode( ',', $employee['services'] );
		$employee['active']   = $employee['active'] ? 'true' : 'false';
		$employee['hours']    = (string) wp_json_encode( $employee['hours'] );
		$employee['days_off'] = (string) wp_json_encode( $employee['days_off'] );
		return $employee;
	}

	/**
	 * The REST controller whose rules apply.
	 */
	private static function controller(): EmployeesController {
		return new EmployeesController( new EmployeeRepository(), new ServiceRepository() );
	}
}
