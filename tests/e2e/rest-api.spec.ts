/**
 * The REST contract against the running demo site, over real HTTP through
 * nginx and php-fpm: discover, book (twice with one Idempotency-Key), lose a
 * race, manage the booking with its token, and free the time again.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { withoutAntiSpam } from './utils';

const API = '/wp-json/appointease/v1';

// Scripted visitors book at once, with the same addresses run after run.
withoutAntiSpam();

interface Slot {
	start: string;
	end: string;
	seats_left: number;
	state: string;
}

interface Day {
	date: string;
	slots: Slot[];
}

interface Named {
	id: number;
	name: string;
}

/**
 * A local date some days from today, YYYY-MM-DD.
 *
 * @param days Days ahead.
 */
function dateAhead( days: number ): string {
	const date = new Date( Date.now() + days * 86_400_000 );
	return date.toISOString().slice( 0, 10 );
}

/**
 * The first available slot of a service with an employee, a week or more ahead.
 *
 * @param request  The API client.
 * @param service  Service id.
 * @param employee Employee id.
 */
async function firstFreeSlot(
	request: APIRequestContext,
	service: number,
	employee: number
): Promise< Slot > {
	const response = await request.get(
		`${ API }/availability?service=${ service }&employee=${ employee }&from=${ dateAhead(
			7
		) }&to=${ dateAhead( 20 ) }`
	);
	expect( response.status() ).toBe( 200 );
	const { days } = ( await response.json() ) as { days: Day[] };
	const slot = days
		.flatMap( ( day ) => day.slots )
		.find( ( candidate ) => candidate.state === 'available' );
	expect( slot, 'a free time in the coming weeks' ).toBeDefined();
	return slot as Slot;
}

/**
 * The state of one start time in the availability answer.
 *
 * @param request  The API client.
 * @param service  Service id.
 * @param employee Employee id.
 * @param start    The slot's start as the API gave it.
 */
async function stateOf(
	request: APIRequestContext,
	service: number,
	employee: number,
	start: string
): Promise< string | undefined > {
	const date = start.slice( 0, 10 );
	const response = await request.get(
		`${ API }/availability?service=${ service }&employee=${ employee }&from=${ date }&to=${ date }`
	);
	const { days } = ( await response.json() ) as { days: Day[] };
	return days[ 0 ]?.slots.find( ( slot ) => slot.start === start )?.state;
}

test( 'book, replay, conflict, manage and cancel over HTTP', async ( {
	request,
} ) => {
	const services = ( await (
		await request.get( `${ API }/services` )
	).json() ) as Named[];
	const haircut = services.find( ( service ) => service.name === 'Haircut' );
	expect( haircut ).toBeDefined();
	const serviceId = ( haircut as Named ).id;

	const employees = ( await (
		await request.get( `${ API }/employees?service=${ serviceId }` )
	).json() ) as Array< Named & Record< string, unknown > >;
	const employee = employees[ 0 ];
	expect( employee, 'someone gives the haircut' ).toBeDefined();
	expect(
		employee,
		'public answers carry no personal data'
	).not.toHaveProperty( 'email' );
	const employeeId = ( employee as Named ).id;

	const slot = await firstFreeSlot( request, serviceId, employeeId );
	const body = {
		service: serviceId,
		employee: employeeId,
		start: slot.start,
		customer: { name: 'E2E Visitor', email: 'e2e@example.com' },
	};
	const key = randomUUID();

	const first = await request.post( `${ API }/bookings`, {
		data: body,
		headers: { 'Idempotency-Key': key },
	} );
	expect( first.status() ).toBe( 201 );
	const booking = ( await first.json() ) as {
		id: number;
		status: string;
		manage_token: string;
	};
	expect( booking.status ).toBe( 'confirmed' );
	expect( booking.manage_token ).toMatch( /^[0-9a-f]{64}$/ );

	const replay = await request.post( `${ API }/bookings`, {
		data: body,
		headers: { 'Idempotency-Key': key },
	} );
	expect( replay.status() ).toBe( 201 );
	expect( replay.headers()[ 'idempotent-replayed' ] ).toBe( 'true' );
	expect( ( await replay.json() ).id ).toBe( booking.id );

	const rival = await request.post( `${ API }/bookings`, {
		data: {
			...body,
			customer: { name: 'Rival', email: 'rival@example.com' },
		},
	} );
	expect( rival.status() ).toBe( 409 );
	expect( ( await rival.json() ).data.reason ).toBe( 'SLOT_TAKEN' );
	expect( await stateOf( request, serviceId, employeeId, slot.start ) ).toBe(
		'booked'
	);

	const mine = await request.get( `${ API }/bookings/${ booking.id }`, {
		headers: { 'X-AppointEase-Token': booking.manage_token },
	} );
	expect( mine.status() ).toBe( 200 );
	const wrong = await request.get( `${ API }/bookings/${ booking.id }`, {
		headers: { 'X-AppointEase-Token': 'f'.repeat( 64 ) },
	} );
	const missing = await request.get( `${ API }/bookings/${ booking.id }` );
	expect( wrong.status() ).toBe( 404 );
	expect( await wrong.json() ).toEqual( await missing.json() );

	const cancelled = await request.post(
		`${ API }/bookings/${ booking.id }/cancel`,
		{ data: { token: booking.manage_token } }
	);
	expect( cancelled.status() ).toBe( 200 );
	expect( ( await cancelled.json() ).status ).toBe( 'cancelled' );
	expect( await stateOf( request, serviceId, employeeId, slot.start ) ).toBe(
		'available'
	);
} );

test( 'bad input gets a 4xx with a reason, never a 5xx', async ( {
	request,
} ) => {
	const cases: Array< [ string, string, unknown, number, string ] > = [
		[
			'GET',
			`${ API }/availability?service=1&from=2026-02-30&to=2026-03-01`,
			null,
			400,
			'VALIDATION_ERROR',
		],
		[ 'GET', `${ API }/bookings/abc`, null, 400, 'VALIDATION_ERROR' ],
		[ 'GET', `${ API }/bookings`, null, 401, 'FORBIDDEN' ],
		[ 'GET', `${ API }/services/4000000`, null, 404, 'NOT_FOUND' ],
		[
			'POST',
			`${ API }/bookings`,
			{
				service: 1,
				employee: 1,
				start: '2030-01-07T10:00:00',
				customer: { name: 'A', email: 'a@example.com' },
			},
			400,
			'VALIDATION_ERROR',
		],
		[
			'POST',
			`${ API }/bookings`,
			{
				service: 1,
				employee: 1,
				status: 'confirmed',
				start: '2030-01-07T10:00:00Z',
				customer: { name: 'A', email: 'a@example.com' },
			},
			400,
			'VALIDATION_ERROR',
		],
	];
	for ( const [ method, url, data, status, reason ] of cases ) {
		const response = await request.fetch( url, {
			method,
			...( data ? { data } : {} ),
		} );
		expect( response.status(), `${ method } ${ url }` ).toBe( status );
		expect( ( await response.json() ).data.reason ).toBe( reason );
	}
} );
