<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\LocalDate;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\Session;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Schedule\TimeRange;
use AppointEase\Schedule\WeeklyHours;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Property-based tests of the slot engine: many random schedules (weekly
 * hours with breaks, days off, services, booked and held sessions, the
 * booking window), half of them around a DST change of their timezone, and
 * for each one the properties every answer must have:
 *
 * - every slot lies inside one working range of its own local date, so none
 *   is outside working hours or across a break, and none is on a day off;
 * - the starts are exactly the step grid of each range, counted in real time
 *   from the range's first instant (a time in a DST gap starts when the clocks
 *   jump, a repeated time means its first occurrence), up to the horizon;
 * - no available slot overlaps another session that holds seats, buffers of
 *   both included; seats left are never negative nor above the capacity, and
 *   are zero exactly when the slot is not available;
 * - each state is the one a plain model of the rules gives.
 *
 * The generator is seeded: the seed is printed to STDERR and named in every
 * failure, and APPOINTEASE_PROPERTY_SEED=<n> replays a run.
 */
final class SlotEnginePropertyTest extends TestCase {

	/** The seed when APPOINTEASE_PROPERTY_SEED does not name one. */
	private const DEFAULT_SEED = 20261121;

	/** Random schedules per run. */
	private const CASES = 400;

	/** The service whose slots are asked for; sessions of 2 and 3 are other services. */
	private const SERVICE = 1;

	/** Timezones with an hour of DST, none, a half-hour offset, and a half-hour DST change. */
	private const TIMEZONES = array( 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe' );

	private int $seed;

	protected function set_up(): void {
		parent::set_up();
		$replay     = getenv( 'APPOINTEASE_PROPERTY_SEED' );
		$this->seed = is_string( $replay ) && '' !== $replay ? (int) $replay : self::DEFAULT_SEED;
		mt_srand( $this->seed );
	}

	public function test_random_schedules_keep_every_property(): void {
		fwrite( STDERR, sprintf( "\nSlotEnginePropertyTest: seed %d, %d schedules (APPOINTEASE_PROPERTY_SEED=%d replays them)\n", $this->seed, self::CASES, $this->seed ) );
		$dst_cases = 0;
		$slots     = 0;
		for ( $case = 1; $case <= self::CASES; $case++ ) {
			$schedule   = $this->schedule( $case );
			$dst_cases += $schedule['around_dst'] ? 1 : 0;
			$slots     += $this->check( $schedule, "seed {$this->seed}, case $case: " . $schedule['summary'] );
		}
		// The generator must really reach the cases that matter.
		$this->assertGreaterThan( self::CASES / 5, $dst_cases, "seed {$this->seed}: too few schedules around a DST change" );
		$this->assertGreaterThan( self::CASES * 5, $slots, "seed {$this->seed}: the schedules produced too few slots to tell anything" );
	}

	/**
	 * Runs the engine on one schedule and checks every property of its answer.
	 *
	 * @param array<string, mixed> $schedule From schedule().
	 * @param string               $context  Names the case in failures.
	 * @return int How many slots the answer had.
	 */
	private function check( array $schedule, string $context ): int {
		/** @var \DateTimeZone $zone */
		$zone = $schedule['zone'];
		/** @var SlotRequest $request */
		$request = $schedule['request'];
		/** @var Session[] $sessions */
		$sessions = $schedule['sessions'];
		$engine   = new SlotEngine( $schedule['hours'], $zone, $schedule['days_off'] );
		$days     = $engine->slots( $request, $sessions );

		$this->assertSame( $request->dates(), array_keys( $days ), "$context: every date asked for is answered, in order" );
		$count = 0;
		foreach ( $days as $date => $day_slots ) {
			$expected = $schedule['days_off']->contains( $date ) ? array() : $this->expected_starts( $schedule, $date );
			$this->assertSame(
				array_map( static fn( int $t ): string => gmdate( DATE_ATOM, $t ), $expected ),
				array_map( static fn( Slot $slot ): string => gmdate( DATE_ATOM, $slot->start->getTimestamp() ), $day_slots ),
				"$context: the starts of $date"
			);
			foreach ( $day_slots as $slot ) {
				$this->check_slot( $schedule, $date, $slot, "$context, slot " . $slot->start->format( DATE_ATOM ) );
				++$count;
			}
		}
		return $count;
	}

	/**
	 * The properties of one slot.
	 *
	 * @param array<string, mixed> $schedule The schedule.
	 * @param string               $date     The local date it was listed under.
	 * @param Slot                 $slot     The slot.
	 * @param string               $context  Names the slot in failures.
	 */
	private function check_slot( array $schedule, string $date, Slot $slot, string $context ): void {
		/** @var \DateTimeZone $zone */
		$zone = $schedule['zone'];
		/** @var SlotRequest $request */
		$request = $schedule['request'];
		/** @var ServiceRules $rules */
		$rules = $schedule['rules'];
		$start = $slot->start->getTimestamp();
		$end   = $slot->end->getTimestamp();

		// Length, timezone, local date.
		$this->assertSame( $rules->duration * 60, $end - $start, "$context: lasts the service's duration in real time" );
		$this->assertSame( $zone->getName(), $slot->start->getTimezone()->getName(), "$context: shown in the calendar's timezone" );
		$this->assertSame( $date, $slot->start->format( 'Y-m-d' ), "$context: starts on its own local date" );

		// Inside one working range of that date, by the wall clock: not outside hours, not across a break.
		$inside = false;
		foreach ( $schedule['hours']->ranges( LocalDate::weekday( $date ) ) as $range ) {
			$inside = $inside || ( $start >= self::instant( $date, $range->start, $zone ) && $end <= self::instant( $date, $range->end, $zone ) );
		}
		$this->assertTrue( $inside, "$context: inside one working range of $date" );
		$this->assertLessThanOrEqual( $request->latest_start( $zone ), $start, "$context: within the horizon" );

		// Seats.
		$this->assertGreaterThanOrEqual( 0, $slot->seats_left, "$context: seats left are never negative" );
		$this->assertLessThanOrEqual( $rules->capacity, $slot->seats_left, "$context: seats left never exceed the capacity" );
		$this->assertSame( Slot::AVAILABLE === $slot->state, $slot->seats_left > 0, "$context: seats are left exactly when it is available" );

		// Nothing available overlaps another session that holds seats.
		if ( Slot::AVAILABLE === $slot->state ) {
			foreach ( $schedule['sessions'] as $session ) {
				if ( $session->seats_taken() > 0 && ! $session->is( self::SERVICE, $slot->start ) ) {
					$this->assertFalse(
						$session->occupied_start()->getTimestamp() < $slot->occupied_end()->getTimestamp() && $slot->occupied_start()->getTimestamp() < $session->occupied_end()->getTimestamp(),
						"$context: available, yet it overlaps the session at " . $session->start->format( DATE_ATOM )
					);
				}
			}
		}

		// The state and seats the rules give.
		list( $state, $seats ) = $this->model( $schedule, $slot );
		$this->assertSame( "$state $seats", "{$slot->state} {$slot->seats_left}", "$context: state and seats left" );
	}

	/**
	 * A plain model of the rules: too soon is past; an overlapping other
	 * session blocks (a booked one as booked, else held); the slot's own
	 * session leaves what its seats leave.
	 *
	 * @param array<string, mixed> $schedule The schedule.
	 * @param Slot                 $slot     The slot.
	 * @return array{0: string, 1: int} State and seats left.
	 */
	private function model( array $schedule, Slot $slot ): array {
		/** @var SlotRequest $request */
		$request = $schedule['request'];
		/** @var ServiceRules $rules */
		$rules = $schedule['rules'];
		if ( $slot->start->getTimestamp() < $request->earliest_start() ) {
			return array( Slot::PAST, 0 );
		}
		$from       = $slot->start->getTimestamp() - $rules->buffer_before * 60;
		$to         = $slot->end->getTimestamp() + $rules->buffer_after * 60;
		$blocked_by = null;
		$own_booked = 0;
		$own_held   = 0;
		foreach ( $schedule['sessions'] as $session ) {
			if ( 0 === $session->seats_taken() ) {
				continue;
			}
			if ( self::SERVICE === $session->service_id && $session->start->getTimestamp() === $slot->start->getTimestamp() ) {
				$own_booked += $session->booked;
				$own_held   += $session->held;
				continue;
			}
			$session_from = $session->start->getTimestamp() - $session->buffer_before * 60;
			$session_to   = $session->end->getTimestamp() + $session->buffer_after * 60;
			if ( $session_from < $to && $from < $session_to ) {
				$blocked_by = Slot::BOOKED === $blocked_by || $session->booked > 0 ? Slot::BOOKED : Slot::HELD;
			}
		}
		if ( null !== $blocked_by ) {
			return array( $blocked_by, 0 );
		}
		$left = (int) max( 0, $rules->capacity - $own_booked - $own_held );
		if ( 0 === $left ) {
			return array( $own_booked > 0 ? Slot::BOOKED : Slot::HELD, 0 );
		}
		return array( Slot::AVAILABLE, $left );
	}

	/**
	 * The starts a date must offer: each range's step grid in real time from
	 * its first instant, while the slot fits the range and starts within the horizon.
	 *
	 * @param array<string, mixed> $schedule The schedule.
	 * @param string               $date     Local date.
	 * @return int[] Unix times, ascending.
	 */
	private function expected_starts( array $schedule, string $date ): array {
		/** @var \DateTimeZone $zone */
		$zone = $schedule['zone'];
		/** @var SlotRequest $request */
		$request  = $schedule['request'];
		$duration = $schedule['rules']->duration * 60;
		$latest   = $request->latest_start( $zone );
		$starts   = array();
		foreach ( $schedule['hours']->ranges( LocalDate::weekday( $date ) ) as $range ) {
			$end = self::instant( $date, $range->end, $zone );
			for ( $t = self::instant( $date, $range->start, $zone ); $t + $duration <= $end && $t <= $latest; $t += $request->step * 60 ) {
				$starts[] = $t;
			}
		}
		return $starts;
	}

	/**
	 * The instant a wall-clock time names, worked out from the timezone's
	 * transition table (the engine's WallClock searches offsets instead): the
	 * earliest instant showing that time, or, in a gap, the moment the
	 * clocks jumped.
	 *
	 * @param string        $date    Local date.
	 * @param int           $minutes Minutes after midnight, up to 1440.
	 * @param \DateTimeZone $zone    The timezone.
	 */
	private static function instant( string $date, int $minutes, \DateTimeZone $zone ): int {
		$wall        = LocalDate::parse( $date )->getTimestamp() + $minutes * 60;
		$transitions = $zone->getTransitions( $wall - 3 * 86400, $wall + 3 * 86400 );
		$this_or_gap = null;
		foreach ( $transitions as $i => $transition ) {
			$from  = (int) $transition['ts'];
			$until = isset( $transitions[ $i + 1 ] ) ? (int) $transitions[ $i + 1 ]['ts'] : PHP_INT_MAX;
			$t     = $wall - (int) $transition['offset'];
			if ( $t >= $from && $t < $until ) {
				return $t;
			}
			// The wall time falls between the end of the previous offset and the start of this one: a gap.
			if ( $i > 0 && $t < $from && $wall - (int) $transitions[ $i - 1 ]['offset'] >= $from ) {
				$this_or_gap = $from;
			}
		}
		if ( null === $this_or_gap ) {
			throw new \LogicException( "No instant for $date +$minutes min in {$zone->getName()}" );
		}
		return $this_or_gap;
	}

	/**
	 * One random schedule.
	 *
	 * @param int $case The case number.
	 * @return array<string, mixed>
	 */
	private function schedule( int $case ): array {
		$zone       = new \DateTimeZone( self::TIMEZONES[ mt_rand( 0, count( self::TIMEZONES ) - 1 ) ] );
		$changes    = self::dst_dates( $zone );
		$around_dst = array() !== $changes && mt_rand( 0, 1 ) === 1;
		$from       = $around_dst
			? LocalDate::parse( $changes[ mt_rand( 0, count( $changes ) - 1 ) ] )->modify( sprintf( '%+d days', mt_rand( -3, 0 ) ) )->format( 'Y-m-d' )
			: gmdate( 'Y-m-d', mt_rand( (int) strtotime( '2026-01-01' ), (int) strtotime( '2027-12-20' ) ) );
		$to         = LocalDate::parse( $from )->modify( '+' . mt_rand( 0, 5 ) . ' days' )->format( 'Y-m-d' );

		$hours = new WeeklyHours();
		for ( $weekday = 1; $weekday <= 7; $weekday++ ) {
			foreach ( self::ranges_of_a_day( $around_dst ) as list( $start, $end ) ) {
				$hours = $hours->with( $weekday, new TimeRange( $start, $end ) );
			}
		}
		$days_off = array();
		if ( mt_rand( 0, 3 ) === 0 ) {
			$first      = LocalDate::parse( $from )->modify( '+' . mt_rand( 0, 5 ) . ' days' );
			$days_off[] = array( $first->format( 'Y-m-d' ), $first->modify( '+' . mt_rand( 0, 2 ) . ' days' )->format( 'Y-m-d' ) );
		}
		$rules = new ServiceRules( 5 * mt_rand( 1, 24 ), 5 * mt_rand( 0, 1 ) * mt_rand( 0, 6 ), 5 * mt_rand( 0, 1 ) * mt_rand( 0, 6 ), mt_rand( 0, 2 ) === 0 ? mt_rand( 2, 6 ) : 1 );
		$steps = array( 5, 10, 15, 20, 30, 45, 60 );
		$step  = $steps[ mt_rand( 0, count( $steps ) - 1 ) ];

		// Now: from two days before the first date to two days after it, so that some slots are past.
		$now     = ( new \DateTimeImmutable( '@' . ( LocalDate::parse( $from )->getTimestamp() + 60 * mt_rand( -2 * 1440, 2 * 1440 ) ) ) );
		$request = new SlotRequest( self::SERVICE, $rules, $from, $to, $step, $now, 5 * mt_rand( 0, 24 ) * mt_rand( 0, 1 ), mt_rand( 1, 8 ) );

		$schedule             = array(
			'zone'       => $zone,
			'hours'      => $hours,
			'days_off'   => new DaysOff( $days_off ),
			'rules'      => $rules,
			'request'    => $request,
			'sessions'   => array(),
			'around_dst' => $around_dst,
		);
		$schedule['sessions'] = $this->sessions( $schedule, $from, $to );
		$schedule['summary']  = sprintf(
			'%s %s..%s, %d min +%d/%d buffers, capacity %d, step %d, now %s, notice %d, horizon %d days, %d sessions',
			$zone->getName(),
			$from,
			$to,
			$rules->duration,
			$rules->buffer_before,
			$rules->buffer_after,
			$rules->capacity,
			$step,
			$now->format( DATE_ATOM ),
			$request->minimum_notice,
			$request->horizon_days,
			count( $schedule['sessions'] )
		);
		unset( $case );
		return $schedule;
	}

	/**
	 * Zero to three ranges of one weekday on the 5-minute grid, with breaks
	 * between them; around DST, often one over the small hours.
	 *
	 * @param bool $around_dst Whether the schedule is around a DST change.
	 * @return array<int, array{0: int, 1: int}> Minutes after midnight.
	 */
	private static function ranges_of_a_day( bool $around_dst ): array {
		if ( mt_rand( 0, 4 ) === 0 ) {
			return array();
		}
		if ( $around_dst && mt_rand( 0, 1 ) === 1 ) {
			// Over the usual change times (01:00-03:00), sometimes to the end of the day.
			return array( array( 5 * mt_rand( 0, 24 ), mt_rand( 0, 3 ) === 0 ? 1440 : 5 * mt_rand( 36, 72 ) ) );
		}
		$cuts = array();
		$want = 2 * mt_rand( 1, 3 );
		for ( $found = 0; $found < $want; $found = count( $cuts ) ) {
			$cuts[ 5 * mt_rand( 0, 288 ) ] = true;
		}
		$cuts   = array_keys( $cuts );
		$ranges = array();
		sort( $cuts );
		for ( $i = 0; $i < $want; $i += 2 ) {
			$ranges[] = array( $cuts[ $i ], $cuts[ $i + 1 ] );
		}
		return $ranges;
	}

	/**
	 * Booked and held sessions: some of other services anywhere near the
	 * dates, some of the asked-for service exactly at starts it offers
	 * (a group session being joined), some with every seat released.
	 *
	 * @param array<string, mixed> $schedule The schedule so far.
	 * @param string               $from     First date.
	 * @param string               $to       Last date.
	 * @return Session[]
	 */
	private function sessions( array $schedule, string $from, string $to ): array {
		$sessions = array();
		$first    = LocalDate::parse( $from )->getTimestamp() - 86400;
		$last     = LocalDate::parse( $to )->getTimestamp() + 2 * 86400;
		for ( $i = mt_rand( 0, 8 ); $i > 0; $i-- ) {
			$start      = intdiv( mt_rand( $first, $last ), 300 ) * 300;
			$sessions[] = new Session(
				mt_rand( 1, 3 ),
				new \DateTimeImmutable( '@' . $start ),
				new \DateTimeImmutable( '@' . ( $start + 300 * mt_rand( 1, 24 ) ) ),
				5 * mt_rand( 0, 4 ),
				5 * mt_rand( 0, 4 ),
				mt_rand( 0, 2 ),
				mt_rand( 0, 3 ) === 0 ? mt_rand( 1, 2 ) : 0
			);
		}
		$starts = array();
		foreach ( LocalDate::between( $from, $to ) as $date ) {
			$starts = array_merge( $starts, $this->expected_starts( $schedule, $date ) );
		}
		for ( $i = mt_rand( 0, 3 ); $i > 0 && array() !== $starts; $i-- ) {
			$start      = $starts[ mt_rand( 0, count( $starts ) - 1 ) ];
			$rules      = $schedule['rules'];
			$sessions[] = new Session(
				self::SERVICE,
				new \DateTimeImmutable( '@' . $start ),
				new \DateTimeImmutable( '@' . ( $start + 60 * $rules->duration ) ),
				$rules->buffer_before,
				$rules->buffer_after,
				mt_rand( 0, $rules->capacity ),
				mt_rand( 0, 1 )
			);
		}
		return $sessions;
	}

	/**
	 * The local dates of a timezone's offset changes in 2026 and 2027.
	 *
	 * @param \DateTimeZone $zone The timezone.
	 * @return string[]
	 */
	private static function dst_dates( \DateTimeZone $zone ): array {
		$dates = array();
		foreach ( array_slice( $zone->getTransitions( (int) strtotime( '2026-01-01' ), (int) strtotime( '2027-12-31' ) ), 1 ) as $transition ) {
			$dates[] = ( new \DateTimeImmutable( '@' . $transition['ts'] ) )->setTimezone( $zone )->format( 'Y-m-d' );
		}
		return $dates;
	}
}
