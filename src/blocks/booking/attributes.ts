/**
 * The booking block's attributes: its own (block.json) and those WordPress
 * adds for the block supports it declares.
 */

/** The part of the block attributes that the supports own. */
export interface BlockStyle {
	elements?: {
		link?: {
			color?: {
				text?: string;
			};
			// `:hover` and the like.
			[ state: string ]: unknown;
		};
		[ element: string ]: unknown;
	};
	[ key: string ]: unknown;
}

/** The attributes the block has now (block.json, plus those of its supports). */
export interface BookingAttributes {
	service: number;
	employee: number;
	showEmployeeStep: boolean;
	style?: BlockStyle;
	className?: string;
	align?: string;
	[ key: string ]: unknown;
}
