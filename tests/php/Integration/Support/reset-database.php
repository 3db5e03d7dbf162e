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
	preg_match( "/'DB_NAME', defined\\( 'APPOINTEASE_TESTS' \\) \\? '([^']+)'/", $config, $db );
	list( $host, $port ) = array_pad( explode( ':', $value( 'DB_HOST' ) ), 2, '3306' );

	$mysqli = new mysqli( $host, $value( 'DB_USER' ), $value( 'DB_PASSWORD' ), $db[1] ?? '', (int) $port );
	$tables = $mysqli->query( 'SHOW TABLES' );
	if ( $tables instanceof mysqli_result ) {
		foreach ( $tables->fetch_all() as $row ) {
			$mysqli->query( 'DROP TABLE IF EXISTS `' . $row[0] . '`' );
		}
	}
	$mysqli->close();
}
