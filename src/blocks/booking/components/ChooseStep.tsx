/**
 * The choosing screen: service and employee at the top (each only when
 * there is a choice), then the month calendar and the chosen day's free
 * times side by side (stacked on phones, times right under the calendar),
 * and the choice bar with the running summary and "Continue".
 */

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import type { TimeOption } from '../../../shared/types';
import { ChoiceBar } from './ChoiceBar';
import { DatePicker } from './DatePicker';
import { EmployeeStep } from './EmployeeStep';
import { ServiceStep } from './ServiceStep';
import { TimePicker } from './TimePicker';

interface ChooseStepProps {
	/** Prefix for element ids. */
	id: string;
	/** Holds a time (from useHold). */
	pick: ( option: TimeOption ) => void;
	/**
	 * Whether the deep link and a reload's saved choice are applied: until
	 * then the calendar would choose a day of its own.
	 */
	ready: boolean;
}

/**
 * The screen.
 *
 * @param props       Component props.
 * @param props.id    Prefix for element ids.
 * @param props.pick  Holds the picked time.
 * @param props.ready Whether the starting choice is applied.
 */
export function ChooseStep( { id, pick, ready }: ChooseStepProps ) {
	const store = useBookingStoreApi();
	const settings = useBookingStore( ( state ) => state.settings );
	const services = useBookingStore( ( state ) => state.services );
	const employees = useBookingStore( ( state ) => state.employees );
	const service = useBookingStore( ( state ) => state.selection.service );

	// A single service is simply chosen.
	useEffect( () => {
		if ( service === 0 && services?.length === 1 && services[ 0 ] ) {
			store.getState().selectService( services[ 0 ].id );
		}
	}, [ store, service, services ] );

	const chooseService =
		settings.service === 0 && ( services === null || services.length > 1 );
	const chooseEmployee =
		service > 0 &&
		settings.showEmployeeStep &&
		settings.employee === 0 &&
		( employees?.length ?? 0 ) > 1;

	return (
		<div className="appointease-choose">
			{ chooseService && (
				<section
					className="appointease-choose__part"
					aria-labelledby={ `${ id }-service` }
				>
					<h3 id={ `${ id }-service` }>
						{ __( 'Service', 'appointease' ) }
					</h3>
					<ServiceStep />
				</section>
			) }
			{ chooseEmployee && (
				<section
					className="appointease-choose__part"
					aria-labelledby={ `${ id }-employee` }
				>
					<h3 id={ `${ id }-employee` }>
						{ __( 'With', 'appointease' ) }
					</h3>
					<EmployeeStep />
				</section>
			) }
			{ service > 0 && ready && (
				<section
					className="appointease-choose__when"
					aria-labelledby={ `${ id }-when` }
				>
					<h3
						id={ `${ id }-when` }
						className="appointease-visually-hidden"
					>
						{ __( 'Date and time', 'appointease' ) }
					</h3>
					<div className="appointease-choose__calendar">
						<DatePicker id={ id } />
					</div>
					<div className="appointease-choose__times">
						<TimePicker id={ id } onPick={ pick } />
					</div>
				</section>
			) }
			<ChoiceBar />
		</div>
	);
}
