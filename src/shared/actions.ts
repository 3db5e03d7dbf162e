/**
 * What the booking app does with the server: loading the catalogue and
 * availability, holding a time, booking, and managing a booking. Each
 * action reads and writes the store it is given, and checks after every
 * await that the visitor has not moved on, so a late answer never
 * overwrites a newer choice.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError, isAbortError, type BookingBody } from './api';
import { captchaToken, resetCaptcha } from './captcha';
import {
	answerErrorsFromServer,
	answersToSend,
	checkAnswers,
} from './custom-fields';
import { errorMessage, isHoldLost, isTimeConflict } from './messages';
import { selectedService, type BookingStore, type Selection } from './store';
import { nextFreeDate } from './next-available';
import { addDays, formatDateTime, monthRange } from './time';
import type { Booking, OwnHold, TimeOption } from './types';
import type { DeepLink } from './url';
import {
	cleanCustomer,
	fieldErrorsFromServer,
	validateCustomer,
} from './validation';

function sameSelection( a: Selection, b: Selection ): boolean {
	return (
		a.service === b.service &&
		a.employee === b.employee &&
		a.date === b.date
	);
}

/** Loads on their way, per store, so that a second caller waits for the first. */
const servicesLoads = new WeakMap< BookingStore, Promise< void > >();
const employeesLoads = new WeakMap<
	BookingStore,
	{ service: number; promise: Promise< void > }
>();

/**
 * Loads the active services (once; a caller during the load waits for it).
 *
 * @param store The app's store.
 */
export function loadServices( store: BookingStore ): Promise< void > {
	const running = servicesLoads.get( store );
	if ( running ) {
		return running;
	}
	if ( store.getState().servicesStatus === 'ready' ) {
		return Promise.resolve();
	}
	const load = ( async () => {
		const { api, setServices } = store.getState();
		setServices( null, 'loading' );
		try {
			setServices( await api.getServices(), 'ready' );
		} catch ( error ) {
			setServices( null, 'error' );
			store
				.getState()
				.showNotice( 'error', errorMessage( error, 'load' ) );
		} finally {
			servicesLoads.delete( store );
		}
	} )();
	servicesLoads.set( store, load );
	return load;
}

/**
 * Loads the employees who give the selected service (a caller during the
 * load for the same service waits for it).
 *
 * @param store The app's store.
 */
export function loadEmployees( store: BookingStore ): Promise< void > {
	const { selection } = store.getState();
	if ( selection.service === 0 ) {
		return Promise.resolve();
	}
	const running = employeesLoads.get( store );
	if ( running && running.service === selection.service ) {
		return running.promise;
	}
	const entry = { service: selection.service, promise: Promise.resolve() };
	entry.promise = ( async () => {
		const { api, setEmployees } = store.getState();
		setEmployees( null, 'loading' );
		try {
			const employees = await api.getEmployees( selection.service );
			if ( store.getState().selection.service === selection.service ) {
				setEmployees( employees, 'ready' );
			}
		} catch ( error ) {
			if ( store.getState().selection.service === selection.service ) {
				setEmployees( null, 'error' );
				store
					.getState()
					.showNotice( 'error', errorMessage( error, 'load' ) );
			}
		} finally {
			if ( employeesLoads.get( store ) === entry ) {
				employeesLoads.delete( store );
			}
		}
	} )();
	employeesLoads.set( store, entry );
	return entry.promise;
}

/**
 * The id of the visitor's own hold on this service, sent with availability
 * requests so that the server counts its seats as free for its holder: with
 * "any available", the times next to the visitor's pick would otherwise lose
 * that employee and show as someone else's.
 *
 * @param hold    The visitor's hold, if any.
 * @param service The selected service.
 */
function ownHoldId(
	hold: OwnHold | null,
	service: number
): string | undefined {
	return hold !== null && hold.service === service ? hold.id : undefined;
}

/** Each store's message about a month that failed to load, taken back once one loads. */
const monthErrors = new WeakMap< BookingStore, string >();

/**
 * Loads the availability of the month the calendar shows.
 *
 * @param store  The app's store.
 * @param signal Aborts the request (the month or selection changed).
 */
export async function loadMonth(
	store: BookingStore,
	signal?: AbortSignal
): Promise< void > {
	const { selection, month, api, hold } = store.getState();
	if ( selection.service === 0 ) {
		return;
	}
	const { first, last } = monthRange( month );
	store.getState().setMonthStatus( 'loading' );
	try {
		const answer = await api.getAvailability(
			{
				service: selection.service,
				employee: selection.employee,
				from: first,
				to: last,
				hold: ownHoldId( hold, selection.service ),
			},
			signal
		);
		const state = store.getState();
		if (
			state.month === month &&
			state.selection.service === selection.service &&
			state.selection.employee === selection.employee
		) {
			state.setDays( answer.days );
			state.setMonthStatus( 'ready' );
			if ( state.notice?.text === monthErrors.get( store ) ) {
				// The server is back: the outage message is over.
				state.clearNotice();
			}
		}
	} catch ( error ) {
		if ( ! isAbortError( error ) ) {
			const state = store.getState();
			state.setMonthStatus( 'error' );
			const message = errorMessage( error, 'load' );
			// The calendar retries by itself: say it once, not at every retry.
			if ( state.notice?.text !== message ) {
				monthErrors.set( store, message );
				state.showNotice( 'error', message );
			}
		}
	}
}

/**
 * Loads (again) the times of the selected date.
 *
 * @param store  The app's store.
 * @param signal Aborts the request.
 */
export async function loadDay(
	store: BookingStore,
	signal?: AbortSignal
): Promise< void > {
	const { selection, api, hold } = store.getState();
	const date = selection.date;
	if ( selection.service === 0 || ! date ) {
		return;
	}
	store.getState().setDayStatus( 'loading' );
	try {
		const answer = await api.getAvailability(
			{
				service: selection.service,
				employee: selection.employee,
				from: date,
				to: date,
				hold: ownHoldId( hold, selection.service ),
			},
			signal
		);
		const state = store.getState();
		if ( sameSelection( state.selection, selection ) ) {
			state.setDays( answer.days );
			state.setDayStatus( 'ready' );
		}
	} catch ( error ) {
		if ( ! isAbortError( error ) ) {
			store.getState().setDayStatus( 'error' );
		}
	}
}

/**
 * A time as the visitor reads it in messages.
 *
 * @param store The app's store.
 * @param start ISO 8601.
 */
function timeLabel( store: BookingStore, start: string ): string {
	return formatDateTime( start, store.getState().timeDisplay );
}

/**
 * Tells the visitor a time cannot be had, shows the time step with a fresh
 * list, and moves focus to the message.
 *
 * @param store   The app's store.
 * @param message What to say.
 */
function showFreshTimes( store: BookingStore, message: string ): void {
	const state = store.getState();
	state.setChosen( null );
	if ( state.manage === null ) {
		state.goTo( 'choose' );
	}
	state.showNotice( 'error', message, { focus: true } );
	loadDay( store );
}

/** The picks of each store, run one after another. */
const pickQueues = new WeakMap< BookingStore, Promise< void > >();

/**
 * Holds a time for the visitor: takes a hold, or moves the one they have
 * (one atomic step on the server: the old one stays when the new time is
 * not free). Picks run one at a time, and only the latest one counts.
 *
 * @param store  The app's store.
 * @param option The time picked.
 */
export function pickTime(
	store: BookingStore,
	option: TimeOption
): Promise< void > {
	store.getState().setPicking( option.start );
	const previous = pickQueues.get( store ) ?? Promise.resolve();
	const run = previous.then( () => {
		// A later pick replaced this one while it waited.
		if ( store.getState().picking !== option.start ) {
			return undefined;
		}
		return holdTime( store, option );
	} );
	pickQueues.set( store, run );
	return run;
}

async function holdTime(
	store: BookingStore,
	option: TimeOption
): Promise< void > {
	const { api, selection, hold, clearNotice } = store.getState();
	const service = selection.service;
	clearNotice();
	try {
		let held: OwnHold | null = null;
		if (
			hold &&
			hold.service === service &&
			hold.employee === option.employee
		) {
			try {
				const moved = await api.moveHold(
					hold.id,
					hold.token,
					option.start
				);
				held = { ...hold, start: moved.start, end: moved.end };
			} catch ( error ) {
				if ( ! isHoldLost( error ) ) {
					throw error;
				}
				// It ran out meanwhile: take a new one below.
				store.getState().setHold( null );
			}
		}
		if ( ! held ) {
			const taken = await api.takeHold( {
				service,
				employee: option.employee,
				start: option.start,
			} );
			held = {
				id: taken.id,
				token: taken.token ?? '',
				service,
				employee: option.employee,
				start: taken.start,
				end: taken.end,
			};
			const old = store.getState().hold;
			if ( old && old.id !== held.id ) {
				api.releaseHold( old.id, old.token ).catch( () => undefined );
			}
		}
		const state = store.getState();
		if ( state.selection.service !== service ) {
			// The visitor chose another service meanwhile: let it go.
			api.releaseHold( held.id, held.token ).catch( () => undefined );
			return;
		}
		state.setHold( held );
		state.setChosen( {
			start: held.start,
			end: held.end,
			employee: held.employee,
		} );
	} catch ( error ) {
		const message = errorMessage(
			error,
			'hold',
			timeLabel( store, option.start )
		);
		if ( isTimeConflict( error ) ) {
			showFreshTimes( store, message );
		} else {
			store.getState().showNotice( 'error', message, { focus: true } );
		}
	} finally {
		if ( store.getState().picking === option.start ) {
			store.getState().setPicking( null );
		}
	}
}

/**
 * The heartbeat: renews the visitor's hold. When the hold is gone (it ran
 * out, or the store lost it), the time is held again if it is still free;
 * if not, the visitor is told and gets a fresh list.
 *
 * @param store The app's store.
 */
export async function renewHold( store: BookingStore ): Promise< void > {
	const { hold, api } = store.getState();
	if ( ! hold ) {
		return;
	}
	try {
		await api.renewHold( hold.id, hold.token );
	} catch ( error ) {
		if ( store.getState().hold?.id !== hold.id || ! isHoldLost( error ) ) {
			// Moved on, or a passing failure: the next beat tries again.
			return;
		}
		await holdAgain( store, hold );
	}
}

/**
 * Holds the chosen time again after a reload: the page let its hold go
 * when it unloaded. Kept when it still lives, taken again when the time is
 * still free; otherwise the visitor gets the updated list and a message.
 *
 * @param store The app's store.
 */
export async function keepChosenHeld( store: BookingStore ): Promise< void > {
	const { hold, chosen, selection } = store.getState();
	if ( hold ) {
		await renewHold( store );
		return;
	}
	if ( chosen ) {
		await holdAgain(
			store,
			{
				id: '',
				token: '',
				service: selection.service,
				employee: chosen.employee,
				start: chosen.start,
				end: chosen.end,
			},
			{ quiet: true }
		);
	}
}

/**
 * Takes a new hold on the time of a lost one.
 *
 * @param store         The app's store.
 * @param lost          The hold that is gone.
 * @param options       Options.
 * @param options.quiet Whether to say nothing when it works (after a reload).
 */
async function holdAgain(
	store: BookingStore,
	lost: OwnHold,
	{ quiet = false }: { quiet?: boolean } = {}
): Promise< void > {
	const { api, setHold } = store.getState();
	setHold( null );
	try {
		const taken = await api.takeHold( {
			service: lost.service,
			employee: lost.employee,
			start: lost.start,
		} );
		const state = store.getState();
		if (
			state.chosen?.start === lost.start &&
			state.hold === null &&
			state.selection.service === lost.service
		) {
			setHold( {
				...lost,
				id: taken.id,
				token: taken.token ?? '',
			} );
			if ( quiet ) {
				return;
			}
			// Said politely, without moving focus: the visitor may be typing.
			state.showNotice(
				'info',
				sprintf(
					/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
					__(
						'Your hold on %s had run out, so we held the time for you again. You can carry on.',
						'appointease'
					),
					timeLabel( store, lost.start )
				)
			);
		} else {
			api.releaseHold( taken.id, taken.token ?? '' ).catch(
				() => undefined
			);
		}
	} catch ( error ) {
		if ( ! isTimeConflict( error ) ) {
			// Could not ask (offline, busy): booking without a hold still
			// works when the time is free.
			return;
		}
		showFreshTimes(
			store,
			sprintf(
				/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
				__(
					'Your hold on %s ran out and someone else has taken that time meanwhile. Please choose another time from the updated list.',
					'appointease'
				),
				timeLabel( store, lost.start )
			)
		);
	}
}

/**
 * Lets go of the visitor's hold.
 *
 * @param store             The app's store.
 * @param options           Options.
 * @param options.keepalive Whether the request must outlive the page.
 */
export function releaseHold(
	store: BookingStore,
	{ keepalive = false }: { keepalive?: boolean } = {}
): void {
	const { hold, api, setHold } = store.getState();
	if ( ! hold ) {
		return;
	}
	setHold( null );
	api.releaseHold( hold.id, hold.token, { keepalive } ).catch(
		() => undefined
	);
}

/**
 * Checks the details form; shows the field messages.
 *
 * @param store The app's store.
 * @return Whether the details are fine.
 */
export function checkDetails( store: BookingStore ): boolean {
	const state = store.getState();
	const errors = validateCustomer( state.customer );
	state.setFieldErrors( errors );
	const service = selectedService( state );
	const answerErrors = checkAnswers(
		service?.fields ?? [],
		state.answers,
		service?.consent ?? null,
		state.consent
	);
	state.setAnswerErrors( answerErrors );
	return (
		Object.keys( errors ).length === 0 &&
		Object.keys( answerErrors ).length === 0
	);
}

/**
 * Books the chosen time with the visitor's hold. A retry of the same
 * submit sends the same Idempotency-Key, so it never books twice.
 *
 * @param store The app's store.
 */
export async function submitBooking( store: BookingStore ): Promise< void > {
	const state = store.getState();
	const { chosen, hold, selection, api } = state;
	if ( ! chosen || state.submitting ) {
		return;
	}
	const customer = cleanCustomer( state.customer );
	const form = selectedService( state );
	const body: BookingBody = {
		service: selection.service,
		employee: chosen.employee,
		start: chosen.start,
		customer,
	};
	const fields = answersToSend( form?.fields ?? [], state.answers );
	if ( Object.keys( fields ).length > 0 ) {
		body.fields = fields;
	}
	if ( form?.consent ) {
		body.consent = state.consent;
	}
	const key = state.submitKeyFor( JSON.stringify( body ) );
	if ( hold && hold.start === chosen.start ) {
		body.hold_token = hold.token;
	}
	// Outside the fingerprint: neither makes this another booking.
	body.website = state.trap;
	state.clearNotice();
	state.setSubmitting( true );
	try {
		const captcha = await captchaToken( store );
		if ( captcha !== undefined ) {
			body.captcha_token = captcha;
		}
		const booking = await api.book( body, key );
		store.getState().setBooking( booking );
	} catch ( error ) {
		const current = store.getState();
		current.setSubmitting( false );
		// Each CAPTCHA answer counts once: the next try needs a fresh one.
		resetCaptcha( store );
		if ( error instanceof ApiError && error.reason === 'TOO_FAST' ) {
			// The wait counts from the visitor's hold; without one (it was
			// lost, or could not be taken) the next try needs a new one.
			holdChosenQuietly( store );
		}
		const message = errorMessage(
			error,
			'book',
			timeLabel( store, chosen.start )
		);
		if (
			error instanceof ApiError &&
			error.reason === 'VALIDATION_ERROR'
		) {
			current.setFieldErrors(
				fieldErrorsFromServer( error.params, current.customer )
			);
			current.setAnswerErrors(
				answerErrorsFromServer( error.params, error.message )
			);
			current.goTo( 'details' );
			current.showNotice( 'error', message, { focus: true } );
			return;
		}
		if ( isTimeConflict( error ) ) {
			// The hold (if any) no longer stands for anything.
			releaseHold( store );
			showFreshTimes( store, message );
			return;
		}
		current.showNotice( 'error', message, { focus: true } );
	}
}

/**
 * Holds the chosen time again when the visitor has no hold on it, without a
 * notice of its own: the one on screen says what to do.
 *
 * @param store The app's store.
 */
async function holdChosenQuietly( store: BookingStore ): Promise< void > {
	const { chosen, hold, api, selection } = store.getState();
	if ( ! chosen || ( hold && hold.start === chosen.start ) ) {
		return;
	}
	try {
		const taken = await api.takeHold( {
			service: selection.service,
			employee: chosen.employee,
			start: chosen.start,
		} );
		const state = store.getState();
		if ( state.chosen?.start !== chosen.start || state.hold ) {
			api.releaseHold( taken.id, taken.token ?? '' ).catch(
				() => undefined
			);
			return;
		}
		state.setHold( {
			id: taken.id,
			token: taken.token ?? '',
			service: selection.service,
			employee: chosen.employee,
			start: taken.start,
			end: taken.end,
		} );
	} catch {
		// The next try says what is wrong.
	}
}

/**
 * Opens the flow where a deep link points (`?service=&employee=&date=`):
 * at the time step when it names a date. Parts that do not fit this block
 * (another service than the preselected one, an employee who does not give
 * the service) are left out.
 *
 * @param store The app's store.
 * @param link  The deep link.
 */
export async function applyDeepLink(
	store: BookingStore,
	link: DeepLink
): Promise< void > {
	await loadServices( store );
	const state = store.getState();
	const { settings } = state;
	if (
		( settings.service > 0 && settings.service !== link.service ) ||
		! state.services?.some( ( service ) => service.id === link.service )
	) {
		return;
	}
	state.selectService( link.service );
	await loadEmployees( store );

	let employee = settings.employee;
	if ( employee === 0 && link.employee !== null && link.employee > 0 ) {
		const gives = store
			.getState()
			.employees?.some( ( candidate ) => candidate.id === link.employee );
		if ( gives && settings.showEmployeeStep ) {
			employee = link.employee;
		}
	}
	store.getState().selectEmployee( employee );
	if ( link.date ) {
		store.getState().selectDate( link.date );
	}
}

/** The availability route answers at most this many days at once. */
const AVAILABILITY_WINDOW_DAYS = 62;

/** How far ahead "next available" looks (the longest booking horizon). */
const NEXT_FREE_LIMIT_DAYS = 366;

/**
 * Looks for the first day with a free time after `after` (an empty day or
 * the end of an empty month), a window of days at a time, up to a year
 * ahead (the server's booking horizon ends the days it lists anyway), and
 * keeps it as `nextFree`.
 *
 * @param store  The app's store.
 * @param after  YYYY-MM-DD: the search starts the day after.
 * @param signal Aborts the search.
 */
export async function findNextFree(
	store: BookingStore,
	after: string,
	signal?: AbortSignal
): Promise< void > {
	const { selection, api, hold, days } = store.getState();
	if ( selection.service === 0 ) {
		return;
	}
	const known = nextFreeDate( days, after, true );
	if ( known ) {
		store.getState().setNextFree( { after, date: known } );
		return;
	}
	let from = addDays( after, 1 );
	for (
		let searched = 0;
		searched < NEXT_FREE_LIMIT_DAYS;
		searched += AVAILABILITY_WINDOW_DAYS
	) {
		const to = addDays( from, AVAILABILITY_WINDOW_DAYS - 1 );
		let answer;
		try {
			answer = await api.getAvailability(
				{
					service: selection.service,
					employee: selection.employee,
					from,
					to,
					hold: ownHoldId( hold, selection.service ),
				},
				signal
			);
		} catch {
			// The calendar's own outage message says what is wrong.
			return;
		}
		if ( ! sameSelection( store.getState().selection, selection ) ) {
			return;
		}
		store.getState().setDays( answer.days );
		const found = nextFreeDate( store.getState().days, after, true );
		if ( found || answer.days.length === 0 ) {
			store.getState().setNextFree( { after, date: found } );
			return;
		}
		from = addDays( to, 1 );
	}
	store.getState().setNextFree( { after, date: null } );
}

/**
 * Confirms a booking by the link in its "confirm your booking" email, and
 * loads the names its summary shows.
 *
 * @param store      The app's store.
 * @param link       The booking id and token from the link.
 * @param link.id
 * @param link.token
 * @return The booking as it is now, or the message that says why not.
 */
export async function confirmBookingByEmail(
	store: BookingStore,
	link: { id: number; token: string }
): Promise< { booking: Booking } | { error: string } > {
	try {
		const booking = await store
			.getState()
			.api.verifyBooking( link.id, link.token );
		const state = store.getState();
		state.selectService( booking.service );
		state.selectEmployee( booking.employee );
		await Promise.all( [ loadServices( store ), loadEmployees( store ) ] );
		return { booking };
	} catch ( error ) {
		return { error: errorMessage( error, 'confirm' ) };
	}
}

/**
 * Loads the booking of the manage link, with its service and employee.
 *
 * @param store The app's store.
 */
export async function loadManagedBooking(
	store: BookingStore
): Promise< void > {
	const { manage, api, updateManage } = store.getState();
	if ( ! manage ) {
		return;
	}
	if ( manage.token === '' ) {
		// The address names a booking but this tab has no token for it (the
		// address was copied to another tab or browser without its token).
		updateManage( { status: 'error' } );
		store
			.getState()
			.showNotice(
				'error',
				__(
					'To see this booking, please open the link from your booking email again.',
					'appointease'
				),
				{ focus: true }
			);
		return;
	}
	updateManage( { status: 'loading' } );
	try {
		const booking = await api.getBooking( manage.id, manage.token );
		updateManage( { booking, status: 'ready' } );
		const state = store.getState();
		state.selectService( booking.service );
		state.selectEmployee( booking.employee );
		await Promise.all( [ loadServices( store ), loadEmployees( store ) ] );
	} catch ( error ) {
		updateManage( { status: 'error' } );
		store
			.getState()
			.showNotice( 'error', errorMessage( error, 'open-booking' ), {
				focus: true,
			} );
	}
}

/**
 * Cancels the managed booking.
 *
 * @param store The app's store.
 */
export async function cancelManagedBooking(
	store: BookingStore
): Promise< void > {
	const { manage, api, updateManage, clearNotice } = store.getState();
	if ( ! manage || manage.busy ) {
		return;
	}
	clearNotice();
	updateManage( { busy: true } );
	try {
		const booking = await api.cancelBooking( manage.id, manage.token );
		updateManage( { booking, busy: false, mode: 'view' } );
		store
			.getState()
			.showNotice(
				'success',
				__(
					'Your booking is cancelled. The time is free for others again.',
					'appointease'
				),
				{ focus: true }
			);
	} catch ( error ) {
		updateManage( { busy: false } );
		store.getState().showNotice( 'error', errorMessage( error, 'cancel' ), {
			focus: true,
		} );
	}
}

/**
 * Moves the managed booking to the picked time.
 *
 * @param store The app's store.
 */
export async function rescheduleManagedBooking(
	store: BookingStore
): Promise< void > {
	const { manage, api, updateManage, clearNotice } = store.getState();
	if ( ! manage || manage.busy || ! manage.target ) {
		return;
	}
	const target = manage.target;
	clearNotice();
	updateManage( { busy: true } );
	try {
		const booking = await api.rescheduleBooking(
			manage.id,
			manage.token,
			target
		);
		updateManage( { booking, busy: false, mode: 'view', target: null } );
		store.getState().showNotice(
			'success',
			sprintf(
				/* translators: %s: the new time, e.g. "Tuesday, 1 December 2026, 10:00". */
				__( 'Done: your booking is now on %s.', 'appointease' ),
				timeLabel( store, booking.start )
			),
			{ focus: true }
		);
	} catch ( error ) {
		updateManage( { busy: false, target: null } );
		const message = errorMessage(
			error,
			'reschedule',
			timeLabel( store, target )
		);
		store.getState().showNotice( 'error', message, { focus: true } );
		if ( isTimeConflict( error ) ) {
			loadDay( store );
		}
	}
}
