/**
 * The stack's maildev, read through its REST API: what the site really sent
 * over SMTP. One maildev serves a whole run, so specs look for addresses of
 * their own (e.g. `someone.${ Date.now() }@example.com`) instead of clearing it.
 */
import { expect } from '@playwright/test';
import { readStack } from './stack';

export interface MailAddress {
	address: string;
	name?: string;
}

/** One email as maildev keeps it. */
export interface Mail {
	id: string;
	subject: string;
	to: MailAddress[];
	text?: string;
	html?: string;
	time: string;
	attachments: Array< {
		filename: string;
		generatedFileName: string;
		contentType: string;
	} >;
}

/**
 * maildev's base URL, from the stack file.
 */
export function maildevUrl(): string {
	const url = readStack().maildev_url;
	if ( ! url ) {
		throw new Error(
			'The stack file names no maildev: run `npm run demo` (or bin/test.sh e2e) again.'
		);
	}
	return url.replace( /\/$/, '' );
}

/**
 * Every email maildev holds, oldest first.
 */
export async function allMails(): Promise< Mail[] > {
	const response = await fetch( `${ maildevUrl() }/api/email`, {
		signal: AbortSignal.timeout( 5_000 ),
	} );
	expect( response.ok, 'maildev answers' ).toBe( true );
	return ( await response.json() ) as Mail[];
}

/**
 * The emails to an address, oldest first.
 *
 * @param address The recipient.
 */
export async function mailsTo( address: string ): Promise< Mail[] > {
	const wanted = address.toLowerCase();
	return ( await allMails() ).filter( ( mail ) =>
		mail.to.some( ( to ) => to.address.toLowerCase() === wanted )
	);
}

/**
 * Waits until an address has received at least `count` emails (within
 * `timeout` ms) and gives them, oldest first.
 *
 * @param address The recipient.
 * @param count   How many to wait for.
 * @param timeout Milliseconds.
 */
export async function waitForMails(
	address: string,
	count = 1,
	timeout = 15_000
): Promise< Mail[] > {
	await expect
		.poll( async () => ( await mailsTo( address ) ).length, {
			timeout,
			message: `${ count } email(s) to ${ address } in maildev`,
		} )
		.toBeGreaterThanOrEqual( count );
	return mailsTo( address );
}

/**
 * An attachment's content.
 *
 * @param mail     The email.
 * @param filename Its file name.
 */
export async function attachment(
	mail: Mail,
	filename: string
): Promise< string > {
	const file = mail.attachments.find( ( one ) => one.filename === filename );
	if ( ! file ) {
		return '';
	}
	const response = await fetch(
		`${ maildevUrl() }/api/email/${ mail.id }/attachment/${ file.generatedFileName }`,
		{ signal: AbortSignal.timeout( 5_000 ) }
	);
	return response.text();
}
