/**
 * The visitor's own hold travels with every availability request, so that
 * with "any available" the times next to their pick stay theirs to move to
 * instead of showing as another visitor's.
 */

/**
 * Internal dependencies
 */
import { loadDay, loadMonth } from '../../src/shared/actions';
import { at, DATE } from './support/fixtures';
import { testStore } from './support/render';

function withHold( service: number ) {
	const { store, api } = testStore();
	const state = store.getState();
	state.selectService( 1 );
	state.selectEmployee( 0 );
	state.selectDate( DATE );
	state.setHold( {
		id: 'h-own',
		token: 'secret',
		service,
		employee: 2,
		start: at( 10 ),
		end: at( 10, 30 ),
	} );
	return { store, api };
}

describe( "availability with the visitor's own hold", () => {
	it( 'sends the hold id, never its token, with the day and the month', async () => {
		const { store, api } = withHold( 1 );

		await loadDay( store );
		await loadMonth( store );

		expect( api.getAvailability ).toHaveBeenCalledTimes( 2 );
		for ( const [ query ] of api.getAvailability.mock.calls ) {
			expect( query ).toMatchObject( { service: 1, hold: 'h-own' } );
			expect( JSON.stringify( query ) ).not.toContain( 'secret' );
		}
	} );

	it( 'sends no hold for another service, or without one', async () => {
		const { store, api } = withHold( 7 );
		await loadDay( store );
		store.getState().setHold( null );
		await loadDay( store );

		for ( const [ query ] of api.getAvailability.mock.calls ) {
			expect( query.hold ).toBeUndefined();
		}
	} );
} );
