/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import { TimeButton } from '../../src/blocks/booking/components/TimeButton';
import type { TimeOption, TimeState } from '../../src/shared/types';
import { at } from './support/fixtures';

function renderButton(
	state: TimeState,
	props: Partial< Parameters< typeof TimeButton >[ 0 ] > = {}
) {
	const onPick = jest.fn();
	const option: TimeOption = {
		start: at( 10 ),
		end: at( 10, 30 ),
		state,
		seatsLeft: state === 'available' ? 3 : 0,
		employee: 1,
	};
	render(
		<TimeButton
			option={ option }
			display="calendar"
			capacity={ 1 }
			onPick={ onPick }
			{ ...props }
		/>
	);
	return { onPick, button: screen.getByRole( 'button' ) };
}

describe( 'TimeButton', () => {
	it.each( [
		[ 'available', 'Available', false ],
		[ 'booked', 'Booked', true ],
		[ 'processing', 'Processing', true ],
		[ 'yours', 'Held for you', false ],
		[ 'past', 'Closed', true ],
	] as const )(
		'%s: says "%s" in words, aria-disabled = %p',
		( state, words, disabled ) => {
			const { button, onPick } = renderButton( state );
			expect( button ).toHaveAttribute( 'data-state', state );
			expect( button ).toHaveAttribute( 'data-start', at( 10 ) );
			expect( button ).toHaveTextContent( '10:00' );
			expect( button ).toHaveTextContent( words );
			// aria-disabled, not disabled: focus stays on a time taken
			// under a keyboard user.
			expect( ( button as HTMLButtonElement ).disabled ).toBe( false );
			expect( button.getAttribute( 'aria-disabled' ) === 'true' ).toBe(
				disabled
			);
			fireEvent.click( button );
			expect( onPick ).toHaveBeenCalledTimes( disabled ? 0 : 1 );
		}
	);

	it( 'shows the time on the calendar clock, whatever the browser zone', () => {
		const { button } = renderButton( 'available' );
		// 10:00 at +01:00 is shown as 10:00, not in the test machine's zone.
		expect(
			button.querySelector( '.appointease-time__clock' )
		).toHaveTextContent( /^10:00/ );
	} );

	it( "marks the visitor's own time as pressed", () => {
		expect( renderButton( 'yours' ).button ).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	} );

	it( 'counts seats left in a group session', () => {
		const { button } = renderButton( 'available', { capacity: 8 } );
		expect( button ).toHaveTextContent( '3 of 8 left' );
	} );

	it( 'says a hold is on its way', () => {
		const { button, onPick } = renderButton( 'available', { busy: true } );
		expect( button ).toHaveTextContent( 'Holding…' );
		expect( button ).toHaveAttribute( 'aria-busy', 'true' );
		fireEvent.click( button );
		expect( onPick ).not.toHaveBeenCalled();
	} );
} );
