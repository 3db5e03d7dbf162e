/**
 * The dashboard, the AppointEase menu's first screen: today's and this
 * week's appointments, the no-show rate, and charts of bookings,
 * cancellations and revenue per week and of each employee's utilisation
 * this week, from `GET dashboard` (counted by the database). Its own entry
 * point (dashboard.tsx) loads it, and Chart.js with it, on this page only.
 */

/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getDashboard } from '../../../shared/api';
import { formatPrice } from '../../../shared/money';
import { formatMediumDate } from '../../../shared/time';
import type { Dashboard } from '../../../shared/types';
import { Notices } from '../../components/Notices';
import { useNotices } from '../../hooks/useNotices';
import { FigureChart, type Series } from './FigureChart';

/** Weeks the charts show, the current one last. */
export const DASHBOARD_WEEKS = 8;

interface Props {
	currency: string;
	locale: string;
}

/**
 * A share as a percentage for people: 0.125 → "12.5%".
 *
 * @param share  From 0 to 1.
 * @param locale BCP 47 tag, or "" for the browser's.
 */
function percent( share: number, locale: string ): string {
	return new Intl.NumberFormat( locale || undefined, {
		style: 'percent',
		maximumFractionDigits: 1,
	} ).format( share );
}

export function DashboardScreen( { currency, locale }: Props ) {
	const notices = useNotices();
	const { failure } = notices;
	const [ figures, setFigures ] = useState< Dashboard | null >( null );

	useEffect( () => {
		getDashboard( DASHBOARD_WEEKS )
			.then( setFigures )
			.catch( ( error ) =>
				failure(
					__( 'The figures could not be loaded.', 'appointease' ),
					error
				)
			);
	}, [ failure ] );

	const charts = useMemo( () => {
		if ( ! figures ) {
			return null;
		}
		const weeks = figures.weeks.map( ( week ) =>
			sprintf(
				/* translators: %s: the week's Monday. */
				__( 'Week of %s', 'appointease' ),
				formatMediumDate( week.start )
			)
		);
		const money = ( value: number ) =>
			formatPrice( value.toFixed( 2 ), currency, locale );
		const bookings: Series[] = [
			{
				label: __( 'Bookings', 'appointease' ),
				values: figures.weeks.map( ( week ) => week.bookings ),
				color: '#2271b1',
			},
			{
				label: __( 'Cancellations', 'appointease' ),
				values: figures.weeks.map( ( week ) => week.cancellations ),
				color: '#d63638',
			},
			{
				label: __( 'No-shows', 'appointease' ),
				values: figures.weeks.map( ( week ) => week.no_shows ),
				color: '#dba617',
			},
		];
		const revenue: Series[] = [
			{
				label: __( 'Revenue booked', 'appointease' ),
				values: figures.weeks.map( ( week ) => week.revenue ),
				format: money,
				color: '#00a32a',
			},
		];
		const utilisation: Series[] = [
			{
				label: __( 'Utilisation', 'appointease' ),
				values: figures.utilisation.map( ( row ) =>
					row.working_minutes === 0
						? 0
						: Math.round(
								( row.booked_minutes / row.working_minutes ) *
									1000
							) / 10
				),
				format: ( value ) => percent( value / 100, locale ),
				color: '#3858e9',
			},
			{
				label: __( 'Booked minutes', 'appointease' ),
				values: figures.utilisation.map(
					( row ) => row.booked_minutes
				),
				color: '#8c8f94',
				tableOnly: true,
			},
			{
				label: __( 'Working minutes', 'appointease' ),
				values: figures.utilisation.map(
					( row ) => row.working_minutes
				),
				color: '#c3c4c7',
				tableOnly: true,
			},
		];
		return {
			weeks,
			bookings,
			revenue,
			utilisation,
			employees: figures.utilisation.map( ( row ) => row.name ),
		};
	}, [ figures, currency, locale ] );

	const rate = figures?.no_show_rate.rate;
	return (
		<div className="appointease-admin__screen appointease-dashboard">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			{ ! figures && <Spinner /> }
			{ figures && charts && (
				<>
					<dl className="appointease-dashboard__tiles">
						<div>
							<dt>
								{ __( 'Appointments today', 'appointease' ) }
							</dt>
							<dd data-figure="today">{ figures.today_count }</dd>
						</div>
						<div>
							<dt>
								{ __(
									'Appointments this week',
									'appointease'
								) }
							</dt>
							<dd data-figure="week">{ figures.week_count }</dd>
						</div>
						<div>
							<dt>
								{ sprintf(
									/* translators: %d: number of weeks. */
									__(
										'No-show rate, last %d weeks',
										'appointease'
									),
									DASHBOARD_WEEKS
								) }
							</dt>
							<dd data-figure="no-show-rate">
								{ rate === null || rate === undefined
									? __( 'No appointments yet', 'appointease' )
									: percent( rate, locale ) }
							</dd>
						</div>
					</dl>
					<p className="description">
						{ __(
							'Bookings count pending, confirmed, completed and no-show appointments by the week they take place in (weeks start on Monday, in the site’s timezone). Revenue booked is price × seats of those bookings. Utilisation is this week’s booked minutes over working minutes, days off left out.',
							'appointease'
						) }
					</p>
					<div className="appointease-dashboard__charts">
						<FigureChart
							id="bookings"
							title={ __(
								'Bookings and cancellations per week',
								'appointease'
							) }
							labelHeading={ __( 'Week', 'appointease' ) }
							labels={ charts.weeks }
							series={ charts.bookings }
						/>
						<FigureChart
							id="revenue"
							title={ __(
								'Revenue booked per week',
								'appointease'
							) }
							labelHeading={ __( 'Week', 'appointease' ) }
							labels={ charts.weeks }
							series={ charts.revenue }
							type="line"
						/>
						<FigureChart
							id="utilisation"
							title={ __(
								'Utilisation per employee this week',
								'appointease'
							) }
							labelHeading={ __( 'Employee', 'appointease' ) }
							labels={ charts.employees }
							series={ charts.utilisation }
							horizontal
							max={ 100 }
						/>
					</div>
				</>
			) }
		</div>
	);
}
