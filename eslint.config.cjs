/**
 * ESLint flat config, run by `npm run lint:js`
 * (`wp-scripts lint-js src tests/js tests/e2e`).
 */
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	{
		// `.runtime/` holds the local WordPress, whose plugins folder links
		// back to this repository: never crawl it.
		ignores: [
			'.runtime*/**',
			'**/node_modules/**',
			'**/vendor/**',
			'**/build/**',
			'tests/e2e/artifacts/**',
			'test-results/**',
			'playwright-report/**',
		],
	},

	...wpPlugin.configs.recommended,

	{
		linterOptions: {
			reportUnusedDisableDirectives: 'error',
		},
		settings: {
			// WordPress 6.8+ ships React 18; JSX uses the automatic runtime.
			react: { version: '18.3' },
			// @wordpress/* packages are the `wp-*` scripts of WordPress at
			// run time (webpack externals); some are not installed.
			'import/core-modules': [ '@wordpress/block-editor' ],
		},
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'appointease' },
			],
		},
	},

	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/js/**/*.{js,jsx,ts,tsx}' ],
	} ) ),

	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/e2e/**/*.{js,ts}' ],
	} ) ),
];
