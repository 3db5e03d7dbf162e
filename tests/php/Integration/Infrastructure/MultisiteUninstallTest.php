<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Infrastructure;

use AppointEase\Infrastructure\Schema;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Issue 14: on a network, uninstalling stopped after 100 sites, because
 * get_sites() returns 100 unless told otherwise. Here a real network of 101
 * sites is built in a database of its own (the test site's, plus "ms"):
 * WordPress is installed, converted to a network as `wp core
 * multisite-convert` does, and given 100 more sites through wp_insert_site(),
 * each with the plugin installed by its own installer. Then WordPress's
 * uninstall_plugin() runs the real uninstall.php, and every site is checked.
 *
 * Each step is a PHP process of its own (Support/multisite-network.php):
 * whether WordPress runs as a network is fixed when it loads, and this
 * process runs the single test site. About half a minute, most of it
 * MariaDB making and dropping some 1,400 tables.
 */
final class MultisiteUninstallTest extends TestCase {

	/** Sites in the network: one more than get_sites() returns by default. */
	private const SITES = 101;

	/** Processes that add the sites side by side. */
	private const WORKERS = 4;

	/** The network's database. */
	private string $database = '';

	protected function set_up(): void {
		parent::set_up();
		$this->database = self::network_database();
		$this->drop_database();
		global $wpdb;
		$wpdb->query( "CREATE DATABASE `{$this->database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a throwaway database named from the test database's name.
	}

	protected function tear_down(): void {
		$this->drop_database();
		parent::tear_down();
	}

	public function test_uninstall_on_a_network_of_more_than_100_sites_removes_the_plugin_from_every_site(): void {
		$this->run_step( array( dirname( __DIR__, 4 ) . '/bin/php/install-site.php', APPOINTEASE_TESTS_WP_DIR, APPOINTEASE_TESTS_SITE_URL, 'admin', 'password', 'admin@example.com', '--tests' ), '/activated/' );
		$this->run_step( $this->step( 'convert' ) );
		$workers = array();
		for ( $worker = 0; $worker < self::WORKERS; $worker++ ) {
			$workers[] = $this->start( $this->step( 'populate', (string) self::SITES, (string) $worker, (string) self::WORKERS ) );
		}
		foreach ( $workers as $process ) {
			$this->finish( $process, '/^ok/' );
		}
		$this->run_step( $this->step( 'finish' ), '/^ok ' . self::SITES . ' sites$/' );

		$sites = $this->site_ids();
		$this->assertCount( self::SITES, $sites, 'A network of more than 100 sites.' );
		$this->assertSame( self::SITES * count( Schema::TABLES ), $this->plugin_tables(), 'Before: every site has every table of the plugin.' );
		foreach ( $sites as $site ) {
			$this->assertNotSame( array(), $this->plugin_options( $site ), "Before: site $site has the plugin's options." );
		}

		$this->run_step( $this->step( 'uninstall' ) );

		$this->assertSame( 0, $this->plugin_tables(), 'No table of the plugin is left on any site.' );
		foreach ( $sites as $site ) {
			$this->assertSame( array(), $this->plugin_options( $site ), "Site $site keeps none of the plugin's options." );
			$this->assertStringNotContainsString( 'appointease_', (string) $this->option( $site, 'cron' ), "Site $site keeps none of the plugin's cron events." );
			$this->assertStringNotContainsString( 'appointease_', (string) $this->option( $site, ( 1 === $site ? 'wp_' : "wp_{$site}_" ) . 'user_roles' ), "Site $site keeps neither the plugin's role nor its capabilities." );
			$this->assertNotNull( $this->option( $site, 'siteurl' ), "Site $site keeps its own options." );
		}
	}

	/**
	 * The network's database: the test database's name with "ms" added to
	 * its suffix, which wp-config.php accepts from APPOINTEASE_TEST_DB.
	 */
	private static function network_database(): string {
		$config = (string) file_get_contents( APPOINTEASE_TESTS_WP_DIR . '/wp-config.php' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		preg_match( "/appointease_test_database\\( '([^']+)' \\)/", $config, $match );
		$default = $match[1] ?? 'appointease_tests';
		$current = (string) constant( 'DB_NAME' );
		$suffix  = $current === $default ? '' : substr( $current, strlen( $default ) + 1 );
		return $default . '_' . substr( $suffix, 0, 14 ) . 'ms';
	}

	/**
	 * Drops the network's database, if there is one.
	 */
	private function drop_database(): void {
		global $wpdb;
		$wpdb->query( "DROP DATABASE IF EXISTS `{$this->database}`" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the throwaway database named above.
	}

	/**
	 * The command line of one step of Support/multisite-network.php.
	 *
	 * @param string ...$args The step and its arguments.
	 * @return string[]
	 */
	private function step( string ...$args ): array {
		return array_merge( array( dirname( __DIR__ ) . '/Support/multisite-network.php', APPOINTEASE_TESTS_WP_DIR ), $args );
	}

	/**
	 * Runs a PHP script on the network's database and checks what it printed.
	 *
	 * @param string[] $args    Script and arguments.
	 * @param string   $success What its output must match.
	 */
	private function run_step( array $args, string $success = '/^ok/' ): void {
		$this->finish( $this->start( $args ), $success );
	}

	/**
	 * Starts a PHP script on the network's database.
	 *
	 * @param string[] $args Script and arguments.
	 * @return array{0: resource, 1: array<int, resource>, 2: string}
	 */
	private function start( array $args ): array {
		$env   = array( 'APPOINTEASE_TEST_DB' => $this->database ) + getenv();
		$pipes = array();
		$io    = array(
			1 => array( 'pipe', 'w' ),
			2 => array( 'pipe', 'w' ),
		);
		$proc  = proc_open( array_values( array_merge( array( PHP_BINARY ), $args ) ), $io, $pipes, null, $env ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the network runs in processes of its own.
		$this->assertIsResource( $proc );
		return array( $proc, $pipes, implode( ' ', array_map( 'basename', array_slice( $args, 0, 1 ) ) ) . ' ' . implode( ' ', array_slice( $args, 2 ) ) );
	}

	/**
	 * Waits for a script and checks what it printed.
	 *
	 * @param array{0: resource, 1: array<int, resource>, 2: string} $process What start() gave.
	 * @param string                                                  $success What its output must match.
	 */
	private function finish( array $process, string $success ): void {
		list( $proc, $pipes, $name ) = $process;
		$out                         = trim( (string) stream_get_contents( $pipes[1] ) . (string) stream_get_contents( $pipes[2] ) );
		$status                      = proc_close( $proc );
		$this->assertSame( 0, $status, "$name failed: $out" );
		$this->assertMatchesRegularExpression( $success, $out, "$name said: $out" );
	}

	/**
	 * The network's site ids.
	 *
	 * @return int[]
	 */
	private function site_ids(): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( "SELECT blog_id FROM `{$this->database}`.`wp_blogs` ORDER BY blog_id" ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the throwaway database.
	}

	/**
	 * How many tables of the plugin the network's database holds, on all sites.
	 */
	private function plugin_tables(): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s AND TABLE_NAME LIKE %s', $this->database, '%' . $wpdb->esc_like( '_appointease_' ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the throwaway database.
	}

	/**
	 * The names of a site's options that belong to the plugin.
	 *
	 * @param int $site Site id.
	 * @return string[]
	 */
	private function plugin_options( int $site ): array {
		global $wpdb;
		return $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$this->options_table( $site )} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( 'appointease_' ) . '%', '%' . $wpdb->esc_like( '_transient_appointease_' ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the throwaway database.
	}

	/**
	 * One option of a site, raw, or null.
	 *
	 * @param int    $site Site id.
	 * @param string $name Option name.
	 */
	private function option( int $site, string $name ): ?string {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$this->options_table( $site )} WHERE option_name = %s", $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the throwaway database.
	}

	/**
	 * A site's options table, with its database.
	 *
	 * @param int $site Site id.
	 */
	private function options_table( int $site ): string {
		return "`{$this->database}`.`" . ( 1 === $site ? 'wp_' : "wp_{$site}_" ) . 'options`';
	}
}
