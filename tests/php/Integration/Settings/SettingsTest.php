<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Settings;

use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\TestCase;

final class SettingsTest extends TestCase {

	private const DEFAULTS = array(
		'slot_step'         => 15,
		'minimum_notice'    => 60,
		'horizon_days'      => 90,
		'approval_required' => false,
		'hold_ttl'          => 30,
		'hold_max_life'     => 600,
	);

	public function test_a_fresh_site_has_the_defaults_and_stores_nothing(): void {
		$this->assertSame( array(), get_option( Settings::OPTION ), 'The install adds the option empty, so that it is autoloaded.' );
		$all = Settings::all();
		$this->assertSame( self::defaults(), $all );
		$this->assertSame( self::DEFAULTS, array_intersect_key( $all, self::DEFAULTS ) );
		$this->assertSame( 15, Settings::int( 'slot_step' ) );
		$this->assertFalse( Settings::bool( 'approval_required' ) );
	}

	public function test_every_setting_has_a_default_that_its_own_schema_accepts(): void {
		foreach ( Settings::schema() as $key => $schema ) {
			$this->assertArrayHasKey( 'default', $schema, $key );
			$this->assertTrue( rest_validate_value_from_schema( $schema['default'], $schema, $key ), $key );
		}
	}

	public function test_update_stores_the_change_and_keeps_the_other_settings(): void {
		Settings::update( array( 'slot_step' => 30 ) );
		$after = Settings::update( array( 'approval_required' => true ) );

		$expected = array_merge(
			self::defaults(),
			array(
				'slot_step'         => 30,
				'approval_required' => true,
			)
		);
		$this->assertSame( $expected, $after );
		$this->assertSame( $expected, Settings::all() );
		$this->assertSame(
			array(
				'slot_step'         => 30,
				'approval_required' => true,
			),
			get_option( Settings::OPTION ),
			'Only changed settings are stored; the others keep following the defaults.'
		);
		$this->assertSame( 30, Settings::int( 'slot_step' ) );
		$this->assertTrue( Settings::bool( 'approval_required' ) );
	}

	public function test_update_stores_values_with_their_schema_types(): void {
		$after = Settings::update(
			array(
				'minimum_notice'    => '120',
				'approval_required' => 'true',
			)
		);

		$this->assertSame( 120, $after['minimum_notice'] );
		$this->assertTrue( $after['approval_required'] );
		$this->assertSame( 120, get_option( Settings::OPTION )['minimum_notice'] );
	}

	public function test_a_stored_value_that_is_no_longer_valid_falls_back_to_its_default(): void {
		update_option(
			Settings::OPTION,
			array(
				'slot_step'      => 7,
				'horizon_days'   => 30,
				'something_else' => 'x',
			)
		);

		$all = Settings::all();

		$this->assertSame( 15, $all['slot_step'] );
		$this->assertSame( 30, $all['horizon_days'] );
		$this->assertArrayNotHasKey( 'something_else', $all );
	}

	public function test_stored_values_come_back_with_their_schema_types(): void {
		update_option(
			Settings::OPTION,
			array(
				'slot_step'         => '30',
				'approval_required' => '1',
			)
		);

		$all = Settings::all();

		$this->assertSame( 30, $all['slot_step'] );
		$this->assertTrue( $all['approval_required'] );
	}

	/**
	 * @dataProvider invalid_changes
	 *
	 * @param array<string, mixed> $changes What is refused.
	 */
	public function test_an_invalid_change_throws_and_stores_nothing( array $changes ): void {
		Settings::update( array( 'horizon_days' => 30 ) );
		$before = get_option( Settings::OPTION );

		try {
			Settings::update( $changes );
			$this->fail( 'The change was accepted: ' . wp_json_encode( $changes ) );
		} catch ( \InvalidArgumentException $refused ) {
			$this->assertNotSame( '', $refused->getMessage() );
		}

		$this->assertSame( $before, get_option( Settings::OPTION ) );
		wp_cache_flush();
		$this->assertSame( $before, get_option( Settings::OPTION ), 'Nothing reached the database either.' );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function invalid_changes(): array {
		return array(
			'a step off the list'                   => array( array( 'slot_step' => 7 ) ),
			'a negative notice'                     => array( array( 'minimum_notice' => -5 ) ),
			'a notice above the maximum'            => array( array( 'minimum_notice' => 43201 ) ),
			'a horizon of zero days'                => array( array( 'horizon_days' => 0 ) ),
			'a non-boolean approval'                => array( array( 'approval_required' => 'maybe' ) ),
			'a text step'                           => array( array( 'slot_step' => 'often' ) ),
			'an unknown key'                        => array( array( 'colour' => 'blue' ) ),
			'a currency in lower case'              => array( array( 'currency' => 'eur' ) ),
			'a currency name, not its code'         => array( array( 'currency' => 'Euro' ) ),
			'a currency sign'                       => array( array( 'currency' => '€' ) ),
			'a hold outliving its maximum'          => array(
				array(
					'hold_ttl'      => 120,
					'hold_max_life' => 60,
				),
			),
			'a valid change next to an invalid one' => array(
				array(
					'slot_step'      => 30,
					'minimum_notice' => -1,
				),
			),
			'a valid change next to an unknown key' => array(
				array(
					'approval_required' => true,
					'colour'            => 'blue',
				),
			),
		);
	}

	public function test_a_fresh_site_refuses_an_invalid_change_and_stores_nothing(): void {
		try {
			Settings::update( array( 'slot_step' => 7 ) );
			$this->fail( 'A step of 7 minutes was accepted.' );
		} catch ( \InvalidArgumentException $refused ) {
			$this->assertSame( array(), get_option( Settings::OPTION ) );
		}
	}

	public function test_a_hold_ttl_above_the_stored_maximum_life_is_refused(): void {
		Settings::update( array( 'hold_max_life' => 60 ) );

		try {
			Settings::update( array( 'hold_ttl' => 120 ) );
			$this->fail( 'A hold may now last 120 s per heartbeat but 60 s at most.' );
		} catch ( \InvalidArgumentException $refused ) {
			$this->assertSame( 30, Settings::int( 'hold_ttl' ) );
			$this->assertSame( 60, Settings::int( 'hold_max_life' ) );
		}
	}

	public function test_hold_ttl_equal_to_the_maximum_life_is_allowed(): void {
		$after = Settings::update(
			array(
				'hold_ttl'      => 60,
				'hold_max_life' => 60,
			)
		);

		$this->assertSame( 60, $after['hold_ttl'] );
		$this->assertSame( 60, Settings::int( 'hold_max_life' ) );
	}

	/**
	 * Every setting's default, from the schema.
	 *
	 * @return array<string, mixed>
	 */
	private static function defaults(): array {
		return array_map( static fn( array $schema ) => $schema['default'], Settings::schema() );
	}
}
