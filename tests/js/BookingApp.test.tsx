/**
 * External dependencies
 */
import { act, render, screen, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { createElement } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { BookingApp } from '../../src/blocks/booking/components/BookingApp';
import { mountAll } from '../../src/blocks/booking/mount';
import { DEFAULT_SETTINGS } from '../../src/shared/config';
import type { BlockSettings } from '../../src/shared/types';

function renderApp( overrides: Partial< BlockSettings > = {} ) {
	return render(
		<BookingApp settings={ { ...DEFAULT_SETTINGS, ...overrides } } />
	);
}

function stepLabels() {
	const list = screen.getByRole( 'list', { name: 'Booking steps' } );
	return within( list )
		.getAllByRole( 'listitem' )
		.map( ( item ) => item.textContent );
}

describe( 'BookingApp', () => {
	it( 'renders a region headed "Book an appointment"', () => {
		renderApp();

		const region = screen.getByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect(
			within( region ).getByRole( 'heading', {
				level: 2,
				name: 'Book an appointment',
			} )
		).toBeVisible();
	} );

	it( 'lists every step in order, with the service step current', () => {
		renderApp();

		expect( stepLabels() ).toEqual( [
			'1Service',
			'2Employee',
			'3Date',
			'4Time',
			'5Details',
			'6Review',
			'7Done',
		] );

		const list = screen.getByRole( 'list', { name: 'Booking steps' } );
		const current = within( list )
			.getAllByRole( 'listitem' )
			.filter( ( item ) => item.getAttribute( 'aria-current' ) );
		expect( current ).toHaveLength( 1 );
		expect( current[ 0 ] ).toHaveAttribute( 'aria-current', 'step' );
		expect( current[ 0 ] ).toHaveTextContent( 'Service' );
	} );

	it( 'leaves out the employee step when configured', () => {
		renderApp( { showEmployeeStep: false } );

		expect( stepLabels() ).toEqual( [
			'1Service',
			'2Date',
			'3Time',
			'4Details',
			'5Review',
			'6Done',
		] );
		expect( screen.queryByText( 'Employee' ) ).not.toBeInTheDocument();
	} );

	it( "shows the first step's panel and a polite status region", () => {
		renderApp();

		expect(
			screen.getByRole( 'heading', {
				level: 3,
				name: 'Choose a service',
			} )
		).toBeInTheDocument();

		const status = screen.getByRole( 'status' );
		expect( status ).toHaveAttribute( 'aria-live', 'polite' );
		expect( status ).toHaveTextContent( 'Step 1 of 7: Choose a service' );
	} );

	it( 'applies the accent colour as a CSS custom property', () => {
		renderApp( { accentColor: '#ff0066' } );

		const region = screen.getByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect( region.style.getPropertyValue( '--appointease-accent' ) ).toBe(
			'#ff0066'
		);
	} );

	it( 'sets no accent property without an accent colour', () => {
		renderApp();

		const region = screen.getByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect( region.getAttribute( 'style' ) ).toBeNull();
	} );

	it( 'gives each app on a page its own heading id', () => {
		render(
			<div>
				<BookingApp settings={ DEFAULT_SETTINGS } />
				<BookingApp settings={ DEFAULT_SETTINGS } />
			</div>
		);

		const ids = screen
			.getAllByRole( 'heading', { level: 2 } )
			.map( ( heading ) => heading.id );
		expect( ids ).toHaveLength( 2 );
		expect( new Set( ids ).size ).toBe( 2 );
		expect(
			screen.getAllByRole( 'region', { name: 'Book an appointment' } )
		).toHaveLength( 2 );
	} );
} );

describe( 'mountAll', () => {
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'mounts the app into every booking container, once', () => {
		document.body.innerHTML = `
			<div class="appointease-booking wp-block-appointease-booking" data-appointease='{"service":0,"employee":0,"showEmployeeStep":false,"accentColor":"","restNamespace":"appointease/v1"}'><noscript>JavaScript is needed.</noscript></div>
			<div class="appointease-booking" data-appointease="not json"></div>
			<div class="appointease-booking"></div>
		`;

		let mounted = 0;
		act( () => {
			mounted = mountAll();
		} );
		expect( mounted ).toBe( 2 );

		const regions = screen.getAllByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect( regions ).toHaveLength( 2 );
		// The first container hides the employee step, the second (invalid
		// JSON) falls back to the defaults.
		expect( within( regions[ 0 ]! ).queryByText( 'Employee' ) ).toBeNull();
		expect( within( regions[ 1 ]! ).getByText( 'Employee' ) ).toBeVisible();

		act( () => {
			mounted = mountAll();
		} );
		expect( mounted ).toBe( 0 );
		expect(
			screen.getAllByRole( 'region', { name: 'Book an appointment' } )
		).toHaveLength( 2 );
	} );
} );
