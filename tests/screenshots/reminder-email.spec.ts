/**
 * The README's picture of a reminder email as the demo's maildev shows it
 * (docs/screenshots/email-reminder-maildev.png), taken on the running demo:
 * `npm run screenshots`.
 *
 * A made-up customer books the demo's Haircut at its first free time more
 * than two hours ahead; the reminder job then runs (`--now`) a minute after
 * that booking's 2-hour reminder moment. That moment lies only hours from the
 * real time, so the run changes nothing else on the demo. A later run cancels
 * this file's earlier booking first, so bookings do not pile up.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { maildevUrl, mailsTo } from '../e2e/mail';
import { readStack } from '../e2e/stack';
import {
	adminRest,
	changeSettings,
	RELAXED_ANTI_SPAM,
	type AdminRest,
} from '../e2e/utils';

const ROOT = path.join( __dirname, '..', '..' );
const OUT = path.join( ROOT, 'docs', 'screenshots' );
const CUSTOMER = { name: 'Lena Fischer', email: 'lena.fischer@example.com' };

interface Named {
	id: number;
	name: string;
}

interface Booking {
	id: number;
	status: string;
	customer: { email: string };
}

/**
 * The id of the demo's service or employee with this name.
 *
 * @param admin The admin REST client.
 * @param route "services" or "employees".
 * @param name  Its name.
 */
async function idOf(
	admin: AdminRest,
	route: string,
	name: string
): Promise< number > {
	const list = await admin.call< Named[] >(
		'GET',
		`${ route }?per_page=100`
	);
	const found = list.body.find( ( one ) => one.name === name );
	expect( found, `the demo's ${ name }` ).toBeDefined();
	return found!.id;
}

test( 'a reminder email in maildev', async ( { browser, page } ) => {
	const admin = await adminRest( browser );
	const restore = await changeSettings( admin, RELAXED_ANTI_SPAM );
	try {
		const earlier = await admin.call< Booking[] >(
			'GET',
			`bookings?search=${ encodeURIComponent( CUSTOMER.email ) }&per_page=100`
		);
		for ( const booking of earlier.body ) {
			if ( ! [ 'cancelled', 'rejected' ].includes( booking.status ) ) {
				await admin.call( 'POST', `bookings/${ booking.id }/cancel` );
			}
		}

		const service = await idOf( admin, 'services', 'Haircut' );
		const employee = await idOf( admin, 'employees', 'Ana Silva' );
		const from = new Date().toISOString().slice( 0, 10 );
		const to = new Date( Date.now() + 7 * 86_400_000 )
			.toISOString()
			.slice( 0, 10 );
		const answer = await admin.call< {
			days: Array< { slots: Array< { start: string; state: string } > } >;
		} >(
			'GET',
			`availability?service=${ service }&employee=${ employee }&from=${ from }&to=${ to }`
		);
		const earliest = Date.now() + 2 * 3_600_000 + 10 * 60_000;
		const start = answer.body.days
			.flatMap( ( day ) => day.slots )
			.find(
				( slot ) =>
					slot.state === 'available' &&
					Date.parse( slot.start ) > earliest
			)?.start;
		expect( start, 'a free Haircut time' ).toBeDefined();

		const made = await admin.call< { id: number } >( 'POST', 'bookings', {
			service,
			employee,
			start,
			customer: CUSTOMER,
		} );
		expect( made.status, JSON.stringify( made.body ) ).toBe( 201 );

		const now = new Date(
			Date.parse( start! ) - 2 * 3_600_000 + 60_000
		).toISOString();
		const output = execFileSync(
			path.join( ROOT, 'bin', 'wp' ),
			[ 'appointease', 'reminders', 'run', `--now=${ now }` ],
			{
				env: {
					...process.env,
					APPOINTEASE_RUNTIME: readStack().runtime,
				},
				encoding: 'utf8',
				timeout: 60_000,
			}
		);
		expect( output ).toContain(
			`Sent: booking ${ made.body.id }, 2h reminder`
		);
		let subject = '';
		await expect
			.poll( async () => {
				const reminder = ( await mailsTo( CUSTOMER.email ) )
					.reverse()
					.find( ( mail ) =>
						mail.subject.startsWith( 'Reminder: ' )
					);
				subject = reminder?.subject ?? '';
				return subject;
			} )
			.not.toBe( '' );

		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( maildevUrl() );
		// Only this customer's emails in the list, whatever else the demo sent.
		await page.getByPlaceholder( 'Search emails' ).fill( CUSTOMER.email );
		await expect( page.getByText( /\bE2E\b/ ) ).toHaveCount( 0 );
		await page.getByText( subject ).first().click();
		const body = page.frameLocator( 'iframe' ).first();
		await expect( body.getByText( 'this is a reminder' ) ).toBeVisible();
		await page.screenshot( {
			path: path.join( OUT, 'email-reminder-maildev.png' ),
			animations: 'disabled',
		} );
	} finally {
		await changeSettings( admin, restore );
		await admin.close();
	}
} );
