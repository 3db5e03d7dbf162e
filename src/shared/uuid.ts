/**
 * A random UUID (version 4), e.g. for the `Idempotency-Key` of a booking.
 *
 * `crypto.randomUUID()` exists only in secure contexts (HTTPS or localhost),
 * so a site served over plain HTTP gets one built from
 * `crypto.getRandomValues()`, which every supported browser has.
 */
export function randomUuid(): string {
	const cryptoApi = globalThis.crypto;
	if ( typeof cryptoApi?.randomUUID === 'function' ) {
		return cryptoApi.randomUUID();
	}
	const bytes = new Uint8Array( 16 );
	cryptoApi.getRandomValues( bytes );
	// Version 4 (high nibble 0100), variant 10xx (RFC 4122).
	bytes[ 6 ] = ( ( bytes[ 6 ] ?? 0 ) % 16 ) + 0x40;
	bytes[ 8 ] = ( ( bytes[ 8 ] ?? 0 ) % 64 ) + 0x80;
	const hex = Array.from( bytes, ( byte ) =>
		byte.toString( 16 ).padStart( 2, '0' )
	).join( '' );
	return `${ hex.slice( 0, 8 ) }-${ hex.slice( 8, 12 ) }-${ hex.slice(
		12,
		16
	) }-${ hex.slice( 16, 20 ) }-${ hex.slice( 20 ) }`;
}
