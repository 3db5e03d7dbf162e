/**
 * Webpack configuration: the @wordpress/scripts default (entry points come
 * from the `file:` fields of src/blocks/{block}/block.json; output lands in
 * build/), plus a guard that keeps the build loadable on WordPress 6.1.
 *
 * The wp-admin screens (src/admin/) are one more entry point, `admin/index`,
 * added to the blocks' entries; their build lands in build/admin/.
 */
const path = require( 'node:path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

/** Entry points that no block.json names. */
const EXTRA_ENTRIES = {
	'admin/index': path.resolve( __dirname, 'src/admin/index.tsx' ),
};

/**
 * Script handles that WordPress 6.1 does not register. A `*.asset.php` that
 * lists one of them makes WordPress drop the whole script.
 */
const HANDLES_MISSING_IN_WP_6_1 = [ 'react-jsx-runtime' ];

/**
 * A call of a bare `createElement` in built code means Babel dropped the
 * `@wordpress/element` import that JSX needs (imported calls look like
 * `(0,x.createElement)(…)`).
 */
const BARE_CREATE_ELEMENT = /(?:^|[^.\w$])createElement\(/;

class MinimumWordPressGuardPlugin {
	apply( compiler ) {
		compiler.hooks.thisCompilation.tap(
			'MinimumWordPressGuardPlugin',
			( compilation ) => {
				compilation.hooks.processAssets.tap(
					{
						name: 'MinimumWordPressGuardPlugin',
						// Right after the dependency extraction plugin has
						// written the *.asset.php files (stage ANALYSE).
						stage:
							compiler.webpack.Compilation
								.PROCESS_ASSETS_STAGE_ANALYSE + 1,
					},
					( assets ) => {
						for ( const [ name, source ] of Object.entries(
							assets
						) ) {
							const text = source.source().toString();
							if (
								name.endsWith( '.js' ) &&
								BARE_CREATE_ELEMENT.test( text )
							) {
								compilation.errors.push(
									new compiler.webpack.WebpackError(
										`${ name } calls createElement without importing it from @wordpress/element (see babel.config.js).`
									)
								);
							}
							if ( ! name.endsWith( '.asset.php' ) ) {
								continue;
							}
							for ( const handle of HANDLES_MISSING_IN_WP_6_1 ) {
								if ( text.includes( `'${ handle }'` ) ) {
									compilation.errors.push(
										new compiler.webpack.WebpackError(
											`${ name } depends on the script handle "${ handle }", which WordPress 6.1 does not have. JSX must use the classic runtime (see babel.config.js).`
										)
									);
								}
							}
						}
					}
				);
			}
		);
	}
}

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

const withGuard = ( config ) => ( {
	...config,
	plugins: [ ...config.plugins, new MinimumWordPressGuardPlugin() ],
} );

// When the default is a list, its first config builds the classic scripts
// (the second, if any, builds script modules); the admin app is a script.
module.exports = Array.isArray( defaultConfig )
	? defaultConfig.map( ( config, index ) =>
			withGuard( index === 0 ? withExtraEntries( config ) : config )
	  )
	: withGuard( withExtraEntries( defaultConfig ) );
