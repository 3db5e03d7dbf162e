/**
 * The booking flow's state: one zustand store per booking app on the page
 * (a page may hold several blocks), created with `createBookingStore()` and
 * handed to React through `BookingStoreProvider` (see ./store-context).
 *
 * The store holds state and synchronous changes only; what talks to the
 * server lives in ./actions and the hooks, which call these setters. It uses
 * `zustand/vanilla`, so it has no React dependency and is unit-tested alone.
 */

/**
 * External dependencies
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Internal dependencies
 */
import { createApi, type BookingApi } from './api';
import {
	CONSENT,
	type AnswerErrors,
	type Answers,
	type AnswerValue,
} from './custom-fields';
import { calendarKey, isStaleAnswer, type LiveCalendar } from './slots';
import { ALL_STEPS } from './steps';
import {
	monthOf,
	todayOnVisitorClock,
	toMillis,
	type MonthString,
	type TimeDisplay,
} from './time';
import type {
	AvailabilityDay,
	BlockSettings,
	Booking,
	Customer,
	CustomerField,
	OwnHold,
	PollAnswer,
	PublicEmployee,
	Service,
	StepId,
} from './types';
import type { ManageLink } from './url';
import { randomUuid } from './uuid';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A message for the visitor about what happened and what to do next. */
export interface Notice {
	/** Grows with every notice, so the same text is announced again. */
	id: number;
	kind: 'error' | 'info' | 'success';
	text: string;
	/** Whether focus moves to the message. */
	focus: boolean;
}

export type FieldErrors = Partial< Record< CustomerField, string > >;

/** The manage view (reached with the manage link from the email). */
export interface ManageState {
	id: number;
	token: string;
	booking: Booking | null;
	status: LoadStatus;
	/** What the visitor is doing with the booking. */
	mode: 'view' | 'confirm-cancel' | 'reschedule';
	/** The new start picked for a reschedule. */
	target: string | null;
	/** Whether a cancel or reschedule is on its way. */
	busy: boolean;
}

export interface Selection {
	service: number;
	/** 0: "any available". */
	employee: number;
	/** YYYY-MM-DD in the calendar's timezone. */
	date: string | null;
}

/** A picked time and the employee it is with. */
export interface ChosenTime {
	start: string;
	end: string;
	employee: number;
}

export interface BookingState {
	/** The settings of this booking app (from the data attribute). */
	readonly settings: BlockSettings;
	/** The REST client. */
	readonly api: BookingApi;
	/** The steps of this flow, in order. */
	readonly steps: readonly StepId[];
	/** The step on screen. */
	step: StepId;

	services: Service[] | null;
	servicesStatus: LoadStatus;
	/** Employees who give the selected service. */
	employees: PublicEmployee[] | null;
	employeesStatus: LoadStatus;

	selection: Selection;
	/** The month the calendar shows, YYYY-MM. */
	month: MonthString;
	/** Availability by date, for the selected service and employee. */
	days: Record< string, AvailabilityDay >;
	monthStatus: LoadStatus;
	dayStatus: LoadStatus;
	/**
	 * The next day with a free time after an empty month or day: `after`
	 * is where the search started, `date` what it found (null: nothing up to
	 * the horizon); null while not searched.
	 */
	nextFree: { after: string; date: string | null } | null;

	/** Latest poll answers by calendarKey(). */
	live: Record< string, LiveCalendar >;
	/** Server clock minus this browser's clock, ms. */
	clockOffset: number;

	/** The time the visitor picked (kept when its hold is lost). */
	chosen: ChosenTime | null;
	/** The visitor's own hold. */
	hold: OwnHold | null;
	/** The start being held right now (request on its way). */
	picking: string | null;

	customer: Customer;
	/**
	 * The honeypot: what is in the form's hidden `website` field. People
	 * never see it, so it stays empty unless a script fills every field.
	 */
	trap: string;
	fieldErrors: FieldErrors;
	/** Answers to the service's own form fields, by field id. */
	answers: Answers;
	/** Whether the visitor ticked the consent box. */
	consent: boolean;
	/** Messages of the form fields and the consent box at fault. */
	answerErrors: AnswerErrors;
	/** The Idempotency-Key of the current submit and what it was for. */
	submitKey: { key: string; fingerprint: string } | null;
	submitting: boolean;
	/** The booking made (done step). */
	booking: Booking | null;

	notice: Notice | null;
	timeDisplay: TimeDisplay;
	manage: ManageState | null;

	/**
	 * Shows a step of this flow (a step not in `steps` is ignored). A new
	 * step starts without the previous step's message.
	 */
	goTo: ( step: StepId ) => void;
	/** Shows the next step, if any. */
	next: () => void;
	/** Shows the previous step, if any. Once the booking is done, stays there. */
	back: () => void;

	setServices: ( services: Service[] | null, status: LoadStatus ) => void;
	setEmployees: (
		employees: PublicEmployee[] | null,
		status: LoadStatus
	) => void;
	/** Chooses a service; forgets what depended on the previous one. */
	selectService: ( service: number ) => void;
	/** Chooses an employee (0: any available); forgets the days. */
	selectEmployee: ( employee: number ) => void;
	selectDate: ( date: string | null ) => void;
	showMonth: ( month: MonthString ) => void;
	setMonthStatus: ( status: LoadStatus ) => void;
	setDayStatus: ( status: LoadStatus ) => void;
	/** Stores availability days (replacing those dates). */
	setDays: ( days: AvailabilityDay[] ) => void;
	setNextFree: ( nextFree: BookingState[ 'nextFree' ] ) => void;
	/**
	 * Takes a poll answer unless it is older than the one on screen.
	 *
	 * @return Whether it was taken.
	 */
	receivePoll: (
		answer: PollAnswer,
		etag: string | null,
		now: number,
		stale?: boolean
	) => boolean;
	/**
	 * Notes a poll that changed nothing (304). A `stale` one (an HTTP cache
	 * answering for a server it cannot reach) says nothing about now.
	 */
	markChecked: (
		employee: number,
		date: string,
		now: number,
		stale?: boolean
	) => void;

	setChosen: ( chosen: ChosenTime | null ) => void;
	setHold: ( hold: OwnHold | null ) => void;
	setPicking: ( start: string | null ) => void;

	setCustomerField: ( field: CustomerField, value: string ) => void;
	setTrap: ( value: string ) => void;
	setFieldErrors: ( errors: FieldErrors ) => void;
	/** Answers one form field; forgets its message. */
	setAnswer: ( id: string, value: AnswerValue ) => void;
	/** Ticks or unticks the consent box; forgets its message. */
	setConsent: ( agreed: boolean ) => void;
	setAnswerErrors: ( errors: AnswerErrors ) => void;
	/**
	 * The Idempotency-Key for submitting this booking: the same as last time
	 * when nothing changed (a retry), a new one otherwise.
	 *
	 * @param fingerprint What is being submitted.
	 */
	submitKeyFor: ( fingerprint: string ) => string;
	setSubmitting: ( submitting: boolean ) => void;
	/** Shows the done step with the booking. */
	setBooking: ( booking: Booking ) => void;

	showNotice: (
		kind: Notice[ 'kind' ],
		text: string,
		options?: { focus?: boolean }
	) => void;
	clearNotice: () => void;
	setTimeDisplay: ( display: TimeDisplay ) => void;
	updateManage: ( changes: Partial< ManageState > ) => void;
}

export type BookingStore = StoreApi< BookingState >;

export interface StoreOptions {
	/** The REST client (tests pass a fake). */
	api?: BookingApi;
	/** The manage link on the page, which opens the manage view. */
	manage?: ManageLink | null;
	/** Today, YYYY-MM-DD (for the calendar's first month). */
	today?: string;
}

const EMPTY_CUSTOMER: Customer = Object.freeze( {
	name: '',
	email: '',
	phone: '',
	notes: '',
} );

let noticeCounter = 0;

/**
 * Creates the store of one booking app.
 *
 * @param settings The app's settings.
 * @param options  REST client, manage link, today.
 */
export function createBookingStore(
	settings: BlockSettings,
	options: StoreOptions = {}
): BookingStore {
	const steps = ALL_STEPS;
	const first: StepId = 'choose';
	const api = options.api ?? createApi( settings );
	const today = options.today ?? todayOnVisitorClock();

	return createStore< BookingState >()( ( set, get ) => {
		const move = ( offset: number ) => {
			const { step } = get();
			if ( step === 'done' ) {
				return;
			}
			const target = steps[ steps.indexOf( step ) + offset ];
			if ( target !== undefined ) {
				set( { step: target, notice: null } );
			}
		};

		return {
			settings: { ...settings },
			api,
			steps,
			step: first,

			services: null,
			servicesStatus: 'idle',
			employees: null,
			employeesStatus: 'idle',

			selection: {
				service: settings.service,
				employee: settings.employee,
				date: null,
			},
			month: monthOf( today ),
			days: {},
			monthStatus: 'idle',
			dayStatus: 'idle',
			nextFree: null,

			live: {},
			clockOffset: 0,

			chosen: null,
			hold: null,
			picking: null,

			customer: { ...EMPTY_CUSTOMER },
			trap: '',
			fieldErrors: {},
			answers: {},
			consent: false,
			answerErrors: {},
			submitKey: null,
			submitting: false,
			booking: null,

			notice: null,
			timeDisplay: 'calendar',
			manage: options.manage
				? {
						...options.manage,
						booking: null,
						status: 'idle',
						mode: 'view',
						target: null,
						busy: false,
					}
				: null,

			goTo: ( step ) => {
				if ( steps.includes( step ) && step !== get().step ) {
					set( { step, notice: null } );
				}
			},
			next: () => move( 1 ),
			back: () => move( -1 ),

			setServices: ( services, status ) =>
				set( { services, servicesStatus: status } ),
			setEmployees: ( employees, status ) =>
				set( { employees, employeesStatus: status } ),

			selectService: ( service ) => {
				if ( service === get().selection.service ) {
					return;
				}
				set( {
					selection: {
						service,
						employee: settings.employee,
						date: null,
					},
					employees: null,
					employeesStatus: 'idle',
					chosen: null,
					days: {},
					monthStatus: 'idle',
					dayStatus: 'idle',
					nextFree: null,
					live: {},
				} );
			},
			selectEmployee: ( employee ) => {
				const { selection } = get();
				if ( employee === selection.employee ) {
					return;
				}
				set( {
					selection: { ...selection, employee, date: null },
					chosen: null,
					days: {},
					monthStatus: 'idle',
					dayStatus: 'idle',
					nextFree: null,
					live: {},
				} );
			},
			selectDate: ( date ) => {
				const { selection, month } = get();
				if ( date === selection.date ) {
					// Chosen already: show its month (a "Next available" jump
					// back to it from another month).
					if ( date && monthOf( date ) !== month ) {
						set( { month: monthOf( date ), monthStatus: 'idle' } );
					}
					return;
				}
				set( {
					selection: { ...selection, date },
					dayStatus: 'idle',
					...( date ? { month: monthOf( date ) } : {} ),
				} );
			},
			showMonth: ( month ) =>
				set( { month, monthStatus: 'idle', nextFree: null } ),
			setNextFree: ( nextFree ) => set( { nextFree } ),
			setMonthStatus: ( monthStatus ) => set( { monthStatus } ),
			setDayStatus: ( dayStatus ) => set( { dayStatus } ),
			setDays: ( days ) => {
				const next = { ...get().days };
				for ( const day of days ) {
					next[ day.date ] = day;
				}
				set( { days: next } );
			},

			receivePoll: ( answer, etag, now, stale = false ) => {
				const key = calendarKey( answer.employee, answer.date );
				const shown = get().live[ key ];
				if ( isStaleAnswer( answer, shown?.answer ) ) {
					// An older answer (a cache's copy) tells nothing new.
					return false;
				}
				const serverTime = toMillis( answer.server_time );
				const fresh = ! stale && ! Number.isNaN( serverTime );
				set( {
					live: {
						...get().live,
						[ key ]: {
							answer,
							etag,
							checkedAt: fresh
								? serverTime
								: ( shown?.checkedAt ?? serverTime ),
						},
					},
					// The server's clock, from an answer made just now only:
					// a cache's copy would set it back and make old look new.
					clockOffset: fresh ? serverTime - now : get().clockOffset,
				} );
				return true;
			},
			markChecked: ( employee, date, now, stale = false ) => {
				const key = calendarKey( employee, date );
				const shown = get().live[ key ];
				if ( shown && ! stale ) {
					set( {
						live: {
							...get().live,
							[ key ]: {
								...shown,
								checkedAt: now + get().clockOffset,
							},
						},
					} );
				}
			},

			setChosen: ( chosen ) => set( { chosen } ),
			setHold: ( hold ) => set( { hold } ),
			setPicking: ( picking ) => set( { picking } ),

			setCustomerField: ( field, value ) => {
				const { customer, fieldErrors } = get();
				const errors = { ...fieldErrors };
				delete errors[ field ];
				set( {
					customer: { ...customer, [ field ]: value },
					fieldErrors: errors,
				} );
			},
			setTrap: ( trap ) => set( { trap } ),
			setFieldErrors: ( fieldErrors ) => set( { fieldErrors } ),
			setAnswer: ( id, value ) => {
				const { answers, answerErrors } = get();
				const errors = { ...answerErrors };
				delete errors[ id ];
				set( {
					answers: { ...answers, [ id ]: value },
					answerErrors: errors,
				} );
			},
			setConsent: ( consent ) => {
				const errors = { ...get().answerErrors };
				delete errors[ CONSENT ];
				set( { consent, answerErrors: errors } );
			},
			setAnswerErrors: ( answerErrors ) => set( { answerErrors } ),
			submitKeyFor: ( fingerprint ) => {
				const current = get().submitKey;
				if ( current && current.fingerprint === fingerprint ) {
					return current.key;
				}
				const key = randomUuid();
				set( { submitKey: { key, fingerprint } } );
				return key;
			},
			setSubmitting: ( submitting ) => set( { submitting } ),
			setBooking: ( booking ) =>
				set( {
					booking,
					step: 'done',
					chosen: null,
					hold: null,
					submitKey: null,
					submitting: false,
				} ),

			showNotice: ( kind, text, { focus = false } = {} ) => {
				noticeCounter += 1;
				set( { notice: { id: noticeCounter, kind, text, focus } } );
			},
			clearNotice: () => {
				if ( get().notice !== null ) {
					set( { notice: null } );
				}
			},
			setTimeDisplay: ( timeDisplay ) => set( { timeDisplay } ),
			updateManage: ( changes ) => {
				const { manage } = get();
				if ( manage ) {
					set( { manage: { ...manage, ...changes } } );
				}
			},
		};
	} );
}

/**
 * Whether `back()` would change the step.
 *
 * @param state The store's state.
 */
export function canGoBack( state: BookingState ): boolean {
	return state.step !== 'done' && state.steps.indexOf( state.step ) > 0;
}

/**
 * The selected service, once the services are loaded.
 *
 * @param state The store's state.
 */
export function selectedService( state: BookingState ): Service | undefined {
	return state.services?.find(
		( service ) => service.id === state.selection.service
	);
}

/**
 * The server's clock now (ms), as far as the page can tell.
 *
 * @param state The store's state.
 * @param now   This browser's clock, ms.
 */
export function serverNow( state: BookingState, now: number ): number {
	return now + state.clockOffset;
}
