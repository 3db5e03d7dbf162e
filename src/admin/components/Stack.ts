/**
 * The layout stacks of `@wordpress/components`, under the names the screens
 * use. The forms take their spacing from these (their `spacing` prop), as
 * the components' controls add no margins of their own.
 *
 * WordPress 6.8 and 7.1 still export them with the `__experimental` prefix,
 * although their props have not changed since WordPress 5.9 and the editor
 * itself lays out with them; this file is the one place that imports them,
 * so a rename is one edit.
 */

/* eslint-disable @wordpress/no-unsafe-wp-apis -- the one exception, see above. */
import {
	__experimentalHStack as HStack,
	__experimentalVStack as VStack,
} from '@wordpress/components';
/* eslint-enable @wordpress/no-unsafe-wp-apis */

export { HStack, VStack };
