/**
 * An employee's calendar sync: the private feed address their calendar app
 * subscribes to, and the outside calendars whose busy times are kept off the
 * booking page. Each action saves at once, apart from the employee's form.
 * The admin sees it on the Employees screen; the employee, for themself, on
 * My bookings (`own`), through the same routes.
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
import { ConfirmModal } from './ConfirmModal';
import { HStack, VStack } from './Stack';
import {
	addOutsideCalendar,
	getCalendarSync,
	regenerateFeed,
	removeOutsideCalendar,
	syncOutsideCalendar,
} from '../../shared/api';
import type { Notices } from '../hooks/useNotices';
import type {
	CalendarSyncAnswer,
	FeedAddressAnswer,
	OutsideCalendar,
} from '../../shared/types';

interface Props {
	employeeId: number;
	notices: Notices;
	/** Whether the employee manages their own (My bookings), rather than an admin theirs. */
	own?: boolean;
}

/**
 * A UTC timestamp of the API in the reader's local format, or a dash.
 * @param iso
 */
function when( iso: string | null ): string {
	return iso === null ? '—' : new Date( iso ).toLocaleString();
}

export function CalendarSyncPanel( {
	employeeId,
	notices,
	own = false,
}: Props ) {
	const [ state, setState ] = useState< CalendarSyncAnswer | null >( null );
	const [ feed, setFeed ] = useState< FeedAddressAnswer | null >( null );
	const [ url, setUrl ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ copied, setCopied ] = useState( false );
	const [ confirming, setConfirming ] = useState( false );
	// The last result, said in the panel's live region: the panel may be far below the screen's notices.
	const [ said, setSaid ] = useState( '' );
	const { failure } = notices;

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
			setSaid( '' );
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
			setConfirming( false );
			setFeed( await regenerateFeed( employeeId ) );
			setCopied( false );
			setState( await getCalendarSync( employeeId ) );
			setSaid(
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
					setSaid( '' );
					failure(
						__(
							'The calendar was added but not read',
							'appointease'
						),
						new Error( added.error )
					);
				} else {
					setSaid(
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
			setSaid(
				now && now.error !== ''
					? sprintf(
							/* translators: %s: why the fetch failed. */
							__( 'Syncing failed: %s', 'appointease' ),
							now.error
						)
					: __( 'Calendar synced.', 'appointease' )
			);
		} );

	const remove = ( calendar: OutsideCalendar ) =>
		run( __( 'Removing the calendar failed', 'appointease' ), async () => {
			setState( await removeOutsideCalendar( employeeId, calendar.id ) );
			setSaid( __( 'Outside calendar removed.', 'appointease' ) );
		} );

	return (
		<section
			className="appointease-admin__calendar-sync"
			aria-labelledby="appointease-calendar-sync-title"
		>
			<VStack spacing={ 4 }>
				<h2 id="appointease-calendar-sync-title">
					{ own
						? __( 'My calendar', 'appointease' )
						: __( 'Calendar sync', 'appointease' ) }
				</h2>
				<h3>
					{ own
						? __(
								'Your bookings in your calendar app',
								'appointease'
							)
						: __(
								'Their bookings in their calendar app',
								'appointease'
							) }
				</h3>
				<p className="description">
					{ own
						? __(
								'A private address that Google Calendar, Outlook or Apple Calendar can subscribe to. Anyone who has it can read your bookings, customers included: keep it to yourself. Only a fingerprint of it is stored, so it is shown once; making a new one stops the old one at once.',
								'appointease'
							)
						: __(
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
						onClick={ () =>
							state && state.feed_created !== null
								? setConfirming( true )
								: makeFeed()
						}
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
					<div className="appointease-admin__calendar-sync-table">
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
										<td>
											{ when( calendar.last_success ) }
										</td>
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
					</div>
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
				<p role="status" aria-live="polite">
					{ said }
				</p>
			</VStack>
			{ confirming && (
				<ConfirmModal
					title={ __( 'Make a new feed address?', 'appointease' ) }
					confirmLabel={ __( 'Make a new address', 'appointease' ) }
					busy={ busy }
					onConfirm={ makeFeed }
					onCancel={ () => setConfirming( false ) }
				>
					{ __(
						'The address in use stops working at once: every calendar app subscribed to it must subscribe to the new one.',
						'appointease'
					) }
				</ConfirmModal>
			) }
		</section>
	);
}
