<?php
/**
 * Creates the calendars a chaos run fights over, through the plugin's own
 * repositories, and prints them as JSON. Run by tests/chaos/run.mjs against
 * the throwaway chaos stack only:
 *   php tests/chaos/setup.php <wp-dir> <site-url> <run-tag> <Y-m-d>
 *
 * Three employees work 08:00-20:00 (site time) every day:
 * - A gives a 30-minute one-to-one service with a 10-minute buffer after it
 *   and a 60-minute group class of 4, so the two services of one employee
 *   collide in the occupancy table;
 * - B gives the one-to-one service only;
 * - C gives the group class only.
 * Starts are 15 minutes apart while sessions last 30 or 60 minutes, so
 * neighbouring starts overlap: a double booking would need two different
 * sessions sharing cells, which the schema must refuse.
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Settings\Settings;

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $appointease_wp_dir, $appointease_site_url, $appointease_tag, $appointease_date ) = array_pad( $argv, 5, '' );

$appointease_url        = (array) parse_url( $appointease_site_url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['HTTP_HOST']   = ( $appointease_url['host'] ?? 'localhost' ) . ( isset( $appointease_url['port'] ) ? ':' . $appointease_url['port'] : '' );
$_SERVER['SERVER_NAME'] = $appointease_url['host'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = (string) ( $appointease_url['port'] ?? 80 );
require $appointease_wp_dir . '/wp-load.php';

/**
 * Builds the chaos calendars and returns what the runner needs.
 *
 * @param string $tag  A tag that makes this run's names unique.
 * @param string $date The first local date fought over, Y-m-d (the runner adds the next three).
 * @return array<string, mixed>
 */
function appointease_chaos_setup( string $tag, string $date ): array {
	Settings::update(
		array(
			'slot_step'      => 15,
			'minimum_notice' => 60,
			'hold_ttl'       => 30,
		)
	);
	$services  = new ServiceRepository();
	$employees = new EmployeeRepository();
	$single    = $services->insert(
		array(
			'name'         => "Chaos one-to-one $tag",
			'duration'     => 30,
			'buffer_after' => 10,
			'capacity'     => 1,
			'active'       => true,
		)
	);
	$group     = $services->insert(
		array(
			'name'     => "Chaos group $tag",
			'duration' => 60,
			'capacity' => 4,
			'active'   => true,
		)
	);
	$hours     = array();
	for ( $weekday = 1; $weekday <= 7; $weekday++ ) {
		$hours[] = array(
			'weekday' => $weekday,
			'start'   => '08:00',
			'end'     => '20:00',
		);
	}
	$people = array(
		'A' => array( $single->id, $group->id ),
		'B' => array( $single->id ),
		'C' => array( $group->id ),
	);
	$made   = array();
	foreach ( $people as $letter => $given ) {
		$employee = $employees->insert(
			array(
				'name'     => "Chaos $letter $tag",
				'email'    => strtolower( "chaos-$letter-$tag@example.com" ),
				'active'   => true,
				'services' => $given,
				'hours'    => $hours,
			)
		);
		$made[]   = array(
			'id'       => $employee->id,
			'services' => $given,
		);
	}
	return array(
		'tag'       => $tag,
		'date'      => $date,
		'timezone'  => wp_timezone_string(),
		'services'  => array(
			array(
				'id'       => $single->id,
				'capacity' => 1,
			),
			array(
				'id'       => $group->id,
				'capacity' => 4,
			),
		),
		'employees' => $made,
	);
}

// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the runner, on the command line.
echo wp_json_encode( appointease_chaos_setup( $appointease_tag, $appointease_date ) ), "\n";
