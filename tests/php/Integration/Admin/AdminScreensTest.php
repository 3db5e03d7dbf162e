<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Admin;

use AppointEase\Admin\AdminAssets;
use AppointEase\Admin\AdminScreens;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The AppointEase menu exists for users with `appointease_manage` only, a
 * linked employee gets a "My bookings" page instead, the script loads on
 * these pages only, and each page carries its screen's configuration for
 * the admin app.
 */
final class AdminScreensTest extends TestCase {

	/** Page hook suffixes WordPress derives from the menu slugs. */
	private const HOOKS = array(
		'dashboard' => 'toplevel_page_appointease',
		'bookings'  => 'appointease_page_appointease-bookings',
		'employees' => 'appointease_page_appointease-employees',
		'services'  => 'appointease_page_appointease-services',
		'settings'  => 'appointease_page_appointease-settings',
	);

	/** The hook suffix of the "My bookings" page, a top-level page of its own. */
	private const MY_BOOKINGS_HOOK = 'toplevel_page_appointease-my-bookings';

	/**
	 * The script and style registries as the tests found them, with what
	 * `init` registered (the booking block's scripts among them).
	 *
	 * @var array{0: \WP_Scripts, 1: \WP_Styles}
	 */
	private array $registries;

	protected function set_up(): void {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$this->registries = array( wp_scripts(), wp_styles() );
		$this->reset_admin_globals();
	}

	protected function tear_down(): void {
		$this->reset_admin_globals();
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- puts back what set_up() found, for the tests that follow.
		list( $GLOBALS['wp_scripts'], $GLOBALS['wp_styles'] ) = $this->registries;
		foreach ( array_merge( self::HOOKS, array( self::MY_BOOKINGS_HOOK ) ) as $hook ) {
			remove_all_actions( $hook );
		}
		remove_all_filters( 'wp_die_handler' );
		parent::tear_down();
	}

	public function test_an_administrator_gets_the_menu_with_its_five_pages_the_dashboard_first(): void {
		global $menu, $submenu;
		$this->log_in( 'administrator' );

		AdminScreens::add_menu();

		$top = $this->menu_entry( $menu );
		$this->assertSame( 'appointease_manage', $top[1], 'The menu needs the plugin\'s capability.' );
		$this->assertSame(
			array( 'appointease', 'appointease-bookings', 'appointease-employees', 'appointease-services', 'appointease-settings' ),
			array_column( $submenu['appointease'], 2 )
		);
		$this->assertSame( array( 'appointease_manage' ), array_values( array_unique( array_column( $submenu['appointease'], 1 ) ) ) );
		foreach ( self::HOOKS as $screen => $hook ) {
			$this->assertSame( $screen, AdminScreens::screen_of( $hook ) );
			$this->assertCount( 1, $GLOBALS['wp_filter'][ $hook ]->callbacks[10] ?? array(), "$hook renders the $screen screen once." );
		}
		$this->assertNull( AdminScreens::screen_of( self::MY_BOOKINGS_HOOK ), 'Managers see every booking already.' );
	}

	/**
	 * @dataProvider linked_roles
	 */
	public function test_a_linked_employee_gets_my_bookings_and_nothing_to_manage( string $role ): void {
		global $menu, $submenu;
		$fixtures = new Fixtures();
		$employee = $fixtures->employee( array( $fixtures->service()->id ) );
		( new EmployeeRepository() )->update( $employee->id, array( 'wp_user' => $this->log_in( $role ) ) );

		AdminScreens::add_menu();

		$this->assertSame( array( 'appointease-my-bookings' ), array_values( array_filter( array_column( (array) $menu, 2 ), static fn( $slug ): bool => str_starts_with( (string) $slug, 'appointease' ) ) ) );
		$this->assertArrayNotHasKey( 'appointease', (array) $submenu );
		$this->assertSame( 'my-bookings', AdminScreens::screen_of( self::MY_BOOKINGS_HOOK ) );
		$this->assertCount( 1, $GLOBALS['wp_filter'][ self::MY_BOOKINGS_HOOK ]->callbacks[10] ?? array() );
		foreach ( self::HOOKS as $hook ) {
			$this->assertNull( AdminScreens::screen_of( $hook ) );
		}
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function linked_roles(): array {
		return array(
			'employee role' => array( Installer::EMPLOYEE_ROLE ),
			'editor'        => array( 'editor' ),
		);
	}

	public function test_my_bookings_carries_the_employee_and_every_service_name(): void {
		$fixtures = new Fixtures();
		$offered  = $fixtures->service( array( 'name' => 'Haircut' ) );
		$retired  = $fixtures->service(
			array(
				'name'   => 'Retired massage',
				'active' => false,
			)
		);
		$employee = $fixtures->employee( array( $offered->id ), array( 'name' => 'Ana Silva' ) );
		( new EmployeeRepository() )->update( $employee->id, array( 'wp_user' => $this->log_in( Installer::EMPLOYEE_ROLE ) ) );

		$config = $this->rendered_config( 'my-bookings' );

		$this->assertSame( 'my-bookings', $config['screen'] );
		$this->assertSame( $employee->id, $config['employee']['id'] );
		$this->assertSame( 'Ana Silva', $config['employee']['name'] );
		$this->assertNotEmpty( $config['employee']['hours'], 'The calendar shows the working hours.' );
		$names = array_column( $config['services'], 'name', 'id' );
		$this->assertSame( 'Haircut', $names[ $offered->id ] ?? null );
		$this->assertSame( 'Retired massage', $names[ $retired->id ] ?? null, 'Old bookings name services no longer offered.' );
	}

	public function test_my_bookings_of_an_unlinked_employee_has_no_employee(): void {
		$this->log_in( Installer::EMPLOYEE_ROLE );

		AdminScreens::add_menu();
		$config = $this->rendered_config( 'my-bookings' );

		$this->assertSame( 'my-bookings', AdminScreens::screen_of( self::MY_BOOKINGS_HOOK ), 'The page explains that the account is not linked yet.' );
		$this->assertNull( $config['employee'] );
	}

	/**
	 * @dataProvider users_without_the_capability
	 */
	public function test_other_users_get_no_page( string $role ): void {
		global $menu, $submenu;
		$this->log_in( $role );

		AdminScreens::add_menu();

		// WordPress lists the top entry for everyone and hides it in wp-admin/includes/menu.php
		// from users who lack its capability; the pages themselves are not registered at all.
		$this->assertFalse( current_user_can( $this->menu_entry( $menu )[1] ) );
		$this->assertArrayNotHasKey( 'appointease', (array) $submenu );
		foreach ( self::HOOKS as $hook ) {
			$this->assertFalse( has_action( $hook ), "$hook must print nothing for a $role." );
			$this->assertNull( AdminScreens::screen_of( $hook ) );
		}
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function users_without_the_capability(): array {
		return array(
			'editor'     => array( 'editor' ),
			'subscriber' => array( 'subscriber' ),
		);
	}

	public function test_the_script_loads_on_the_plugin_pages_with_its_dependencies_and_translations(): void {
		$this->assertTrue( AdminAssets::is_built(), 'Run `npm run build` first: build/admin/ is missing.' );
		$this->log_in( 'administrator' );
		AdminScreens::add_menu();

		AdminAssets::enqueue( self::HOOKS['employees'] );

		$this->assertTrue( wp_script_is( AdminAssets::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ AdminAssets::HANDLE ];
		// JSX compiles to the automatic runtime: WordPress 6.6+ registers its handle.
		foreach ( array( 'react-jsx-runtime', 'wp-api-fetch', 'wp-components', 'wp-element', 'wp-i18n' ) as $dependency ) {
			$this->assertContains( $dependency, $script->deps );
			$this->assertArrayHasKey( $dependency, wp_scripts()->registered, "WordPress has no $dependency script." );
		}
		$this->assertSame( 'appointease', $script->textdomain );
		$this->assertStringEndsWith( 'build/admin/index.js', (string) $script->src );
		$this->assertTrue( wp_style_is( AdminAssets::HANDLE, 'enqueued' ) );
		$this->assertContains( 'wp-components', wp_styles()->registered[ AdminAssets::HANDLE ]->deps );
		$this->assertSame( 'replace', wp_styles()->get_data( AdminAssets::HANDLE, 'rtl' ) );
		$this->assertFileExists( APPOINTEASE_DIR . 'build/admin/index-rtl.css' );

		// The dashboard loads its own entry point, with Chart.js, instead.
		wp_dequeue_script( AdminAssets::HANDLE );
		wp_deregister_script( AdminAssets::HANDLE );
		wp_dequeue_style( AdminAssets::HANDLE );
		wp_deregister_style( AdminAssets::HANDLE );
		AdminAssets::enqueue( self::HOOKS['dashboard'] );
		$this->assertStringEndsWith( 'build/admin/dashboard.js', (string) wp_scripts()->registered[ AdminAssets::HANDLE ]->src );
		$this->assertStringEndsWith( 'build/admin/dashboard.css', (string) wp_styles()->registered[ AdminAssets::HANDLE ]->src );
	}

	public function test_the_script_stays_off_other_admin_pages(): void {
		$this->log_in( 'administrator' );
		AdminScreens::add_menu();

		foreach ( array( 'index.php', 'edit.php', 'settings_page_other', 'toplevel_page_other' ) as $hook ) {
			AdminAssets::enqueue( $hook );
		}

		$this->assertFalse( wp_script_is( AdminAssets::HANDLE, 'enqueued' ) );
		$this->assertFalse( wp_style_is( AdminAssets::HANDLE, 'enqueued' ) );
	}

	public function test_each_page_carries_its_screen_configuration(): void {
		$this->log_in( 'administrator' );

		$settings  = $this->rendered_config( 'settings' );
		$employees = $this->rendered_config( 'employees' );
		$bookings  = $this->rendered_config( 'bookings' );

		$this->assertSame( 'settings', $settings['screen'] );
		// The test site has Redis configured; the page shows what Site Health shows.
		$this->assertSame( 'redis', $settings['holdStore']['store'] );
		$this->assertTrue( $settings['holdStore']['reachable'] );
		$this->assertArrayNotHasKey( 'timezones', $settings );

		$this->assertSame( 'employees', $employees['screen'] );
		$this->assertContains( 'Europe/Berlin', $employees['timezones'] );
		$this->assertTrue( $employees['canListUsers'] );
		$this->assertArrayNotHasKey( 'holdStore', $employees );

		$this->assertSame( 'bookings', $bookings['screen'] );
		$this->assertSame( wp_date( 'Y-m-d' ), $bookings['today'] );
		$this->assertArrayNotHasKey( 'currency', $bookings );

		\AppointEase\Settings\Settings::update( array( 'currency' => 'GBP' ) );
		$services = $this->rendered_config( 'services' );
		$this->assertSame( 'GBP', $services['currency'], 'The services list shows prices as visitors see them.' );
		$dashboard = $this->rendered_config( 'dashboard' );
		$this->assertSame( 'dashboard', $dashboard['screen'] );
		$this->assertSame( 'GBP', $dashboard['currency'], 'The revenue chart shows money as the services list does.' );
		$this->assertSame( 'en-US', $services['locale'] );
	}

	/**
	 * @dataProvider pages_and_strangers
	 */
	public function test_a_user_without_the_capability_gets_no_page( string $screen, string $role ): void {
		$this->log_in( $role );
		add_filter(
			'wp_die_handler',
			static fn() => static function ( $message, $title, $args ): void {
				throw new \RuntimeException( 'wp_die: ' . (int) $args['response'] );
			},
			10,
			0
		);

		ob_start();
		try {
			AdminScreens::render( $screen );
			$this->fail( "The $screen page rendered for a $role." );
		} catch ( \RuntimeException $died ) {
			$this->assertSame( 'wp_die: 403', $died->getMessage() );
		} finally {
			$output = (string) ob_get_clean();
		}
		$this->assertStringNotContainsString( 'data-appointease-admin', $output );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function pages_and_strangers(): array {
		return array(
			'settings, editor'        => array( 'settings', 'editor' ),
			'my bookings, subscriber' => array( 'my-bookings', 'subscriber' ),
		);
	}

	/**
	 * The configuration JSON of one rendered page.
	 *
	 * @param string $screen A screen name.
	 * @return array<string, mixed>
	 */
	private function rendered_config( string $screen ): array {
		ob_start();
		AdminScreens::render( $screen );
		$html = (string) ob_get_clean();

		$this->assertSame( 1, preg_match( '/<div id="appointease-admin" data-appointease-admin="([^"]*)">/', $html, $match ), $html );
		$config = json_decode( html_entity_decode( $match[1] ?? '', ENT_QUOTES ), true );
		$this->assertIsArray( $config );
		return $config;
	}

	/**
	 * The AppointEase entry of the top-level menu.
	 *
	 * @param mixed $menu WordPress's $menu.
	 * @return array<int, mixed>
	 */
	private function menu_entry( $menu ): array {
		foreach ( (array) $menu as $entry ) {
			if ( 'appointease' === $entry[2] ) {
				return $entry;
			}
		}
		$this->fail( 'No AppointEase entry in the admin menu.' );
	}

	/**
	 * Makes a user with a role and logs them in.
	 *
	 * @param string $role A role.
	 * @return int The user's id.
	 */
	private function log_in( string $role ): int {
		$id = wp_insert_user(
			array(
				'user_login' => 'adminui_' . $role . '_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => 'adminui_' . $role . '_' . wp_generate_password( 6, false ) . '@example.com',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Empties the menus and the script queues that these tests fill.
	 */
	private function reset_admin_globals(): void {
		// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- wp-admin's menu globals, rebuilt per test.
		$GLOBALS['menu']               = array();
		$GLOBALS['submenu']            = array();
		$GLOBALS['_wp_submenu_nopriv'] = array();
		$GLOBALS['admin_page_hooks']   = array();
		$GLOBALS['_registered_pages']  = array();
		$GLOBALS['_parent_pages']      = array();
		$GLOBALS['wp_scripts']         = null;
		$GLOBALS['wp_styles']          = null;
		// phpcs:enable
	}
}
