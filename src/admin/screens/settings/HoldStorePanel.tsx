/**
 * Which store keeps the visitors' holds, as Tools → Site Health reports it.
 * The server renders the status into the page (there is no REST route for
 * it), so it is as fresh as the page.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { HoldStoreStatus } from '../../types';

interface Summary {
	level: 'good' | 'warning' | 'critical';
	text: string;
}

/**
 * The sentence and the level that describe a status.
 *
 * @param status The status, or null when the page carried none.
 */
export function describeHoldStore( status: HoldStoreStatus | null ): Summary {
	if ( ! status ) {
		return {
			level: 'warning',
			text: __( "The hold store's status is not known.", 'appointease' ),
		};
	}
	if ( status.store === 'redis' ) {
		return {
			level: 'good',
			text:
				status.latency_ms === null
					? __( "Redis keeps the visitors' holds.", 'appointease' )
					: sprintf(
							/* translators: %s: milliseconds. */
							__(
								"Redis keeps the visitors' holds; it answered in %s ms.",
								'appointease'
							),
							status.latency_ms.toFixed( 2 )
						),
		};
	}
	if ( ! status.configured ) {
		return {
			level: 'good',
			text: __(
				"The database keeps the visitors' holds, because no Redis is configured. That is correct and safe; on a busy site, Redis makes the live availability checks cheaper.",
				'appointease'
			),
		};
	}
	return {
		level: 'critical',
		text: sprintf(
			/* translators: %s: the connection error. */
			__(
				'Redis is configured but does not answer, so the database keeps the holds. Bookings keep working; live availability costs more. %s',
				'appointease'
			),
			status.error ?? ''
		).trim(),
	};
}

export function HoldStorePanel( {
	status,
}: {
	status: HoldStoreStatus | null;
} ) {
	const summary = describeHoldStore( status );
	return (
		<section
			className={ `appointease-admin__store is-${ summary.level }` }
			aria-labelledby="appointease-store-heading"
		>
			<h2 id="appointease-store-heading">
				{ __( 'Hold store', 'appointease' ) }
			</h2>
			<p>{ summary.text }</p>
			<p>
				<a href="site-health.php">
					{ __( 'Details in Tools → Site Health', 'appointease' ) }
				</a>
			</p>
		</section>
	);
}
