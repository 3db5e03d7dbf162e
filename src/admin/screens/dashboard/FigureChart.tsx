/**
 * One chart of the dashboard, drawn by Chart.js on a canvas, with the same
 * figures as a table under it: screen readers (and anyone) read the table,
 * the canvas is an image whose name says what it shows.
 *
 * Chart.js is registered piece by piece (bars, lines, the axes and the
 * legend), so the bundle carries only those; only the dashboard's entry
 * point (build/admin/dashboard.js) includes this file.
 */

/**
 * External dependencies
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
} from 'chart.js';

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

/** One series of a chart. */
export interface Series {
	label: string;
	values: number[];
	/** How a value reads in the table and the tooltip. */
	format?: ( value: number ) => string;
	color: string;
	/** Shown in the table only, not drawn. */
	tableOnly?: boolean;
}

interface Props {
	/** The chart's heading. */
	title: string;
	/** Row labels: weeks or employees. */
	labels: string[];
	/** The table's first column heading. */
	labelHeading: string;
	series: Series[];
	type?: 'bar' | 'line';
	/** Bars left to right (employees) instead of bottom to top. */
	horizontal?: boolean;
	/** The y (or x, when horizontal) axis' maximum, e.g. 100 for percentages. */
	max?: number;
	/** An id for the figures' cells, for tests and links: `data-figure="{id}-{row}-{series}"`. */
	id: string;
}

export function FigureChart( {
	title,
	labels,
	labelHeading,
	series,
	type = 'bar',
	horizontal = false,
	max,
	id,
}: Props ) {
	const canvas = useRef< HTMLCanvasElement | null >( null );

	useEffect( () => {
		if ( ! canvas.current ) {
			return undefined;
		}
		const drawn = series.filter( ( one ) => ! one.tableOnly );
		const chart = new Chart( canvas.current, {
			type,
			data: {
				labels,
				datasets: drawn.map( ( one ) => ( {
					label: one.label,
					data: one.values,
					backgroundColor: one.color,
					borderColor: one.color,
				} ) ),
			},
			options: {
				indexAxis: horizontal ? 'y' : 'x',
				maintainAspectRatio: false,
				animation: false,
				scales: {
					[ horizontal ? 'x' : 'y' ]: { beginAtZero: true, max },
				},
				plugins: {
					tooltip: {
						callbacks: {
							label: ( item ) => {
								const format =
									drawn[ item.datasetIndex ]?.format;
								const value = Number( item.raw );
								return `${ item.dataset.label ?? '' }: ${
									format ? format( value ) : value
								}`;
							},
						},
					},
				},
			},
		} );
		return () => chart.destroy();
	}, [ type, labels, series, horizontal, max ] );

	const headingId = `appointease-chart-${ id }`;
	return (
		<section
			className="appointease-dashboard__chart"
			aria-labelledby={ headingId }
		>
			<h2 id={ headingId }>{ title }</h2>
			<div className="appointease-dashboard__canvas">
				<canvas ref={ canvas } role="img" aria-label={ title } />
			</div>
			<table className="widefat striped appointease-dashboard__table">
				<caption className="screen-reader-text">{ title }</caption>
				<thead>
					<tr>
						<th scope="col">{ labelHeading }</th>
						{ series.map( ( one ) => (
							<th scope="col" key={ one.label }>
								{ one.label }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ labels.map( ( label, row ) => (
						// Two employees may share a name: rows are keyed by place.

						<tr key={ row }>
							<th scope="row">{ label }</th>
							{ series.map( ( one, column ) => {
								const value = one.values[ row ] ?? 0;
								return (
									<td
										key={ one.label }
										data-figure={ `${ id }-${ row }-${ column }` }
									>
										{ one.format
											? one.format( value )
											: value }
									</td>
								);
							} ) }
						</tr>
					) ) }
				</tbody>
			</table>
		</section>
	);
}
