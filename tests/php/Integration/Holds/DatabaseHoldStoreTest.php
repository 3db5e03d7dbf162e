<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Holds\DatabaseHoldStore;
use AppointEase\Holds\HoldConflictException;
use AppointEase\Holds\HoldStore;
use AppointEase\Infrastructure\Schema;

/**
 * The hold contract against the database store, plus what only it has: the
 * employee lock and running inside a caller's transaction.
 */
final class DatabaseHoldStoreTest extends HoldStoreContractTest {

	protected function make_store(): HoldStore {
		return new DatabaseHoldStore();
	}

	protected function set_up(): void {
		parent::set_up();
		self::delete_employees_and_holds( array( self::ALICE, self::BOB ) );
		self::insert_employees( array( self::ALICE, self::BOB ) );
	}

	protected function tear_down(): void {
		self::delete_employees_and_holds( array( self::ALICE, self::BOB ) );
		parent::tear_down();
	}

	public function test_name(): void {
		$this->assertSame( 'database', $this->store->name() );
	}

	public function test_a_hold_for_an_employee_that_does_not_exist_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->store->acquire( self::claim( 9199, 7, '10:00' ), self::token(), 30, 600, self::NOW );
	}

	public function test_the_hash_of_the_token_is_stored_never_the_token(): void {
		global $wpdb;
		$token = 'the-secret-token';
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), hash( 'sha256', $token ), 30, 600, self::NOW );

		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Schema::table( 'holds' ) . ' WHERE id = %s', $hold->id ), ARRAY_A );
		$this->assertIsArray( $row );
		$this->assertSame( hash( 'sha256', $token ), $row['token_hash'] );
		$this->assertStringNotContainsString( $token, implode( ' ', $row ) );
		$this->assertSame( (string) ( self::NOW + 600 ), $row['max_expires_at'] );
	}

	public function test_inside_the_callers_transaction_it_neither_commits_nor_misses_a_newer_hold(): void {
		global $wpdb;
		$inner = new DatabaseHoldStore( false );

		$wpdb->query( 'START TRANSACTION' );
		try {
			// The caller's first read fixes its REPEATABLE READ snapshot...
			$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
			// ...then another visitor's hold is committed by another process.
			$this->assertMatchesRegularExpression( '/^won h[0-9a-f]{20}$/', $this->hold_from_another_process( '2030-01-07T10:00:00Z' ) );
			try {
				$inner->acquire( self::claim( self::ALICE, 8, '10:15' ), self::token(), 30, 600, self::NOW );
				$this->fail( 'A hold committed after the snapshot was missed.' );
			} catch ( HoldConflictException $e ) {
				$this->addToAssertionCount( 1 );
			}
			$kept = $inner->acquire( self::claim( self::ALICE, 8, '11:00' ), self::token(), 30, 600, self::NOW );
		} finally {
			$wpdb->query( 'ROLLBACK' );
		}

		$this->assertNull( $this->store->find( $kept->id, self::NOW ), "The caller's rollback removed the hold: the store did not commit on its own." );
		$this->assertCount( 1, $this->store->live( self::ALICE, self::NOW, self::NOW + 2 * 86400, self::NOW ) );
	}

	/**
	 * Takes a 30-minute hold for ALICE in a separate PHP process; returns its output.
	 */
	private function hold_from_another_process( string $start ): string {
		// Instant 0 has passed: it acts at once, racing nobody.
		return Racer::start( 'race-hold.php', 0, array( 'database', '', (string) self::ALICE, '7', $start, '30', '1', '1', (string) self::NOW ) )->output();
	}

	public function test_purge_deletes_only_records_past_their_grace_period(): void {
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 100, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 7, '11:00' ), self::token(), 30, 200, self::NOW );

		$this->assertSame( 0, $this->store->purge_expired( self::NOW + 100 + HoldStore::GRACE_SECONDS - 1 ) );
		$this->assertSame( 1, $this->store->purge_expired( self::NOW + 100 + HoldStore::GRACE_SECONDS ) );
		$this->assertSame( 1, $this->store->purge_expired( self::NOW + 10000 ) );
	}
}
