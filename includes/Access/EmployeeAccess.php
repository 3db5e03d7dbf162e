<?php
/**
 * Which bookings an employee's WordPress user may read.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Access;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Infrastructure\Installer;

defined( 'ABSPATH' ) || exit;

/**
 * A WordPress user linked to an employee (employees.wp_user_id) reads that
 * employee's bookings and nobody else's. Linking is enough: such a user gets
 * the capability `appointease_view_own_bookings` while the link lasts, whatever
 * their role, so an editor who also gives appointments keeps being an editor.
 * The `appointease_employee` role carries the same capability for staff logins
 * made for nothing else; without a link it still shows no booking.
 */
final class EmployeeAccess {

	/**
	 * Hooks the capability grant in.
	 */
	public static function register(): void {
		add_filter( 'user_has_cap', array( self::class, 'grant_to_linked_users' ), 10, 4 );
	}

	/**
	 * Gives a linked user the capability to read their own bookings. Only a
	 * check of that capability costs a query; every other check returns at once.
	 * Hooked to `user_has_cap`.
	 *
	 * @param array<string, bool> $allcaps What the user has.
	 * @param string[]            $caps    The primitive capabilities being checked.
	 * @param array<int, mixed>   $args    The original check's arguments.
	 * @param \WP_User            $user    The user.
	 * @return array<string, bool>
	 */
	public static function grant_to_linked_users( $allcaps, $caps, $args, $user ) {
		if ( ! in_array( Installer::VIEW_OWN_CAPABILITY, (array) $caps, true ) || ! empty( $allcaps[ Installer::VIEW_OWN_CAPABILITY ] ) ) {
			return $allcaps;
		}
		if ( $user instanceof \WP_User && $user->ID > 0 && null !== self::employee_id( $user->ID ) ) {
			$allcaps[ Installer::VIEW_OWN_CAPABILITY ] = true;
		}
		return $allcaps;
	}

	/**
	 * The employee a user is linked to, or null. Should one user be linked to
	 * several employees, the first one counts.
	 *
	 * @param int $user_id A WordPress user id.
	 */
	public static function employee_id( int $user_id ): ?int {
		if ( $user_id <= 0 ) {
			return null;
		}
		return ( new EmployeeRepository() )->find_by_user( $user_id )?->id;
	}
}
