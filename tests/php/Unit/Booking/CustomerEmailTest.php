<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Booking;

use AppointEase\Booking\CustomerEmail;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * The form of an address the booking cap compares.
 */
final class CustomerEmailTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function spellings(): array {
		return array(
			'case and spaces'              => array( ' Ann@Example.COM ', 'ann@example.com' ),
			'a +tag anywhere'              => array( 'ann+spam@example.com', 'ann@example.com' ),
			'only the first + counts'      => array( 'ann+a+b@example.com', 'ann@example.com' ),
			'dots stay outside Gmail'      => array( 'a.n.n@example.com', 'a.n.n@example.com' ),
			'Gmail ignores dots'           => array( 'A.n.N+x@gmail.com', 'ann@gmail.com' ),
			'googlemail is Gmail'          => array( 'a.nn@googlemail.com', 'ann@gmail.com' ),
			'a leading + is the name'      => array( '+ann@example.com', '+ann@example.com' ),
			'no @ is compared as it is'    => array( ' Not-An-Address ', 'not-an-address' ),
			'the last @ splits the domain' => array( '"a@b"+x@example.com', '"a@b"@example.com' ),
		);
	}

	/**
	 * @dataProvider spellings
	 */
	public function test_spellings_of_one_address_share_a_key( string $email, string $key ): void {
		$this->assertSame( $key, CustomerEmail::key( $email ) );
	}

	public function test_the_domains_to_look_in_cover_every_spelling_of_the_key(): void {
		$this->assertSame( array( 'example.com' ), CustomerEmail::domains( 'ann@example.com' ) );
		$this->assertSame( array( 'gmail.com', 'googlemail.com' ), CustomerEmail::domains( 'ann@gmail.com' ) );
	}
}
