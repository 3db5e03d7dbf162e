/**
 * Front-end script of the booking block and the `[appointease]` shortcode.
 */

/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';

/**
 * Internal dependencies
 */
import { mountAll } from './mount';

domReady( () => {
	mountAll();
} );
