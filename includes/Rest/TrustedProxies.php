<?php
/**
 * Which address a request came from, when the site sits behind proxies.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * By default the client is REMOTE_ADDR: anyone can send a forwarded-for
 * header, so trusting it would let a script pick a fresh address for every
 * request. Behind a load balancer, CDN or reverse proxy, REMOTE_ADDR is the
 * proxy instead, and every visitor would share one limit. A site then names
 * its proxies in wp-config.php as `APPOINTEASE_TRUSTED_PROXIES` (CIDRs or single
 * addresses, comma-separated: '10.0.0.0/8, 2001:db8::/32'), and the header they
 * set as `APPOINTEASE_CLIENT_IP_HEADER` where it is not X-Forwarded-For.
 *
 * Only when REMOTE_ADDR is one of them is the header read, from the right:
 * each trusted proxy appends the address it saw, so the first address from
 * the right that is not a trusted proxy is the client. What a client writes
 * into the header itself stands to the left of that and is never used.
 *
 * Constants, not a setting: the early poll and the REST routes both need the
 * answer before any theme or admin screen could change it, and a host with
 * many web nodes configures them where it configures the rest of the stack.
 * Pure PHP, so that it is unit-tested on its own.
 */
final class TrustedProxies {

	/**
	 * Builds it.
	 *
	 * @param string[] $networks Trusted proxies, as CIDRs or single addresses.
	 * @param string   $header   The header they set, e.g. X-Forwarded-For.
	 */
	public function __construct( private readonly array $networks, private readonly string $header = 'X-Forwarded-For' ) {
	}

	/**
	 * The configuration of wp-config.php's constants (none trusted without them).
	 */
	public static function from_constants(): self {
		$list   = defined( 'APPOINTEASE_TRUSTED_PROXIES' ) ? (string) constant( 'APPOINTEASE_TRUSTED_PROXIES' ) : '';
		$header = defined( 'APPOINTEASE_CLIENT_IP_HEADER' ) ? (string) constant( 'APPOINTEASE_CLIENT_IP_HEADER' ) : 'X-Forwarded-For';
		return new self( array_values( array_filter( array_map( 'trim', explode( ',', $list ) ) ) ), $header );
	}

	/**
	 * The client's address.
	 *
	 * @param string                $remote_addr REMOTE_ADDR.
	 * @param array<string, string> $server      The request's $_SERVER (for the header).
	 */
	public function client( string $remote_addr, array $server ): string {
		if ( ! $this->is_trusted( $remote_addr ) ) {
			return $remote_addr;
		}
		$key   = 'HTTP_' . strtoupper( str_replace( '-', '_', $this->header ) );
		$chain = array_map( 'trim', explode( ',', (string) ( $server[ $key ] ?? '' ) ) );
		foreach ( array_reverse( $chain ) as $hop ) {
			if ( false === inet_pton( $hop ) ) {
				// Not an address: whatever stands left of it is not vouched for.
				return $remote_addr;
			}
			if ( ! $this->is_trusted( $hop ) ) {
				return $hop;
			}
		}
		return $remote_addr;
	}

	/**
	 * Whether an address is one of the trusted proxies.
	 *
	 * @param string $ip An address.
	 */
	public function is_trusted( string $ip ): bool {
		$address = inet_pton( $ip );
		if ( false === $address ) {
			return false;
		}
		foreach ( $this->networks as $network ) {
			if ( self::contains( $network, $address ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a network (CIDR, or a single address) holds a packed address.
	 *
	 * @param string $network E.g. 10.0.0.0/8, 2001:db8::/32 or 192.0.2.7.
	 * @param string $address inet_pton() of the address.
	 */
	private static function contains( string $network, string $address ): bool {
		list( $base, $bits ) = array_pad( explode( '/', $network, 2 ), 2, null );
		$prefix              = inet_pton( (string) $base );
		if ( false === $prefix || strlen( $prefix ) !== strlen( $address ) ) {
			return false;
		}
		$length = null === $bits ? strlen( $prefix ) * 8 : (int) $bits;
		if ( $length < 0 || $length > strlen( $prefix ) * 8 || ( null !== $bits && ! ctype_digit( $bits ) ) ) {
			return false;
		}
		$whole = intdiv( $length, 8 );
		if ( substr( $prefix, 0, $whole ) !== substr( $address, 0, $whole ) ) {
			return false;
		}
		$rest = $length % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $prefix[ $whole ] ) & $mask ) === ( ord( $address[ $whole ] ) & $mask );
	}
}
