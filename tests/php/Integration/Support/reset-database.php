<?php
/**
 * Drops every table of the test database before a run.
 *
 * @package AppointEase
 */

declare(strict_types=1);

/**
 * Reads the test database settings from wp-config.php's constants and drops all tables.
 *
 * @param string $wp_dir WordPress folder.
 */
function appointease_tests_reset_database( string $wp_dir ): void {
	$config = (string) file_get_contents( $wp_dir . '/wp-config.php' );
	$value  = static function ( string $name ) use ( $config ): string {
		preg_match( "/define\\( '" . $name . "', '([^']*)' \\)/", $config, $m );
		return $m[1] ?? '';
	};
	preg_match( "/appointease_test_database\\( '([^']+)' \\)/", $config, $db );
	$database = $db[1] ?? '';
	$override = (string) getenv( 'APPOINTEASE_TEST_DB' );
	if ( 1 === preg_match( '/^' . preg_quote( $database, '/' ) . '_[a-z0-9]{1,16}$/', $override ) ) {
		$database = $override; // The same rule as appointease_test_database() in wp-config.php.
	}
	list( $host, $port ) = array_pad( explode( ':', $value( 'DB_HOST' ) ), 2, '3306' );

	$mysqli = new mysqli( $host, $value( 'DB_USER' ), $value( 'DB_PASSWORD' ), '', (int) $port );
	$mysqli->query( 'CREATE DATABASE IF NOT EXISTS `' . $database . '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci' );
	$mysqli->select_db( $database );
	$tables = $mysqli->query( 'SHOW TABLES' );
	if ( $tables instanceof mysqli_result ) {
		foreach ( $tables->fetch_all() as $row ) {
			$mysqli->query( 'DROP TABLE IF EXISTS `' . $row[0] . '`' );
		}
	}
	$mysqli->close();
}
