/**
 * Small helpers the forms share.
 */

/**
 * Whether two form states differ (the forms hold plain JSON values).
 *
 * @param a One state.
 * @param b The other.
 */
export function differs( a: unknown, b: unknown ): boolean {
	return JSON.stringify( a ) !== JSON.stringify( b );
}

/**
 * Props that show a field's error: the message as the field's help text
 * (which the control links with aria-describedby) and aria-invalid.
 *
 * @param errors Field => message.
 * @param field  The field.
 * @param help   The help text when there is no error.
 */
export function errorProps(
	errors: Record< string, string >,
	field: string,
	help?: string
): { help?: string; 'aria-invalid'?: true; className?: string } {
	const error = errors[ field ];
	if ( ! error ) {
		return help ? { help } : {};
	}
	return {
		help: error,
		'aria-invalid': true,
		className: 'appointease-admin__invalid',
	};
}

/**
 * An integer from a number field's text, or null when it holds none.
 *
 * @param text The field's text.
 */
export function toInteger( text: string ): number | null {
	if ( ! /^\s*-?\d+\s*$/.test( text ) ) {
		return null;
	}
	return Number( text );
}

/**
 * The options of a drop-down that picks a service or an employee by id.
 *
 * @param items The services or employees, in the order to list them.
 */
export function namedOptions(
	items: ReadonlyArray< { id: number; name: string } >
): Array< { value: string; label: string } > {
	return items.map( ( item ) => ( {
		value: String( item.id ),
		label: item.name,
	} ) );
}
