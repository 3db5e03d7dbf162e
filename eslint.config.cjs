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
			'.runtime/**',
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
			// JSX compiles to createElement/Fragment from @wordpress/element
			// (classic runtime, see babel.config.js).
			react: {
				version: '17.0',
				pragma: 'createElement',
				fragment: 'Fragment',
			},
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

	{
		files: [ '**/*.ts', '**/*.tsx' ],
		languageOptions: {
			parserOptions: {
				// Lets typescript-eslint see that JSX uses these imports.
				jsxPragma: 'createElement',
				jsxFragmentName: 'Fragment',
			},
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
