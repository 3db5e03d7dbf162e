<?php
/**
 * The AppointEase menu in wp-admin and the pages its screens mount into.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

use AppointEase\Access\EmployeeAccess;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Translations;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the "AppointEase" menu (Dashboard, Bookings, Employees, Services, Settings) for
 * users with `appointease_manage`, and a read-only "My bookings" page for
 * employees (`appointease_view_own_bookings`) who do not manage. Each page
 * renders one element that the admin app (src/admin/) mounts into, with the
 * screen's configuration in a data attribute.
 */
final class AdminScreens {

	/** The top-level menu's slug, which is also the Dashboard page's. */
	public const MENU_SLUG = 'appointease';

	/** The id of the element the app mounts into. */
	public const ROOT_ID = 'appointease-admin';

	/** Screen name => page slug. */
	public const PAGES = array(
		'dashboard'   => self::MENU_SLUG,
		'bookings'    => 'appointease-bookings',
		'employees'   => 'appointease-employees',
		'services'    => 'appointease-services',
		'settings'    => 'appointease-settings',
		'my-bookings' => 'appointease-my-bookings',
	);

	/**
	 * Page hook suffix => screen name, filled when the menu is added.
	 *
	 * @var array<string, string>
	 */
	private static array $page_hooks = array();

	/**
	 * Adds the hooks.
	 */
	public static function register(): void {
		add_action( 'admin_menu', array( self::class, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( AdminAssets::class, 'enqueue' ) );
		add_action( 'admin_page_access_denied', array( self::class, 'redirect_employee_to_own_booking' ) );
		BookingsExport::register();
	}

	/**
	 * The address of a booking's view on the Bookings screen, as staff emails
	 * link it (`{admin_link}`).
	 *
	 * @param int $booking_id The booking.
	 */
	public static function booking_url( int $booking_id ): string {
		return add_query_arg(
			array(
				'page'    => self::PAGES['bookings'],
				'booking' => $booking_id,
			),
			admin_url( 'admin.php' )
		);
	}

	/**
	 * Sends an employee who opens a booking's link from a staff email (made
	 * for the Bookings screen, which they may not see) to the same booking on
	 * My bookings. Hooked to `admin_page_access_denied`, so it runs only when
	 * WordPress is about to refuse the page.
	 */
	public static function redirect_employee_to_own_booking(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a link to read a page; nothing is changed.
		$page    = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : '';
		$booking = isset( $_GET['booking'] ) ? absint( $_GET['booking'] ) : 0; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- as above.
		if ( self::PAGES['bookings'] !== $page || 0 === $booking || ! current_user_can( Installer::VIEW_OWN_CAPABILITY ) ) {
			return;
		}
		wp_safe_redirect(
			add_query_arg(
				array(
					'page'    => self::PAGES['my-bookings'],
					'booking' => $booking,
				),
				admin_url( 'admin.php' )
			)
		);
		exit;
	}

	/**
	 * Adds the menu and its pages; hooked to `admin_menu`.
	 */
	public static function add_menu(): void {
		self::$page_hooks = array();

		// Managers see every booking on the Bookings screen already.
		if ( ! current_user_can( Installer::CAPABILITY ) && current_user_can( Installer::VIEW_OWN_CAPABILITY ) ) {
			$hook                      = add_menu_page( self::title( 'my-bookings' ), self::title( 'my-bookings' ), Installer::VIEW_OWN_CAPABILITY, self::PAGES['my-bookings'], self::renderer( 'my-bookings' ), 'dashicons-calendar-alt', 26 );
			self::$page_hooks[ $hook ] = 'my-bookings';
			return;
		}

		$top = add_menu_page(
			__( 'AppointEase', 'appointease' ),
			__( 'AppointEase', 'appointease' ),
			Installer::CAPABILITY,
			self::MENU_SLUG,
			self::renderer( 'dashboard' ),
			'dashicons-calendar-alt',
			26
		);

		// WordPress returns the top page's hook for everyone; it hooks the page only for those allowed.
		if ( current_user_can( Installer::CAPABILITY ) ) {
			self::$page_hooks[ $top ] = 'dashboard';
		}

		foreach ( array( 'dashboard', 'bookings', 'employees', 'services', 'settings' ) as $screen ) {
			$title = self::title( $screen );
			// The Dashboard entry is the top-level page itself, which renders already.
			$is_top = self::MENU_SLUG === self::PAGES[ $screen ];
			$hook   = add_submenu_page( self::MENU_SLUG, $title, $title, Installer::CAPABILITY, self::PAGES[ $screen ], $is_top ? '' : self::renderer( $screen ) );
			if ( is_string( $hook ) && ! $is_top ) {
				self::$page_hooks[ $hook ] = $screen;
			}
		}
	}

	/**
	 * The callback that prints one screen's page.
	 *
	 * @param string $screen A key of self::PAGES.
	 */
	private static function renderer( string $screen ): callable {
		return static function () use ( $screen ): void {
			self::render( $screen );
		};
	}

	/**
	 * The screen a page hook suffix belongs to, or null for other pages.
	 *
	 * @param string $hook_suffix What `admin_enqueue_scripts` passes.
	 */
	public static function screen_of( string $hook_suffix ): ?string {
		return self::$page_hooks[ $hook_suffix ] ?? null;
	}

	/**
	 * Prints one screen's page: its heading and the element the app mounts into.
	 *
	 * @param string $screen A key of self::PAGES.
	 */
	public static function render( string $screen ): void {
		if ( ! isset( self::PAGES[ $screen ] ) || ! current_user_can( self::capability( $screen ) ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'appointease' ), 403 );
		}
		echo '<div class="wrap appointease-admin">';
		printf( '<h1>%s</h1>', esc_html( self::title( $screen ) ) );
		if ( ! AdminAssets::is_built() ) {
			printf(
				'<div class="notice notice-error"><p>%s</p></div></div>',
				esc_html__( 'The AppointEase admin screens have not been built. Install the plugin from its release zip, or run "npm run build" in the plugin folder.', 'appointease' )
			);
			return;
		}
		printf(
			'<div id="%1$s" data-appointease-admin="%2$s"><p class="hide-if-no-js">%3$s</p><p class="hide-if-js">%4$s</p></div>',
			esc_attr( self::ROOT_ID ),
			esc_attr( (string) wp_json_encode( self::config( $screen ) ) ),
			esc_html__( 'Loading…', 'appointease' ),
			esc_html__( 'This screen needs JavaScript. Please turn it on in your browser.', 'appointease' )
		);
		echo '</div>';
	}

	/**
	 * What the app needs from the server on one screen.
	 *
	 * @param string $screen A key of self::PAGES.
	 * @return array<string, mixed>
	 */
	public static function config( string $screen ): array {
		$config = array(
			'screen'       => $screen,
			'today'        => wp_date( 'Y-m-d' ),
			'canListUsers' => current_user_can( 'list_users' ),
		);
		if ( 'services' === $screen || 'dashboard' === $screen ) {
			$config['currency'] = Settings::text( 'currency' );
			$config['locale']   = Translations::language_tag();
		}
		if ( 'employees' === $screen ) {
			$config['timezones'] = timezone_identifiers_list();
		}
		if ( 'settings' === $screen ) {
			// No REST route reports the store; Site Health reads it the same way.
			$config['holdStore'] = HoldStoreFactory::shared()->status();
		}
		if ( 'my-bookings' === $screen ) {
			$config          += self::own_calendar();
			$config['userId'] = get_current_user_id();
		}
		if ( 'bookings' === $screen ) {
			$config['exportUrl']    = BookingsExport::url();
			$config['userId']       = get_current_user_id();
			$config['siteTimezone'] = wp_timezone_string();
		}
		return $config;
	}

	/**
	 * What the "My bookings" screen shows besides the bookings, which the
	 * employee reads through REST: their own record (hours and days off for
	 * the calendar), or null when the account is not linked, and the names
	 * of all services, inactive ones too, since old bookings name them and
	 * the public services route lists only active ones.
	 *
	 * @return array{employee: array<string, mixed>|null, services: list<array{id: int, name: string}>}
	 */
	private static function own_calendar(): array {
		$id       = EmployeeAccess::employee_id( get_current_user_id() );
		$employee = null === $id ? null : ( new EmployeeRepository() )->find( $id );
		$services = array();
		foreach ( ( new ServiceRepository() )->all( false ) as $service ) {
			$services[] = array(
				'id'   => $service->id,
				'name' => $service->name,
			);
		}
		return array(
			'employee' => $employee?->to_array(),
			'services' => $services,
		);
	}

	/**
	 * The capability a screen needs.
	 *
	 * @param string $screen A key of self::PAGES.
	 */
	private static function capability( string $screen ): string {
		return 'my-bookings' === $screen ? Installer::VIEW_OWN_CAPABILITY : Installer::CAPABILITY;
	}

	/**
	 * A screen's page title.
	 *
	 * @param string $screen A key of self::PAGES.
	 */
	private static function title( string $screen ): string {
		$titles = array(
			'dashboard'   => __( 'Dashboard', 'appointease' ),
			'bookings'    => __( 'Bookings', 'appointease' ),
			'employees'   => __( 'Employees', 'appointease' ),
			'services'    => __( 'Services', 'appointease' ),
			'settings'    => __( 'Settings', 'appointease' ),
			'my-bookings' => __( 'My bookings', 'appointease' ),
		);
		return $titles[ $screen ];
	}
}
