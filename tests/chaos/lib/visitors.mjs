/**
 * Simulated visitors: each one watches a calendar (the 1-second poll),
 * picks a time that looks free, usually holds it first, then books it with
 * an Idempotency-Key (and retries with the same key when the answer is lost
 * or the server is unavailable), and now and then cancels a booking it made
 * so that times keep changing hands for the whole run.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from './stack.mjs';

/** HTTP statuses after which a visitor sends the same booking again. */
const RETRY_STATUSES = [ 0, 502, 503, 504 ];

/**
 * A random integer in [min, max].
 *
 * @param {number} min Lowest.
 * @param {number} max Highest.
 * @return {number} The number.
 */
const between = ( min, max ) =>
	min + Math.floor( Math.random() * ( max - min + 1 ) );

/**
 * One element of a list, at random.
 *
 * @param {Array} list Non-empty.
 * @return {*} An element.
 */
const pick = ( list ) => list[ Math.floor( Math.random() * list.length ) ];

/**
 * What every visitor of a run shares: the site, the recorder, the
 * calendars, and the ledger of bookings answered with 201.
 */
export class Crowd {
	/**
	 * @param {Object}                        options
	 * @param {string}                        options.base      Site URL.
	 * @param {import('./http.mjs').Recorder} options.recorder  Records every request.
	 * @param {Array<Object>}                 options.calendars {employee, service, capacity, date, starts: [{start, end}]}.
	 * @param {string}                        options.tag       The run's tag, in customer names.
	 */
	constructor( { base, recorder, calendars, tag } ) {
		this.base = base;
		this.recorder = recorder;
		this.calendars = calendars;
		this.tag = tag;
		/** Booking id => what the visitor knows of it. @type {Map<number, Object>} */
		this.booked = new Map();
		/** Booking requests whose outcome no answer told (gave up after retries). */
		this.unresolved = [];
		this.stopping = false;
	}

	/**
	 * Runs `count` visitors until stop() and waits for all of them to finish
	 * what they are doing.
	 *
	 * @param {number} count Visitors.
	 * @return {Promise<void>}
	 */
	async run( count ) {
		const visitors = [];
		for ( let n = 1; n <= count; n++ ) {
			// Arrivals spread over the first two seconds, as a crowd does.
			visitors.push(
				sleep( between( 0, 2000 ) ).then( () => this.visit( n ) )
			);
		}
		await Promise.all( visitors );
	}

	stop() {
		this.stopping = true;
	}

	/**
	 * One visitor's loop.
	 *
	 * @param {number} n The visitor's number.
	 * @return {Promise<void>}
	 */
	async visit( n ) {
		while ( ! this.stopping ) {
			const calendar = pick( this.calendars );
			const poll = await this.poll( calendar );
			await sleep( between( 300, 1200 ) );
			if ( this.stopping ) {
				break;
			}
			const slot = this.choose( calendar, poll );
			const seats = calendar.capacity > 1 ? between( 1, 2 ) : 1;
			let holdToken;
			if ( Math.random() < 0.7 ) {
				const hold = await this.request( 'hold', 'holds', 'POST', {
					service: calendar.service,
					employee: calendar.employee,
					start: slot.start,
					seats,
				} );
				if ( hold.status !== 201 ) {
					await sleep( between( 500, 1500 ) );
					continue;
				}
				holdToken = hold.body.token;
				// Filling in the form.
				await sleep( between( 500, 2000 ) );
				if ( Math.random() < 0.3 ) {
					await this.request(
						'heartbeat',
						`holds/${ encodeURIComponent( hold.body.id ) }`,
						'PATCH',
						{ token: holdToken }
					);
				}
				if ( Math.random() < 0.15 ) {
					// Changed their mind.
					await this.request(
						'release',
						`holds/${ encodeURIComponent( hold.body.id ) }`,
						'DELETE',
						{ token: holdToken }
					);
					continue;
				}
			}
			const booking = await this.book(
				n,
				calendar,
				slot,
				seats,
				holdToken
			);
			if ( booking && Math.random() < 0.2 ) {
				await sleep( between( 500, 2500 ) );
				await this.cancel( booking );
			}
			await sleep( between( 500, 2000 ) );
		}
	}

	/**
	 * The poll, as a page sends it every second.
	 *
	 * @param {Object} calendar The calendar.
	 * @return {Promise<Object|null>} The answer body, or null.
	 */
	async poll( calendar ) {
		const record = await this.recorder.send(
			this.base,
			'poll',
			`slots/poll?employee=${ calendar.employee }&date=${ calendar.date }`
		);
		return record.status === 200 ? record.body : null;
	}

	/**
	 * A start that the poll shows neither booked nor held, most of the time;
	 * any start otherwise, so that visitors also collide head-on.
	 *
	 * @param {Object}      calendar The calendar.
	 * @param {Object|null} poll     The last poll answer.
	 * @return {{start: string, end: string}} The slot.
	 */
	choose( calendar, poll ) {
		if ( poll && Math.random() < 0.8 ) {
			// Widened by the longest buffer, as the page greys out neighbours.
			const buffer = 15 * 60000;
			const busy = [ ...poll.booked, ...poll.held ].map( ( item ) => [
				Date.parse( item.start ) - buffer,
				Date.parse( item.end ) + buffer,
			] );
			const free = calendar.starts.filter( ( slot ) => {
				const from = Date.parse( slot.start );
				const to = Date.parse( slot.end );
				return ! busy.some( ( [ a, b ] ) => a < to && from < b );
			} );
			if ( free.length > 0 ) {
				return pick( free );
			}
		}
		return pick( calendar.starts );
	}

	/**
	 * Books, retrying with the same Idempotency-Key while no answer says
	 * what happened; records a 201 in the ledger.
	 *
	 * @param {number}           n         The visitor.
	 * @param {Object}           calendar  The calendar.
	 * @param {Object}           slot      The slot.
	 * @param {number}           seats     Seats.
	 * @param {string|undefined} holdToken The visitor's hold, if any.
	 * @return {Promise<Object|null>} The ledger entry of the booking, or null.
	 */
	async book( n, calendar, slot, seats, holdToken ) {
		const key = `chaos-${ randomUUID() }`;
		const body = {
			service: calendar.service,
			employee: calendar.employee,
			start: slot.start,
			seats,
			customer: {
				name: `Chaos visitor ${ n } ${ this.tag }`,
				email: `visitor${ n }-${ this.tag }@example.com`,
			},
		};
		if ( holdToken ) {
			body.hold_token = holdToken;
		}
		for ( let attempt = 1; attempt <= 6; attempt++ ) {
			const record = await this.request(
				'book',
				'bookings',
				'POST',
				body,
				{
					'Idempotency-Key': key,
				}
			);
			if ( record.status === 201 ) {
				const entry = this.booked.get( record.body.id ) ?? {
					id: record.body.id,
					employee: calendar.employee,
					service: calendar.service,
					start: slot.start,
					seats,
					token: record.body.manage_token,
					key,
					cancel: 'none',
				};
				this.booked.set( entry.id, entry );
				return entry;
			}
			if ( ! RETRY_STATUSES.includes( record.status ) ) {
				return null;
			}
			await sleep( 500 * attempt );
		}
		this.unresolved.push( { key, ...body } );
		return null;
	}

	/**
	 * Cancels a booking with its manage token, retrying while no answer
	 * says what happened.
	 *
	 * @param {Object} entry The ledger entry.
	 * @return {Promise<void>}
	 */
	async cancel( entry ) {
		entry.cancel = 'sent';
		for ( let attempt = 1; attempt <= 6; attempt++ ) {
			const record = await this.request(
				'cancel',
				`bookings/${ entry.id }/cancel`,
				'POST',
				{ token: entry.token }
			);
			// A retry after a lost answer finds it cancelled already.
			if (
				record.status === 200 ||
				( attempt > 1 && record.reason === 'STATUS_CONFLICT' )
			) {
				entry.cancel = 'done';
				return;
			}
			if ( ! RETRY_STATUSES.includes( record.status ) ) {
				entry.cancel = 'refused';
				return;
			}
			await sleep( 500 * attempt );
		}
	}

	/**
	 * One recorded request.
	 *
	 * @param {string} kind    Table label.
	 * @param {string} route   Route below the namespace.
	 * @param {string} method  HTTP method.
	 * @param {Object} body    JSON body.
	 * @param {Object} headers Extra headers.
	 * @return {Promise<Object>} The record.
	 */
	request( kind, route, method, body, headers = {} ) {
		return this.recorder.send( this.base, kind, route, {
			method,
			body,
			headers,
		} );
	}
}
