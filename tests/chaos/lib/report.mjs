/**
 * Sorts every recorded request into what it tells (a success, a refusal
 * with its reason, an allowed outage inside a fault window, or a broken
 * invariant) and prints the run's table.
 */

/** How long after a service is back its fault window stays open (ms). */
export const GRACE_MS = 2000;

/**
 * The outcome of one request.
 *
 * @param {Object}        record  From Recorder.send().
 * @param {Array<Object>} windows Fault windows: {service, from, to} (ms).
 * @return {{outcome: string, label: string, violation: boolean}} What it was.
 */
export function classify( record, windows ) {
	const during = ( services ) =>
		windows.some(
			( w ) =>
				services.includes( w.service ) &&
				record.t0 <= w.to &&
				record.t1 >= w.from
		);
	if ( record.status === 0 ) {
		return {
			outcome: 'error',
			label: `no answer (${ record.error })`,
			violation: ! during( [ 'php-fpm' ] ),
		};
	}
	if ( record.status < 400 ) {
		return {
			outcome: 'success',
			label: String( record.status ),
			violation: false,
		};
	}
	if ( record.status < 500 ) {
		if ( record.source === 'plugin' && record.reason ) {
			return {
				outcome: record.status === 409 ? 'conflict' : 'refusal',
				label: `${ record.status } ${ record.reason }`,
				violation: false,
			};
		}
		return {
			outcome: 'error',
			label: `${ record.status } without a reason`,
			violation: true,
		};
	}
	if ( record.status === 503 && record.reason === 'STORE_UNAVAILABLE' ) {
		const anyWindow = during( [ 'redis', 'php-fpm', 'mysqld' ] );
		return {
			outcome: 'error',
			label: `503 STORE_UNAVAILABLE ${ anyWindow ? 'in' : 'OUTSIDE' } a restart window`,
			violation: ! anyWindow,
		};
	}
	if ( record.source === 'nginx' ) {
		const inside = during( [ 'php-fpm' ] );
		return {
			outcome: 'error',
			label: `${ record.status } from nginx ${ inside ? 'while php-fpm restarted' : 'OUTSIDE a php-fpm restart' }`,
			violation: ! inside,
		};
	}
	return {
		outcome: 'error',
		label: `${ record.status } ${ record.reason ?? record.body?.code ?? record.source }`,
		violation: true,
	};
}

/**
 * Counts outcomes.
 *
 * @param {Array<Object>} requests Records.
 * @param {Array<Object>} windows  Fault windows.
 * @return {Object} Totals, labels with counts, kinds with counts, violations.
 */
export function tally( requests, windows ) {
	const totals = {
		requests: 0,
		success: 0,
		conflict: 0,
		refusal: 0,
		error: 0,
	};
	const labels = new Map();
	const kinds = new Map();
	const violations = [];
	for ( const record of requests ) {
		const { outcome, label, violation } = classify( record, windows );
		totals.requests++;
		totals[ outcome ]++;
		if ( outcome !== 'success' ) {
			labels.set( label, ( labels.get( label ) ?? 0 ) + 1 );
		}
		const kind = kinds.get( record.kind ) ?? {
			requests: 0,
			success: 0,
			conflict: 0,
			refusal: 0,
			error: 0,
		};
		kind.requests++;
		kind[ outcome ]++;
		kinds.set( record.kind, kind );
		if ( violation ) {
			violations.push( {
				label,
				kind: record.kind,
				route: record.route,
				status: record.status,
				body: record.body,
				at: record.t0,
			} );
		}
	}
	return { totals, labels, kinds, violations };
}

const pad = ( text, width ) => String( text ).padEnd( width );
const num = ( value, width = 10 ) => String( value ).padStart( width );

/**
 * Prints one phase's table.
 *
 * @param {Object} phase {title, started, seconds, visitors, windows, tally, findings, crowd, broken, notes}.
 * @return {string} The table.
 */
export function table( phase ) {
	const { totals, labels, kinds } = phase.tally;
	const at = ( ms ) =>
		`${ ( ( ms - phase.started ) / 1000 ).toFixed( 1 ) } s`;
	const lines = [];
	lines.push( '' );
	lines.push( `== ${ phase.title } ==` );
	lines.push( `${ phase.visitors } visitors for ${ phase.seconds } s` );
	for ( const w of phase.windows ) {
		lines.push(
			`  fault: ${ w.what } at ${ at( w.from ) }, answering again at ${ at( w.to - GRACE_MS ) }`
		);
	}
	lines.push( '' );
	lines.push(
		`${ pad( 'kind', 14 ) }${ num( 'requests' ) }${ num( 'success' ) }${ num( 'conflict' ) }${ num( 'refused' ) }${ num( 'errors' ) }`
	);
	for ( const [ kind, k ] of [ ...kinds.entries() ].sort() ) {
		lines.push(
			`${ pad( kind, 14 ) }${ num( k.requests ) }${ num( k.success ) }${ num( k.conflict ) }${ num( k.refusal ) }${ num( k.error ) }`
		);
	}
	lines.push(
		`${ pad( 'all', 14 ) }${ num( totals.requests ) }${ num( totals.success ) }${ num( totals.conflict ) }${ num( totals.refusal ) }${ num( totals.error ) }`
	);
	lines.push( '' );
	lines.push( 'conflicts, refusals and errors by reason:' );
	for ( const [ label, count ] of [ ...labels.entries() ].sort(
		( a, b ) => b[ 1 ] - a[ 1 ]
	) ) {
		lines.push( `  ${ pad( label, 58 ) }${ num( count ) }` );
	}
	const f = phase.findings;
	const crowd = phase.crowd;
	const cancelled = [ ...crowd.booked.values() ].filter(
		( e ) => e.cancel === 'done'
	).length;
	const partial =
		f.seatsMismatch.length +
		f.orphanSeats.length +
		f.orphanCells.length +
		f.missingCells.length;
	lines.push( '' );
	lines.push(
		`${ pad( 'bookings answered 201', 44 ) }${ num( crowd.booked.size ) }`
	);
	lines.push(
		`${ pad( '  of them cancelled later by the visitor', 44 ) }${ num( cancelled ) }`
	);
	lines.push(
		`${ pad( "bookings stored for the run's employees", 44 ) }${ num( f.storedBookings ) }`
	);
	lines.push(
		`${ pad( 'double bookings found', 44 ) }${ num( f.overfilled.length + f.overlapping.length ) }`
	);
	lines.push(
		`${ pad( 'bookings lost (201 but missing or changed)', 44 ) }${ num( f.lost.length + f.wrongState.length ) }`
	);
	lines.push(
		`${ pad( 'partial rows (ledger out of step)', 44 ) }${ num( partial ) }`
	);
	lines.push(
		`${ pad( 'stored without any 201 (answer lost)', 44 ) }${ num( f.unacknowledged.length ) }`
	);
	lines.push(
		`${ pad( 'bookings given up on after retries', 44 ) }${ num( crowd.unresolved.length ) }`
	);
	lines.push(
		`${ pad( 'requests breaking an invariant', 44 ) }${ num( phase.tally.violations.length ) }`
	);
	for ( const note of phase.notes ) {
		lines.push( note );
	}
	lines.push( phase.broken.length === 0 ? 'PASS' : 'FAIL' );
	for ( const line of phase.broken ) {
		lines.push( `  - ${ line }` );
	}
	return lines.join( '\n' );
}
