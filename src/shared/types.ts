/**
 * Types shared by the booking block, its view script and (later) the admin
 * screens.
 */

/**
 * The configuration the server renders into the `data-appointease`
 * attribute of every `.appointease-booking` element (block and shortcode).
 */
export interface BlockSettings {
	/** Preselected service id; 0 lets the visitor choose. */
	service: number;
	/** Preselected employee id; 0 means "any available" or visitor's choice. */
	employee: number;
	/** Whether the visitor gets an employee step. */
	showEmployeeStep: boolean;
	/** Accent colour (a CSS colour) or "" for the theme's default. */
	accentColor: string;
	/** REST namespace of the plugin's routes, e.g. "appointease/v1". */
	restNamespace: string;
}

/** The block's attributes (block.json); the same names as BlockSettings. */
export type BookingBlockAttributes = Omit< BlockSettings, 'restNamespace' >;

/** The steps of the booking flow, in order. */
export type StepId =
	'service' | 'employee' | 'date' | 'time' | 'details' | 'review' | 'done';

/** The `reason` of an error answer of the REST API (`data.reason`). */
export type ApiErrorReason =
	| 'SLOT_NOT_FOUND'
	| 'SLOT_UNAVAILABLE'
	| 'SLOT_TAKEN'
	| 'SLOT_HELD'
	| 'SLOT_CHANGED'
	| 'SLOT_IN_PAST'
	| 'HOLD_EXPIRED'
	| 'HOLD_NOT_FOUND'
	| 'VALIDATION_ERROR'
	| 'RATE_LIMITED'
	| 'STORE_UNAVAILABLE'
	| 'FORBIDDEN';
