/**
 * Prices as visitors read them: in the site's currency, formatted the way the
 * page's language writes money ("€35.00", "35,00 €"), by the browser's own
 * Intl.NumberFormat, so no currency table ships with the script.
 */

/**
 * A price for display.
 *
 * @param price    The price as the API sends it, a decimal string such as "35.00".
 * @param currency ISO 4217 code such as "EUR", or "" for a plain number.
 * @param locale   BCP 47 language tag of the page, or "" for the browser's.
 */
export function formatPrice(
	price: string,
	currency: string,
	locale: string
): string {
	const amount = Number( price );
	if ( price.trim() === '' || ! Number.isFinite( amount ) ) {
		return price;
	}
	const options: Intl.NumberFormatOptions =
		currency === ''
			? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
			: { style: 'currency', currency };
	try {
		return new Intl.NumberFormat( locale || undefined, options ).format(
			amount
		);
	} catch {
		// An unknown language tag or currency code: the price as it came.
		return currency === '' ? price : `${ price } ${ currency }`;
	}
}
