/**
 * Weekly working hours: for each weekday, any number of ranges; two ranges
 * on one day leave a break between them.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack, VStack } from '../../components/Stack';
import {
	copyMondayToWeekdays,
	dayProblem,
	nextRange,
	WEEKDAYS,
	type TimeRange,
	type WeekHours,
} from '../../lib/hours';
import { weekdayName } from '../../../shared/time';

interface Props {
	week: WeekHours;
	onChange: ( week: WeekHours ) => void;
}

export function HoursEditor( { week, onChange }: Props ) {
	const setDay = ( weekday: number, ranges: TimeRange[] ) =>
		onChange( { ...week, [ weekday ]: ranges } );

	return (
		<fieldset>
			<legend>{ __( 'Weekly working hours', 'appointease' ) }</legend>
			<VStack spacing={ 3 } alignment="topLeft">
				<p className="description">
					{ __(
						"Times are in the employee's timezone, on a 5-minute step. Add a second range on a day to leave a break.",
						'appointease'
					) }
				</p>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					disabled={ ( week[ 1 ] ?? [] ).length === 0 }
					onClick={ () => onChange( copyMondayToWeekdays( week ) ) }
				>
					{ sprintf(
						/* translators: 1: Monday, 2: Tuesday, 3: Friday (weekday names). */
						__( 'Copy %1$s to %2$s–%3$s', 'appointease' ),
						weekdayName( 1 ),
						weekdayName( 2 ),
						weekdayName( 5 )
					) }
				</Button>
			</VStack>
			{ WEEKDAYS.map( ( weekday ) => {
				const day = weekdayName( weekday );
				const ranges = week[ weekday ] ?? [];
				const problem = dayProblem( ranges );
				const problemId = `appointease-hours-problem-${ weekday }`;
				return (
					<div
						key={ weekday }
						className="appointease-admin__day-hours"
						role="group"
						aria-label={ day }
					>
						<strong>{ day }</strong>
						<VStack spacing={ 2 } alignment="topLeft">
							{ ranges.length === 0 && (
								<p className="description">
									{ __( 'Not working', 'appointease' ) }
								</p>
							) }
							{ ranges.map( ( range, index ) => {
								const update = (
									change: Partial< TimeRange >
								) =>
									setDay(
										weekday,
										ranges.map( ( item, at ) =>
											at === index
												? { ...item, ...change }
												: item
										)
									);
								const name = sprintf(
									/* translators: 1: weekday, 2: number of the range on that day. */
									__( '%1$s, range %2$d', 'appointease' ),
									day,
									index + 1
								);
								return (
									<HStack
										key={ index }
										className="appointease-admin__range"
										spacing={ 2 }
										alignment="left"
										wrap
									>
										<TextControl
											__next40pxDefaultSize
											__nextHasNoMarginBottom
											label={ sprintf(
												/* translators: %s: a weekday and range, e.g. "Monday, range 1". */
												__(
													'From (%s)',
													'appointease'
												),
												name
											) }
											hideLabelFromVision
											type="time"
											step={ 300 }
											value={ range.start }
											aria-describedby={
												problem ? problemId : undefined
											}
											onChange={ ( start: string ) =>
												update( { start } )
											}
										/>
										<span aria-hidden="true">–</span>
										<TextControl
											__next40pxDefaultSize
											__nextHasNoMarginBottom
											label={ sprintf(
												/* translators: %s: a weekday and range, e.g. "Monday, range 1". */
												__( 'To (%s)', 'appointease' ),
												name
											) }
											hideLabelFromVision
											type="time"
											step={ 300 }
											value={ range.end }
											aria-describedby={
												problem ? problemId : undefined
											}
											onChange={ ( end: string ) =>
												update( { end } )
											}
										/>
										<Button
											__next40pxDefaultSize
											variant="tertiary"
											isDestructive
											aria-label={ sprintf(
												/* translators: %s: a weekday and range, e.g. "Monday, range 1". */
												__(
													'Remove %s',
													'appointease'
												),
												name
											) }
											onClick={ () =>
												setDay(
													weekday,
													ranges.filter(
														( _, at ) =>
															at !== index
													)
												)
											}
										>
											{ __( 'Remove', 'appointease' ) }
										</Button>
									</HStack>
								);
							} ) }
							{ problem && (
								<p
									id={ problemId }
									className="appointease-admin__error"
								>
									{ problem }
								</p>
							) }
							<Button
								__next40pxDefaultSize
								variant="secondary"
								aria-label={
									ranges.length === 0
										? sprintf(
												/* translators: %s: weekday. */
												__(
													'Add hours on %s',
													'appointease'
												),
												day
											)
										: sprintf(
												/* translators: %s: weekday. */
												__(
													'Add hours after a break on %s',
													'appointease'
												),
												day
											)
								}
								onClick={ () =>
									setDay( weekday, [
										...ranges,
										nextRange( ranges ),
									] )
								}
							>
								{ ranges.length === 0
									? __( 'Add hours', 'appointease' )
									: __(
											'Add hours after a break',
											'appointease'
										) }
							</Button>
						</VStack>
					</div>
				);
			} ) }
		</fieldset>
	);
}
