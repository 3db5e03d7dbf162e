/**
 * Real email (issue 15): a visitor's booking email goes out over SMTP to the
 * stack's maildev right after the booking's answer, as HTML with a plain-text
 * part and the calendar file, and its manage link opens the booking. With
 * maildev stopped (its port closed), a booking still answers 201 at once, and
 * its email arrives once maildev is back and the outbox is sent. Emails are
 * read through maildev's REST API, each test with an address of its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { attachment, mailsTo, maildevUrl, waitForMails } from './mail';
import { readStack } from './stack';
import {
	bookInBrowser,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const bookable = withBookable( 'Mail' );
const ROOT = path.join( __dirname, '..', '..' );

/** The environment that makes the bin/ scripts find this stack. */
function stackEnv(): NodeJS.ProcessEnv {
	const stack = readStack();
	return {
		...process.env,
		APPOINTEASE_RUNTIME: stack.runtime,
		APPOINTEASE_SMTP_PORT: stack.smtp_port,
		APPOINTEASE_MAILDEV_WEB_PORT: new URL( stack.maildev_url ).port,
	};
}

/** Whether maildev answers its health check. */
async function maildevUp(): Promise< boolean > {
	try {
		const answer = await fetch( `${ maildevUrl() }/api/healthz`, {
			signal: AbortSignal.timeout( 2_000 ),
		} );
		return answer.ok;
	} catch {
		return false;
	}
}

/** Starts maildev the way bin/lib/services.sh does, if it is down. */
function startMaildev(): void {
	execFileSync(
		'bash',
		[
			'-c',
			'source bin/lib/common.sh && source bin/lib/services.sh && start_maildev',
		],
		{ cwd: ROOT, env: stackEnv(), timeout: 60_000, stdio: 'pipe' }
	);
}

test( 'a visitor books; the email arrives at once with an HTML and a plain part and the calendar file, and its link opens the booking', async ( {
	page,
} ) => {
	const errors = collectPageErrors( page );
	const email = `mail.${ Date.now() }@example.com`;
	const { answer } = await bookInBrowser( page, bookable, dateAhead( 7 ), {
		name: 'Tom & <b>Jerry</b>',
		email,
	} );
	const booking = answer as { id: number };

	// Sent right after the answer (no cron run needed).
	const [ mail ] = await waitForMails( email, 1, 10_000 );
	expect( mail?.subject ).toContain( 'Your booking:' );
	expect( mail?.text ).toContain( 'Hello Tom & Jerry,' );
	expect( mail?.html ).toContain( 'Hello Tom &amp; Jerry,' );
	expect( mail?.html ).not.toContain( '<b>' );
	expect(
		await attachment( mail!, `appointment-${ booking.id }.ics` )
	).toContain( 'BEGIN:VCALENDAR' );

	const link =
		/https?:\/\/\S+appointease_booking=\d+#appointease_token=[0-9a-f]+/.exec(
			mail?.text ?? ''
		)?.[ 0 ] ?? '';
	expect( link, mail?.text ).not.toBe( '' );
	await page.goto( link );
	const manage = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( manage.getByText( bookable.service.name ) ).toBeVisible();
	expect( errors ).toEqual( [] );
} );

test( 'maildev stopped: a booking still answers 201 at once, and its email arrives once maildev is back', async ( {
	request,
} ) => {
	const email = `outage.${ Date.now() }@example.com`;
	const date = dateAhead( 8 );
	const day = await request.get(
		`/wp-json/appointease/v1/availability?service=${ bookable.service.id }&employee=${ bookable.employee.id }&from=${ date }&to=${ date }`
	);
	const { days } = ( await day.json() ) as {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	};
	const start =
		days[ 0 ]?.slots.find( ( slot ) => slot.state === 'available' )
			?.start ?? '';
	expect( start ).not.toBe( '' );

	// Killed outright, as a crashed mail server: its SMTP port is closed at once.
	const pidFile = path.join( readStack().runtime, 'run', 'maildev.pid' );
	const pid = Number( fs.readFileSync( pidFile, 'utf8' ).trim() );
	process.kill( pid, 'SIGKILL' );
	try {
		await expect
			.poll(
				() => {
					try {
						process.kill( pid, 0 );
						return true;
					} catch {
						return false;
					}
				},
				{ timeout: 10_000 }
			)
			.toBe( false );
		expect( await maildevUp() ).toBe( false );

		const started = Date.now();
		const made = await request.post( '/wp-json/appointease/v1/bookings', {
			data: {
				service: bookable.service.id,
				employee: bookable.employee.id,
				start,
				customer: { name: 'Olga Outage', email },
			},
		} );
		expect( made.status() ).toBe( 201 );
		expect( Date.now() - started ).toBeLessThan( 3_000 );
	} finally {
		startMaildev();
	}
	expect( await maildevUp() ).toBe( true );
	expect( await mailsTo( email ) ).toHaveLength( 0 );

	// The send after the answer failed and waits for its retry; an operator
	// (or the cron, a minute later) sends it.
	const output = execFileSync(
		path.join( ROOT, 'bin', 'wp' ),
		[ 'appointease', 'emails', 'send', '--all' ],
		{ env: stackEnv(), encoding: 'utf8', timeout: 60_000 }
	);
	expect( output ).toMatch( /Success: Sent [1-9]\d* emails/ );
	const mails = await waitForMails( email, 1 );
	expect( mails ).toHaveLength( 1 );
	expect( mails[ 0 ]?.subject ).toContain( 'Your booking:' );
} );
