<?php
/**
 * The business's own booking-form fields.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Form;

defined( 'ABSPATH' ) || exit;

/**
 * The field definitions, kept in one option. A field is global (`service`
 * 0), or belongs to one service; a service may also hide global fields
 * (`hidden_for`). Each field has a stable id that answers are stored under,
 * so renaming its label keeps old answers. Deleting a field only marks it
 * deleted: it leaves every form, but old answers keep their label.
 *
 * @phpstan-type Field array{id: string, type: string, label: string, help: string, required: bool, options: string[], service: int, hidden_for: int[], order: int, deleted: bool}
 */
final class Fields {

	public const OPTION = 'appointease_booking_fields';

	/** Every type of field. */
	public const TYPES = array( 'text', 'long_text', 'email', 'phone', 'number', 'date', 'select', 'radio', 'checkboxes', 'checkbox' );

	/** Types whose answer is one or more of the field's options. */
	public const CHOICE_TYPES = array( 'select', 'radio', 'checkboxes' );

	/**
	 * The JSON schema of a field as admins write it (REST and WP-CLI
	 * validate with it).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function schema(): array {
		return array(
			'label'      => array(
				'description' => __( 'The question as the customer reads it.', 'appointease' ),
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => 200,
			),
			'type'       => array(
				'description' => __( 'What kind of answer it takes.', 'appointease' ),
				'type'        => 'string',
				'enum'        => self::TYPES,
			),
			'help'       => array(
				'description' => __( 'A hint shown under the field.', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 500,
			),
			'required'   => array(
				'description' => __( 'Whether the customer must answer it (a single checkbox: must tick it).', 'appointease' ),
				'type'        => 'boolean',
			),
			'options'    => array(
				'description' => __( 'The choices of a select, radio or checkboxes field.', 'appointease' ),
				'type'        => 'array',
				'maxItems'    => 50,
				'items'       => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => 100,
				),
			),
			'service'    => array(
				'description' => __( 'The service whose form it belongs to; 0 for every service.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 4294967295,
			),
			'hidden_for' => array(
				'description' => __( 'Services whose form leaves out this global field.', 'appointease' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
			),
			'order'      => array(
				'description' => __( 'Position in the form; smaller comes first.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 100000,
			),
		);
	}

	/**
	 * Every field, deleted ones too, in form order.
	 *
	 * @return array<string, Field> Field id => field.
	 */
	public static function all(): array {
		$stored = get_option( self::OPTION, array() );
		$fields = array();
		foreach ( is_array( $stored ) ? $stored : array() as $field ) {
			if ( is_array( $field ) && isset( $field['id'] ) ) {
				$clean                  = self::normalise( $field );
				$fields[ $clean['id'] ] = $clean;
			}
		}
		uasort( $fields, static fn( array $a, array $b ): int => array( $a['order'], $a['id'] ) <=> array( $b['order'], $b['id'] ) );
		return $fields;
	}

	/**
	 * The fields not deleted, in form order.
	 *
	 * @return array<string, Field>
	 */
	public static function active(): array {
		return array_filter( self::all(), static fn( array $field ): bool => ! $field['deleted'] );
	}

	/**
	 * One service's form: the global fields it does not hide, then its own,
	 * in form order.
	 *
	 * @param int $service_id The service.
	 * @return array<string, Field>
	 */
	public static function for_service( int $service_id ): array {
		return array_filter(
			self::active(),
			static fn( array $field ): bool => 0 === $field['service']
				? ! in_array( $service_id, $field['hidden_for'], true )
				: $field['service'] === $service_id
		);
	}

	/**
	 * One field, deleted or not, or null.
	 *
	 * @param string $id Its id.
	 * @return Field|null
	 */
	public static function find( string $id ): ?array {
		return self::all()[ $id ] ?? null;
	}

	/**
	 * Adds a field, placed last unless an order is given.
	 *
	 * @param array<string, mixed> $values Values for the keys of self::schema(); label and type required.
	 * @return Field The new field.
	 * @throws \InvalidArgumentException When a value is invalid; nothing is stored then.
	 */
	public static function create( array $values ): array {
		if ( ! isset( $values['label'], $values['type'] ) ) {
			throw new \InvalidArgumentException( esc_html__( 'A field needs a label and a type.', 'appointease' ) );
		}
		$all                 = self::all();
		$orders              = array_map( static fn( array $field ): int => $field['order'], $all );
		$field               = self::checked(
			array(
				'id'       => 'f_' . bin2hex( random_bytes( 4 ) ),
				'order'    => array() === $orders ? 0 : max( $orders ) + 1,
				'required' => false,
			),
			$values
		);
		$all[ $field['id'] ] = $field;
		self::store( $all );
		return $field;
	}

	/**
	 * Changes a field; the keys not given keep their values.
	 *
	 * @param string               $id     The field.
	 * @param array<string, mixed> $values New values for keys of self::schema().
	 * @return Field The field after the change.
	 * @throws \InvalidArgumentException When the field does not exist or a value is invalid; nothing is stored then.
	 */
	public static function update( string $id, array $values ): array {
		$all = self::all();
		if ( ! isset( $all[ $id ] ) || $all[ $id ]['deleted'] ) {
			throw new \InvalidArgumentException( esc_html( sprintf( /* translators: %s: a field id. */ __( 'There is no field %s.', 'appointease' ), $id ) ) );
		}
		$all[ $id ] = self::checked( $all[ $id ], $values );
		self::store( $all );
		return $all[ $id ];
	}

	/**
	 * Takes a field off every form. Its definition stays, marked deleted,
	 * so that old answers keep their label.
	 *
	 * @param string $id The field.
	 * @throws \InvalidArgumentException When the field does not exist.
	 */
	public static function delete( string $id ): void {
		$all = self::all();
		if ( ! isset( $all[ $id ] ) || $all[ $id ]['deleted'] ) {
			throw new \InvalidArgumentException( esc_html( sprintf( /* translators: %s: a field id. */ __( 'There is no field %s.', 'appointease' ), $id ) ) );
		}
		$all[ $id ]['deleted'] = true;
		self::store( $all );
	}

	/**
	 * A field as the public sees it in its service's form.
	 *
	 * @param array<string, mixed> $field The field.
	 * @return array{id: string, type: string, label: string, help: string, required: bool, options: string[]}
	 *
	 * @phpstan-param Field $field
	 */
	public static function public_view( array $field ): array {
		return array(
			'id'       => $field['id'],
			'type'     => $field['type'],
			'label'    => $field['label'],
			'help'     => $field['help'],
			'required' => $field['required'],
			'options'  => $field['options'],
		);
	}

	/**
	 * A field with new values, validated by the schema and by the rules
	 * between keys (a choice field needs options).
	 *
	 * @param array<string, mixed> $field  The field as it is.
	 * @param array<string, mixed> $values New values.
	 * @return Field
	 * @throws \InvalidArgumentException When a value is invalid.
	 */
	private static function checked( array $field, array $values ): array {
		$schema = self::schema();
		foreach ( $values as $key => $value ) {
			if ( ! isset( $schema[ $key ] ) ) {
				throw new \InvalidArgumentException( esc_html( sprintf( /* translators: %s: a key. */ __( '"%s" is not a property of a field.', 'appointease' ), $key ) ) );
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $key ], $key );
			if ( is_wp_error( $valid ) ) {
				throw new \InvalidArgumentException( esc_html( $valid->get_error_message() ) );
			}
			$field[ $key ] = rest_sanitize_value_from_schema( $value, $schema[ $key ], $key );
		}
		$field = self::normalise( $field );
		if ( '' === $field['label'] ) {
			throw new \InvalidArgumentException( esc_html__( 'A field needs a label.', 'appointease' ) );
		}
		if ( in_array( $field['type'], self::CHOICE_TYPES, true ) && array() === $field['options'] ) {
			throw new \InvalidArgumentException( esc_html__( 'A select, radio or checkboxes field needs at least one option.', 'appointease' ) );
		}
		if ( 0 !== $field['service'] && array() !== $field['hidden_for'] ) {
			throw new \InvalidArgumentException( esc_html__( 'Only a field for every service can be hidden from some.', 'appointease' ) );
		}
		return $field;
	}

	/**
	 * A stored field with every key, of the right type.
	 *
	 * @param array<mixed> $field As stored.
	 * @return Field
	 */
	private static function normalise( array $field ): array {
		$type    = (string) ( $field['type'] ?? 'text' );
		$options = in_array( $type, self::CHOICE_TYPES, true ) && is_array( $field['options'] ?? null ) ? $field['options'] : array();
		$hidden  = is_array( $field['hidden_for'] ?? null ) ? $field['hidden_for'] : array();
		return array(
			'id'         => (string) ( $field['id'] ?? '' ),
			'type'       => in_array( $type, self::TYPES, true ) ? $type : 'text',
			'label'      => trim( sanitize_text_field( (string) ( $field['label'] ?? '' ) ) ),
			'help'       => trim( sanitize_text_field( (string) ( $field['help'] ?? '' ) ) ),
			'required'   => (bool) ( $field['required'] ?? false ),
			'options'    => array_values( array_unique( array_filter( array_map( static fn( $option ): string => trim( sanitize_text_field( (string) $option ) ), $options ), static fn( string $option ): bool => '' !== $option ) ) ),
			'service'    => (int) ( $field['service'] ?? 0 ),
			'hidden_for' => array_values( array_unique( array_map( 'intval', $hidden ) ) ),
			'order'      => (int) ( $field['order'] ?? 0 ),
			'deleted'    => (bool) ( $field['deleted'] ?? false ),
		);
	}

	/**
	 * Stores every field.
	 *
	 * @param array<string, Field> $fields Field id => field.
	 */
	private static function store( array $fields ): void {
		update_option( self::OPTION, array_values( $fields ), true );
	}
}
