/**
 * Types only the admin screens use. The REST answers (Service, Employee,
 * Booking, …) come from src/shared/types.ts, generated from the routes'
 * schemas; what the admin calls send (ServiceFields, BookingFilters, …)
 * comes with the calls from src/shared/api.ts. Both are shared with the
 * booking block.
 */

/**
 * Internal dependencies
 */
import type { Service } from '../shared/types';

/** What a picker or a table cell needs of a service or an employee. */
export type Named = Pick< Service, 'id' | 'name' >;

/**
 * Which store keeps the holds (HoldStoreFactory::status()), as the admin
 * page's inline configuration carries it.
 */
export interface HoldStoreStatus {
	store: string;
	configured: boolean;
	reachable: boolean;
	latency_ms: number | null;
	error: string | null;
}
