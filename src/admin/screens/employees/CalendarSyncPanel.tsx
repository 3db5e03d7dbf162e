/**
 * An employee's calendar sync: the private feed address their calendar app
 * subscribes to, and the outside calendars whose busy times are kept off the
 * booking page. Each action saves at once, apart from the employee's form.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack, VStack } from '../../components/Stack';
import {
	addOutsideCalendar,
	getCalendarSync,
	regenerateFeed,
	removeOutsideCalendar,
	syncOutsideCalendar,
} from '../../../shared/api';
import type { Notices } from '../../hooks/useNotices';
import type {
	CalendarSyncAnswer,
	FeedAddressAnswer,
	OutsideCalendar,
} from '../../../shared/types';

interface Props {
	employeeId: number;
	notices: Notices;
}

/**
 * A UTC timestamp of the API in the reader's local format, or a dash.
 * @param iso
 */
function when( iso: string | null ): string {
	return iso === null ? '—' : new Date( iso ).toLocaleString();
}

export function CalendarSyncPanel( { employeeId, notices }: Props ) {
	const [ state, setState ] = useState< CalendarSyncAnswer | null >( null );
	const [ feed, setFeed ] = useState< FeedAddressAnswer | null >( null );
	const [ url, setUrl ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ copied, setCopied ] = useState( false );
	const { failure, success } = notices;

	useEffect( () => {
		let live = true;
		getCalendarSync( employeeId ).then(
			( answer ) => {
				if ( live ) {
					setState( answer );
				}
			},
			( error ) => {
				if ( live ) {
					failure(
						__( 'Loading the calendar sync failed', 'appointease' ),
						error
					);
				}
			}
		);
		return () => {
			live = false;
		};
	}, [ employeeId, failure ] );

	/** Runs one action, with the panel's buttons off meanwhile. */
	const run = useCallback(
		async ( action: string, work: () => Promise< void > ) => {
			setBusy( true );
			try {
				await work();
			} catch ( error ) {
				await failure( action, error );
			} finally {
				setBusy( false );
			}
		},
		[ failure ]
	);

	const makeFeed = () =>
		run( __( 'Making a feed address failed', 'appointease' ), async () => {
			setFeed( await regenerateFeed( employeeId ) );
			setCopied( false );
			setState( await getCalendarSync( employeeId ) );
			success(
				__(
					'New feed address made. The previous one no longer works.',
					'appointease'
				)
			);
		} );

	const add = () =>
		run(
			__( 'Adding the outside calendar failed', 'appointease' ),
			async () => {
				const answer = await addOutsideCalendar( employeeId, url );
				setState( answer );
				setUrl( '' );
				const added = answer.calendars[ answer.calendars.length - 1 ];
				if ( added && added.error !== '' ) {
					notices.failure(
						__(
							'The calendar was added but not read',
							'appointease'
						),
						new Error( added.error )
					);
				} else {
					success(
						__( 'Outside calendar added and read.', 'appointease' )
					);
				}
			}
		);

	const syncNow = ( calendar: OutsideCalendar ) =>
		run( __( 'Syncing the calendar failed', 'appointease' ), async () => {
			const answer = await syncOutsideCalendar( employeeId, calendar.id );
			setState( answer );
			const now = answer.calendars.find( ( c ) => c.id === calendar.id );
			if ( now && now.error === '' ) {
				success( __( 'Calendar synced.', 'appointease' ) );
			}
		} );

	const remove = ( calendar: OutsideCalendar ) =>
		run( __( 'Removing the calendar failed', 'appointease' ), async () => {
			setState( await removeOutsideCalendar( employeeId, calendar.id ) );
			success( __( 'Outside calendar removed.', 'appointease' ) );
		} );

	return (
		<section
			className="appointease-admin__calendar-sync"
			aria-labelledby="appointease-calendar-sync-title"
		>
			<VStack spacing={ 4 }>
				<h2 id="appointease-calendar-sync-title">
					{ __( 'Calendar sync', 'appointease' ) }
				</h2>
				<h3>
					{ __(
						'Their bookings in their calendar app',
						'appointease'
					) }
				</h3>
				<p className="description">
					{ __(
						'A private address that Google Calendar, Outlook or Apple Calendar can subscribe to. Anyone who has it can read these bookings, customers included: share it only with the employee. Only a fingerprint of it is stored, so it is shown once; making a new one stops the old one at once.',
						'appointease'
					) }
				</p>
				{ state && state.feed_created !== null && feed === null && (
					<p>
						{ sprintf(
							/* translators: %s: date and time. */
							__(
								'An address made %s is in use.',
								'appointease'
							),
							when( state.feed_created )
						) }
					</p>
				) }
				{ feed && (
					<VStack spacing={ 2 }>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Feed address', 'appointease' ) }
							value={ feed.https }
							readOnly
							onChange={ () => undefined }
						/>
						<HStack spacing={ 2 } wrap>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								// The address field stays selectable where the clipboard is not available (no HTTPS).
								onClick={ () =>
									window.navigator.clipboard
										?.writeText( feed.https )
										.then( () => setCopied( true ) )
										.catch( () => setCopied( false ) )
								}
							>
								{ __( 'Copy address', 'appointease' ) }
							</Button>
							<Button variant="link" href={ feed.webcal }>
								{ __(
									'Subscribe on this device',
									'appointease'
								) }
							</Button>
						</HStack>
						<p aria-live="polite">
							{ copied ? __( 'Copied.', 'appointease' ) : '' }
						</p>
					</VStack>
				) }
				<div>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						disabled={ busy || state === null }
						onClick={ makeFeed }
					>
						{ state && state.feed_created !== null
							? __( 'Make a new feed address', 'appointease' )
							: __( 'Make a feed address', 'appointease' ) }
					</Button>
				</div>

				<h3>{ __( 'Outside calendars', 'appointease' ) }</h3>
				<p className="description">
					{ __(
						"Busy times in these calendars are not offered to visitors. Paste the secret iCal address (Google), the published ICS link (Outlook) or a public calendar link (Apple). Events that are this site's own bookings are ignored, so adding the feed above changes nothing.",
						'appointease'
					) }
				</p>
				{ state && state.calendars.length > 0 && (
					<table className="widefat striped">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Address', 'appointease' ) }
								</th>
								<th scope="col">
									{ __( 'Status', 'appointease' ) }
								</th>
								<th scope="col">
									{ __( 'Last success', 'appointease' ) }
								</th>
								<th scope="col">
									{ __( 'Next sync', 'appointease' ) }
								</th>
								<th scope="col">
									<span className="screen-reader-text">
										{ __( 'Actions', 'appointease' ) }
									</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{ state.calendars.map( ( calendar ) => (
								<tr key={ calendar.id }>
									<td>{ calendar.url }</td>
									<td>
										{ calendar.error === ''
											? __( 'Synced', 'appointease' )
											: sprintf(
													/* translators: %s: why the fetch failed. */
													__(
														'Failing: %s The last good busy times still block.',
														'appointease'
													),
													calendar.error
												) }
									</td>
									<td>{ when( calendar.last_success ) }</td>
									<td>{ when( calendar.next_try ) }</td>
									<td>
										<HStack spacing={ 2 } wrap>
											<Button
												variant="secondary"
												size="small"
												disabled={ busy }
												onClick={ () =>
													syncNow( calendar )
												}
											>
												{ __(
													'Sync now',
													'appointease'
												) }
											</Button>
											<Button
												variant="tertiary"
												isDestructive
												size="small"
												disabled={ busy }
												onClick={ () =>
													remove( calendar )
												}
											>
												{ __(
													'Remove',
													'appointease'
												) }
											</Button>
										</HStack>
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) }
				<form
					onSubmit={ ( event ) => {
						event.preventDefault();
						if ( url.trim() !== '' ) {
							add();
						}
					} }
				>
					<HStack spacing={ 2 } alignment="bottom" wrap>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __(
								'Outside calendar address',
								'appointease'
							) }
							type="url"
							value={ url }
							maxLength={ 2000 }
							onChange={ ( value: string ) => setUrl( value ) }
						/>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							type="submit"
							disabled={ busy || url.trim() === '' }
						>
							{ __( 'Add calendar', 'appointease' ) }
						</Button>
					</HStack>
				</form>
			</VStack>
		</section>
	);
}
