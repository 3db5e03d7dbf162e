<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Rest;

use AppointEase\Rest\TrustedProxies;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * The client's address behind trusted proxies, and nowhere else.
 */
final class TrustedProxiesTest extends TestCase {

	public function test_without_trusted_proxies_the_header_is_ignored(): void {
		$proxies = new TrustedProxies( array() );

		$this->assertSame( '203.0.113.9', $proxies->client( '203.0.113.9', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.1' ) ) );
	}

	public function test_a_request_not_from_a_trusted_proxy_keeps_its_own_address(): void {
		$proxies = new TrustedProxies( array( '10.0.0.0/8' ) );

		$this->assertSame( '203.0.113.9', $proxies->client( '203.0.113.9', array( 'HTTP_X_FORWARDED_FOR' => '198.51.100.1' ) ), 'A script cannot pick its address by sending the header.' );
	}

	public function test_behind_a_trusted_proxy_the_client_is_the_first_untrusted_address_from_the_right(): void {
		$proxies = new TrustedProxies( array( '10.0.0.0/8', '192.0.2.7' ) );
		$server  = array( 'HTTP_X_FORWARDED_FOR' => '1.2.3.4, 198.51.100.23, 192.0.2.7' );

		$this->assertSame( '198.51.100.23', $proxies->client( '10.1.2.3', $server ), 'What the client wrote (1.2.3.4) stands left of it and is not used.' );
	}

	public function test_a_header_of_trusted_proxies_only_or_with_garbage_falls_back_to_the_proxy(): void {
		$proxies = new TrustedProxies( array( '10.0.0.0/8' ) );

		$this->assertSame( '10.0.0.1', $proxies->client( '10.0.0.1', array( 'HTTP_X_FORWARDED_FOR' => '10.0.0.2, 10.0.0.3' ) ) );
		$this->assertSame( '10.0.0.1', $proxies->client( '10.0.0.1', array( 'HTTP_X_FORWARDED_FOR' => 'unknown' ) ) );
		$this->assertSame( '10.0.0.1', $proxies->client( '10.0.0.1', array() ) );
	}

	public function test_another_header_can_be_named(): void {
		$proxies = new TrustedProxies( array( '10.0.0.0/8' ), 'CF-Connecting-IP' );

		$this->assertSame(
			'198.51.100.5',
			$proxies->client(
				'10.0.0.1',
				array(
					'HTTP_CF_CONNECTING_IP' => '198.51.100.5',
					'HTTP_X_FORWARDED_FOR'  => '1.1.1.1',
				)
			)
		);
	}

	public function test_cidrs_match_on_the_bit_for_ipv4_and_ipv6(): void {
		$proxies = new TrustedProxies( array( '192.0.2.128/25', '2001:db8:abcd::/48', 'not-a-network', '10.0.0.0/33' ) );

		$this->assertTrue( $proxies->is_trusted( '192.0.2.128' ) );
		$this->assertTrue( $proxies->is_trusted( '192.0.2.255' ) );
		$this->assertFalse( $proxies->is_trusted( '192.0.2.127' ) );
		$this->assertTrue( $proxies->is_trusted( '2001:db8:abcd:ffff::1' ) );
		$this->assertFalse( $proxies->is_trusted( '2001:db8:abce::1' ) );
		$this->assertFalse( $proxies->is_trusted( '10.0.0.1' ), 'A prefix longer than the address matches nothing.' );
		$this->assertFalse( $proxies->is_trusted( '::ffff:192.0.2.200' ), 'An IPv6 form never matches an IPv4 network.' );
	}
}
