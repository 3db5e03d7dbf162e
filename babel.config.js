/**
 * Babel configuration.
 *
 * Wraps @wordpress/babel-preset-default (used by `wp-scripts build` and by
 * jest) and changes one thing: JSX is compiled with the *classic* runtime,
 * i.e. to `createElement( … )` / `Fragment` imported from `@wordpress/element`,
 * instead of the automatic runtime's `react/jsx-runtime` import.
 *
 * Why: the automatic runtime makes the dependency extraction plugin list the
 * `react-jsx-runtime` script handle in every `*.asset.php`, and that handle
 * only exists since WordPress 6.6. WordPress 6.1 (what we support) would then
 * refuse to load our scripts. With the classic runtime every file that uses
 * JSX imports `createElement` (and `Fragment` where used) from
 * `@wordpress/element`, which maps to the `wp-element` handle that every
 * supported WordPress version has. `tsconfig.json` uses the same factory
 * (`"jsx": "react"`, `jsxFactory`, `jsxFragmentFactory`), so `tsc` checks
 * exactly what Babel emits, and `webpack.config.js` fails the build should
 * `react-jsx-runtime` ever appear in an asset file again.
 */
const wpPreset = require( '@wordpress/babel-preset-default' );

const JSX_PLUGIN = require.resolve( '@babel/plugin-transform-react-jsx' );
const TS_PRESET = require.resolve( '@babel/preset-typescript' );

const PRAGMA = { pragma: 'createElement', pragmaFrag: 'Fragment' };

const nameOf = ( item ) => ( Array.isArray( item ) ? item[ 0 ] : item );

module.exports = ( api ) => {
	const config = wpPreset( api );
	let jsxReplaced = false;
	let tsReplaced = false;

	config.plugins = config.plugins.map( ( plugin ) => {
		if ( nameOf( plugin ) !== JSX_PLUGIN ) {
			return plugin;
		}
		jsxReplaced = true;
		return [ JSX_PLUGIN, { runtime: 'classic', ...PRAGMA } ];
	} );

	// The TypeScript preset drops imports that it sees no value use of; it
	// must know that JSX uses `createElement` and `Fragment`, or it removes
	// their imports and the built code calls an undefined `createElement`.
	config.presets = config.presets.map( ( preset ) => {
		if ( nameOf( preset ) !== TS_PRESET ) {
			return preset;
		}
		tsReplaced = true;
		const options = Array.isArray( preset ) ? preset[ 1 ] : {};
		return [
			TS_PRESET,
			{
				...options,
				jsxPragma: PRAGMA.pragma,
				jsxPragmaFrag: PRAGMA.pragmaFrag,
			},
		];
	} );

	if ( ! jsxReplaced || ! tsReplaced ) {
		throw new Error(
			'babel.config.js: @wordpress/babel-preset-default no longer has the expected JSX plugin and TypeScript preset; update the JSX runtime override.'
		);
	}

	return config;
};
