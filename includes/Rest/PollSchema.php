<?php
/**
 * The schema of the `GET slots/poll` answer.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * What `GET slots/poll` answers (PollService::answer()), for the REST index
 * and the generated front-end types. It lives apart from the poll's own
 * classes so that the one-second path never loads it: WordPress calls it
 * only when the index or an OPTIONS request asks for the route's schema.
 */
final class PollSchema {

	/**
	 * The schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		$time = array(
			'type'   => 'string',
			'format' => 'date-time',
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-poll',
			'type'       => 'object',
			'properties' => array(
				'version'     => array(
					'description' => __( 'The calendar\'s version: it changes with every booking or hold on the day.', 'appointease' ),
					'type'        => 'integer',
				),
				'employee'    => array( 'type' => 'integer' ),
				'date'        => array(
					'description' => __( 'The local date of the calendar, YYYY-MM-DD.', 'appointease' ),
					'type'        => 'string',
				),
				'booked'      => array(
					'description' => __( 'Booked sessions, with the seats they still have.', 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'start'      => $time,
							'end'        => $time,
							'seats_left' => array( 'type' => 'integer' ),
						),
					),
				),
				'held'        => array(
					'description' => __( 'Live holds, with their public ids: a visitor recognises their own by its id.', 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'start' => $time,
							'end'   => $time,
							'id'    => array( 'type' => 'string' ),
							'seats' => array( 'type' => 'integer' ),
						),
					),
				),
				'server_time' => $time,
			),
		);
	}
}
