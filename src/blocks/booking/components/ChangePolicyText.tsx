/**
 * The change and cancel policy of the chosen service, in the server's words
 * (`change_policy` of `GET services`), on the confirm step: what the customer
 * agrees to before booking. Nothing when changes are possible up to the start.
 */

/**
 * Internal dependencies
 */
import { selectedService } from '../../../shared/store';
import { useBookingStore } from '../../../shared/store-context';

export function ChangePolicyText() {
	const policy = useBookingStore(
		( state ) => selectedService( state )?.change_policy ?? ''
	);
	if ( policy === '' ) {
		return null;
	}
	return <p className="appointease-policy">{ policy }</p>;
}
