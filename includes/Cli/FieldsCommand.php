<?php
/**
 * `wp appointease fields`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Form\Fields;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, adds, changes and deletes the fields of the booking form.
 *
 * @phpstan-import-type Field from Fields
 */
final class FieldsCommand {

	/**
	 * Lists the fields: every form's, or one service's form.
	 *
	 * ## OPTIONS
	 *
	 * [--service=<id>]
	 * : Only the form of this service (its own fields and the global ones it does not hide).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease fields list
	 *     $ wp appointease fields list --service=2 --format=json
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$fields = isset( $assoc_args['service'] ) ? Fields::for_service( (int) $assoc_args['service'] ) : Fields::active();
		$rows   = array_map( array( self::class, 'row' ), array_values( $fields ) );
		( new Formatter( $assoc_args, array( 'id', 'type', 'label', 'required', 'options', 'service', 'hidden_for', 'order', 'help' ), 'field' ) )->display_items( $rows );
	}

	/**
	 * Adds a field, last in the form.
	 *
	 * ## OPTIONS
	 *
	 * --label=<label>
	 * : The question as the customer reads it.
	 *
	 * --type=<type>
	 * : What kind of answer it takes.
	 * ---
	 * options:
	 *   - text
	 *   - long_text
	 *   - email
	 *   - phone
	 *   - number
	 *   - date
	 *   - select
	 *   - radio
	 *   - checkboxes
	 *   - checkbox
	 * ---
	 *
	 * [--options=<a,b,c>]
	 * : The choices of a select, radio or checkboxes field, separated by commas.
	 *
	 * [--required]
	 * : The customer must answer it (a single checkbox: must tick it).
	 *
	 * [--help-text=<text>]
	 * : A hint shown under the field.
	 *
	 * [--service=<id>]
	 * : Only on this service's form (default: every service's).
	 *
	 * [--porcelain]
	 * : Print only the new field's id.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease fields create --label="How did you hear of us?" --type=select --options="A friend,The web,Other" --required
	 *     Success: Added field f_1a2b3c4d.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function create( array $args, array $assoc_args ): void {
		$values             = self::values( $assoc_args );
		$values['required'] = ! empty( $assoc_args['required'] );
		$field              = self::run( static fn(): array => Fields::create( $values ) );
		if ( ! empty( $assoc_args['porcelain'] ) ) {
			WP_CLI::line( $field['id'] );
			return;
		}
		WP_CLI::success( sprintf( 'Added field %s.', $field['id'] ) );
	}

	/**
	 * Changes a field; what is not given stays. Answers already given keep
	 * their field id, so a new label shows on old bookings too.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The field's id.
	 *
	 * [--label=<label>]
	 * : The question as the customer reads it.
	 *
	 * [--type=<type>]
	 * : What kind of answer it takes: text, long_text, email, phone, number, date, select, radio, checkboxes, checkbox.
	 *
	 * [--options=<a,b,c>]
	 * : The choices, separated by commas.
	 *
	 * [--required=<required>]
	 * : Whether the customer must answer it.
	 * ---
	 * options:
	 *   - true
	 *   - false
	 * ---
	 *
	 * [--help-text=<text>]
	 * : A hint shown under the field.
	 *
	 * [--order=<n>]
	 * : Position in the form; smaller comes first.
	 *
	 * [--hide-for=<ids>]
	 * : Services (ids, separated by commas; empty for none) whose form leaves out this global field.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease fields update f_1a2b3c4d --label="Where did you hear of us?" --hide-for=3
	 *     Success: Updated field f_1a2b3c4d.
	 *
	 * @param string[]             $args       The id.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function update( array $args, array $assoc_args ): void {
		$values = self::values( $assoc_args );
		if ( isset( $assoc_args['required'] ) ) {
			$values['required'] = 'true' === $assoc_args['required'];
		}
		if ( isset( $assoc_args['order'] ) ) {
			$values['order'] = (string) $assoc_args['order'];
		}
		if ( isset( $assoc_args['hide-for'] ) ) {
			$values['hidden_for'] = self::list_of( (string) $assoc_args['hide-for'] );
		}
		$id = (string) $args[0];
		self::run( static fn(): array => Fields::update( $id, $values ) );
		WP_CLI::success( sprintf( 'Updated field %s.', $id ) );
	}

	/**
	 * Takes a field off every form. Old bookings keep its answers and label.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The field's id.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease fields delete f_1a2b3c4d
	 *     Success: Deleted field f_1a2b3c4d.
	 *
	 * @param string[]             $args       The id.
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function delete( array $args, array $assoc_args ): void {
		$id = (string) $args[0];
		self::run(
			static function () use ( $id ): array {
				Fields::delete( $id );
				return array();
			}
		);
		WP_CLI::success( sprintf( 'Deleted field %s.', $id ) );
	}

	/**
	 * The field values the options give: label, type, help, options, service.
	 *
	 * @param array<string, mixed> $assoc_args Named arguments.
	 * @return array<string, mixed>
	 */
	private static function values( array $assoc_args ): array {
		$values = array();
		foreach ( array( 'label', 'type' ) as $key ) {
			if ( isset( $assoc_args[ $key ] ) ) {
				$values[ $key ] = (string) $assoc_args[ $key ];
			}
		}
		if ( isset( $assoc_args['help-text'] ) ) {
			$values['help'] = (string) $assoc_args['help-text'];
		}
		if ( isset( $assoc_args['options'] ) ) {
			$values['options'] = self::list_of( (string) $assoc_args['options'] );
		}
		if ( isset( $assoc_args['service'] ) ) {
			$values['service'] = (string) $assoc_args['service'];
		}
		return $values;
	}

	/**
	 * Comma-separated values, trimmed, without empty ones.
	 *
	 * @param string $text What was given.
	 * @return string[]
	 */
	private static function list_of( string $text ): array {
		return array_values( array_filter( array_map( 'trim', explode( ',', $text ) ), static fn( string $item ): bool => '' !== $item ) );
	}

	/**
	 * Runs a change, turning a refusal into an error message.
	 *
	 * @param callable $change The change.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param callable(): array<string, mixed> $change
	 */
	private static function run( callable $change ): array {
		try {
			return $change();
		} catch ( \InvalidArgumentException $invalid ) {
			WP_CLI::error( html_entity_decode( $invalid->getMessage(), ENT_QUOTES ) );
			return array();
		}
	}

	/**
	 * A field as a row of the list.
	 *
	 * @param array<string, mixed> $field The field.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param Field $field
	 */
	private static function row( array $field ): array {
		return array(
			'id'         => $field['id'],
			'type'       => $field['type'],
			'label'      => $field['label'],
			'required'   => $field['required'] ? 'true' : 'false',
			'options'    => implode( ',', $field['options'] ),
			'service'    => $field['service'],
			'hidden_for' => implode( ',', $field['hidden_for'] ),
			'order'      => $field['order'],
			'help'       => $field['help'],
		);
	}
}
