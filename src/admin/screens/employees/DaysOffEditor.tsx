/**
 * Days off and holidays: date ranges, both ends included.
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
import { isDate } from '../../../shared/time';
import type { DayOff } from '../../../shared/types';

/**
 * What is wrong with a day-off range, or null.
 *
 * @param dayOff The range.
 */
export function dayOffProblem( dayOff: DayOff ): string | null {
	if ( ! isDate( dayOff.start ) || ! isDate( dayOff.end ) ) {
		return __( 'Pick both dates.', 'appointease' );
	}
	if ( dayOff.end < dayOff.start ) {
		return __( 'The last day cannot be before the first.', 'appointease' );
	}
	return null;
}

interface Props {
	daysOff: DayOff[];
	today: string;
	onChange: ( daysOff: DayOff[] ) => void;
}

export function DaysOffEditor( { daysOff, today, onChange }: Props ) {
	return (
		<fieldset>
			<legend>{ __( 'Days off and holidays', 'appointease' ) }</legend>
			<VStack spacing={ 3 } alignment="topLeft">
				{ daysOff.length === 0 && (
					<p className="description">
						{ __( 'None.', 'appointease' ) }
					</p>
				) }
				{ daysOff.map( ( dayOff, index ) => {
					const update = ( change: Partial< DayOff > ) =>
						onChange(
							daysOff.map( ( item, at ) =>
								at === index ? { ...item, ...change } : item
							)
						);
					const problem = dayOffProblem( dayOff );
					const problemId = `appointease-day-off-problem-${ index }`;
					const name = sprintf(
						/* translators: %d: number of the day-off range. */
						__( 'day off %d', 'appointease' ),
						index + 1
					);
					return (
						<VStack key={ index } spacing={ 1 }>
							<HStack
								className="appointease-admin__range"
								spacing={ 2 }
								alignment="bottomLeft"
								wrap
							>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %s: e.g. "day off 1". */
										__( 'First day (%s)', 'appointease' ),
										name
									) }
									type="date"
									value={ dayOff.start }
									aria-describedby={
										problem ? problemId : undefined
									}
									onChange={ ( start: string ) =>
										update( { start } )
									}
								/>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %s: e.g. "day off 1". */
										__( 'Last day (%s)', 'appointease' ),
										name
									) }
									type="date"
									value={ dayOff.end }
									aria-describedby={
										problem ? problemId : undefined
									}
									onChange={ ( end: string ) =>
										update( { end } )
									}
								/>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %s: e.g. "day off 1". */
										__( 'Reason (%s)', 'appointease' ),
										name
									) }
									value={ dayOff.reason ?? '' }
									maxLength={ 191 }
									onChange={ ( reason: string ) =>
										update( { reason } )
									}
								/>
								<Button
									__next40pxDefaultSize
									variant="tertiary"
									isDestructive
									onClick={ () =>
										onChange(
											daysOff.filter(
												( _, at ) => at !== index
											)
										)
									}
								>
									{ sprintf(
										/* translators: %s: e.g. "day off 1". */
										__( 'Remove %s', 'appointease' ),
										name
									) }
								</Button>
							</HStack>
							{ problem && (
								<p
									id={ problemId }
									className="appointease-admin__error"
								>
									{ problem }
								</p>
							) }
						</VStack>
					);
				} ) }
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () =>
						onChange( [
							...daysOff,
							{ start: today, end: today, reason: '' },
						] )
					}
				>
					{ __( 'Add days off', 'appointease' ) }
				</Button>
			</VStack>
		</fieldset>
	);
}
