<?php
/**
 * Registers `wp appointease`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * The command tree: bookings, employees, services, store, holds, seed, reminders, fields, settings, calendars.
 */
final class Commands {

	/**
	 * Adds every command. Called only when WP-CLI runs.
	 */
	public static function register(): void {
		// A namespace goes by class name: WP-CLI builds it, with its help text from the docblock.
		self::add( 'appointease', AppointEaseNamespace::class );
		self::add( 'appointease bookings', new BookingsCommand() );
		self::add( 'appointease employees', new EmployeesCommand() );
		self::add( 'appointease services', new ServicesCommand() );
		self::add( 'appointease store', new StoreCommand() );
		self::add( 'appointease holds', new HoldsCommand() );
		self::add( 'appointease seed', new SeedCommand() );
		self::add( 'appointease emails', new EmailsCommand() );
		self::add( 'appointease reminders', new RemindersCommand() );
		self::add( 'appointease fields', new FieldsCommand() );
		self::add( 'appointease settings', new SettingsCommand() );
		self::add( 'appointease calendars', new CalendarsCommand() );
	}

	/**
	 * Adds one command.
	 *
	 * @param string        $name    The command's words.
	 * @param object|string $command A class (or its name) whose public methods are the subcommands.
	 */
	private static function add( string $name, object|string $command ): void {
		WP_CLI::add_command( $name, $command );
	}
}
