/**
 * Webpack configuration: the @wordpress/scripts default (entry points come
 * from the `file:` fields of src/blocks/{block}/block.json; output lands in
 * build/), plus the wp-admin screens (src/admin/) as two more entry points,
 * `admin/index` and `admin/dashboard`, whose builds land in build/admin/.
 */
const path = require( 'node:path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

/** Entry points that no block.json names. */
const EXTRA_ENTRIES = {
	'admin/index': path.resolve( __dirname, 'src/admin/index.tsx' ),
	// The dashboard and Chart.js, enqueued on the dashboard page only.
	'admin/dashboard': path.resolve( __dirname, 'src/admin/dashboard.tsx' ),
};

/**
 * The default entries (a function of the block.json files, or an object)
 * plus EXTRA_ENTRIES.
 *
 * @param {Object} config A webpack config whose `entry` is a function or an object.
 */
const withExtraEntries = ( config ) => ( {
	...config,
	entry: () => ( {
		...( typeof config.entry === 'function'
			? config.entry()
			: config.entry ),
		...EXTRA_ENTRIES,
	} ),
} );

// When the default is a list, its first config builds the classic scripts
// (the second, if any, builds script modules); the admin app is a script.
module.exports = Array.isArray( defaultConfig )
	? defaultConfig.map( ( config, index ) =>
			index === 0 ? withExtraEntries( config ) : config
		)
	: withExtraEntries( defaultConfig );
