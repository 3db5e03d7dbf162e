/**
 * Reminders end to end (issue 15): a visitor books in the browser; the
 * reminder job run (through WP-CLI, with `--now` set 24 hours before the
 * start) sends exactly one reminder over SMTP, which maildev shows with the
 * appointment's time in the calendar's timezone and a manage link that opens
 * the booking; a second run sends nothing more.
 *
 * The start is picked just over a day ahead so that `--now` lies minutes
 * from the real time: the run also completes appointments that ended before
 * `--now`, and no other spec books that close.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { attachment, mailsTo, waitForMails } from './mail';
import { readStack } from './stack';
import {
	bookInBrowser,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const bookable = withBookable( 'Remind' );
const ROOT = path.join( __dirname, '..', '..' );

interface Slot {
	start: string;
	state: string;
}

/**
 * Runs `wp appointease reminders run --now=<now>` on the test stack.
 *
 * @param now ISO 8601 instant.
 */
function runReminders( now: string ): string {
	return execFileSync(
		path.join( ROOT, 'bin', 'wp' ),
		[ 'appointease', 'reminders', 'run', `--now=${ now }` ],
		{
			env: { ...process.env, APPOINTEASE_RUNTIME: readStack().runtime },
			encoding: 'utf8',
			timeout: 60_000,
		}
	);
}

/**
 * The reminder emails (not the booking confirmation) among some emails.
 *
 * @param mails Emails from maildev.
 */
function reminders< T extends { subject: string } >( mails: T[] ): T[] {
	return mails.filter( ( mail ) => mail.subject.startsWith( 'Reminder: ' ) );
}

test( 'a booking made in the browser gets exactly one 24-hour reminder, with its time and a working manage link', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	const email = `reminder.${ Date.now() }@example.com`;

	// The first free time more than a day (and a few minutes) ahead.
	const from = dateAhead( 1 );
	const to = dateAhead( 3 );
	const answer = await request.get(
		`/wp-json/appointease/v1/availability?service=${ bookable.service.id }&employee=${ bookable.employee.id }&from=${ from }&to=${ to }`
	);
	expect( answer.status() ).toBe( 200 );
	const { days } = ( await answer.json() ) as {
		days: Array< { date: string; slots: Slot[] } >;
	};
	const earliest = Date.now() + 86_400_000 + 10 * 60_000;
	const day = days.find( ( one ) =>
		one.slots.some(
			( slot ) =>
				slot.state === 'available' &&
				Date.parse( slot.start ) > earliest
		)
	);
	const slot = day?.slots.find(
		( one ) =>
			one.state === 'available' && Date.parse( one.start ) > earliest
	);
	expect( slot, 'a free time a day ahead' ).toBeDefined();
	const start = slot!.start;

	const { answer: made } = await bookInBrowser( page, bookable, day!.date, {
		start,
		name: 'Rita Reminder',
		email,
	} );
	const booking = made as { id: number; start: string };
	await waitForMails( email, 1 );
	expect( reminders( await mailsTo( email ) ) ).toHaveLength( 0 );

	// A minute after the 24-hour reminder's moment.
	const startMs = Date.parse( start );
	const now = new Date( startMs - 86_400_000 + 60_000 ).toISOString();
	const first = runReminders( now );
	expect( first ).toContain( `Sent: booking ${ booking.id }, 24h reminder` );
	expect( first ).not.toContain( `booking ${ booking.id }, 2h reminder` );

	await expect
		.poll( async () => reminders( await mailsTo( email ) ).length, {
			timeout: 15_000,
		} )
		.toBe( 1 );
	const [ reminder ] = reminders( await mailsTo( email ) );
	expect( reminder?.subject ).toContain( bookable.service.name );

	// The time as the calendar's timezone shows it: the slot's own offset.
	const local = /T(\d\d):(\d\d)/.exec( start )!;
	const hour = Number( local[ 1 ] );
	const twelve = `${ hour % 12 || 12 }:${ local[ 2 ] }`;
	const twentyFour = `${ local[ 1 ] }:${ local[ 2 ] }`;
	const text = reminder?.text ?? '';
	expect(
		text.includes( twelve ) || text.includes( twentyFour ),
		`${ twelve } or ${ twentyFour } in:\n${ text }`
	).toBe( true );
	const ics = await attachment(
		reminder!,
		`appointment-${ booking.id }.ics`
	);
	const utc = new Date( startMs )
		.toISOString()
		.replace( /[-:]/g, '' )
		.replace( /\.\d{3}/, '' );
	expect( ics ).toContain( `DTSTART:${ utc }` );

	// A second run, a minute later, sends nothing more for this booking.
	const second = runReminders(
		new Date( startMs - 86_400_000 + 120_000 ).toISOString()
	);
	expect( second ).not.toContain( `booking ${ booking.id },` );
	// The run hands what it queued to the mail server before it returns.
	expect( reminders( await mailsTo( email ) ) ).toHaveLength( 1 );

	// The reminder's manage link opens the booking.
	const link =
		/https?:\/\/\S+appointease_booking=\d+#appointease_token=[0-9a-f]+/.exec(
			text
		)?.[ 0 ] ?? '';
	expect( link, text ).not.toBe( '' );
	await page.goto( link );
	const manage = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( manage.getByText( bookable.service.name ) ).toBeVisible();
	expect( errors ).toEqual( [] );
} );
