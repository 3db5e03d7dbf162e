/**
 * What the database must show after a run, checked in SQL against the
 * chaos stack's MariaDB (read includes/Infrastructure/Schema.php for the
 * tables): no double booking, a seat ledger that matches the bookings row
 * for row (a partial write would leave it out of step), and every booking
 * a visitor was told about (201) still there. Every check looks at this
 * run's employees only: the chaos stack's database keeps earlier runs' rows,
 * and a run answers for its own.
 */
import { sql } from './stack.mjs';

const T = ( name ) => `wp_appointease_${ name }`;
const ACTIVE = `('pending', 'confirmed')`;

/**
 * Runs every check.
 *
 * @param {Object}             stack     The chaos stack.
 * @param {Map<number,Object>} booked    The visitors' ledger of 201 answers.
 * @param {number[]}           employees The run's employees (every booking of theirs is the run's).
 * @return {Promise<Object>} Findings: counts, and examples of each problem.
 */
export async function checkDatabase( stack, booked, employees ) {
	const findings = {};
	const list = employees.join( ', ' );

	// Sessions selling more seats than the service has.
	findings.overfilled = await sql(
		stack,
		`SELECT b.employee_id, b.service_id, b.start_utc, SUM(b.seats), MAX(s.capacity)
		FROM ${ T( 'bookings' ) } b JOIN ${ T( 'services' ) } s ON s.id = b.service_id
		WHERE b.status IN ${ ACTIVE } AND b.employee_id IN (${ list })
		GROUP BY b.employee_id, b.service_id, b.start_utc
		HAVING SUM(b.seats) > MAX(s.capacity)`
	);

	// Two different sessions of one employee whose busy times (buffers included) overlap.
	findings.overlapping = await sql(
		stack,
		`WITH busy AS (
			SELECT b.id, b.employee_id, b.service_id, b.start_utc,
				b.start_utc - INTERVAL s.buffer_before_minutes MINUTE AS busy_from,
				b.end_utc + INTERVAL s.buffer_after_minutes MINUTE AS busy_to
			FROM ${ T( 'bookings' ) } b JOIN ${ T( 'services' ) } s ON s.id = b.service_id
			WHERE b.status IN ${ ACTIVE } AND b.employee_id IN (${ list })
		)
		SELECT x.id, y.id, x.employee_id, x.start_utc, y.start_utc FROM busy x JOIN busy y
			ON x.employee_id = y.employee_id AND x.id < y.id
			AND (x.service_id <> y.service_id OR x.start_utc <> y.start_utc)
			AND x.busy_from < y.busy_to AND y.busy_from < x.busy_to`
	);

	// The seat ledger against the bookings: every active booking has exactly its
	// seats, in its own session; no seat or cell belongs to nothing.
	findings.seatsMismatch = await sql(
		stack,
		`SELECT b.id, b.seats, COUNT(k.seat_no) FROM ${ T( 'bookings' ) } b
		LEFT JOIN ${ T( 'seats' ) } k ON k.booking_id = b.id
			AND k.employee_id = b.employee_id AND k.service_id = b.service_id AND k.session_start_utc = b.start_utc
		WHERE b.status IN ${ ACTIVE } AND b.employee_id IN (${ list })
		GROUP BY b.id, b.seats HAVING COUNT(k.seat_no) <> b.seats`
	);
	findings.orphanSeats = await sql(
		stack,
		`SELECT k.booking_id, k.employee_id, k.session_start_utc FROM ${ T( 'seats' ) } k
		LEFT JOIN ${ T( 'bookings' ) } b ON b.id = k.booking_id
		WHERE k.employee_id IN (${ list }) AND (b.id IS NULL OR b.status NOT IN ${ ACTIVE }
			OR b.employee_id <> k.employee_id OR b.service_id <> k.service_id OR b.start_utc <> k.session_start_utc)`
	);
	findings.orphanCells = await sql(
		stack,
		`SELECT o.employee_id, o.cell_utc FROM ${ T( 'occupancy' ) } o
		WHERE o.employee_id IN (${ list }) AND NOT EXISTS (SELECT 1 FROM ${ T( 'seats' ) } k WHERE k.employee_id = o.employee_id
			AND k.service_id = o.service_id AND k.session_start_utc = o.session_start_utc)`
	);
	findings.missingCells = await sql(
		stack,
		`SELECT b.employee_id, b.service_id, b.start_utc, MAX(
				TIMESTAMPDIFF(MINUTE, b.start_utc - INTERVAL s.buffer_before_minutes MINUTE, b.end_utc + INTERVAL s.buffer_after_minutes MINUTE) DIV 5
			) AS wanted,
			(SELECT COUNT(*) FROM ${ T( 'occupancy' ) } o WHERE o.employee_id = b.employee_id
				AND o.service_id = b.service_id AND o.session_start_utc = b.start_utc) AS cells
		FROM ${ T( 'bookings' ) } b JOIN ${ T( 'services' ) } s ON s.id = b.service_id
		WHERE b.status IN ${ ACTIVE } AND b.employee_id IN (${ list })
		GROUP BY b.employee_id, b.service_id, b.start_utc HAVING cells <> wanted`
	);

	// Every booking a visitor got a 201 for is there, as the visitor left it.
	const rows = await sql(
		stack,
		`SET time_zone = '+00:00'; SELECT id, employee_id, service_id, UNIX_TIMESTAMP(start_utc), seats, status
		FROM ${ T( 'bookings' ) } WHERE employee_id IN (${ list })`
	);
	const stored = new Map(
		rows.map( ( [ id, employee, service, start, seats, status ] ) => [
			Number( id ),
			{
				employee: Number( employee ),
				service: Number( service ),
				start: Number( start ),
				seats: Number( seats ),
				status,
			},
		] )
	);
	findings.lost = [];
	findings.wrongState = [];
	for ( const entry of booked.values() ) {
		const row = stored.get( entry.id );
		if (
			! row ||
			row.employee !== entry.employee ||
			row.service !== entry.service ||
			row.seats !== entry.seats ||
			row.start !== Date.parse( entry.start ) / 1000
		) {
			findings.lost.push( { entry, row: row ?? null } );
			continue;
		}
		const expected = {
			none: [ 'confirmed' ],
			refused: [ 'confirmed' ],
			done: [ 'cancelled' ],
			sent: [ 'confirmed', 'cancelled' ],
		}[ entry.cancel ];
		if ( ! expected.includes( row.status ) ) {
			findings.wrongState.push( { entry, row } );
		}
	}
	// Bookings that exist although no visitor heard a 201 for them: a commit
	// whose answer was lost (php-fpm killed after COMMIT) and never retried.
	findings.unacknowledged = [ ...stored.keys() ].filter(
		( id ) => ! booked.has( id )
	);
	findings.storedBookings = stored.size;
	return findings;
}

/**
 * Whether the findings break an invariant.
 *
 * @param {Object} findings What checkDatabase() found.
 * @return {string[]} One line per broken invariant.
 */
export function brokenInvariants( findings ) {
	const broken = [];
	const count = ( name, what ) => {
		if ( findings[ name ].length > 0 ) {
			broken.push(
				`${ what }: ${ findings[ name ].length } (e.g. ${ JSON.stringify(
					findings[ name ].slice( 0, 3 )
				) })`
			);
		}
	};
	count( 'overfilled', 'sessions with more seats sold than they have' );
	count( 'overlapping', 'overlapping sessions of one employee' );
	count( 'seatsMismatch', 'active bookings whose seat rows do not match' );
	count( 'orphanSeats', 'seat rows of no active booking (partial write)' );
	count( 'orphanCells', 'occupancy cells of no session (partial write)' );
	count( 'missingCells', 'sessions missing occupancy cells' );
	count( 'lost', 'bookings answered 201 but missing or changed' );
	count( 'wrongState', 'bookings whose status is not what the visitor did' );
	return broken;
}
